"""The stance model: a multinomial logistic regression for replies that state no position.

Explicit position statements ("The Government supports this recommendation",
"Response: Noted") are read by the rules in :mod:`respassess.stance`. Many replies state
none: a coroner's PFD reply, a UPR reply, a TAIC recipient's letter only say what is
being done. ANNOTATION.md §1 and §6 judge those from what the reply *does* (acting =
accepted, deciding later = under consideration, only describing = noted, declining or
disputing the premise = rejected). :func:`stance_features` turns a reply into a fixed,
named vector of such signals (the conduct evidence of :mod:`respassess.stance_conduct`,
the rules' own reading, commitment and action counts, lexical cues); :class:`StanceModel`
learns the stance from the subset named in :data:`MODEL_FEATURES`, and only for replies
whose position the rules cannot read even in other words. Its text-only probabilities are
then weighed by the official label (:func:`combine_evidence`). The rules' own reading reaches
the model as features (``reason_*``, ``decisive``), not as a second weight on its output.

Fitting uses scikit-learn; the fitted model is plain JSON (coefficients, intercepts,
scaler) and predicts with numpy alone, so loading a model file can never execute code.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping, Sequence

import numpy as np

from .errors import InvalidValueError, ModelIntegrityError, value_invalid_msg
from .linear import LinearSoftmax, softmax
from .stance_conduct import SIGNAL_NAMES
from .types import Action, ActionStatus, Commitment, CommitmentStrength, Sentence, Stance

__all__ = ["StanceModel", "stance_features", "feature_table", "combine_evidence", "load_stance_model", "FEATURE_NAMES",
           "LEXICAL_FEATURE_NAMES", "MODEL_FEATURES", "FORMAT_VERSION", "STANCE_MODEL_FILE"]

#: Bumped whenever the JSON layout changes: an old file is refused. Each file lists the features it
#: uses, so a file written before new features were added still loads.
FORMAT_VERSION = 1
STANCE_MODEL_FILE = "stance_model.json"
_STANCES = [s.value for s in Stance]
#: sentences that count as the reply's opening, where a position is usually put
_OPEN = 2

# Lexical cues of what a reply does. Kept general (genre vocabulary, not phrases of one record).
_CUES: dict[str, str] = {
    "negation": r"\bnot\b|n[’']t\b|\bno\b|\bnever\b|\bneither\b|\bnor\b|\bcannot\b",
    "future": r"\bwill\b|\bshall\b|\bintends?\b|\bplans?\s+to\b|\bis\s+(?:going|due|expected)\s+to\b",
    "modal": r"\bmay\b|\bmight\b|\bcould\b|\bwould\b|\bshould\b",
    "past": r"\bhas\b|\bhave\b|\bhad\b|\bwas\b|\bwere\b|\bsince\b|\bin\s+(?:19|20)\d\d\b",
    "already": r"\balready\b|\bexisting\b|\bcurrent(?:ly)?\b|\bin\s+place\b|\bat\s+present\b",
    "ongoing": r"\bcontinu\w*|\bongoing\b|\bunder\s*way\b|\bin\s+progress\b|\bprogressing\b|\bbeing\s+\w+ed\b",
    "consider": r"\bconsider(?:s|ed|ing|ation)?\b|\breview\w*|\bassess\w*|\bexplor\w*|\bexamin\w*|\bevaluat\w*"
                r"|\binvestigat\w*|\bwhether\b",
    "decide_later": r"\b(?:will|to|shall)\s+(?:further\s+|now\s+|carefully\s+)?(?:consider|explore|examine|"
                    r"investigate|assess|evaluate|review|look\s+(?:into|at))\b|\bunder\s+(?:review|consideration)\b"
                    r"|\bnot\s+yet\b|\bin\s+due\s+course\b|\bawait\w*",
    "do_verb": r"\bwill\s+(?:\w+\s+)?(?:implement|introduce|publish|develop|establish|amend|update|ensure|provide|"
               r"undertake|issue|deliver|create|set\s+up|roll\s+out|launch|add|include|revise|change)\b",
    "done": r"\b(?:has|have)\s+(?:now\s+|already\s+|recently\s+)?(?:been\s+)?(?:implemented|introduced|published|"
            r"developed|established|amended|updated|issued|completed|changed|revised|added|created|put\s+in\s+place)\b",
    "position": r"\b(?:agrees?|agreed|accepts?|accepted|supports?|supported|endorses?|welcomes?)\b",
    "negated_position": r"\b(?:not|n[’']t)\s+(?:\w+\s+)?(?:agree|accept|support|endorse)\w*|\bdisagree\w*|\breject\w*",
    "principle": r"\bin\s+principle\b|\bintent(?:ion)?\b|\bspirit\b|\baims?\b",
    "partial": r"\bin\s+part\b|\bpartial(?:ly)?\b|\bsome\s+(?:of|aspects|elements)\b|\bonly\b",
    "note": r"\bnote[sd]?\b|\bnoting\b|\backnowledg\w*|\btakes?\s+note\b",
    "decline": r"\bnot\s+(?:a\s+priority|necessary|needed|required|warranted|appropriate|feasible|proportionate|"
               r"practicable|possible)\b|\bno\s+(?:plans?|intention|need|change|further\s+action)\b"
               r"|\bdo(?:es)?\s+not\s+(?:intend|plan|propose|believe|consider|see)\b|\bunable\s+to\b",
    "adequate": r"\b(?:adequate(?:ly)?|sufficient(?:ly)?|appropriate(?:ly)?|effective(?:ly)?|robust)\b",
    "deflect": r"\bmatter\s+for\b|\bresponsibility\s+of\b|\b(?:is|are)\s+(?:a\s+)?matters?\s+for\b"
               r"|\bfor\s+(?:individual|local)\s+\w+\s+to\b|\bindependent(?:ly)?\b",
    "legal": r"(?-i:\bAct\b)|\bConstitution\w*|\blegislation\b|\bprovides?\b|\bguarantee[sd]?\b|\bregulat\w*|\blaw\b",
    "letter": r"\bthank\s+you\b|\bregulation\s+28\b|\bprevent(?:ion\s+of)?\s+future\s+deaths\b|\bcondolences\b",
    "first_person": r"\bwe\b|\bour\b|(?-i:\bI\b)",
    "condition": r"\bsubject\s+to\b|\bwhere\s+(?:appropriate|possible|feasible)\b|\bif\b|\bunless\b",
}
_CUE_RE = {name: re.compile(p, re.IGNORECASE) for name, p in _CUES.items()}

#: the features of models written before the conduct signals; such files still load and predict
LEXICAL_FEATURE_NAMES: tuple[str, ...] = (
    *(f"explicit_{s}" for s in _STANCES), "explicit_none", "explicit_weight", "label_line",
    *(f"conduct_{s}" for s in _STANCES), "conduct_confidence",
    "log_sentences", "log_words",
    "firm", "qualified", "vague", "conditional", "firm_open", "completed", "ongoing", "action_open",
    *(f"open_{name}" for name in _CUES), *(f"all_{name}" for name in _CUES),
)
#: every feature :func:`stance_features` computes; a model uses those named in its file
FEATURE_NAMES: tuple[str, ...] = (*LEXICAL_FEATURE_NAMES, *(f"signal_{name}" for name in SIGNAL_NAMES))
#: the features new models are trained on: the conduct evidence (ANNOTATION.md §6), the rules' own
#: reading and the reply's length. The lexical cue counts stay computable for older model files but
#: are left out: on a few dozen gold replies they let the model fit wording instead of conduct.
MODEL_FEATURES: tuple[str, ...] = tuple(n for n in FEATURE_NAMES if n.startswith(("signal_", "conduct_", "log_")))


_META = ("training_data", "date", "metrics", "n_examples", "official_prior", "explicit_threshold",
         "params_training")


def stance_features(sentences: Sequence[Sentence], *, commitments: Sequence[Commitment] = (),
                    actions: Sequence[Action] = (), response: str = "",
                    names: Sequence[str] = FEATURE_NAMES) -> np.ndarray:
    """The feature vector of one reply, in the order of ``names``.

    Text-only: the official label is deliberately not a feature, so a model trained on
    official labels as weak targets cannot learn to copy them.

    Args:
        sentences: the reply's sentences.
        commitments: its extracted commitments.
        actions: its extracted completed/ongoing actions.
        response: the full reply text (defaults to the sentences joined).
        names: which features, in which order (a model passes its own :attr:`StanceModel.features_`).

    Returns:
        A float vector of ``len(names)``.

    Raises:
        InvalidValueError: a name is not in :data:`FEATURE_NAMES`.
    """
    values = feature_table(sentences, commitments=commitments, actions=actions, response=response)
    unknown = [n for n in names if n not in values]
    if unknown:
        raise InvalidValueError(value_invalid_msg("names", unknown[0], hint="Use names from FEATURE_NAMES."))
    return np.asarray([values[n] for n in names], dtype=np.float64)


def feature_table(sentences: Sequence[Sentence], *, commitments: Sequence[Commitment] = (),
                  actions: Sequence[Action] = (), response: str = "") -> dict[str, float]:
    """Every feature of :data:`FEATURE_NAMES` of one reply, by name.

    Args:
        sentences: the reply's sentences.
        commitments: its extracted commitments.
        actions: its extracted completed/ongoing actions.
        response: the full reply text (defaults to the sentences joined).

    Returns:
        ``{name: value}``.
    """
    from .stance import answer_scope, explicit_position, find_cross_reference
    from .stance_conduct import conduct_signals, read_conduct

    text, sentences = answer_scope(response or " ".join(s.text for s in sentences), sentences)
    commitments = [c for c in commitments if c.start < len(text)]
    actions = [a for a in actions if a.start < len(text)]
    explicit = explicit_position(sentences)
    conduct = read_conduct(text, sentences, commitments, actions,
                           cross_reference=find_cross_reference(text) if text else None)
    n = max(len(sentences), 1)
    opening = " ".join(s.text for s in sentences[:_OPEN]) if sentences else text
    firm = [c for c in commitments if c.strength is CommitmentStrength.FIRM]
    values: list[float] = [
        *(float(explicit is not None and explicit[1].value == s) for s in _STANCES),
        float(explicit is None), explicit[0] if explicit else 0.0,
        float(explicit is not None and explicit[0] >= 1.0),
        *(float(conduct.stance.value == s) for s in _STANCES), conduct.confidence,
        math.log1p(len(sentences)), math.log1p(len(text.split())),
        len(firm) / n,
        sum(c.strength is CommitmentStrength.QUALIFIED for c in commitments) / n,
        sum(c.strength is CommitmentStrength.VAGUE for c in commitments) / n,
        sum(c.conditional for c in commitments) / n,
        float(any(c.sentence_index < _OPEN for c in firm)),
        sum(a.status is ActionStatus.COMPLETED for a in actions) / n,
        sum(a.status is ActionStatus.ONGOING for a in actions) / n,
        float(any(a.sentence_index < _OPEN for a in actions)),
        *(float(bool(_CUE_RE[name].search(opening))) for name in _CUES),
        *(math.log1p(len(_CUE_RE[name].findall(text))) / math.log1p(n + 1) for name in _CUES),
    ]
    table = dict(zip(LEXICAL_FEATURE_NAMES, values))
    table.update({f"signal_{k}": v for k, v in conduct_signals(text, sentences, commitments, actions).items()})
    return table


def combine_evidence(proba: np.ndarray, classes: Sequence[str], *, official: str | None = None,
                     prior: Mapping[str, Sequence[float]] | None = None) -> tuple[str, float]:
    """Weigh the model's text-only probabilities by the official label.

    Args:
        proba: the model's class probabilities (columns in ``classes`` order).
        classes: the model's classes.
        official: the canonical stance of the official label, if any.
        prior: P(gold stance | official label) (stance values in :class:`Stance` order).

    Returns:
        The stance and its renormalised probability.
    """
    p = np.zeros(len(_STANCES))
    for k, c in enumerate(classes):
        p[_STANCES.index(c)] = proba[k]
    if official and prior and official in prior:
        p = p * np.asarray(prior[official], dtype=np.float64)
    p = p / p.sum() if p.sum() > 0 else p
    best = int(p.argmax())
    return _STANCES[best], float(p[best])


class StanceModel(LinearSoftmax):
    """Multinomial logistic regression over :func:`stance_features`.

    Args:
        C: inverse regularisation strength.
        seed: random seed of the solver.
        features: the names of the features it uses, from :data:`FEATURE_NAMES` (default: all).

    Attributes (after :meth:`fit` or :meth:`load`):
        classes_: the stances, in column order.
        coef_, intercept_: the regression on standardised features.
        mean_, scale_: the standardiser.
        meta_: provenance (training data, seed, date, metrics).
    """

    clip = 3.0

    def __init__(self, *, C: float = 1.0, seed: int = 0, features: Sequence[str] = FEATURE_NAMES) -> None:
        self.C = C
        self.seed = seed
        self.features = tuple(features)
        self.meta_: dict[str, Any] = {}

    def fit(self, X: np.ndarray, y: Sequence[str], *, sample_weight: Sequence[float] | None = None) -> "StanceModel":
        """Fit the regression.

        Args:
            X: feature rows (one column per name in :attr:`features`).
            y: the stance of each row.
            sample_weight: weight of each row (gold rows high, weak-label rows lower).

        Returns:
            self.

        Raises:
            InvalidValueError: ``X`` has the wrong width or ``y`` an unknown stance.
        """
        from sklearn.linear_model import LogisticRegression

        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2 or X.shape[1] != len(self.features):
            raise InvalidValueError(value_invalid_msg("X", f"shape {X.shape}",
                                                      hint=f"Pass rows of {len(self.features)} features."))
        bad = sorted({v for v in y if v not in _STANCES})
        if bad:
            raise InvalidValueError(value_invalid_msg("y", bad[0], _STANCES))
        y = np.asarray(y)
        w = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
        self.classes_ = [s for s in _STANCES if s in set(y.tolist())]
        self.mean_ = np.average(X, axis=0, weights=w)
        scale = np.sqrt(np.average((X - self.mean_) ** 2, axis=0, weights=w))
        self.scale_ = np.where(scale > 1e-9, scale, 1.0)
        lr = LogisticRegression(C=self.C, max_iter=5000, random_state=self.seed)
        lr.fit(self.standardise(X), y, sample_weight=w)
        coef = np.zeros((len(self.classes_), X.shape[1]))
        intercept = np.full(len(self.classes_), -30.0)
        for row, label in enumerate(lr.classes_):
            k = self.classes_.index(label)
            if len(lr.classes_) > 2:
                coef[k], intercept[k] = lr.coef_[row], lr.intercept_[row]
            else:  # binary sklearn keeps one row: the positive class
                sign = 1.0 if row == 1 else -1.0
                coef[k], intercept[k] = sign * lr.coef_[0] / 2, sign * lr.intercept_[0] / 2
        self.coef_, self.intercept_ = coef, intercept
        return self

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """Class probabilities (numpy only), columns in :attr:`classes_` order."""
        return softmax(self.linear_scores(X))

    def predict(self, X: np.ndarray) -> list[str]:
        """The most probable stance of each row."""
        return [self.classes_[i] for i in self.predict_proba(X).argmax(axis=1)]

    @property
    def explicit_threshold(self) -> float:
        """Explicit-cue weight at or above which the rules decide and this model is not asked."""
        return float(self.meta_.get("explicit_threshold", 0.5))

    def predict_reply(self, sentences: Sequence[Sentence], *, commitments: Sequence[Commitment] = (),
                      actions: Sequence[Action] = (), response: str = "", official: Stance | None = None
                      ) -> tuple[Stance, float]:
        """The stance of one reply and its probability.

        Args:
            sentences: the reply's sentences.
            commitments: its extracted commitments.
            actions: its extracted actions.
            response: the full reply text.
            official: the canonical stance of the official label; weighs the text-only
                probabilities by how dev gold stances fall under that label.

        Returns:
            The stance and its probability.
        """
        proba = self.predict_proba(stance_features(sentences, commitments=commitments, actions=actions,
                                                   response=response, names=self.features))[0]
        stance, probability = combine_evidence(
            proba, self.classes_, official=official.value if official else None,
            prior=self.meta_.get("official_prior", {}))
        return Stance(stance), probability

    @property
    def version(self) -> str:
        """A short id of this fitted model: format, date and seed."""
        return f"stance-lr-v{FORMAT_VERSION}-{self.meta_.get('date', 'unknown')}-s{self.seed}"

    def to_dict(self) -> dict[str, Any]:
        """The fitted state as JSON-safe data."""
        return {
            "format_version": FORMAT_VERSION, "kind": "multinomial_logistic_regression", "version": self.version,
            "features": list(self.features), "classes": list(self.classes_),
            **self.linear_state(),
            "params": {"C": self.C, "seed": self.seed},
            **self.meta_,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "StanceModel":
        """Rebuild a model from :meth:`to_dict` data.

        Raises:
            ModelIntegrityError: the data was written by another format version or for other features.
        """
        features = [str(f) for f in data.get("features", [])]
        unknown = sorted(set(features) - set(FEATURE_NAMES))
        if data.get("format_version") != FORMAT_VERSION or not features or unknown:
            raise ModelIntegrityError(
                f"stance model format {data.get('format_version')!r} does not match this respassess "
                f"(format {FORMAT_VERSION}; unknown features {unknown[:3]}); rebuild it with train_stance_model")
        params = data.get("params", {})
        model = cls(C=float(params.get("C", 1.0)), seed=int(params.get("seed", 0)), features=features)
        model.classes_ = [Stance(c).value for c in data["classes"]]
        model.set_linear_state(data)
        width = len(features)
        if model.coef_.shape != (len(model.classes_), width) or model.mean_.shape != (width,):
            raise ModelIntegrityError(f"stance model arrays have shape {model.coef_.shape}, expected "
                                      f"({len(model.classes_)}, {width}); rebuild it with train_stance_model")
        model.meta_ = {k: data[k] for k in _META if k in data}
        return model

    @classmethod
    def load(cls, path: str | Path) -> "StanceModel":
        """Read a model JSON file written by :meth:`save`.

        Raises:
            ModelIntegrityError: the file is not valid JSON or not a model of this format.
        """
        data = cls.read_json(path, what="stance model", rebuild="train_stance_model")
        return cls.from_dict(data)


@lru_cache(maxsize=4)
def load_stance_model(path: str | None = None) -> StanceModel | None:
    """Load the stance model once per process, or return ``None`` when there is none (rules decide).

    Args:
        path: a model JSON file; ``None`` uses ``models/stance_model.json``, checked against
            the sha256 in ``models/MANIFEST.json``.

    Returns:
        The model, or ``None`` when the default file is absent.

    Raises:
        ModelIntegrityError: the file does not match its manifest sha256 or is not a stance model.
    """
    from .models import locate_artefact

    target = locate_artefact(path, STANCE_MODEL_FILE, what="stance model")
    if target is None:
        return None
    return StanceModel.load(target)

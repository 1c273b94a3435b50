"""The evidence model: which response sentences speak to an ask, learned from gold evidence.

A fixed cosine threshold misses the evidence of short replies (a three-sentence TAIC letter
answers its one ask in every sentence, at a cosine of 0.25) and over-collects in long ones.
:class:`EvidenceModel` is a logistic regression over a few named signals of one (ask,
sentence) pair, each relative to the reply it sits in: the cosine, how far it falls below
the ask's best cosine, the share of the ask's key terms the sentence holds, the sentence's
rank, and the sizes of the reply and of the recommendation. A sentence is evidence when its
probability reaches the model's threshold, chosen out-of-fold on the dev gold.

Fitting uses scikit-learn; the fitted model is plain JSON (coefficients, scaler, threshold)
and predicts with numpy alone, so loading a model file can never execute code.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping, Sequence

import numpy as np

from ..errors import InvalidValueError, ModelIntegrityError, value_invalid_msg
from ..linear import LinearSoftmax

__all__ = ["EvidenceModel", "pair_features", "load_evidence_model", "EVIDENCE_FEATURES", "EVIDENCE_MODEL_FILE"]

#: Bumped whenever the JSON layout or the features change: an old file is refused.
FORMAT_VERSION = 1
EVIDENCE_MODEL_FILE = "evidence_model.json"
EVIDENCE_FEATURES = ("cosine", "below_best", "term_overlap", "rank", "log_sentences", "asks")


def pair_features(similarities: np.ndarray, overlaps: np.ndarray, *, n_asks: int) -> np.ndarray:
    """The feature rows of one ask against the reply's substantive sentences.

    Args:
        similarities: the ask's cosine with each substantive sentence.
        overlaps: the share of the ask's key terms each sentence holds (0..1).
        n_asks: how many asks the recommendation was split into.

    Returns:
        One row of :data:`EVIDENCE_FEATURES` per sentence (shape ``(len(similarities), 6)``).
    """
    from .match import TERM_WEIGHT

    sims = np.asarray(similarities, dtype=np.float64)
    n = len(sims)
    if n == 0:
        return np.zeros((0, len(EVIDENCE_FEATURES)))
    ranked = np.argsort(-(sims + TERM_WEIGHT * np.asarray(overlaps, dtype=np.float64)), kind="stable")
    rank = np.empty(n)
    rank[ranked] = np.arange(1, n + 1)
    return np.column_stack([sims, sims - sims.max(), overlaps, rank, np.full(n, math.log(n)), np.full(n, n_asks)])


class EvidenceModel(LinearSoftmax):
    """Logistic regression: is this sentence evidence for this ask?

    Attributes (after fitting or loading):
        coef_, intercept_, mean_, scale_: the regression on standardised features (one row: "evidence").
        threshold: the probability from which a sentence counts as evidence.
        meta_: provenance (training data, seed, date, metrics).
    """

    def __init__(self, *, C: float = 1.0, seed: int = 0, threshold: float = 0.5) -> None:
        self.C = C
        self.seed = seed
        self.threshold = threshold
        self.meta_: dict[str, Any] = {}

    def fit(self, X: np.ndarray, y: Sequence[bool]) -> "EvidenceModel":
        """Fit the regression on rows of :data:`EVIDENCE_FEATURES` and 0/1 labels.

        Raises:
            InvalidValueError: ``X`` has the wrong width, or ``y`` holds one class only.
        """
        from sklearn.linear_model import LogisticRegression

        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2 or X.shape[1] != len(EVIDENCE_FEATURES):
            raise InvalidValueError(value_invalid_msg("X", f"shape {X.shape}",
                                                      hint=f"Pass rows of {len(EVIDENCE_FEATURES)} features."))
        y = np.asarray(y, dtype=bool)
        if y.all() or not y.any():
            raise InvalidValueError(value_invalid_msg("y", "one class only",
                                                      hint="Pass evidence and non-evidence sentences."))
        self.mean_ = X.mean(axis=0)
        scale = X.std(axis=0)
        self.scale_ = np.where(scale > 1e-9, scale, 1.0)
        lr = LogisticRegression(C=self.C, max_iter=2000, random_state=self.seed)
        lr.fit((X - self.mean_) / self.scale_, y)
        self.coef_, self.intercept_ = lr.coef_.astype(np.float64), lr.intercept_.astype(np.float64)
        return self

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """The probability that each row is evidence (numpy only)."""
        if len(X) == 0:
            return np.zeros(0)
        return 1.0 / (1.0 + np.exp(-self.linear_scores(X)[:, 0]))

    @property
    def version(self) -> str:
        """A short id of this fitted model: format, date and seed (stamped on assessments)."""
        return f"evidence-lr-v{FORMAT_VERSION}-{self.meta_.get('date', 'unknown')}-s{self.seed}"

    def to_dict(self) -> dict[str, Any]:
        """The fitted state as JSON-safe data."""
        return {"format": FORMAT_VERSION, "kind": "evidence_model", "features": list(EVIDENCE_FEATURES),
                "threshold": round(float(self.threshold), 4), "params": {"C": self.C, "seed": self.seed},
                **self.linear_state(), "meta": self.meta_}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "EvidenceModel":
        """Rebuild a model from :meth:`to_dict` output.

        Raises:
            ModelIntegrityError: the data is not an evidence model of this format.
        """
        if data.get("kind") != "evidence_model" or data.get("format") != FORMAT_VERSION \
                or list(data.get("features", [])) != list(EVIDENCE_FEATURES):
            raise ModelIntegrityError(f"not an evidence model of format {FORMAT_VERSION} with features "
                                      f"{', '.join(EVIDENCE_FEATURES)}; rebuild it with `respassess train`")
        params = data.get("params", {})
        model = cls(C=float(params.get("C", 1.0)), seed=int(params.get("seed", 0)),
                    threshold=float(data["threshold"]))
        try:
            model.set_linear_state(data)
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelIntegrityError(f"evidence model arrays are unreadable ({exc}); "
                                      "rebuild it with `respassess train`") from exc
        model.meta_ = dict(data.get("meta", {}))
        return model

    @classmethod
    def load(cls, path: str | Path) -> "EvidenceModel":
        """Read a model JSON file written by :meth:`save`.

        Raises:
            ModelIntegrityError: the file is not valid JSON or not an evidence model.
        """
        return cls.from_dict(cls.read_json(path, what="evidence model", rebuild="respassess train"))


@lru_cache(maxsize=4)
def load_evidence_model(path: str | None = None) -> EvidenceModel | None:
    """Load the evidence model once per process, or return ``None`` when there is none (the cosine rule decides).

    Args:
        path: a model JSON file; ``None`` uses ``models/evidence_model.json``, checked against
            the sha256 in ``models/MANIFEST.json``.

    Raises:
        ModelIntegrityError: the file does not exist (when named), does not match its manifest
            sha256, or is not an evidence model.
    """
    from ..models import locate_artefact

    target = locate_artefact(path, EVIDENCE_MODEL_FILE, what="evidence model")
    if target is None:
        return None
    return EvidenceModel.load(target)

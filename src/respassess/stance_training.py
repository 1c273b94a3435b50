"""Train the stance model from gold stances plus weak labels from official categories.

Gold stances are few (one per record), so the model also learns from records whose
*official* category is known but whose text nobody annotated: UN UPR positions
(Supported/Noted), the NZ Ministry of Transport's categories of TAIC replies
(``gov_report_*``), Australian labels. An official label is not the text's stance
(ANNOTATION.md §1): a UPR "Noted" can be a refusal or a plain description. So each
weak label becomes a *distribution* over stances, estimated from the dev gold records
that carry the same label (smoothed towards the label's canonical mapping), and
sharpened once by a model fitted on gold alone (one EM step); the rows enter the fit
with those probabilities times a weight below the gold rows'.

The model is fitted only on the replies it will be asked about at run time (:func:`asked`):
no explicit position, and no position the rules read in other words (a refusal, a
deferral, "considers it implemented", a bare description; see
:mod:`respassess.stance_conduct`). Its features are the conduct signals
(:data:`~respassess.stance_model.MODEL_FEATURES`), not the wording.

Split discipline: only gold records that :func:`respassess.evaluate.heldout_split` puts
in "dev" are trained on; weak records whose id is a held-out gold id, or whose reply
text equals a held-out record's reply (UPR replies shared across recommendations), are
dropped. Held-out records are scored once, for the report.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Callable, Collection, Iterable, Mapping, Sequence

import numpy as np

from .errors import GoldFormatError
from .stance_examples import StanceExample, collect_stance_examples, reply_key, stance_example, weak_stance_label
from .types import Stance

# StanceExample and the example builders live in stance_examples; re-exported for callers of this module
__all__ = ["StanceExample", "weak_stance_label", "collect_stance_examples", "stance_example", "asked",
           "train_stance_model", "fit_stance_model", "usable_weak_rows", "reply_key", "combine_with_official",
           "official_prior_table"]

log = logging.getLogger(__name__)
_STANCES = [s.value for s in Stance]
#: pseudo-count of a weak label's canonical stance, and of every stance, in its distribution
_ALPHA, _FLOOR = 3.0, 0.5


def _weak_table(examples: Sequence[StanceExample],
                extra: Sequence[StanceExample] = ()) -> dict[tuple[str, str], np.ndarray]:
    """P(gold stance | weak label), from the gold examples that also carry a weak label.

    Labels seen only on ``extra`` (weak) examples get their canonical stance, smoothed.
    """
    counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for e in examples:
        if e.gold and e.weak:
            counts[e.weak][e.gold] += 1
    keys = {e.weak for e in (*examples, *extra) if e.weak}
    table = {}
    for key in keys:
        v = np.array([counts[key][s] + _ALPHA * (s == key[1]) + 0.05 for s in _STANCES])
        table[key] = v / v.sum()
    return table


def official_prior_table(examples: Sequence[StanceExample], *, threshold: float) -> dict[str, list[float]]:
    """P(gold stance | official label) over the gold replies the model is asked about (:func:`asked`)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for e in examples:
        if e.gold and e.official and asked(e, threshold=threshold):
            counts[e.official][e.gold] += 1
    table = {}
    for official in _STANCES:
        v = np.array([counts[official][s] + _ALPHA * (s == official) + _FLOOR for s in _STANCES])
        table[official] = np.round(v / v.sum(), 6).tolist()
    return table


def combine_with_official(proba: np.ndarray, classes: Sequence[str], official: str | None,
                          prior: Mapping[str, Sequence[float]]) -> tuple[str, float]:
    """Weigh the model's text-only probabilities by the official label.

    See :func:`respassess.stance_model.combine_evidence`, which this calls.
    """
    from .stance_model import combine_evidence

    return combine_evidence(proba, classes, official=official, prior=prior)


def asked(example: StanceExample, *, threshold: float) -> bool:
    """Whether the model decides this reply: no explicit position and no position read in other words."""
    return example.explicit_weight < threshold and not example.rule_decisive


def _fit(gold_ex: Sequence[StanceExample], weak_ex: Sequence[StanceExample], *, C: float, seed: int,
         weak_weight: float, threshold: float, features: Sequence[str] | None = None) -> Any:
    """Fit on the replies the model will be asked about (gold rows, then weak rows with EM-sharpened labels)."""
    from .stance_model import FEATURE_NAMES, MODEL_FEATURES, StanceModel

    features = tuple(features or MODEL_FEATURES)
    cols = [FEATURE_NAMES.index(f) for f in features]
    population = [e for e in gold_ex if asked(e, threshold=threshold)]
    if len({e.gold for e in population}) < 2:  # too few such gold replies to learn from: use them all
        population = list(gold_ex)
    X = np.vstack([e.features[cols] for e in population])
    y = [e.gold for e in population]
    model = StanceModel(C=C, seed=seed, features=features).fit(X, y)
    weak_ex = [e for e in weak_ex if asked(e, threshold=threshold)]
    if not weak_ex or weak_weight <= 0:
        return model
    table = _weak_table(population, weak_ex)
    rows, labels, weights = list(X), list(y), [1.0] * len(y)
    for e in weak_ex:
        prior = table.get(e.weak)
        if prior is None:
            continue
        post = np.zeros(len(_STANCES))
        proba = model.predict_proba(e.features[cols])[0]
        for k, c in enumerate(model.classes_):
            post[_STANCES.index(c)] = proba[k]
        post = prior * (post + 1e-3)  # one EM step: the text sharpens the label's distribution
        post = post / post.sum()
        for k, s in enumerate(_STANCES):
            if post[k] > 0.02:
                rows.append(e.features[cols])
                labels.append(s)
                weights.append(weak_weight * float(post[k]))
    return StanceModel(C=C, seed=seed, features=features).fit(np.vstack(rows), labels, sample_weight=weights)


def decide(example: StanceExample, model: Any, prior: Mapping[str, Sequence[float]], *, threshold: float) -> str:
    """The combined call on a training example, as :func:`respassess.stance.read_stance` makes it.

    Explicit position first, then a position the rules read in other words, then the model,
    weighed by the official label.
    """
    from .stance_model import FEATURE_NAMES

    if not asked(example, threshold=threshold):
        return example.rule_stance
    row = example.features[[FEATURE_NAMES.index(f) for f in model.features]]
    return combine_with_official(model.predict_proba(row)[0], model.classes_, example.official, prior)[0]


def _folds(groups: Sequence[str], n: int, seed: int) -> dict[str, int]:
    unique = sorted(set(groups))
    np.random.RandomState(seed).shuffle(unique)
    return {g: i % n for i, g in enumerate(unique)}


def _cross_validate(gold_ex: Sequence[StanceExample], weak_ex: Sequence[StanceExample], targets: Sequence[StanceExample],
                    score: Callable[[StanceExample, str], bool], *, C: float, seed: int, weak_weight: float,
                    threshold: float, folds: int, use_official: bool = True) -> float:
    """Accuracy on ``targets`` from models that never saw a target's reply text (grouped K-fold)."""
    fold_of = _folds([e.group for e in targets], folds, seed)
    hits = []
    for f in range(folds):
        held = [e for e in targets if fold_of[e.group] == f]
        if not held:
            continue
        out = {e.group for e in held}
        tr_gold = [e for e in gold_ex if e.group not in out]
        tr_weak = [e for e in weak_ex if e.group not in out]
        model = _fit(tr_gold, tr_weak, C=C, seed=seed, weak_weight=weak_weight, threshold=threshold)
        prior = official_prior_table(tr_gold, threshold=threshold)
        if not use_official:  # scoring against official labels: the label must not be an input
            held = [dataclasses.replace(e, official=None) for e in held]
        hits += [score(e, decide(e, model, prior, threshold=threshold)) for e in held]
    return round(float(np.mean(hits)), 4) if hits else float("nan")


def weak_agreement(example: StanceExample, stance: str) -> bool:
    """Whether a stance is compatible with an example's weak label (polarity, not the exact class)."""
    positive = {"accepted", "accepted_in_principle", "partially_accepted"}
    scheme, label = example.weak
    if label == Stance.NOTED.value:  # "Noted" covers plain noting, deferral and refusal alike
        return stance not in positive - {"partially_accepted"}
    if label in positive:
        return stance in positive
    return stance == label or (label == Stance.REJECTED.value and stance == Stance.PARTIALLY_ACCEPTED.value)


def fit_stance_model(gold_ex: Sequence[StanceExample], weak_ex: Sequence[StanceExample] = (), *, C: float = 0.1,
                     seed: int = 0, weak_weight: float = 0.5, threshold: float = 0.5) -> Any:
    """Fit a stance model ready to use: the regression plus what inference weighs it by.

    Args:
        gold_ex: gold examples (dev split only; the caller keeps held-out replies out).
        weak_ex: examples labelled by their official category.
        C: inverse regularisation strength.
        seed: random seed of the solver.
        weak_weight: total weight of one weak record relative to a gold record.
        threshold: explicit-cue weight at or above which the rules decide and the model is not asked.

    Returns:
        A :class:`~respassess.stance_model.StanceModel` whose ``meta_`` holds the official-label prior
        and the threshold (what :meth:`~respassess.stance_model.StanceModel.predict_reply`
        and :func:`~respassess.stance.read_stance` read).
    """
    model = _fit(gold_ex, weak_ex, C=C, seed=seed, weak_weight=weak_weight, threshold=threshold)
    model.meta_ = {"official_prior": official_prior_table(gold_ex, threshold=threshold),
                   "explicit_threshold": threshold,
                   "params_training": {"weak_weight": weak_weight, "alpha": _ALPHA}}
    return model


def usable_weak_rows(rows: Iterable[Mapping[str, Any]], *, gold_ids: Collection[str],
                     heldout_texts: Collection[str]) -> list[Mapping[str, Any]]:
    """The records whose official category can serve as a weak stance label.

    A record already in a gold file is used as gold or not at all; one whose reply text equals a
    held-out record's reply (UPR replies shared across recommendations) would leak it.

    Args:
        rows: record mappings as read from records files.
        gold_ids: ids of every gold record, dev and held out.
        heldout_texts: the held-out replies, lower-cased with whitespace collapsed (:func:`reply_key`).

    Returns:
        The usable rows, in input order.
    """
    return [row for row in rows if row.get("id") not in gold_ids and str(row.get("response") or "").strip()
            and weak_stance_label(row) and reply_key(row.get("response")) not in heldout_texts]


def train_stance_model(gold_paths: Sequence[str | Path], records_paths: Sequence[str | Path], out_dir: str | Path, *,
                       weak_paths: Sequence[str | Path] = (), seed: int = 0, C: float = 0.1, weak_weight: float = 0.5,
                       threshold: float = 0.5, folds: int = 10, nlp: Any = None,
                       date: str | None = None) -> dict[str, Any]:
    """Train, cross-validate and persist the stance model; update ``MANIFEST.json``.

    Args:
        gold_paths: gold JSONL files (ANNOTATION.md §6); only their "dev"-split stances are trained on.
        records_paths: record files or folders holding the gold records' texts.
        out_dir: where ``stance_model.json`` and ``MANIFEST.json`` are written (created if missing).
        weak_paths: record files whose official categories serve as weak labels (e.g. ``upr_slovenia.jsonl``,
            ``nz_taic_sample.jsonl``); records already in a gold file are used as gold or not at all.
        seed: random seed of the folds and the solver.
        C: inverse regularisation strength.
        weak_weight: total weight of one weak record relative to a gold record (1.0).
        threshold: explicit-cue weight at or above which the rules decide and the model is not asked.
        folds: folds of the grouped cross-validation.
        nlp: a spaCy pipeline (else the default one is loaded).
        date: the date recorded in the model (ISO; defaults to today).

    Returns:
        The metrics (``dev_cv_accuracy``, ``dev_cv_accuracy_no_explicit``, ``dev_cv_accuracy_model_decides``,
        ``weak_cv_agreement``, ``test_accuracy``, counts) plus ``path`` and ``sha256`` of the written file.

    Raises:
        GoldFormatError: no dev-split gold record has a reply text in ``records_paths``.
    """
    from .evaluate import heldout_split, load_gold, load_record_texts
    from .models import record_artefact
    from .stance_model import STANCE_MODEL_FILE

    if nlp is None:
        from .pipeline import load_spacy

        nlp = load_spacy()
    gold: dict[str, str] = {}
    for path in gold_paths:
        for item in load_gold(path):
            gold.setdefault(item["id"], item["stance"])
    records = load_record_texts(list(records_paths))
    test_ids = {i for i in gold if heldout_split(i) == "test"}
    test_texts = {reply_key(records[i].get("response")) for i in test_ids if i in records}
    dev_rows = [records[i] for i in gold if i not in test_ids and i in records]
    if not dev_rows:
        raise GoldFormatError(f"no dev-split gold record of {', '.join(map(str, gold_paths))} has a text in "
                              f"{', '.join(map(str, records_paths))}; pass the records folder")
    weak_rows = []
    for path in weak_paths:
        with open(path, encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
        weak_rows += usable_weak_rows(rows, gold_ids=gold.keys(), heldout_texts=test_texts)
    dev_ex = collect_stance_examples(dev_rows, nlp=nlp, gold=gold)
    weak_ex = [e for e in collect_stance_examples(weak_rows, nlp=nlp) if e.group not in test_texts]
    kw = dict(C=C, seed=seed, weak_weight=weak_weight, threshold=threshold)
    no_explicit = [e for e in dev_ex if e.explicit_weight < threshold]
    model_decides = [e for e in dev_ex if asked(e, threshold=threshold)]
    metrics: dict[str, Any] = {
        "dev_cv_accuracy": _cross_validate(dev_ex, weak_ex, dev_ex, lambda e, s: s == e.gold, folds=folds, **kw),
        "dev_cv_accuracy_no_explicit": _cross_validate(dev_ex, weak_ex, no_explicit, lambda e, s: s == e.gold,
                                                       folds=folds, **kw),
        # the replies the model itself decides (no position in words or in other words)
        "dev_cv_accuracy_model_decides": _cross_validate(dev_ex, weak_ex, model_decides, lambda e, s: s == e.gold,
                                                         folds=folds, **kw),
        "weak_cv_agreement": _cross_validate(dev_ex, weak_ex, weak_ex, weak_agreement, folds=min(folds, 5),
                                             use_official=False, **kw),
        "n_dev": len(dev_ex), "n_dev_no_explicit": len(no_explicit), "n_dev_model_decides": len(model_decides),
        "n_weak": len(weak_ex),
        "weak_labels": dict(sorted(Counter(f"{e.weak[0]}:{e.weak[1]}" for e in weak_ex).items())),
    }
    model = fit_stance_model(dev_ex, weak_ex, **kw)
    prior = model.meta_["official_prior"]
    test_rows = [records[i] for i in sorted(test_ids) if i in records]
    if test_rows:
        test_ex = collect_stance_examples(test_rows, nlp=nlp, gold=gold)
        metrics["test_accuracy"] = round(float(np.mean(
            [decide(e, model, prior, threshold=threshold) == e.gold
             for e in test_ex])), 4)
        metrics["n_test"] = len(test_ex)
    model.meta_ = {
        **model.meta_,
        "training_data": [*({"path": Path(p).name, "records": sum(1 for e in dev_ex if e.record_id in _ids(p))}
                            for p in gold_paths),
                          *({"path": Path(p).name, "weak_records": sum(1 for e in weak_ex if e.record_id in
                                                                        _row_ids(p))} for p in weak_paths)],
        "date": date or dt.date.today().isoformat(), "metrics": metrics, "n_examples": len(dev_ex) + len(weak_ex),
        "params_training": {"weak_weight": weak_weight, "alpha": _ALPHA, "folds": folds},
    }
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    target = model.save(out / STANCE_MODEL_FILE)
    sha = record_artefact(target, version=model.version, training_data=model.meta_["training_data"], seed=seed,
                          date=model.meta_["date"], metrics=metrics)
    log.info("stance model: dev CV accuracy %.3f on %d gold + %d weak replies; written to %s",
             metrics["dev_cv_accuracy"], len(dev_ex), len(weak_ex), target)
    return {**metrics, "path": str(target), "sha256": sha}


def _ids(path: str | Path) -> set[str]:
    from .evaluate import load_gold

    return {g["id"] for g in load_gold(path)}


def _row_ids(path: str | Path) -> set[str]:
    with open(path, encoding="utf-8") as fh:
        return {json.loads(line).get("id") for line in fh if line.strip()}

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
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

import numpy as np

from .errors import GoldFormatError
from .types import Stance

__all__ = ["StanceExample", "weak_stance_label", "collect_stance_examples", "train_stance_model",
           "combine_with_official", "official_prior_table"]

log = logging.getLogger(__name__)
_STANCES = [s.value for s in Stance]
_TAIC_RESPONSE = ("gov_report_response_2022-23", "gov_report_response_2021-22")
_TAIC_STATUS = ("gov_report_status_2022-23", "gov_report_status_2021-22")
#: pseudo-count of a weak label's canonical stance, and of every stance, in its distribution
_ALPHA, _FLOOR = 3.0, 0.5


@dataclass(frozen=True, slots=True)
class StanceExample:
    """One reply: its features, the rules' explicit cue weight and its (gold or weak) label."""

    record_id: str
    features: np.ndarray
    explicit_weight: float
    rule_stance: str
    official: str | None
    gold: str | None
    weak: tuple[str, str] | None
    group: str


def weak_stance_label(record: Mapping[str, Any]) -> tuple[str, str] | None:
    """The official category of a record as ``(scheme, canonical stance)``, or ``None``.

    Ministry categories of TAIC replies (``gov_report_response_*``, then the noisier
    later ``gov_report_status_*``) come first; otherwise the record's
    ``official_status`` when it states a position (tracker statuses such as "Open" do not).

    Args:
        record: a record mapping as read from a records file.

    Returns:
        e.g. ``("taic_response", "under_consideration")`` or ``("official", "noted")``.
    """
    from .stance import official_stance

    for scheme, keys in (("taic_response", _TAIC_RESPONSE), ("taic_status", _TAIC_STATUS)):
        for key in keys:
            value = str(record.get(key) or "").strip().lower()
            if not value:
                continue
            # "being implemented" / "implemented": the recipient acts on it
            stance = Stance.ACCEPTED if "implement" in value and "no further" not in value else official_stance(value)
            if stance is not None:
                return scheme, stance.value
    stance = official_stance(record.get("official_status"))
    return ("official", stance.value) if stance is not None else None


def collect_stance_examples(rows: Sequence[Mapping[str, Any]], *, nlp: Any,
                            gold: Mapping[str, str] | None = None) -> list[StanceExample]:
    """Parse each record's reply and compute its stance features.

    Args:
        rows: record mappings (``id``, ``response``, ``official_status``...).
        nlp: the spaCy pipeline.
        gold: gold stance by record id (records absent from it carry only their weak label).

    Returns:
        One :class:`StanceExample` per record with a non-empty reply.
    """
    from .extract import extract_actions, extract_amounts, extract_commitments, extract_dates
    from .records import record_from_mapping
    from .segment import split_sentences
    from .stance import explicit_position, read_stance
    from .stance_model import stance_features

    gold = gold or {}
    out = []
    rows = [r for r in rows if str(r.get("response") or "").strip()]
    records = [record_from_mapping({k: v for k, v in r.items() if not str(k).startswith("_")}, source="records")
               for r in rows]
    for row, record, doc in zip(rows, records, nlp.pipe([r.response for r in records], batch_size=32)):
        sentences = split_sentences(doc)
        dates = extract_dates(doc, response_date=record.response_date, jurisdiction=record.jurisdiction)
        amounts = extract_amounts(doc, jurisdiction=record.jurisdiction)
        commitments = extract_commitments(doc, sentences, dates=dates, amounts=amounts)
        actions = extract_actions(doc, sentences)
        explicit = explicit_position(sentences)
        rule = read_stance(sentences, official_status=record.official_status, commitments=commitments,
                           actions=actions, response=doc.text, model=False)
        official = rule.official_stance.value if rule.official_stance else None
        out.append(StanceExample(
            record_id=record.id,
            features=stance_features(sentences, commitments=commitments, actions=actions, response=doc.text),
            explicit_weight=explicit[0] if explicit else 0.0, rule_stance=rule.stance.value, official=official,
            gold=gold.get(record.id), weak=weak_stance_label(row), group=" ".join(doc.text.lower().split())))
    return out


def _weak_table(examples: Sequence[StanceExample]) -> dict[tuple[str, str], np.ndarray]:
    """P(gold stance | weak label), from the gold examples that also carry a weak label."""
    counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for e in examples:
        if e.gold and e.weak:
            counts[e.weak][e.gold] += 1
    keys = {e.weak for e in examples if e.weak}
    table = {}
    for key in keys:
        v = np.array([counts[key][s] + _ALPHA * (s == key[1]) + 0.05 for s in _STANCES])
        table[key] = v / v.sum()
    return table


def official_prior_table(examples: Sequence[StanceExample], *, threshold: float) -> dict[str, list[float]]:
    """P(gold stance | official label) over gold replies the rules find no explicit position in."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for e in examples:
        if e.gold and e.official and e.explicit_weight < threshold:
            counts[e.official][e.gold] += 1
    table = {}
    for official in _STANCES:
        v = np.array([counts[official][s] + _ALPHA * (s == official) + _FLOOR for s in _STANCES])
        table[official] = np.round(v / v.sum(), 6).tolist()
    return table


def combine_with_official(proba: np.ndarray, classes: Sequence[str], official: str | None,
                          prior: Mapping[str, Sequence[float]]) -> tuple[str, float]:
    """Weigh the model's text-only probabilities by how gold stances fall under this official label.

    Args:
        proba: the model's class probabilities (columns in ``classes`` order).
        classes: the model's classes.
        official: the canonical stance of the official label, if any.
        prior: :func:`official_prior_table` (stance values in :class:`Stance` order).

    Returns:
        The stance and its renormalised probability.
    """
    p = np.zeros(len(_STANCES))
    for k, c in enumerate(classes):
        p[_STANCES.index(c)] = proba[k]
    if official and official in prior:
        p = p * np.asarray(prior[official])
    p = p / p.sum() if p.sum() > 0 else p
    best = int(p.argmax())
    return _STANCES[best], float(p[best])


def _fit(gold_ex: Sequence[StanceExample], weak_ex: Sequence[StanceExample], *, C: float, seed: int,
         weak_weight: float) -> Any:
    from .stance_model import StanceModel

    X = np.vstack([e.features for e in gold_ex])
    y = [e.gold for e in gold_ex]
    model = StanceModel(C=C, seed=seed).fit(X, y)
    if not weak_ex or weak_weight <= 0:
        return model
    table = _weak_table(gold_ex)
    rows, labels, weights = list(X), list(y), [1.0] * len(y)
    for e in weak_ex:
        prior = table.get(e.weak)
        if prior is None:
            continue
        post = np.zeros(len(_STANCES))
        proba = model.predict_proba(e.features)[0]
        for k, c in enumerate(model.classes_):
            post[_STANCES.index(c)] = proba[k]
        post = prior * (post + 1e-3)  # one EM step: the text sharpens the label's distribution
        post = post / post.sum()
        for k, s in enumerate(_STANCES):
            if post[k] > 0.02:
                rows.append(e.features)
                labels.append(s)
                weights.append(weak_weight * float(post[k]))
    return StanceModel(C=C, seed=seed).fit(np.vstack(rows), labels, sample_weight=weights)


def decide(example: StanceExample, model: Any, prior: Mapping[str, Sequence[float]], *, threshold: float) -> str:
    """The combined call on a training example: explicit rules first, then the model."""
    if example.explicit_weight >= threshold or example.rule_stance == Stance.UNCLEAR.value:
        return example.rule_stance
    return combine_with_official(model.predict_proba(example.features)[0], model.classes_, example.official,
                                 prior)[0]


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
        model = _fit(tr_gold, tr_weak, C=C, seed=seed, weak_weight=weak_weight)
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
        The metrics (``dev_cv_accuracy``, ``dev_cv_accuracy_no_explicit``, ``weak_cv_agreement``,
        ``test_accuracy``, counts) plus ``path`` and ``sha256`` of the written file.

    Raises:
        GoldFormatError: no dev-split gold record has a reply text in ``records_paths``.
    """
    from .models import record_artefact
    from .evaluate import heldout_split, load_gold, load_record_texts
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
    test_texts = {" ".join(str(records[i].get("response") or "").lower().split()) for i in test_ids if i in records}
    dev_rows = [records[i] for i in gold if i not in test_ids and i in records]
    if not dev_rows:
        raise GoldFormatError(f"no dev-split gold record of {', '.join(map(str, gold_paths))} has a text in "
                              f"{', '.join(map(str, records_paths))}; pass the records folder")
    weak_rows = []
    for path in weak_paths:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line) if line.strip() else None
                if not row or row.get("id") in gold or not weak_stance_label(row):
                    continue
                if " ".join(str(row.get("response") or "").lower().split()) in test_texts:
                    continue  # a reply shared with a held-out record would leak it
                weak_rows.append(row)
    dev_ex = collect_stance_examples(dev_rows, nlp=nlp, gold=gold)
    weak_ex = [e for e in collect_stance_examples(weak_rows, nlp=nlp) if e.group not in test_texts]
    kw = dict(C=C, seed=seed, weak_weight=weak_weight, threshold=threshold)
    no_explicit = [e for e in dev_ex if e.explicit_weight < threshold]
    metrics: dict[str, Any] = {
        "dev_cv_accuracy": _cross_validate(dev_ex, weak_ex, dev_ex, lambda e, s: s == e.gold, folds=folds, **kw),
        "dev_cv_accuracy_no_explicit": _cross_validate(dev_ex, weak_ex, no_explicit, lambda e, s: s == e.gold,
                                                       folds=folds, **kw),
        "weak_cv_agreement": _cross_validate(dev_ex, weak_ex, weak_ex, weak_agreement, folds=min(folds, 5),
                                             use_official=False, **kw),
        "n_dev": len(dev_ex), "n_dev_no_explicit": len(no_explicit), "n_weak": len(weak_ex),
        "weak_labels": dict(sorted(Counter(f"{e.weak[0]}:{e.weak[1]}" for e in weak_ex).items())),
    }
    model = _fit(dev_ex, weak_ex, C=C, seed=seed, weak_weight=weak_weight)
    prior = official_prior_table(dev_ex, threshold=threshold)
    test_rows = [records[i] for i in sorted(test_ids) if i in records]
    if test_rows:
        test_ex = collect_stance_examples(test_rows, nlp=nlp, gold=gold)
        metrics["test_accuracy"] = round(float(np.mean(
            [decide(e, model, prior, threshold=threshold) == e.gold for e in test_ex])), 4)
        metrics["n_test"] = len(test_ex)
    model.meta_ = {
        "training_data": [*({"path": Path(p).name, "records": sum(1 for e in dev_ex if e.record_id in _ids(p))}
                            for p in gold_paths),
                          *({"path": Path(p).name, "weak_records": sum(1 for e in weak_ex if e.record_id in
                                                                        _row_ids(p))} for p in weak_paths)],
        "date": date or dt.date.today().isoformat(), "metrics": metrics, "n_examples": len(dev_ex) + len(weak_ex),
        "official_prior": prior, "explicit_threshold": threshold,
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

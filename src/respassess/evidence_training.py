"""Train the evidence model from the gold evidence of each ask (the library side of ``respassess train``).

Rows are (predicted ask, response sentence) pairs exactly as the pipeline sees them: each gold
ask is paired with a predicted ask by the evaluation's rule (token Jaccard >= 0.5, one-to-one)
and a sentence is evidence when it overlaps one of the gold ask's evidence spans. Only records
that :func:`respassess.evaluate.heldout_split` puts in "dev" are trained on; the threshold is
the one with the best out-of-fold F1 (folds by record), and the held-out records are scored once.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping, Sequence

import numpy as np

from .align.match import align, is_label_line, term_overlap
from .align.relevance import EVIDENCE_FEATURES, EVIDENCE_MODEL_FILE, EvidenceModel, pair_features
from .errors import GoldFormatError

if TYPE_CHECKING:  # pragma: no cover
    from .pipeline import Assessor

__all__ = ["EvidenceRows", "collect_evidence_rows", "train_evidence_model", "THRESHOLDS", "F1_SLACK"]

log = logging.getLogger(__name__)
#: the thresholds tried, fixed before looking at any result
THRESHOLDS = tuple(round(0.15 + 0.025 * i, 3) for i in range(15))
#: out-of-fold F1 differences smaller than this are treated as noise when the threshold is chosen
F1_SLACK = 0.01


@dataclass(frozen=True, slots=True)
class EvidenceRows:
    """Feature rows of (ask, sentence) pairs with their gold labels and the rule's choice."""

    X: np.ndarray
    y: np.ndarray
    groups: np.ndarray  # record id of each row
    asks: np.ndarray  # "record#ask" of each row, to apply top-k per ask
    rule: np.ndarray  # whether the cosine rule picks the sentence


def collect_evidence_rows(gold: Sequence[Mapping[str, Any]], records: Mapping[str, Mapping[str, Any]], *,
                          assessor: "Assessor") -> EvidenceRows:
    """Run the pipeline on gold records and label every (paired ask, substantive sentence) pair.

    Args:
        gold: gold records (ANNOTATION.md §6); each ask's ``evidence`` quotes the response.
        records: source records by id (from :func:`respassess.evaluate.load_record_texts`).
        assessor: whose spaCy pipeline, embedder and config are used.
    """
    from .evaluation.matching import match_spans
    from .records import record_from_mapping

    known = [g for g in gold if g["id"] in records]
    rows: list[np.ndarray] = []
    labels: list[bool] = []
    groups: list[str] = []
    asks_of: list[str] = []
    rule: list[bool] = []
    cfg = assessor.config
    for f, g in zip(assessor.find([record_from_mapping(records[g["id"]], source="records") for g in known]), known):
        keep = [i for i, s in enumerate(f.sentences) if not is_label_line(s.text)]
        if not f.asks or not keep:
            continue
        sims = f.similarities
        by_rule = {(al.ask_index, al.sentence_index) for al in align(
            f.asks, f.sentences, sims, top_k=cfg.evidence_top_k, min_similarity=cfg.evidence_min_similarity)}
        gold_asks = g.get("clauses") or []
        for gi, pi, _ in match_spans([c["text"] for c in gold_asks], [a.text for a in f.asks]):
            spans = [(k, k + len(e)) for e in gold_asks[gi].get("evidence", []) if (k := f.response.find(e)) >= 0]
            ask = f.asks[pi]
            overlaps = np.array([term_overlap(ask.text, f.sentences[s].text) for s in keep])
            rows.append(pair_features(sims[pi, keep], overlaps, n_asks=len(f.asks)))
            for s in keep:
                sent = f.sentences[s]
                labels.append(any(sent.start < end and start < sent.end for start, end in spans))
                groups.append(g["id"])
                asks_of.append(f"{g['id']}#{pi}")
                rule.append((ask.index, s) in by_rule)
    X = np.vstack(rows) if rows else np.zeros((0, len(EVIDENCE_FEATURES)))
    return EvidenceRows(X, np.array(labels, dtype=bool), np.array(groups), np.array(asks_of), np.array(rule, dtype=bool))


def _top_k(proba: np.ndarray, asks: np.ndarray, threshold: float, k: int) -> np.ndarray:
    """Whether each row is picked: at or above the threshold and among its ask's ``k`` most probable."""
    picked = np.zeros(len(proba), dtype=bool)
    for ask in np.unique(asks):
        idx = np.flatnonzero(asks == ask)
        order = idx[np.argsort(-proba[idx], kind="stable")][:k]
        picked[order] = proba[order] >= threshold
    return picked


def _prf(y: np.ndarray, picked: np.ndarray) -> dict[str, float]:
    tp = int((y & picked).sum())
    p = tp / max(1, int(picked.sum()))
    r = tp / max(1, int(y.sum()))
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
            "n": int(len(y)), "positives": int(y.sum())}


def train_evidence_model(gold_paths: Sequence[str | Path], records_paths: Sequence[str | Path],
                         out_dir: str | Path, *, assessor: "Assessor", seed: int = 0, C: float = 1.0,
                         date: str | None = None) -> dict[str, Any]:
    """Train, cross-validate and persist the evidence model; update ``MANIFEST.json``.

    Args:
        gold_paths: gold JSONL files; only their "dev"-split records are trained on.
        records_paths: record files or folders holding the gold records' texts.
        out_dir: where ``evidence_model.json`` and ``MANIFEST.json`` are written.
        assessor: the Assessor whose models and config are used.
        seed: random seed of the solver.
        C: the regularisation strength (fixed: the out-of-fold F1 is flat in it).
        date: the date recorded in the model (ISO; defaults to today).

    Returns:
        The metrics (``cv`` and ``test`` beside the cosine rule's on the same pairs, the
        ``threshold``), plus ``path`` and ``sha256`` of the written file.

    Raises:
        GoldFormatError: no dev record has a paired ask with evidence to learn from.
    """
    from sklearn.model_selection import GroupKFold

    from .evaluate import heldout_split, load_gold, load_record_texts
    from .models import record_artefact

    gold: dict[str, Mapping[str, Any]] = {}
    for path in gold_paths:
        for item in load_gold(path):
            gold.setdefault(item["id"], item)
    records = load_record_texts(list(records_paths))
    dev = collect_evidence_rows([g for i, g in gold.items() if heldout_split(i) == "dev"], records, assessor=assessor)
    if not dev.y.any():
        raise GoldFormatError(f"no gold evidence on paired asks in the dev split of {', '.join(map(str, gold_paths))}; "
                              "pass gold files whose records are in `records_paths`")
    k = assessor.config.evidence_top_k
    oof = np.zeros(len(dev.y))
    for train, held in GroupKFold(n_splits=min(5, len(set(dev.groups.tolist())))).split(dev.X, dev.y, dev.groups):
        oof[held] = EvidenceModel(C=C, seed=seed).fit(dev.X[train], dev.y[train]).predict_proba(dev.X[held])
    search = {t: _prf(dev.y, _top_k(oof, dev.asks, t, k))["f1"] for t in THRESHOLDS}
    # On a flat curve (dev: 0.53-0.55 F1 from 0.15 to 0.35) a clerk is better served by recall: take the lowest
    # threshold whose out-of-fold F1 is within F1_SLACK of the best, not the noisy argmax.
    best = max(search.values())
    threshold = min(t for t in THRESHOLDS if search[t] >= best - F1_SLACK)
    model = EvidenceModel(C=C, seed=seed, threshold=threshold).fit(dev.X, dev.y)
    metrics: dict[str, Any] = {"threshold": threshold, "threshold_search": {str(t): f for t, f in search.items()},
                               "cv": _prf(dev.y, _top_k(oof, dev.asks, threshold, k)),
                               "cv_cosine_rule": _prf(dev.y, dev.rule)}
    test = collect_evidence_rows([g for i, g in gold.items() if heldout_split(i) == "test"], records, assessor=assessor)
    if len(test.y):
        metrics["test"] = _prf(test.y, _top_k(model.predict_proba(test.X), test.asks, threshold, k))
        metrics["test_cosine_rule"] = _prf(test.y, test.rule)
    dev_ids = {i for i in gold if heldout_split(i) == "dev"}
    training = [{"path": Path(p).name, "records": len(dev_ids & {g["id"] for g in load_gold(p)})} for p in gold_paths]
    model.meta_ = {"training_data": training, "date": date or dt.date.today().isoformat(), "metrics": metrics}
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    target = model.save(out / EVIDENCE_MODEL_FILE)
    sha = record_artefact(target, version=model.version, training_data=training, seed=seed,
                          date=model.meta_["date"], metrics=metrics)
    log.info("evidence model: cv F1 %.3f (cosine rule %.3f); written to %s",
             metrics["cv"]["f1"], metrics["cv_cosine_rule"]["f1"], target)
    return {**metrics, "path": str(target), "sha256": sha}

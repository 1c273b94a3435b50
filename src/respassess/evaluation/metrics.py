"""Metrics of one prediction set against gold, with bootstrap intervals over records.

Each record is first reduced to its *contribution* (:func:`record_contribution`):
confusion counts for stance, ask labels and gap flags, matched-span counts and the
coverage pair. Every metric is a function of summed contributions, so a bootstrap
resample is a weighted sum of the same arrays and a thousand resamples cost
milliseconds. Point estimates use scikit-learn and scipy; the array formulas used
for the intervals are checked against them in the tests.
"""

from __future__ import annotations

import math
import re
from typing import Any, Mapping, Sequence

import numpy as np

from ..types import AskLabel, GapKind, Stance
from .matching import match_spans

__all__ = ["STANCE_LABELS", "ASK_LABELS", "ASK_COLUMNS", "GAP_KINDS", "SPAN_KINDS", "HEADLINE",
           "record_contribution", "summarise", "bootstrap_intervals", "macro_f1_from_confusion",
           "kappa_from_confusion", "date_bounds"]

STANCE_LABELS = [s.value for s in Stance]
ASK_LABELS = [a.value for a in AskLabel]
#: Predicted-side columns of the ask confusion: the labels plus "unmatched" (no predicted ask matched).
ASK_COLUMNS = ASK_LABELS + ["unmatched"]
GAP_KINDS = [g.value for g in GapKind]
SPAN_KINDS = ("dates", "amounts", "commitments")
#: The metrics that get bootstrap intervals, and whether higher is better.
HEADLINE = {
    "stance_accuracy": True, "stance_macro_f1": True, "ask_label_macro_f1": True,
    "ask_label_macro_f1_paired": True, "ask_kappa": True,
    "ask_segmentation_f1": True, "ask_evidence_f1": True, "coverage_mae": False, "gap_micro_f1": True,
    "dates_f1": True, "amounts_f1": True, "commitments_f1": True,
}


def date_bounds(value: Any) -> tuple[str, str] | str | None:
    """The first and last day a date value covers, so one interval written at two precisions compares equal.

    Gold files write the same span as "2021-07-01/2022-06-30" or "2021-07/2022-06"; both give
    ("2021-07-01", "2022-06-30"). A value that is not ISO (or not a date at all) is returned
    stripped, so it only equals itself; ``None`` and "" give ``None``.

    Args:
        value: a date value from a gold or predicted record.

    Returns:
        ``(first_day, last_day)`` as ISO days, the raw string, or ``None``.
    """
    from ..extract._calendar import iso_day, month_end, parse_partial

    if value in (None, ""):
        return None
    text = str(value).strip()
    parts = text.split("/")
    if len(parts) > 2:
        return text
    lo, hi = parse_partial(parts[0]), parse_partial(parts[-1])
    if lo is None or hi is None or any(not re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", p.strip()) for p in parts):
        return text
    first = iso_day(lo.year, lo.month or 1, lo.day or 1)
    last_month = hi.month or 12
    last = iso_day(hi.year, last_month, hi.day or month_end(hi.year, last_month))
    return first, last


def _value_equal(kind: str, gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    """Whether a matched span also has the right normalised value (see module docs of evaluate)."""
    if kind == "dates":
        return date_bounds(gold.get("value")) == date_bounds(pred.get("value"))
    if kind == "amounts":
        gv, pv = gold.get("value"), pred.get("value")
        if gv is None or pv is None:
            return gv is None and pv is None
        close = abs(float(gv) - float(pv)) <= 0.005 * abs(float(gv))
        return close and str(gold.get("currency") or "").upper() == str(pred.get("currency") or "").upper()
    return gold.get("strength") == pred.get("strength")


def record_contribution(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> dict:
    """Reduce one normalised gold/prediction pair to the counts every metric is built from.

    Args:
        gold: the output of :func:`respassess.evaluation.io.normalise` for the gold record.
        pred: the same for the prediction (a missing prediction is an empty one with stance "unclear").

    Returns:
        ``stance`` (7x7 one-hot confusion), ``asks`` (4x5 confusion, last column unmatched),
        ``segmentation`` [matched, n_pred, n_gold], ``evidence`` (over paired asks: predicted evidence
        sentences that overlap a gold quote, predicted sentences, gold quotes overlapped, gold quotes),
        ``gaps`` (11x3 of tp/fp/fn),
        ``spans`` (3x4 of matched, n_pred, n_gold, value-correct), ``coverage`` (gold, pred)
        and ``ask_pairs`` (the matched (gold, pred) label pairs, for kappa).
    """
    stance = np.zeros((len(STANCE_LABELS), len(STANCE_LABELS)))
    stance[STANCE_LABELS.index(gold["stance"]), STANCE_LABELS.index(pred["stance"])] = 1

    asks = np.zeros((len(ASK_LABELS), len(ASK_COLUMNS)))
    pairs = match_spans([a["text"] for a in gold["asks"]], [a["text"] for a in pred["asks"]])
    matched = {i: j for i, j, _ in pairs}
    ask_pairs = []
    for i, ask in enumerate(gold["asks"]):
        row = ASK_LABELS.index(ask["label"])
        if i in matched:
            plabel = pred["asks"][matched[i]]["label"]
            asks[row, ASK_COLUMNS.index(plabel)] += 1
            ask_pairs.append((ask["label"], plabel))
        else:
            asks[row, -1] += 1
    segmentation = np.array([len(pairs), len(pred["asks"]), len(gold["asks"])], dtype=float)
    evidence = np.zeros(4)
    for i, j, _ in pairs:
        g_ev, p_ev = gold["asks"][i].get("evidence") or [], pred["asks"][j].get("evidence") or []
        evidence += [sum(any(_overlaps(p, g) for g in g_ev) for p in p_ev), len(p_ev),
                     sum(any(_overlaps(p, g) for p in p_ev) for g in g_ev), len(g_ev)]

    gaps = np.zeros((len(GAP_KINDS), 3))
    for k, kind in enumerate(GAP_KINDS):
        g, p = kind in gold["gaps"], kind in pred["gaps"]
        gaps[k] = [g and p, p and not g, g and not p]

    spans = np.zeros((len(SPAN_KINDS), 4))
    for k, kind in enumerate(SPAN_KINDS):
        gs, ps = gold[kind], pred[kind]
        span_pairs = match_spans([s["text"] for s in gs], [s["text"] for s in ps], allow_containment=True)
        correct = sum(_value_equal(kind, gs[i], ps[j]) for i, j, _ in span_pairs)
        spans[k] = [len(span_pairs), len(ps), len(gs), correct]
    return {"stance": stance, "asks": asks, "segmentation": segmentation, "gaps": gaps, "spans": spans,
            "coverage": (gold["coverage"], pred["coverage"]), "ask_pairs": ask_pairs, "evidence": evidence}


def _overlaps(a: str, b: str) -> bool:
    """Whether two quotes of one response overlap: one holds the other, or they share most of the shorter's words.

    Gold evidence is a quoted span, predicted evidence a whole sentence; without offsets, containment
    (whitespace-normalised) or 80 % of the shorter quote's words decides.
    """
    a, b = " ".join(a.split()), " ".join(b.split())
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    wa, wb = set(re.findall(r"\w+", a.lower())), set(re.findall(r"\w+", b.lower()))
    return bool(wa and wb) and len(wa & wb) >= 0.8 * min(len(wa), len(wb))


def _prf(tp: float, n_pred: float, n_gold: float) -> tuple[float, float, float]:
    """Precision, recall, F1; all NaN when there is nothing on either side (undefined, not zero)."""
    tp, n_pred, n_gold = float(tp), float(n_pred), float(n_gold)
    if not n_pred and not n_gold:
        return float("nan"), float("nan"), float("nan")
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def macro_f1_from_confusion(confusion: np.ndarray) -> float:
    """Macro-F1 over the labels present in gold or prediction (scikit-learn's default label set).

    ``confusion`` has gold labels as rows and the same labels as its first columns; any
    extra columns (e.g. "unmatched") count as misses of the row's label.
    """
    n = confusion.shape[0]
    tp = np.diag(confusion[:, :n])
    n_gold = confusion.sum(axis=1)
    n_pred = confusion[:, :n].sum(axis=0)
    present = (n_gold + n_pred) > 0
    if not present.any():
        return 0.0
    p = np.divide(tp, n_pred, out=np.zeros_like(tp), where=n_pred > 0)
    r = np.divide(tp, n_gold, out=np.zeros_like(tp), where=n_gold > 0)
    f = np.divide(2 * p * r, p + r, out=np.zeros_like(tp), where=(p + r) > 0)
    return float(f[present].mean())


def kappa_from_confusion(confusion: np.ndarray) -> float:
    """Cohen's kappa of a square confusion matrix (1.0 for identical labels, 0 at chance)."""
    total = confusion.sum()
    if not total:
        return float("nan")
    po = np.trace(confusion) / total
    pe = float((confusion.sum(axis=0) * confusion.sum(axis=1)).sum()) / total ** 2
    if pe == 1.0:
        return 1.0 if po == 1.0 else 0.0
    return float((po - pe) / (1 - pe))


def _evidence_prf(evidence: np.ndarray) -> tuple[float, float, float]:
    """Precision (predicted sentences on a gold quote), recall (gold quotes found) and their F1."""
    pred_hit, n_pred, gold_hit, n_gold = (float(x) for x in evidence)
    if not n_pred and not n_gold:
        return float("nan"), float("nan"), float("nan")
    p = pred_hit / n_pred if n_pred else 0.0
    r = gold_hit / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _headline_from_sums(stance: np.ndarray, asks: np.ndarray, segmentation: np.ndarray, gaps: np.ndarray,
                        spans: np.ndarray, abs_error_sum: float, n_coverage: float,
                        evidence: np.ndarray) -> dict[str, float]:
    n = len(ASK_LABELS)
    values = {
        "stance_accuracy": float(np.trace(stance) / stance.sum()) if stance.sum() else float("nan"),
        "stance_macro_f1": macro_f1_from_confusion(stance),
        "ask_label_macro_f1": macro_f1_from_confusion(asks),
        "ask_label_macro_f1_paired": macro_f1_from_confusion(asks[:, :n]),
        "ask_kappa": kappa_from_confusion(asks[:, :n]),
        "ask_segmentation_f1": _prf(*segmentation)[2],
        "ask_evidence_f1": _evidence_prf(evidence)[2],
        "coverage_mae": abs_error_sum / n_coverage if n_coverage else float("nan"),
        "gap_micro_f1": _prf(gaps[:, 0].sum(), gaps[:, 0].sum() + gaps[:, 1].sum(),
                             gaps[:, 0].sum() + gaps[:, 2].sum())[2],
    }
    for k, kind in enumerate(SPAN_KINDS):
        values[f"{kind}_f1"] = _prf(*spans[k, :3])[2]
    return values


def summarise(contributions: Sequence[dict]) -> dict[str, Any]:
    """Compute every metric of a set of records from their contributions.

    Args:
        contributions: outputs of :func:`record_contribution`.

    Returns:
        A dict with ``n_records``, ``stance``, ``asks``, ``coverage``, ``spans``, ``gaps`` sections
        and ``headline`` (the flat figures that get intervals).
    """
    from scipy.stats import spearmanr
    from sklearn.metrics import accuracy_score, cohen_kappa_score, f1_score

    if not contributions:
        return {"n_records": 0}
    stance = sum(c["stance"] for c in contributions)
    asks = sum(c["asks"] for c in contributions)
    segmentation = sum(c["segmentation"] for c in contributions)
    evidence = sum(c["evidence"] for c in contributions)
    gaps = sum(c["gaps"] for c in contributions)
    spans = sum(c["spans"] for c in contributions)

    # scikit-learn for the point estimates, from the label lists the confusions encode.
    y_true, y_pred = _expand(stance, STANCE_LABELS, STANCE_LABELS)
    a_true, a_pred = _expand(asks, ASK_LABELS, ASK_COLUMNS)
    ask_labels = [lab for lab in ASK_LABELS if lab in a_true or lab in a_pred]
    matched = [(g, p) for c in contributions for g, p in c["ask_pairs"]]
    stance_labels = [lab for lab in STANCE_LABELS if lab in y_true or lab in y_pred]
    cov = [(g, p) for g, p in (c["coverage"] for c in contributions) if g is not None and p is not None]
    spearman = float("nan")
    if len(cov) >= 3 and len({g for g, _ in cov}) > 1 and len({p for _, p in cov}) > 1:
        spearman = float(spearmanr([g for g, _ in cov], [p for _, p in cov]).statistic)

    per_flag = {}
    for k, kind in enumerate(GAP_KINDS):
        tp, fp, fn = gaps[k]
        p, r, f = _prf(tp, tp + fp, tp + fn)
        per_flag[kind] = {"precision": p, "recall": r, "f1": f, "support": int(tp + fn), "predicted": int(tp + fp)}
    supported = [v["f1"] for v in per_flag.values() if not math.isnan(v["f1"])]
    micro = _prf(gaps[:, 0].sum(), gaps[:, 0].sum() + gaps[:, 1].sum(), gaps[:, 0].sum() + gaps[:, 2].sum())

    span_section = {}
    for k, kind in enumerate(SPAN_KINDS):
        m, n_pred, n_gold, correct = spans[k]
        p, r, f = _prf(m, n_pred, n_gold)
        span_section[kind] = {"precision": p, "recall": r, "f1": f, "matched": int(m), "predicted": int(n_pred),
                              "gold": int(n_gold), "value_accuracy": float(correct / m) if m else float("nan")}

    seg_p, seg_r, seg_f = _prf(*segmentation)
    ev_p, ev_r, ev_f = _evidence_prf(evidence)
    result = {
        "n_records": len(contributions),
        "stance": {
            "accuracy": float(accuracy_score(y_true, y_pred)),
            "macro_f1": float(f1_score(y_true, y_pred, labels=stance_labels, average="macro", zero_division=0)),
            "labels": STANCE_LABELS,
            "confusion": stance.astype(int).tolist(),
        },
        "asks": {
            "n_gold": int(segmentation[2]), "n_predicted": int(segmentation[1]), "n_matched": int(segmentation[0]),
            "label_macro_f1": float(f1_score(a_true, a_pred, labels=ask_labels, average="macro", zero_division=0))
            if ask_labels else 0.0,
            "label_macro_f1_matched": _paired_macro_f1(f1_score, matched),
            "label_accuracy_matched": (sum(g == p for g, p in matched) / len(matched)) if matched else float("nan"),
            "kappa_matched": _sk_kappa(cohen_kappa_score, matched),
            "segmentation": {"precision": seg_p, "recall": seg_r, "f1": seg_f},
            "evidence": {"precision": ev_p, "recall": ev_r, "f1": ev_f},
            "labels": ASK_LABELS, "columns": ASK_COLUMNS,
            "confusion": asks.astype(int).tolist(),
        },
        "coverage": {
            "n": len(cov),
            "mae": float(np.mean([abs(g - p) for g, p in cov])) if cov else float("nan"),
            "spearman": spearman,
        },
        "spans": span_section,
        "gaps": {"per_flag": per_flag, "micro_precision": micro[0], "micro_recall": micro[1], "micro_f1": micro[2],
                 "macro_f1": float(np.mean(supported)) if supported else float("nan")},
    }
    result["headline"] = _headline_from_sums(stance, asks, segmentation, gaps, spans,
                                             sum(abs(g - p) for g, p in cov), len(cov), evidence)
    return result


def _paired_macro_f1(f1_score, pairs: list[tuple[str, str]]) -> float:
    if not pairs:
        return float("nan")
    g, p = zip(*pairs)
    return float(f1_score(g, p, average="macro", zero_division=0))


def _sk_kappa(cohen_kappa_score, pairs: list[tuple[str, str]]) -> float:
    if not pairs:
        return float("nan")
    g, p = zip(*pairs)
    if len(set(g) | set(p)) == 1:
        return 1.0  # a single shared label: perfect agreement, where sklearn would divide by zero
    return float(cohen_kappa_score(g, p))


def _expand(confusion: np.ndarray, rows: list[str], cols: list[str]) -> tuple[list[str], list[str]]:
    y_true, y_pred = [], []
    for i, j in zip(*np.nonzero(confusion)):
        count = int(confusion[i, j])
        y_true += [rows[i]] * count
        y_pred += [cols[j]] * count
    return y_true, y_pred


def bootstrap_intervals(contributions: Sequence[dict], *, n: int = 1000, seed: int = 0,
                        alpha: float = 0.05) -> dict[str, dict[str, float]]:
    """Percentile bootstrap intervals of the headline metrics, resampling records.

    Args:
        contributions: outputs of :func:`record_contribution`, one per record.
        n: resamples; 0 disables.
        seed: the random seed, for reproducible intervals.
        alpha: 0.05 gives 95 % intervals.

    Returns:
        ``{metric: {"low": ..., "high": ...}}``; empty when ``n`` is 0 or there are fewer than 2 records.
    """
    if n <= 0 or len(contributions) < 2:
        return {}
    rng = np.random.default_rng(seed)
    stance = np.stack([c["stance"] for c in contributions])
    asks = np.stack([c["asks"] for c in contributions])
    seg = np.stack([c["segmentation"] for c in contributions])
    ev = np.stack([c["evidence"] for c in contributions])
    gaps = np.stack([c["gaps"] for c in contributions])
    spans = np.stack([c["spans"] for c in contributions])
    has_cov = np.array([g is not None and p is not None for g, p in (c["coverage"] for c in contributions)])
    err = np.array([abs(g - p) if ok else 0.0 for ok, (g, p) in zip(has_cov, (c["coverage"] for c in contributions))])
    samples: dict[str, list[float]] = {k: [] for k in HEADLINE}
    m = len(contributions)
    for _ in range(n):
        w = np.bincount(rng.integers(0, m, m), minlength=m).astype(float)
        values = _headline_from_sums(
            np.tensordot(w, stance, 1), np.tensordot(w, asks, 1), w @ seg, np.tensordot(w, gaps, 1),
            np.tensordot(w, spans, 1), float(w @ err), float(w @ has_cov), w @ ev)
        for k, v in values.items():
            samples[k].append(v)
    out = {}
    for k, vals in samples.items():
        arr = np.array([v for v in vals if not math.isnan(v)])
        if len(arr):
            out[k] = {"low": float(np.quantile(arr, alpha / 2)), "high": float(np.quantile(arr, 1 - alpha / 2))}
    return out

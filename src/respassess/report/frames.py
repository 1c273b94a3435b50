"""Assessments as pandas tables: the only place respassess imports pandas.

One row per record, ask, gap, commitment, date and amount, each keyed by
``record_id``, with fixed columns so that an empty corpus still yields tables
with the right schema (and Parquet files a reader can concatenate).
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

__all__ = ["assessments_to_frames", "TABLE_COLUMNS", "record_year"]

TABLE_COLUMNS: dict[str, list[str]] = {
    "records": ["record_id", "jurisdiction", "body", "response_date", "year", "stance", "stance_confidence",
                "official_status", "official_stance", "stance_mismatch", "cross_reference", "coverage", "n_asks",
                "n_addressed", "n_partial", "n_unaddressed", "n_rejected", "n_commitments", "n_actions", "n_dates",
                "n_amounts", "n_gaps", "gap_kinds", "language", "n_warnings", "config_id"],
    "asks": ["record_id", "index", "text", "start", "end", "label", "score", "expected_score", "confidence", "reason",
             "n_evidence", "evidence"],
    "gaps": ["record_id", "kind", "message", "confidence", "evidence"],
    "commitments": ["record_id", "text", "start", "end", "actor", "strength", "deadline", "cue", "conditional",
                    "sentence_index"],
    "dates": ["record_id", "text", "start", "end", "value", "interval_start", "interval_end", "granularity", "vague",
              "relative", "resolved", "role"],
    "amounts": ["record_id", "text", "start", "end", "value", "currency", "approx", "range_low", "range_high",
                "period"],
}
_EVIDENCE_SEPARATOR = " | "


def record_year(assessment: Mapping[str, Any]) -> int | None:
    """Return the year of ``meta.response_date`` ("2023-02" -> 2023), or ``None`` when absent or unreadable."""
    value = str((assessment.get("meta") or {}).get("response_date") or "")
    return int(value[:4]) if len(value) >= 4 and value[:4].isdigit() else None


def _rows(assessments: Iterable[Mapping[str, Any]]) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {name: [] for name in TABLE_COLUMNS}
    for a in assessments:
        rid = a["id"]
        meta = a.get("meta") or {}
        asks = a.get("asks") or a.get("clauses") or []
        labels = [x.get("label") for x in asks]
        gaps = [g if isinstance(g, dict) else {"kind": g, "message": "", "evidence": []} for g in a.get("gaps") or []]
        rows["records"].append({
            "record_id": rid, "jurisdiction": meta.get("jurisdiction"), "body": meta.get("body"),
            "response_date": None if meta.get("response_date") is None else str(meta.get("response_date")),
            "year": record_year(a), "stance": a.get("stance"), "stance_confidence": a.get("stance_confidence"),
            "official_status": a.get("official_status"), "official_stance": a.get("official_stance"),
            "stance_mismatch": bool(a.get("stance_mismatch")), "cross_reference": a.get("cross_reference"),
            "coverage": a.get("coverage"), "n_asks": len(asks),
            **{f"n_{lab}": labels.count(lab) for lab in ("addressed", "partial", "unaddressed", "rejected")},
            "n_commitments": len(a.get("commitments") or []), "n_actions": len(a.get("actions") or []),
            "n_dates": len(a.get("dates") or []), "n_amounts": len(a.get("amounts") or []), "n_gaps": len(gaps),
            "gap_kinds": ";".join(g["kind"] for g in gaps), "language": a.get("language"),
            "n_warnings": len(a.get("warnings") or []), "config_id": a.get("config_id"),
        })
        for i, ask in enumerate(asks):
            evidence = [e if isinstance(e, str) else e.get("text", "") for e in ask.get("evidence") or []]
            rows["asks"].append({"record_id": rid, "index": ask.get("index", i), "text": ask.get("text"),
                                 "start": ask.get("start"), "end": ask.get("end"), "label": ask.get("label"),
                                 "score": ask.get("score"), "expected_score": ask.get("expected_score"),
                                 "confidence": ask.get("confidence"),
                                 "reason": ask.get("reason"), "n_evidence": len(evidence),
                                 "evidence": _EVIDENCE_SEPARATOR.join(evidence)})
        for g in gaps:
            rows["gaps"].append({"record_id": rid, "kind": g.get("kind"), "message": g.get("message"),
                                 "confidence": g.get("confidence"),
                                 "evidence": _EVIDENCE_SEPARATOR.join(e.get("text", "") if isinstance(e, dict)
                                                                      else str(e) for e in g.get("evidence") or [])})
        for c in a.get("commitments") or []:
            rows["commitments"].append({"record_id": rid, **{k: c.get(k) for k in TABLE_COLUMNS["commitments"][1:]}})
        for d in a.get("dates") or []:
            interval = d.get("interval") or [None, None]
            rows["dates"].append({"record_id": rid, **{k: d.get(k) for k in TABLE_COLUMNS["dates"][1:]},
                                  "interval_start": interval[0], "interval_end": interval[1]})
        for m in a.get("amounts") or []:
            rng = m.get("range") or [None, None]
            rows["amounts"].append({"record_id": rid, **{k: m.get(k) for k in TABLE_COLUMNS["amounts"][1:]},
                                    "range_low": rng[0], "range_high": rng[1]})
    return rows


def assessments_to_frames(assessments: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Turn assessment dicts (``Assessment.to_dict()``) into pandas DataFrames.

    Args:
        assessments: assessment dicts; gold-format dicts (``clauses``, gaps as names) work too.

    Returns:
        ``{"records", "asks", "gaps", "commitments", "dates", "amounts"}`` DataFrames, each with
        the columns of :data:`TABLE_COLUMNS` (in that order) and a ``record_id`` key.
    """
    import pandas as pd

    rows = _rows(assessments)
    frames = {}
    for name, columns in TABLE_COLUMNS.items():
        frame = pd.DataFrame(rows[name], columns=columns)
        if name == "records":
            frame["year"] = frame["year"].astype("Int64")
            frame["coverage"] = frame["coverage"].astype("Float64")
        frames[name] = frame
    return frames

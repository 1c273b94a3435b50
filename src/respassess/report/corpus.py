"""The corpus report a researcher would publish: one self-contained HTML file plus tables.

Stance distribution, coverage by body / jurisdiction / year, gap frequencies, the
commitments with their deadlines (overdue ones marked), and a sortable table of
records, each linked to its asks and evidence further down the page. Charts are
inline PNG data URIs and the sorting script is inline, so the file opens offline.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import json
import logging
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Mapping

from .frames import assessments_to_frames, record_year
from .render import environment

__all__ = ["write_corpus_report", "deadline_date", "load_assessments"]

logger = logging.getLogger(__name__)

_MAX_GROUPS = 6


def load_assessments(source: str | Path | Iterable[Mapping[str, Any]]) -> list[dict]:
    """Return assessment dicts from a JSON Lines path or an iterable of dicts.

    Raises:
        GoldFormatError: the file is missing, empty or has a malformed line (named by line and field).
    """
    if isinstance(source, (str, Path)):
        from ..evaluation.io import load_predictions

        return load_predictions(source)
    return [dict(a) for a in source]


def _end_of(value: str) -> _dt.date | None:
    """The last day of an ISO date, month ("2025-03") or year ("2025"); None if unreadable."""
    try:
        parts = [int(p) for p in value.split("-")]
    except ValueError:
        return None
    try:
        if len(parts) == 3:
            return _dt.date(*parts)
        if len(parts) == 2:
            return _dt.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
        if len(parts) == 1 and 1000 <= parts[0] <= 9999:
            return _dt.date(parts[0], 12, 31)
    except ValueError:
        return None
    return None


def deadline_date(commitment: Mapping[str, Any], dates: Iterable[Mapping[str, Any]]) -> _dt.date | None:
    """Return the latest day a commitment's deadline allows, from the record's resolved dates.

    The commitment's ``deadline`` text is looked up among the record's date mentions (by
    overlapping offsets, else by equal or contained text); the date's interval end, or the
    end of its value ("2025-03" -> 2025-03-31), is the due day.

    Args:
        commitment: a commitment dict (``text``, ``start``, ``end``, ``deadline``).
        dates: the record's date dicts (``text``, ``start``, ``end``, ``value``, ``interval``).

    Returns:
        The due day, or ``None`` when the commitment has no deadline or it cannot be resolved.
    """
    deadline = (commitment.get("deadline") or "").strip().lower()
    if not deadline:
        return None
    for d in dates:
        text = (d.get("text") or "").strip().lower()
        inside = (isinstance(d.get("start"), int) and isinstance(commitment.get("start"), int)
                  and commitment["start"] <= d["start"] < (commitment.get("end") or 0))
        if text and (text == deadline or text in deadline or deadline in text) and (
                inside or d.get("start") is None or commitment.get("start") is None or text == deadline):
            interval = d.get("interval") or [None, None]
            if interval[1]:
                due = _end_of(str(interval[1]))
                if due:
                    return due
            value = str(d.get("value") or "")
            due = _end_of(value.split("/")[-1]) if value else None
            if due:
                return due
    return None


def _anchor(record_id: str) -> str:
    """An HTML id for a record: letters and digits kept, everything else "-" (ids may hold spaces or quotes)."""
    return "rec-" + "".join(ch if ch.isalnum() else "-" for ch in str(record_id))


def _group(values: Iterable[Any], *, limit: int = _MAX_GROUPS) -> list[str]:
    """Keep the ``limit`` most frequent group names; others become "other"."""
    names = ["unknown" if v is None or str(v) in ("", "<NA>", "nan", "NaN") else str(v) for v in values]
    top = {n for n, _ in Counter(names).most_common(limit)}
    return [n if n in top else "other" for n in names]


def _coverage_table(frame, column: str) -> list[dict]:
    rows = []
    sub = frame.assign(group=frame[column].astype("object").where(frame[column].notna(), "unknown").astype(str))
    for name, g in sub.groupby("group", sort=True):
        cov = g["coverage"].dropna().astype(float)
        rows.append({"group": name, "records": len(g), "with_coverage": len(cov),
                     "mean": f"{cov.mean():.2f}" if len(cov) else "n/a",
                     "median": f"{cov.median():.2f}" if len(cov) else "n/a",
                     "accepted": f"{(g['stance'] == 'accepted').mean():.0%}"})
    return rows


def write_corpus_report(assessments_path_or_dicts: str | Path | Iterable[Mapping[str, Any]], out_html: str | Path, *,
                        as_of: _dt.date | None = None, tables_dir: str | Path | None = None,
                        title: str = "Government responses: what was accepted, and what was done") -> Path:
    """Write the corpus report as one self-contained HTML file (and optionally CSV/Parquet tables).

    Args:
        assessments_path_or_dicts: a JSON Lines file of ``Assessment.to_dict()`` lines, or the dicts.
        out_html: the HTML file to write (its folder is created).
        as_of: the day against which deadlines count as overdue (default: today).
        tables_dir: when given, also write ``records``, ``asks``, ``gaps``, ``commitments``,
            ``dates`` and ``amounts`` there as ``.csv`` and ``.parquet``.
        title: the page title.

    Returns:
        The path of the HTML file.

    Raises:
        GoldFormatError: the assessments file is missing, empty or malformed.
    """
    from . import charts

    assessments = load_assessments(assessments_path_or_dicts)
    as_of = as_of or _dt.date.today()
    frames = assessments_to_frames(assessments)
    records = frames["records"]

    if tables_dir is not None:
        tables = Path(tables_dir)
        tables.mkdir(parents=True, exist_ok=True)
        for name, frame in frames.items():
            frame.to_csv(tables / f"{name}.csv", index=False)
            frame.to_parquet(tables / f"{name}.parquet", index=False)

    n = len(records)
    stance_counts = Counter(a.get("stance") or "unclear" for a in assessments)
    gap_counts = Counter(g.get("kind") if isinstance(g, dict) else g for a in assessments for g in a.get("gaps") or [])
    images = []
    if n:
        images.append({"alt": "stance distribution", "src": charts.bar_chart(
            dict(stance_counts.most_common()), title="Stance read from the response text", xlabel="records")})
        coverage = records["coverage"].astype("Float64")
        covered = records[coverage.notna()]
        for column, label in (("jurisdiction", "jurisdiction"), ("body", "body"), ("year", "response year")):
            if len(covered):
                groups: dict[str, list[float]] = {}
                for name, value in zip(_group(covered[column].astype("object").tolist()),
                                       covered["coverage"].astype(float)):
                    groups.setdefault(name[:40], []).append(value)
                images.append({"alt": f"coverage by {label}", "src": charts.histogram(
                    dict(sorted(groups.items())), title=f"Coverage by {label}")})
        if gap_counts:
            images.append({"alt": "gap frequencies", "src": charts.bar_chart(
                dict(gap_counts.most_common()), title="Gaps raised", xlabel="records")})

    commitments = []
    for a in assessments:
        meta = a.get("meta") or {}
        for c in a.get("commitments") or []:
            due = deadline_date(c, a.get("dates") or [])
            commitments.append({
                "record_id": a["id"], "anchor": _anchor(a["id"]), "jurisdiction": meta.get("jurisdiction") or "",
                "text": c.get("text") or "",
                "actor": c.get("actor") or "", "strength": c.get("strength") or "", "deadline": c.get("deadline") or "",
                "due": due.isoformat() if due else "", "overdue": bool(due and due < as_of),
                "status": ("overdue" if due < as_of else "due") if due else ("no resolvable date" if c.get("deadline")
                                                                              else "no deadline")})
    # Soonest first; undated ones after, those with a deadline phrase before those with none.
    commitments.sort(key=lambda c: (c["due"] == "", c["due"], c["status"] == "no deadline", c["record_id"]))

    rows = []
    for a in assessments:
        meta = a.get("meta") or {}
        cov = a.get("coverage")
        rows.append({"id": a["id"], "anchor": _anchor(a["id"]),
                     "jurisdiction": meta.get("jurisdiction") or "", "body": meta.get("body") or "",
                     "year": record_year(a) or "", "stance": a.get("stance") or "",
                     "official": a.get("official_status") or "", "mismatch": bool(a.get("stance_mismatch")),
                     "coverage": "" if cov is None else f"{cov:.2f}",
                     "n_asks": len(a.get("asks") or a.get("clauses") or []),
                     "gaps": ", ".join(g.get("kind") if isinstance(g, dict) else g for g in a.get("gaps") or []),
                     "a": a, "asks": a.get("asks") or a.get("clauses") or [],
                     "gap_items": [g if isinstance(g, dict) else {"kind": g, "message": ""}
                                   for g in a.get("gaps") or []]})

    summary = {
        "records": n,
        "jurisdictions": records["jurisdiction"].nunique(dropna=True) if n else 0,
        "bodies": records["body"].nunique(dropna=True) if n else 0,
        "mean_coverage": (f"{records['coverage'].astype('Float64').mean():.2f}"
                          if n and records["coverage"].notna().any() else "n/a"),
        "mismatch": int(records["stance_mismatch"].sum()) if n else 0,
        "overdue": sum(c["overdue"] for c in commitments),
        "commitments": len(commitments),
    }
    html = environment().get_template("corpus.html").render(
        title=title, as_of=as_of.isoformat(), generated=_dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        summary=summary, images=images,
        stance_rows=[{"stance": s, "count": c, "share": f"{c / n:.0%}"} for s, c in stance_counts.most_common()],
        gap_rows=[{"kind": k, "count": c, "share": f"{c / n:.0%}"} for k, c in gap_counts.most_common()],
        coverage_tables=[(label, _coverage_table(records, col)) for col, label in
                         (("jurisdiction", "jurisdiction"), ("body", "body"), ("year", "response year"))] if n else [],
        commitments=commitments, rows=rows,
        config_ids=sorted({str(a.get("config_id")) for a in assessments if a.get("config_id")}),
        versions=json.dumps(next((a.get("versions") for a in assessments if a.get("versions")), {}), sort_keys=True),
    )
    out = Path(out_html)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    logger.info("wrote corpus report of %d records to %s", n, out)
    return out

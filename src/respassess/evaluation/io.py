"""Reading gold and prediction files, and putting both into one comparable form.

Gold files follow ANNOTATION.md §6 (asks under ``clauses``, gaps as flag names, no
offsets); predictions are ``Assessment.to_dict()`` lines (asks under ``asks``, gaps
as ``{kind, message, evidence}`` objects). Both are accepted in either spelling, so
two annotators' files can be compared with the same code (:func:`respassess.evaluate.agreement`).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from ..errors import GoldFormatError, value_invalid_msg
from ..types import AskLabel, GapKind, Stance

__all__ = ["load_gold", "load_predictions", "load_record_texts", "normalise", "validate_item",
           "gold_to_predictions", "ask_items", "gap_kinds"]

logger = logging.getLogger(__name__)

_STANCES = [s.value for s in Stance]
_ASK_LABELS = [a.value for a in AskLabel]
_GAP_KINDS = [g.value for g in GapKind]
_SPAN_LISTS = ("commitments", "dates", "amounts")


def load_gold(path: str | Path) -> list[dict]:
    """Read and check a gold annotation file (JSON Lines, ANNOTATION.md §6).

    Args:
        path: the ``.jsonl`` file; one record per line, blank lines ignored.

    Returns:
        The records as dicts, in file order, exactly as written.

    Raises:
        GoldFormatError: the file is missing or empty, a line is not a JSON object, an id
            repeats, or a field is missing or invalid; the message names the file, the line
            and the field.
    """
    return _load(path, kind="gold")


def load_predictions(path: str | Path) -> list[dict]:
    """Read and check a predictions file (JSON Lines of ``Assessment.to_dict()``).

    Args:
        path: the ``.jsonl`` file written by ``respassess assess`` or ``assess_corpus``.

    Returns:
        The predictions as dicts, in file order.

    Raises:
        GoldFormatError: as :func:`load_gold`, naming file, line and field.
    """
    return _load(path, kind="predictions")


def _load(path: str | Path, *, kind: str) -> list[dict]:
    path = Path(path)
    if not path.is_file():
        raise GoldFormatError(f"{kind} file {str(path)!r} does not exist; pass the path of a JSON Lines file.")
    items: list[dict] = []
    seen: dict[str, int] = {}
    with open(path, encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldFormatError(f"{path}, line {line_no}: not valid JSON ({exc.msg}); "
                                      "each line must be one JSON object.") from None
            validate_item(item, source=str(path), line=line_no)
            if item["id"] in seen:
                raise GoldFormatError(f"{path}, line {line_no}, field 'id': id {item['id']!r} already used on "
                                      f"line {seen[item['id']]}; each record must appear once.")
            seen[item["id"]] = line_no
            items.append(item)
    if not items:
        raise GoldFormatError(f"{kind} file {str(path)!r} holds no records; expected one JSON object per line.")
    return items


def validate_item(item: Any, *, source: str = "<input>", line: int | None = None) -> None:
    """Check one gold or predicted record against ANNOTATION.md §6.

    Args:
        item: the parsed JSON value.
        source: the file name, for the message.
        line: the line number, for the message.

    Raises:
        GoldFormatError: naming source, line and the offending field.
    """
    where = f"{source}, line {line}" if line is not None else source

    def fail(field: str, message: str) -> GoldFormatError:
        return GoldFormatError(f"{where}, field {field!r}: {message}")

    if not isinstance(item, dict):
        raise GoldFormatError(f"{where}: expected a JSON object, got {type(item).__name__}.")
    if not isinstance(item.get("id"), str) or not item["id"].strip():
        raise fail("id", "missing or not a non-empty string; every record needs its record id.")
    stance = item.get("stance")
    if stance not in _STANCES:
        raise fail("stance", value_invalid_msg("stance", stance, _STANCES, hint="See ANNOTATION.md §1."))
    asks_key = "clauses" if "clauses" in item else "asks"
    asks = item.get(asks_key, [])
    if not isinstance(asks, list):
        raise fail(asks_key, "must be a list of {text, label} objects.")
    for i, ask in enumerate(asks):
        if not isinstance(ask, dict) or not isinstance(ask.get("text"), str):
            raise fail(f"{asks_key}[{i}].text", "each ask must be an object with a string 'text'.")
        if ask.get("label") not in _ASK_LABELS:
            raise fail(f"{asks_key}[{i}].label",
                       value_invalid_msg("label", ask.get("label"), _ASK_LABELS, hint="See ANNOTATION.md §2."))
    gaps = item.get("gaps", [])
    if not isinstance(gaps, list):
        raise fail("gaps", "must be a list of flag names or {kind, ...} objects.")
    for i, gap in enumerate(gaps):
        kind = gap.get("kind") if isinstance(gap, dict) else gap
        if kind not in _GAP_KINDS:
            raise fail(f"gaps[{i}]", value_invalid_msg("kind", kind, _GAP_KINDS, hint="See ANNOTATION.md §5."))
    for key in _SPAN_LISTS:
        spans = item.get(key, [])
        if not isinstance(spans, list):
            raise fail(key, "must be a list of objects with a string 'text'.")
        for i, span in enumerate(spans):
            if not isinstance(span, dict) or not isinstance(span.get("text"), str):
                raise fail(f"{key}[{i}].text", "each entry must be an object with a string 'text'.")
    coverage = item.get("coverage")
    if coverage is not None and (isinstance(coverage, bool) or not isinstance(coverage, (int, float))
                                 or not 0.0 <= coverage <= 1.0):
        raise fail("coverage", f"got {coverage!r}; expected a number from 0 to 1, or null.")


def ask_items(item: Mapping[str, Any]) -> list[dict]:
    """Return a record's asks, whether stored under ``clauses`` (gold) or ``asks`` (predictions)."""
    return list(item.get("clauses", item.get("asks")) or [])


def gap_kinds(item: Mapping[str, Any]) -> set[str]:
    """Return the set of gap flags of a record, whether given as names or ``{kind, ...}`` objects."""
    return {g.get("kind") if isinstance(g, dict) else g for g in item.get("gaps") or []}


def normalise(item: Mapping[str, Any], *, record: Mapping[str, Any] | None = None) -> dict:
    """Return the fields that evaluation compares, in one shape for gold and predictions.

    Args:
        item: a gold record or a prediction.
        record: the source record (for its jurisdiction) when known.

    Returns:
        ``{id, stance, asks[{text, label, evidence[text]}], coverage, commitments, dates, amounts, gaps,
        jurisdiction}``; ``coverage`` falls back to the mean ask score when not stored.
    """
    asks = [{"text": a["text"], "label": a["label"], "evidence": [e["text"] if isinstance(e, dict) else str(e)
                                                                  for e in a.get("evidence") or []]}
            for a in ask_items(item)]
    coverage = item.get("coverage")
    if coverage is None and asks:
        coverage = sum(AskLabel(a["label"]).score for a in asks) / len(asks)
    meta = item.get("meta") or {}
    jurisdiction = ((record or {}).get("jurisdiction") or meta.get("jurisdiction")
                    or item.get("jurisdiction") or "unknown")
    return {
        "id": item["id"],
        "stance": item.get("stance") or Stance.UNCLEAR.value,
        "asks": asks,
        "coverage": None if coverage is None else float(coverage),
        "commitments": list(item.get("commitments") or []),
        "dates": list(item.get("dates") or []),
        "amounts": list(item.get("amounts") or []),
        "gaps": gap_kinds(item),
        "jurisdiction": str(jurisdiction),
    }


def load_record_texts(paths: Iterable[str | Path]) -> dict[str, dict]:
    """Read source records (JSON Lines) into ``{id: row}`` for joining texts to gold.

    Rows without an ``id`` (e.g. summary tables shipped beside the records) are skipped,
    since nothing in a gold file can refer to them.

    Args:
        paths: ``.jsonl`` files or folders of them.

    Returns:
        Each row by its id; a later file wins on a repeated id.

    Raises:
        GoldFormatError: a path does not exist or a line is not JSON.
    """
    rows: dict[str, dict] = {}
    for path in paths:
        path = Path(path)
        if not path.exists():
            raise GoldFormatError(f"records path {str(path)!r} does not exist; pass a .jsonl file or a folder of them.")
        files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
        for file in files:
            with open(file, encoding="utf-8") as fh:
                for line_no, line in enumerate(fh, start=1):
                    if not line.strip():
                        continue
                    try:
                        row = json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise GoldFormatError(f"{file}, line {line_no}: not valid JSON ({exc.msg}).") from None
                    if isinstance(row, dict) and isinstance(row.get("id"), str):
                        rows[row["id"]] = row
    return rows


def gold_to_predictions(gold: Sequence[Mapping[str, Any]], records: Mapping[str, Mapping[str, Any]] | None = None,
                        ) -> list[dict]:
    """Convert gold records to the prediction format (``Assessment.to_dict()`` keys).

    Offsets are found by string search in the record's texts when ``records`` is given
    (gold texts are verbatim substrings), else left as ``None``. Used as a perfect
    "prediction" in tests and as a sanity check of the report writers.

    Args:
        gold: gold records (ANNOTATION.md §6).
        records: source records by id, for offsets and ``meta``.

    Returns:
        One prediction dict per gold record.
    """
    out = []
    for g in gold:
        rec = dict((records or {}).get(g["id"]) or {})
        recommendation = rec.get("recommendation") or ""
        response = rec.get("response") or ""

        def locate(text: str, source: str) -> tuple[int | None, int | None]:
            start = source.find(text) if text else -1
            return (start, start + len(text)) if start >= 0 else (None, None)

        asks = []
        for i, a in enumerate(ask_items(g)):
            start, end = locate(a["text"], recommendation)
            evidence = []
            for ev in a.get("evidence") or []:
                text = ev if isinstance(ev, str) else ev.get("text", "")
                es, ee = locate(text, response)
                evidence.append({"text": text, "start": es, "end": ee, "sentence_index": None})
            asks.append({"index": i, "text": a["text"], "start": start, "end": end, "label": a["label"],
                         "score": AskLabel(a["label"]).score, "confidence": 1.0, "reason": "gold",
                         "evidence": evidence})
        spans = {}
        for key in _SPAN_LISTS:
            spans[key] = []
            for s in g.get(key) or []:
                start, end = locate(s["text"], response)
                spans[key].append({**s, "start": start, "end": end})
        gaps = [g_ if isinstance(g_, dict) else {"kind": g_, "message": "", "evidence": []}
                for g_ in g.get("gaps") or []]
        meta = {k: v for k, v in rec.items() if k not in ("id", "recommendation", "response")}
        out.append({
            "id": g["id"], "stance": g["stance"], "stance_confidence": 1.0, "stance_evidence": None,
            "official_status": g.get("official_status", meta.get("official_status")), "official_stance": None,
            "stance_mismatch": False, "cross_reference": None, "coverage": g.get("coverage"),
            "asks": asks, "commitments": spans["commitments"], "actions": [], "dates": spans["dates"],
            "amounts": spans["amounts"], "gaps": gaps, "language": "en", "warnings": [],
            "meta": meta, "config_id": "gold", "versions": {},
        })
    return out

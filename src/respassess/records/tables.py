"""Response tables in Word and HTML documents, turned into the headings layout the splitter reads.

Many responses are a table: a row per recommendation with its number, its text and the
government's response (sometimes a separate "position" column). Read row by row into one
tab-joined line each, the recommendation and its response would share a line and no pair
would be found. :func:`table_lines` writes such a table out as "Recommendation N" /
recommendation text / "Response: <position>" / response text, the layout of tabled responses
that :func:`respassess.records.split.split_document` already reads; any other table keeps
one tab-joined line per row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .headings import REC_HEADING

__all__ = ["table_lines"]

_REC_COLUMN = re.compile(r"\brecommendations?\b|^rec\.?$", re.IGNORECASE)
_RESPONSE_COLUMN = re.compile(r"\b(?:response|reply|comments?|action|update)\b", re.IGNORECASE)
_POSITION_COLUMN = re.compile(r"^(?:(?:government|department|agency)(?:['’]s)?\s+)?(?:position|status|outcome|"
                              r"agreed\??|supported\??|accepted\??)$", re.IGNORECASE)
_NUMBER_COLUMN = re.compile(r"^(?:no\.?|number|#|item|ref\.?|rec(?:ommendation)?\.?\s*(?:no\.?|number|#))$",
                            re.IGNORECASE)
_NUMBER = re.compile(r"^\s*(?:recommendation\s+|rec\.?\s+)?(?P<n>\d{1,3}(?:\.\d{1,3})?[a-z]?)\s*[.:)]?\s*",
                     re.IGNORECASE)


def _lines(cell: str) -> list[str]:
    return [ln.strip() for ln in cell.splitlines() if ln.strip()]


def _columns(row: Sequence[str]) -> dict[str, int] | None:
    """Which column holds what, when ``row`` is a header naming a recommendation and a response column."""
    cols: dict[str, int] = {}
    for i, cell in enumerate(row):
        text = " ".join(cell.split())
        if not text or len(text) > 60:
            continue
        if _NUMBER_COLUMN.match(text):
            cols.setdefault("number", i)
        elif _POSITION_COLUMN.match(text):
            cols.setdefault("position", i)
        elif _RESPONSE_COLUMN.search(text):
            cols.setdefault("response", i)
        elif _REC_COLUMN.search(text):
            cols.setdefault("recommendation", i)
    return cols if {"recommendation", "response"} <= cols.keys() else None


def _pair_lines(number: str, recommendation: str, position: str, response: str) -> list[str]:
    rec = _lines(recommendation)
    if not rec:
        return []
    number = number if re.search(r"\d", number) else ""  # a section row ("Rail") merged over the number column
    if not REC_HEADING.match(rec[0]):
        if not number:
            m = _NUMBER.match(rec[0])
            number = m.group("n") if m else ""
            if m and rec[0][m.end():].strip():
                rec[0] = rec[0][m.end():]
        if not number:
            return ["\t".join(x for x in (recommendation, position, response) if x)]
        rec.insert(0, f"Recommendation {number}")
    label = f"Response: {' '.join(position.split())}" if position.strip() else "Response"
    return [*rec, label, *_lines(response)]


def table_lines(rows: Sequence[Sequence[str]]) -> list[str]:
    """The lines of a table: a recommendation/response table in the headings layout, else one line per row.

    Args:
        rows: the cell texts of each row (cells may hold several lines; a merged cell may repeat).

    Returns:
        Lines of text without their line breaks.

    Example:
        >>> table_lines([["No.", "Recommendation", "Response"], ["1", "Fund the service.", "Agreed. It will."]])
        ['Recommendation 1', 'Fund the service.', 'Response', 'Agreed. It will.']
    """
    header, cols = next(((k, c) for k, row in enumerate(rows[:3]) if (c := _columns(row))), (None, None))
    out: list[str] = []
    for k, row in enumerate(rows):
        cells = list(row)
        named = {name: cells[i] if i < len(cells) else "" for name, i in (cols or {}).items()}
        rec, resp = named.get("recommendation", ""), named.get("response", "")
        if cols and k > header and rec and rec != resp:
            out.extend(_pair_lines(named.get("number", "").strip(), rec, named.get("position", ""), resp))
        elif cols is None and len(cells) >= 2 and (first := _lines(cells[0])) and REC_HEADING.match(first[0]) \
                and cells[1] != cells[0]:
            # no header row, but each row opens with "Recommendation N": the other cells answer it
            out.extend([*first, "Response", *(ln for c in cells[1:] for ln in _lines(c))])
        elif k != header:
            distinct = [c for i, c in enumerate(cells) if i == 0 or c != cells[i - 1]]  # a merged cell once
            out.append("\t".join(" ".join(_lines(c)) for c in distinct))
    return [ln for ln in out if ln.strip()]

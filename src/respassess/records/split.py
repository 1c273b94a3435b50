"""Split a response document into recommendation/response pairs.

Government responses quote each recommendation and answer it. The layouts differ
(Australian tabled responses, UK government responses, Treasury Minutes, UN UPR
addenda, tracker pages, NZ TAIC status reports) but share a grammar: a
*heading* opens a recommendation, a *label* or *verdict sentence* opens its
response, and the next heading or a section end ("Annex A") closes both.
:func:`split_document` reads that grammar line by line (see
:mod:`respassess.records.headings`); every pair carries offsets into the
document text, so ``text[rec_start:rec_end] == pair.recommendation``.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import SplitError
from ..labels import _StrEnum
from ..types import Record
from .documents import Document, read_document
from .headings import (
    BARE_NUMBER,
    NUMBERED_PARAGRAPH,
    REC_OPENER,
    UPR_NUMBER,
    Marker,
    classify_line,
    expand_numbers,
    run_on_status,
)
from .pairing import (
    DocumentPair,
    _base,
    _numbers_named,
    _Rec,
    _Resp,
    pair_spans,
    text_lines,
)
from .jurisdiction import jurisdiction_of_document
from .tracker_layout import looks_like_tracker, split_tracker

__all__ = ["DocumentPair", "Layout", "SplitResult", "pairs_to_records", "split_document", "split_to_jsonl"]

log = logging.getLogger(__name__)


class Layout(_StrEnum):
    """The document layout :func:`split_document` recognised."""

    RECOMMENDATION_HEADINGS = "recommendation_headings"  # AU tabled / UK government responses
    TREASURY_MINUTES = "treasury_minutes"
    UPR_ADDENDUM = "upr_addendum"
    TRACKER = "tracker"
    REGISTER_REPORT = "register_report"  # NZ TAIC "AO-2022-001 (001/23)" ... "Update"


@dataclass(frozen=True, slots=True)
class SplitResult:
    """The pairs found in one document, the layout recognised and what was odd."""

    pairs: tuple[DocumentPair, ...]
    layout: Layout
    source: str | None = None
    jurisdiction: str | None = None
    warnings: tuple[str, ...] = field(default=())

    @property
    def summary(self) -> dict[str, int]:
        """Counts: found, answered, unanswered, cross_referenced."""
        answered = sum(1 for p in self.pairs if p.response)
        return {"found": len(self.pairs), "answered": answered, "unanswered": len(self.pairs) - answered,
                "cross_referenced": sum(1 for p in self.pairs if p.cross_reference)}


def split_document(document: Document | str, *, jurisdiction: str | None = None,
                   source: str | None = None) -> SplitResult:
    """Find the recommendation/response pairs of a response document.

    Args:
        document: a :class:`Document` from :func:`read_document`, or its text.
        jurisdiction: stamped on the result (and on records made from it); when not given, the
            government the document's opening names ("Australian Government response to ..."), if any.
        source: the document's name; defaults to ``document.source``.

    Returns:
        A :class:`SplitResult`; offsets index ``document.text`` (or the string given).

    Raises:
        SplitError: no recommendation headings (or UPR paragraph numbers) were found.

    Example:
        >>> result = split_document("Recommendation 1\\nThe Department should act.\\n"
        ...                         "Response: Agreed.\\nIt will act by May.")
        >>> result.pairs[0].official_status, result.pairs[0].response
        ('Agreed', 'Response: Agreed.\\nIt will act by May.')
    """
    text = document.text if isinstance(document, Document) else document
    if source is None and isinstance(document, Document):
        source = document.source
    if not isinstance(text, str) or not text.strip():
        raise SplitError(f"{source or 'document'}: the text is empty; pass the document's text or a file path.")
    lines = text_lines(text)
    warnings: list[str] = []
    if looks_like_tracker(lines):
        recs, resps, layout = *split_tracker(text, lines), Layout.TRACKER
    else:
        recs, resps, layout = _scan(text, lines)
    pairs = pair_spans(text, recs, resps, source, warnings)
    if layout is Layout.UPR_ADDENDUM:
        pairs = _apply_upr_positions(text, pairs)
    if not pairs:
        raise SplitError(
            f"{source or 'document'}: no recommendation/response pairs found; expected headings such as "
            "'Recommendation 3', '2a: PAC recommendation' or UPR paragraph numbers ('122.11') on lines of their "
            "own. Check it is a response document, or split it by hand into a JSONL file.")
    if jurisdiction is None:
        running = document.furniture if isinstance(document, Document) else ()
        jurisdiction = jurisdiction_of_document("\n".join((text[:min(p.rec_start for p in pairs)], *running)),
                                                body=text)
    return SplitResult(pairs=tuple(pairs), layout=layout, source=source, jurisdiction=jurisdiction,
                       warnings=tuple(warnings))


# a line that stops mid-sentence, on a preposition or an article
_WRAPPED = re.compile(r"(?<![.:;])\b(?:to|of|in|with|and|or|see|under|per|at|by|for|from|on|the|as)$", re.IGNORECASE)


def _scan(text: str, lines: list[tuple[int, int, str]]) -> tuple[list[_Rec], list[_Resp], Layout]:
    """Walk the lines once, opening recommendations and responses at their markers."""
    upr = sum(1 for *_, s in lines if UPR_NUMBER.match(s)) >= 2
    markers: list[Marker | None] = [classify_line(s, upr=upr) for *_, s in lines]
    for i in range(len(lines) - 1):
        # a table's number cell alone on its line, the recommendation cell below it
        m = BARE_NUMBER.match(lines[i][2])
        if m and markers[i] is None and markers[i + 1] is None and REC_OPENER.match(lines[i + 1][2]):
            markers[i] = Marker("numbered", (m.group("num").lower(),))
    kinds = {m.kind for m in markers if m}
    if "rec" in kinds:  # "1. The Committee recommends" under a "Recommendation 1" heading is its text
        markers = [None if m and m.kind == "numbered" else m for m in markers]
    for i in range(1, len(lines)):
        # "... consistent with its response to\nRecommendation 3. The Department will ...": a sentence wrapped
        # onto a new line, not a heading
        if markers[i] and markers[i].kind == "rec" and _WRAPPED.search(lines[i - 1][2]) \
                and text.count("\n", lines[i - 1][1], lines[i][0]) == 1:
            markers[i] = None
    layout = (Layout.UPR_ADDENDUM if "upr" in kinds else Layout.REGISTER_REPORT if "register" in kinds
              else Layout.RECOMMENDATION_HEADINGS)
    recs: list[_Rec] = []
    resps: list[_Resp] = []
    section_status: str | None = None
    current: _Rec | None = None   # a recommendation still being read
    answer: _Resp | None = None   # a response still being read
    first_body = True

    def close(at: int) -> None:
        nonlocal current, answer
        if current is not None:
            current.end = at
            recs.append(current)
        if answer is not None:
            answer.end = at
            resps.append(answer)
        current = answer = None

    for idx, ((start, end, s), mk) in enumerate(zip(lines, markers)):
        kind = mk.kind if mk else None
        if kind in ("rec", "numbered", "upr", "register"):
            close(start)
            content = start + mk.content if mk.content is not None else end
            tm = bool(re.match(r"\d", s)) and kind == "rec"
            if tm:
                layout = Layout.TREASURY_MINUTES
            current = _Rec(mk.numbers, content, content, tm=tm)
            # a status may follow at once when the marker line already holds the recommendation's text
            # ("1. The Committee recommends ...", then "Noted")
            first_body = mk.content is None
            tail = run_on_status(s, mk.content) if kind in ("rec", "numbered") and mk.content is not None else None
            if tail:  # the recommendation cell and the status cell share the line
                current.end = start + tail[0]
                recs.append(current)
                answer = _Resp(mk.numbers, current.end, end, tail[1])
                current = None
            if kind == "upr":  # the addendum answers by number: everything after is the reply
                current.end = content
                recs.append(current)
                answer = _Resp(mk.numbers, end, end, section_status)
                current = None
            continue
        if kind in ("conclusion", "end", "upr_section"):
            close(start)
            if kind == "upr_section":
                section_status = mk.status
            continue
        if current is not None:
            starts = _response_start(mk, s, current, first_body, lines, idx)
            if starts is not None:
                resp_start, status = starts
                current.end = resp_start if start < resp_start < end else start
                recs.append(current)
                nums = mk.numbers if mk and kind == "response" else ()
                if not nums:
                    nums = _numbers_named(text[resp_start:resp_start + 300], current.numbers)
                answer = _Resp(nums, resp_start if resp_start >= 0 else end, end, status)
                current = None
                continue
            first_body = False
        elif answer is not None and kind == "response" and mk.numbers:
            # "Government response to recommendation 4" after the answer to 3
            answer.end = start
            resps.append(answer)
            status = mk.status or _status_on_next_line(lines, idx, markers)
            answer = _Resp(mk.numbers, start if mk.content is not None else _next_start(lines, idx, end), end, status)
    close(len(text))
    return recs, resps, layout


_UPR_POSITION = re.compile(
    r"\b(?P<verb>accepts|supports|takes\s+note\s+of|notes)\s+(?:the\s+following\s+)?recommendations?(?:[^:\d]{0,150}:)?\s*"
    r"(?P<list>\d{2,3}\.\d{1,3}(?:[\s,.;]|and|[-–—]|\d{2,3}\.\d{1,3}|\d{1,3})*)")


def _apply_upr_positions(text: str, pairs: list[DocumentPair]) -> list[DocumentPair]:
    """Take each reply's position from the addendum's own lists ("accepts the following
    recommendations: 140.7, ..."), which beat the section a shared reply sits in."""
    positions: dict[str, str] = {}
    for m in _UPR_POSITION.finditer(text):
        status = "Supported" if m.group("verb").startswith(("accept", "support")) else "Noted"
        for item in re.findall(r"\d{2,3}\.\d{1,3}(?:\s*[-–—]\s*\d{1,3}(?!\.))?", m.group("list")):
            for number in expand_numbers(item):
                positions.setdefault(number, status)
    return [replace(p, official_status=positions.get(p.rec_number, p.official_status)) for p in pairs]


def _response_start(mk: Marker | None, line: str, rec: _Rec, first_body: bool,
                    lines: list[tuple[int, int, str]], idx: int) -> tuple[int, str | None] | None:
    """Where the response begins if this line opens it, and the status it gives."""
    start, end, _ = lines[idx]
    kind = mk.kind if mk else None
    if kind == "response":
        if mk.content is not None:  # "Response: Supported." keeps its verdict in the response
            return start, mk.status
        nxt = idx + 1
        status = None
        if nxt < len(lines):
            nmk = classify_line(lines[nxt][2])
            if nmk and nmk.kind in ("status", "verdict") and nmk.status:
                status = nmk.status
        return (lines[nxt][0] if nxt < len(lines) else end), status
    if kind == "status" and not first_body:
        return start, mk.status
    if kind == "verdict" and not first_body:
        return start, mk.status
    tail = run_on_status(line) if kind is None else None
    if tail:  # "... report annually. Noted": a table's status cell run onto the recommendation's last line
        return start + tail[0], tail[1]
    if rec.tm:
        m = NUMBERED_PARAGRAPH.match(line)
        if m and m.group("b") and m.group("a") == _base(rec.numbers[0]):
            return start, None
    return None


def _status_on_next_line(lines, idx, markers) -> str | None:
    nxt = markers[idx + 1] if idx + 1 < len(markers) else None
    return nxt.status if nxt and nxt.kind in ("status", "verdict") else None


def _next_start(lines, idx, default: int) -> int:
    return lines[idx + 1][0] if idx + 1 < len(lines) else default


def pairs_to_records(result: SplitResult, *, include_unanswered: bool = False, **meta: Any) -> list[Record]:
    """Turn split pairs into :class:`~respassess.types.Record` objects ready to assess.

    Args:
        result: the output of :func:`split_document`.
        include_unanswered: also return pairs with an empty response (or recommendation).
        **meta: extra metadata for every record (``body``, ``response_date``, ...);
            overrides the values taken from the split.

    Returns:
        One record per pair with ``meta`` holding rec_number, official_status, source,
        offsets, cross_reference, shared_with, jurisdiction and layout.
    """
    records = []
    for p in result.pairs:
        if not include_unanswered and not (p.recommendation and p.response):
            continue
        base = {"rec_number": p.rec_number, "official_status": p.official_status, "source": result.source,
                "offsets": {"rec_start": p.rec_start, "rec_end": p.rec_end,
                            "resp_start": p.resp_start, "resp_end": p.resp_end},
                "cross_reference": p.cross_reference, "shared_with": list(p.shared_with),
                "jurisdiction": result.jurisdiction, "layout": result.layout.value}
        records.append(Record(id=p.id, recommendation=p.recommendation, response=p.response, meta={**base, **meta}))
    return records


def split_to_jsonl(path: str | Path, out: str | Path, *, jurisdiction: str | None = None,
                   max_bytes: int = 50_000_000, timeout_s: float = 60,
                   include_unanswered: bool = True) -> SplitResult:
    """Read a document, split it and write one JSON object per pair (``-`` writes stdout).

    Each line is a record ``respassess`` can read back: id, recommendation, response,
    rec_number, official_status, cross_reference, shared_with, offsets, source,
    jurisdiction, layout.

    Args:
        path: the PDF/DOCX/HTML/text document.
        out: the JSONL file to write, or "-" for standard output.
        jurisdiction: stamped on every record (see :func:`split_document` when it is not given).
        max_bytes: see :func:`read_document`.
        timeout_s: see :func:`read_document`.
        include_unanswered: also write recommendations without a response.

    Returns:
        The :class:`SplitResult` (its ``summary`` has the counts to report).

    Raises:
        DocumentError: the document cannot be read.
        SplitError: no pairs were found.
    """
    document = read_document(path, max_bytes=max_bytes, timeout_s=timeout_s)
    result = split_document(document, jurisdiction=jurisdiction)
    lines = []
    for p in result.pairs:
        if not include_unanswered and not (p.recommendation and p.response):
            continue
        lines.append(json.dumps({**p.to_dict(), "source": result.source, "jurisdiction": result.jurisdiction,
                                 "layout": result.layout.value}, ensure_ascii=False))
    payload = "".join(line + "\n" for line in lines)
    if str(out) == "-":
        sys.stdout.write(payload)
    else:
        Path(out).write_text(payload, encoding="utf-8")
    return result

"""The tracker page layout, with offsets (one page per recommendation, pages may be joined).

A recommendations tracker shows, line by line (``../shared/data/seed/uk-pac-rec7-send.txt``)::

    Source · Select Committees · Public Accounts Committee      <- page start
    Recommendation 7
    7
    Acknowledged                                                 <- status
    <one-line summary>
    Conclusion
    <conclusion> recommendation <recommendation text> 7 1 <page furniture>
    Government Response Summary
    <analyst's summary>                                          <- skipped
    Government Response
    Acknowledged / HM Government / Acknowledged                  <- status, responder
    <response text>

:func:`split_tracker` returns the same internal recommendation/response spans as the
general scanner in :mod:`respassess.records.split`, so pairing and offsets are shared.
"""

from __future__ import annotations

import re

from .headings import REC_HEADING, STATUS_LINE, expand_numbers
from .pairing import _Rec, _Resp

__all__ = ["looks_like_tracker", "split_tracker"]

_CONCLUSION = "conclusion"
_SUMMARY = "government response summary"
_RESPONSE = "government response"
_PAGE_START = re.compile(r"^Source\s*·")
# "recommendation The Department should ..." inside the conclusion paragraph.
_INLINE_REC = re.compile(r"\brecommendation:?\s+(?=[A-Z])")
# Page furniture glued after the last sentence: " 7 1 Support for children ... Introduction".
_TRAILING = re.compile(r"(?<=[.;:!?’”\"])\s+\d{1,3}(?:\s+\d{1,3})*\s+\S[^.]*$")


def looks_like_tracker(lines: list[tuple[int, int, str]]) -> bool:
    """True when the text has a recommendation heading, a Conclusion and a Government Response line."""
    lowered = {s.lower() for *_, s in lines}
    return (_CONCLUSION in lowered and _RESPONSE in lowered
            and any(REC_HEADING.match(s) for *_, s in lines))


def split_tracker(text: str, lines: list[tuple[int, int, str]]):
    """Return (recommendations, responses) spans of every tracker page in ``text``."""
    recs: list[_Rec] = []
    resps: list[_Resp] = []
    heads = [i for i, (*_, s) in enumerate(lines) if REC_HEADING.match(s) and REC_HEADING.match(s).group("sep") is None
             and not REC_HEADING.match(s).group("bare")]
    for n, head in enumerate(heads):
        stop = heads[n + 1] if n + 1 < len(heads) else len(lines)
        block = lines[head:stop]
        for k, (*_, s) in enumerate(block[1:], 1):
            if _PAGE_START.match(s):
                block = block[:k]
                break
        lowered = [s.lower() for *_, s in block]
        if _CONCLUSION not in lowered or _RESPONSE not in lowered:
            continue
        numbers = expand_numbers(REC_HEADING.match(block[0][2]).group("nums"))
        c = lowered.index(_CONCLUSION)
        r = lowered.index(_RESPONSE)
        status = next((s for *_, s in block[1:c] if STATUS_LINE.match(s)), None)
        conclusion_end = lowered.index(_SUMMARY) if _SUMMARY in lowered[c:r] else r
        if conclusion_end <= c + 1:
            continue
        region_start, region_end = block[c + 1][0], block[conclusion_end - 1][1]
        region = text[region_start:region_end]
        found = list(_INLINE_REC.finditer(region))
        rec_start = region_start + (found[-1].end() if found else 0)
        rec_text = text[rec_start:region_end]
        cut = _TRAILING.search(rec_text)
        rec_end = rec_start + (cut.start() if cut else len(rec_text))
        recs.append(_Rec(numbers, rec_start, rec_end))
        body = [ln for ln in block[r + 1:]]
        k = 0
        while k < len(body) and (STATUS_LINE.match(body[k][2]) or _is_responder(body[k][2])):
            k += 1
        if k < len(body):
            resps.append(_Resp(numbers, body[k][0], body[-1][1], status))
    return recs, resps


def _is_responder(line: str) -> bool:
    """A short name line such as "HM Government" or "Department for Education"."""
    return len(line.split()) <= 6 and not line.endswith((".", ";", ":", "?", "!"))

"""Pairing: give each recommendation span its response span, then build the pairs.

The scanners (:mod:`respassess.records.split` for headed layouts,
:mod:`respassess.records.tracker_layout` for tracker pages) emit recommendation and
response spans in document order; :func:`pair_spans` links them, by the numbers a
response label names ("Government response to recommendations 3 and 4") or else by
position, and turns them into :class:`DocumentPair` objects with trimmed offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .headings import REC_OPENER, expand_numbers

__all__ = ["DocumentPair", "pair_spans", "text_lines"]


@dataclass(frozen=True, slots=True)
class DocumentPair:
    """One recommendation and its response, with offsets into the document text.

    ``response`` is empty when the document gives no answer; ``recommendation`` is
    empty when the document answers by number only (UN UPR addenda).
    """

    id: str
    rec_number: str
    recommendation: str
    response: str
    rec_start: int
    rec_end: int
    resp_start: int
    resp_end: int
    cross_reference: str | None = None
    official_status: str | None = None
    shared_with: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form (all fields)."""
        return {"id": self.id, "rec_number": self.rec_number, "recommendation": self.recommendation,
                "response": self.response, "official_status": self.official_status,
                "cross_reference": self.cross_reference, "shared_with": list(self.shared_with),
                "rec_start": self.rec_start, "rec_end": self.rec_end,
                "resp_start": self.resp_start, "resp_end": self.resp_end}


@dataclass(slots=True)
class _Rec:
    numbers: tuple[str, ...]
    start: int
    end: int
    tm: bool = False
    resp: tuple[int, int, str | None] | None = None  # (start, end, status)
    shared: tuple[str, ...] = ()


@dataclass(slots=True)
class _Resp:
    numbers: tuple[str, ...]
    start: int
    end: int
    status: str | None


_CROSS_REF = re.compile(
    r"(?im)^(?:(?:\w+\s+)?response\s*:?\s*)?(?:[A-Za-z ]{0,30}\.\s*)?(?:please\s+)?"
    r"(?:see|refer\s+to|as\s+per|as\s+set\s+out\s+in|addressed\s+(?:in|by|under)|covered\s+(?:in|by|under)|"
    r"this\s+recommendation\s+is\s+(?:addressed|covered|answered)\s+(?:in|by|under))\s+(?:the\s+)?"
    r"(?:\w+\s+)?(?:Government['’]s\s+)?(?:response\s+(?:to|at|under|for)\s+)?(?:the\s+)?(?:[A-Z]{2,6}\s+)?"
    r"recommendations?\s+(?P<num>\d{1,3}(?:\.\d{1,3})*[a-z]?)")
_WEAK_RESPONSE = re.compile(
    r"^(?:(?:The|HM)\s+)?(?:(?:Australian|UK|Scottish|Welsh|New\s+Zealand)\s+)?(?:Government|Department|Ministry)\b"
    r"(?!\s+(?:should|must|ought|needs?|could|is\s+urged))|^We\s+(?:agree|accept|support|note|will|have|are)\b")
_CROSS_IN_TEXT = re.compile(r"recommendations\s+(?P<nums>\d{1,3}(?:\s*(?:,|and|&|to|-|–)\s*\d{1,3})+)", re.I)


def text_lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, stripped) of each non-empty line, offsets of the stripped content."""
    out = []
    for m in re.finditer(r"[^\n]*", text):
        raw = m.group()
        s = raw.strip()
        if s:
            start = m.start() + (len(raw) - len(raw.lstrip()))
            out.append((start, start + len(s), s))
    return out


def _base(number: str) -> str:
    return re.match(r"\d+", number).group() if re.match(r"\d+", number) else number


def _numbers_named(head: str, own: tuple[str, ...]) -> tuple[str, ...]:
    """Numbers an unlabelled response names in its opening ("accepts recommendations 3 and 4")."""
    m = _CROSS_IN_TEXT.search(head)
    if m:
        nums = expand_numbers(m.group("nums"))
        if set(own) & set(nums):
            return nums
    return ()


def pair_spans(text: str, recs: list[_Rec], resps: list[_Resp], source: str | None,
          warnings: list[str]) -> list[DocumentPair]:
    """Give each recommendation its response: by the numbers a label names, else the nearest."""
    events = sorted([(r.start, 0, i) for i, r in enumerate(recs)] + [(a.start, 1, i) for i, a in enumerate(resps)])
    pending: list[_Rec] = []
    last: list[_Rec] = []
    for _, is_resp, i in events:
        if not is_resp:
            pending.append(recs[i])
            continue
        resp = resps[i]
        if resp.numbers:
            wanted = set(resp.numbers)
            pool = pending + [r for r in recs if r.resp is None and r not in pending]
            targets = [r for r in pool if (wanted & set(r.numbers)) or _base(r.numbers[0]) in wanted]
            targets = targets or pending[-1:]
        elif pending:
            tail = pending[-1]
            targets = [r for r in pending if r is tail or (tail.tm and r.tm and _base(r.numbers[0]) == _base(tail.numbers[0]))]
        elif last and last[0].resp is not None:
            # a second label under the same answer ("Government response" then "Update"): one response
            for r in last:
                r.resp = (r.resp[0], resp.end, r.resp[2] or resp.status)
            continue
        else:
            warnings.append(f"a response at character {resp.start} follows no recommendation; ignored")
            continue
        shared = tuple(n for r in targets for n in r.numbers)
        for r in targets:
            r.resp = (resp.start, resp.end, resp.status)
            r.shared = shared if len(shared) > 1 else ()
        pending, last = [], targets
    for r in recs:
        if r.resp is None:
            _split_unlabelled(text, r)
    prefix = _id_prefix(source)
    pairs: list[DocumentPair] = []
    for r in recs:
        rs, re_ = _trim(text, r.start, r.end)
        ps, pe, status = r.resp if r.resp else (re_, re_, None)
        ps, pe = _trim(text, ps, pe)
        if rs == re_ and ps == pe:
            continue  # a heading with nothing under it (a contents entry, a cut-off page)
        response = text[ps:pe]
        m = _CROSS_REF.search(response[:300])
        cross = m.group("num") if m and m.group("num") not in r.numbers else None
        parts = _own_parts(text, rs, re_, len(r.numbers)) or [(rs, re_)] * len(r.numbers)
        for number, (rs, re_) in zip(r.numbers, parts):
            pairs.append(DocumentPair(
                id=f"{prefix}-rec{re.sub(r'[^0-9A-Za-z.]+', '-', number)}", rec_number=number,
                recommendation=text[rs:re_], response=response, rec_start=rs, rec_end=re_,
                resp_start=ps, resp_end=pe, cross_reference=cross, official_status=status,
                shared_with=tuple(n for n in r.shared if n != number)))
    return _dedupe(pairs)


_PARA_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,3})+\s+")


def _own_parts(text: str, start: int, end: int, n: int) -> list[tuple[int, int]] | None:
    """Under "Recommendations 2 and 3", each recommendation's own text: the block split at the
    lines that open a recommendation ("That the ...", "The Committee recommends ..."), when it
    opens with one and there is one per number."""
    if n < 2:
        return None
    # a report's paragraph number may lead the line: "3.56 The committee recommends ..."
    opens = [start + s for s, _, line in text_lines(text[start:end]) if REC_OPENER.match(_PARA_NUMBER.sub("", line))]
    if len(opens) != n or opens[0] != start:
        return None
    return [_trim(text, a, b) for a, b in zip(opens, opens[1:] + [end])]


def _split_unlabelled(text: str, rec: _Rec) -> None:
    """Answer without a label: the first "The Government ..." line after a finished sentence."""
    region = text_lines(text[rec.start:rec.end])
    for (_, prev_end, prev), (start, _, line) in zip(region, region[1:]):
        if _WEAK_RESPONSE.match(line) and prev.endswith((".", ";", ":")) and "recommends" not in line:
            rec.resp = (rec.start + start, rec.end, None)
            rec.end = rec.start + start
            return


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Move the offsets past surrounding whitespace and a stray PDF fragment at the end
    (a lone "So" or "©" line after a finished sentence, left by text extraction)."""
    while True:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        cut = text.rfind("\n", start, end)
        last = text[cut + 1:end].strip()
        before = text[start:cut].rstrip()
        if cut > start and 0 < len(last) <= 3 and not last.isdigit() and before.endswith((".", ";", ":", ")")):
            end = cut
            continue
        return start, end


def _id_prefix(source: str | None) -> str:
    stem = Path(source).stem if source else "document"
    return re.sub(r"[^0-9a-z]+", "-", stem.lower()).strip("-") or "document"


def _dedupe(pairs: list[DocumentPair]) -> list[DocumentPair]:
    """Drop an unanswered copy of a number answered elsewhere (summary lists, annex tables)."""
    answered = {p.rec_number for p in pairs if p.response}
    kept = [p for p in pairs if p.response or p.rec_number not in answered]
    seen: dict[str, int] = {}
    out = []
    for p in kept:
        seen[p.id] = seen.get(p.id, 0) + 1
        out.append(p if seen[p.id] == 1 else replace(p, id=f"{p.id}-{seen[p.id]}"))
    return out

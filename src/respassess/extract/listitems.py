"""Commitments made as a list: "The programme of work will also:" followed by one action per item.

Responses often promise several actions under one lead ("KiwiRail ... will take the following
actions to address this:", "local systems and providers will:"). The items carry no modal of
their own, so the clause extractor cannot see them; here each item becomes a commitment that
inherits the lead's actor and base strength (and its own vague cue, "consider ...").

Items are found in the text, not the parse (the parser mangles line-broken lists): either
marked (bullets, dashes, "a)", "1.", "(i)") or, as text extracted from PDFs often is, unmarked
lines that start in lower case. An unmarked line continues the previous item when the previous
line ran to the block's full width (a wrapped line), and starts a new item otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["ListItem", "find_list_items"]

_MARKER = re.compile(r"[ \t]*(?:[•·▪◦‣●○■□➢►\-–—*]|\(?(?:\d{1,2}|[a-h]|[ivx]{1,4})[.)])[ \t]+")
_FUTURE = re.compile(r"\b(?:will|shall|intends?\s+to|plans?\s+to|expects?\s+(?:to|that)|aims?\s+to|"
                     r"is\s+committed\s+to|are\s+committed\s+to|commits?\s+to)\b", re.I)
_QUALIFIED = re.compile(r"\b(?:intends?|plans?|expects?|aims?|seeks?)\b", re.I)
_LEAD_END = re.compile(r":[ \t]*\n")


@dataclass(frozen=True, slots=True)
class ListItem:
    """One promised action in a list: its span, the lead's actor and the lead's base strength."""

    start: int
    end: int
    lead_start: int
    lead_end: int
    actor: str | None
    base: str


def _lead(text: str, colon: int) -> tuple[int, str | None, str] | None:
    """The lead clause before a list colon, if it promises something: (start, actor, base strength)."""
    window = text[max(0, colon - 300):colon]
    cut = max(window.rfind(". "), window.rfind(".\n"), window.rfind("\n\n"), window.rfind(":"))
    start = colon - len(window) + (cut + 2 if cut >= 0 else 0)
    lead = text[start:colon]
    future = None
    for future in _FUTURE.finditer(lead):
        pass
    if future is None or len(lead) - future.end() > 120 or re.search(r"\bexpects?\s+that\b", lead, re.I):
        # "DHSC expects that providers will:" lists what others are expected to do; the lead is the commitment
        return None
    before = lead[:future.start()]
    # the actor is the phrase right before the modal: after the last comma or "that"
    pieces = re.split(r",\s*|\bthat\s+", before)
    actor = re.sub(r"\s+", " ", pieces[-1]).strip() or None if pieces else None
    base = "qualified" if _QUALIFIED.search(lead) else "firm"
    return start, actor, base


def _item_end(text: str, start: int, end: int, marked: bool) -> int:
    """Trim an item to its first sentence (a marked item may go on to describe it) and its punctuation."""
    if marked:
        m = re.search(r"[.;](?=\s+[A-Z(])", text[start:end])
        if m:
            end = start + m.start() + 1
    while end > start and text[end - 1] in " \t\n;,.":
        end -= 1
    tail = re.search(r"[;,]?\s+(?:and|or)$", text[start:end])  # "consult on the metrics; and"
    return start + tail.start() if tail else end


def find_list_items(text: str) -> list[ListItem]:
    """Find the items of every promising list in a response.

    Args:
        text: the response text.

    Returns:
        The items, in order, with offsets into ``text``.
    """
    out: list[ListItem] = []
    for colon_m in _LEAD_END.finditer(text):
        colon = colon_m.start()
        lead = _lead(text, colon)
        if lead is None:
            continue
        lead_start, actor, base = lead
        pos = colon_m.end()
        lines = []
        while pos < len(text):
            nl = text.find("\n", pos)
            nl = len(text) if nl == -1 else nl
            lines.append((pos, nl))
            pos = nl + 1
        # skip blank lines right after the colon
        while lines and not text[lines[0][0]:lines[0][1]].strip():
            lines.pop(0)
        if not lines:
            continue
        marked = bool(_MARKER.match(text[lines[0][0]:lines[0][1]]))
        items = _marked(text, lines) if marked else _unmarked(text, lines)
        for s, e in items:
            e = _item_end(text, s, e, marked)
            if e - s >= 8:
                out.append(ListItem(s, e, lead_start, colon, actor, base))
    return out


def _marked(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    items: list[list[int]] = []
    blank = False
    for s, e in lines:
        line = text[s:e]
        m = _MARKER.match(line)
        if m:
            items.append([s + m.end(), e])
            blank = False
        elif not line.strip():
            blank = True
        elif items and not blank:
            items[-1][1] = e  # a wrapped line of the same item
        else:
            break
    return [(s, e) for s, e in items]


def _unmarked(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    block = []
    for s, e in lines:
        line = text[s:e]
        if not line.strip() or not line.lstrip()[:1].islower():
            break
        block.append((s, e))
    if not block:
        return []
    width = max(e - s for s, e in block)
    items: list[list[int]] = []
    prev_len = 0
    for s, e in block:
        if items and prev_len >= 0.8 * width and width >= 40:
            items[-1][1] = e
        else:
            items.append([s + len(text[s:e]) - len(text[s:e].lstrip()), e])
        prev_len = e - s
    return [(s, e) for s, e in items]

"""Which government a response document speaks for, read from its opening (or, failing that, its body).

A tabled response saved as a PDF carries no metadata, yet its jurisdiction decides what a bare
"$" is (AUD in Australia) and when "2024-25" starts. The title page names the government
("Australian Government response to the ... Committee report", "HM Government"): the phrases
are kept as data (``document_cues`` in ``data/fiscal_calendars.json``).
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["jurisdiction_of_document"]

#: how much of a document's opening is read when its first recommendation is not known
OPENING_CHARS = 5000


@lru_cache(maxsize=2)
def _cues(key: str = "document_cues") -> tuple[tuple[str, re.Pattern[str]], ...]:
    from ..extract._data import load_table

    out = []
    for cal in load_table("fiscal_calendars")["calendars"]:
        phrases = [re.escape(p).replace(r"\ ", r"\s+").replace("'", "['’]")
                   for p in sorted(cal.get(key, ()), key=len, reverse=True)]
        if phrases:
            flags = re.IGNORECASE if key == "body_cues" else 0
            out.append((cal["label"], re.compile(r"(?<![\w-])(?:" + "|".join(phrases) + r")(?![\w-])", flags)))
    return tuple(out)


def _winner(text: str, key: str, *, least: int = 1, ratio: float = 1.0) -> str | None:
    counts = sorted(((len(pattern.findall(text)), label) for label, pattern in _cues(key)), reverse=True)
    if not counts or counts[0][0] < least or (len(counts) > 1 and counts[0][0] <= ratio * counts[1][0]):
        return None
    return counts[0][1]


def jurisdiction_of_document(opening: str, *, body: str | None = None) -> str | None:
    """The jurisdiction a document's opening names most often, or ``None`` when none (or a tie).

    Args:
        opening: the text before the first recommendation (the first :data:`OPENING_CHARS`
            characters are read).
        body: the whole text, read when the opening names no government (a later part of a long
            response starts at a recommendation): its ``body_cues`` (the country's name, its
            institutions) decide when they occur at least three times and more than twice as often
            as any other country's.

    Returns:
        A jurisdiction label such as "Australia" or "United Kingdom", or ``None``.

    Example:
        >>> jurisdiction_of_document("Australian Government response to the Joint Committee report")
        'Australia'
    """
    found = _winner(opening[:OPENING_CHARS], "document_cues")
    if found is None and body:
        found = _winner(body, "body_cues", least=3, ratio=2.0)
    return found

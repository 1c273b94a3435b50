"""Which government a response document speaks for, read from its opening.

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


@lru_cache(maxsize=1)
def _cues() -> tuple[tuple[str, re.Pattern[str]], ...]:
    from ..extract._data import load_table

    out = []
    for cal in load_table("fiscal_calendars")["calendars"]:
        phrases = [re.escape(p).replace(r"\ ", r"\s+").replace("'", "['’]") for p in cal.get("document_cues", ())]
        if phrases:
            out.append((cal["label"], re.compile(r"(?<![\w-])(?:" + "|".join(phrases) + r")(?![\w-])")))
    return tuple(out)


def jurisdiction_of_document(opening: str) -> str | None:
    """The jurisdiction a document's opening names most often, or ``None`` when none (or a tie).

    Args:
        opening: the text before the first recommendation (the first :data:`OPENING_CHARS`
            characters are read).

    Returns:
        A jurisdiction label such as "Australia" or "United Kingdom", or ``None``.

    Example:
        >>> jurisdiction_of_document("Australian Government response to the Joint Committee report")
        'Australia'
    """
    text = opening[:OPENING_CHARS]
    counts = sorted(((len(pattern.findall(text)), label) for label, pattern in _cues()), reverse=True)
    if not counts or counts[0][0] == 0 or (len(counts) > 1 and counts[1][0] == counts[0][0]):
        return None
    return counts[0][1]

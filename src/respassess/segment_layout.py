"""Layout clues in text extracted from PDFs: where a line break ends a list item.

Helper of :mod:`respassess.segment` (ANNOTATION.md §2). Reports often lay out a list of
asks under a lead-in ("This programme should:", "The review should include:") with the
bullets lost in extraction, so the items run on as wrapped lines:

    ... ensure that the board has an expert by experience and
    carer representative
    every provider board should ensure that its membership has the skills

A wrapped line is broken only because the next word did not fit; a line that stops well
short of the text's width although the next word would have fitted ends an item.
"""

from __future__ import annotations

import re

__all__ = ["item_breaks"]

_MIN_WIDTH = 40        # narrower text is not a wrapped page: no width to judge by
_MIN_LINES = 4
_FIT_SHARE = 0.9       # a line this far short of the width, with room for the next word, was cut by hand
_LEAD_IN_RE = re.compile(r":[ \t]*$")
# A line starting with a joining word continues the one before.
_RUN_ON_START_RE = re.compile(r"(?:and|or|nor|but|of|to|in|for|with|on|by|at|from|than|as|which|that|who)\b",
                              re.IGNORECASE)
# A line ending in a joining word runs on, however short it is.
_OPEN_END_RE = re.compile(r"\b(?:and|or|of|the|a|an|to|in|for|with|on|by|at|from|that|as)$", re.IGNORECASE)


def item_breaks(text: str) -> list[int]:
    """Offsets of line breaks that end a list item in wrapped text after a lead-in colon.

    Args:
        text: the recommendation text.

    Returns:
        Offsets of the ``"\\n"`` characters that end an item (empty for text that is not
        wrapped, or that has no line ending in a colon).
    """
    lines = text.split("\n")
    if len(lines) < _MIN_LINES:
        return []
    width = max(len(line.rstrip()) for line in lines)
    if width < _MIN_WIDTH:
        return []
    breaks: list[int] = []
    pos = 0
    in_list = False
    for i, line in enumerate(lines[:-1]):
        pos_nl = pos + len(line)
        body = line.rstrip()
        nxt = lines[i + 1].strip()
        if _LEAD_IN_RE.search(body):
            in_list = True
        elif in_list and body and nxt and body[-1] not in ".;:,-–(" and not _OPEN_END_RE.search(body) \
                and not _RUN_ON_START_RE.match(nxt) and body.count("(") <= body.count(")") \
                and len(body) + 1 + len(nxt.split()[0]) <= _FIT_SHARE * width:
            breaks.append(pos_nl)
        pos = pos_nl + 1
    return breaks

"""Timing that one commitment lends another (for the no_timeline and vague_timeline flags).

A reply often dates an undertaking once and then describes it further without repeating
the date: "The CAA will be conducting an Audit ... in September 2010. The audit will include
review of the MoU ..."; "The Authority proposes to publish guidelines ... The guidelines will
be developed during the course of 1999/2000." The later (or earlier) sentence is about the
same undertaking, so it is timed too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from .types import Commitment, Sentence

__all__ = ["lend_timing"]

#: How many sentences apart two commitments may stand and still be about the same undertaking.
_NEAR = 2
# Words that say nothing about what is undertaken.
_STOP = frozenset([
    "shall", "would", "should", "their", "there", "these", "those", "which", "where", "while", "about", "after",
    "before", "other", "under", "within", "through", "between", "including", "further", "ensure", "being",
    "having", "whose", "works",
])


_ANAPHOR = re.compile(r"\b(?:this|these|it|such)\b", re.IGNORECASE)


def _key_words(text: str) -> set[str]:
    """Content words (five letters or more, plural folded) and acronyms that name what a sentence is about."""
    words = {w.lower().rstrip("s") for w in re.findall(r"[A-Za-z]{5,}", text)} - _STOP
    return words | set(re.findall(r"\b[A-Z]{2,6}\b", text))


def lend_timing(new: Sequence[Commitment], timings: Mapping[int, tuple[str, bool] | None],
                sentences: Sequence[Sentence]) -> dict[int, tuple[str, bool] | None]:
    """Give an untimed commitment the timing of a timed one about the same thing nearby.

    Args:
        new: the new commitments, in text order.
        timings: each commitment's own timing by ``id()`` (text, vague), or None.
        sentences: the response's sentences.

    Returns:
        A copy of ``timings`` where an untimed commitment within two sentences of one dated
        with a number carries that date, when the later of the two sentences opens by pointing
        back at the earlier ("this", "The audit", "The guidelines").
    """
    index = {id(c): next((s.index for s in sentences if s.start <= c.start < s.end), None) for c in new}
    text = {s.index: s.text for s in sentences}
    out = dict(timings)
    # Only a real date is lent ("by the end of 2015"), not "prior to legislative reform" or "early September".
    lenders = [c for c in new if timings.get(id(c)) is not None and re.search(r"\d", timings[id(c)][0])]
    for c in new:
        i = index[id(c)]
        if timings.get(id(c)) is not None or i is None:
            continue
        for d in lenders:
            j = index[id(d)]
            if j is None or j == i or abs(j - i) > _NEAR:
                continue
            first, later = (text.get(i, c.text), text.get(j, d.text)) if i < j else (text.get(j, d.text), text.get(i, c.text))
            if _refers_back(later, first):
                out[id(c)] = timings[id(d)]
                break
    return out


def _refers_back(later: str, earlier: str) -> bool:
    """True when ``later`` opens by pointing at what ``earlier`` is about ("The audit ...", "We anticipate this ...")."""
    opening = " ".join(later.split()[:6])
    return bool(_ANAPHOR.search(opening) or _key_words(opening) & _key_words(earlier))

"""Which part of a reply speaks to this recommendation.

A reply may answer several recommendations at once: it may defer to the answer to another
("See response to Recommendation 3"), run on into the answers to the next ones, or give one
position per number ("Recommendations 013/13 ... are accepted. Recommendation 017/13 ... is noted.").
The stance of a record is read only from what concerns its own recommendation.
"""

from __future__ import annotations

import re
from typing import Sequence

from .types import Sentence

__all__ = ["about_other_recommendation", "answer_scope", "find_cross_reference"]

# "See response to Recommendation 3", "as outlined in the response to recommendation 5": an answer given elsewhere.
# "As for Recommendation 1", "The response to recommendations 3 and 4 is at recommendation 2": tabled responses'
# shorthands for an answer grouped under another number.
_XREF = re.compile(r"(?:\b(?:see(?:\s+also)?|refers?\s+to|as\s+(?:for|per)|as\s+(?:set\s+out|outlined|stated|described|"
                   r"detailed|discussed)\s+in|(?:is|are)\s+(?:(?:provided|set\s+out|given|included|contained)\s+"
                   r"(?:at|under|in)|at)|(?:is|are|was|were|will\s+be|has\s+been|have\s+been)\s+(?:covered|"
                   r"addressed|answered|dealt\s+with)\s+(?:by|in|under)"
                   r"(?:\s+the\s+actions?(?:\s+(?:taken|set\s+out|outlined))?)?)"
                   r"\s+(?:the\s+)?(?:government(?:[’']s)?\s+)?(?:(?:response|reply|answer)\s+(?:to|at|under)\s+|"
                   r"in\s+response\s+to\s+)?(?:safety\s+)?recommendations?\s+(?P<num>\d+[a-z]?(?:[./]\d+)*))",
                   re.IGNORECASE)
# The numbers a sentence names after "Recommendation(s)": "Recommendations 013/13, 014/13 and 016/13 ... are accepted".
_NAMED_RECS = re.compile(r"\brecommendations?\s+((?:no\.?\s*)?\d[\w./]*(?:\s*(?:,|and|&)\s*\d[\w./]*)*)", re.IGNORECASE)
_THIS_REC = re.compile(r"\bthis\s+(?:\w+\s+)?recommendation\b", re.IGNORECASE)
_REC_RANGE = re.compile(r"\brecommendations\s+\d[\w./]*\s*(?:to|-|–)\s*\d", re.IGNORECASE)


def find_cross_reference(text: str) -> str | None:
    """Return N when the response defers to "the response to Recommendation N"."""
    m = _XREF.search(text)
    return m.group("num") if m else None


def answer_scope(response: str, sentences: Sequence[Sentence]) -> tuple[str, list[Sentence]]:
    """The part of a reply that answers this recommendation, and its sentences.

    See :func:`respassess.segment.own_answer_end`: text after a line of recommendation numbers
    answers other recommendations and says nothing about this one's stance.

    Args:
        response: the reply text (sentence offsets point into it).
        sentences: its sentences.

    Returns:
        ``(text, sentences)`` cut before the first such heading; both unchanged when there is none.
    """
    from .segment import own_answer_end

    end = own_answer_end(response)
    if end == len(response):
        return response, list(sentences)
    return response[:end], [s for s in sentences if s.start < end]


def about_other_recommendation(text: str, rec_number: str | None) -> bool:
    """Whether a sentence gives a position on other recommendations only.

    A letter answering several recommendations at once ("Recommendations 013/13 ... are accepted.
    Recommendation 017/13 directed to the NZ Transport Agency is noted.") states one position per
    number: a sentence naming numbers, none of them ``rec_number``, is not this record's position.

    Args:
        text: the sentence.
        rec_number: the record's own recommendation number ("013/13", "3"); ``None`` when unknown.
    """
    if not rec_number or _THIS_REC.search(text) or _REC_RANGE.search(text):  # "Recommendations 5 to 8": may be ours
        return False
    named = {_bare(n) for m in _NAMED_RECS.finditer(text) for n in re.findall(r"\d[\w./]*", m.group(1))}
    return bool(named) and _bare(str(rec_number)) not in named


def _bare(number: str) -> str:
    """A recommendation number without leading zeros or a closing full stop ("013/13" ~ "13/13")."""
    return number.strip().lstrip("0").rstrip(".")

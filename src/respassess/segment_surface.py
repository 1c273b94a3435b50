"""Cuts read from the surface of a directive clause (ANNOTATION.md §2), where the small parser
is least reliable.

Helpers of :mod:`respassess.segment_cuts`:

- a part the recommendation singles out ("..., particularly the carriage of additional persons",
  "... and in particular ensure X") is something the responder has to address on its own;
- a second passive clause with its own subject after "and" ("... and the distribution and receipt
  are adequately recorded", "... be conducted and any unsatisfactory feature corrected").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span

__all__ = ["emphasis_cuts", "subject_clause_cuts"]

_EMPHASIS = {"particularly", "especially"}


def emphasis_cuts(span: "Span") -> set[int]:
    """Token indices where a singled-out part of the ask starts: "..., particularly the carriage
    of additional persons", "... and in particular ensure X". What the recommendation singles out
    is something the responder has to address on its own (a reply can meet the general ask and
    miss it), so it is an ask, not an example; without a comma or "and" before it ("ensuring in
    particular X", "a particularly vulnerable group") it stays inside its ask."""
    doc = span.doc
    cuts: set[int] = set()
    for tok in span:
        marker = tok.lower_ in _EMPHASIS or (tok.lower_ == "in" and tok.i + 1 < span.end
                                             and doc[tok.i + 1].lower_ == "particular")
        if not marker or tok.i < span.start + 3 or tok.i + 2 >= span.end:
            continue
        prev = doc[tok.i - 1]
        if prev.text == "," or prev.lower_ == "and":
            i = prev.i - 1 if prev.lower_ == "and" and doc[prev.i - 1].text == "," else prev.i
            cuts.add(i)
    return cuts


_NP_POS = {"ADJ", "NOUN", "PROPN", "NUM", "CCONJ", "PART"}
_BE_FORMS = {"be", "is", "are", "was", "were", "been"}


def subject_clause_cuts(span: "Span") -> set[int]:
    """Token indices of an "and" that opens a second passive clause with its own subject, read
    from the surface because the parser often hangs it on the wrong word: "ensure that all
    vessels receive the documentation and the distribution and receipt are adequately recorded",
    "a systems audit be conducted and any unsatisfactory feature corrected" (the "be" left out).
    Only after a "that" clause or a passive, so that "review the rules and the guidance issued
    by X" stays one ask."""
    doc = span.doc
    cuts: set[int] = set()
    for tok in span:
        if tok.lower_ != "and" or not span.start + 3 <= tok.i < span.end - 3:
            continue
        before = doc[span.start:tok.i]
        if not any(t.lower_ == "that" and t.dep_ == "mark" for t in before) and \
                not any(t.lower_ in _BE_FORMS and t.dep_ == "auxpass" for t in before):
            continue
        j = tok.i + 1
        if doc[j].tag_ not in ("DT", "PRP$") or doc[j].lower_ in ("that", "this", "these", "those"):
            continue
        k = j + 1
        while k < span.end and k - j <= 10 and (doc[k].pos_ in _NP_POS or doc[k].tag_ == "HYPH" or doc[k].lower_ == "of"):
            k += 1
        if k == j + 1 or doc[k - 1].pos_ not in ("NOUN", "PROPN"):
            continue  # the noun phrase must end in its head noun
        while k < span.end and (doc[k].lower_ in _BE_FORMS or doc[k].pos_ == "ADV"):
            k += 1
        if k < span.end and doc[k].tag_ == "VBN":
            cuts.add(tok.i - 1 if doc[tok.i - 1].text == "," else tok.i)
    return cuts

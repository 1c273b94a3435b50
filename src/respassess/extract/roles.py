"""The role of a time expression in its sentence: deadline, past or reference (ANNOTATION.md §4).

Read in this order: the preposition the text opens with ("by", "within" -> deadline;
"since" -> past); a date that qualifies a noun ("the 2023 to 2024 guidance") ->
reference; the governing verb's modality and tense ("will", "expects" -> deadline;
"published", "has been" -> past); finally the date's position against the response date.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..types import DateRole
from ._calendar import parse_partial
from ._data import load_table
from ._text import doc_text

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

    from .datenorm import NormalisedDate

__all__ = ["date_role"]

_FUTURE_VERBS = {"expect", "intend", "plan", "aim", "anticipate", "propose", "commit", "seek", "hope", "schedule", "due"}


def _governor(doc: "Doc", start: int, end: int) -> tuple["Token | None", bool]:
    """Return the verb the expression hangs from, and whether it hangs from a noun first."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None, False
    tok = span.root
    via_noun = False
    for _ in range(6):
        head = tok.head
        if head is tok:
            return (tok if tok.pos_ in ("VERB", "AUX") else None), via_noun
        if head.pos_ in ("VERB", "AUX"):
            return head, via_noun
        if head.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("compound", "nmod", "amod", "nummod", "poss", "appos", "npadvmod", "prep", "pobj"):
            if tok.dep_ in ("compound", "nmod", "amod", "nummod", "poss") or (tok.dep_ == "prep" and head.i < tok.i and not _is_time_noun(head)):
                via_noun = True
        tok = head
    return None, via_noun


def _is_time_noun(tok: "Token") -> bool:
    return tok.lower_ in ("end", "start", "beginning", "middle", "half", "quarter", "part", "course", "time")


def _verb_is_future(verb: "Token") -> bool | None:
    """True for will/shall/expects-to futures, False for past forms, None when undecided."""
    infinitive = False
    for _ in range(4):
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        words = {a.lower_ for a in auxes}
        if words & {"will", "shall", "'ll", "wo"}:
            return True
        if verb.lemma_.lower() in _FUTURE_VERBS and verb.tag_ in ("VBZ", "VBP", "VBG", "VBN", "VB"):
            return True
        if words & {"has", "have", "had", "was", "were"} or verb.tag_ == "VBD":
            return False
        if verb.tag_ == "VBN" and verb.dep_ in ("acl",):
            return False
        if words & {"is", "are", "am"} and verb.tag_ == "VBG":
            return None
        infinitive = infinitive or "to" in words
        if verb.dep_ in ("xcomp", "ccomp", "advcl", "conj", "acl", "relcl", "pcomp") and verb.head is not verb:
            verb = verb.head
            if verb.lemma_.lower() in _FUTURE_VERBS:
                return True
            continue
        break
    # an infinitive ("to be delivered in 2025") looks forward unless a past verb governs it
    return True if infinitive else None


def date_role(doc: "Doc", start: int, end: int, norm: "NormalisedDate", response_date: str | None) -> DateRole:
    """Return the role of the expression ``doc.text[start:end]``.

    Args:
        doc: the parsed response.
        start: the expression's start offset.
        end: its end offset.
        norm: its normalised form (used for its interval against the response date).
        response_date: the response's date, if known.

    Returns:
        :class:`~respassess.types.DateRole`.
    """
    data = load_table("date_patterns")
    low = re.sub(r"\s+", " ", doc_text(doc)[start:end].lower())
    deadline_leads = sorted(data["deadline_prepositions"], key=len, reverse=True)
    if any(low.startswith(p + " ") for p in deadline_leads) or low.startswith(("when ", "once ")):
        return DateRole.DEADLINE
    before = doc_text(doc)[max(0, start - 20):start].lower()
    if re.search(r"\b(?:by|within|before|until|no later than)\s+$", before):
        return DateRole.DEADLINE
    if low.startswith("since ") or low.endswith(" ago") or re.search(r"\bsince\s+$", before):
        return DateRole.PAST
    hints = data["role_hints"]
    bare = re.sub(r"^(?:in|at|on|by|over|during)\s+", "", low)
    for role in ("reference", "past"):
        if low in hints[role] or bare in hints[role]:
            return DateRole(role)
    resp = parse_partial(response_date)
    if resp is not None and norm.interval_end and not norm.relative and norm.interval_end <= resp.last_day():
        return DateRole.PAST
    verb, via_noun = _governor(doc, start, end)
    span = doc.char_span(start, end, alignment_mode="expand")
    argument = span is not None and span.root.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "appos")
    if via_noun or argument:
        return DateRole.REFERENCE
    future = _verb_is_future(verb) if verb is not None else None
    if future is True or low in hints["deadline"] or bare in hints["deadline"]:
        return DateRole.DEADLINE
    if future is False:
        return DateRole.PAST
    if resp is not None and norm.interval_start and not norm.relative and norm.interval_start > resp.last_day():
        return DateRole.DEADLINE
    return DateRole.REFERENCE

"""The role of a time expression in its sentence: deadline, past or reference (ANNOTATION.md §4).

Read in this order: the preposition the text opens with ("by", "within" -> deadline;
"since" -> past); a date that qualifies a noun ("the 2023 to 2024 guidance") ->
reference; the governing verb's modality and tense ("will", "expects" -> deadline;
"published", "has been" -> past); finally the date's position against the response date.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..types import DateGranularity, DateRole
from ._calendar import parse_partial
from ._data import load_table
from ._text import doc_text

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

    from .datenorm import NormalisedDate

__all__ = ["date_role"]

_FUTURE_VERBS = {"expect", "intend", "plan", "aim", "anticipate", "propose", "commit", "seek", "hope", "schedule", "due"}


def _governor(doc: "Doc", start: int, end: int) -> tuple["Token | None", bool]:
    """Return the verb the expression hangs from, and whether it names a thing rather than a time.

    Only a date that premodifies a noun ("the 2023 to 2024 guidance") names a thing; one in a
    prepositional phrase after a noun ("the Act in 2014", "the death on 5 April 2023") still
    takes its time from the clause's verb. A noun that is itself a time ("the 2025-2027 funding
    period") passes its role through.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None, False
    tok = span.root
    via_noun = False
    for _ in range(6):
        head = tok.head
        if head == tok:
            return (tok if tok.pos_ in ("VERB", "AUX") else None), via_noun
        if head.pos_ in ("VERB", "AUX") or (head.lemma_ == "be" and head.dep_ == "ROOT"):
            return head, via_noun
        if (head.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("compound", "nmod", "amod", "nummod", "poss")
                and head.i > tok.i and not _is_time_noun(head)):
            via_noun = True
        tok = head
    return None, via_noun


def _is_time_noun(tok: "Token") -> bool:
    return tok.lemma_.lower() in _TIME_NOUNS or tok.lower_ in _TIME_NOUNS


_TIME_NOUNS = {"end", "start", "beginning", "middle", "half", "quarter", "part", "course", "time", "period", "cycle",
               "term", "window", "round", "phase", "year", "month", "week", "season", "timeframe", "timetable",
               "deadline", "date"}
# a dated document: "your report dated 13th November 2024", "your letter of 5 November"
_DOCUMENT_DATE = re.compile(
    r"(?:\bdated(?:\s+the)?|\b(?:report|letter|e-?mail|correspondence|reply|response|notice|submission|"
    r"request|inquest|hearing)\s+(?:of|on)(?:\s+the)?)\s+$", re.I)


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
        if verb.dep_ in ("xcomp", "ccomp", "advcl", "conj", "acl", "relcl", "pcomp") and verb.head != verb:
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
    text = doc_text(doc)
    low = re.sub(r"\s+", " ", text[start:end].lower())
    before = text[max(0, start - 40):start]
    resp = parse_partial(response_date)
    over = resp is not None and bool(norm.interval_end) and not norm.relative and norm.interval_end <= resp.last_day()
    deadline_leads = sorted(data["deadline_prepositions"], key=len, reverse=True)
    if (any(low.startswith(p + " ") for p in deadline_leads) or low.startswith(("when ", "once "))
            or re.search(r"\b(?:by|within|before|until|no later than)\s+$", before.lower())):
        # "by the end of 2024, 99.9% of cases were resolved": a deadline already met is a past date
        verb, _ = _governor(doc, start, end)
        if verb is not None and _verb_is_future(verb) is False and (over or resp is None):
            return DateRole.PAST
        return DateRole.DEADLINE
    if low.startswith(("as of ", "as at ")) or re.search(r"\bas\s+(?:of|at)\s+$", before.lower()):
        return DateRole.REFERENCE  # a state at a point in time: "as of December 2024"
    if low.startswith("since ") or low.endswith(" ago") or re.search(r"\bsince\s+$", before.lower()):
        return DateRole.PAST
    if _DOCUMENT_DATE.search(before) or re.match(r"(?:dated|of)\s", low):
        return DateRole.PAST
    hints = data["role_hints"]
    bare = re.sub(r"^(?:in|at|on|by|over|during)\s+", "", low)
    for role in ("reference", "past"):
        if low in hints[role] or bare in hints[role]:
            return DateRole(role)
    if over:
        return DateRole.PAST
    if low in hints["deadline"] or bare in hints["deadline"]:
        return DateRole.DEADLINE
    verb, via_noun = _governor(doc, start, end)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None and span.root.dep_ == "attr" and verb is not None and any(
            c.dep_ == "nsubj" and _is_time_noun(c) for c in verb.children):
        return DateRole.DEADLINE  # "the indicative timeframe for implementation is end of 2023"
    argument = span is not None and span.root.dep_ in ("dobj", "nsubj", "nsubjpass", "attr")
    if via_noun or argument:
        return DateRole.REFERENCE
    future = _verb_is_future(verb) if verb is not None else None
    if future is True:
        return DateRole.DEADLINE
    if future is False:
        # "announced funding over the next two years": a forward period under a past verb is not past
        forward = re.search(r"\b(?:next|coming|ahead|forthcoming|upcoming)\b", low)
        return DateRole.REFERENCE if forward else DateRole.PAST
    if (resp is not None and norm.interval_start and norm.interval_end and not norm.relative
            and norm.interval_end > resp.last_day() and norm.interval_start[:4] >= f"{resp.year:04d}"):
        # a period not over at the response date, with no past verb: "a programme launching in 2024";
        # a span that began years before ("2021-2030") only describes a programme's life
        return DateRole.DEADLINE
    if resp is None and norm.granularity is DateGranularity.DAY and not norm.relative:
        # a bare calendar day with no future verb is, in a reply, a date something happened on
        # ("the death of Ms X on 5 April 2023"); deadlines come with "by"/"will"
        return DateRole.PAST
    return DateRole.REFERENCE

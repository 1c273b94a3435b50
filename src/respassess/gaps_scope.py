"""Which of a response's findings speak for the responder on this recommendation (for :mod:`.gaps`).

Three things make an extracted "will" or sentence irrelevant to the gap flags:

* *shared replies*: UN UPR addenda answer clusters of recommendations in one block; a line
  made only of recommendation numbers ("140.145, 146") starts the answer to other ones
  (:func:`respassess.segment.own_answer_end` finds it);
* *standing procedure*: "the court will assign a defence counsel if ...", "a social worker
  will make their methodology clear", "Clinical staff will liaise with the specialist centre":
  a description of how a process works, which is how things stand, not an undertaking;
* *other bodies*: an undertaking by someone the response does not speak for.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .types import Commitment, Sentence

__all__ = ["is_procedure", "is_responder", "restrict", "sentence_at"]

# The responder speaking: pronouns, governments and the kinds of body that answer recommendations.
_RESPONDER = re.compile(
    r"\b(?:government|department|minist|dhsc|home\s+office|treasury|hm\s+|authority|director|secretary|agency|"
    r"commission|trust|council|board|service|college|office|corporation|company|limited|ltd|nhs|icb|executive|"
    r"president|chair|society|association|inspectorate|regulator|police|state)|\b(?:we|I|it|us|our)\b", re.IGNORECASE)
# An acronym or a single capitalised name ("CAA", "UHBW", "KiwiRail", "Slovenia"): a named body.
_NAMED = re.compile(r"^(?:[Tt]he\s+)?(?:[A-Z][A-Za-z&]*[A-Z][A-Za-z&]*|[A-Z][a-z]+)$")
# Who a procedure is about: someone in general ("a social worker", "any recommendations", "no ship") or a role.
_GENERIC_ACTOR = re.compile(
    r"^(?:a|an|any|each|every|all|no|either|neither)\b|^(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:court|judge|staff|"
    r"clinicians?|team|nurses?|doctors?|practitioners?|workers?|officers?|advis[oe]rs?|handlers?|patients?|"
    r"specialists?|consultants?|nephrologists?|masters?|crew|operators?|disposition|outcome|system|call|case|"
    r"referrals?|applicants?|users?)$", re.IGNORECASE)
# The responder's own people: "CAA staff", "our team", "the Trust's officers" (not "Clinical staff" in general).
_OWN_PEOPLE = re.compile(r"^(?:(?i:our|its)|[A-Z]{2,}[A-Za-z]*|(?i:the\s+)?[A-Z][\w-]*['’]s)\s+\S")
_INDEFINITE = re.compile(r"^\W*(?:a|an|any|each|every|no)\s", re.IGNORECASE)
# Someone else spoken of in the third person: the responder says "we" or names itself.
_THIRD_PERSON = re.compile(r"^(?:they|he|she|them)$", re.IGNORECASE)
# What a procedure never does: make, launch or commission something ("A review will be undertaken" is an
# undertaking without a date, whoever its subject).
_UNDERTAKING = re.compile(r"\b(?:develop|publish|produc|introduc|launch|establish|draft|commission|undert[ao]k|"
                          r"conduct|set\s+up|roll(?:ed)?\s+out|implement|update|revis|amend|new|"
                          # a one-off dispatch to named recipients ("An advice ... will be sent to all our clients")
                          r"sent|send|issued|circulated|distributed)\w*", re.IGNORECASE)
# A sentence that states a rule: "When a concern is received, ...", "In cases of offences punishable by ...".
_RULE_LEAD = re.compile(
    r"^\W*(?:\d+\.\s*)?(?:when(?:ever)?|where|if|in\s+(?:cases?|the\s+event|circumstances)|should|upon|for\s+"
    r"(?:those|all|any|patients|cases)|unless|as\s+the\s+professional)\b", re.IGNORECASE)


def is_responder(actor: str | None) -> bool:
    """True when ``actor`` is (or may be) the body answering: a pronoun, a government, a named organisation.

    Args:
        actor: a commitment's actor as extracted, or None (the responder by default).

    Returns:
        False only for actors that are plainly someone else: a person or thing in general, a role.
    """
    if not actor or not actor.strip():
        return True
    a = actor.strip()
    if _GENERIC_ACTOR.search(a):
        return bool(_OWN_PEOPLE.match(a))  # a role, unless it is the responder's own people
    return bool(_RESPONDER.search(a) or _NAMED.match(a))


def is_procedure(c: Commitment, sentence: Sentence | None) -> bool:
    """True for a "will" that describes how a standing process works rather than undertaking something.

    Args:
        c: the commitment as extracted.
        sentence: the sentence it stands in, if known.

    Returns:
        True when the commitment has no deadline and either its actor is someone in general
        or a role ("a social worker", "the court", "Clinical staff"), or its sentence states a
        rule ("When ..., ", "In cases of ...") and the actor is not the responder.
    """
    if c.deadline:
        return False
    m = re.search(r"\b(?:will|shall)\b", c.text)
    subject, predicate = (c.text[:m.start()], c.text[m.end():]) if m else ("", c.text)
    if _UNDERTAKING.search(predicate):
        return False
    actor = (c.actor or "").strip()
    if actor and (_someone_in_general(actor) or _THIRD_PERSON.match(actor)):
        return True
    # "A higher response will be reached", "the case will be dealt with as Category 3": the extractor credits an
    # agentless passive to the responder, but its subject is any case of a kind, or a role.
    tail = " ".join(subject.split()[-3:])
    if subject.strip() and (_INDEFINITE.match(subject) or _someone_in_general(tail)):
        return True
    text = sentence.text if sentence is not None else c.text
    return bool(_RULE_LEAD.search(text) and actor and not is_responder(actor))


def _someone_in_general(actor: str) -> bool:
    return bool(_GENERIC_ACTOR.search(actor)) and not _OWN_PEOPLE.match(actor)


def restrict(items: Sequence, end: int) -> list:
    """The findings that start before ``end``: those in the response's own answer.

    Args:
        items: findings with a ``start`` offset into the response (sentences, commitments, dates ...).
        end: the offset from :func:`respassess.segment.own_answer_end`.

    Returns:
        The items that start before ``end``, in their order.
    """
    return [x for x in items if x.start < end]


def sentence_at(pos: int, sentences: Sequence[Sentence]) -> Sentence | None:
    """The sentence holding offset ``pos``, if any."""
    return next((s for s in sentences if s.start <= pos < s.end), None)

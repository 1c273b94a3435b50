"""Gaps: the flags a clerk would raise (ANNOTATION.md §5), each with evidence and a
one-line message the clerk can paste.
"""

from __future__ import annotations

import re
from typing import Sequence

from .score import REJECTION_RE, required_property
from .types import (Action, Ask, AskCoverage, AskLabel, Commitment, CommitmentStrength, DateMention, DateRole, Gap,
                    GapKind, MoneyAmount, Sentence, Span, Stance, StanceCall, TextField)

__all__ = ["find_gaps", "DELIVERABLE_RE"]

#: Deliverables whose promise-for-later makes a plan "pending".
DELIVERABLE_RE = re.compile(
    r"\b(?:plans?|strateg(?:y|ies)|review|legislation|bill|report|guidance|guidelines|framework|roadmap|"
    r"action\s+plan|white\s+paper|green\s+paper|proposals?|programme|standards?|policy|consultation|evaluation)\b",
    re.IGNORECASE,
)
_LATER = re.compile(r"\b(?:will|intends?\s+to|plans?\s+to|expects?\s+to|aims?\s+to)\s+(?:\w+\s+){0,3}?"
                    r"(?:set\s+out|publish|bring\s+forward|outline|develop|produce|introduce|release|consult\s+on|"
                    r"provide\s+(?:further\s+)?details)\b", re.IGNORECASE)
_FUNDING_ASK = re.compile(r"\bcost(?:ed|ing)?\b|\bfund(?:ed|ing|s)?\b|\bresourc(?:e|ed|es|ing)\b|\bbudget\b|\binvest",
                          re.IGNORECASE)
_FUNDING_MET = re.compile(r"\bcost(?:ed|ings?)\b|\bfunding\s+(?:of|for)\b|\bbudget\s+of\b|\ballocat\w+\b",
                          re.IGNORECASE)
_METRICS_ASK = re.compile(r"\bmetrics?\b|\btargets?\b|\bmeasures?\b|\bmeasur(?:e|ing|ement)\b|\bindicators?\b|"
                          r"\bevaluat\w+\b|\bKPIs?\b|\bmonitor\w*\b", re.IGNORECASE)
_METRICS_MET = re.compile(r"\bmetrics?\b|\btargets?\b|\bindicators?\b|\bKPIs?\b|\bdashboards?\b|"
                          r"\bmeasures?\s+(?:of|to\s+track)\b|\bevaluation\s+framework\b|\boutcome\s+measures?\b",
                          re.IGNORECASE)
_DEFLECT = re.compile(r"\b(?:is|are|remains?)\s+(?:a\s+)?(?:matters?|responsibility|decisions?)\s+(?:for|of)\b|"
                      r"\bresponsibility\s+(?:for|of)\s+(?:this|these)\s+(?:lies|rests)\s+with\b|\bindependent\s+of\s+government\b|"
                      r"\bfalls?\s+(?:within|under)\s+the\s+(?:remit|responsibility|jurisdiction)\s+of\b|"
                      r"\bit\s+is\s+for\s+(?:the\s+)?\w+", re.IGNORECASE)
_HEDGE = re.compile(r"\bsubject\s+to\b|\bwhere\s+(?:appropriate|possible|practicable|feasible)\b|\bif\s+(?:appropriate|"
                    r"necessary|required|feasible)\b|\bas\s+(?:appropriate|resources\s+allow)\b", re.IGNORECASE)
_CONTINUING = re.compile(r"\bcontinu(?:e|es|ing)\s+to\b|\bremains?\s+committed\b|\bongoing\b", re.IGNORECASE)
_ACCEPTING = {Stance.ACCEPTED, Stance.ACCEPTED_IN_PRINCIPLE, Stance.PARTIALLY_ACCEPTED}


def _span(s: Sentence | Commitment | Action | DateMention | MoneyAmount) -> Span:
    return Span(s.text, s.start, s.end, TextField.RESPONSE)


def _ask_span(a: Ask) -> Span:
    return Span(a.text, a.start, a.end, TextField.RECOMMENDATION)


def _quote(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def find_gaps(stance: StanceCall, asks: Sequence[AskCoverage], sentences: Sequence[Sentence], *,
              recommendation: str, response: str, commitments: Sequence[Commitment] = (),
              actions: Sequence[Action] = (), dates: Sequence[DateMention] = (),
              amounts: Sequence[MoneyAmount] = ()) -> tuple[Gap, ...]:
    """Raise every gap flag of ANNOTATION.md §5 that the findings support.

    Args:
        stance: the stance call.
        asks: the labelled asks.
        sentences: the response's sentences.
        recommendation: the recommendation text (what was asked).
        response: the response text.
        commitments, actions, dates, amounts: extracted from the response.

    Returns:
        Gaps in the fixed order of :class:`GapKind`, each with evidence and a message.
    """
    gaps: list[Gap] = []
    future = list(commitments)
    deadlines = [d for d in dates if d.role is DateRole.DEADLINE]
    accepting = stance.stance in _ACCEPTING

    missing = [a for a in asks if a.label is AskLabel.UNADDRESSED]
    if missing and response.strip():
        names = "; ".join(f"'{_quote(a.ask.text, 60)}'" for a in missing[:3])
        more = f" and {len(missing) - 3} more" if len(missing) > 3 else ""
        gaps.append(Gap(GapKind.UNADDRESSED_CLAUSE,
                        f"Not answered: the response says nothing on {names}{more}.",
                        tuple(_ask_span(a.ask) for a in missing)))

    funding_missing = _funding_missing(asks, recommendation, response, amounts)
    pending = _pending_deliverable(asks, future, sentences)
    if pending is not None:
        sent, noun, timing = pending
        costed = funding_missing
        what = f"{'Costed ' if costed else ''}{noun}".strip()
        when = f" to '{timing}'" if timing else " to a later date"
        tail = " and gives no costing" if costed else ""
        gaps.append(Gap(GapKind.PLAN_PENDING,
                        f"{what[0].upper() + what[1:]} still pending: the response defers it{when}{tail}.",
                        (_span(sent),)))

    if future and not any(d.role is DateRole.DEADLINE and not d.vague for d in dates) and not any(c.deadline for c in future):
        if not deadlines:
            gaps.append(Gap(GapKind.NO_TIMELINE,
                            f"No timeline: the response commits to action ('{_quote(future[0].text, 70)}') but gives no date.",
                            tuple(_span(c) for c in future[:3])))
    vague_only = deadlines and all(d.vague for d in deadlines)
    if vague_only:
        gaps.append(Gap(GapKind.VAGUE_TIMELINE,
                        f"Vague timeline: the only timing given is '{_quote(deadlines[0].text, 40)}'.",
                        tuple(_span(d) for d in deadlines)))

    if funding_missing:
        m = _FUNDING_ASK.search(recommendation)
        gaps.append(Gap(GapKind.NO_FUNDING,
                        "No funding: the recommendation asks for costing or resources and the response gives no amount or costing.",
                        (Span(m.group(0), m.start(), m.end(), TextField.RECOMMENDATION),)))

    if _METRICS_ASK.search(recommendation) and not _METRICS_MET.search(response):
        m = _METRICS_ASK.search(recommendation)
        gaps.append(Gap(GapKind.NO_METRICS,
                        "No metrics: the recommendation asks for targets or measures and the response gives none.",
                        (Span(m.group(0), m.start(), m.end(), TextField.RECOMMENDATION),)))

    # "will continue to ..." promises nothing new: it is existing activity in the future tense.
    new_work = [c for c in future if not _CONTINUING.search(c.text)]
    if (actions or future) and not new_work and stance.stance is not Stance.REJECTED:
        gaps.append(Gap(GapKind.EXISTING_ACTIVITY_ONLY,
                        "Existing activity only: the response describes what is already done or under way and commits to nothing new.",
                        tuple(_span(a) for a in (*actions, *future)[:3])))

    deflect = next((s for s in sentences if _DEFLECT.search(s.text)), None)
    if deflect is not None and not any(_is_responder(c.actor) for c in future):
        gaps.append(Gap(GapKind.DEFLECTED,
                        f"Deflected: the response places the matter with another body ('{_quote(deflect.text, 70)}') "
                        "without committing itself.", (_span(deflect),)))

    hedges = [c for c in future if c.conditional or c.strength is CommitmentStrength.VAGUE]
    hedge_sents = [s for s in sentences if _HEDGE.search(s.text)]
    if hedges or (hedge_sents and future):
        ev = tuple(_span(c) for c in hedges[:3]) or tuple(_span(s) for s in hedge_sents[:3])
        gaps.append(Gap(GapKind.HEDGED,
                        f"Hedged: commitments are conditional or tentative ('{_quote(ev[0].text, 70)}').", ev))

    if accepting and not future and not actions:
        ev = (stance.evidence,) if stance.evidence else ()
        gaps.append(Gap(GapKind.ACCEPTANCE_WITHOUT_ACTION,
                        "Acceptance without action: the response agrees but contains no commitment or action.", ev))

    declined = [a for a in asks if a.label is AskLabel.REJECTED]
    if stance.stance is Stance.REJECTED or declined:
        ev_sent = stance.evidence if stance.stance is Stance.REJECTED and stance.evidence else None
        if ev_sent is None:
            hit = next((s for s in sentences if REJECTION_RE.search(s.text)), None)
            ev_sent = _span(hit) if hit else None
        part = "the recommendation" if stance.stance is Stance.REJECTED else \
            f"part of the recommendation ('{_quote(declined[0].ask.text, 50)}')"
        gaps.append(Gap(GapKind.REJECTED, f"Rejected: the response declines {part}.",
                        (ev_sent,) if ev_sent else tuple(_ask_span(a.ask) for a in declined)))
    return tuple(gaps)


def _funding_missing(asks: Sequence[AskCoverage], recommendation: str, response: str,
                     amounts: Sequence[MoneyAmount]) -> bool:
    """True when costing or funding was asked for and the response does not supply it.

    An amount elsewhere in the response (a funding increase announced for something else)
    does not cost the deliverable: the asks that demand costing must themselves be met.
    """
    if not _FUNDING_ASK.search(recommendation):
        return False
    funding_asks = [a for a in asks if _FUNDING_ASK.search(a.ask.text)]
    if funding_asks:
        return all(a.label in (AskLabel.UNADDRESSED, AskLabel.REJECTED) for a in funding_asks)
    return not amounts and not _FUNDING_MET.search(response)


def _is_responder(actor: str | None) -> bool:
    if not actor:
        return True
    return bool(re.search(r"\b(?:government|department|minist|we|it|dhsc|home\s+office|treasury|hm\s+)", actor, re.I))


def _pending_deliverable(asks: Sequence[AskCoverage], commitments: Sequence[Commitment],
                         sentences: Sequence[Sentence]) -> tuple[Sentence, str, str | None] | None:
    """The sentence promising an asked-for deliverable for later, with the noun and timing."""
    asked = [a for a in asks if DELIVERABLE_RE.search(a.ask.text) and a.label is not AskLabel.ADDRESSED]
    if not asked:
        return None
    asked_nouns = {m.group(0).lower().rstrip("s") for a in asked for m in DELIVERABLE_RE.finditer(a.ask.text)}
    # Any deliverable promised for later answers a request for one: "review" asked, "guidance" promised.
    asked_nouns |= {"plan", "strategy", "strategie", "review", "legislation", "report", "guidance", "framework"}
    for c in commitments:
        sent = next((s for s in sentences if s.start <= c.start < s.end), None)
        if sent is None or not _LATER.search(sent.text):
            continue
        nouns = [m.group(0).lower() for m in DELIVERABLE_RE.finditer(sent.text)]
        hit = next((n for n in nouns if n.rstrip("s") in asked_nouns), None)
        if hit is None:
            continue
        noun = next((m.group(0).lower() for a in asked for m in DELIVERABLE_RE.finditer(a.ask.text)
                     if m.group(0).lower().rstrip("s") == hit.rstrip("s")), hit)
        if noun.endswith("s") and not noun.endswith("ss"):
            noun = noun[:-1]
        return sent, noun, c.deadline
    return None


def gap_summary(gaps: Sequence[Gap]) -> str:
    """One line listing the gap kinds, for logs and tables."""
    return ", ".join(g.kind.value for g in gaps) or "none"


def required_properties(asks: Sequence[AskCoverage]) -> set[str]:
    """The properties (costed, metrics, timeline) the asks demand."""
    return {p for a in asks if (p := required_property(a.ask.text))}

"""Gaps: the flags a clerk would raise (ANNOTATION.md §5), each with evidence and a
one-line message the clerk can paste.

The flags are decided from what the earlier stages found (stance, ask labels,
commitments, actions, dates, amounts) plus the wording cues of :mod:`.gap_cues`.
Three views of the commitments drive most of them:

* *substantive* commitments: not letter-writing formulae ("I hope this response is helpful");
* *new* commitments: substantive ones that are neither "will continue to ..." /
  "keep under review" (existing activity in the future tense) nor statements of
  disposition ("is committed to ...");
* *timing* of a commitment: its own deadline, or a deadline date inside its sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import gap_cues as cue
from . import gaps_scope as scope
from .gaps_pending import pending_deliverable
from .gaps_timing import lend_timing
from .segment import own_answer_end
from .score import REJECTION_RE, restates
from .types import (
    Action,
    Ask,
    AskCoverage,
    AskLabel,
    Commitment,
    CommitmentStrength,
    DateMention,
    DateRole,
    Gap,
    GapKind,
    MoneyAmount,
    Sentence,
    Span,
    Stance,
    StanceCall,
    TextField,
)

__all__ = ["DELIVERABLE_RE", "find_gaps", "gap_summary"]

#: Deliverables whose promise-for-later makes a plan "pending" (kept as a public name).
DELIVERABLE_RE = cue.DELIVERABLE
#: no_timeline when at least this share of the new commitments carries no date of its own.
_UNTIMED_SHARE = 0.5
_OWN_TENSE = re.compile(r"\b(?:will|shall|was|were|had|has\s+been|have\s+been)\b", re.IGNORECASE)
_ACCEPTING = {Stance.ACCEPTED, Stance.ACCEPTED_IN_PRINCIPLE, Stance.PARTIALLY_ACCEPTED}


def _span(s: Sentence | Commitment | Action | DateMention | MoneyAmount) -> Span:
    return Span(s.text, s.start, s.end, TextField.RESPONSE)


def _ask_span(a: Ask) -> Span:
    return Span(a.text, a.start, a.end, TextField.RECOMMENDATION)


def _quote(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


_sentence_at = scope.sentence_at


def _context(c: Commitment | Action, sentences: Sequence[Sentence]) -> str:
    """The commitment's sentence (cues such as "consider" often sit outside the clause)."""
    sent = _sentence_at(c.start, sentences)
    return sent.text if sent is not None else c.text


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
        Gaps in the fixed order of :class:`GapKind`, each with evidence (spans whose offsets
        index the recommendation or the response) and a one-line message a clerk can paste.
    """
    # A shared UPR reply answers other recommendations after a line of their numbers: only the own part counts.
    end = own_answer_end(response)
    if end < len(response):
        sentences, commitments, actions = (scope.restrict(x, end) for x in (sentences, commitments, actions))
        dates, amounts, response = scope.restrict(dates, end), scope.restrict(amounts, end), response[:end]
    # "On 27 September 2023, the Commission recommended that ...": the recommendation restated is not the reply's
    restated = [x for x in sentences if restates(x.text, recommendation)]
    if restated:
        commitments, actions, dates, amounts = (
            [f for f in found if not any(x.start <= f.start < x.end for x in restated)]
            for found in (commitments, actions, dates, amounts))
    # "The court will assign counsel if ...": how a standing process works, not an undertaking.
    procedures = [c for c in commitments if scope.is_procedure(c, _sentence_at(c.start, sentences))]
    substantive = [c for c in commitments if not _formula(_context(c, sentences)) and c not in procedures]
    new = [c for c in substantive if not _continuing(c, sentences)
           and not cue.EXPECTATION.search(_context(c, sentences))]
    done = [a for a in actions if not _formula(_context(a, sentences))]
    timings = lend_timing(new, {id(c): _timing(c, sentences, dates) for c in new}, sentences)
    accepting = stance.stance in _ACCEPTING
    has_text = bool(response.strip())
    gaps: list[Gap] = []

    missing = [a for a in asks if a.label is AskLabel.UNADDRESSED]
    if missing and has_text:
        names = "; ".join(f"'{_quote(a.ask.text, 60)}'" for a in missing[:3])
        more = f" and {len(missing) - 3} more" if len(missing) > 3 else ""
        gaps.append(Gap(GapKind.UNADDRESSED_CLAUSE, f"Not answered: the response says nothing on {names}{more}.",
                        tuple(_ask_span(a.ask) for a in missing)))

    funding_missing = _funding_missing(asks, recommendation, response, amounts)
    pending = pending_deliverable(stance, asks, sentences, substantive, new, recommendation, done, procedures, restated)
    if pending is not None:
        sent, noun, timing = pending
        what = f"costed {noun}" if funding_missing else noun
        when = f"defers it to '{_quote(timing, 40)}'" if timing else \
            f"promises it for later ('{_quote(sent.text, 60)}') without providing it"
        tail = " and gives no costing" if funding_missing else ""
        gaps.append(Gap(GapKind.PLAN_PENDING, f"{what[0].upper() + what[1:]} still pending: the response {when}{tail}.",
                        (_span(sent),)))

    timed = [c for c in new if timings[id(c)] is not None]
    precise = [c for c in timed if not timings[id(c)][1]]
    vague = [c for c in timed if timings[id(c)][1]]
    if vague and not precise:
        text = timings[id(vague[0])][0]
        gaps.append(Gap(GapKind.VAGUE_TIMELINE, f"Vague timeline: the only timing given is '{_quote(text, 40)}'.",
                        tuple(_span(c) for c in vague[:3])))
    elif (new and len(new) - len(timed) >= _UNTIMED_SHARE * len(new)
          and not _orphan_deadline(commitments, sentences, dates)):
        # quote the undertakings that lack a date, not a dated one beside them
        untimed = [c for c in new if timings[id(c)] is None]
        gaps.append(Gap(GapKind.NO_TIMELINE,
                        f"No timeline: the response commits to action ('{_quote(untimed[0].text, 70)}') but gives no "
                        "date.", tuple(_span(c) for c in untimed[:3])))

    if funding_missing:
        m = cue.FUNDING_ASK.search(recommendation)
        gaps.append(Gap(GapKind.NO_FUNDING, "No funding: the recommendation asks for costing or resources and the "
                        "response gives no amount or costing for it.",
                        (Span(m.group(0), m.start(), m.end(), TextField.RECOMMENDATION),)))

    metrics_ask = cue.METRICS_ASK.search(recommendation)
    if metrics_ask and not _metrics_given(sentences):
        gaps.append(Gap(GapKind.NO_METRICS, "No metrics: the recommendation asks for targets or measures and the "
                        "response gives none.",
                        (Span(metrics_ask.group(0), metrics_ask.start(), metrics_ask.end(), TextField.RECOMMENDATION),)))

    content = [s for s in sentences if not _formula(s.text) and not _is_stance_only(s, stance)
               and s not in restated]
    existing = [a for a in done] + [c for c in substantive if c not in new] + procedures
    status_quo = [s for s in content if cue.STATUS_QUO.search(s.text)]
    # With no undertaking at all, plain description of how things stand is existing activity too
    # (refusals and hand-offs to others are not descriptions).
    described = [s for s in content if not REJECTION_RE.search(s.text) and not re.search(r"\bnot\b", s.text, re.IGNORECASE)
                 and not cue.DEFLECT.search(s.text)]
    # Something done in answer to the report is action, not a standing arrangement; a bare link describes nothing.
    # Asks met by what already exists do not exempt it: §5 "only describes what already exists or was done".
    responsive = any(cue.RESPONSIVE.search(_context(a, sentences)) for a in done)
    link_only = bool(stance.cross_reference) or (bool(content) and all(cue.CROSS_REFERENCE.search(s.text)
                                                                       for s in content))
    if (not new and (existing or status_quo or (not substantive and described)) and pending is None
            and not responsive and not link_only and stance.stance is not Stance.UNCLEAR):
        ev = tuple(_span(x) for x in existing[:3]) or tuple(_span(s) for s in (status_quo or described)[:3])
        gaps.append(Gap(GapKind.EXISTING_ACTIVITY_ONLY, "Existing activity only: the response describes what already "
                        "exists or is under way and commits to nothing new.", ev))

    own = [c for c in new if scope.is_responder(c.actor) and c.strength is not CommitmentStrength.VAGUE
           and not cue.TENTATIVE.search(c.text) and not cue.DEFLECT.search(c.text)]
    deflect = next((s for s in content if cue.DEFLECT.search(s.text)), None)
    # Saying the matter is another body's is a hand-off whatever else is promised, unless the responder
    # also commits firmly and by a date; merely waiting on another body is one only if it promises nothing.
    dated_own = [c for c in own if c.strength is CommitmentStrength.FIRM and timings[id(c)] and not timings[id(c)][1]]
    waiting_only = deflect is not None and not cue.DEFLECT.search(cue.WAITING.sub("", deflect.text))
    if deflect is not None and not dated_own and not (waiting_only and own):
        gaps.append(Gap(GapKind.DEFLECTED, f"Deflected: the response places the matter with another body "
                        f"('{_quote(deflect.text, 70)}') without committing itself.", (_span(deflect),)))

    hedges = [c for c in substantive if not cue.MISSION.search(c.text)
              and not cue.EXPECTATION.search(_context(c, sentences))
              and (c.conditional or cue.TENTATIVE.search(_context(c, sentences)))]
    hedge_sents = [s for s in content if cue.HEDGE_SENTENCE.search(s.text)]
    # "Under consideration" puts the decision off: whatever it undertakes meanwhile is tentative.
    deciding = stance.stance is Stance.UNDER_CONSIDERATION and substantive
    if hedges or hedge_sents or deciding:
        ev = tuple(_span(c) for c in hedges[:3]) or tuple(_span(s) for s in hedge_sents[:3]) or \
            tuple(_span(c) for c in substantive[:3])
        gaps.append(Gap(GapKind.HEDGED, f"Hedged: commitments are conditional or tentative ('{_quote(ev[0].text, 70)}').",
                        ev))

    says_yes = accepting and bool(cue.ACCEPT_WORDS.search(response))
    bare_link = bool(stance.cross_reference) and stance.official_stance in _ACCEPTING
    if (says_yes or bare_link) and not substantive and (not (done or procedures) or deflect is not None) \
            and pending is None:
        ev = (stance.evidence,) if stance.evidence else ()
        gaps.append(Gap(GapKind.ACCEPTANCE_WITHOUT_ACTION, "Acceptance without action: the response agrees but "
                        "contains no commitment or action of its own.", ev))

    declined = [a for a in asks if a.label is AskLabel.REJECTED]
    # accepting "in part" declines the rest (ANNOTATION.md §5: "it declines all or part"), even when
    # no single ask is refused outright
    in_part = stance.stance is Stance.PARTIALLY_ACCEPTED
    if stance.stance is Stance.REJECTED or declined or in_part:
        ev_sent = stance.evidence if stance.stance in (Stance.REJECTED, Stance.PARTIALLY_ACCEPTED) \
            and stance.evidence else None
        if ev_sent is None:
            hit = next((s for s in sentences if REJECTION_RE.search(s.text)), None)
            ev_sent = _span(hit) if hit else None
        part = "the recommendation" if stance.stance is Stance.REJECTED else \
            f"part of the recommendation ('{_quote(declined[0].ask.text, 50)}')" if declined else \
            "part of the recommendation (it accepts it only in part)"
        gaps.append(Gap(GapKind.REJECTED, f"Rejected: the response declines {part}.",
                        (ev_sent,) if ev_sent else tuple(_ask_span(a.ask) for a in declined)))
    return tuple(gaps)


_formula = cue.is_formula


def _continuing(c: Commitment, sentences: Sequence[Sentence]) -> bool:
    """True when the commitment adds nothing new: existing work carried on, a mission statement or a claimed effect."""
    if cue.CONTINUING.search(c.text):
        return True
    if not c.deadline and (cue.MISSION.search(c.text) or cue.MISSION.search(_context(c, sentences))):
        return True
    return bool(cue.EFFECT.search(c.text) and (c.actor is None or cue.THING_ACTOR.search(c.actor.strip())))


def _is_stance_only(s: Sentence, stance: StanceCall) -> bool:
    """The bare position sentence ("The Government accepts this recommendation."), which describes nothing."""
    ev = stance.evidence
    if ev is None or not (s.start <= ev.start < s.end or ev.start <= s.start < ev.end):
        return False
    return len(s.text.split()) <= 12


def _timing(c: Commitment, sentences: Sequence[Sentence], dates: Sequence[DateMention]) -> tuple[str, bool] | None:
    """The commitment's timing as (text, vague), or None when it gives none."""
    sent = _sentence_at(c.start, sentences)
    lo, hi = (sent.start, sent.end) if sent is not None else (c.start, c.end)
    inside = [d for d in dates if lo <= d.start < hi and d.role is DateRole.DEADLINE]
    # Timing tied only to an event ("prior to legislative reform", "When these discussions are concluded")
    # says nothing a clerk can hold the responder to: no date at all.
    inside = [d for d in inside if not _event_only(d)]
    if c.deadline:
        match = next((d for d in inside if d.text in c.deadline or c.deadline in d.text), None)
        if match is not None:
            return c.deadline, match.vague
        if cue.VAGUE_TIMING.search(c.deadline):
            return c.deadline, True
        if not re.search(r"\d", c.deadline) and not cue.CALENDAR_WORD.search(c.deadline):
            return None
        return c.deadline, False
    if inside:
        best = next((d for d in inside if not d.vague), inside[0])
        return best.text, best.vague
    # The date extractor misses some vague event-relative timings ("the forthcoming work programme cycle").
    hit = cue.VAGUE_TIMING.search(sent.text if sent is not None else c.text)
    return (hit.group(0), True) if hit else None


def _event_only(d: DateMention) -> bool:
    """True for a deadline tied to an event, not the calendar ("prior to legislative reform").

    The reference annotation reads such a deadline as no date (no_timeline), not a vague one.
    """
    return (not d.vague and d.value is None and not re.search(r"\d", d.text)
            and not cue.CALENDAR_WORD.search(d.text))


def _orphan_deadline(commitments: Sequence[Commitment], sentences: Sequence[Sentence],
                     dates: Sequence[DateMention]) -> bool:
    """True when a resolved deadline stands in a sentence of its own ("The indicative timeframe ... is end of 2023").

    Such a sentence times the commitments listed before it, though none of them carries the date.
    A sentence with its own future or past verb is about something else and does not count.
    """
    for d in dates:
        if d.role is not DateRole.DEADLINE or d.vague or d.value is None:
            continue
        sent = _sentence_at(d.start, sentences)
        if sent is None or _OWN_TENSE.search(sent.text):
            continue
        if not any(sent.start <= c.start < sent.end for c in commitments):
            return True
    return False


def _funding_missing(asks: Sequence[AskCoverage], recommendation: str, response: str,
                     amounts: Sequence[MoneyAmount]) -> bool:
    """True when costing or funding was asked for and the response does not supply it.

    An amount elsewhere in the response (a budget uplift announced for something else)
    does not cost the deliverable when the asks that demand costing are left unanswered.
    """
    if not cue.FUNDING_ASK.search(recommendation):
        return False
    if not amounts and not cue.FUNDING_MET.search(response):
        return True
    funding_asks = [a for a in asks if cue.FUNDING_ASK.search(a.ask.text)]
    return bool(funding_asks) and all(a.label in (AskLabel.UNADDRESSED, AskLabel.REJECTED) for a in funding_asks)


def _metrics_given(sentences: Sequence[Sentence]) -> bool:
    """True when some sentence names a metric, target or indicator, rather than promising to choose one."""
    return any(cue.METRICS_MET.search(s.text) and not cue.METRICS_PENDING.search(s.text) for s in sentences)



def gap_summary(gaps: Sequence[Gap]) -> str:
    """One line listing the gap kinds, for logs and tables.

    Args:
        gaps: the gaps of one assessment.

    Returns:
        The kinds joined by ", ", or "none".
    """
    return ", ".join(g.kind.value for g in gaps) or "none"

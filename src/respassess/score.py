"""Score: alignments + extractions -> one label per ask, and the record's coverage.

ANNOTATION.md §2: an ask is ``addressed`` when the response has done it, or commits
firmly to it with a date or a mechanism already under way; ``partial`` when the
commitment is vague, conditional, undated, deferred to a later document or lacks a
required property; ``unaddressed`` when nothing speaks to it; ``rejected`` when it is
explicitly declined. Similarity alone cannot tell these apart ("agrees ... intends to
set out plans later this year" is close and only partial), so the label is decided from
what the evidence sentences *do*: the commitments and actions inside them, deferral and
rejection cues, and whether a required property (costed, metrics, timeline) is met.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Sequence

from .align.match import term_overlap
from .types import (Action, ActionStatus, Alignment, Ask, AskCoverage, AskLabel, Commitment, CommitmentStrength,
                    DateMention, DateRole, MoneyAmount, Sentence, Stance)

__all__ = ["label_asks", "AskEvidence", "gather_evidence", "evidence_for_asks", "required_property", "property_only",
           "restates", "DEFERRAL_RE", "REJECTION_RE"]

DEFERRAL_RE = re.compile(
    r"\b(?:will|intends?\s+to|plans?\s+to|expects?\s+to|aims?\s+to)\s+(?:\w+\s+)?(?:set\s+out|bring\s+forward|outline|"
    r"provide\s+(?:further\s+)?(?:details|an\s+update)|consider|explore|look\s+at|keep\s+.{0,20}under\s+review|"
    r"consult)\b|\b(?:intends?|plans?|expects?|aims?)\s+to\s+publish\b|\bin\s+due\s+course\b|\blater\s+this\s+year\b|\bin\s+the\s+coming\s+months\b|"
    r"\bfurther\s+(?:details|information)\s+will\b|\bsubject\s+to\b|\bwhere\s+appropriate\b",
    re.IGNORECASE,
)
REJECTION_RE = re.compile(
    r"\b(?:does|do|will|would|can)\s*(?:not|n[’']t)\s+(?:support|agree|accept|implement|pursue|proceed|mandate|require)\b"
    r"|\bnot\s+(?:supported|agreed|accepted|necessary|appropriate|proportionate)\b|\brather\s+than\b|\bno\s+plans?\s+to\b"
    r"|\bdoes\s+not\s+consider\s+(?:it|that)\b",
    re.IGNORECASE,
)
_PROPERTIES = {
    "costed": re.compile(r"\bcost(?:ed|ing|s)?\b|\bfund(?:ed|ing)\b|\bresourc(?:ed|es|ing)\b|\bbudget", re.IGNORECASE),
    "metrics": re.compile(r"\bmetrics?\b|\bmeasures?\b|\btargets?\b|\bindicators?\b|\bKPIs?\b|\bmeasur(?:e|ing)\s+outcomes",
                          re.IGNORECASE),
    "timeline": re.compile(r"\btime-?(?:line|table|bound|frame)s?\b|\bdeadline\b|\bwithin\s+\d+\s+(?:months|years)\b",
                           re.IGNORECASE),
}
_PROPERTY_MET = {
    "costed": re.compile(r"\bcost(?:ed|ings?)\b|\bfunding\s+of\b|\bbudget\s+of\b|\ballocat", re.IGNORECASE),
    "metrics": re.compile(r"\bmetrics?\b|\bindicators?\b|\btargets?\b|\bKPIs?\b|\bmeasures?\s+of\b|\bdashboard",
                          re.IGNORECASE),
    "timeline": None,
}


# An ask that *is* a property of another ask's deliverable ("fully costed", "metrics to measure outcomes",
# "clear interdependencies"), split off by the segmenter. ANNOTATION.md §2: "a plan without costs fails
# 'fully costed'", so such an ask is unaddressed unless the response supplies the property somewhere.
_LEAD = r"^(?:(?:with|and|alongside|including|be|is|are)\s+)?(?:(?:a|an|the|full|fully|clear|clearly|robust|detailed|" \
        r"specific|measurable|properly|adequately|appropriate)\s+)*"
_PROPERTY_ONLY = {
    "costed": re.compile(_LEAD + r"(?:costed|funded|resourced|costings?|cost\s+estimates?|funding\s+(?:plan|arrangements))$",
                         re.IGNORECASE),
    "metrics": re.compile(_LEAD + r"(?:metrics|targets|KPIs|(?:key\s+)?(?:performance\s+)?indicators|measures\s+of\s+success"
                          r"|success\s+measures)(?:\s+(?:to|that|for|against\s+which)\b[^,;]{0,40})?$", re.IGNORECASE),
    "timeline": re.compile(_LEAD + r"(?:time-?lines?|timetables?|timescales?|time-?frames?|milestones|deadlines|time-?bound)"
                           r"(?:\s+for\b[^,;]{0,40})?$"
                           # a deadline split off as an ask of its own: "Within 18 months from the date of the report"
                           r"|^(?:within|no\s+later\s+than)\s+(?:the\s+next\s+)?(?:\d+|one|two|three|four|five|six|"
                           r"twelve|eighteen|twenty-four)\s+(?:days|weeks|months|years?)\b[^,;]{0,60}$", re.IGNORECASE),
    "interdependencies": re.compile(_LEAD + r"(?:inter-?dependenc(?:y|ies)|dependenc(?:y|ies))(?:\s+\w+){0,4}$",
                                    re.IGNORECASE),
}
# What supplies each property somewhere in the response. An amount alone does not cost a plan: "an almost
# £1 billion increase to SEND funding" funds a system, it does not cost the plan asked for.
_SUPPLIED = {
    "costed": re.compile(r"\bcost(?:ed|ings?)\b|\b(?:estimated|total|full)\s+cost\b|\bcost\s+(?:of|estimates?)\b"
                         r"|\bfunding\s+of\b|\bbudget\s+of\b|\ballocat", re.IGNORECASE),
    "metrics": _PROPERTY_MET["metrics"],
    "interdependencies": re.compile(r"\binter-?dependenc|\bdependenc|\binter-?relat", re.IGNORECASE),
}


def property_only(ask_text: str) -> str | None:
    """The property an ask consists of alone ("fully costed" -> "costed"), or ``None`` for any other ask."""
    text = ask_text.strip().strip(".,;:").strip()
    for name, pattern in _PROPERTY_ONLY.items():
        if pattern.match(text):
            return name
    return None


def _property_supplied(prop: str, response: str, commitments: Sequence[Commitment],
                       dates: Sequence[DateMention]) -> bool:
    if prop == "timeline":  # a dated undertaking, or a firm date anywhere
        return any(c.deadline for c in commitments) or any(not d.vague and d.role is DateRole.DEADLINE for d in dates)
    return bool(_SUPPLIED[prop].search(response))


def required_property(ask_text: str) -> str | None:
    """The property an ask demands ("costed", "metrics", "timeline"), if any."""
    for name, pattern in _PROPERTIES.items():
        if pattern.search(ask_text):
            return name
    return None


@dataclass(frozen=True, slots=True)
class AskEvidence:
    """What the response offers for one ask: the features the label is decided from."""

    ask: Ask
    sentences: tuple[Sentence, ...]
    best_similarity: float
    best_overlap: float
    commitments: tuple[Commitment, ...]
    actions: tuple[Action, ...]
    dates: tuple[DateMention, ...]
    amounts: tuple[MoneyAmount, ...]
    deferred: bool
    rejected: bool
    property: str | None
    property_met: bool | None
    # What the whole response offers: a model weighs an ask's evidence against it.
    response_commitments: tuple[Commitment, ...] = ()
    response_actions: tuple[Action, ...] = ()
    response_dates: tuple[DateMention, ...] = ()
    response_amounts: tuple[MoneyAmount, ...] = ()
    response_sentences: int = 0
    response_words: int = 0
    response_deferred: bool = False
    response_rejected: bool = False
    n_asks: int = 1
    # The ask is only a property ("fully costed") and the response nowhere supplies it.
    property_missing: bool = False
    # The response undertakes or reports something on the recommendation as a whole ("will progress this
    # recommendation through appropriate legislative action"), which speaks to every ask.
    answered_whole: bool = False
    # The response's sentences that undertake something firm or qualified (not a mission statement).
    undertakings: tuple[Sentence, ...] = ()
    # The sentences shown as the ask's evidence, when the evidence model picked them: the label is
    # read from ``sentences`` (the cosine rule's pick, on which the ask-label model was trained).
    shown: tuple[Sentence, ...] | None = None
    # The reply's own words and findings, outside sentences that only restate the recommendation
    # ("031/23: The Commission recommended that KiwiRail ... This recommendation is under consideration.").
    own_words: int | None = None
    own_findings: bool = True


def gather_evidence(ask: Ask, alignments: Sequence[Alignment], sentences: Sequence[Sentence], *,
                    commitments: Sequence[Commitment] = (), actions: Sequence[Action] = (),
                    dates: Sequence[DateMention] = (), amounts: Sequence[MoneyAmount] = ()) -> AskEvidence:
    """Collect the evidence sentences of one ask and the findings inside them."""
    mine = [al for al in alignments if al.ask_index == ask.index]
    idx = [al.sentence_index for al in mine]
    chosen = tuple(sentences[i] for i in idx)
    bounds = [(s.start, s.end) for s in chosen]

    def inside(start: int) -> bool:
        return any(a <= start < b for a, b in bounds)

    text = " ".join(s.text for s in chosen)
    prop = required_property(ask.text)
    prop_met: bool | None = None
    if prop == "costed":
        prop_met = bool(amounts) or bool(_PROPERTY_MET["costed"].search(text))
    elif prop == "metrics":
        prop_met = bool(_PROPERTY_MET["metrics"].search(text))
    elif prop == "timeline":
        prop_met = any(not d.vague for d in dates if inside(d.start))
    return AskEvidence(
        ask=ask,
        sentences=chosen,
        best_similarity=max((al.similarity for al in mine), default=0.0),
        best_overlap=max((term_overlap(ask.text, s.text) for s in chosen), default=0.0),
        commitments=tuple(c for c in commitments if inside(c.start)),
        actions=tuple(a for a in actions if inside(a.start)),
        dates=tuple(d for d in dates if inside(d.start)),
        amounts=tuple(m for m in amounts if inside(m.start)),
        deferred=bool(DEFERRAL_RE.search(text)),
        rejected=bool(REJECTION_RE.search(text)),
        property=prop,
        property_met=prop_met,
    )


def evidence_for_asks(asks: Sequence[Ask], alignments: Sequence[Alignment], sentences: Sequence[Sentence], *,
                      commitments: Sequence[Commitment] = (), actions: Sequence[Action] = (),
                      dates: Sequence[DateMention] = (), amounts: Sequence[MoneyAmount] = (),
                      shown: Sequence[Alignment] | None = None, whole_answers: Sequence[int] = (),
                      undertakings: Sequence[int] = (), restated: Sequence[int] = ()) -> list[AskEvidence]:
    """Gather the evidence of every ask, each with the whole response's findings beside it.

    Args:
        asks: the recommendation's asks.
        alignments: evidence alignments from :func:`respassess.align.align` (the cosine rule): the label's features
            are read from these sentences.
        sentences: the response's sentences.
        commitments, actions, dates, amounts: extracted from the response.
        shown: alignments by the evidence model, whose sentences are shown as each ask's evidence (an ask it
            gives none keeps the rule's); ``None`` shows the rule's.
        whole_answers: indices of the sentences that answer the recommendation as a whole
            (:func:`respassess.align.match.answers_whole`): no ask is then left with nothing.
        undertakings: indices of the sentences holding a firm or qualified commitment that is not a
            mission statement: a reply that takes the recommendation on and undertakes something
            answers some ask, even when no sentence is close to any.
        restated: indices of the sentences that only restate the recommendation (:func:`restates`): a
            reply made of those and a position is a bare position (§2).

    Returns:
        One :class:`AskEvidence` per ask, in ask order.
    """
    whole = " ".join(s.text for s in sentences)
    context = dict(response_commitments=tuple(commitments), response_actions=tuple(actions),
                   response_dates=tuple(dates), response_amounts=tuple(amounts), response_sentences=len(sentences),
                   response_words=len(whole.split()), response_deferred=bool(DEFERRAL_RE.search(whole)),
                   response_rejected=bool(REJECTION_RE.search(whole)),
                   n_asks=len(asks))
    undertaking_sentences = tuple(sentences[i] for i in undertakings)
    if restated:
        skip = set(restated)
        own = [x for x in sentences if x.index not in skip]
        spans = [(x.start, x.end) for x in own]
        context.update(own_words=sum(len(x.text.split()) for x in own), own_findings=any(
            lo <= f.start < hi for f in (*commitments, *actions, *dates, *amounts) for lo, hi in spans))
    out = []
    for ask in asks:
        ev = gather_evidence(ask, alignments, sentences, commitments=commitments, actions=actions,
                             dates=dates, amounts=amounts)
        picked = None if shown is None else tuple(sentences[al.sentence_index] for al in shown
                                                  if al.ask_index == ask.index)
        prop = property_only(ask.text)
        missing = prop is not None and not _property_supplied(prop, whole, commitments, dates)
        out.append(replace(ev, **context, shown=picked or None, property_missing=missing,
                           answered_whole=bool(whole_answers), undertakings=undertaking_sentences))
    return out


def _rule_label(ev: AskEvidence, stance: Stance) -> tuple[AskLabel, float, str]:
    """The rule-based label of one ask, with a confidence and the reason in words."""
    if ev.property_missing and stance is not Stance.REJECTED:
        return AskLabel.UNADDRESSED, 0.7, "it is a property of the deliverable, and the response nowhere supplies it"
    if ev.property is not None and ev.property_met is False and ev.property != "timeline":
        return AskLabel.UNADDRESSED, 0.6, f"nothing in the response makes it {ev.property}"
    if not ev.sentences:
        if stance is Stance.REJECTED:
            return AskLabel.REJECTED, 0.6, "the response rejects the recommendation and says nothing else on this ask"
        return AskLabel.UNADDRESSED, 0.7, "no response sentence speaks to this ask"
    if ev.rejected:
        return AskLabel.REJECTED, 0.6, "the evidence declines it"
    firm_dated = [c for c in ev.commitments if c.strength is CommitmentStrength.FIRM and c.deadline and not c.conditional]
    done = [a for a in ev.actions if a.status is ActionStatus.COMPLETED]
    if firm_dated and not ev.deferred:
        return AskLabel.ADDRESSED, 0.6, "a firm, dated commitment"
    if done and not ev.commitments and ev.best_similarity >= 0.55:
        return AskLabel.ADDRESSED, 0.55, "the response reports it done"
    if ev.deferred:
        return AskLabel.PARTIAL, 0.6, "deferred to later or conditional"
    if ev.commitments:
        return AskLabel.PARTIAL, 0.55, "a commitment without a date, or not firm"
    return AskLabel.PARTIAL, 0.5, "related activity described, no commitment"


def label_asks(evidence: Sequence[AskEvidence], *, stance: Stance, model=None) -> tuple[AskCoverage, ...]:
    """Label every ask from its gathered evidence.

    Args:
        evidence: one :class:`AskEvidence` per ask, from :func:`evidence_for_asks`.
        stance: the stance read from the text.
        model: an optional fitted ask-label model with
            ``score_evidence(ev, stance) -> (label, confidence, expected_score, score_distribution)``; the rules
            decide when it is ``None``.

    Returns:
        One :class:`AskCoverage` per ask, in ask order.
    """
    out = []
    for ev in evidence:
        label, confidence, reason = _rule_label(ev, stance)
        expected = distribution = None
        # The ask-label model has seen almost no property-only asks; the guide settles them (§2).
        if model is not None and not (ev.property_missing and stance is not Stance.REJECTED):
            rule_label = label
            label, confidence, expected, distribution = model.score_evidence(ev, stance)
            if label is AskLabel.REJECTED and stance not in _DECLINING and not ev.response_rejected:
                # §2: rejected is "explicitly declines"; a reply that declines nothing (no refusal word, a stance
                # that is no refusal) cannot decline this ask (on dev, all four such calls were wrong)
                label, confidence, expected, distribution = model.score_evidence(ev, stance, exclude=AskLabel.REJECTED)
            # the rules' words explain the model's call only when both agree
            reason = f"model: {reason}" if label is rule_label else "model: from the evidence features as a whole"
            if label is AskLabel.ADDRESSED and property_only(ev.ask.text) is None and not _acted_on(ev):
                # §2: addressed is done, or firmly committed to; evidence with neither is partial at most (a
                # property such as "fully costed" is met by a statement: "The plan is costed at £40 million")
                label, confidence = AskLabel.PARTIAL, 0.55
                reason = "related activity described, nothing done or firmly promised"
                expected, distribution = 0.5, (0.0, 1.0, 0.0)
        if _bare_position(ev) and stance is not Stance.REJECTED:
            # ANNOTATION.md §2: a bare "Supported" (or a cross-reference with no text of its own) leaves every
            # ask unaddressed, whatever its words have in common with the ask
            label, confidence, reason = AskLabel.UNADDRESSED, 0.9, "the response states a position and nothing else"
            expected, distribution = 0.0, (1.0, 0.0, 0.0)
        elif label is AskLabel.UNADDRESSED and ev.answered_whole and not ev.property_missing \
                and stance is not Stance.REJECTED:
            # ANNOTATION.md §2: unaddressed is "nothing in the response speaks to this ask"; an undertaking on
            # the whole recommendation speaks to it without its specifics, which is partial at most
            label, confidence, reason = AskLabel.PARTIAL, 0.6, "the response answers the recommendation as a whole"
            expected, distribution = 0.5, (0.0, 1.0, 0.0)
        evidence_sents = (ev.shown or ev.sentences) if label is not AskLabel.UNADDRESSED else ()
        out.append(AskCoverage(ask=ev.ask, label=label, score=label.score, confidence=confidence,
                               evidence=evidence_sents, reason=reason, expected_score=expected,
                               score_distribution=distribution))
    return _undertaken(out, evidence, stance)


def _acted_on(ev: AskEvidence) -> bool:
    """Whether the ask's evidence reports something done or under way, or a firm, unconditional commitment."""
    sentences = (*ev.sentences, *(ev.shown or ()))
    inside = [(s.start, s.end) for s in sentences]

    def within(start: int) -> bool:
        return any(lo <= start < hi for lo, hi in inside)

    done = any(a.status in (ActionStatus.COMPLETED, ActionStatus.ONGOING) and within(a.start)
               for a in ev.response_actions)
    return done or any(c.strength is CommitmentStrength.FIRM and not c.conditional and within(c.start)
                       for c in ev.response_commitments)


#: stances under which an ask can be declined without a refusal word ("the existing law is adequate")
_DECLINING = (Stance.REJECTED, Stance.PARTIALLY_ACCEPTED)

#: at most this many words in a reply that only states its position ("The Government accepts this
#: recommendation.", "Response: Supported / See response to PJCIS recommendation 3.")
_BARE_WORDS = 10


def _bare_position(ev: AskEvidence) -> bool:
    """Whether the reply says nothing but its position: a sentence or two, no step, date or money (beside, at
    most, the recommendation restated)."""
    if ev.own_words is not None:
        return ev.own_words <= _BARE_WORDS and not ev.own_findings
    return 0 < ev.response_words <= _BARE_WORDS and ev.response_sentences <= 2 and not (
        ev.response_commitments or ev.response_actions or ev.response_dates or ev.response_amounts)


def restates(sentence: str, recommendation: str) -> bool:
    """Whether a sentence of eight words or more only restates the recommendation (80 % of its words are in it)."""
    words = set(re.findall(r"\w+", sentence.lower()))
    return len(words) >= 8 and len(words & set(re.findall(r"\w+", recommendation.lower()))) >= 0.8 * len(words)


# A reply that takes the recommendation on: its undertakings answer the recommendation.
_TAKING_ON = (Stance.ACCEPTED, Stance.ACCEPTED_IN_PRINCIPLE, Stance.PARTIALLY_ACCEPTED, Stance.UNDER_CONSIDERATION)


def _undertaken(out: list[AskCoverage], evidence: Sequence[AskEvidence], stance: Stance) -> tuple[AskCoverage, ...]:
    """Every ask "unaddressed" although the reply takes the recommendation on and undertakes something.

    "Accepts in principle ... will propose legislative reforms that ensure thresholds are appropriate"
    names no ask's terms, yet it is the answer to them: nothing-speaks-to-it (§2) cannot hold for all.
    """
    open_ = [i for i, ev in enumerate(evidence) if not ev.property_missing]
    if stance not in _TAKING_ON or not open_ or not evidence[0].undertakings \
            or any(out[i].label is not AskLabel.UNADDRESSED for i in open_):
        return tuple(out)
    for i in open_:
        out[i] = replace(out[i], label=AskLabel.PARTIAL, score=AskLabel.PARTIAL.score, confidence=0.55,
                         evidence=evidence[i].undertakings, expected_score=0.5, score_distribution=(0.0, 1.0, 0.0),
                         reason="the response undertakes to act on the recommendation without naming this ask")
    return tuple(out)

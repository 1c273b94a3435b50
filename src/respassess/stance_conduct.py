"""The stance of a reply that states no position, judged from what it does (ANNOTATION.md §6).

Coroners' PFD replies, TAIC recipients' letters and UPR replies often never say "agree"
or "support": they describe. The guide judges them by conduct: acting on it = accepted;
deciding later = under consideration; only describing the status quo = noted; refusing,
or defending the status quo as adequate = rejected; a cross-reference with no text of its
own = unclear.

:func:`read_conduct` is that reading as a decision list. Some of its branches rest on a
cue that states the position in other words ("does not see the need to", "will consider
whether", "considers this recommendation implemented", "has no comment"): those are
*decisive*, and the learned stance model is not asked. The others (future action, only
activity, only description) are the rules' best guess, which the model may overrule.
:func:`conduct_signals` exposes the same evidence as named numbers for the model.

Commitments are sorted by what they promise (:func:`commitment_kind`): a concrete step
("will introduce a procedure"), a deliberation ("will assess options", "will review the
evidence to consider"), more of the same ("will continue to"), a report back ("will inform
the Commission") or a hope about others ("I expect trusts to"). Only concrete steps read
as acting on the recommendation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from .stance_conduct_cues import (  # noqa: F401 (re-exported for callers of this module)
    _ADEQUATE, _COMPLETION, _CONDITIONAL, _DEFERRAL, _IMPLEMENTED, _NEED, _NO_COMMENT, _NO_TEXT, _NOT_A_REFUSAL, _REFUSAL,
    _TIMING, _UNDECIDED, _WHETHER_TO_ACT, _WORK_UNDER_WAY, _DATED, _IF, _NARRATIVE,
)
from .types import (
    Action,
    ActionStatus,
    Commitment,
    CommitmentStrength,
    Sentence,
    Stance,
)

__all__ = ["Conduct", "read_conduct", "conduct_signals", "commitment_kind", "refusal_sentence", "COMMITMENT_KINDS",
           "CONDUCT_REASONS", "SIGNAL_NAMES"]

#: what a commitment promises, see :func:`commitment_kind`
COMMITMENT_KINDS = ("action", "deliberation", "continuation", "report_back", "others")
#: the branch of :func:`read_conduct` that decided, in the order they are tried
CONDUCT_REASONS = ("no_text", "cross_reference", "refusal", "implemented", "no_comment", "deferral",
                   "future_action", "description_only", "official", "activity", "nothing")
_POSITIVE = frozenset({Stance.ACCEPTED, Stance.ACCEPTED_IN_PRINCIPLE, Stance.PARTIALLY_ACCEPTED})

_F = re.IGNORECASE

# What a commitment promises, read from its own words: the verb after the modal decides, so "the
# outcome of this assessment will be added" is a step and "will consider whether" a deliberation.
_DELIBERATE_VERBS = (r"(?:consider|explore|examine|investigate|assess|evaluate|review|scope|study|analy[sz]e|scrutini[sz]e|"
                     r"look\s+(?:into|at)|liaise|discuss|reflect|"
                     r"(?:determine|identify|establish|decide)\s+(?:if|whether|what|how|options|the\s+(?:scale|extent|feasibility|need)))")
_STUDY = r"(?:review|assessment|investigation|study|evaluation|analysis|feasibility\s+\w+|consultation|scoping\s+\w+)"
_DELIBERATE = re.compile(
    rf"\b(?:will|shall|to|would)\s+(?:\w+ly\s+|now\s+|then\s+|further\s+|also\s+|first\s+|continue\s+to\s+|"
    rf"(?:seek|aim|need|want|wish|plan|intend)\s+to\s+)*(?:\w+\s+and\s+)?{_DELIBERATE_VERBS}\w*"
    r"|\bconsideration\s+will\s+be\s+given\b|\bwill\s+be\s+(?:further\s+)?(?:considered|reviewed|assessed|examined|"
    r"investigated|evaluated|explored|scoped)\b|\bwhether\b"
    rf"|\b(?:commission|commence|undertake|conduct|carry\s+out|initiate)\w*\s+(?:\w+\s+){{0,5}}?(?:an?\s+|the\s+)?(?:\w+\s+){{0,3}}?{_STUDY}\b"
    rf"|\b{_STUDY}\s+(?:\w+\s+){{0,3}}?will\s+be\s+(?:undertaken|carried\s+out|conducted|initiated|commissioned|completed|"
    rf"finished|finalised|finalized)\b|\bwill\s+include\s+(?:an?\s+)?(?:\w+\s+){{0,2}}?{_STUDY}\b", _F)
_CONTINUE = re.compile(r"\b(?:continu\w*|maintain\w*|keep\s+\w+\s+under\s+review|remain\w*)\b", _F)
_REPORT_BACK = re.compile(r"\b(?:update|inform|advise|notify|brief|write\s+(?:again\s+)?to)\s+(?:you|us|them|TAIC|the\s+"
                          r"(?:commission|coroner|committee|minister|court|council))\b|\breport\s+back\b"
                          r"|\bkeep\s+\w+\s+(?:informed|updated|advised)\b|\b(?:provide|give)\s+(?:you\s+(?:with\s+)?)?(?:an?\s+)?"
                          r"(?:update|further\s+information)\b", _F)
# "I expect trusts to ..." hopes for others' action; "we expect to ..." is the responder's own plan
_OTHERS = re.compile(r"^\W*(?:I|we)\s+(?:would\s+)?(?:expect|encourage|urge|ask)\s+(?!(?:to|this|it|that|these|them)\b)\w+|\bare\s+encouraged\s+to\b"
                     # "We expect that pilots understand this principle": a belief about the present, not a plan
                     # ("we expect that the new procedure will be in place by June" keeps its modal and is one)
                     r"|^\W*(?:I|we)\s+(?:would\s+)?expect\s+that\s+(?![^.;]*\b(?:will|shall|would|to\s+be)\b)\w+"
                     # "Health Advisors (HAs) are expected to convey": a standing expectation of others
                     r"|^\W*(?!(?:I|we)\b)[^.;]{0,80}?\b(?:is|are)\s+expected\s+to\s+(?!be\b)\w+"
                     r"|^\W*(?:providers|trusts|operators|councils|local\s+\w+|individual\s+\w+)\b", _F)
_CONCRETE = re.compile(r"\bwill\s+(?:\w+\s+)?(?:implement|introduce|publish|develop|establish|amend|update|issue|deliver|create|"
                       r"set\s+up|roll\s+out|launch|add|include|revise|change|install|fit|train|inspect|audit|require|"
                       r"prescribe|prohibit|ratify|adopt|replace|fund|appoint|produce|circulate|distribute|put\s+in\s+place)\w*", _F)
# Completed or ongoing activity that changes something, as opposed to a standing rule described.
_CHANGE = re.compile(r"\b(?:re-?)?(?:implement|introduc|publish|develop|establish|amend|updat|issu|creat|launch|"
                     r"add(?:s|ed|ing)?\b|revis|chang|ratif|adopt|replac|fund|appoint|produc|circulat|distribut|"
                     r"strengthen|train|install|set\s+up|start|began|begun|commission|undert|convened|reviewed|"
                     r"put\s+in\s+place|rolled|increas|expand|improv)\w*", _F)
# done "as per the recommendation": acting on it whatever the verb ("have contracted the Metservice to ...")
_AS_RECOMMENDED = re.compile(r"\b(?:as\s+per|in\s+(?:line|accordance)\s+with|as\s+suggested\s+in|following)\s+"
                            r"(?:the|this|your|its|that)\s+(?:safety\s+)?recommendation\b|\bas\s+recommended\b", _F)
_WORKING = re.compile(r"\bwork(?:s|ing|ed)?$", _F)
_UNDER_WAY = re.compile(r"\bin\s+the\s+(?:process|midst)\s+of\b", _F)
# Done, in the text's own words, for clauses the action extractor misses ("Action has been initiated to
# implement ...", "Airways has completed publication of procedures").
_DONE = re.compile(r"\b(?:has|have|had)\s+(?:now\s+|already\s+|recently\s+|also\s+|since\s+|subsequently\s+)?(?:been\s+)?"
                   r"(?:re-?)?(?:complet|initiat|implement|finalis|finaliz|"
                   r"introduc|publish|issu|updat|amend|revis|establish|instruct|train|install|fitt|replac|carri|undert|"
                   r"remind|advis|brief|circulat|distribut|notif|alert|modif|reduc|impos|restrict|remov|chang|"
                   r"develop|creat|launch|start|commenc|adopt|contact|written|wrote|"
                   r"done|taken|made|sent|put\s+in\s+place)\w*", _F)
_STATUS_QUO = re.compile(r"\balready\b|\b(?:guarantee|provide|stipulate|require|define|criminalis|criminaliz|prohibit|"
                         r"regulate|enjoy|apply|cover|include|exist|allow|permit|contain)\w*", _F)


@dataclass(frozen=True, slots=True)
class Conduct:
    """The conduct reading of one reply.

    Attributes:
        stance: the stance the reply's conduct shows.
        confidence: how sure the rules are, in [0, 1].
        evidence: the sentence that shows it, when one does.
        reason: the branch that decided, one of :data:`CONDUCT_REASONS`.
        decisive: a cue states the position in other words, so no model should overrule it.
    """

    stance: Stance
    confidence: float
    evidence: Sentence | None
    reason: str
    decisive: bool


# stems of verbs that name a concrete step
_STEP_STEMS = (r"(?:implement|introduc|publish|develop|establish|amend|updat|issu|deliver|creat|launch|add|includ|revis|"
               r"chang|install|fit|train|inspect|audit|requir|prohibit|ratif|adopt|replac|fund|appoint|produc|circulat|"
               r"distribut|complet|review|conduct|undertak|provid|set\s+up|roll\s+out)")
# A standing purpose in the present tense, not a promise: "This pathway aims to reduce ...", "The RCR ... aims to
# lead" (but "The Government aims to publish the strategy by 2025" plans a step).
_PURPOSE = re.compile(rf"^\W*(?:(?!will\b|shall\b)\S+\s+){{0,8}}?(?:aims|seeks|strives|exists)\s+to\s+(?!{_STEP_STEMS})", _F)
# "committed to learning from them" is a disposition; "committed to completing the process" a step
_COMMITTED = re.compile(rf"\bcommitted\s+to\s+(?!{_STEP_STEMS}\w*ing\b)\w+ing\b", _F)
# A review of the responder's own procedures is the step a safety recommendation usually asks for, not a
# deliberation: "will review its procedures for converting used rolling stock".
_REVIEW_STEP = re.compile(r"\bwill\s+(?:\w+ly\s+)?review\s+(?:its|their|our|the|current|existing|all|relevant)\s+(?:\w+\s+){0,3}?"
                          r"(?:procedures?|process(?:es)?|polic(?:y|ies)|guidance|guidelines|training|systems?|rules?|standards?|"
                          r"protocols?|arrangements|requirements|manuals?|instructions?|documentation|curricul\w+|practices?)\b"
                          r"(?!\s+(?:to\s+(?:consider|determine|see|assess)|and\s+consider))", _F)
# Deliberating only over timing ("liaise with the operator to determine an appropriate completion date") plans
# the step; it does not leave the decision open.
_TIMING_ONLY = re.compile(r"\b(?:determine|agree|set|confirm|establish|identify|decide)\s+(?:on\s+)?(?:an?\s+|the\s+)?(?:\w+\s+){0,2}?"
                          r"(?:dates?|timeframes?|time\s*frames?|timetables?|timelines?|timing|schedule)\b", _F)
# An offer to act: "we would be pleased to make mention of this case to our members" (not "happy to discuss")
_OFFER = re.compile(r"\b(?:would|will|shall)\s+be\s+(?:very\s+)?(?:pleased|happy|glad|willing)\s+to\s+"
                    r"(?!(?:discuss|meet|consider|answer|respond|assist\s+(?:further|with\s+any))\b)\w+", _F)


def commitment_kind(commitment: Commitment) -> str:
    """What a commitment promises, one of :data:`COMMITMENT_KINDS`.

    Args:
        commitment: an extracted commitment.

    Returns:
        "others" (an expectation of other bodies: "I expect trusts to ..."), "report_back"
        ("will inform the Commission of the outcome"), "deliberation" ("will assess options",
        "will review the evidence to consider an update"), "continuation" ("will continue to
        promote") or "action" (a concrete step).
    """
    text = commitment.text
    if _OTHERS.search(text):
        return "others"
    if _REPORT_BACK.search(text):
        return "report_back"
    if _PURPOSE.search(text) or _COMMITTED.search(text):
        return "continuation"
    if _REVIEW_STEP.search(text) or _TIMING_ONLY.search(text):
        return "action"
    concrete = _CONCRETE.search(text)
    deliberate = _DELIBERATE.search(text)
    if deliberate and not (concrete and concrete.start() < deliberate.start()):
        return "deliberation"
    if _CONTINUE.search(text) and not concrete:
        return "continuation"
    return "action"


def _is_action(c: Commitment) -> bool:
    return c.strength is not CommitmentStrength.VAGUE and not c.conditional and commitment_kind(c) == "action"


def _own_commitments(commitments: Sequence[Commitment]) -> list[Commitment]:
    """Commitments that promise something of the responder's own: not a rule stated conditionally ("the
    court will assign counsel if ..."), an expectation of others or a standing purpose ("aims to lead")."""
    return [c for c in commitments if not c.conditional and commitment_kind(c) != "others"
            and not _PURPOSE.search(c.text) and not _COMMITTED.search(c.text)]


def _refusal(sentence: Sentence) -> bool:
    for pattern in (_REFUSAL, _ADEQUATE):
        for m in pattern.finditer(sentence.text):
            if _NOT_A_REFUSAL.search(sentence.text[:m.start()]) or _TIMING.search(sentence.text[m.end():]):
                continue
            return True
    return False


def refusal_sentence(sentences: Sequence[Sentence], commitments: Sequence[Commitment] = ()) -> Sentence | None:
    """The first sentence that declines the step in other words, when the reply promises no concrete step elsewhere.

    "The existing framework does not extend to the remit to deliver this", "is impractical",
    "the current regulation is adequate": a position the guide reads as a refusal (ANNOTATION.md §1).

    Args:
        sentences: the reply's sentences.
        commitments: its extracted commitments.

    Returns:
        The refusing sentence, or ``None`` when there is none or the reply also acts on another part.
    """
    refusal = next((s for s in sentences if _refusal(s)), None)
    if refusal is None or any(_is_action(c) and c.sentence_index != refusal.index for c in commitments):
        return None
    return refusal


def _defers(sentence: Sentence) -> bool:
    """Whether the responder leaves the decision for later here (not "should the Coroner wish to investigate")."""
    return any(not _CONDITIONAL.search(sentence.text[:m.start()]) for m in _DEFERRAL.finditer(sentence.text))


def _first(pattern: re.Pattern[str], sentences: Sequence[Sentence]) -> Sentence | None:
    return next((s for s in sentences if pattern.search(s.text)), None)


def _sentence_of(sentences: Sequence[Sentence], start: int) -> Sentence | None:
    return next((s for s in sentences if s.start <= start < s.end), None)


def _done_sentences(sentences: Sequence[Sentence]) -> list[Sentence]:
    return [s for s in sentences if (m := _DONE.search(s.text)) and not _CONDITIONAL.search(s.text[:m.start()])]


def _dated_work_under_way(sentences: Sequence[Sentence], commitments: Sequence[Commitment]) -> bool:
    """Work already under way with a date to finish it: acting in stages (ANNOTATION.md §2), not deciding later."""
    if any(_WHETHER_TO_ACT.search(s.text) for s in sentences):
        return False
    return any(_WORK_UNDER_WAY.search(s.text) for s in sentences) and any(
        c.deadline and _DATED.search(c.deadline) and not c.conditional and _COMPLETION.search(c.text)
        and not _IF.search(c.text) for c in commitments)


def _change_actions(actions: Sequence[Action]) -> list[Action]:
    """Activity that changes something ("has updated", "is developing"), not a standing rule described."""
    out = []
    for a in actions:
        cue = a.cue or a.text
        # "is in the process of reviewing the test papers" is work under way; "is working with the industry
        # to implement the recommendation" changes something through its purpose clause
        if _CHANGE.search(cue) or _UNDER_WAY.search(a.text) or _AS_RECOMMENDED.search(a.text) or (
                _WORKING.search(cue) and _CHANGE.search(a.text[a.text.lower().find("work"):])):
            out.append(a)
    return out


def read_conduct(response: str, sentences: Sequence[Sentence], commitments: Sequence[Commitment] = (),
                 actions: Sequence[Action] = (), *, official: Stance | None = None,
                 cross_reference: str | None = None) -> Conduct:
    """Judge a reply that states no position by what it does (ANNOTATION.md §6).

    Tried in order: no usable text or a bare cross-reference (unclear); a decision said in so many
    words to be still open ("before reaching a final decision", under consideration); refusing the
    step or defending the status quo as adequate (rejected, or partially accepted when a
    concrete step is also promised); "considers this implemented" (accepted); "no comment"
    (noted); deciding later (under consideration, unless concrete steps outweigh the
    deliberation); concrete future steps (accepted); only a standing rule described
    (noted); the official label, when there is one; activity that changes something
    (accepted); else noted.

    Args:
        response: the reply text.
        sentences: its sentences.
        commitments: its extracted commitments.
        actions: its extracted completed/ongoing actions.
        official: the canonical stance of the official label, the fallback for replies that only describe.
        cross_reference: the recommendation number the reply defers to, if any.

    Returns:
        A :class:`Conduct`.
    """
    words = len(response.split())
    if not response.strip() or (_NO_TEXT.search(response) and words < 25):
        return Conduct(Stance.UNCLEAR, 0.5, None, "no_text", True)
    if cross_reference and words < 25:
        return Conduct(Stance.UNCLEAR, 0.5, None, "cross_reference", True)
    steps = [c for c in commitments if _is_action(c)]
    undecided = _first(_UNDECIDED, sentences)
    if undecided is not None:
        # the responder says in so many words that the decision is still to come: a refusal or a step
        # beside it is provisional (ANNOTATION.md §6, deciding later)
        return Conduct(Stance.UNDER_CONSIDERATION, 0.6, undecided, "deferral", True)
    refusal = next((s for s in sentences if _refusal(s)), None)
    if refusal is not None:
        if any(c.sentence_index != refusal.index for c in steps):  # declines one part, acts on another
            return Conduct(Stance.PARTIALLY_ACCEPTED, 0.5, refusal, "refusal", False)
        if official in _POSITIVE and not _REFUSAL.search(refusal.text):
            # "the law is already adequate" under the responder's own "Supported": it considers the
            # recommendation met, not declined; the model weighs the two.
            return Conduct(official, 0.5, refusal, "refusal", False)
        return Conduct(Stance.REJECTED, 0.6, refusal, "refusal", True)
    hit = _first(_IMPLEMENTED, sentences)
    if hit is not None:
        return Conduct(Stance.ACCEPTED, 0.6, hit, "implemented", True)
    change = _change_actions(actions)
    hit = _first(_NO_COMMENT, sentences)
    if hit is not None and not steps and not change and not _done_sentences(sentences):
        # "no comment" on a letter that acts elsewhere covers only part of it
        return Conduct(Stance.NOTED, 0.55, hit, "no_comment", True)
    deliberations = [c for c in commitments if commitment_kind(c) == "deliberation"]
    deferral = next((s for s in sentences if _defers(s)), None)
    if (deferral is not None or deliberations) and not _dated_work_under_way(sentences, commitments):
        # Deciding later; beside more concrete steps than deliberations it is acting in stages. Only a
        # decision left open ("will consider whether", "under consideration") with nothing done or
        # promised besides is a position in other words.
        if len(steps) <= len(deliberations) or len(steps) < 2:
            evidence = deferral or _sentence_of(sentences, deliberations[0].start)
            decisive = deferral is not None and not steps and not change and not _done_sentences(sentences)
            return Conduct(Stance.UNDER_CONSIDERATION, 0.55, evidence, "deferral", decisive)
    if steps:
        return Conduct(Stance.ACCEPTED, 0.6, _sentence_of(sentences, steps[0].start), "future_action", False)
    offer = _first(_OFFER, sentences)
    if offer is not None:  # "we would be pleased to make mention of this case to our members"
        return Conduct(Stance.ACCEPTED, 0.5, offer, "future_action", False)
    done = _done_sentences(sentences)
    if not _own_commitments(commitments) and not change and not done:
        # Only a standing rule or state of affairs described, whatever the label says (ANNOTATION.md §6).
        # A reply that reports its own doings in words the extractors miss is not settled by the rules.
        return Conduct(Stance.NOTED, 0.5, None, "description_only", _first(_NARRATIVE, sentences) is None)
    if official is not None and official is not Stance.UNCLEAR:
        # The reply acts only in small ways or in the past; the responder's own label settles it.
        return Conduct(official, 0.5, None, "official", False)
    if change or done or any(c.strength is not CommitmentStrength.VAGUE for c in commitments):
        evidence = _sentence_of(sentences, change[0].start) if change else (done[0] if done else None)
        return Conduct(Stance.ACCEPTED, 0.5, evidence, "activity", False)
    return Conduct(Stance.NOTED, 0.5, None, "nothing", False)


#: names of :func:`conduct_signals`, in order
SIGNAL_NAMES: tuple[str, ...] = (
    *(f"commit_{k}" for k in COMMITMENT_KINDS), "commit_conditional", "steps_open",
    "change_completed", "change_ongoing", "status_quo_actions",
    "refusal", "refusal_open", "adequate", "implemented", "no_comment", "deferral", "deferral_open",
    "description_only", *(f"reason_{r}" for r in CONDUCT_REASONS), "decisive",
)


def conduct_signals(response: str, sentences: Sequence[Sentence], commitments: Sequence[Commitment] = (),
                    actions: Sequence[Action] = ()) -> dict[str, float]:
    """The evidence :func:`read_conduct` weighs, as named numbers (for the stance model).

    Counts are per sentence, so long letters and one-line replies are comparable; the
    official label is deliberately left out.

    Args:
        response: the reply text.
        sentences: its sentences.
        commitments: its extracted commitments.
        actions: its extracted actions.

    Returns:
        ``{name: value}`` for every name in :data:`SIGNAL_NAMES`.
    """
    n = max(len(sentences), 1)
    kinds = [commitment_kind(c) for c in commitments]
    change = _change_actions(actions)
    refusals = [s for s in sentences if _refusal(s)]
    deferrals = [s for s in sentences if _defers(s)]
    from .stance import find_cross_reference

    conduct = read_conduct(response, sentences, commitments, actions,
                           cross_reference=find_cross_reference(response) if response else None)
    out: dict[str, float] = {f"commit_{k}": kinds.count(k) / n for k in COMMITMENT_KINDS}
    out.update(
        commit_conditional=sum(c.conditional for c in commitments) / n,
        steps_open=float(any(_is_action(c) and c.sentence_index < 2 for c in commitments)),
        change_completed=sum(a.status is ActionStatus.COMPLETED for a in change) / n,
        change_ongoing=sum(a.status is ActionStatus.ONGOING for a in change) / n,
        status_quo_actions=(len(actions) - len(change)) / n,
        refusal=float(bool(refusals)), refusal_open=float(any(s.index < 2 for s in refusals)),
        adequate=float(any(_ADEQUATE.search(s.text) for s in sentences)),
        implemented=float(_first(_IMPLEMENTED, sentences) is not None),
        no_comment=float(_first(_NO_COMMENT, sentences) is not None),
        deferral=len(deferrals) / n, deferral_open=float(any(s.index < 2 for s in deferrals)),
        description_only=float(not _own_commitments(commitments) and not change and not _done_sentences(sentences)),
        decisive=float(conduct.decisive),
    )
    out.update({f"reason_{r}": float(conduct.reason == r) for r in CONDUCT_REASONS})
    return {name: out[name] for name in SIGNAL_NAMES}

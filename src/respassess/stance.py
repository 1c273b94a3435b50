"""Stance: what the responder says it will do with the recommendation (ANNOTATION.md §1).

The stance is read from the response **text**; the official label, when there is one,
is mapped through ``data/official_labels.json`` and kept beside it so that a mismatch
("Acknowledged" over "The government agrees") is itself a finding.

Cues are ordered: negated and qualified forms ("does not support", "supports in
principle", "agrees in part") are tried before the plain ones, and a cue in a label
line or the opening sentences outweighs one deep in the text. Where the response states
no position, the stance is judged from what it does (ANNOTATION.md §6), by
:func:`respassess.stance_conduct.read_conduct`: a refusal, a deferral or "considers it
implemented" is a position in other words and decides; otherwise the stance model weighs
the conduct evidence.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any, Sequence

from .stance_conduct import commitment_kind, read_conduct, refusal_sentence
from .stance_scope import about_other_recommendation, answer_scope, find_cross_reference
from .types import Action, Commitment, CommitmentStrength, Sentence, Span, Stance, StanceCall, TextField

__all__ = ["read_stance", "official_stance", "find_cross_reference", "explicit_position", "position_from_conduct",
           "answer_scope", "STANCE_CUES"]

# grouped, so that "\b{_NEG}\s+support" needs the verb after every form ("cannot" alone is no refusal)
# "MNZ does not, therefore, support this recommendation": a connective or "currently" may stand between
_NEG = (r"(?:(?:does|do|did|will|would|can|could)\s*(?:not|n[’']t)|cannot)"
        r"(?:\s*,\s*(?:therefore|however|thus|accordingly)\s*,|\s+(?:currently|presently))?")
#: (stance, pattern) in priority order; the first pattern that matches a sentence decides it.
STANCE_CUES: tuple[tuple[Stance, str], ...] = (
    # "Supported – in part", "Agreed (in part)": a label's qualifier may sit behind a dash or in brackets
    (Stance.PARTIALLY_ACCEPTED, r"\b(?:supports?|supported|agrees?|agreed|accepts?|accepted)"
                                r"(?:\s*[,–—-]\s*|\s*\(\s*|\s+)"
                                r"(?:(?:to\s+|with\s+)?(?:this|the)\s+recommendation\s+)?in\s+part\b"
                                r"|\b(?:partially|partly)\s+(?:supports?|supported|agrees?|agreed|accepts?|accepted)\b"
                                # "agrees with the first part", "The CAA accepts the first element of this recommendation"
                                r"|\b(?:supports?|supported|agrees?|agreed|accepts?|accepted)\s+(?:with\s+)?(?:the\s+)?"
                                r"(?:first|second|third|fourth|latter|former|final|last)\s+(?:part|half|element|limb|aspect|component)\b"
                                r"|\b(?:supports?|agrees?|accepts?)\s+(?:some|parts?)\s+of\b"
                                # "supports part (a) of the recommendation", "agrees with parts 1 and 3"
                                r"|\b(?:supports?|agrees?(?:\s+with)?|accepts?)\s+parts?\s+\(?[a-z0-9]{1,4}\)"
                                r"|\b(?:supports?|agrees?(?:\s+with)?|accepts?)\s+parts?\s+\d{1,2}\b"),
    (Stance.REJECTED, rf"\bnot\s+(?:supported|agreed|accepted)\b|\b{_NEG}\s+(?:support|agree|accept|endorse)\b"
                      # "The Maritime Safety Authority does not intend to implement this recommendation"
                      rf"|\b{_NEG}\s+(?:intend|plan|propose|wish)\s+to\s+(?:\w+ly\s+)?"
                      r"(?:implement|adopt|accept|support|pursue)\b"
                      r"|\b(?:has|have)\s+no\s+(?:intention|plans?)\s+(?:of|to)\s+(?:implement|adopt)\w*"
                      r"|\bdisagrees?\b|\brejects?\b|\b(?:is|are|was|were|been|be)\s+(?:\w+ly\s+)?rejected\b"
                      r"|\bdeclines?\s+(?:to|this)\b|\bis\s+not\s+in\s+a\s+position\s+to\s+(?:support|accept)"
                      # "it is not appropriate for him to accept the recommendation as worded", "unable to support"
                      r"|\b(?:not\s+(?:\w+ly\s+)?(?:appropriate|possible|able|feasible|practical|practicable)"
                      r"|unable)\s+(?:for\s+\w+\s+)?to\s+(?:support|accept|agree\s+(?:to|with)|endorse)\s+"
                      r"(?:this|the|these|both|all|your)\b"),
    (Stance.ACCEPTED_IN_PRINCIPLE, r"\bin[\s-]principle\b|\b(?:supports?|accepts?|endorses?)\s+the\s+(?:intent|intention|spirit|aim|"
                                   r"objective|principle|goal|purpose)s?\b"
                                   r"|\bagrees?\s+(?:with|to)\s+(?:the|its)\s+(?:intent|intention|spirit|aim|principle|"
                                   r"objective|goal|purpose)"
                                   # "notes this recommendation and agrees it is desirable to make such alarms mandatory":
                                   # the aim is agreed, the means are not yet taken on
                                   r"|\b(?:agrees?|accepts?)\s+(?:that\s+)?(?:it|this|such\s+\w+)\s+(?:is|would\s+be)\s+"
                                   r"(?:\w+ly\s+)?(?:desirable|worthwhile)\b"),
    (Stance.UNDER_CONSIDERATION, r"\bunder\s+(?:active\s+)?consideration\b|\b(?:is|are)\s+(?:currently\s+)?considering\b"
                                 r"|\bwill\s+(?:further\s+)?consider\s+(?:this|the)\s+recommendation\b"
                                 r"|\bconsidering\s+(?:this|the)\s+recommendation"
                                 # "is giving further consideration to this recommendation", "Deferred.", "will revisit"
                                 r"|\b(?:giving|give|given)\s+(?:further\s+|careful\s+|active\s+|detailed\s+|due\s+)?"
                                 r"consideration\s+to\s+(?:this|the|these)\b|(?:^|\b(?:is|are|been|be)\s+)deferred\b"
                                 r"|\bwill\s+revisit\s+(?:this|the)\s+recommendation"
                                 r"|\bwill\s+(?:further\s+)?consider\s+(?:it|them)\b"
                                 # "will respond to this recommendation once the review is complete"
                                 r"|\bwill\s+(?:respond\s+to|provide\s+(?:a|its)\s+(?:\w+\s+)?response\s+to)"
                                 r"\s+(?:this|the)\s+recommendations?\s+(?:\w+\s+)?(?:once|when|after|following)\b"
                                 # "is yet to finalise its position on this recommendation"
                                 r"|\byet\s+to\s+(?:finalise|finalize|decide|determine|settle|form|reach)\s+"
                                 r"(?:its|a|their|the)\s+(?:final\s+)?(?:position|view|response|decision)\b"),
    # "as noted in your report", "as you noted" report the coroner's words, not a position
    (Stance.NOTED, r"(?<!\bas\s)(?<!\byou\s)\b(?:notes|noted|takes\s+note|acknowledges|acknowledged)\b"
                   r"(?!\s+(?:that|the\s+importance|how|the\s+need|in\s+(?:your|the|this)|above|below|earlier|previously))"),
    (Stance.ACCEPTED, r"\b(?:agrees?|agreed|accepts?|accepted|supports?|supported|endorses?|endorsed|welcomes?)\b"
                      r"|\b(?:is|are)\s+(?:fully\s+|very\s+)?supportive\s+of\b"
                      r"|\bwill\s+implement\b|\b(?:is|are)\s+in\s+(?:full\s+)?agreement\s+with\b"
                      # "intends to adopt the Safety Recommendation", "All recommendations will be implemented"
                      r"|\b(?:will|intends?\s+to|plans?\s+to)\s+(?:\w+ly\s+)?(?:implement|adopt)\s+\[?(?:this|the|these|all|both)\s+"
                      r"(?:\w+\s+){0,2}\[?recommendations?\b|\brecommendations?\s+(?:is|are)\s+(?:fully\s+)?acceptable\b"
                      r"|\brecommendations?\s+(?:\S+\s+)?will\s+be\s+(?:\w+ly\s+)?(?:implemented|adopted)\b"
                      # "the Authority will be accepting the recommendations"
                      r"|\b(?:is|are|will\s+be)\s+(?:accepting|supporting|implementing)\s+(?:this|the|these|both|all)\b"),
)
_COMPILED = tuple((stance, re.compile(p, re.IGNORECASE)) for stance, p in STANCE_CUES)
# A cue word only states a position when it bears on the recommendation (or stands alone as a label).
_ABOUT_REC = re.compile(r"\b(?:this|the|these|both|all|committee[’']?s?|review[’']?s?|inquiry[’']?s?)\s+"
                        r"(?:\w+\s+){0,3}?(?:recommendations?|proposals?|findings?)\b|\brecommendation\s+\d"
                        # a letter's list of numbers opening the sentence: "Recommendations 013/13, 014/13 ... are
                        # accepted"
                        r"|^\W*recommendations\s+\d", re.IGNORECASE)
# A verdict standing alone on its line, in the past ("Supported") or present ("Agree", "Note") form.
_LABEL = re.compile(r"^\s*(?:(?:government\s+)?response\s*[:\-–]\s*)?"
                    r"(?P<label>(?:not\s+|partially\s+|partly\s+)?(?:supported|support|"
                    r"agreed|agree|accepted|accept|noted|note|rejected|disagreed|disagree)"
                    r"(?:\s+in[\s-]+(?:principle|part)|\s+with\s+(?:qualifications?|reservations?))?)\s*\.?\s*$", re.IGNORECASE)
# An infinitive of purpose before a cue word: "resourced to support", "needed to implement".
_PURPOSE = re.compile(r"\b(?:required|needed|necessary|in\s+order|designed|used|intended|resourced|funded|aim(?:s|ed)?|"
                      r"seeks?|help(?:s|ed)?|works?|working)\s+to\s*$", re.IGNORECASE)
#: sentences after which a cue no longer speaks for the whole response
_OPENING = 3
# One verdict for each part, set against each other: "supports a register but does not support annual
# reporting", "does not support a new register. However, it agrees to report annually".
# (support for the aim alone is acceptance in principle, ANNOTATION.md §1, not a part accepted)
_YES = re.compile(r"\b(?:supports?|agrees?|accepts?)\b"
                  r"(?!\s+(?:with\s+|to\s+)?(?:the|its)\s+(?:intent|intention|spirit|aim|objective|principle)s?\b)",
                  re.IGNORECASE)
_NO = re.compile(rf"\b{_NEG}\s+(?:support|agree|accept)\b|\bnot\s+(?:supported|agreed|accepted)\b", re.IGNORECASE)
_CONTRAST = re.compile(r"\b(?:but|however|whereas|while|although)\b", re.IGNORECASE)
# "does not support this recommendation" declines the whole, whatever else is supported
_WHOLE = re.compile(r"\s*(?:with\s+|to\s+)?(?:this|the|these|all|both)\s+(?:\w+\s+){0,2}?recommendations?\b",
                    re.IGNORECASE)


@lru_cache(maxsize=1)
def _label_tables() -> dict[str, dict[str, str | None]]:
    data = json.loads(resources.files("respassess").joinpath("data/official_labels.json").read_text("utf-8"))
    # keys folded as labels are ("closed - acceptable" is looked up as "closed acceptable")
    return {name: {_fold(k): v for k, v in table.items()} for name, table in data["schemes"].items()}


def _fold(label: str) -> str:
    # "Supported in-principle", "Agreed, in principle", "Supported – in principle", "Agreed (in principle)" and
    # "Supported in principle" are one label
    return re.sub(r"\s+[–—-]\s+|[\s.:,()]+|(?<=[a-z])-(?=[a-z])", " ", label.strip().lower()).strip()


def official_stance(label: str | None) -> Stance | None:
    """Map an official label of any known scheme to the canonical stance.

    Returns ``None`` for no label, for tracker statuses that state no position ("Open",
    "Closed acceptable") and for labels no table knows.
    """
    if not label:
        return None
    key = _fold(label)
    for table in _label_tables().values():
        if key in table:
            value = table[key]
            return Stance(value) if value else None
    # a verdict sentence a document gives as the status ("The Australian Government supports these
    # recommendations in principle"): the first cue that states a position on the recommendation
    if len(label.split()) <= 25 and _ABOUT_REC.search(label):
        return next((stance for stance, pattern in _COMPILED if pattern.search(label)), None)
    return None


def read_stance(sentences: Sequence[Sentence], *, official_status: str | None = None,
                commitments: Sequence[Commitment] = (), actions: Sequence[Action] = (),
                response: str = "", model: Any = None, rec_number: str | None = None) -> StanceCall:
    """Read the stance from the response sentences.

    Args:
        sentences: the response's sentences (offsets into ``response``).
        official_status: the official label, kept and mapped for comparison.
        commitments: extracted commitments, for responses that state no position.
        actions: extracted completed/ongoing actions, likewise.
        response: the full response text (for cross-references).
        model: the stance model (:class:`~respassess.stance_model.StanceModel`) that decides replies
            with no explicit position; ``None`` loads ``models/stance_model.json`` once per process,
            ``False`` uses the rules alone.
        rec_number: the record's recommendation number, so that a letter's position on other numbers
            ("Recommendation 017/13 ... is noted") is not read as this record's.

    Returns:
        A :class:`StanceCall` with the cue sentence as evidence and a confidence in [0, 1].
    """
    official = official_stance(official_status)
    text = response or " ".join(s.text for s in sentences)
    text, sentences = answer_scope(text, sentences)
    commitments = [c for c in commitments if c.start < len(text)]
    actions = [a for a in actions if a.start < len(text)]
    xref = find_cross_reference(text) if text else None
    hits = _hits(sentences, rec_number)
    best = max(hits, key=lambda h: (h[0], -h[2].index), default=None)
    if model is None:
        from .stance_model import load_stance_model

        model = load_stance_model()
    threshold = model.explicit_threshold if model else 0.5
    if best is not None and best[0] >= threshold:
        weight, stance, sent = best
        stance, sent = _refine(stance, sent, hits, sentences, text, commitments, actions)
        return StanceCall(stance=stance, confidence=round(weight, 4),
                          evidence=Span(sent.text, sent.start, sent.end, TextField.RESPONSE),
                          official_status=official_status, official_stance=official, cross_reference=xref)
    conduct = read_conduct(text, sentences, commitments, actions, official=official, cross_reference=xref)
    stance, confidence, sent = conduct.stance, conduct.confidence, conduct.evidence
    if model and not conduct.decisive:
        # No position in words: what the reply does decides (ANNOTATION.md §6), learned from gold and
        # official categories rather than hand-tuned cue order. A refusal, a deferral or "considers it
        # implemented" is a position in other words and stays with the rules.
        learned, probability = model.predict_reply(sentences, commitments=commitments, actions=actions,
                                                   response=text, official=official)
        if learned is not stance:
            sent = None
        stance, confidence = learned, round(min(probability, 0.9), 4)
    evidence = Span(sent.text, sent.start, sent.end, TextField.RESPONSE) if sent is not None else None
    return StanceCall(stance=stance, confidence=confidence, evidence=evidence, official_status=official_status,
                      official_stance=official, cross_reference=xref)


def _hits(sentences: Sequence[Sentence], rec_number: str | None = None) -> list[tuple[float, Stance, Sentence]]:
    hits: list[tuple[float, Stance, Sentence]] = []
    for sent in sentences:
        stance = _sentence_stance(sent.text)
        if stance is not None and not about_other_recommendation(sent.text, rec_number):
            hits.append((_cue_weight(sent), stance, sent))
    return hits


def explicit_position(sentences: Sequence[Sentence], *, rec_number: str | None = None
                      ) -> tuple[float, Stance, Sentence] | None:
    """The strongest position cue of a reply, before refinement, or ``None`` when it has none.

    Args:
        sentences: the reply's sentences.
        rec_number: the record's recommendation number: a cue on other numbers only is not its position.

    Returns:
        ``(weight, stance, sentence)``: weight 1.0 for a label line ("Response: Noted"),
        about 0.95 for a verdict on "this recommendation" in the opening sentences, less
        deeper in the text or when the cue may not bear on the recommendation.
    """
    return max(_hits(sentences, rec_number), key=lambda h: (h[0], -h[2].index), default=None)


def position_from_conduct(response: str, sentences: Sequence[Sentence], commitments: Sequence[Commitment] = (),
                          actions: Sequence[Action] = ()) -> tuple[Stance, float, Sentence | None]:
    """The rules' reading of a reply that states no position, ignoring any official label.

    Args:
        response: the reply text.
        sentences: its sentences.
        commitments: its extracted commitments.
        actions: its extracted actions.

    Returns:
        ``(stance, confidence, evidence sentence or None)``; :func:`respassess.stance_conduct.read_conduct`
        gives the branch that decided as well.
    """
    response, sentences = answer_scope(response, sentences)
    commitments = [c for c in commitments if c.start < len(response)]
    actions = [a for a in actions if a.start < len(response)]
    xref = find_cross_reference(response) if response else None
    conduct = read_conduct(response, sentences, commitments, actions, cross_reference=xref)
    return conduct.stance, conduct.confidence, conduct.evidence


# "prepared to accept the recommendation but with a caveat", "accepts ... subject to ..."
_CAVEAT = re.compile(r"\bbut\s+with\s+(?:a\s+)?(?:caveats?|reservations?|qualifications?)\b|\bsubject\s+to\b"
                     r"|\bwith\s+(?:a\s+|the\s+following\s+)?(?:caveats?|reservations?)\b", re.IGNORECASE)
# "can only accept this recommendation for level crossings on state highways"
_ONLY_PART = re.compile(r"\bonly\s+(?:accept|support|agree|implement)s?\b|\b(?:accept|support|agree)s?\s+(?:this\s+)?"
                        r"(?:recommendation\s+)?only\s+(?:for|in|to|where)\b", re.IGNORECASE)
# Support whose delivery waits on money or further scoping accepts the aim, not (yet) the means.
_CONTINGENT = re.compile(r"\b(?:significant|substantial|major)\s+(?:funding|financial|cost|resource)\s+implications\b"
                         r"|\bfurther\s+(?:scoping|costing|feasibility\s+work)\s+(?:needs|is\s+needed|is\s+required|will\s+be\s+needed)\b"
                         r"|\b(?:subject|contingent|dependent)\s+(?:up)?on\s+(?:\w+\s+){0,2}(?:funding|budget|spending\s+review|"
                         r"resourc\w*|cabinet)\b"
                         # the means need a change in the law that another body makes
                         r"|\b(?:changes?|amendments?)\s+to\s+(?:the\s+)?(?:[\w()]+\s+){0,5}?(?:Act|legislation|law|regulations)\b"
                         r"(?:\s+\S+){0,6}?\s+(?:would|will)\s+(?:be\s+)?(?:required|needed|necessary)\b", re.IGNORECASE)
#: sentences after an acceptance in which a funding or scoping condition still qualifies it
_CONTINGENT_REACH = 2


def _refine(stance: Stance, sent: Sentence, hits: Sequence[tuple[float, Stance, Sentence]],
            sentences: Sequence[Sentence], text: str, commitments: Sequence[Commitment],
            actions: Sequence[Action]) -> tuple[Stance, Sentence]:
    """Adjust the strongest cue by what the rest of the response says about it.

    A label line ("Response: Supported in principle") is the responder's own verdict and is
    only refined within its own words; a verdict sentence is also read against what
    follows it.
    """
    label = bool(_label_line(sent.text))
    after = next((s for s in sentences if s.index == sent.index + 1), None)
    if not label and stance in (Stance.ACCEPTED, Stance.REJECTED) and after is not None \
            and _split_verdict(sent.text, after.text):
        return Stance.PARTIALLY_ACCEPTED, sent
    if stance is Stance.NOTED:
        # "The Government notes this recommendation. The Government supports the intent ...": the
        # second sentence states the position the label line leaves open.
        later = [h for h in hits if h[1] not in (Stance.NOTED, Stance.UNCLEAR) and h[2].index <= sent.index + 2
                 and h[2].index > sent.index and _ABOUT_REC.search(h[2].text)]
        if later:
            return later[0][1], later[0][2]
        # "Response: Noted. ... does not extend to the remit, capacity or expertise to deliver": the text
        # declines what the label only notes (judge from the text, ANNOTATION.md §1)
        refusal = refusal_sentence([s for s in sentences if s.index > sent.index], commitments)
        if refusal is not None:
            return Stance.REJECTED, refusal
    if stance is Stance.ACCEPTED:
        if _CAVEAT.search(sent.text):
            return Stance.ACCEPTED_IN_PRINCIPLE, sent
        if _ONLY_PART.search(text):
            return Stance.PARTIALLY_ACCEPTED, sent
        if not label and any(_CONTINGENT.search(s.text) for s in sentences
                              if sent.index <= s.index <= sent.index + _CONTINGENT_REACH):
            return Stance.ACCEPTED_IN_PRINCIPLE, sent
    if stance is Stance.ACCEPTED_IN_PRINCIPLE and not label and _commits_to_means(sent, commitments):
        # "agrees with the intent of this recommendation and will take the following actions": the
        # means are taken on in the same breath, so the aim is not all that is accepted.
        return Stance.ACCEPTED, sent
    if stance is Stance.REJECTED and not label and not _ABOUT_REC.search(sent.text) \
            and (commitments or actions) and sent.index > 0:
        # "do not support mandating how systems review the estate" declines a means, not the aim
        return Stance.PARTIALLY_ACCEPTED, sent
    return stance, sent


def _split_verdict(first: str, second: str | None = None) -> bool:
    """Whether a sentence (or a sentence and the next, opening with "However") accepts one part and declines another."""
    if second is not None:
        if not re.match(r"\s*(?:however|but)\b", second, re.IGNORECASE):
            return False
        if any(_WHOLE.match(t[m.end():]) for t in (first, second) for m in _NO.finditer(t)):
            return False
        yes_first = bool(_YES.search(_NO.sub(" ", first)))
        return (bool(_NO.search(first)) and not yes_first and bool(_YES.search(_NO.sub(" ", second)))) or \
               (yes_first and not _NO.search(first) and bool(_NO.search(second)))
    no = _NO.search(first)
    if no is None or _WHOLE.match(first[no.end():]):
        return False
    yes = [m for m in _YES.finditer(first) if not (no.start() <= m.start() < no.end())]
    # the two verdicts must be set against each other, not one inside the other's object
    return any(_CONTRAST.search(first[min(m.end(), no.end()):max(m.start(), no.start())]) for m in yes)


def _commits_to_means(sent: Sentence, commitments: Sequence[Commitment]) -> bool:
    """Whether the sentence itself carries a firm, unconditional commitment to a concrete step."""
    return any(sent.start <= c.start < sent.end and c.strength is CommitmentStrength.FIRM and not c.conditional
               and commitment_kind(c) == "action" for c in commitments)


def _label_line(text: str) -> re.Match | None:
    """The verdict label a sentence opens with on a line of its own ("Noted" then a line break).

    The parser often runs a one-word label line into the next sentence; the line break still
    marks it as the responder's verdict.
    """
    return _LABEL.match(text) or _LABEL.match(text.split("\n", 1)[0])


def _sentence_stance(text: str) -> Stance | None:
    label = _label_line(text)
    if label:
        return official_stance(label.group("label")) or Stance.UNCLEAR
    if _split_verdict(text):
        return Stance.PARTIALLY_ACCEPTED
    for stance, pattern in _COMPILED:
        m = pattern.search(text)
        if not m:
            continue
        if stance is Stance.ACCEPTED and not _ABOUT_REC.search(text) and m.start() > 60:
            # "supports the work of ..." deep in a sentence is not a position on the recommendation
            continue
        if stance is Stance.ACCEPTED and _PURPOSE.search(text[:m.start()]):
            # "changes to the Act would be required to support any measures": a purpose, not a position
            continue
        return stance
    return None


def _cue_weight(sent: Sentence) -> float:
    """How much a cue in this sentence speaks for the whole response."""
    if _label_line(sent.text):
        return 1.0
    about = bool(_ABOUT_REC.search(sent.text))
    if sent.index < _OPENING:
        return 0.95 if about else 0.8 - 0.1 * sent.index
    return 0.75 if about else 0.4

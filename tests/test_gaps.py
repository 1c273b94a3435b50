"""Gap flags (ANNOTATION.md §5): each with evidence whose offsets index its source, and a pasteable message."""

from respassess.gaps import find_gaps
from respassess.types import (Ask, AskCoverage, AskLabel, Commitment, CommitmentStrength, GapKind, Sentence, Stance,
                              StanceCall)

REC = "The Department should develop a new fully costed plan alongside metrics to measure outcomes."
RESPONSE = ("The government agrees with the Committee’s recommendation. "
            "The government intends to set out plans for reforming the SEND system in further detail later this year.")


def _sentences(text):
    out, pos = [], 0
    for i, part in enumerate(text.split(". ")):
        part = part if part.endswith(".") else part + ("." if pos + len(part) < len(text) else "")
        start = text.index(part, pos)
        out.append(Sentence(i, part, start, start + len(part)))
        pos = start + len(part)
    return tuple(out)


def _ask(text, label):
    start = REC.index(text)
    return AskCoverage(ask=Ask(0, text, start, start + len(text)), label=label, score=label.score, confidence=0.6)


def test_seed_like_response_raises_the_clerks_flags():
    sents = _sentences(RESPONSE)
    start = RESPONSE.index("The government intends")
    commitment = Commitment(text=RESPONSE[start:], start=start, end=len(RESPONSE), actor="The government",
                            strength=CommitmentStrength.QUALIFIED, sentence_index=1, deadline="later this year")
    asks = (_ask("plan", AskLabel.PARTIAL), _ask("fully costed", AskLabel.UNADDRESSED),
            _ask("metrics to measure outcomes", AskLabel.UNADDRESSED))
    stance = StanceCall(Stance.ACCEPTED, 0.95)
    gaps = find_gaps(stance, asks, sents, recommendation=REC, response=RESPONSE, commitments=(commitment,))
    kinds = {g.kind for g in gaps}
    assert {GapKind.PLAN_PENDING, GapKind.NO_FUNDING, GapKind.NO_METRICS, GapKind.UNADDRESSED_CLAUSE} <= kinds
    pending = next(g for g in gaps if g.kind is GapKind.PLAN_PENDING)
    assert pending.message.startswith("Costed plan still pending") and "later this year" in pending.message
    for g in gaps:
        assert g.message and g.message[0].isupper()
        for e in g.evidence:
            source = RESPONSE if e.field.value == "response" else REC
            assert source[e.start:e.end] == e.text


def test_bare_acceptance_is_flagged():
    text = "Supported."
    stance = StanceCall(Stance.ACCEPTED, 1.0)
    gaps = find_gaps(stance, (_ask("plan", AskLabel.UNADDRESSED),), _sentences(text), recommendation=REC,
                     response=text)
    assert GapKind.ACCEPTANCE_WITHOUT_ACTION in {g.kind for g in gaps}


def test_rejection_is_flagged_with_its_sentence():
    text = "The Government does not support this recommendation."
    sents = _sentences(text)
    from respassess.types import Span, TextField
    stance = StanceCall(Stance.REJECTED, 0.95, evidence=Span(sents[0].text, sents[0].start, sents[0].end,
                                                            TextField.RESPONSE))
    gaps = find_gaps(stance, (_ask("plan", AskLabel.REJECTED),), sents, recommendation=REC, response=text)
    gap = next(g for g in gaps if g.kind is GapKind.REJECTED)
    assert gap.evidence[0].text == text and gap.message.startswith("Rejected")

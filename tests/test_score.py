"""Ask labels from evidence: rules, required properties, and the optional model hook."""

import pytest

from respassess.score import (DEFERRAL_RE, REJECTION_RE, evidence_for_asks, label_asks, property_only,
                              required_property, restates)
from respassess.types import (Action, ActionStatus, Alignment, Ask, AskLabel, Commitment, CommitmentStrength, Sentence,
                              Stance)

RESPONSE = ("The government agrees with the Committee’s recommendation. "
            "The government intends to set out plans for reforming the SEND system in further detail later this year.")
S1, S2 = RESPONSE.split(". ", 1)
SENTENCES = (Sentence(0, S1 + ".", 0, len(S1) + 1), Sentence(1, S2, len(S1) + 2, len(RESPONSE)))
ASKS = (Ask(0, "plan for improving the SEN system", 0, 33), Ask(1, "fully costed", 40, 52))
START = RESPONSE.index("intends")
COMMITMENT = Commitment(text=RESPONSE[START:], start=START, end=len(RESPONSE), actor="The government",
                        strength=CommitmentStrength.QUALIFIED, sentence_index=1, deadline="later this year")


@pytest.mark.parametrize("ask,prop", [
    ("develop a new fully costed plan", "costed"),
    ("metrics to measure outcomes", "metrics"),
    ("a clear timeline for implementation", "timeline"),
    ("review its membership and skillset", None),
])
def test_required_property(ask, prop):
    assert required_property(ask) == prop


def test_deferral_and_rejection_cues():
    assert DEFERRAL_RE.search(S2)
    assert REJECTION_RE.search("DHSC and NHS England do not support mandating how systems review the estate.")
    assert not REJECTION_RE.search(S1)


def test_rules_label_the_seed_asks():
    evidence = evidence_for_asks(ASKS, (Alignment(0, 1, 0.62),), SENTENCES, commitments=(COMMITMENT,))
    plan, costed = label_asks(evidence, stance=Stance.ACCEPTED)
    assert plan.label is AskLabel.PARTIAL and plan.evidence == (SENTENCES[1],)
    assert costed.label is AskLabel.UNADDRESSED and costed.evidence == () and costed.score == 0.0


def test_evidence_carries_the_whole_response():
    evs = evidence_for_asks(ASKS, (Alignment(0, 1, 0.62),), SENTENCES, commitments=(COMMITMENT,))
    assert evs[1].sentences == () and evs[1].response_commitments == (COMMITMENT,)
    assert evs[0].n_asks == 2 and evs[0].response_sentences == 2 and evs[0].response_deferred


class _Always:
    def __init__(self, label):
        self.label = label

    def score_evidence(self, ev, stance, *, exclude=None):
        label = AskLabel.PARTIAL if exclude is self.label else self.label  # the runner-up when ruled out
        score = label.score
        return label, 0.9, score, (float(score == 0.0), float(score == 0.5), float(score == 1.0))


FIRM = Commitment(text=COMMITMENT.text, start=START, end=len(RESPONSE), actor="The government",
                  strength=CommitmentStrength.FIRM, sentence_index=1, deadline="later this year")


def test_model_decides_when_given():
    asks = (ASKS[0], Ask(1, "report annually to the Committee", 40, 72))
    evidence = evidence_for_asks(asks, (Alignment(0, 1, 0.62), Alignment(1, 1, 0.4)), SENTENCES, commitments=(FIRM,))
    out = label_asks(evidence, stance=Stance.ACCEPTED, model=_Always(AskLabel.ADDRESSED))
    assert all(a.label is AskLabel.ADDRESSED and a.confidence == 0.9 for a in out)
    assert out[0].reason.startswith("model")


def test_addressed_needs_something_done_or_firmly_promised():
    # §2: "intends to set out plans later this year" is a qualified promise, so partial whatever the model says
    evidence = evidence_for_asks(ASKS[:1], (Alignment(0, 1, 0.62),), SENTENCES, commitments=(COMMITMENT,))
    (ask,) = label_asks(evidence, stance=Stance.ACCEPTED, model=_Always(AskLabel.ADDRESSED))
    assert ask.label is AskLabel.PARTIAL and ask.evidence == (SENTENCES[1],)
    # the same sentence reporting the work done keeps the model's call
    done = Action(text=RESPONSE[START:], start=START, end=len(RESPONSE), actor="The government",
                  status=ActionStatus.COMPLETED, sentence_index=1)
    evidence = evidence_for_asks(ASKS[:1], (Alignment(0, 1, 0.62),), SENTENCES, actions=(done,))
    (ask,) = label_asks(evidence, stance=Stance.ACCEPTED, model=_Always(AskLabel.ADDRESSED))
    assert ask.label is AskLabel.ADDRESSED


@pytest.mark.parametrize("ask,prop", [
    ("fully costed", "costed"),
    ("be fully funded", "costed"),
    ("metrics to measure outcomes", "metrics"),
    ("clear interdependencies", "interdependencies"),
    ("clear timescales for implementation", "timeline"),
    ("milestones", "timeline"),
    ("develop a new fully costed plan", None),  # a deliverable with a property, not the property alone
    ("with concrete actions", None),
    ("measures to protect children", None),
    # a deadline split off as an ask (real asks of au-otd1140-rec1 and rec7)
    ("Within 18 months from the date of the Committee’s report", "timeline"),
    ("within 18 months of this report", "timeline"),
    ("within the department", None),
    ("within 12 months, publish a plan", None),
])
def test_property_only(ask, prop):
    assert property_only(ask) == prop


def test_a_property_the_response_never_supplies_is_unaddressed_whatever_the_model_says():
    # the seed: "fully costed" gets nothing; the model has seen almost no such asks (ANNOTATION.md §2)
    evidence = evidence_for_asks(ASKS, (Alignment(0, 1, 0.62), Alignment(1, 1, 0.3)), SENTENCES,
                                 commitments=(COMMITMENT,))
    plan, costed = label_asks(evidence, stance=Stance.ACCEPTED, model=_Always(AskLabel.PARTIAL))
    assert plan.label is AskLabel.PARTIAL and plan.reason.startswith("model")
    assert costed.label is AskLabel.UNADDRESSED and costed.evidence == () and "nowhere supplies" in costed.reason


def test_a_supplied_property_or_a_rejection_leaves_the_property_ask_to_the_model():
    costed_text = RESPONSE + " The plan is costed at £40 million."
    sentences = SENTENCES + (Sentence(2, "The plan is costed at £40 million.", len(RESPONSE) + 1, len(costed_text)),)
    evidence = evidence_for_asks(ASKS, (Alignment(1, 2, 0.4),), sentences, commitments=(COMMITMENT,))
    assert not evidence[1].property_missing
    assert label_asks(evidence, stance=Stance.ACCEPTED, model=_Always(AskLabel.ADDRESSED))[1].label is AskLabel.ADDRESSED
    bare = evidence_for_asks(ASKS, (), SENTENCES)
    assert bare[1].property_missing
    assert label_asks(bare, stance=Stance.REJECTED, model=_Always(AskLabel.REJECTED))[1].label is AskLabel.REJECTED


def test_shown_evidence_is_the_evidence_models_pick_and_features_stay_the_rules():
    evidence = evidence_for_asks(ASKS, (Alignment(0, 1, 0.62),), SENTENCES, commitments=(COMMITMENT,),
                                 shown=(Alignment(0, 0, 0.3), Alignment(0, 1, 0.62)))
    # the label's features come from the rule's pick: the commitment in sentence 1 only
    assert evidence[0].sentences == (SENTENCES[1],) and evidence[0].commitments == (COMMITMENT,)
    assert evidence[0].shown == SENTENCES and evidence[1].shown is None
    plan, costed = label_asks(evidence, stance=Stance.ACCEPTED, model=_Always(AskLabel.PARTIAL))
    assert plan.evidence == SENTENCES
    assert costed.evidence == ()  # the model picked nothing and the rule nothing: no evidence to show


def test_unaddressed_ask_shows_no_evidence_even_when_the_evidence_model_picked_some():
    evidence = evidence_for_asks(ASKS, (), SENTENCES, shown=(Alignment(1, 0, 0.2),))
    _, costed = label_asks(evidence, stance=Stance.ACCEPTED, model=_Always(AskLabel.UNADDRESSED))
    assert costed.label is AskLabel.UNADDRESSED and costed.evidence == ()


def test_an_answer_to_the_whole_recommendation_leaves_no_ask_with_nothing():
    # "will progress this recommendation through appropriate legislative action" speaks to every ask (§2)
    asks = (ASKS[0], Ask(1, "report annually to the Committee", 40, 72))
    evidence = evidence_for_asks(asks, (), SENTENCES, commitments=(COMMITMENT,), whole_answers=(1,))
    assert all(ev.answered_whole for ev in evidence)
    out = label_asks(evidence, stance=Stance.ACCEPTED, model=_Always(AskLabel.UNADDRESSED))
    assert [a.label for a in out] == [AskLabel.PARTIAL, AskLabel.PARTIAL]
    assert out[0].reason == "the response answers the recommendation as a whole" and out[0].score_distribution == (0, 1, 0)
    # a declining reply, or a property nobody supplies, keeps the model's or the rule's call
    assert label_asks(evidence, stance=Stance.REJECTED, model=_Always(AskLabel.UNADDRESSED))[0].label is AskLabel.UNADDRESSED
    costed = label_asks(evidence_for_asks(ASKS, (), SENTENCES, whole_answers=(1,)), stance=Stance.ACCEPTED)[1]
    assert costed.label is AskLabel.UNADDRESSED
    assert not any(ev.answered_whole for ev in evidence_for_asks(asks, (), SENTENCES))


def test_a_reply_that_takes_the_recommendation_on_and_undertakes_something_answers_some_ask():
    # au-otd1140-rec13: "accepts in principle ... will propose legislative reforms" names no ask's terms
    asks = (ASKS[0], Ask(1, "report annually to the Committee", 40, 72))
    evidence = evidence_for_asks(asks, (), SENTENCES, commitments=(COMMITMENT,), undertakings=(1,))
    out = label_asks(evidence, stance=Stance.ACCEPTED_IN_PRINCIPLE, model=_Always(AskLabel.UNADDRESSED))
    assert [a.label for a in out] == [AskLabel.PARTIAL, AskLabel.PARTIAL]
    assert out[0].evidence == (SENTENCES[1],) and out[0].reason.startswith("the response undertakes")
    # not when one ask is answered already, when the reply only notes or declines, or without an undertaking
    mixed = label_asks(evidence, stance=Stance.ACCEPTED, model=_Sequence([AskLabel.ADDRESSED, AskLabel.UNADDRESSED]))
    assert mixed[1].label is AskLabel.UNADDRESSED
    for stance in (Stance.NOTED, Stance.REJECTED):
        assert label_asks(evidence, stance=stance, model=_Always(AskLabel.UNADDRESSED))[0].label is AskLabel.UNADDRESSED
    bare = evidence_for_asks(asks, (), SENTENCES, commitments=(COMMITMENT,))
    assert label_asks(bare, stance=Stance.ACCEPTED, model=_Always(AskLabel.UNADDRESSED))[0].label is AskLabel.UNADDRESSED


class _Sequence:
    def __init__(self, labels):
        self.labels = iter(labels)

    def score_evidence(self, ev, stance):
        label = next(self.labels)
        score = label.score
        return label, 0.9, score, (float(score == 0.0), float(score == 0.5), float(score == 1.0))


def test_a_bare_position_leaves_every_ask_unaddressed_whatever_the_model_says():
    # ANNOTATION.md §2: a bare "Supported" answers no ask, even one whose words it shares
    text = "The Government supports this recommendation."
    sentences = (Sentence(0, text, 0, len(text)),)
    asks = (Ask(0, "support the sector", 0, 18), Ask(1, "with adequate funding", 20, 41))
    evidence = evidence_for_asks(asks, (Alignment(0, 0, 0.7), Alignment(1, 0, 0.5)), sentences)
    out = label_asks(evidence, stance=Stance.ACCEPTED, model=_Always(AskLabel.PARTIAL))
    assert all(a.label is AskLabel.UNADDRESSED and a.evidence == () for a in out)
    # a refusal still declines them, and a reply that says more is left to the model
    assert all(a.label is AskLabel.REJECTED for a in label_asks(evidence, stance=Stance.REJECTED,
                                                                 model=_Always(AskLabel.REJECTED)))
    longer = text + " It has funded the sector's peak body since 2021 and will expand its programs."
    evidence = evidence_for_asks(asks, (Alignment(0, 0, 0.7),), (Sentence(0, longer, 0, len(longer)),))
    assert label_asks(evidence, stance=Stance.ACCEPTED, model=_Always(AskLabel.PARTIAL))[0].label is AskLabel.PARTIAL


@pytest.mark.parametrize("stance,text,declined", [
    # nothing in the reply declines anything: the model's "rejected" cannot stand (ANNOTATION.md §2)
    (Stance.NOTED, "In the 2023-24 Budget, the Government provided $89.9 million to the AFP.", False),
    (Stance.ACCEPTED, "The Government supports this and has funded the AFP.", False),
    # a refusal word, or a refusing stance, lets it stand
    (Stance.NOTED, "The Government does not support additional funding for the AFP beyond the amounts already "
                   "provided in the Budget.", True),
    (Stance.PARTIALLY_ACCEPTED, "The Government considers the funding it already provides to the AFP for cybercrime "
                                "adequate.", True),
])
def test_an_ask_is_rejected_only_where_the_reply_declines_something(stance, text, declined):
    sentences = (Sentence(0, text, 0, len(text)),)
    asks = (Ask(0, "provide additional funding to the AFP", 0, 37),)
    evidence = evidence_for_asks(asks, (Alignment(0, 0, 0.6),), sentences)
    (out,) = label_asks(evidence, stance=stance, model=_Always(AskLabel.REJECTED))
    assert (out.label is AskLabel.REJECTED) is declined


def test_a_reply_of_the_recommendation_restated_and_a_position_is_bare():
    # invented, in the TAIC register's style since 2023 (ANNOTATION.md §2: a bare position leaves asks unaddressed)
    rec = "On 27 September 2023, the Commission recommended that KiwiRail adequately address the risk posed."
    first = "031/23: The Commission recommended that KiwiRail adequately address the risk posed."
    text = first + " This recommendation is under consideration."
    sentences = (Sentence(0, first, 0, len(first)), Sentence(1, text[len(first) + 1:], len(first) + 1, len(text)))
    assert restates(sentences[0].text, rec) and not restates(sentences[1].text, rec)
    start = rec.index("adequately address the risk posed")
    asks = (Ask(0, "adequately address the risk posed", start, start + 33),)
    evidence = evidence_for_asks(asks, (Alignment(0, 0, 0.9),), sentences, restated=(0,))
    (ask,) = label_asks(evidence, stance=Stance.UNDER_CONSIDERATION, model=_Always(AskLabel.PARTIAL))
    assert ask.label is AskLabel.UNADDRESSED
    # the same restatement beside a reply of its own is no bare position
    more = text + " KiwiRail will install additional warning signs at every crossing by June 2024."
    sentences += (Sentence(2, more[len(text) + 1:], len(text) + 1, len(more)),)
    evidence = evidence_for_asks(asks, (Alignment(0, 0, 0.9),), sentences, restated=(0,))
    (ask,) = label_asks(evidence, stance=Stance.UNDER_CONSIDERATION, model=_Always(AskLabel.PARTIAL))
    assert ask.label is AskLabel.PARTIAL

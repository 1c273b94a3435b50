"""Gap flags (ANNOTATION.md §5): each with evidence whose offsets index its source, and a pasteable message."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from respassess.gaps import find_gaps, gap_summary
from respassess.types import (
    Action,
    ActionStatus,
    Ask,
    AskCoverage,
    AskLabel,
    Commitment,
    CommitmentStrength,
    DateGranularity,
    DateMention,
    DateRole,
    GapKind,
    MoneyAmount,
    Sentence,
    Span,
    Stance,
    StanceCall,
    TextField,
)
from tests.conftest import load_jsonl, shared_path

REC = "The Department should develop a new fully costed plan alongside metrics to measure outcomes."
RESPONSE = ("The government agrees with the Committee’s recommendation. "
            "The government intends to set out plans for reforming the SEND system in further detail later this year.")


def _sentences(text):
    """Split on sentence ends and blank lines, keeping offsets (the real splitter is spaCy's)."""
    return tuple(Sentence(i, m.group(0), m.start(), m.end())
                 for i, m in enumerate(re.finditer(r"[^\n.!?]+(?:[.!?]+|$)", text)) if m.group(0).strip())


def _ask(text, label, rec=REC):
    start = rec.index(text)
    return AskCoverage(ask=Ask(0, text, start, start + len(text)), label=label, score=label.score, confidence=0.6)


def _commit(response, text, strength=CommitmentStrength.FIRM, actor="The Government", deadline=None,
            conditional=False):
    start = response.index(text)
    return Commitment(text=text, start=start, end=start + len(text), actor=actor, strength=strength,
                      sentence_index=0, deadline=deadline, conditional=conditional)


def _action(response, text, status=ActionStatus.COMPLETED):
    start = response.index(text)
    return Action(text=text, start=start, end=start + len(text), actor=None, status=status, sentence_index=0)


def _date(response, text, *, vague=False, value=None, role=DateRole.DEADLINE):
    start = response.index(text)
    return DateMention(text=text, start=start, end=start + len(text), value=value,
                       granularity=DateGranularity.VAGUE if vague else DateGranularity.YEAR, role=role, vague=vague)


def _stance(stance, response, evidence=None, **kw):
    span = None
    if evidence:
        start = response.index(evidence)
        span = Span(evidence, start, start + len(evidence), TextField.RESPONSE)
    return StanceCall(stance, 0.9, evidence=span, **kw)


def _gaps(stance, asks, response, rec=REC, **findings):
    return find_gaps(stance, asks, _sentences(response), recommendation=rec, response=response, **findings)


def _kinds(gaps):
    return {g.kind for g in gaps}


def _check_evidence(gaps, response, rec):
    for g in gaps:
        assert g.message and g.message[0].isupper() and g.message.endswith(".")
        for e in g.evidence:
            source = response if e.field is TextField.RESPONSE else rec
            assert source[e.start:e.end] == e.text


def test_seed_like_response_raises_the_clerks_flags():
    commitment = _commit(RESPONSE, RESPONSE[RESPONSE.index("The government intends"):].rstrip("."),
                         CommitmentStrength.QUALIFIED, deadline="later this year")
    asks = (_ask("plan", AskLabel.PARTIAL), _ask("fully costed", AskLabel.UNADDRESSED),
            _ask("metrics to measure outcomes", AskLabel.UNADDRESSED))
    gaps = _gaps(_stance(Stance.ACCEPTED, RESPONSE, "The government agrees"), asks, RESPONSE,
                 commitments=(commitment,), dates=(_date(RESPONSE, "later this year", vague=True),))
    kinds = _kinds(gaps)
    assert {GapKind.PLAN_PENDING, GapKind.NO_FUNDING, GapKind.NO_METRICS, GapKind.UNADDRESSED_CLAUSE,
            GapKind.VAGUE_TIMELINE} <= kinds
    # the only timing is vague, so the timeline is vague rather than missing; the government's own
    # intention is not a hand-off and not existing activity
    assert not kinds & {GapKind.NO_TIMELINE, GapKind.DEFLECTED, GapKind.EXISTING_ACTIVITY_ONLY,
                        GapKind.ACCEPTANCE_WITHOUT_ACTION}
    pending = next(g for g in gaps if g.kind is GapKind.PLAN_PENDING)
    assert pending.message.startswith("Costed plan still pending") and "later this year" in pending.message
    assert "set out plans" in pending.evidence[0].text
    _check_evidence(gaps, RESPONSE, REC)


# Real AU responses (au_dev.jsonl): undated legislation, continued briefings, a bare cross-reference.
LEGISLATION_REC = ("The Committee recommends that section 180 of the Telecommunications (Interception and "
                   "Access) Act 1979 be amended to specify when a revocation of an authorisation takes effect.")
LEGISLATION = ("The Government accepts this recommendation.\n"
               "The Government will progress this recommendation through appropriate legislative action.\n"
               "The Attorney-General’s Department will lead the implementation of this recommendation.")


def test_undated_legislation_is_pending_without_timeline():
    commitments = (_commit(LEGISLATION, "The Government will progress this recommendation through appropriate "
                                        "legislative action"),
                   _commit(LEGISLATION, "The Attorney-General’s Department will lead the implementation of this "
                                        "recommendation", actor="The Attorney-General’s Department"))
    asks = (_ask("be amended to specify when a revocation of an authorisation takes effect", AskLabel.PARTIAL,
                 LEGISLATION_REC),)
    stance = _stance(Stance.ACCEPTED, LEGISLATION, "The Government accepts this recommendation.")
    gaps = _gaps(stance, asks, LEGISLATION, LEGISLATION_REC, commitments=commitments)
    assert _kinds(gaps) == {GapKind.PLAN_PENDING, GapKind.NO_TIMELINE}
    pending = next(g for g in gaps if g.kind is GapKind.PLAN_PENDING)
    assert pending.message.startswith("Legislation still pending")
    assert "legislative action" in pending.evidence[0].text
    # naming who leads is not an undertaking: the timeline gap quotes the real promise
    assert "progress this recommendation" in next(g for g in gaps if g.kind is GapKind.NO_TIMELINE).message
    _check_evidence(gaps, LEGISLATION, LEGISLATION_REC)


def test_a_declined_recommendation_has_nothing_pending():
    text = "The Government does not support this recommendation. The Government will publish a strategy."
    stance = _stance(Stance.REJECTED, text, "The Government does not support this recommendation.")
    gaps = _gaps(stance, (_ask("plan", AskLabel.REJECTED),), text,
                 commitments=(_commit(text, "The Government will publish a strategy"),))
    assert GapKind.REJECTED in _kinds(gaps) and GapKind.PLAN_PENDING not in _kinds(gaps)


BRIEFINGS = ("Response: Supported\n\nASIO, Home Affairs and the Australian Cyber Security Centre work closely with the "
             "higher education and research sector, and will continue to provide regular briefings on the threat of "
             "espionage and foreign interference.")


def test_continuing_existing_work_is_existing_activity_not_a_missing_timeline():
    rec = "The Committee recommends the Australian Government provide deeper and timelier security advice."
    commitment = _commit(BRIEFINGS, "will continue to provide regular briefings on the threat of espionage and "
                                    "foreign interference", actor=None)
    gaps = _gaps(_stance(Stance.ACCEPTED, BRIEFINGS, "Response: Supported"),
                 (_ask("provide deeper and timelier security advice", AskLabel.PARTIAL, rec),), BRIEFINGS, rec,
                 commitments=(commitment,))
    assert _kinds(gaps) == {GapKind.EXISTING_ACTIVITY_ONLY}
    _check_evidence(gaps, BRIEFINGS, rec)


def test_bare_cross_reference_is_acceptance_without_action_and_nothing_else():
    text = "Response: Supported\n\nSee response to PJCIS recommendation 3."
    rec = "The Committee recommends the Taskforce assist universities to introduce relevant training."
    gaps = _gaps(_stance(Stance.ACCEPTED, text, "Response: Supported"),
                 (_ask("assist universities to introduce relevant training", AskLabel.UNADDRESSED, rec),), text, rec)
    assert _kinds(gaps) == {GapKind.ACCEPTANCE_WITHOUT_ACTION, GapKind.UNADDRESSED_CLAUSE}


def test_a_bare_position_beside_the_recommendation_restated_leaves_nothing_pending():
    # invented, in the TAIC register's style since 2023: the reply restates the recommendation, then its position
    rec = ("On 27 September 2023, the Commission recommended that KiwiRail work with road controlling authorities "
           "to develop processes for unplanned level-crossing disconnections.")
    text = ("032/23: The Commission recommended that KiwiRail work with road controlling authorities to develop "
            "processes for unplanned level-crossing disconnections. This recommendation is under consideration.")
    ask = "work with road controlling authorities"
    stance = _stance(Stance.UNDER_CONSIDERATION, text, "This recommendation is under consideration.")
    gaps = _gaps(stance, (_ask(ask, AskLabel.UNADDRESSED, rec),), text, rec,
                 actions=(_action(text, "The Commission recommended that KiwiRail work"),))
    assert _kinds(gaps) == {GapKind.UNADDRESSED_CLAUSE}
    # with a reply of its own, the decision put off is pending
    own = text + " KiwiRail will consider the options with road controlling authorities."
    gaps = _gaps(stance, (_ask(ask, AskLabel.PARTIAL, rec),), own, rec,
                 commitments=(_commit(own, "KiwiRail will consider the options", CommitmentStrength.VAGUE),))
    assert GapKind.PLAN_PENDING in _kinds(gaps)


def test_bare_acceptance_is_flagged():
    text = "Supported."
    gaps = _gaps(_stance(Stance.ACCEPTED, text, "Supported."), (_ask("plan", AskLabel.UNADDRESSED),), text)
    assert GapKind.ACCEPTANCE_WITHOUT_ACTION in _kinds(gaps)


def test_described_law_without_a_position_is_existing_activity():
    text = ("The Constitution guarantees equal human rights and fundamental freedoms for all, regardless of their "
            "personal circumstances, including disability.")
    rec = "Strengthen measures to ensure the full and equal enjoyment of rights by persons with disabilities."
    gaps = _gaps(_stance(Stance.NOTED, text), (_ask("Strengthen measures", AskLabel.PARTIAL, rec),), text, rec)
    # "measures" here means action, not measurement: no metrics were asked for
    assert _kinds(gaps) == {GapKind.EXISTING_ACTIVITY_ONLY}


def test_a_separate_timeframe_sentence_times_the_listed_actions():
    text = ("KiwiRail will take the following actions to address this: introduce a testing procedure and update "
            "manuals. The indicative timeframe for implementation of the above is end of 2023.")
    commitment = _commit(text, "KiwiRail will take the following actions to address this", actor="KiwiRail")
    rec = "Provide guidance to staff responding to the severance of jumper cables."
    asks = (_ask("Provide guidance to staff", AskLabel.ADDRESSED, rec),)
    dated = _gaps(_stance(Stance.ACCEPTED, text), asks, text, rec, commitments=(commitment,),
                  dates=(_date(text, "end of 2023", value="2023-12"),))
    assert GapKind.NO_TIMELINE not in _kinds(dated)
    undated = _gaps(_stance(Stance.ACCEPTED, text), asks, text, rec, commitments=(commitment,))
    assert GapKind.NO_TIMELINE in _kinds(undated)


def test_no_timeline_quotes_the_undated_undertaking_not_the_dated_one():
    text = "The Government will release a plan in 2024. The department will report progress to Parliament."
    dated = _commit(text, "The Government will release a plan in 2024", deadline="in 2024")
    undated = _commit(text, "The department will report progress to Parliament", actor="The department")
    rec = "Publish a plan and report to Parliament on progress."
    asks = (_ask("Publish a plan", AskLabel.ADDRESSED, rec),
            _ask("report to Parliament on progress", AskLabel.PARTIAL, rec))
    gaps = _gaps(_stance(Stance.ACCEPTED, text), asks, text, rec, commitments=(dated, undated),
                 dates=(_date(text, "2024", value="2024"),))
    gap = next(g for g in gaps if g.kind is GapKind.NO_TIMELINE)
    assert "report progress" in gap.message and "release a plan" not in gap.message
    assert [e.text for e in gap.evidence] == ["The department will report progress to Parliament"]


def test_hand_off_to_another_body_is_deflected_unless_the_responder_commits():
    text = ("This is an ICS-led action and ICSs should decide how to take this forward. "
            "DHSC will work with ICS leaders to highlight the importance of this.")
    rec = "ICSs should map out the pathway for all their mental health service lines."
    asks = (_ask("map out the pathway", AskLabel.PARTIAL, rec),)
    vague = _commit(text, "DHSC will work with ICS leaders to highlight the importance of this",
                    CommitmentStrength.VAGUE, actor="DHSC")
    gaps = _gaps(_stance(Stance.ACCEPTED, text), asks, text, rec, commitments=(vague,))
    assert {GapKind.DEFLECTED, GapKind.HEDGED, GapKind.NO_TIMELINE} <= _kinds(gaps)
    assert "ICS-led" in next(g for g in gaps if g.kind is GapKind.DEFLECTED).evidence[0].text
    _check_evidence(gaps, text, rec)
    firm_text = text + " DHSC will publish a pathway toolkit by March 2025."
    firm = _commit(firm_text, "DHSC will publish a pathway toolkit by March 2025", actor="DHSC",
                   deadline="by March 2025")
    gaps = _gaps(_stance(Stance.ACCEPTED, firm_text), asks, firm_text, rec, commitments=(vague, firm))
    assert GapKind.DEFLECTED not in _kinds(gaps)


def test_firm_dated_commitment_raises_no_timing_or_hedge_flags():
    text = "The Government will publish the strategy by March 2026."
    rec = "The Government should publish a strategy."
    commitment = _commit(text, "The Government will publish the strategy by March 2026", deadline="by March 2026")
    gaps = _gaps(_stance(Stance.ACCEPTED, text), (_ask("publish a strategy", AskLabel.ADDRESSED, rec),), text, rec,
                 commitments=(commitment,), dates=(_date(text, "by March 2026", value="2026-03"),))
    assert not _kinds(gaps) & {GapKind.NO_TIMELINE, GapKind.VAGUE_TIMELINE, GapKind.HEDGED, GapKind.PLAN_PENDING,
                               GapKind.EXISTING_ACTIVITY_ONLY}


def test_courtesy_formulae_are_not_commitments():
    text = "I hope this response is helpful. The Trust has updated its guidance for drivers."
    rec = "Drivers should not leave passengers in unsafe places."
    polite = _commit(text, "I hope this response is helpful", CommitmentStrength.QUALIFIED, actor="I")
    done = _action(text, "The Trust has updated its guidance for drivers")
    gaps = _gaps(_stance(Stance.ACCEPTED, text), (_ask("not leave passengers", AskLabel.ADDRESSED, rec),), text, rec,
                 commitments=(polite,), actions=(done,))
    assert gaps == ()


@pytest.mark.parametrize(("rec", "asks_money"), [
    ("The Department should develop a fully costed plan.", True),
    ("Options should include cost implications and a value for money assessment.", True),
    ("Provide additional funding for building new mosques.", True),
    ("Develop a workforce strategy and fund it through the 2024-25 Budget.", True),
    ("Establish the program in the next Budget.", True),
    ("Transfer the money to the Fund the Minister administers.", False),
    ("Develop guidelines and the most cost effective way to achieve the intended outcome.", False),
    ("He was accommodated in a Travel Lodge at the cost of the Trust.", False),
    ("Every provider of NHS-funded care should have access to digital platforms.", False),
])
def test_no_funding_needs_a_request_for_money(rec, asks_money):
    text = "The Government agrees and will act."
    gaps = _gaps(_stance(Stance.ACCEPTED, text), (), text, rec)
    assert (GapKind.NO_FUNDING in _kinds(gaps)) is asks_money


def test_an_amount_for_something_else_does_not_cost_the_plan():
    text = "The government announced an almost £1 billion increase to SEND funding."
    amount = MoneyAmount(text="almost £1 billion", start=text.index("almost"), end=text.index(" increase"),
                         value=1e9, currency="GBP")
    unanswered = (_ask("fully costed", AskLabel.UNADDRESSED),)
    assert GapKind.NO_FUNDING in _kinds(_gaps(_stance(Stance.ACCEPTED, text), unanswered, text, amounts=(amount,)))
    answered = (_ask("fully costed", AskLabel.PARTIAL),)
    assert GapKind.NO_FUNDING not in _kinds(_gaps(_stance(Stance.ACCEPTED, text), answered, text, amounts=(amount,)))


@pytest.mark.parametrize(("rec", "response", "flagged"), [
    (REC, "The Government agrees.", True),
    ("Adherence should be reported annually, with the capabilities developed to monitor and evaluate compliance.",
     "The Government agrees.", True),
    (REC, "Progress will be tracked against three published metrics.", False),
    (REC, "This will include agreeing the most impactful metrics by early 2024.", True),
    ("I am concerned that national targets for ambulance response times continue not to be adhered to.",
     "The Government agrees.", False),
    ("Strengthen measures aimed at preventing violence against women.", "The Government agrees.", False),
])
def test_no_metrics_needs_a_request_for_measurement(rec, response, flagged):
    gaps = _gaps(_stance(Stance.ACCEPTED, response), (), response, rec)
    assert (GapKind.NO_METRICS in _kinds(gaps)) is flagged


def test_rejection_is_flagged_with_its_sentence():
    text = "The Government does not support this recommendation."
    gaps = _gaps(_stance(Stance.REJECTED, text, text), (_ask("plan", AskLabel.REJECTED),), text)
    gap = next(g for g in gaps if g.kind is GapKind.REJECTED)
    assert gap.evidence[0].text == text and gap.message.startswith("Rejected")
    assert gap_summary(gaps).endswith("rejected") and gap_summary(()) == "none"


def test_acceptance_in_part_declines_the_rest():
    text = "The Government supports this recommendation in part. It will publish the data by 2026."
    verdict = "The Government supports this recommendation in part."
    gaps = _gaps(_stance(Stance.PARTIALLY_ACCEPTED, text, verdict), (_ask("plan", AskLabel.PARTIAL),), text)
    gap = next(g for g in gaps if g.kind is GapKind.REJECTED)
    assert gap.evidence[0].text == verdict and "only in part" in gap.message


_LABELS = st.sampled_from(list(AskLabel))


@settings(max_examples=60, deadline=None)
@given(labels=st.lists(_LABELS, min_size=0, max_size=4), response=st.sampled_from(["", "  ", RESPONSE]),
       stance=st.sampled_from(list(Stance)))
def test_unaddressed_clause_fires_exactly_when_an_ask_is_unaddressed_and_there_is_text(labels, response, stance):
    asks = tuple(_ask("plan", label) for label in labels)
    gaps = _gaps(StanceCall(stance, 0.5), asks, response)
    expected = AskLabel.UNADDRESSED in labels and bool(response.strip())
    assert (GapKind.UNADDRESSED_CLAUSE in _kinds(gaps)) is expected
    declines = stance in (Stance.REJECTED, Stance.PARTIALLY_ACCEPTED) or AskLabel.REJECTED in labels
    assert (GapKind.REJECTED in _kinds(gaps)) is declines
    _check_evidence(gaps, response, REC)


def test_real_pfd_reply_that_waits_on_another_body_is_deflected():
    rows = {r["id"]: r for r in load_jsonl(shared_path("records", "uk_pfd.jsonl"))}
    row = rows.get("uk-pfd-2024-0606-37") or pytest.skip("record not in this copy of the data")
    text = row["response"]
    hope = next(m.group(0) for m in re.finditer(r"I hope this response is helpful", text))
    polite = _commit(text, hope, CommitmentStrength.QUALIFIED, actor="I")
    gaps = find_gaps(_stance(Stance.NOTED, text), (), _sentences(text), recommendation=row["recommendation"],
                     response=text, commitments=(polite,))
    assert GapKind.DEFLECTED in _kinds(gaps)
    assert GapKind.NO_TIMELINE not in _kinds(gaps)
    _check_evidence(gaps, text, row["recommendation"])


_PFD_REC = ("There is a risk that future deaths will occur unless action is taken.", "unless action is taken")
_AU_REC = ("The Committee recommends that the Government develop a national strategy for rural mental health services.",
           "develop a national strategy for rural mental health services")


@pytest.mark.parametrize("sentence,rec", [
    # uk_pfd.jsonl replies: other bodies decide
    ("The wording of the exit scripts is for local determination.", _PFD_REC),
    ("The out of hours provision of paediatric radiology services is a service availability and quality matter, "
     "determined by local Trusts.", _PFD_REC),
    ("The carrying of particular medication by ambulance services is an operational issue and is up to individual "
     "ambulance trusts; NHS England does not mandate such issues.", _PFD_REC),
    # invented, in the genre of Australian federal replies: the states and territories are responsible
    ("The delivery of mental health services is primarily the responsibility of state and territory governments.",
     _AU_REC),
    ("State and territory governments are responsible for the delivery of public mental health services.", _AU_REC),
    ("States and territories have primary responsibility for mental health service delivery.", _AU_REC),
    ("The Government will refer this recommendation to the Health Ministers' Meeting for consideration.", _AU_REC),
    ("Implementation of this recommendation would require the agreement of all jurisdictions.", _AU_REC),
    # nz_taic_all.jsonl replies: another body is the one to act, or the responder cannot compel
    ("Land Transport New Zealand accepts this recommendation and believes that the appropriate body to review this "
     "recommendation and act on it, is the National Rail System Standards Executive (NRSS).", _AU_REC),
    ("Whilst the Council will work with the ferry operators in this regard, the Council has limited regulatory power "
     "to require ferry owners to comply.", _AU_REC),
    ("In order to achieve the new recommendation, it should be appreciated that other authorities will need to "
     "implement changes.", _AU_REC),
    ("The crossing in question is not on a state highway; it is therefore not appropriate for Transit to take the "
     "lead role.", _AU_REC),
])
def test_hand_offs_to_other_bodies_are_deflected(sentence, rec):
    rec, ask = rec
    asks = (_ask(ask, AskLabel.PARTIAL, rec),)
    gaps = _gaps(_stance(Stance.NOTED, sentence), asks, sentence, rec)
    assert GapKind.DEFLECTED in _kinds(gaps)
    _check_evidence(gaps, sentence, rec)


def test_quoted_procedure_and_bare_future_description_are_not_pending_deliverables():
    rec = "Patients who self-harm should be seen by the mental health team promptly."
    asks = (_ask("seen by the mental health team promptly", AskLabel.PARTIAL, rec),)
    quoted = "The updated policy states: “The team will review the assessment within one hour”."
    assert GapKind.PLAN_PENDING not in _kinds(_gaps(_stance(Stance.ACCEPTED, quoted), asks, quoted, rec))
    # the same promise in the responder's own voice, about a deliverable, is pending
    own = "The Trust will review the assessment policy."
    commitment = _commit(own, "The Trust will review the assessment policy", actor="The Trust")
    gaps = _gaps(_stance(Stance.ACCEPTED, own), asks, own, rec, commitments=(commitment,))
    assert GapKind.PLAN_PENDING in _kinds(gaps)


def test_a_shared_upr_reply_is_judged_on_its_own_part():
    # upr_slovenia.jsonl (dev split): the text after "140.145, 146" answers other recommendations
    text = ("Slovenia provides a minimum of 12 years of free education, with children enrolled in nine years of "
            "primary education.\n140.145, 146\n"
            "Slovenia will adopt modern approaches to raise awareness of sustainable practices.")
    rec = "Guarantee by law the right to at least 12 years of free primary and secondary education."
    asks = (_ask("Guarantee by law", AskLabel.PARTIAL, rec),)
    other = _commit(text, "Slovenia will adopt modern approaches to raise awareness of sustainable practices",
                    actor="Slovenia")
    gaps = _gaps(_stance(Stance.NOTED, text), asks, text, rec, commitments=(other,))
    assert GapKind.NO_TIMELINE not in _kinds(gaps)
    assert GapKind.EXISTING_ACTIVITY_ONLY in _kinds(gaps)
    _check_evidence(gaps, text, rec)


def test_a_described_procedure_is_existing_activity_not_an_undated_hedged_commitment():
    # upr_slovenia.jsonl (dev split): "the court will assign" describes the law
    text = ("Under the Criminal Procedure Act, minors can be represented by a defence counsel of their choice. "
            "In cases of criminal offences punishable by more than three years' imprisonment, the court will assign "
            "a defence counsel ex officio if a minor is not yet represented.")
    rec = "Ensure that all minors facing criminal charges are represented by a lawyer."
    asks = (_ask("represented by a lawyer", AskLabel.PARTIAL, rec),)
    rule = _commit(text, "the court will assign a defence counsel ex officio if a minor is not yet represented",
                   CommitmentStrength.QUALIFIED, actor="the court", conditional=True)
    gaps = _gaps(_stance(Stance.NOTED, text), asks, text, rec, commitments=(rule,))
    assert not _kinds(gaps) & {GapKind.NO_TIMELINE, GapKind.HEDGED}
    assert GapKind.EXISTING_ACTIVITY_ONLY in _kinds(gaps)
    _check_evidence(gaps, text, rec)


def test_a_date_given_for_the_same_undertaking_is_a_timeline():
    # nz_taic_all.jsonl (dev split)
    text = ("The CAA will be conducting an Audit of the Auckland Terminal Sector in September 2010. "
            "The audit will include review of the MoU and any actions taken by Airways Corporation.")
    rec = "Review the MOU between the Mercer Skydiving Centre and Airways."
    asks = (_ask("Review the MOU", AskLabel.PARTIAL, rec),)
    audit = _commit(text, "The CAA will be conducting an Audit of the Auckland Terminal Sector in September 2010",
                    actor="The CAA", deadline="September 2010")
    scope = _commit(text, "The audit will include review of the MoU and any actions taken by Airways Corporation",
                    actor="The audit")
    gaps = _gaps(_stance(Stance.ACCEPTED, text), asks, text, rec, commitments=(audit, scope),
                 dates=(_date(text, "September 2010", value="2010-09"),))
    assert not _kinds(gaps) & {GapKind.NO_TIMELINE, GapKind.PLAN_PENDING}


@pytest.mark.parametrize("text", [
    # nz_taic_all.jsonl (dev split): the Ministry administers the Act, so the request should go there
    ("We are supportive of these. However changes to the Civil Aviation Act 1990 would be required. "
     "The Act is administered by the Ministry of Transport. As such, any recommendation for a change to the "
     "content of the Act should be made to the Secretary for Transport."),
    ("The highway authority, in this case Transport for London (TfL), is responsible for how traffic is managed on "
     "its roads."),
    "Actions that require national consideration are outside of the control of the Trust.",
    # after dev-split TAIC replies: not the responsible authority, lacking the power, passing it on
    "The Corporation is not the authority with the responsibility for organisation of Airport Emergency Programmes.",
    "The manufacturer does not have design authority to make changes to this part.",
    "You will need to make your recommendation to the correct authorities, that is to say the aerodrome licensee.",
    "The recommendation will be forwarded to the airframe manufacturers and the regulator for their consideration.",
    "It is the owners responsibility to arrange renewal as required.",
])
def test_statutory_hand_offs_are_deflected(text):
    rec = "Amend the Act so that all health practitioners must report."
    gaps = _gaps(_stance(Stance.NOTED, text), (_ask("Amend the Act", AskLabel.PARTIAL, rec),), text, rec)
    assert GapKind.DEFLECTED in _kinds(gaps)


def test_a_hand_off_stands_beside_an_undated_promise_but_waiting_does_not():
    rec = "Change the reference range for liver function tests in pregnancy."
    asks = (_ask("Change the reference range", AskLabel.PARTIAL, rec),)
    handed = ("The principal responsibility must lie with the Royal Colleges. "
              "The Trust will share the report with its obstetric team.")
    own = _commit(handed, "The Trust will share the report with its obstetric team", actor="The Trust")
    assert GapKind.DEFLECTED in _kinds(_gaps(_stance(Stance.ACCEPTED, handed), asks, handed, rec,
                                             commitments=(own,)))
    # uk_pfd.jsonl (dev split): waiting on the Royal College while promising a task group is not a hand-off
    waiting = ("At the time of writing, we are awaiting the response from the Royal College of Obstetricians. "
               "UHBW will set up a task and finish group to implement these across the Trust.")
    group = _commit(waiting, "UHBW will set up a task and finish group to implement these across the Trust",
                    actor="UHBW")
    assert GapKind.DEFLECTED not in _kinds(_gaps(_stance(Stance.ACCEPTED, waiting), asks, waiting, rec,
                                                 commitments=(group,)))


def test_pending_needs_a_deliverable_still_to_come():
    rec = "Review the medical application process to promote a positive reporting culture."
    asks = (_ask("Review the medical application process", AskLabel.PARTIAL, rec),)
    # nz_taic_all.jsonl (dev split): a firm review to the day is committed to, not pending
    dated = "The CAA will review current processes in line with this recommendation by 1 December 2017."
    review = _commit(dated, dated[:-1], actor="The CAA", deadline="by 1 December 2017")
    assert GapKind.PLAN_PENDING not in _kinds(_gaps(_stance(Stance.ACCEPTED, dated), asks, dated, rec,
                                                    commitments=(review,)))
    # uk_pfd.jsonl (dev split): advice gathered to write the reply, and recurring audits, are not pending
    for text in ("In formulating our response, we have sought opinion from the British Medical Ultrasound Society.",
                 ("The implementation of these measures will be monitored through regular audits of pressure ulcer "
                  "data in the ED to assess effectiveness.")):
        assert GapKind.PLAN_PENDING not in _kinds(_gaps(_stance(Stance.ACCEPTED, text), asks, text, rec))
    # upr_slovenia.jsonl (dev split): drafting begun is a programme still pending
    begun = ("In cooperation with relevant ministries, the competent Government Office for National Minorities has "
             "already begun the activities to draft a new comprehensive national programme of measures for Roma.")
    rec2 = "Adopt a new national programme of measures for Roma."
    gaps = _gaps(_stance(Stance.ACCEPTED, begun), (_ask("Adopt a new national programme", AskLabel.PARTIAL, rec2),),
                 begun, rec2)
    assert GapKind.PLAN_PENDING in _kinds(gaps)
    assert GapKind.EXISTING_ACTIVITY_ONLY not in _kinds(gaps)


def test_striving_for_continued_progress_is_existing_activity_and_hedged():
    # upr_slovenia.jsonl (dev split)
    text = ("Slovenia will strive for continued progress in the implementation of strategies aimed at achieving "
            "gender equality in all spheres of economic, political and social life.")
    rec = "Continue making progress in the implementation of strategies to achieve gender equality."
    c = _commit(text, text[:-1], CommitmentStrength.QUALIFIED, actor="Slovenia")
    gaps = _gaps(_stance(Stance.ACCEPTED, text), (_ask("Continue making progress", AskLabel.PARTIAL, rec),), text,
                 rec, commitments=(c,))
    assert {GapKind.EXISTING_ACTIVITY_ONLY, GapKind.HEDGED} <= _kinds(gaps)
    assert GapKind.NO_TIMELINE not in _kinds(gaps)


def test_a_past_measure_that_meets_every_ask_is_still_existing_activity():
    # upr_slovenia.jsonl (dev split): §5 "only describes what already exists or was done, with no new
    # commitment", even when the ask is met by it
    text = ("Slovenia has introduced gender quotas in its electoral law for local, national and EU elections. "
            "No gender can be represented on a list of candidates with less than 35% or 40% of the total number "
            "of candidates.")
    rec = "Consider introducing gender quotas in the Law on Elections to the National Assembly (Malta);"
    done = _action(text, "Slovenia has introduced gender quotas in its electoral law for local, national and EU "
                         "elections")
    gaps = _gaps(_stance(Stance.ACCEPTED, text), (_ask("introducing gender quotas", AskLabel.ADDRESSED, rec),),
                 text, rec, actions=(done,))
    assert _kinds(gaps) == {GapKind.EXISTING_ACTIVITY_ONLY}
    _check_evidence(gaps, text, rec)
    # something done in answer to the report is still not existing activity
    ratified = "The Convention on the Reduction of Statelessness was ratified on 30 January 2025."
    act = _action(ratified, ratified[:-1])
    rec2 = "Ratify the Convention on the Reduction of Statelessness."
    assert GapKind.EXISTING_ACTIVITY_ONLY not in _kinds(
        _gaps(_stance(Stance.ACCEPTED, ratified), (_ask("Ratify the Convention", AskLabel.ADDRESSED, rec2),),
              ratified, rec2, actions=(act,)))


# nz_taic_all.jsonl (dev split): firm undertakings with no date, once misread as existing activity
SSM_REC = "Ensure that the Safe Ship Management manuals contain clear instructions of how accidents are to be reported."
SSM_ADVICE = ("It has been noted that in the procedures section of some of our older SSM manuals the requirement to "
              "report accidents to SGS M&I only is stated. An advice (for inclusion in the SSM manual) will be sent to "
              "all our clients to ensure they are aware of the requirement to report accidents and incidents to the "
              "MSA.")
CVR_REVIEW = ("I will not accept this recommendation as the current rule is adequate. I will however review Convair "
              "CVR and FDR modification, installation and maintenance instructions in conjunction with the design "
              "data holder to ensure that instructions for continued airworthiness meet rule requirements.")


@pytest.mark.parametrize(("text", "clause", "actor", "stance"), [
    # "An advice ... will be sent": an indefinite subject, but a one-off dispatch, not a standing procedure
    (SSM_ADVICE, ("An advice (for inclusion in the SSM manual) will be sent to all our clients to ensure they are aware "
                  "of the requirement to report accidents and incidents to the MSA"), "SGS M&I", Stance.ACCEPTED),
    # "continued airworthiness" names a thing; it does not carry existing work on
    (CVR_REVIEW, ("I will however review Convair CVR and FDR modification, installation and maintenance instructions "
                  "in conjunction with the design data holder to ensure that instructions for continued airworthiness "
                  "meet rule requirements"), "CAA", Stance.REJECTED),
])
def test_an_undated_new_undertaking_lacks_a_timeline(text, clause, actor, stance):
    c = _commit(text, clause, actor=actor)
    gaps = _gaps(_stance(stance, text), (_ask("Ensure that the Safe Ship Management manuals", AskLabel.PARTIAL,
                                              SSM_REC),), text, SSM_REC, commitments=(c,))
    assert GapKind.NO_TIMELINE in _kinds(gaps)
    assert GapKind.EXISTING_ACTIVITY_ONLY not in _kinds(gaps)
    no_timeline = next(g for g in gaps if g.kind is GapKind.NO_TIMELINE)
    assert no_timeline.evidence[0].text == clause
    _check_evidence(gaps, text, SSM_REC)


# nz_taic_all.jsonl (dev split): NZTA's standard letter; its only calendar-free timing is vague
NZTA = ("We intend to work closely with KiwiRail to oversee the internal review recommended in this report with an "
        "aim to implementing and closing this recommendation as soon as practicable. When this review is concluded "
        "and the appropriate evidence has been gathered, we will be liaising with TAIC with a view to closing this "
        "safety recommendation.")
NZTA_REC = "Require KiwiRail Network to review the Fruitvale Road Station and associated level crossing."


def test_an_intention_to_oversee_a_review_as_soon_as_practicable_is_hedged_pending_and_vague():
    intend = _commit(NZTA, NZTA[:NZTA.index(" When")].rstrip("."), CommitmentStrength.QUALIFIED, actor="NZTA",
                     deadline="as soon as practicable")
    event = "When this review is concluded and the appropriate evidence has been gathered"
    liaise = _commit(NZTA, event + ", we will be liaising with TAIC with a view to closing this safety recommendation",
                     CommitmentStrength.VAGUE, actor="NZTA", deadline=event)
    dates = (_date(NZTA, "as soon as practicable", vague=True), _date(NZTA, event))
    gaps = _gaps(_stance(Stance.ACCEPTED, NZTA), (_ask("review the Fruitvale Road Station", AskLabel.PARTIAL,
                                                       NZTA_REC),), NZTA, NZTA_REC,
                 commitments=(intend, liaise), dates=dates)
    kinds = _kinds(gaps)
    # "with an aim to" is the purpose of the intention, not a mission statement; the event-tied timing
    # ("When this review is concluded") is no date, so the only timing left is vague
    assert {GapKind.HEDGED, GapKind.PLAN_PENDING, GapKind.VAGUE_TIMELINE} <= kinds
    assert not kinds & {GapKind.NO_TIMELINE, GapKind.EXISTING_ACTIVITY_ONLY}
    assert "oversee the internal review" in next(g for g in gaps if g.kind is GapKind.PLAN_PENDING).evidence[0].text
    _check_evidence(gaps, NZTA, NZTA_REC)


def test_timing_tied_only_to_an_event_is_no_timeline():
    # au_dev.jsonl: "prior to legislative reform" places the work after an event, not on the calendar
    text = "The Government will develop enhanced reporting requirements prior to legislative reform."
    rec = "Require agencies to report on the use of the powers."
    c = _commit(text, text[:-1], deadline="prior to legislative reform")
    gaps = _gaps(_stance(Stance.ACCEPTED, text), (_ask("report on the use of the powers", AskLabel.PARTIAL, rec),),
                 text, rec, commitments=(c,), dates=(_date(text, "prior to legislative reform"),))
    assert GapKind.NO_TIMELINE in _kinds(gaps)
    assert GapKind.VAGUE_TIMELINE not in _kinds(gaps)
    # a calendar date, even without digits, still times it
    dated = "The Government will develop enhanced reporting requirements by next March."
    c2 = _commit(dated, dated[:-1], deadline="by next March")
    assert GapKind.NO_TIMELINE not in _kinds(_gaps(_stance(Stance.ACCEPTED, dated), (), dated, rec, commitments=(c2,),
                                                   dates=(_date(dated, "by next March"),)))


@pytest.mark.parametrize("text", [
    # uk_pfd.jsonl (dev split): the passive promise of a document
    "It is expected that the strategy will be published next year following the conclusion of the next spending review.",
    # nz_taic_all.jsonl (dev split): the review is required of someone else, still to come
    ("MNZ will require the operator to undertake a comprehensive review of their Planned Maintenance System to ensure "
     "it meets the requirements and principles of the ISM Code."),
    # nz_taic_all.jsonl (dev split): a by-law amendment drafted for a decision, dated only conditionally
    ("An amendment to the Greymouth Harbour Bylaws to provide a compulsory pilotage scheme is being drawn up for "
     "consideration by the Council. It is expected that, if Council approves, the recommendations could be "
     "implemented by 31 December 1998."),
    # nz_taic_all.jsonl (dev split): work under way, in reduced, bracketed and passive wordings
    "[The safety recommendation has] been adopted and [is] currently in the process of implementation.",
    "This will be included in the policy/procedures manuals being developed.",
    "A review of lighting systems is currently being assessed by the Airworthiness Group. A date has yet to be finalised.",
    "KiwiRail are in agreement to conduct a review of current arrangements.",
    "The recommendation will be included in the rule making process for the next amendment of the relevant rule.",
    "This matter will be considered as part of the major review of seafarer qualifications which is currently underway.",
    "This recommendation is acceptable and work is currently underway to review our procedures for crewing documents.",
    # nz_taic_all.jsonl (dev split): the work named, then said to be under way or progressing
    "Implementation of a safety observation process is underway and will meet the requirement of this recommendation.",
    ("A review of the distance between main line and loop tracks at crossing loops is currently in hand to determine "
     "the number that meet either old code or new code dimensions."),
    "To that end, Maritime NZ is progressing work on comprehensive reform of the Maritime Rules Part 40 series.",
    # a deliverable only proposed (after nz-taic-024-17-142, dev split)
    "The proposed review will address the effectiveness of the current change management process.",
])
def test_deliverables_still_to_come_are_pending(text):
    rec = "Take the necessary steps to make by-laws and review the maintenance system."
    commitments = ()
    if "31 December 1998" in text:
        clause = text[text.index("It is expected"):].rstrip(".")
        commitments = (_commit(text, clause, CommitmentStrength.QUALIFIED, deadline="by 31 December 1998",
                               conditional=True),)
    gaps = _gaps(_stance(Stance.ACCEPTED, text), (_ask("make by-laws", AskLabel.PARTIAL, rec),), text, rec,
                 commitments=commitments)
    assert GapKind.PLAN_PENDING in _kinds(gaps)
    _check_evidence(gaps, text, rec)


@pytest.mark.parametrize("text", [
    "Staff will be reminded of the existing guidance at the next team meeting.",
    "The published strategy will be shared with all staff.",
    # a ship under way is no work under way (nz_taic_all.jsonl wording)
    "It is company policy that the watch keeper alarm is used whenever the vessel is underway.",
])
def test_passing_on_an_existing_document_is_not_pending(text):
    rec = "Remind staff of the guidance."
    gaps = _gaps(_stance(Stance.ACCEPTED, text), (_ask("Remind staff", AskLabel.PARTIAL, rec),), text, rec)
    assert GapKind.PLAN_PENDING not in _kinds(gaps)


@pytest.mark.parametrize("begun", [
    # wordings of TAIC and UPR replies (dev split)
    "The activities for the implementation of this recommendation have already started.",
    "This work has already commenced and is ongoing.",
    "Work is underway on all recommendations.",
    "The safety recommendation has been adopted and is currently in the process of implementation.",
])
def test_work_begun_on_the_recommendation_is_not_existing_activity(begun):
    text = begun + " The Department operates a national register of incidents."
    rec = "Establish a national register of incidents."
    done = (_action(text, begun[:-1], ActionStatus.ONGOING),
            _action(text, "The Department operates a national register of incidents", ActionStatus.ONGOING))
    gaps = _gaps(_stance(Stance.ACCEPTED, text), (_ask("Establish a national register", AskLabel.PARTIAL, rec),),
                 text, rec, actions=done)
    assert GapKind.EXISTING_ACTIVITY_ONLY not in _kinds(gaps)


def test_a_standing_arrangement_begun_long_ago_stays_existing_activity():
    text = "The Department operates a national register of incidents. It is updated every year."
    done = _action(text, "The Department operates a national register of incidents")
    rec = "Establish a national register of incidents."
    gaps = _gaps(_stance(Stance.ACCEPTED, text), (_ask("Establish a national register", AskLabel.ADDRESSED, rec),),
                 text, rec, actions=(done,))
    assert GapKind.EXISTING_ACTIVITY_ONLY in _kinds(gaps)


@pytest.mark.parametrize("sentence", [
    "Training is the responsibility of the Flight Safety Manager within our organisation.",
    "The State is responsible for ensuring equal access to health care.",
    "The Corporation is not qualified to investigate pilot errors, and certainly has no authority to do so.",
    "The Council has referred to the report in its annual plan.",
])
def test_own_responsibilities_and_references_are_not_hand_offs(sentence):
    rec, ask = _AU_REC
    asks = (_ask(ask, AskLabel.PARTIAL, rec),)
    assert GapKind.DEFLECTED not in _kinds(_gaps(_stance(Stance.NOTED, sentence), asks, sentence, rec))


def test_a_matter_that_will_be_considered_later_is_hedged():
    # nz_taic_all.jsonl (022/09): the passive "will be considered" defers the decision like "will consider"
    text = ("Maritime NZ accepts the recommendation and notes that this matter will be considered as part of "
            "Maritime NZ's major review of seafarer qualifications and operational limits which is currently underway.")
    rec = "The Director should address the safety issue of bridge resource management training."
    asks = (_ask("address the safety issue", AskLabel.PARTIAL, rec),)
    gaps = _gaps(_stance(Stance.ACCEPTED, text), asks, text, rec)
    assert GapKind.HEDGED in _kinds(gaps)
    _check_evidence(gaps, text, rec)

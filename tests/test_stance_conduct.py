"""The conduct reading of replies that state no position (respassess.stance_conduct, ANNOTATION.md §6)."""

import math
from functools import lru_cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from respassess.stance_conduct import (
    COMMITMENT_KINDS,
    CONDUCT_REASONS,
    SIGNAL_NAMES,
    commitment_kind,
    conduct_signals,
    read_conduct,
)
from respassess.types import Action, ActionStatus, Commitment, CommitmentStrength, Sentence, Stance


def _sentences(*texts):
    out, pos = [], 0
    for i, t in enumerate(texts):
        out.append(Sentence(i, t, pos, pos + len(t)))
        pos += len(t) + 1
    return out


def _commitment(text, *, strength=CommitmentStrength.FIRM, sentence_index=0, start=0, conditional=False, deadline=None):
    return Commitment(text=text, start=start, end=start + len(text), actor=None, strength=strength,
                      sentence_index=sentence_index, conditional=conditional, deadline=deadline)


@pytest.mark.parametrize("text,expected", [
    ("The Authority will introduce a procedure for testing all trainlined systems", "action"),
    ("The Director will consider whether the action sought meets the legislative threshold", "deliberation"),
    ("the CAA will identify and assess options to resolve the issues raised", "deliberation"),
    ("we will review the evidence and consult with topic experts to consider an update", "deliberation"),
    ("I intend to commission the advisory council to conduct an updated harms assessment", "deliberation"),
    ("Following this, a policy investigation process will be undertaken", "deliberation"),
    # a study named as the subject of a step is not a deliberation: the step is concrete
    ("The outcome of this assessment will be added to the Safe Operating Plan", "action"),
    ("The Ministry will inform the Commission of the outcome of the process", "report_back"),
    ("we expect to give you an update on timeframes in early September", "report_back"),
    ("Slovenia will continue to promote gender equality", "continuation"),
    ("I expect individual trusts and local health systems to manage bed capacity", "others"),
    # the responder's own expectation of its own step is not a hope about others
    ("I expect this to be completely implemented by 17 December 2001", "action"),
    # a belief about what others already do is no step of the responder's (real TAIC sentence)
    ("We expect that pilots understand this principle well enough", "others"),
    ("We expect that the new procedure will be in place by June 2025", "action"),
])
def test_commitment_kind(text, expected):
    assert expected in COMMITMENT_KINDS
    assert commitment_kind(_commitment(text)) == expected


@pytest.mark.parametrize("texts,stance,reason,decisive", [
    # refusing, or defending the status quo as adequate (rejected)
    (["The Department does not see the need for legislative change, since the current Act already covers this."],
     Stance.REJECTED, "refusal", True),
    (["The Authority does not consider it necessary to publicise the changes further."],
     Stance.REJECTED, "refusal", True),
    (["We do not believe there is sufficient justification to consider making such a rule."],
     Stance.REJECTED, "refusal", True),
    (["The Board has no plans to retrofit these aircraft."], Stance.REJECTED, "refusal", True),
    (["Existing rules already sufficiently require operators to consider their risks."],
     Stance.REJECTED, "refusal", True),
    (["The requirements specified in the manual were adequate at the time of the occurrence."],
     Stance.REJECTED, "refusal", True),
    (["There is little value in promulgating a distance for the departure phase."], Stance.REJECTED, "refusal", True),
    (["Procedures are continually reviewed and updated and so the recommendation really may not be necessary."],
     Stance.REJECTED, "refusal", True),
    # deciding later (under consideration)
    (["The Ministry will consider the implications and options."], Stance.UNDER_CONSIDERATION, "deferral", True),
    (["The operator needs to carry out further work before deciding whether to implement this recommendation."],
     Stance.UNDER_CONSIDERATION, "deferral", True),
    (["The company is not presently able to provide its response, as it awaits the manufacturer's advice."],
     Stance.UNDER_CONSIDERATION, "deferral", True),
    (["The manufacturer is reviewing with the vendor the suitability of the present identification of parts."],
     Stance.UNDER_CONSIDERATION, "deferral", True),
    (["The Agency is commencing a stock-take of this work.", "When it is completed, the Agency will be in a clearer "
      "position to provide the Commission with information about this recommendation."],
     Stance.UNDER_CONSIDERATION, "deferral", True),
    # considers it implemented / implementation under way (accepted)
    (["The activities for the implementation of this recommendation are already ongoing."],
     Stance.ACCEPTED, "implemented", True),
    (["This recommendation has been implemented by amendment to the planning manual."],
     Stance.ACCEPTED, "implemented", True),
    # a date fixed for implementing it (real TAIC reply, nz-taic-040-06-481); none set is no acceptance
    (["Toll Rail has consulted with Veolia Transport Auckland Limited and jointly determined a target date of "
      "30 June 2007 for implementation of this recommendation."], Stance.ACCEPTED, "implemented", True),
    # a step taken since the report, told at second hand (after nz-taic-004-20-86, a dev gold record)
    (["The Commission received a response stating the company had since issued a circular to its fleet."],
     Stance.ACCEPTED, "activity", False),
    # a review that changes nothing, a recommendation "difficult to accommodate" (after dev gold TAIC replies)
    (["The company keeps its resources under continuing review and no change is envisaged."],
     Stance.REJECTED, "refusal", True),
    (["This recommendation is difficult to accommodate.", "Both crew members attended the briefing."],
     Stance.REJECTED, "refusal", True),
    # no comment (noted)
    (["The council has no comment on the recommendations and will await further discussions."],
     Stance.NOTED, "no_comment", True),
    # only a standing rule described (noted), whatever the label
    (["The Constitution guarantees equal rights for all. The Act defines discrimination on any ground."],
     Stance.NOTED, "description_only", True),
    # ... but a reply that reports doings in words the extractors miss is left to the model
    (["Our company has included sling load re-currency in the annual proficiency training."],
     Stance.NOTED, "description_only", False),
    # the decision expressly still to come outranks a provisional refusal beside it (real TAIC reply)
    (["Accordingly the use of Autopilots is not considered by Ansett New Zealand to be presently practicable; however, "
      "before reaching a final decision on the matter, the Company proposes to continue its investigation and review."],
     Stance.UNDER_CONSIDERATION, "deferral", True),
    (["No final decision has been made on the location of the new facility."],
     Stance.UNDER_CONSIDERATION, "deferral", True),
    # waiting on something else first, or still to decide (real TAIC replies, dev split)
    (["We acknowledge the recommendation but need to consider it further before we can determine as to whether it is "
      "feasible or not to implement it"], Stance.UNDER_CONSIDERATION, "deferral", True),
    (["[Awaiting result of formal safety review of the Commercial Jet Boat Industry commissioned by the Director of "
      "Maritime Safety on 28 July 2000.]"], Stance.UNDER_CONSIDERATION, "deferral", True),
    (["The outcome of these processes cannot be forecast at this point."],
     Stance.UNDER_CONSIDERATION, "deferral", True),
    # no usable text / a bare cross-reference (unclear)
    (["The recommendation is incomprehensible."], Stance.UNCLEAR, "no_text", True),
    (["No response was available from the Administrator at the time this report was published."],
     Stance.UNCLEAR, "no_text", True),
    (["See the response to Recommendation 12."], Stance.UNCLEAR, "cross_reference", True),
])
def test_positions_stated_in_other_words(texts, stance, reason, decisive):
    text = " ".join(texts)
    from respassess.stance import find_cross_reference

    conduct = read_conduct(text, _sentences(*texts), cross_reference=find_cross_reference(text))
    assert (conduct.stance, conduct.reason, conduct.decisive) == (stance, reason, decisive)
    assert conduct.reason in CONDUCT_REASONS and 0.0 <= conduct.confidence <= 1.0


@pytest.mark.parametrize("text", [
    # premise disputed, step called impractical or needless, status quo found adequate (real sentences)
    "I consider that the establishment of minimum experience criteria for the crew of each aircraft type used by "
    "major operators is impractical and could, in some circumstances, seriously inhibit the operating capability.",
    "Carrying methylene blue on ambulances is neither clinically feasible nor cost-effective.",
    "The Department does not need to take any action.",
    "The new crossing designs are in TfL's gift to implement, and no DfT involvement is required.",
    "Tranz Rail questions the continual reference to inexperience of the staff.",
    "On 29 September 2022 KiwiRail replied to the draft recommendation in part that it did not believe the cost of "
    "the permit and protection was a factor.",
    "TEQSA's establishing framework does not extend to the required legislative remit, capacity or expertise to "
    "deliver on addressing this recommendation.",
    "Representatives of other national minorities cannot be considered autochthonous communities with the same status.",
    "Slovenia deems the current regulation adequate.",
    "ONTRACK together with Toll Rail have reviewed the instruction in the Rail Operating Code and found it fit for "
    "purpose in its current format.",
    "The legislative authorities assessed that this was long enough to allow all potential applicants to file.",
    # "not presently practicable", "not a realistic proposal", "unacceptable" (real TAIC sentences)
    "Accordingly the use of Autopilots and to a lesser extent Flight Directors, is not considered by Ansett New "
    "Zealand to be presently practicable.",
    "We therefore consider that an underpass is not a realistic proposal.",
    "This would effectively split the town in half and would be totally unacceptable to the community.",
    "Controllers are already adequately trained to deal with such emergencies.",
    # a step the responder will not be taking (real TAIC sentences, dev split)
    "New Zealand Rail Limited will not be fitting event recorders to shunt locomotives.",
    "Your recommendation to fill in the drainage ditch through which the aircraft passed will not be acted upon in "
    "the meantime.",
])
def test_refusals_in_other_words(text):
    conduct = read_conduct(text, _sentences(text))
    assert (conduct.stance, conduct.reason, conduct.decisive) == (Stance.REJECTED, "refusal", True)


@pytest.mark.parametrize("text", [
    # an aim to make something fit for purpose is a plan, not a defence of the status quo
    "The project intends to ensure that the rules for design, construction and equipment for domestic (non-SOLAS) "
    "ships are fit for purpose.",
    "If they cannot afford a lawyer, they can apply for free legal aid under the Legal Aid Act.",
    # "unnecessary" as an attribute in narrative, not a verdict on the step
    "This pathway aims to reduce the unwarranted variation in unnecessary appendicectomies for children.",
    # timing, not refusal
    "The new rule will not be making its way into force until the consultation has closed in June.",
])
def test_words_of_refusal_that_do_not_decline(text):
    assert read_conduct(text, _sentences(text)).reason != "refusal"


@pytest.mark.parametrize("text,expected", [
    # a standing purpose or disposition is not a promise of a step
    ("This pathway aims to reduce the unwarranted variation in unnecessary appendicectomies", "continuation"),
    ("The RCR is a charity and aims to lead, educate and support its members", "continuation"),
    ("We take the matters raised very seriously and are committed to learning from them", "continuation"),
    ("The Government aims to publish the strategy by 2025", "action"),
    ("the Government is committed to completing the denationalisation process", "action"),
    # a standing expectation of others
    ("Health Advisors (HAs) are expected to convey", "others"),
    ("The review is expected to be completed by June", "action"),
    # reviewing one's own procedures is the step asked for; fixing a date plans the step
    ("Tranz Rail will review its procedures for converting used rolling stock", "action"),
    ("The CAA will review current processes in line with this recommendation by 1 December 2017", "action"),
    ("MNZ will liaise with the operator to determine an appropriate completion date", "action"),
    ("NHS England will continue to explore and support improvements in access to medicines", "deliberation"),
])
def test_commitment_kind_of_purposes_expectations_and_reviews(text, expected):
    assert commitment_kind(_commitment(text)) == expected


def test_a_rule_stated_conditionally_is_a_description():
    texts = ["Under the Criminal Procedure Act, minors can be represented by a defence counsel of their choice.",
             "In cases of offences punishable by more than three years' imprisonment, the court will assign a defence "
             "counsel ex officio if a minor is not yet represented."]
    sents = _sentences(*texts)
    rule = _commitment("the court will assign a defence counsel ex officio", sentence_index=1, start=sents[1].start,
                       conditional=True)
    conduct = read_conduct(" ".join(texts), sents, [rule], official=Stance.ACCEPTED)
    assert (conduct.stance, conduct.reason) == (Stance.NOTED, "description_only")
    # the same sentence as a promise of the responder's own is not a description
    promise = _commitment("the court will assign a defence counsel ex officio", sentence_index=1, start=sents[1].start)
    assert read_conduct(" ".join(texts), sents, [promise]).reason != "description_only"


def test_an_offer_to_act_is_acting_but_an_offer_to_talk_is_not():
    offer = "Accordingly, we would be pleased to make mention of this recent case to our members in our newsletter."
    conduct = read_conduct(offer, _sentences(offer))
    assert (conduct.stance, conduct.reason, conduct.decisive) == (Stance.ACCEPTED, "future_action", False)
    talk = "We would be happy to discuss this further with the Commission."
    assert read_conduct(talk, _sentences(talk)).reason != "future_action"


def test_narrated_or_quoted_activity_is_not_acting():
    """Progressive descriptions ("is being arranged") and words that only contain a change stem ("addressed")."""
    texts = ["I note that your Report has also been addressed to the Secretary of State.",
             "The wording in relation to that disposition is that an ambulance is being arranged."]
    from respassess.types import Action, ActionStatus

    sents, text = _sentences(*texts), " ".join(texts)
    actions = [Action(text=t, start=text.index(t), end=text.index(t) + len(t), actor=None, status=status,
                      sentence_index=i, cue=cue)
               for t, status, i, cue in (("has also been addressed", ActionStatus.COMPLETED, 0, "has addressed"),
                                         ("is being arranged", ActionStatus.ONGOING, 1, "being arranged"))]
    assert all(text[a.start:a.end] == a.text for a in actions)
    conduct = read_conduct(text, sents, actions=actions)
    assert (conduct.stance, conduct.reason) == (Stance.NOTED, "description_only")


@pytest.mark.parametrize("text", [
    # negation scope: a question, past narration, the timetable, an aim: none declines the recommendation
    "The working group will assess whether no change is necessary.",
    "At the time, the clinicians believed a referral was not needed.",
    "The Authority does not consider it prudent to specify a completion date for this work.",
    "MNZ will require operators to ensure their procedures sufficiently address these issues.",
])
def test_negations_that_do_not_decline(text):
    conduct = read_conduct(text, _sentences(text))
    assert conduct.reason != "refusal" and conduct.stance is not Stance.REJECTED


def test_a_deferral_in_a_conditional_is_not_the_responders():
    text = "Should the Coroner wish to investigate this further, the local service would be best placed to help."
    assert read_conduct(text, _sentences(text)).reason != "deferral"


@pytest.mark.parametrize("text", [
    # a finished piece of work sent to a regulator for sign-off is acting, not deciding later (real TAIC sentence)
    "The manual has been rewritten and submitted to CAA for approval.",
    # consent of the person concerned is no pending decision of the responder
    "We have offered the family a meeting if they agree.",
])
def test_approval_by_others_of_work_done_is_no_deferral(text):
    assert read_conduct(text, _sentences(text)).reason != "deferral"


def test_a_refusal_beside_a_belief_about_others_is_not_partial():
    """"We expect that pilots understand ..." is no step, so it does not make a refusal partial (real TAIC reply)."""
    texts = ["Controllers are already adequately trained to deal with such emergencies.",
             "We expect that pilots understand this principle well enough."]
    belief = _commitment("We expect that pilots understand this principle well enough", sentence_index=1,
                         start=len(texts[0]) + 1, strength=CommitmentStrength.QUALIFIED)
    conduct = read_conduct(" ".join(texts), _sentences(*texts), [belief])
    assert (conduct.stance, conduct.reason, conduct.decisive) == (Stance.REJECTED, "refusal", True)


def test_refusing_one_part_and_acting_on_another_is_partial():
    texts = ["There is no need to formalise the notification arrangement.",
             "The Authority will publish a safety bulletin to all pilots by June."]
    step = _commitment("The Authority will publish a safety bulletin to all pilots by June", sentence_index=1,
                       start=len(texts[0]) + 1)
    conduct = read_conduct(" ".join(texts), _sentences(*texts), [step])
    assert conduct.stance is Stance.PARTIALLY_ACCEPTED and not conduct.decisive


def test_adequacy_under_a_supporting_label_is_left_to_the_label_and_model():
    text = ("In 2024, the Constitutional Court confirmed the adequacy of the national legislation on redress. "
            "The State continues to address the remaining cases individually.")
    sents = _sentences(*text.split(". ", 1))
    assert read_conduct(text, sents, official=Stance.NOTED).stance is Stance.REJECTED
    supported = read_conduct(text, sents, official=Stance.ACCEPTED)
    assert supported.stance is Stance.ACCEPTED and not supported.decisive


def test_steps_outweighing_a_study_read_as_acting():
    texts = ["The Authority will introduce a new inspection procedure.", "It will update the operating manual.",
             "It will also consider whether further guidance is needed."]
    starts = [s.start for s in _sentences(*texts)]
    commitments = [_commitment("The Authority will introduce a new inspection procedure", start=starts[0]),
                   _commitment("It will update the operating manual", sentence_index=1, start=starts[1]),
                   _commitment("It will also consider whether further guidance is needed", sentence_index=2,
                               start=starts[2])]
    conduct = read_conduct(" ".join(texts), _sentences(*texts), commitments)
    assert conduct.stance is Stance.ACCEPTED and conduct.reason == "future_action"
    # with a single step beside the deliberation, deciding later wins but is not decisive
    conduct = read_conduct(" ".join(texts), _sentences(*texts), [commitments[0], commitments[2]])
    assert conduct.stance is Stance.UNDER_CONSIDERATION and not conduct.decisive


@pytest.mark.parametrize("first,second,deadline,stance", [
    # invented, in the genre: work under way with a date to finish it is acting in stages (ANNOTATION.md §2) ...
    ("The Authority is currently reviewing its audit procedures.", "It will consider whether more guidance is needed",
     "by June 2025", Stance.ACCEPTED),
    # ... not a review of whether to act at all, nor work with no date to finish it
    ("The Ministry is currently reviewing the rule.", "It will decide whether to amend it", "by June 2025",
     Stance.UNDER_CONSIDERATION),
    ("The Authority is currently reviewing its audit procedures.", "It will consider whether more guidance is needed",
     "in due course", Stance.UNDER_CONSIDERATION),
])
def test_dated_work_under_way_is_acting_not_deciding_later(first, second, deadline, stance):
    finish = f"The review is expected to be completed {deadline}"
    sentences = _sentences(first, second + ".", finish + ".")
    commitments = [_commitment(second, strength=CommitmentStrength.VAGUE, sentence_index=1, start=sentences[1].start),
                   _commitment(finish, strength=CommitmentStrength.QUALIFIED, sentence_index=2,
                               start=sentences[2].start, deadline=deadline)]
    text = " ".join(s.text for s in sentences)
    assert read_conduct(text, sentences, commitments).stance is stance


def test_description_with_past_activity_falls_back_to_the_label_then_activity():
    text = "In 2019, the Government has introduced a working group to study the regulation of gender markers."
    assert read_conduct(text, _sentences(text), official=Stance.NOTED).reason == "official"
    conduct = read_conduct(text, _sentences(text))
    assert (conduct.stance, conduct.reason) == (Stance.ACCEPTED, "activity")


def test_no_comment_on_some_points_of_a_letter_that_acts_is_not_noting():
    texts = ["Following the death, the renal team have developed new guidelines and shared them with the hospital.",
             "The remaining points are for the national bodies and we therefore make no comment."]
    conduct = read_conduct(" ".join(texts), _sentences(*texts))
    assert (conduct.stance, conduct.reason) == (Stance.ACCEPTED, "activity")
    alone = texts[1]
    assert read_conduct(alone, _sentences(alone)).reason == "no_comment"


@pytest.mark.parametrize("text", [
    "The Police have been reminded of the assistance the Authority can provide to them.",
    "The General Manager advised that the operator had reduced the line speed to 50 km/h.",
    "The Authority has already written to all operators advising them to take the recommended actions.",
])
def test_done_in_the_texts_own_words_is_acting(text):
    """Activity the action extractor may miss still counts (no extracted actions are passed here)."""
    conduct = read_conduct(text, _sentences(text))
    assert (conduct.stance, conduct.reason) == (Stance.ACCEPTED, "activity")


def _action(text, cue, status=ActionStatus.ONGOING):
    return Action(text=text, start=0, end=len(text), actor=None, status=status, sentence_index=0, cue=cue)


@pytest.mark.parametrize("text,cue,status,stance", [
    # working *to implement* changes something; working *with* someone only describes
    ("NZTA is working closely with rail industry participants to implement the safety recommendation", "is working",
     ActionStatus.ONGOING, Stance.ACCEPTED),
    ("NZTA is working closely with rail industry participants", "is working", ActionStatus.ONGOING, Stance.NOTED),
    # done "as per the recommendation" acts on it whatever the verb
    ("Salt Air Ltd have contracted the Metservice to provide full weather information as per the recommendation",
     "have contracted", ActionStatus.COMPLETED, Stance.ACCEPTED),
    ("Salt Air Ltd have contracted the Metservice", "have contracted", ActionStatus.COMPLETED, Stance.NOTED),
    ("We are in the process of reviewing the theory test papers", "in the process of reviewing", ActionStatus.ONGOING,
     Stance.ACCEPTED),
])
def test_activity_that_acts_on_the_recommendation(text, cue, status, stance):
    conduct = read_conduct(text, _sentences(text), actions=[_action(text, cue, status)])
    assert conduct.stance is stance, conduct


def test_conduct_signals_cover_every_name():
    texts = ["The Ministry will consider the implications and options.", "It has updated its guidance."]
    signals = conduct_signals(" ".join(texts), _sentences(*texts),
                              [_commitment("The Ministry will consider the implications and options",
                                           strength=CommitmentStrength.VAGUE)])
    assert list(signals) == list(SIGNAL_NAMES)
    assert signals["commit_deliberation"] == 0.5 and signals["reason_deferral"] == 1.0
    # deciding later beside something already done is not a position stated in other words
    assert signals["decisive"] == 0.0 and signals["deferral"] == 0.5
    assert sum(signals[f"reason_{r}"] for r in CONDUCT_REASONS) == 1.0


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=80), min_size=0, max_size=4))
def test_any_text_gets_one_reading_and_finite_signals(texts):
    text = " ".join(texts)
    conduct = read_conduct(text, _sentences(*texts))
    assert conduct.reason in CONDUCT_REASONS and isinstance(conduct.stance, Stance)
    assert all(math.isfinite(v) for v in conduct_signals(text, _sentences(*texts)).values())


# -- real replies that state no position (records outside every gold file) ----------------------

@lru_cache(maxsize=4)
def _records(name):
    from tests.conftest import load_jsonl, shared_path

    return {r["id"]: r for r in load_jsonl(shared_path("records", name)) if "id" in r}


def _reading(nlp, name, record_id):
    from respassess.extract import (
        extract_actions,
        extract_amounts,
        extract_commitments,
        extract_dates,
    )
    from respassess.records import record_from_mapping
    from respassess.segment import split_sentences
    from respassess.stance import find_cross_reference, official_stance

    record = record_from_mapping(_records(name)[record_id], source="records")
    doc = nlp(record.response)
    sentences = split_sentences(doc)
    dates = extract_dates(doc, response_date=record.response_date, jurisdiction=record.jurisdiction)
    commitments = extract_commitments(doc, sentences, dates=dates,
                                      amounts=extract_amounts(doc, jurisdiction=record.jurisdiction))
    return read_conduct(doc.text, sentences, commitments, extract_actions(doc, sentences),
                        official=official_stance(record.official_status),
                        cross_reference=find_cross_reference(doc.text))


# (upr-svn-c4-140.37 and -c3-122.20 were dropped when the fourth annotation round took them into the team gold,
# nz-taic-003-19-99 when the seventh did, nz-taic-080-05-555 and nz-taic-008-17-163 when the eleventh and twelfth did:
# their annotators gave them the stances these cases expected, accepted and under_consideration)
REAL_REPLIES = [
    ("upr_slovenia.jsonl", "upr-svn-c3-122.2", Stance.REJECTED, "refusal"),          # "not a priority"
    ("nz_taic_all.jsonl", "nz-taic-070-94-1568", Stance.REJECTED, "refusal"),       # "not considered appropriate"
    ("nz_taic_all.jsonl", "nz-taic-027-91-1831", Stance.REJECTED, "refusal"),       # "already adequately covered"
    ("nz_taic_all.jsonl", "nz-taic-032-02-803", Stance.UNDER_CONSIDERATION, "deferral"),   # "before deciding whether"
    ("nz_taic_all.jsonl", "nz-taic-036-98-1239", Stance.ACCEPTED, "implemented"),   # "has been implemented and is now complete"
    ("upr_slovenia.jsonl", "upr-svn-c3-122.91", Stance.NOTED, "description_only"),   # "Supported", only describes
    ("nz_taic_all.jsonl", "nz-taic-101-00-948", Stance.ACCEPTED, "future_action"),  # "Instructions will be added"
    ("nz_taic_all.jsonl", "nz-taic-027-99-1134", Stance.ACCEPTED, "activity"),      # "has completed publication"
    ("nz_taic_all.jsonl", "nz-taic-023-92-1745", Stance.REJECTED, "refusal"),       # "were adequate at the time"
    ("nz_taic_all.jsonl", "nz-taic-no ID113-1941", Stance.REJECTED, "refusal"),     # "is impractical"
    ("nz_taic_all.jsonl", "nz-taic-037-95-1518", Stance.REJECTED, "refusal"),       # "questions the continual reference"
    ("nz_taic_all.jsonl", "nz-taic-092-98-1181", Stance.ACCEPTED, "future_action"), # "would be pleased to make mention"
    ("nz_taic_all.jsonl", "nz-taic-007-15-195", Stance.UNCLEAR, "no_text"),        # "No response was available"
    ("nz_taic_all.jsonl", "nz-taic-068-04-643", Stance.UNCLEAR, "no_text"),        # "[No reply received]"
    ("nz_taic_all.jsonl", "nz-taic-072-94-1571", Stance.UNDER_CONSIDERATION, "deferral"),  # "before making any final decision"
    ("nz_taic_all.jsonl", "nz-taic-076-97-1312", Stance.ACCEPTED, "future_action"),  # "has commenced", "November 1998"
    # the register's placeholders for a reply it does not hold
    ("nz_taic_all.jsonl", "nz-taic-043-97-1299", Stance.UNCLEAR, "no_text"),  # "No reply recorded"
    ("nz_taic_all.jsonl", "nz-taic-052-00-996", Stance.UNCLEAR, "no_text"),  # "[See respondent's other comment]"
    ("nz_taic_all.jsonl", "nz-taic-066-95-1486", Stance.UNCLEAR, "no_text"),  # "... declined to respond."
    ("nz_taic_all.jsonl", "nz-taic-041-01-885", Stance.UNCLEAR, "no_text"),  # "No reply to SR."
]


@pytest.mark.parametrize("name,record_id,stance,reason", REAL_REPLIES)
def test_real_replies_judged_by_conduct(nlp, name, record_id, stance, reason):
    conduct = _reading(nlp, name, record_id)
    assert (conduct.stance, conduct.reason) == (stance, reason)


# Description-only replies (no commitment or action extracted): reported doings are the model's to judge,
# a standing rule stays noted.
NARRATED = [
    ("nz_taic_all.jsonl", "nz-taic-047-93-1676", False),  # "has been passed to the Rules Rewrite Team"
    ("nz_taic_all.jsonl", "nz-taic-035-98-1242", False),  # "Each skipper will be required to re-read"
    ("upr_slovenia.jsonl", "upr-svn-c4-140.24", True),  # "is regulated by strategic documents"
]


@pytest.mark.parametrize("name,record_id,decisive", NARRATED)
def test_a_description_that_reports_doings_is_not_decisive(nlp, name, record_id, decisive):
    conduct = _reading(nlp, name, record_id)
    assert (conduct.stance, conduct.reason, conduct.decisive) == (Stance.NOTED, "description_only", decisive)


def test_real_replies_are_outside_every_gold_file():
    """The cases above were judged by hand, not taken from gold: no held-out record may be among them."""
    from respassess.evaluate import load_gold
    from tests.conftest import REPO_ROOT, shared_path

    gold = {g["id"] for g in load_gold(shared_path("gold", "dev.jsonl"))}
    team = REPO_ROOT / "evaluation" / "gold" / "respassess_team.jsonl"
    if team.exists():
        gold |= {g["id"] for g in load_gold(team)}
    assert not gold & {record_id for _, record_id, _, _ in REAL_REPLIES}
    assert not gold & {record_id for _, record_id, _ in NARRATED}

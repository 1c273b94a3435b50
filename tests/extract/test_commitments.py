"""Tests for respassess.extract.commitments: commitments vs actions (ANNOTATION.md §3)."""

from __future__ import annotations

import pytest

from respassess.extract.commitments import extract_actions, extract_commitments
from respassess.extract.dates import extract_dates
from respassess.segment import split_sentences
from respassess.types import ActionStatus, CommitmentStrength

from ..conftest import load_jsonl, shared_path

# Real sentences (seed and records/au_dev.jsonl): (sentence, strength, actor, cue word expected in cue, conditional)
CASES = [
    ("The government intends to set out plans for reforming the SEND system in further detail later this year.",
     "qualified", "The government", "intend", False),
    ("The government will work closely with parents, teachers and local authorities to take forward this work.",
     "vague", "The government", "work", False),
    ("The Attorney-General’s Department will publish Guidelines to assist agencies and providers\napplying the TIA Act.",
     "firm", "The Attorney-General’s Department", "will", False),
    ("DFAT will keep these arrangements under review.", "vague", "DFAT", "keep", False),
    ("The University Foreign Interference Taskforce Training Working Group will consider behavioural issues on\n"
     "campus as part of its remit.", "vague", "The University Foreign Interference Taskforce Training Working Group",
     "consider", False),
    ("DFAT will seek to further strengthen the inclusion of women in the delivery and evaluation of the AHP’s "
     "disaster preparedness programs.", "qualified", "DFAT", "seek", False),
    ("The Government will introduce legislative\namendments to impose these practices as statutory obligations on "
     "agencies.", "firm", "The Government", "will", False),
    ("Subject to funding, the Department will establish a national register by March 2026.", "qualified",
     "the Department", "will", True),
    # "committed to" is the subject's undertaking, passive only in form (invented, in the genre)
    ("The Government is committed to establishing the register by 2025.", "firm", "The Government", "commit", False),
]


def _sentences(doc):
    return split_sentences(doc)


@pytest.mark.parametrize("sentence,strength,actor,cue,conditional", CASES)
def test_commitment_table(nlp, sentence, strength, actor, cue, conditional):
    doc = nlp(sentence)
    found = extract_commitments(doc, _sentences(doc))
    assert len(found) == 1, found
    (c,) = found
    assert c.strength is CommitmentStrength(strength)
    assert c.actor == actor
    assert cue in c.cue
    assert c.conditional is conditional
    assert doc.text[c.start:c.end] == c.text


def test_deadline_comes_from_a_date_in_the_clause(nlp):
    text = "The government intends to set out plans for reforming the SEND system in further detail later this year."
    doc = nlp(text)
    dates = extract_dates(doc, jurisdiction="United Kingdom")
    (c,) = extract_commitments(doc, _sentences(doc), dates=dates)
    assert c.deadline == "later this year"


@pytest.mark.parametrize("sentence", [
    "Provider boards should also consider how they use data on restrictive practice.",
    "The Government does not support this recommendation.",
    "The Government will not introduce a new offence.",
    "The Committee recommended that the Government publish a plan.",
])
def test_not_commitments(nlp, sentence):
    doc = nlp(sentence)
    assert extract_commitments(doc, _sentences(doc)) == ()


@pytest.mark.parametrize("sentence,strength,actor", [
    # nz_taic_all.jsonl replies: a step scheduled in the passive ("is to be" + a participle of change)
    ("The Safe Ship Management data and definitions are to be revised, in consultation with DOC for safety of "
     "operations.", "firm", "Maritime NZ"),
    ("NRSS 3 is to be withdrawn later this year and replaced with the new standard.", "firm", "Maritime NZ"),
    ("The procedure is to be reviewed by the safety committee.", "vague", "the safety committee"),
])
def test_a_step_scheduled_in_the_passive_is_a_commitment(nlp, sentence, strength, actor):
    doc = nlp(sentence)
    (c,) = extract_commitments(doc, _sentences(doc), responder="Maritime NZ")
    assert c.strength is CommitmentStrength(strength) and c.actor == actor  # the doer, not the thing done


@pytest.mark.parametrize("sentence", [
    # invented, in the genre of Australian replies, and nz_taic_all.jsonl (009/06: "this training will take place
    # on the simulator"): an activity the responder runs, scheduled to start or happen
    "Consultation on an exposure draft will take place in early 2026.",
    "The review will commence in March 2025.",
    "This training will take place on the simulator operated by the Navy.",
])
def test_an_activity_scheduled_to_happen_is_the_responders_commitment(nlp, sentence):
    doc = nlp(sentence)
    (c,) = extract_commitments(doc, _sentences(doc), responder="Department of Health")
    assert c.strength is CommitmentStrength.FIRM and c.actor == "Department of Health"


@pytest.mark.parametrize("sentence", [
    "This work will help reduce harm.",
    "The review will take account of the Committee's findings.",
])
def test_an_activity_that_does_something_else_is_not_scheduled(nlp, sentence):
    doc = nlp(sentence)
    assert all(c.actor != "Department of Health" for c in extract_commitments(doc, _sentences(doc),
                                                                              responder="Department of Health"))


@pytest.mark.parametrize("sentence", [
    # a rule stated, not a step undertaken (nz_taic_all.jsonl wording)
    "Any defects affecting aircraft airworthiness are to be reported to the company chief engineer.",
    "No parachuting operation is to be conducted with more occupants than seats.",
])
def test_a_rule_in_the_passive_is_not_a_commitment(nlp, sentence):
    doc = nlp(sentence)
    assert extract_commitments(doc, _sentences(doc)) == ()


# Actions: (sentence, status, cue word) -- these are never commitments
ACTIONS = [
    ("At Autumn Budget 2024, the government announced an almost £1 billion increase to SEND funding.", "completed",
     "announced"),
    ("The Attorney-General’s Department has developed Guidelines for use by agencies.", "completed", "developed"),
    ("The Government is working with the sector to define reporting arrangements.", "ongoing", "working"),
    ("The department continues to test new ways to improve its data.", "ongoing", "continues"),
    # upr_slovenia.jsonl: work begun is under way, not done
    ("In cooperation with relevant ministries, the competent Government Office for\nNational Minorities has already "
     "begun the activities to draft a new comprehensive national programme of measures for Roma.", "ongoing", "begun"),
    ("Work had begun in 2019.", "completed", "begun"),
    # nz_taic_all.jsonl replies: an adverbial between auxiliary and verb; work "in the process of" being done
    ("Salt Air Ltd have in the past 2 - 3 weeks contracted to the Metservice to provide full weather information as "
     "per the recommendation.", "completed", "contracted"),
    ("We are in the process of reviewing the theory test papers to ensure that we have all critical elements covered.",
     "ongoing", "in the process of reviewing"),
]


@pytest.mark.parametrize("sentence,status,cue", ACTIONS)
def test_actions(nlp, sentence, status, cue):
    doc = nlp(sentence)
    sentences = _sentences(doc)
    actions = extract_actions(doc, sentences)
    assert any(a.status is ActionStatus(status) and cue in a.cue for a in actions), actions
    assert extract_commitments(doc, sentences) == ()


def test_the_doer_is_found_past_an_adverbial_and_a_process_frame(nlp):
    for text, actor in [("Salt Air Ltd have in the past 2 - 3 weeks contracted to the Metservice.", "Salt Air Ltd"),
                        ("The company is currently in the process of installing new alarms.", "The company")]:
        doc = nlp(text)
        (action,) = extract_actions(doc, _sentences(doc))
        assert action.actor == actor and action.text.startswith(actor)


def test_a_process_promised_for_later_is_no_action(nlp):
    doc = nlp("We will be in the process of changing it.")
    assert extract_actions(doc, _sentences(doc)) == ()


def test_mixed_sentence_splits_action_and_commitment(nlp):
    text = ("The Government is working with the sector to define reporting arrangements on the\nimplementation of the "
            "revised UFIT Guidelines and will share with the PJCIS the findings of\nany report.")
    doc = nlp(text)
    sentences = _sentences(doc)
    assert [a.status for a in extract_actions(doc, sentences)] == [ActionStatus.ONGOING]
    (c,) = extract_commitments(doc, sentences)
    assert "share" in c.text and c.actor == "The Government"


def test_dhsc_record_commitments(nlp):
    recs = {r["id"]: r for r in load_jsonl(shared_path("records", "uk_dhsc.jsonl"))}
    rec = recs["uk-dhsc-mhis-rapid-review-rec13"]
    doc = nlp(rec["response"])
    sentences = _sentences(doc)
    dates = extract_dates(doc, response_date=rec["response_date"], jurisdiction=rec["jurisdiction"])
    found = extract_commitments(doc, sentences, dates=dates)
    assert [c.start for c in found] == sorted(c.start for c in found)
    meet = next(c for c in found if "meet" in c.text)
    assert meet.deadline == "in the coming months" and meet.strength is CommitmentStrength.FIRM
    for c in found:
        s = next(s for s in sentences if s.index == c.sentence_index)
        assert s.start <= c.start < s.end


# Round 2 rules. (sentence, strength, actor, cue word expected in cue) -- au_dev/seed records or invented edge cases
ROUND2_CASES = [
    # "will work with X" with a deliverable stays firm (ANNOTATION.md §3 makes only "no deliverable" vague)
    ("The Department of Education will engage with the Australian Research Council (ARC) to\nreview active/current "
     "ARC grants in the context of consideration of foreign interference risks.", "firm",
     "The Department of Education", "will"),
    ("The Ministry will liaise with the regulator to investigate what action to take.", "vague", "The Ministry",
     "liaise with"),
    ("The University Foreign Interference Taskforce will continue its efforts to build the sector’s\nunderstanding "
     "of the risk.", "vague", "The University Foreign Interference Taskforce", "continue"),
    ("The Ministry will await discussions on the recommendations with NZTA in due course.", "vague", "The Ministry",
     "await"),
    ("The Department will take these findings into account.", "vague", "The Department", "take"),
    # adjectives and reported undertakings
    ("We are committed to taking all reasonable steps to improve safety at the site.", "vague", "We", "committed"),
    ("The Director is prepared to review the general guidance material.", "qualified", "The Director", "prepared"),
    ("The Authority has agreed to monitor voluntary compliance for twelve months.", "firm", "The Authority", "agree"),
    # plans stated with "is to" and "the plan that"
    ("The strategy is to deliver a Business Case next year.", "qualified", "The strategy", "is to"),
    ("The Department is to publish revised guidance by March 2026.", "firm", "The Department", "is to"),
    ("CQC is updating its approach, with the plan that all of its operational teams will have adopted the new "
     "model by early 2024.", "qualified", "all of its operational teams", "plan that"),
    # a misparsed opening participle does not hide the agent
    ("Building on the successes of Phase I (2017-22) DFAT will seek to further strengthen the\ninclusion of women in "
     "the delivery and evaluation of the AHP’s disaster preparedness\nprograms.", "qualified", None, "seek"),
    # a relative clause with "who" is an undertaking by its antecedent
    ("The report has been passed to the safety team who will carry out a full review.", "firm", "the safety team",
     "will"),
]


@pytest.mark.parametrize("sentence,strength,actor,cue", ROUND2_CASES)
def test_round2_commitment_table(nlp, sentence, strength, actor, cue):
    doc = nlp(sentence)
    found = extract_commitments(doc, _sentences(doc))
    assert len(found) == 1, found
    (c,) = found
    assert c.strength is CommitmentStrength(strength), c
    if actor is not None:
        assert c.actor == actor
    assert cue in c.cue
    assert doc.text[c.start:c.end] == c.text


# Future clauses that are not the responder's undertakings (ANNOTATION.md §3)
@pytest.mark.parametrize("sentence", [
    "This will be underpinned by its objective to ensure local authorities can deliver high quality services for "
    "children and young people with SEND in a financially sustainable way.",
    "The\nRegional HADR Framework will complement the work of the Pacific Islands Forum and\nmainstream the Women, "
    "Peace and Security agenda.",
    "The reforms will support putting the service on a sustainable footing.",
    "This will focus more broadly on oversight and assurance.",
    "Reporting on implementation of the revised Guidelines will provide an opportunity for universities to "
    "share practice.",
    "These controls are intended to discourage the use of drugs.",
    "This process is envisaged to take some time.",
    "The Government is committed to ensuring access to telecommunications data is necessary and\nproportionate.",
    "The Director is prepared to accept the recommendation.",
    "As you will appreciate, the number of beds is set locally.",
    "I hope this response is helpful.",
    "We wish to extend our sincere condolences to the family.",
    "It is also important to note that the agency uses several mechanisms.",
    "The goal is to make communities resilient to disasters.",
    # nz_taic_all.jsonl (dev split): papers sent with the letter
    "I will attach a photograph of our logbook entry supplied to those who have attended the lecture.",
    "We will enclose a copy of the minutes.",
    "We recognise the outcomes the Commission is seeking to achieve.",
    # invented, in the genre: how long something will take, with no step named
    "Implementation will take some time.",
    "Full implementation will take a number of years.",
    "It will be some time before the new rule is in force.",
    # nz_taic_all.jsonl (dev split) wording: the stance in the future tense, with no means named
    "The Director will accept this recommendation.",
])
def test_descriptive_future_is_not_a_commitment(nlp, sentence):
    doc = nlp(sentence)
    assert extract_commitments(doc, _sentences(doc)) == ()


@pytest.mark.parametrize("sentence", [
    # invented, in the genre: a duration with the step it is for is a timed undertaking
    "It will take 6 months to develop the system.",
    "The Ministry will take action on each recommendation.",
    # ... and the stance with the means it will be carried out by
    "The CAA will accept the recommendation by co-ordinating with Transport Canada on the safety issues.",
])
def test_a_duration_or_a_position_with_its_step_is_still_a_commitment(nlp, sentence):
    doc = nlp(sentence)
    assert len(extract_commitments(doc, _sentences(doc))) == 1


@pytest.mark.parametrize("sentence,deadline", [
    # nz_taic_all.jsonl (dev split) wording: a step of the responder's expected on a schedule
    ("This process is expected to be initiated by the end of June 1998.", "by the end of June 1998"),
    ("The review is expected to be completed by June 2025.", "by June 2025"),
])
def test_a_step_expected_on_a_schedule_is_a_qualified_commitment(nlp, sentence, deadline):
    doc = nlp(sentence)
    dates = extract_dates(doc, jurisdiction="New Zealand")
    (c,) = extract_commitments(doc, _sentences(doc), dates=dates)
    assert c.strength is CommitmentStrength.QUALIFIED and c.deadline == deadline


def test_content_of_a_deliverable_is_a_commitment(nlp):
    doc = nlp("The department will publish a strategy. This will include agreeing the most useful metrics.")
    texts = [c.text for c in extract_commitments(doc, _sentences(doc))]
    assert any(t.startswith("This will include") for t in texts), texts


def test_two_commitments_joined_by_and(nlp):
    doc = nlp("The government is committed to working with system partners on the deliverables and intends to "
              "provide an update on progress by July 2024.")
    found = extract_commitments(doc, _sentences(doc), dates=extract_dates(doc, response_date="2024-03-21"))
    assert [c.strength for c in found] == [CommitmentStrength.VAGUE, CommitmentStrength.QUALIFIED]
    assert found[1].deadline == "by July 2024" and "intend" in found[1].cue


def test_we_is_the_responder(nlp):
    doc = nlp("We will publish the revised guidance by March 2026. The guidance will be laid before Parliament.")
    plain = extract_commitments(doc, _sentences(doc))
    assert [c.actor for c in plain] == ["We", None]  # an agentless passive is done by the responder
    named = extract_commitments(doc, _sentences(doc), responder="NICE")
    assert [c.actor for c in named] == ["NICE", "NICE"]


def test_tracker_label_is_not_part_of_the_actor(nlp):
    doc = nlp("Supported\nASIO, Home Affairs and the Australian Cyber Security Centre will continue to provide "
              "regular briefings to the sector.")
    (c,) = extract_commitments(doc, _sentences(doc))
    assert c.actor.startswith("ASIO")


# Items under a lead "X will:" -- (text, [(item start, strength)]); the lead itself ends at its colon
LISTS = [
    ("The programme of work will also:\nagree principles for reducing the data burden where it does not clearly\n"
     "result in improvements to quality and safety\nconsider what enablers are needed to improve data sharing and\n"
     "timeliness of reporting\nOnce confirmed, the outcomes will be shared with providers.",
     [("agree principles", "firm"), ("consider what", "vague")]),
    ("KiwiRail agrees with the intent of this recommendation and will take the following actions to address this:"
     "\n\n• Introduce a procedure for testing all systems after re-coupling. Systems include Public Address.\n"
     "• Update manuals and procedures with this requirement.\n\nThe timeframe is end of 2023.",
     [("will take the following actions", "firm"), ("Introduce a procedure", "firm"), ("Update manuals", "firm")]),
]


@pytest.mark.parametrize("text,expected", LISTS)
def test_list_items_are_commitments(nlp, text, expected):
    doc = nlp(text)
    found = extract_commitments(doc, _sentences(doc))
    assert [(c.text[:len(s)], c.strength.value) for c, (s, _) in zip(found, expected)] == expected
    assert len(found) == len(expected)
    assert "result in improvements" in found[0].text or found[0].text.endswith("to address this")
    for c in found:
        assert doc.text[c.start:c.end] == c.text and ":" not in c.text


# Future clauses that are not the responder's undertaking (records/uk_pfd.jsonl): a quoted policy passage,
# anyone in a role ("a social worker"), the letter pointing at itself. ANNOTATION.md §3.
NOT_COMMITMENTS = [
    ("WSFT’s policy specifically highlights that:\n\n“5.3. Emergency Admissions\nPatients admitted through ED will "
     "be triaged using the Manchester Triage Tool. Observations will be recorded on the observation form.”"),
    ("It is good practice that a social worker will make their methodology clear in the S42 report."),
    ("The SLA which provides that a renal specialist will attend GEH on request should help identify those "
     "patients."),
    ("A response as to the quality of the section 42 work undertaken will be provided below."),
    ("I hope this response will provide the reassurance and information that you seek."),
]


@pytest.mark.parametrize("text", NOT_COMMITMENTS)
def test_not_undertakings(nlp, text):
    doc = nlp(text)
    assert extract_commitments(doc, split_sentences(doc)) == ()


# ... while the same shapes with a body that acts, or outside the quotation, still commit
@pytest.mark.parametrize("text,clause", [
    ("Following this, a working group will be established thereafter at WSFT to implement any changes.",
     "a working group will be established"),
    ("A working group will review the guidance by March 2025.", "A working group will review the guidance"),
    ("I will update you further, as below.", "will update you further"),
    ("The policy says “staff must record observations on the form at every visit to the ward”. We will audit "
     "compliance by June 2025.", "We will audit compliance"),
])
def test_undertakings_kept(nlp, text, clause):
    doc = nlp(text)
    found = [c.text for c in extract_commitments(doc, split_sentences(doc))]
    assert any(clause in c for c in found), found


def test_acronym_actor_spelled_out_from_its_definition(nlp):
    text = ("Both University Hospitals Coventry and Warwickshire NHS Trust (UHCW) and GEH have agreed an SLA. "
            "UHCW will be responsible to accept all renal patients admitted to GEH.")
    doc = nlp(text)
    actors = [c.actor for c in extract_commitments(doc, split_sentences(doc))]
    assert actors == ["University Hospitals Coventry and Warwickshire NHS Trust (UHCW)"]


@pytest.mark.parametrize("sentence,cue", [
    # nz_taic_all.jsonl (dev split): the progressive states the intention as firmly as "proposes to"
    ("Maritime New Zealand is proposing to develop and include an amendment to this effect in a package of SOLAS "
     "amendments.", "propos"),
    ("We are planning to install new alarms on all vessels.", "plan"),
    ("We will attach warning labels to every valve by June.", "will"),
])
def test_progressive_intentions_and_physical_attaching_are_commitments(nlp, sentence, cue):
    doc = nlp(sentence)
    (c,) = extract_commitments(doc, _sentences(doc))
    assert cue in c.cue.lower()
    assert c.strength is (CommitmentStrength.FIRM if cue == "will" else CommitmentStrength.QUALIFIED)

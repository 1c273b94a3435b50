"""Recommendation -> asks: exact offsets, preambles dropped, lists and properties split."""

import pytest
from hypothesis import given, settings, strategies as st

from respassess.segment import own_answer_end, split_asks, split_sentences
from tests.conftest import load_jsonl, shared_path


def test_seed_recommendation_splits_into_its_asks(nlp, seed_record):
    asks = split_asks(nlp(seed_record.recommendation))
    texts = [a.text for a in asks]
    assert "fully costed" in texts
    assert any(t.startswith("plan for improving") for t in texts)
    assert any("clear interdependencies" in t for t in texts)
    assert not any(t.lower().startswith("the committee recommends") for t in texts)


@pytest.mark.parametrize("text,expected", [
    # AU/TAIC subjunctive: the ask starts at its verb, the subject is not part of it
    ("The Committee recommends that the Australian Government provide deeper and timelier security advice.",
     ["provide deeper and timelier security advice"]),
    # a web address is elaboration, not part of the ask
    ("Providers should be compliant with the digital technology assessment criteria (https://example.org/dtac).",
     None),
    # a hyphenated compound is not a "funded" property
    ("Every provider and commissioner of NHS-funded care should have access to digital platforms.", None),
    # the metrics keep the property word that qualifies them (invented, in the genre)
    ("The Committee recommends that the Government develop a workforce strategy with measurable targets by the end "
     "of 2024.", ["develop a workforce strategy", "measurable targets", "by the end of 2024"]),
    # a required property listed with "including" is an ask; what the targets measure stays with them
    ("The Committee recommends that the Australian Government develop a national workforce strategy for aged care, "
     "including measurable targets for staff retention, and report annually to Parliament on progress.",
     ["develop a national workforce strategy for aged care", "measurable targets for staff retention",
      "report annually to Parliament on progress"]),
    # an example list stays out
    ("The Committee recommends that the Australian Government develop a national workforce strategy for aged care, "
     "including examples of good practice.", ["develop a national workforce strategy for aged care"]),
])
def test_genre_rules(nlp, text, expected):
    asks = split_asks(nlp(text))
    texts = [a.text for a in asks]
    if expected is not None:
        assert texts == expected
    assert not any("https" in t for t in texts)
    assert "funded" not in texts


def test_bullets_lost_in_extraction_start_new_asks(nlp):
    text = ("NHS England should:\nconsider what metrics need to be collected by the end of 2023\n"
            "consider what enablers are needed to reduce burdens")
    texts = [a.text for a in split_asks(nlp(text))]
    assert any(t.startswith("consider what metrics") for t in texts)
    assert any(t.startswith("consider what enablers") for t in texts)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(["publish a plan", "fund it", "with metrics", "; and", ", alongside targets",
                                 "The Committee recommends that the Department", "\n• review it", " (Canada);"]),
                min_size=1, max_size=6))
def test_offsets_are_exact(nlp, parts):
    text = " ".join(parts)
    for unit in (*split_asks(nlp(text)), *split_sentences(nlp(text))):
        assert text[unit.start:unit.end] == unit.text and unit.text.strip()


@pytest.mark.parametrize("gold_file,floor_f1,floor_p,floor_r", [
    # The maintainers' file sets the conventions: its floor is tight.
    ("dev.jsonl", 0.79, 0.77, 0.82),
    # Our file: its later rounds cut finer (object lists, purposes), so its figures follow the data.
    ("respassess_team.jsonl", 0.70, 0.74, 0.65),
])
def test_segmentation_f1_on_dev_gold_floor(nlp, gold_file, floor_f1, floor_p, floor_r):
    """Each gold file, dev split only (the split rules are tuned on)."""
    from respassess.evaluate import heldout_split
    from respassess.evaluation.matching import match_spans
    from tests.conftest import REPO_ROOT, load_jsonl, shared_path

    texts = {}
    for path in sorted(shared_path("records").glob("*.jsonl")):
        texts.update({r["id"]: r["recommendation"] for r in load_jsonl(path) if "id" in r and r.get("recommendation")})
    path = shared_path("gold", gold_file) if gold_file == "dev.jsonl" else REPO_ROOT / "evaluation" / "gold" / gold_file
    m = p = g = 0
    for rec in (r for r in load_jsonl(path) if heldout_split(r["id"]) == "dev"):
        asks = [a.text for a in split_asks(nlp(texts[rec["id"]]))]
        clauses = [c["text"] for c in rec["clauses"]]
        m, p, g = m + len(match_spans(clauses, asks)), p + len(asks), g + len(clauses)
    precision, recall = m / p, m / g
    # Both files together: 0.641 (P 0.574, R 0.727) at the end of round 2; 0.766 (P 0.722, R 0.816) in
    # round 3; 0.755 after round 4, 0.765 after round 5; then each round of our file cut finer (rounds 6,
    # 9, 10, 11, 12; the split rules did not change in sessions 7 and 8): 0.722 (P 0.760, R 0.687) after
    # round 12, where dev.jsonl alone gives 0.800 (P 0.776, R 0.826) and our file 0.707 (P 0.756, R 0.663).
    # evaluation/segment_eval.py prints these figures.
    assert 2 * m / (p + g) >= floor_f1
    assert precision >= floor_p and recall >= floor_r


# --- round 2: general rules (ANNOTATION.md §2: the shortest span naming each ask) ------------

@pytest.mark.parametrize("text,must_have,must_not_have", [
    # subjunctive after a preamble without "that": the title is the actor, not part of the ask
    ("The Committee recommends the Australian Government\nprovide deeper and timelier security advice "
     "to assist the sector.", ["provide deeper and timelier security advice to assist the sector"],
     ["the Australian Government"]),
    # a long title the tagger misreads ("review" as a noun) still loses its subject
    ("The Commission recommends that the Secretary for Transport review and revise Civil Aviation Rule "
     "Part 91 for balloon operations.", ["review and revise Civil Aviation Rule Part 91 for balloon operations"], []),
    # passive clauses with their own subjects are separate asks
    ("The Committee recommends that section 178 be amended and section 179 be repealed so that an officer "
     "cannot make an authorisation.", ["section 178 be amended", "section 179 be repealed"], []),
    # a subject that is the thing asked about (not an actor) stays
    ("The Committee recommends that all support provided to organisations undertaking disaster planning "
     "include women representatives.",
     ["all support provided to organisations undertaking disaster planning include women representatives"], []),
    # coordinated "that"-clauses are separate asks
    ("The Committee recommends that universities disclose their agreements, and that robust academic "
     "freedom clauses be included in any agreement.",
     ["disclose their agreements", "robust academic freedom clauses be included in any agreement"], []),
])
def test_asks_are_the_shortest_spans(nlp, text, must_have, must_not_have):
    texts = [a.text for a in split_asks(nlp(text))]
    for want in must_have:
        assert want in texts, texts
    for unwanted in must_not_have:
        assert unwanted not in texts


@pytest.mark.parametrize("text,cut_before", [
    ("review their processes for allowing visitors access to wards with a view to increasing visiting time",
     "with a view to"),
    ("Introduce halal meal options for schools so that community members can exercise their freedoms",
     "so that"),
    ("commission a risk-based audit of research grants over the past decade noting the program is one of many",
     "noting"),
])
def test_trailing_elaboration_is_not_part_of_the_ask(nlp, text, cut_before):
    texts = [a.text for a in split_asks(nlp(text))]
    assert texts and texts[0] == text[:text.index(cut_before)].rstrip(" ,")


def test_a_fronted_deadline_is_an_ask_and_bodies_to_consult_are_not(nlp):
    text = ("Within 18 months of this report, the Committee recommends that the Department prepare national "
            "guidelines. The Department should meet and consult with (at a minimum):\n• the Privacy Commissioner;\n"
            "• the Commonwealth Ombudsman; and\n• the Law Council of Australia.")
    texts = [a.text for a in split_asks(nlp(text))]
    assert "Within 18 months of this report" in texts
    assert "prepare national guidelines" in texts
    assert not any(t.startswith("the Privacy Commissioner") or t.startswith("the Law Council") for t in texts)


def test_context_statements_are_not_asks_but_an_anaphoric_ask_keeps_its_issue(nlp):
    text = ("Currently the operator does not have a fully developed fatigue system to ensure that staff are alert.\n\n"
            "On 23 August 2018 the Commission recommended that the Chief Executive ensure that a fatigue risk "
            "management system is fully developed.")
    texts = [a.text for a in split_asks(nlp(text))]
    assert not any(t.startswith("Currently") for t in texts)
    assert any(t.startswith("ensure that a fatigue risk management system") for t in texts)
    issue = ("Crew resource management competency is not yet an effective safety measure for helicopters.\n\n"
             "On 1 May 2022 the Commission recommended that the Civil Aviation Authority address this safety issue.")
    texts = [a.text for a in split_asks(nlp(issue))]
    assert "address this safety issue" in texts
    assert any(t.startswith("Crew resource management competency") for t in texts)


@pytest.mark.parametrize("text,expected", [
    ("The court heard evidence about waiting times.\n\nI am concerned that national targets for ambulance "
     "response times continue not to be adhered to.\n\nTo the Chief Executive",
     ["national targets for ambulance response times continue not to be adhered to"]),
    ("Concern 1: Contacting specialist centres\nStaff may not know whom to contact. This could lead to delay.\n\n"
     "Concern 2: Information sharing\nThe information staff should provide may not be clearly defined.",
     ["Staff may not know whom to contact", "The information staff should provide may not be clearly defined"]),
])
def test_coroners_concerns_are_the_asks(nlp, text, expected):
    assert [a.text for a in split_asks(nlp(text))] == expected


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_offsets_are_exact_on_arbitrary_text(nlp, text):
    for unit in split_asks(nlp(text)):
        assert text[unit.start:unit.end] == unit.text and unit.text.strip()


# --- round 3: coordination, means, elaboration, lists and layout (ANNOTATION.md §2) -----------

AU_OVERSIGHT = ("The Committee recommends that the University Foreign Interference Taskforce have\n"
                "oversight of this campaign and report to the Australian Government on progress.")
AU_TRAINING = ("The Committee recommends University Foreign Interference Taskforce assist universities to introduce, "
               "maintain and develop relevant training on national security issues for staff and students.")
AU_RECORDS = ("The Committee recommends that section 306(5) of the Telecommunications Act 1997 be\n"
              "amended to require telecommunications service providers to keep detailed records of the\n"
              "kinds of information included in each disclosure of telecommunications data, including the\n"
              "types of telecommunications data that were disclosed.")
AU_AUDIT = ("The Committee recommends the Government direct the\nTertiary Education Quality and Standards Agency to "
            "initiate a regular audit of\nnational security issues and responses in the sector by establishing a "
            "National\nResearch Integrity Office within the Agency. The findings of this audit should be\n"
            "publicly reported.")
AU_BRIEFING = ("The Committee welcomes the revised UFIT Guidelines and\nfurther recommends adherence fo those guidelines "
               "be reported annually to the\nPJCIS in writing, accompanied by a classified briefing.")
AU_ADVICE = ("The Committee recommends more timely and relevant advice\nbe provided by the Department of Defence and "
             "the Department of Foreign Affairs\nand Trade in support of the defence export control and autonomous "
             "sanctions\nschemes.")
AU_CONSULT = ("The Committee recommends that, in consultation with other stakeholders (agencies with\naccess to the "
              "Mandatory Data Retention Regime, the Inspector General of Intelligence and\nSecurity, the Commonwealth "
              "Ombudsman and the Commonwealth Privacy\nCommissioner), the Department of Home Affairs should within 18 "
              "months of this report\ndevelop guidelines for data collection to be applied across the Mandatory Data "
              "Retention\nRegime.")


@pytest.mark.parametrize("text,expected", [
    # a coordinated verb phrase with its own object is a second ask, even when the tagger
    # reads "report" as a noun
    (AU_OVERSIGHT, ["the University Foreign Interference Taskforce have\noversight of this campaign",
                    "report to the Australian Government on progress"]),
    # ... and when it reads an imperative "Ban" as a proper noun
    ("Ban corporal punishment in all settings and establish a campaign against violence towards children "
     "(Norway);", ["Ban corporal punishment in all settings", "establish a campaign against violence towards children"]),
    # verbs that share one object stay one ask
    (AU_TRAINING, ["assist universities to introduce, maintain and develop relevant training on national security "
                   "issues for staff and students"]),
    # a repeated "to" opens a new ask
    ("Increase efforts to prevent trafficking of persons and to protect and support victims (Egypt);",
     ["Increase efforts to prevent trafficking of persons", "to protect and support victims"]),
    # "be amended to require ..." names the amendment: one ask; "including ..." is an example list
    (AU_RECORDS, ["section 306(5) of the Telecommunications Act 1997 be\namended to require telecommunications "
                  "service providers to keep detailed records of the\nkinds of information included in each "
                  "disclosure of telecommunications data"]),
    # a means ("by establishing") and an attached deliverable (", accompanied by") are asks
    (AU_AUDIT, ["direct the\nTertiary Education Quality and Standards Agency to initiate a regular audit of\nnational "
                "security issues and responses in the sector", "establishing a National\nResearch Integrity Office "
                "within the Agency", "The findings of this audit should be\npublicly reported"]),
    (AU_BRIEFING, ["adherence fo those guidelines be reported annually to the\nPJCIS in writing",
                   "accompanied by a classified briefing"]),
    # a subjunctive passive wrapped before its "be" is one ask, subject and all
    (AU_ADVICE, ["more timely and relevant advice\nbe provided by the Department of Defence and the Department of "
                 "Foreign Affairs\nand Trade in support of the defence export control and autonomous sanctions\nschemes"]),
    # a fronted mechanism and a deadline between modal and verb are properties the responder must meet
    (AU_CONSULT, ["in consultation with other stakeholders", "within 18 months of this report",
                  "develop guidelines for data collection to be applied across the Mandatory Data Retention\nRegime"]),
    # a light verb keeps its purpose: "take steps to ensure X" is one ask
    ("The Department should take steps to ensure that data is available to those who need it.",
     ["take steps to ensure that data is available to those who need it"]),
    # a relative clause describes, it does not ask
    ("The regulator should provide guidance for inspections of parts with unknown service histories or "
     "incomplete documentation, or that have been stored improperly.",
     ["provide guidance for inspections of parts with unknown service histories or incomplete documentation, or "
      "that have been stored improperly"]),
    # coordinated "whether" clauses are separate asks and keep their subject
    ("The inspectorate should assess and report on whether boards include experts by experience and whether "
     "boards maintain a high level of data literacy.",
     ["The inspectorate should assess and report on whether boards include experts by experience",
      "whether boards maintain a high level of data literacy"]),
    # a result after a comma is an ask; the example list before it is not
    ("Strengthen measures to combat violence against women, including domestic violence and sexual abuse, by "
     "ensuring that victims have access to effective remedies (Rwanda);",
     ["Strengthen measures to combat violence against women", "ensuring that victims have access to effective "
                                                                "remedies"]),
    # "including by V-ing" names a means, which is an ask like "by establishing an Office" (team gold
    # upr-svn-c3-122.28), not an example to drop
    ("Continue efforts to combat violence against women, including by integrating non-discriminatory values in "
     "education curricula, and establish a national helpline (Chile);",
     ["Continue efforts to combat violence against women",
      "integrating non-discriminatory values in education curricula", "establish a national helpline"]),
    # the same ask made by two States is one ask; "(No. 190)" is part of a title, not a State
    ("Recognize the competence of the Committee to receive communications from individuals (Lithuania); "
     "Recognize the competence of the Committee to receive communications from victims (Slovakia);",
     ["Recognize the competence of the Committee to receive communications from individuals"]),
    ("Ratify the ILO Violence and Harassment Convention, 2019 (No. 190) (Chile);",
     ["Ratify the ILO Violence and Harassment Convention, 2019 (No. 190)"]),
    # mis-decoded no-break space after the preamble
    ("The Commission recommended that\u00c2\u00a0the Secretary for Transport review the rules for balloon operations.",
     ["review the rules for balloon operations"]),
])
def test_round3_clause_rules(nlp, text, expected):
    assert [a.text for a in split_asks(nlp(text))] == expected


def test_an_including_list_of_costs_is_an_ask_in_a_real_recommendation(nlp):
    # uk_dhsc.jsonl rec2: dev.jsonl gold has "including cost implications and a value for money assessment" as an ask
    text = next(r["recommendation"] for r in load_jsonl(shared_path("records", "uk_dhsc.jsonl"))
                if r["id"] == "uk-dhsc-mhis-rapid-review-rec2")
    texts = [a.text for a in split_asks(nlp(text))]
    assert any(t.startswith("including cost implications and a\nvalue for money assessment") for t in texts), texts
    assert any(t.startswith("scope out options for") and "cost" not in t for t in texts), texts


def test_subject_apposition_is_not_an_including_tail(nlp):
    texts = [a.text for a in split_asks(nlp(
        "Trust and provider leaders, including board members, should prioritise spending time on wards regularly."))]
    assert texts == ["prioritise spending time on wards regularly"]


@pytest.mark.parametrize("record_id,wanted,unwanted", [
    # bodies to consult after "meet and consult with (at a minimum):" are not asks; a closing
    # bracketed aside is cut off
    ("au-otd1140-rec1", ["meet and\nconsult with", "The national guidelines should be made public",
                         "Within 18 months from the date of the Committee’s report"],
     ["each criminal law-enforcement agency", "industry representatives"]),
    # "for the purpose of ... and enhancing ..." is one purpose, not an ask
    ("au-otd1140-rec2", ["meet and consult with the following\nin seeking to develop this definition"],
     ["enhancing privacy protections", "the Communications Alliance and other industry representatives"]),
    # a page number on its own line is neither an ask nor part of one
    ("au-otd1140-rec6", ["the number of individuals that the authorisations by each enforcement agency and\nASIO "
                         "related to"], []),
    ("au-otd1140-rec11", ["section 5AB of the Telecommunications (Interception\nand Access) Act 1979 be amended"],
     ["At a minimum:\n10", "At a minimum"]),
])
def test_au_records(nlp, record_id, wanted, unwanted):
    text = next(r["recommendation"] for r in load_jsonl(shared_path("records", "au_dev.jsonl")) if r["id"] == record_id)
    texts = [a.text for a in split_asks(nlp(text))]
    for want in wanted:
        assert want in texts, texts
    for unwanted_text in unwanted:
        assert unwanted_text not in texts, texts
    assert not any(t.rstrip()[-1:].isdigit() and "\n" in t[-4:] for t in texts)


def test_unbulleted_list_items_under_a_lead_in_are_asks(nlp):
    text = ("Estates should be reviewed. The review should include:\n"
            "identification of critical safety issues and derogations from building notes.\n"
            "a collaborative approach across providers to interrogate estates data to inform capital plans\n"
            "a parallel identification of current capital plans which will reduce these estate risks - for example, "
            "the removal of dormitories by March 2025")
    assert [a.text for a in split_asks(nlp(text))] == [
        "Estates should be reviewed", "identification of critical safety issues and derogations from building notes",
        "a collaborative approach across providers to interrogate estates data to inform capital plans",
        "a parallel identification of current capital plans which will reduce these estate risks"]


@pytest.mark.parametrize("text", [
    "The Committee recommends that the Department of Health:\n(a) review the funding model;\n"
    "(b) publish the outcomes of the review; and\n(c) report to Parliament.",
    "The committee recommends that the Australian Government:\n• review the funding model;\n"
    "• publish the outcomes of the review; and\n• report to Parliament.",
    "The Committee recommends that the Minister:\ni) review the funding model;\nii) publish the outcomes of the "
    "review; and\niii) report to Parliament.",
])
def test_the_body_a_list_is_addressed_to_is_no_ask_and_item_labels_are_cut(nlp, text):
    # the Australian committees' layout (invented, in the genre): who should act, then one labelled item per ask
    assert [a.text for a in split_asks(nlp(text))] == [
        "review the funding model", "publish the outcomes of the review", "report to Parliament"]


@pytest.mark.parametrize("text,expected", [
    # a report's paragraph number before the preamble (Senate committee responses quote it)
    ("2.45 The committee recommends that the Australian Government establish an independent review of pricing.",
     ["establish an independent review of pricing"]),
    # a body named in capitals before an ask verb the tagger reads as a noun
    ("The committee recommends that the Australian Government fund advocacy services.", ["fund advocacy services"]),
    ("The Committee recommends that the Australian Government legislate a participant service guarantee.",
     ["legislate a participant service guarantee"]),
    # a lower-case subject before a verb the tagger reads as a noun; "However, the Committee urges" is a preamble
    # (au-otd1324-rec9, shortened)
    ("The Committee recommends the higher education sector take note of the Blueprint. However, the Committee "
     "urges the sector to also use their own judgement about technologies which might emerge.",
     ["take note of the Blueprint", "use their own judgement about technologies which might emerge"]),
    ("The Committee calls on the Minister to publish the report.", ["publish the report"]),
])
def test_paragraph_numbers_and_named_bodies_are_not_part_of_the_ask(nlp, text, expected):
    assert [a.text for a in split_asks(nlp(text))] == expected


def test_a_list_lead_in_that_only_recommends_is_a_preamble(nlp):
    # wrapped as in a PDF: the short line "and skills" ends the first item although the next
    # word would have fitted on it
    text = ("Provider boards have a vital role to play in ensuring the safety and quality of care in\n"
            "inpatient pathways. We recommend the following actions to improve boards’ capacity to\n"
            "respond to risks:\n"
            "every provider board should urgently review the experience of its members and\n"
            "skills\n"
            "every provider board should publish the data it holds on the safety of inpatient care")
    texts = [a.text for a in split_asks(nlp(text))]
    assert not any("capacity to" in t for t in texts)
    assert len(texts) == 2 and texts[0] == "review the experience of its members and\nskills"
    assert texts[1].endswith("publish the data it holds on the safety of inpatient care")


@pytest.mark.parametrize("text,expected", [
    # the issue is the sentence that states a deficiency, not the one that illustrates it
    ("There is no requirement for operators to report fatigue incidents to the regulator when drivers work long "
     "shifts. In this instance the driver had worked fourteen hours, yet he continued to drive.\n\n\n"
     "The Commission recommends that the Secretary for Transport address this safety issue.",
     ["There is no requirement for operators to report fatigue incidents to the regulator when drivers work long "
      "shifts", "address this safety issue"]),
    # "these 2 safety issues": every issue stated before
    ("It is a safety issue that few measures have been taken to reduce the risks on the river. This situation "
     "probably exists elsewhere.\nA second safety issue is that speed limits set by bylaws are not subject to a risk "
     "assessment.\nThe Commission recommends that the Director address these 2 safety issues through the "
     "appropriate forum.",
     ["It is a safety issue that few measures have been taken to reduce the risks on the river",
      "A second safety issue is that speed limits set by bylaws are not subject to a risk assessment",
      "address these 2 safety issues through the appropriate forum"]),
    # a coroner's findings: what a witness told the inquest is the concern when it states a deficiency
    # (from its "that"), and only evidence when it does not
    ("The inquest heard evidence that the patient had waited six hours for an ambulance. The court was told that "
     "staff were not aware of the guidance. There is no local falls service operating out of hours.",
     ["staff were not aware of the guidance", "There is no local falls service operating out of hours"]),
])
def test_issues_stated_as_findings(nlp, text, expected):
    assert [a.text for a in split_asks(nlp(text))] == expected


def test_web_address_in_a_list_is_not_cut_at_its_colon(nlp):
    text = ("These systems need to:\nbe compliant with the digital technology assessment criteria (DTAC)\n"
            "(https://example.org/key-tools/dtac/)\nmeet the requirements of the Digital Capability Framework")
    texts = [a.text for a in split_asks(nlp(text))]
    assert not any(t.startswith("//") or "https" in t for t in texts)
    assert "be compliant with the digital technology assessment criteria (DTAC)" in texts


# upr_slovenia.jsonl (dev split): a shared reply whose tail answers recommendations 140.145 and 146
UPR_SHARED = ("Slovenia provides a minimum of 12 years of free education, with children enrolled in nine years of "
              "primary education and the possibility of free enrolment in secondary education.\n140.145, 146\n"
              "Slovenia will adopt modern approaches to raise awareness of sustainable practices.")


def test_a_line_of_recommendation_numbers_ends_the_own_answer():
    end = own_answer_end(UPR_SHARED)
    assert UPR_SHARED[:end].rstrip().endswith("secondary education.")
    assert "140.145" not in UPR_SHARED[:end]


@pytest.mark.parametrize("text", [
    "140.82-85, 87\nSlovenia implements anti-trafficking measures.",   # a leading number line is the record's own
    "The Criminal Code 2008 provides for this. Section 122.3 applies.",  # numbers inside prose are not a line
    "",
])
def test_no_number_line_keeps_the_whole_response(text):
    assert own_answer_end(text) == len(text)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_own_answer_end_is_an_offset_into_the_text(text):
    end = own_answer_end(text)
    assert 0 <= end <= len(text)


# --- round 5: rules that generalise across sources (ANNOTATION.md §2) ------------------------

@pytest.mark.parametrize("text,expected", [
    # each further means of "by X-ing and Y-ing" is an action of its own, named from its gerund
    ("Enhance the dialogue with the minority to a regular schedule, including by allocating additional "
     "resources and implementing the recommendations by the Council of Europe (Austria);",
     ["Enhance the dialogue with the minority to a regular schedule", "allocating additional resources",
      "implementing the recommendations by the Council of Europe"]),
    # what the recommendation singles out is an ask of its own, not an example
    ("Issue a memorandum to the tug masters, to remind them of the requirements of the Safe Ship "
     "Management Certificate, particularly the carriage of additional persons.",
     ["Issue a memorandum to the tug masters", "to remind them of the requirements of the Safe Ship "
      "Management Certificate", "the carriage of additional persons"]),
    ("Continue efforts to improve the living conditions of Roma and particularly ensure the right to "
     "drinking water for everyone (Spain);",
     ["Continue efforts to improve the living conditions of Roma", "ensure the right to drinking water for everyone"]),
    # an object told to do something: what it is to do is the content of the ask, not a second ask
    ("The Commission recommends that the Chief Executive require KiwiRail Network to review the station "
     "arrangements for protecting the adjacent level crossing.",
     ["require KiwiRail Network to review the station arrangements for protecting the adjacent level crossing"]),
    # two parallel infinitives: each names a change the amendment must make
    ("Amend section 2(b) of the Special Regulation to make it clear that dual instruction is limited to "
     "discussion only, and to reiterate that deliberate reduced G conditions are prohibited.",
     ["Amend section 2(b) of the Special Regulation", "make it clear that dual instruction is limited to discussion only",
      "reiterate that deliberate reduced G conditions are prohibited"]),
    # a second passive clause with its own subject, the parser's reading notwithstanding
    ("review the procedures for the distribution of service bulletins to ensure that all company vessels "
     "receive all applicable documentation and the distribution and receipt are adequately recorded.",
     ["review the procedures for the distribution of service bulletins",
      "ensure that all company vessels receive all applicable documentation",
      "the distribution and receipt are adequately recorded"]),
])
def test_round5_clause_rules(nlp, text, expected):
    got = [a.text for a in split_asks(nlp(text))]
    for want in expected:
        assert any(want == g or (want in g and len(g) - len(want) <= 4) for g in got), (want, got)
    assert len(got) == len(expected), got


@pytest.mark.parametrize("text,expected", [
    # a subjunctive passive asks, so its clauses are cut like any directive's
    ("That the surveillance of clubs be increased and the results published annually.",
     ["the surveillance of clubs be increased", "the results published annually"]),
    # an imperative opening the tagger misreads as a noun ("Change")
    ("Change the company's policy and procedures to ensure that a systems audit be conducted on the vessel "
     "and any unsatisfactory feature corrected before a certificate is issued.",
     ["a systems audit be conducted on the vessel", "any unsatisfactory feature corrected before a certificate is issued"]),
    # an imperative the tagger reads as an adverb, with a conjoined verb after an apposition (nz-taic-017-09-370)
    ("Forward this report to Panama, the Flag State for the Taharoa Express, and invite its comment on how it "
     "will address the safety issue.",
     ["Forward this report to Panama", "invite its comment on how it will address the safety issue"]),
])
def test_subjunctive_and_imperative_openings_are_directives(nlp, text, expected):
    got = [a.text for a in split_asks(nlp(text))]
    for want in expected:
        assert any(want in g for g in got), (want, got)
    assert len(got) >= len(expected)


def test_a_singled_out_part_of_a_concern_stays_in_it(nlp):
    """A coroner's concern is a finding: its "in particular" narrows it and is cut off, not split."""
    text = ("I am concerned that there was and remains a real lack of specialist rehabilitation for women, "
            "and in particular, women who represent only a low risk of harm to others.")
    got = [a.text for a in split_asks(nlp(text))]
    assert got == ["there was and remains a real lack of specialist rehabilitation for women"]


def test_a_paragraph_number_stays_with_its_sentence(nlp):
    # Treasury Minutes number their paragraphs; the parser ends a sentence after "1.2"
    text = ("1.1 The government agrees with the committee's recommendation.\n"
            "1.2 The department will publish a plan by summer 2025.\nPage 12\n12")
    assert [s.text for s in split_sentences(nlp(text))][:2] == [
        "1.1 The government agrees with the committee's recommendation.",
        "1.2 The department will publish a plan by summer 2025."]
    assert split_sentences(nlp(text))[-1].text.endswith("12")  # a number on its own line is not joined


def test_numbered_actions_in_a_real_reply_keep_their_numbers(nlp):
    record = next(r for r in load_jsonl(shared_path("records", "nz_taic_all.jsonl")) if r["id"] == "nz-taic-004-02-824")
    texts = [s.text for s in split_sentences(nlp(record["response"]))]
    assert not any(t.rstrip(".").isdigit() for t in texts)
    assert any(t.startswith("1. To communicate to all our clients") for t in texts)

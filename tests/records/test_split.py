"""Tests of respassess.records.split (with headings.py, pairing.py and tracker_layout.py)."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from respassess.errors import SplitError
from respassess.records.documents import read_document
from respassess.records.headings import classify_line, expand_numbers
from respassess.records.split import Layout, pairs_to_records, split_document, split_to_jsonl
from tests.conftest import FIXTURES, load_jsonl, shared_path

AU_OTD = FIXTURES / "au_otd"


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


def _check_offsets(text: str, result) -> None:
    for p in result.pairs:
        assert text[p.rec_start:p.rec_end] == p.recommendation
        assert text[p.resp_start:p.resp_end] == p.response
        assert p.recommendation == p.recommendation.strip() and p.response == p.response.strip()


# --- line grammar -----------------------------------------------------------------------------

@pytest.mark.parametrize("line, kind, numbers", [
    ("Recommendation 3", "rec", ("3",)),
    ("Recommendation 1: The Committee recommends the Australian higher education sector", "rec", ("1",)),
    ("Recommendation Twenty One", "rec", ("21",)),
    ("Recommendations 3 and 4", "rec", ("3", "4")),
    ("Recommendation 3.1", "rec", ("3.1",)),
    ("2a: PAC recommendation: The department should collect data.", "rec", ("2a",)),
    ("1: PAC conclusion: The department has not set out its plan.", "conclusion", ("1",)),
    ("Government response to recommendation 13", "response", ("13",)),
    ("Response to recommendations 5-7", "response", ("5", "6", "7")),
    ("Response: Supported in Principle", "response", ()),
    ("The Government accepts this recommendation in principle.", "verdict", ()),
    ("Agreed in principle", "status", ()),
    ("Supported – in part", "status", ()),
    ("Agreed (in principle)", "status", ()),
    # number signs, report paragraph references, a position label, a status leading its sentence
    ("Recommendation No. 7", "rec", ("7",)),
    ("RECOMMENDATION NUMBER 12", "rec", ("12",)),
    ("Recommendation 4 (paragraph 3.45)", "rec", ("4",)),
    ("Recommendations 2 and 3 (paras 4.10-4.12)", "rec", ("2", "3")),
    ("Government position: Supported", "response", ()),
    ("Supported. The Government will fund the service from 2025.", "status", ()),
    ("agreed. The framework was then published.", None, None),   # a wrapped line of prose
    ("Annex A: Progress table", "end", ()),
    ("Conclusion and next steps", "end", ()),
    # running prose and contents entries are not headings
    ("recommendation 13 for more details).", None, None),
    ("Recommendation 3 was discussed at the hearing.", None, None),
    ("Recommendation 4 ........ 12", None, None),
    ("Government Response Summary", None, None),
    ("Australian Government response to the", None, None),
])
def test_classify_line(line, kind, numbers):
    marker = classify_line(line)
    assert (marker.kind if marker else None) == kind
    if numbers is not None:
        assert marker.numbers == numbers


@pytest.mark.parametrize("text, expected", [
    ("3 and 4", ("3", "4")), ("5-7", ("5", "6", "7")), ("122.14– 15", ("122.14", "122.15")),
    ("122.30-33", ("122.30", "122.31", "122.32", "122.33")), ("Twenty-Two", ("22",)), ("1a, 1b", ("1a", "1b")),
    ("3(a)", ("3a",)),
])
def test_expand_numbers(text, expected):
    assert expand_numbers(text) == expected


@pytest.mark.parametrize("line, status", [
    ("Response: Supported. The Government will fund it from 2025.", "Supported"),
    ("Government position: Noted", "Noted"),
    ("Agreed in part. The Department will consult in 2025.", "Agreed in part"),
    ("Response: The Department has considered this carefully.", None),
])
def test_a_status_leading_its_sentence_is_the_official_status(line, status):
    assert classify_line(line).status == status


# numbered recommendations with no heading word (a JSCOT-style list), and headings with a number sign and the
# report paragraph whose responses lead with their status or a position label
NUMBERED = ("Government response to the Joint Standing Committee on Treaties report\n\n"
            "1. That the Government ratify the Convention.\nGovernment response: Supported. Legislation will be "
            "introduced in 2025.\n2. The Committee recommends that DFAT report annually.\n"
            "Government response: Noted.\n")
NUMBER_SIGNS = ("Australian Government response to the Senate Committee report\n\n"
                "Recommendation No. 1 (paragraph 2.84)\nThe Committee recommends that the Government fund rural "
                "services.\nSupported. The Government will fund rural services from 2025.\n\n"
                "Recommendation No. 2 (paragraph 3.10)\nThe Committee recommends that the Government review the "
                "scheme.\nGovernment position: Noted\nThe scheme is reviewed every year.\n")


@pytest.mark.parametrize("text, first, last_response", [
    (NUMBERED, "That the Government ratify the Convention.", "Government response: Noted."),
    (NUMBER_SIGNS, "The Committee recommends that the Government fund rural services.",
     "Government position: Noted\nThe scheme is reviewed every year."),
])
def test_other_heading_styles_split_into_pairs(text, first, last_response):
    result = split_document(text)
    _check_offsets(text, result)
    assert [(p.rec_number, p.official_status) for p in result.pairs] == [("1", "Supported"), ("2", "Noted")]
    assert result.pairs[0].recommendation == first and result.pairs[1].response == last_response


def test_a_sentence_wrapped_onto_a_recommendation_number_is_not_a_heading():
    text = ("Recommendation 1\nThe Committee recommends that the Government fund X.\nGovernment response\nSupported.\n"
            "The Government will fund X, consistent with its response to\nRecommendation 3. The Department will "
            "report annually.\n\nRecommendation 3\nThe Committee recommends Z.\nGovernment response\nNoted.\n")
    result = split_document(text)
    assert [p.rec_number for p in result.pairs] == ["1", "3"]
    assert result.pairs[0].response.endswith("The Department will report annually.")


def test_a_numbered_sentence_under_a_recommendation_heading_is_its_text():
    text = "Recommendation 1\n1. That the Government ratify the Convention.\nResponse: Supported.\n"
    (pair,) = split_document(text).pairs
    assert pair.recommendation == "1. That the Government ratify the Convention."


# --- synthetic layouts ------------------------------------------------------------------------

TREASURY_MINUTE = """Treasury Minutes
The committee made 8 recommendations. Recommendation 3 was discussed in the hearing.
1: PAC conclusion: The department has not set out how it will measure success.
1: PAC recommendation: The department should set out its measures of success by March 2025.
1.1 The government agrees with the committee's recommendation.
1.2 The department will publish measures in its annual report.
Target implementation date: March 2025
2: PAC conclusion: The department lacks data.
2a: PAC recommendation: The department should collect data on outcomes.
2b: PAC recommendation: It should also publish the data annually.
2.1 The government agrees with both parts of the recommendation.
Target implementation date: Summer 2025
"""

UK_RESPONSE = """Contents
Recommendation 1 ........ 3
Recommendation 2 ........ 4
Introduction
The review made seven recommendations; Recommendation 3 and Recommendation 4 are
addressed together below.
Recommendation 1
The Department should publish a plan that:
(a) sets targets; and
(b) names an owner.
Government response
Agreed
The Department will publish a plan in 2025.
Recommendation 2
The Department should consult families.
Government response
The Government does not accept this recommendation. Consultation already happens.
Recommendation 3
The Department should fund local services.
Recommendation 4
The Department should report on spending.
Government response to recommendations 3 and 4
The Government accepts recommendations 3 and 4 and will report in 2026.
Recommendations 5 and 6: The Department should train staff and audit training.
Response: Agreed in principle.
Training will be reviewed.
Recommendation 7
The Department should write to the Committee.
Response: Noted
See response to Recommendation 2.
Annex A: Glossary
Recommendation 8 is not part of this response.
"""


def test_treasury_minutes_conclusions_skipped_and_parts_share_the_answer():
    result = split_document(TREASURY_MINUTE, source="tm.pdf")
    assert result.layout is Layout.TREASURY_MINUTES
    assert [p.rec_number for p in result.pairs] == ["1", "2a", "2b"]
    one, two_a, two_b = result.pairs
    assert one.recommendation == "The department should set out its measures of success by March 2025."
    assert one.response.startswith("1.1 The government agrees") and one.response.endswith("March 2025")
    assert two_a.response == two_b.response and two_a.shared_with == ("2b",)
    assert "conclusion" not in " ".join(p.recommendation for p in result.pairs).lower()
    _check_offsets(TREASURY_MINUTE, result)


def test_uk_response_layout_sub_parts_shared_answers_cross_references_and_annex():
    result = split_document(UK_RESPONSE, source="uk-response.pdf", jurisdiction="United Kingdom")
    by = {p.rec_number: p for p in result.pairs}
    assert list(by) == ["1", "2", "3", "4", "5", "6", "7"]  # contents, prose and annex mentions skipped
    assert by["1"].recommendation.endswith("(a) sets targets; and\n(b) names an owner.")
    assert (by["1"].official_status, by["1"].response) == ("Agreed", "Agreed\nThe Department will publish a plan in 2025.")
    assert by["2"].official_status == "The Government does not accept this recommendation"
    assert by["3"].response == by["4"].response == "The Government accepts recommendations 3 and 4 and will report in 2026."
    assert by["3"].shared_with == ("4",)
    assert by["5"].recommendation == by["6"].recommendation and by["5"].official_status == "Agreed in principle"
    assert by["7"].cross_reference == "2"
    assert result.summary == {"found": 7, "answered": 7, "unanswered": 0, "cross_referenced": 1}
    assert by["1"].id == "uk-response-rec1"
    _check_offsets(UK_RESPONSE, result)


def test_unanswered_recommendation_is_counted():
    text = "Recommendation 1\nThe Board should act.\nResponse: Agreed.\nRecommendation 2\nThe Board should report.\n"
    result = split_document(text)
    assert result.summary == {"found": 2, "answered": 1, "unanswered": 1, "cross_referenced": 0}
    assert result.pairs[1].response == "" and result.pairs[1].resp_start == result.pairs[1].rec_end


def test_response_range_label_links_each_recommendation():
    text = ("Recommendation 5\nThe Ministry should hire.\nRecommendation 6\nThe Ministry should train.\n"
            "Recommendation 7\nThe Ministry should audit.\nResponse to recommendations 5-7\n"
            "The Ministry agrees with these recommendations.\n")
    result = split_document(text)
    assert {p.rec_number: p.response for p in result.pairs} == {
        n: "The Ministry agrees with these recommendations." for n in ("5", "6", "7")}


def test_text_without_recommendations_raises():
    with pytest.raises(SplitError, match=r"notes\.txt: no recommendation/response pairs found; expected headings"):
        split_document("Minutes of the meeting.\nRecommendation 3 was discussed at length.\n", source="notes.txt")
    with pytest.raises(SplitError, match=r"document: the text is empty"):
        split_document("   ")


# --- real documents ---------------------------------------------------------------------------

def test_seed_tracker_page():
    seed = load_jsonl(FIXTURES / "uk_pac_seed.jsonl")[0]
    document = read_document(shared_path("seed", "uk-pac-rec7-send.txt"))
    result = split_document(document)
    assert result.layout is Layout.TRACKER and len(result.pairs) == 1
    pair = result.pairs[0]
    assert pair.rec_number == "7" and pair.official_status == "Acknowledged"
    assert pair.recommendation == seed["recommendation"]
    assert pair.response.startswith("The government agrees")
    _check_offsets(document.text, result)


@pytest.mark.parametrize("name", ["uk-dhsc-rapid-review-response-2024.pdf", "uk-dhsc-rapid-review-response-2024.txt"])
def test_dhsc_response_all_13_pairs_verbatim(name):
    document = read_document(shared_path("documents", name))
    result = split_document(document)
    records = {r["rec_number"]: r for r in load_jsonl(shared_path("records", "uk_dhsc.jsonl"))}
    assert [p.rec_number for p in result.pairs] == [str(n) for n in range(1, 14)]
    for pair in result.pairs:
        assert _norm(pair.recommendation) == _norm(records[pair.rec_number]["recommendation"])
        assert _norm(pair.response) == _norm(records[pair.rec_number]["response"])
    _check_offsets(document.text, result)


AU_DOCS = [(["1324_1691.txt"], "au-otd1324-", 27), (["1140_1364.part1.txt", "1140_1364.part2.txt",
            "1140_1364.part3.txt"], "au-otd1140-", 22), (["1143_1367.part1.txt"], "au-otd1143-", 2)]


@pytest.mark.parametrize("files, prefix, count", AU_DOCS)
def test_australian_tabled_responses(files, prefix, count):
    gold = {r["rec_number"]: r for r in load_jsonl(FIXTURES / "au_dev.jsonl") if r["id"].startswith(prefix)}
    pairs = {}
    for name in files:
        document = read_document(AU_OTD / name)
        result = split_document(document, jurisdiction="Australia")
        _check_offsets(document.text, result)
        pairs.update({p.rec_number: p for p in result.pairs})
    assert len(pairs) == len(gold) == count
    for number, ref in gold.items():
        pair = pairs[number]
        assert pair.official_status == ref["official_status"]
        if ref.get("quality_note") or prefix == "au-otd1140-":
            continue  # a column break (1324 recs 6-7); page numbers kept in the reference text (1140)
        # a stray extraction fragment closing the reference ("... Guidelines.\n\nSo") is dropped
        assert _norm(pair.recommendation) == _norm(re.sub(r"(?<=[.;:)])\s*\n\s*\S{1,3}\s*$", "", ref["recommendation"]))
        # a bare "Response:" label is a heading, not part of the answer
        assert _norm(pair.response) == _norm(re.sub(r"^Response:\s*\n", "", ref["response"]))


def test_australian_cross_reference_kept():
    result = split_document(read_document(AU_OTD / "1324_1691.txt"))
    crossed = [(p.rec_number, p.cross_reference) for p in result.pairs if p.cross_reference]
    assert crossed == [("24", "3")]


@pytest.mark.parametrize("name, prefix, count", [("cycle3_A_HRC_43_15_Add.1.txt", "upr-svn-c3-", 77),
                                                 ("cycle4_A_HRC_59_15_Add.1.txt", "upr-svn-c4-", 74)])
def test_upr_addendum_replies(name, prefix, count):
    result = split_document(read_document(shared_path("raw", "upr_slovenia", name)))
    assert result.layout is Layout.UPR_ADDENDUM and len(result.pairs) == count
    refs = {r["rec_number"]: r for r in load_jsonl(shared_path("records", "upr_slovenia.jsonl"))
            if r["id"].startswith(prefix)}
    by = {p.rec_number: p for p in result.pairs}
    assert set(by) == set(refs)
    for number, ref in refs.items():
        assert _norm(by[number].response) == _norm(ref["response"])
        assert by[number].official_status == ref["official_status"]
        assert by[number].recommendation == ""  # the addendum quotes numbers only


def test_upr_range_shares_one_reply():
    result = split_document(read_document(shared_path("raw", "upr_slovenia", "cycle3_A_HRC_43_15_Add.1.txt")))
    by = {p.rec_number: p for p in result.pairs}
    assert by["122.14"].response == by["122.15"].response
    assert by["122.14"].shared_with == ("122.15",)


def test_taic_status_report_docx():
    result = split_document(read_document(shared_path("raw", "nz_taic", "taic_2023-06-30.SR.Report.to.Minister.docx")))
    assert result.layout is Layout.REGISTER_REPORT
    first = result.pairs[0]
    assert first.rec_number == "001/23" and first.recommendation.startswith("The Commission recommended")
    assert first.response.startswith("The recommendation is currently under consideration")


# --- records and JSONL ------------------------------------------------------------------------

def test_pairs_to_records_carries_metadata():
    result = split_document(UK_RESPONSE, source="uk.pdf", jurisdiction="United Kingdom")
    records = pairs_to_records(result, body="Health Committee")
    assert len(records) == 7
    rec = records[6]
    assert rec.id == "uk-rec7" and rec.official_status == "Noted" and rec.jurisdiction == "United Kingdom"
    assert rec.meta["cross_reference"] == "2" and rec.meta["body"] == "Health Committee"
    assert UK_RESPONSE[rec.meta["offsets"]["rec_start"]:rec.meta["offsets"]["rec_end"]] == rec.recommendation


def test_pairs_to_records_skips_unanswered_unless_asked():
    result = split_document("Recommendation 1\nDo A.\nResponse: Agreed.\nRecommendation 2\nDo B.\n")
    assert [r.meta["rec_number"] for r in pairs_to_records(result)] == ["1"]
    assert len(pairs_to_records(result, include_unanswered=True)) == 2


def test_split_to_jsonl_writes_one_line_per_pair(tmp_path):
    out = tmp_path / "pairs.jsonl"
    result = split_to_jsonl(AU_OTD / "1143_1367.part1.txt", out, jurisdiction="Australia")
    rows = [json.loads(ln) for ln in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == result.summary["found"] == 2
    assert rows[0]["rec_number"] == "1" and rows[0]["jurisdiction"] == "Australia"
    assert rows[0]["official_status"] == "The Government accepts this recommendation in principle"


# --- property: offsets always index the text --------------------------------------------------

_SENTENCE = st.from_regex(r"[A-Z][a-z]{2,8}( [a-z]{2,8}){2,6}\.", fullmatch=True)
_LABEL = st.sampled_from(["Response: Agreed.", "Government response", "Response:", "Government response\nNoted"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.lists(_SENTENCE, min_size=1, max_size=3), _LABEL,
                          st.lists(_SENTENCE, min_size=1, max_size=3), st.sampled_from(["\n", "\n\n", "\n  "])),
                min_size=1, max_size=5))
def test_offsets_index_the_text(blocks):
    text = "Introduction\nThe review made several recommendations.\n"
    for n, (rec, label, resp, gap) in enumerate(blocks, 1):
        text += f"Recommendation {n}{gap}" + "\n".join(rec) + f"{gap}{label}\n" + "\n".join(resp) + gap
    result = split_document(text)
    assert [p.rec_number for p in result.pairs] == [str(n) for n in range(1, len(blocks) + 1)]
    _check_offsets(text, result)
    for pair, (rec, _, resp, _) in zip(result.pairs, blocks):
        assert re.sub(r"\s+", " ", pair.recommendation) == " ".join(rec)
        assert pair.response.endswith(resp[-1])


def test_docx_and_html_documents_split_end_to_end():
    from tests.records.document_builders import make_docx

    docx_doc = read_document(make_docx(["Recommendation 1", "The Ministry should review the rule.",
                                        "Government response", "Accepted in part",
                                        "The Ministry will review part of the rule by 2026."]), filename="r.docx")
    html_doc = read_document(b"<html><body><nav>Menu</nav><h3>Recommendation 1</h3><p>The Ministry should "
                             b"review the rule.</p><h4>Government response</h4><p>Accepted in part</p><p>The "
                             b"Ministry will review part of the rule by 2026.</p></body></html>", filename="r.html")
    for document in (docx_doc, html_doc):
        (pair,) = split_document(document).pairs
        assert pair.recommendation == "The Ministry should review the rule."
        assert pair.official_status == "Accepted in part"
        assert pair.response == "Accepted in part\nThe Ministry will review part of the rule by 2026."


# A response tabled as a table (number | recommendation | response), drawn cell by cell as a word
# processor writes it: each row's number cell shares a line with the first line of its recommendation,
# and a one-line recommendation shares its line with the status cell.
_TABLE_ROWS = [
    (["Recommendation", "number"], ["Recommendation"], ["Government response"]),
    (["1"], ["The Committee recommends that the", "Department of Finance publish guidance", "by 30 June 2025."],
     ["Agreed", "The Department of Finance will publish", "updated guidance by 30 June 2025."]),
    (["2"], ["That the ANAO report annually."], ["Noted", "The ANAO determines its own work", "program."]),
    (["3"], ["The Committee recommends that the", "Government establish an ombudsman."],
     ["Not agreed", "The Government considers existing", "mechanisms adequate."]),
]


def test_split_reads_a_response_table_extracted_from_pdf_cell_by_cell():
    from tests.records.document_builders import make_table_pdf

    doc = read_document(make_table_pdf(_TABLE_ROWS), filename="jcpaa-response.pdf")
    result = split_document(doc)
    _check_offsets(doc.text, result)
    got = [(p.rec_number, p.official_status, _norm(p.recommendation), _norm(p.response)) for p in result.pairs]
    assert got == [
        ("1", "Agreed", "The Committee recommends that the Department of Finance publish guidance by 30 June 2025.",
         "Agreed The Department of Finance will publish updated guidance by 30 June 2025."),
        ("2", "Noted", "That the ANAO report annually.", "Noted The ANAO determines its own work program."),
        ("3", "Not agreed", "The Committee recommends that the Government establish an ombudsman.",
         "Not agreed The Government considers existing mechanisms adequate."),
    ]


def test_split_keeps_a_report_paragraph_after_a_dash_in_the_heading():
    # JCPAA responses: "Recommendation 1 – paragraph 2.34" (invented, in the genre)
    text = ("Recommendation 1 – paragraph 2.34\nThe Committee recommends that Finance update its guidance.\n"
            "Australian Government response\nSUPPORTED\nFinance will update the guidance by June 2024.\n"
            "Recommendation 2 - paras 3.12-3.14\nThe Committee recommends that the ANAO conduct an audit.\n"
            "Australian Government response\nNOTED\n")
    result = split_document(text)
    _check_offsets(text, result)
    assert [(p.rec_number, p.official_status, p.recommendation) for p in result.pairs] == [
        ("1", "SUPPORTED", "The Committee recommends that Finance update its guidance."),
        ("2", "NOTED", "The Committee recommends that the ANAO conduct an audit.")]


def test_split_reads_a_status_right_after_a_one_line_numbered_recommendation():
    # the number and the recommendation share a line, the status cell follows at once (invented, in the genre)
    text = ("Australian Government response\n"
            "1. The Committee recommends that the Government fund the regulator.\nNoted\n"
            "The regulator is funded through the Budget.\n"
            "2. The Committee recommends that the Government establish a register of foreign\nagreements.\nSupported\n"
            "The Government will establish the register by July 2024.\n")
    result = split_document(text)
    _check_offsets(text, result)
    assert [(p.rec_number, p.official_status, p.recommendation) for p in result.pairs] == [
        ("1", "Noted", "The Committee recommends that the Government fund the regulator."),
        ("2", "Supported", "The Committee recommends that the Government establish a register of foreign\nagreements.")]
    assert result.pairs[0].response.startswith("Noted\nThe regulator")


@pytest.mark.parametrize("sep", ["\n", "\n\n"])
def test_split_keeps_a_table_number_cell_alone_on_its_line_in_pasted_text(sep):
    # three rising lone numbers look like page numbers; above "The Committee recommends" they are row numbers,
    # whether the cells are separated by blank lines or not
    text = sep.join([
        "1", "The Committee recommends that the Department publish guidance.", "Agreed",
        "The Department will publish guidance in 2025.",
        "2", "The Committee recommends that the ANAO report annually.", "Noted",
        "3", "The Committee recommends that the Government establish an ombudsman.", "Not supported",
        "Existing mechanisms are adequate.",
    ])
    doc = read_document(text.encode(), filename="pasted.txt")
    result = split_document(doc)
    _check_offsets(doc.text, result)
    assert [(p.rec_number, p.official_status) for p in result.pairs] == [
        ("1", "Agreed"), ("2", "Noted"), ("3", "Not supported")]
    assert _norm(result.pairs[0].response) == "Agreed The Department will publish guidance in 2025."


def test_split_gives_each_number_of_a_grouped_heading_its_own_recommendation_text():
    text = ("Recommendations 2 and 3\nThat the Government increase the rural incentive payment.\n"
            "That the Government review the Modified Monash Model.\n"
            "Government response\nAgreed. The Government will do both in 2025.\n")
    result = split_document(text)
    _check_offsets(text, result)
    assert [(p.rec_number, p.recommendation, p.shared_with) for p in result.pairs] == [
        ("2", "That the Government increase the rural incentive payment.", ("3",)),
        ("3", "That the Government review the Modified Monash Model.", ("2",))]
    assert result.pairs[0].response == result.pairs[1].response


def test_split_divides_a_grouped_heading_whose_recommendations_carry_paragraph_numbers():
    # Senate committee reports number their paragraphs; the response quotes them (invented, in the genre)
    text = ("Recommendations 3 and 4\n3.56 The committee recommends that the Australian Government fund advocacy "
            "services.\n3.57 The committee recommends that the Australian Government review the advocacy\n"
            "framework.\nGovernment response\nNoted.\n")
    result = split_document(text)
    _check_offsets(text, result)
    assert [(p.rec_number, p.recommendation) for p in result.pairs] == [
        ("3", "3.56 The committee recommends that the Australian Government fund advocacy services."),
        ("4", "3.57 The committee recommends that the Australian Government review the advocacy\nframework.")]


def test_split_keeps_a_grouped_heading_text_whole_when_it_cannot_be_divided_per_number():
    # two numbers, one recommending sentence: there is no telling which words are whose
    text = ("Recommendations 4 and 5\nThat the Government fund the program and\nreport on it annually.\n"
            "Government response\nNoted.\n")
    result = split_document(text)
    assert [p.rec_number for p in result.pairs] == ["4", "5"]
    assert {p.recommendation for p in result.pairs} == {
        "That the Government fund the program and\nreport on it annually."}


@pytest.mark.parametrize("line", [
    "procurement ombudsman as the Committee noted.",  # a status word that ends a sentence is text
    "The Government has. agreed",  # the run-on status cell starts with a capital
    "Agreed",  # a whole-line status is a status line, not a run-on cell
])
def test_a_status_runs_on_only_after_a_finished_sentence(line):
    from respassess.records.headings import run_on_status

    assert run_on_status(line) is None
    run_on = line + " The agency reported. Supported in part."
    assert run_on_status(run_on) == (run_on.index("Supported in part"), "Supported in part")


@pytest.mark.parametrize("label,status", [
    ("Agreed-in-principle", "Agreed-in-principle"),
    ("Agreed, in principle", "Agreed, in principle"),
    ("Government response: Supported-in-part", "Supported-in-part"),
])
def test_hyphenated_and_comma_positions_open_the_response_with_their_status(label, status):
    from respassess.stance import official_stance

    text = f"Recommendation 1\nThe Committee recommends that the Government fund X.\n{label}\nX will be funded.\n"
    pair = split_document(text).pairs[0]
    assert pair.official_status == status and pair.response.startswith(label)
    assert official_stance(status) is not None

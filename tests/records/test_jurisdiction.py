"""The jurisdiction of a response document, read from the government its opening names."""

from __future__ import annotations

import pytest

from respassess.records.jurisdiction import jurisdiction_of_document
from respassess.records.split import pairs_to_records, split_document
from tests.conftest import FIXTURES, shared_path


@pytest.mark.parametrize("path,expected", [
    (FIXTURES / "au_otd" / "1324_1691.txt", "Australia"),      # "Australian Government response to the PJCIS"
    (FIXTURES / "au_otd" / "1143_1367.part1.txt", "Australia"),
    # a later part, with no title page: the Attorney-General's Department, ASIO and the Commonwealth Ombudsman
    (FIXTURES / "au_otd" / "1140_1364.part2.txt", "Australia"),
    (shared_path("documents", "uk-dhsc-rapid-review-response-2024.txt"), "United Kingdom"),
])
def test_real_documents_are_stamped_with_the_government_they_name(path, expected):
    result = split_document(path.read_text(encoding="utf-8"))
    assert result.jurisdiction == expected
    assert all(r.meta["jurisdiction"] == expected for r in pairs_to_records(result))


def test_a_bare_dollar_in_an_australian_document_is_australian():
    from respassess import AssessConfig, Assessor

    text = ("Australian Government response to the Senate Committee report\n\nRecommendation 1\n"
            "The Committee recommends that the Government fund rural services.\n\nGovernment response\n"
            "Supported.\nThe Government has committed $28.9 million over four years to rural services.\n")
    record = pairs_to_records(split_document(text))[0]
    amounts = Assessor(AssessConfig(embedder_kind="hashing")).assess(record).amounts
    assert [(a.value, a.currency) for a in amounts] == [(28_900_000, "AUD")]


def test_the_caller_s_jurisdiction_wins_and_an_unnamed_or_split_opening_gives_none():
    text = "Australian Government response\n\nRecommendation 1\nThe Department should act.\nResponse: Agreed.\n"
    assert split_document(text, jurisdiction="New Zealand").jurisdiction == "New Zealand"
    assert jurisdiction_of_document("Government response to the Committee's report") is None
    # as many cues for two governments: no guess
    assert jurisdiction_of_document("HM Government and the Australian Government agree.") is None
    # the opening names its government more than once; a passing mention of another loses
    assert jurisdiction_of_document("HM Government response. HM Treasury will fund it, as the Australian "
                                    "Government did.") == "United Kingdom"
    # apostrophes typed either way
    assert jurisdiction_of_document("His Majesty’s Government response") == "United Kingdom"


def test_a_running_title_stripped_as_page_furniture_still_names_the_government():
    from respassess.records.documents import read_document

    header = "Australian Government response to the Senate Economics References Committee report"
    pages = [f"{header}\n\nRecommendation 1\nThe committee recommends that the Government fund a register.\n"
             "Government response\nSupported.\nThe Government will fund the register with\n1\n",
             f"{header}\n\n$6.1 million over four years.\n\nRecommendation 2\nThe committee recommends that the "
             "Government publish statistics.\nGovernment response\nNoted.\n2\n"]
    document = read_document("\f".join(pages).encode(), filename="response.txt")
    assert header not in document.text and header in document.furniture
    assert "1" not in document.furniture  # page numbers are not kept
    assert split_document(document).jurisdiction == "Australia"


def test_a_body_decides_only_when_the_opening_is_silent_and_its_cues_are_many_and_one_sided():
    au = ("The Attorney-General's Department will consult states and territories, ASIO and the Commonwealth "
          "Ombudsman. ")
    assert jurisdiction_of_document("Recommendation 7", body=au) == "Australia"
    assert jurisdiction_of_document("HM Government response", body=au) == "United Kingdom"  # the opening wins
    assert jurisdiction_of_document("", body="The Department will consult Australian and NZ agencies.") is None
    # as many New Zealand as Australian cues: no guess
    assert jurisdiction_of_document("", body=au + "Waka Kotahi, KiwiRail, Maritime New Zealand and Māori "
                                                 "communities agree.") is None
    assert jurisdiction_of_document("", body=None) is None


def test_australian_regulators_count_among_the_body_cues():
    # a Senate economics committee response that never writes "Australian Government" in its title (invented)
    body = "ASIC will consult insurers. APRA and the ACCC support the Code; Australia's insurers will report to ASIC."
    assert jurisdiction_of_document("GOVERNMENT RESPONSE TO THE SENATE ECONOMICS REFERENCES COMMITTEE",
                                    body=body) == "Australia"

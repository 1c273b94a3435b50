"""Tests for respassess.extract.dates and the date normaliser (ANNOTATION.md §4)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from respassess.extract.dates import extract_dates, normalise_date
from respassess.types import DateGranularity, DateRole

from ..conftest import load_jsonl, shared_path

UK = "United Kingdom (England)"
AU = "Australia (Commonwealth)"
NZ = "New Zealand"

# (text, jurisdiction, response_date, value, granularity, vague, relative, resolved) -- phrases from the data
NORMALISE_CASES = [
    ("Autumn Budget 2024", UK, None, "2024-10-30", "event", False, False, True),
    ("Autumn Budget 2024", None, None, "2024-10-30", "event", False, False, True),  # only the UK holds it
    ("Autumn Budget 2024", AU, None, "2024", "event", False, False, True),
    ("December 2023", UK, None, "2023-12", "month", False, False, True),
    ("from 2023", UK, None, "2023", "year", False, False, True),
    ("later this year", UK, None, None, "vague", True, True, False),
    ("later this year", UK, "2024-03-21", "2024", "vague", True, True, True),
    ("by early 2024", UK, None, "2024-01/2024-03", "month", False, False, True),
    ("by spring 2024", UK, None, "2024-03/2024-05", "season", False, False, True),
    ("At the end of\nJuly 2023", UK, None, "2023-07-31", "day", False, False, True),
    ("2023 to 2024", UK, None, "2023-04/2024-03", "financial_year", False, False, True),
    ("2022-23", AU, "2023-02", "2022-07/2023-06", "financial_year", False, False, True),
    ("2025–26 financial year", UK, None, "2025-04/2026-03", "financial_year", False, False, True),
    ("FY2026", "United States", None, "2025-10/2026-09", "financial_year", False, False, True),
    ("Budget 2023–24", AU, None, "2023-05-09", "event", False, False, True),
    # the budget named for who brings it down (invented, in the genre)
    ("2025–26 Federal Budget", AU, None, "2025-03-25", "event", False, False, True),
    ("Commonwealth Budget 2024-25", AU, None, "2024-05-14", "event", False, False, True),
    # the budget named by its month: the table's event of that month, else the month
    ("the October 2022 Budget", AU, None, "2022-10-25", "event", False, False, True),
    ("the June 2019 Budget", AU, None, "2019-06", "month", False, False, True),
    ("the next spending review\ncycle", UK, "2024-03-21", None, "event", True, True, False),
    ("Spring Statement", UK, None, None, "event", True, True, False),
    ("2017-22", AU, None, "2017/2022", "multi_year", False, False, True),
    ("2021-2030", AU, None, "2021/2030", "multi_year", False, False, True),
    ("Throughout 2021 and 2022", AU, None, "2021/2022", "multi_year", False, False, True),
    ("September and October 2021", AU, None, "2021-09/2021-10", "month", False, False, True),
    ("Between April 2019 and February 2024", None, None, "2019-04/2024-02", "month", False, False, True),
    ("in the first half of 2023", AU, None, "2023-01/2023-06", "month", False, False, True),
    ("Q3 2025", UK, None, "2025-07/2025-09", "quarter", False, False, True),
    ("the third quarter", UK, "2025-02", "2025-07/2025-09", "quarter", False, True, True),
    ("Spring 2025", UK, None, "2025-03/2025-05", "season", False, False, True),
    ("spring 2025", AU, None, "2025-09/2025-11", "season", False, False, True),
    ("within 12 months", UK, "2024-03-21", "2024-03-21/2025-03-21", "duration", False, True, True),
    ("within 12 months", UK, None, None, "duration", False, True, False),
    ("next year", NZ, None, None, "relative", False, True, False),
    ("next year", NZ, "2023-05-24", "2024", "relative", False, True, True),
    ("in due course", UK, "2024-03-21", None, "vague", True, False, False),
    ("over the coming months", UK, "2024-03-21", None, "vague", True, False, False),
    ("by the end of 2025", UK, None, "2025-12-31", "day", False, False, True),
    ("30 January\n2025", None, None, "2025-01-30", "day", False, False, True),
    ("early September", NZ, None, None, "month", False, True, False),
    ("early September", NZ, "2023-05-24", "2023-09", "month", False, True, True),
    # round 2: a day without its year is placed nearest the response date; hyphenated vague phrases; "end of YEAR"
    ("of 5 November", UK, "2024-12-02", "2024-11-05", "day", False, True, True),
    ("5 November", UK, "2024-03-02", "2023-11-05", "day", False, True, True),
    ("the 5th of November", UK, None, None, "day", False, True, False),
    ("in the short-term", UK, None, None, "vague", True, False, False),
    ("In the long-term", UK, None, None, "vague", True, False, False),
    ("end of 2023", NZ, None, "2023-12-31", "day", False, False, True),
    ("by this Spring", UK, "2025-01-20", "2025-03/2025-05", "season", False, True, True),
    # round 3: "this <season>" is the one under way or nearest (a reply of November means the coming spring)
    ("by this Spring", UK, "2024-11-06", "2025-03/2025-05", "season", False, True, True),
    ("this summer", UK, "2024-11-06", "2024-06/2024-08", "season", False, True, True),
    ("this winter", UK, "2024-11-06", "2024-12/2025-02", "season", False, True, True),
    ("the coming summer", UK, "2024-11-06", "2025-06/2025-08", "season", False, True, True),
    ("this winter", AU, "2024-07", "2024-06/2024-08", "season", False, True, True),
    ("over the next two years covering 2024-2026", UK, "2024-11-06", "2024/2026", "multi_year", False, False, True),
    ("the past decade (2010–2020)", AU, None, "2010/2020", "multi_year", False, False, True),
    ("in the near-medium term", NZ, None, None, "vague", True, False, False),
    ("for a period of time", NZ, None, None, "vague", True, False, False),
]


@pytest.mark.parametrize("text,jur,resp,value,gran,vague,relative,resolved", NORMALISE_CASES)
def test_normalise_date_table(text, jur, resp, value, gran, vague, relative, resolved):
    out = normalise_date(text, response_date=resp, jurisdiction=jur)
    assert (out.value, out.granularity, out.vague, out.relative, out.resolved) == (
        value, DateGranularity(gran), vague, relative, resolved)
    if out.value is not None:
        assert out.interval_start <= out.interval_end
    else:
        assert out.note  # an unresolved value always says why


@pytest.mark.parametrize("text", ["annual", "currently", "to date", "12 years", "3-year", "regular"])
def test_not_dates_are_not_recognised(text):
    assert normalise_date(text).recognised is False


def test_unresolved_relative_says_why():
    out = normalise_date("later this year")
    assert out.value is None and "response date" in out.note


SEED = ("SEN2 data) from 2023. At Autumn Budget 2024, the government announced an almost £1 billion increase "
        "to SEND and alternative provision funding. The government intends to set out plans for reforming the "
        "SEND system in further detail later this year.")


def test_anchor_date_stands_in_for_an_unknown_response_date(nlp):
    # a coroner's reply (records/uk_pfd.jsonl) carries only its report's date
    doc = nlp("Thank you for your Regulation 28: Prevention of Future Deaths report of 5 November to the Home "
              "Secretary. In the short-term, by this Spring we will set out the lessons learned.")
    plain = {d.text: d for d in extract_dates(doc, jurisdiction=UK)}
    anchored = {d.text: d for d in extract_dates(doc, jurisdiction=UK, anchor_date="2024-11-06")}
    assert plain["by this Spring"].value is None and plain["5 November"].value is None
    assert anchored["by this Spring"].value == "2025-03/2025-05"
    assert anchored["5 November"].value == "2024-11-05"
    assert "anchor date" in anchored["by this Spring"].note
    # a known response date wins over the anchor, and absolute dates never mention it
    known = {d.text: d for d in extract_dates(doc, jurisdiction=UK, response_date="2024-04-02", anchor_date="2024-11-06")}
    assert known["by this Spring"].value == "2024-03/2024-05" and "anchor" not in (known["by this Spring"].note or "")
    assert {d.text: d for d in extract_dates(nlp("It ran until March 2024."), anchor_date="2024-11-06")}[
        "until March 2024"].note is None


def test_extract_dates_seed(nlp):
    doc = nlp(SEED)
    found = {d.text: d for d in extract_dates(doc, jurisdiction="United Kingdom")}
    assert found["Autumn Budget 2024"].value == "2024-10-30"
    assert found["Autumn Budget 2024"].granularity is DateGranularity.EVENT
    assert found["Autumn Budget 2024"].role is DateRole.PAST
    later = found["later this year"]
    assert later.vague and later.relative and not later.resolved and later.value is None
    assert later.role is DateRole.DEADLINE
    resolved = {d.text: d for d in extract_dates(doc, jurisdiction="United Kingdom", response_date="2025-02-10")}
    assert resolved["later this year"].value == "2025" and resolved["later this year"].resolved


# Real Australian sentences (records/au_dev.jsonl): (sentence, expected (text, value, role) found, texts not found)
AU_SENTENCES = [
    ("In the interim, prior to legislative reform, the Attorney-General’s Department will seek\nadditional "
     "information from enforcement agencies for inclusion in the 2022-23\nTelecommunications (Interception and "
     "Access) Act 1979 Annual Report.", [("In the interim", None, "reference"), ("2022-23", "2022-07/2023-06", None)],
     ["1979"]),
    ("The Government notes the Privacy (Enforcement and Other Measures) Bill 2022 introduced\nin October 2022 "
     "enhances the Office of the Australian Information Commissioner’s ability.", [("October 2022", "2022-10", "past")],
     ["2022"]),
    ("Monash University has advised that all currently active research projects between Monash\nand COMAC will "
     "conclude in the first half of 2023, and no further activity is planned.",
     [("the first half of 2023", "2023-01/2023-06", "deadline")], ["currently"]),
    ("WRD is a $13.5 million\n(2021-2026), four-year partnership with UN Women.", [("2021-2026", "2021/2026", None)],
     ["four-year"]),
]


@pytest.mark.parametrize("sentence,expected,absent", AU_SENTENCES)
def test_extract_dates_australian_sentences(nlp, sentence, expected, absent):
    found = extract_dates(nlp(sentence), response_date="2023-02", jurisdiction=AU)
    by_text = {d.text: d for d in found}
    for text, value, role in expected:
        assert text in by_text, f"{text!r} not found in {list(by_text)}"
        assert by_text[text].value == value
        if role:
            assert by_text[text].role is DateRole(role)
    for text in absent:
        assert text not in by_text


@pytest.mark.parametrize("sentence,text,value", [
    # invented, in the genre: a fiscal event whose name no other noun shares stands on its own
    ("Funding will be considered as part of the Mid-Year Economic and Fiscal Outlook (MYEFO) process.",
     "the Mid-Year Economic and Fiscal Outlook (MYEFO) process", None),
    ("Funding will be considered at MYEFO.", "MYEFO", None),
    ("This will be considered in the 2024-25 MYEFO.", "2024-25 MYEFO", "2024-12-18"),
])
def test_fiscal_events_named_alone(nlp, sentence, text, value):
    found = {d.text: d for d in extract_dates(nlp(sentence), response_date="2024-11-15", jurisdiction=AU)}
    assert text in found and found[text].value == value and found[text].role is DateRole.DEADLINE
    assert found[text].granularity is DateGranularity.EVENT


@pytest.mark.parametrize("sentence,text,value", [
    # invented, in the genre: Australian parliamentary sitting periods, resolved against a November 2024 reply
    ("The Government will introduce legislation in the Spring sittings.", "the Spring sittings", "2024-08/2024-12"),
    ("The Bill will be introduced in the 2025 Autumn sittings.", "2025 Autumn sittings", "2025-02/2025-04"),
    ("Amendments will be introduced in the Winter sittings.", "the Winter sittings", "2025-05/2025-06"),
    ("Legislation will be introduced in the next sitting period.", "the next sitting period", None),
])
def test_parliamentary_sitting_periods_are_dates(nlp, sentence, text, value):
    found = {d.text: d for d in extract_dates(nlp(sentence), response_date="2024-11-20", jurisdiction=AU)}
    assert text in found and found[text].value == value
    assert found[text].vague is (value is None)


@pytest.mark.parametrize("sentence,text,value", [
    # invented, in the genre: a part of a year named relative to a May 2024 reply (the AU year runs July-June)
    ("The review will be completed in the second half of the year.", "the second half of the year", "2024-07/2024-12"),
    ("We will publish the strategy early next year.", "early next year", "2025-01/2025-03"),
    ("Legislation will be introduced by mid-next year.", "by mid-next year", "2025-05/2025-08"),
    ("The pilot will start in the latter half of this year.", "the latter half of this year", "2024-07/2024-12"),
    ("Funding will flow in the first half of next financial year.", "the first half of next financial year",
     "2024-07/2024-12"),
    ("Consultation will close late this financial year.", "late this financial year", "2024-04/2024-06"),
])
def test_part_of_a_relative_year_is_resolved(nlp, sentence, text, value):
    found = {d.text: d for d in extract_dates(nlp(sentence), response_date="2024-05-10", jurisdiction=AU)}
    assert text in found and found[text].value == value and not found[text].vague


@pytest.mark.parametrize("sentence,text,value,vague", [
    # invented, in the genre, against a 10 May 2024 reply: counted back from the reply's date ...
    ("The roster was changed two weeks ago.", "two weeks ago", "2024-04-26", False),
    ("The audit took place three months ago.", "three months ago", "2024-02", False),
    ("We wrote to operators a few weeks ago.", "a few weeks ago", None, True),
    # ... or relative to the events told, which the reply does not date
    ("The crew was briefed the following day.", "the following day", None, False),
    ("Staff met last week to agree the changes.", "last week", None, False),
    # vague
    ("The rule may be amended at some future date.", "at some future date", None, True),
    ("The arrangement has been in place for several years.", "for several years", None, True),
])
def test_times_counted_from_the_reply_or_the_events(nlp, sentence, text, value, vague):
    found = {d.text: d for d in extract_dates(nlp(sentence), response_date="2024-05-10", jurisdiction=NZ)}
    assert text in found and found[text].value == value and found[text].vague is vague


@pytest.mark.parametrize("sentence,response_date,text,value", [
    # uk_pfd.jsonl (dev split) wording: a season without a year is the nearest one to the reply
    ("The revised guidance will be issued in the Spring.", "2024-11-20", "in the Spring", "2025-03/2025-05"),
    ("The ward was refurbished over the summer.", "2024-12-02", "over the summer", "2024-06/2024-08"),
])
def test_a_season_without_a_year_is_the_nearest(nlp, sentence, response_date, text, value):
    found = {d.text: d for d in extract_dates(nlp(sentence), response_date=response_date, jurisdiction=UK)}
    assert text in found and found[text].value == value


@pytest.mark.parametrize("sentence,text,value", [
    # nz_taic_all.jsonl (dev split) wording: the end of a month is its last day, with or without "the", "of", a year
    ("This will be completed by end of June 2002.", "by end of June 2002", "2002-06-30"),
    ("The procedures will be revised by end August 2005.", "by end August 2005", "2005-08-31"),
    ("The audit will be completed by the end of March.", "by the end of March", "2007-03-31"),
    # a pair of months
    ("An article will appear in the September/October 2006 issue.", "September/October 2006", "2006-09/2006-10"),
    ("It will be published in July or August 2006.", "July or August 2006", "2006-07/2006-08"),
])
def test_month_ends_and_month_pairs(nlp, sentence, text, value):
    found = {d.text: d for d in extract_dates(nlp(sentence), response_date="2006-05-02", jurisdiction=NZ)}
    assert text in found and found[text].value == value


def test_a_spring_that_is_no_season_is_no_date(nlp):
    assert extract_dates(nlp("The spring broke during the flight."), response_date="2024-12-02", jurisdiction=UK) == ()


def test_part_of_a_relative_year_without_a_response_date_is_unresolved(nlp):
    (d,) = extract_dates(nlp("The report will be published in the second half of next year."), jurisdiction=AU)
    assert d.text == "the second half of next year" and d.value is None and not d.vague


def test_a_spending_review_in_lower_case_is_not_the_fiscal_event(nlp):
    assert not extract_dates(nlp("The spending review of the department found waste."), jurisdiction=AU)


def test_extract_dates_dhsc_record(nlp):
    recs = {r["id"]: r for r in load_jsonl(shared_path("records", "uk_dhsc.jsonl"))}
    rec = recs["uk-dhsc-mhis-rapid-review-rec10"]
    found = extract_dates(nlp(rec["response"]), response_date=rec["response_date"], jurisdiction=rec["jurisdiction"])
    by_text = {d.text: d for d in found}
    assert by_text["6 April 2024"].role is DateRole.DEADLINE
    assert by_text["December 2023"].role is DateRole.PAST
    assert by_text["recently"].vague and by_text["recently"].role is DateRole.PAST


def test_extract_dates_offsets_and_order(nlp):
    doc = nlp(SEED + " Regulations were laid in December 2023 and come into force on 6 April 2024.")
    found = extract_dates(doc)
    assert [d.start for d in found] == sorted(d.start for d in found)
    for d in found:
        assert doc.text[d.start:d.end] == d.text


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 12), st.integers(1900, 2099))
def test_month_year_round_trip(month, year):
    out = normalise_date(f"{MONTHS[month - 1]} {year}")
    assert out.value == f"{year:04d}-{month:02d}" and out.granularity is DateGranularity.MONTH


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["Spring", "Summer", "Autumn"]), st.integers(1900, 2099))
def test_season_year_round_trip(season, year):
    lo, hi = {"Spring": (3, 5), "Summer": (6, 8), "Autumn": (9, 11)}[season]
    out = normalise_date(f"{season} {year}", jurisdiction="United Kingdom")
    assert out.value == f"{year}-{lo:02d}/{year}-{hi:02d}"


@settings(max_examples=200, deadline=None)
@given(st.integers(1950, 2098), st.sampled_from([(AU, 7), (UK, 4), (NZ, 7), ("United States", 10)]))
def test_financial_year_round_trip(year, calendar):
    jurisdiction, start = calendar
    out = normalise_date(f"{year}-{(year + 1) % 100:02d}", jurisdiction=jurisdiction)
    end_year, end_month = (year + 1, start - 1)
    assert out.value == f"{year}-{start:02d}/{end_year}-{end_month:02d}"
    assert out.granularity is DateGranularity.FINANCIAL_YEAR


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), st.sampled_from([None, "2023", "2023-02", "2024-03-21", "garbage"]),
       st.sampled_from([None, UK, AU, "Atlantis"]))
def test_normalise_never_crashes(text, resp, jur):
    out = normalise_date(text, response_date=resp, jurisdiction=jur)
    assert out.value is None or out.interval_start is not None


_WORDS = st.sampled_from(["by", "early", "2024", "2023-24", "March", "the", "end", "of", "will", "publish",
                          "within", "12", "months", "Autumn", "Budget", "£5m", "later", "this", "year", "\n", ",", "-"])


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS, max_size=25))
def test_extract_offsets_index_the_text(nlp, words):
    doc = nlp(" ".join(words))
    for d in extract_dates(doc, response_date="2024-03-21", jurisdiction=UK):
        assert doc.text[d.start:d.end] == d.text and d.text.strip() == d.text


# Time expressions the guide excludes (ANNOTATION.md §4), in real sentences from records/uk_pfd.jsonl and
# au_dev.jsonl: "in future" (British "from now on"), years in the names of Acts and documents, a file
# name, and "in the future" under a may/should verb: (sentence, span that must not be a date)
NOT_DATE_SENTENCES = [
    ("In order to minimise harm and prevent occurrences like this happening in future, WSFT will continue to "
     "work with all system partners.", "in future"),
    ("Breaches may result in termination of grants, full recovery of funds, and banning of applicants from "
     "applying in future grant rounds.", "in future"),
    ("We will fully consider any actions we can take which may improve patient care in the future.", "in the future"),
    ("This was progressed under section 42 of the care act 2014 on the grounds that there was reasonable "
     "cause to suspect abuse.", "2014"),
    ("NHS England’s 2024 priorities and operational planning guidance reinforces this focus on improving "
     "patient flow.", "2024"),
    ("Turnaround times for all pathology labs are published in CWPS Handbook V16 May 2024.pdf.", "May 2024"),
    ("This was highlighted in the Care Quality Commission’s (CQC) “The safer management of controlled drugs: "
     "Annual update 2021”.", "2021"),
]


@pytest.mark.parametrize("sentence,span", NOT_DATE_SENTENCES)
def test_guide_exclusions_are_not_dates(nlp, sentence, span):
    found = [d.text for d in extract_dates(nlp(sentence), response_date="2024-12-01", jurisdiction="United Kingdom")]
    assert not any(span in text or text in span for text in found), found


# the same phrases where they do place something in time stay dates
@pytest.mark.parametrize("sentence,span,jur,value", [
    ("The strategy is to deliver the technology to move to a form of hand-held track worker interaction in the "
     "future.", "in the future", "New Zealand", None),
    ("Maritime NZ has identified this matter as a priority item within its action plans for the 2008/2009 year.",
     "2008/2009 year", "New Zealand", "2008-07/2009-06"),
    ("The Care Act 2014 took effect in April 2015.", "April 2015", "United Kingdom", "2015-04"),
    ("Funding was provided in the 2025–26 Federal Budget.", "2025–26 Federal Budget", "Australia", "2025-03-25"),
])
def test_phrases_that_place_something_stay_dates(nlp, sentence, span, jur, value):
    found = {d.text: d for d in extract_dates(nlp(sentence), response_date="2008-01-10", jurisdiction=jur)}
    assert span in found, list(found)
    assert found[span].value == value


@pytest.mark.parametrize("sentence,span", [
    # nz_taic_all.jsonl (dev split): the only timing a reply gives, marked vague by the annotators
    ("As this recommendation involves working in conjunction with another party, this may take some time before "
     "being fully implemented.", "take some time"),
    ("Regarding the fire detector, we need a little time to sort this out.", "a little time"),
])
def test_open_ended_time_to_complete_is_a_vague_deadline(nlp, sentence, span):
    found = {d.text: d for d in extract_dates(nlp(sentence), jurisdiction="New Zealand")}
    assert span in found, list(found)
    assert found[span].vague and found[span].value is None
    assert found[span].role.value == "deadline"
    assert extract_dates(nlp("We spent some time on this.")) == ()


@pytest.mark.parametrize("sentence,text,value", [
    # Australia had two 2022-23 Budgets; the month written before the year label names the later one
    ("In the October 2022-23 Budget, the Government provided $5 million.", "the October 2022-23 Budget", "2022-10-25"),
    ("The 2022-23 October Budget provided $5 million.", "2022-23 October Budget", "2022-10-25"),
    ("The March 2022-23 Budget provided $5 million.", "The March 2022-23 Budget", "2022-03-29"),
])
def test_a_budget_named_by_its_month_and_year_label(nlp, sentence, text, value):
    found = {d.text: d for d in extract_dates(nlp(sentence), response_date="2023-06", jurisdiction=AU)}
    assert text in found, f"{text!r} not found in {list(found)}"
    assert found[text].value == value

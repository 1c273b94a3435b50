"""Tests for respassess.extract.roles and round-2 date detection: deadline / past / reference (ANNOTATION.md §4)."""

from __future__ import annotations

import pytest

from respassess.extract.dates import extract_dates
from respassess.types import DateRole

UK = "United Kingdom (England and Wales)"

# (sentence, response date, date text, role) -- invented in the shapes of coroners' replies and tracker responses
ROLE_CASES = [
    # a dated document, and a day something happened on, are past
    ("Thank you for your report dated 13th November 2024 regarding the death of Mr Smith.", None,
     "13th November 2024", "past"),
    ("Thank you for your letter of 5 November about the death of Mr Smith.", "2024-12-02", "5 November", "past"),
    ("The report concerns the death of Ms Jones on 5 April 2023 at the hospital.", None, "5 April 2023", "past"),
    # a date after a noun takes its time from the clause's verb
    ("Ketamine was moved from Class C to Class B under the 1971 Act in 2014.", None, "in 2014", "past"),
    # a deadline already met is past
    ("By the end of 2024, 99.9% of all cases were resolved.", "2025-04-08", "By the end of 2024", "past"),
    ("By the end of 2025, all cases will be resolved.", "2025-04-08", "By the end of 2025", "deadline"),
    # a timeframe stated with a copula, and a funding period, are deadlines
    ("The indicative timeframe for implementation of the above is end of 2023.", "2022-12-01", "end of 2023",
     "deadline"),
    ("The new system is to be delivered in the 2025-2027 funding period.", None, "2025-2027", "deadline"),
    # a period not over at the response date, with no past verb
    ("The culture of care programme, launching in 2024, supports providers.", "2024-03-21", "in 2024", "deadline"),
    ("This will give us the technology to move to a new form of interaction in the future.", None,
     "in the future", "deadline"),
    # a state at a point in time; a forward period under a past verb
    ("The position as of December 2024 is unchanged.", None, "December 2024", "reference"),
    ("The Chancellor announced additional funding over the next two years.", None, "over the next two years",
     "reference"),
]


@pytest.mark.parametrize("sentence,resp,text,role", ROLE_CASES)
def test_date_roles(nlp, sentence, resp, text, role):
    found = {d.text: d for d in extract_dates(nlp(sentence), response_date=resp, jurisdiction=UK)}
    match = next((d for t, d in found.items() if text in t or t in text), None)
    assert match is not None, f"{text!r} not found in {list(found)}"
    assert match.role is DateRole(role)


@pytest.mark.parametrize("sentence,absent", [
    ("Under the Vienna Convention on Diplomatic Relations 1961, diplomats are prevented from trading.", "1961"),
    ("The plan will help the NHS tackle the problems of today and tomorrow.", "today"),
    ("The plan will help the NHS tackle the problems of today and tomorrow.", "tomorrow"),
])
def test_not_dates(nlp, sentence, absent):
    assert absent not in {d.text for d in extract_dates(nlp(sentence), jurisdiction=UK)}


@pytest.mark.parametrize("sentence,text", [
    ("In the short-term, we will set out the lessons learned.", "In the short-term"),
    ("By this Spring we will set out the lessons learned.", "By this Spring"),
    ("The indicative timeframe is end of 2023.", "end of 2023"),
])
def test_round2_detection(nlp, sentence, text):
    assert text in {d.text for d in extract_dates(nlp(sentence), response_date="2025-01-20", jurisdiction=UK)}

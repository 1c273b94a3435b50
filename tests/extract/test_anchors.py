"""Times given by an event rather than a date (respassess.extract.anchors, ANNOTATION.md §4)."""

import pytest

from respassess.extract.anchors import anchor_spans
from respassess.extract.dates import extract_dates
from respassess.types import DateGranularity, DateRole

NZ = "New Zealand"


def test_anchor_spans_are_offsets_into_the_text(nlp):
    doc = nlp("The manual will be revised upon completion of the review, and staff retrained.")
    ((start, end, _),) = anchor_spans(doc)
    assert doc.text[start:end] == "upon completion of the review"


@pytest.mark.parametrize("sentence,text,role", [
    # nz_taic_all.jsonl (dev split) wording: a time given by an event whose date the reply does not give
    ("Discussions on them will commence on publication of the report.", "on publication of the report",
     DateRole.DEADLINE),
    ("Discussion on it will be initiated on the publication of the final report.",
     "on the publication of the final report", DateRole.DEADLINE),
    ("The manual will be revised upon completion of the review.", "upon completion of the review", DateRole.DEADLINE),
    ("At the time of the accident the procedure was in place.", "At the time of the accident", DateRole.PAST),
    ("After the accident, the operator changed its procedures.", "After the accident", DateRole.PAST),
    ("Since the accident the operator has changed its procedures.", "Since the accident", DateRole.PAST),
    ("When the redraft is complete it will be published.", "When the redraft is complete", DateRole.DEADLINE),
])
def test_a_time_given_by_an_event_is_a_date_without_a_value(nlp, sentence, text, role):
    found = {d.text: d for d in extract_dates(nlp(sentence), response_date="2010-05-01", jurisdiction=NZ)}
    assert text in found and found[text].value is None and found[text].role is role
    assert found[text].granularity is DateGranularity.EVENT


@pytest.mark.parametrize("sentence", [
    "We will rely on the publication of guidance by the College.",  # "on" belongs to the verb
    "After consultation with the union, the rosters were agreed.",  # a step, not an event in time
    "He sat on the completion committee.",
])
def test_events_that_place_nothing_in_time(nlp, sentence):
    assert extract_dates(nlp(sentence), response_date="2010-05-01", jurisdiction=NZ) == ()

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


# Actions: (sentence, status, cue word) -- these are never commitments
ACTIONS = [
    ("At Autumn Budget 2024, the government announced an almost £1 billion increase to SEND funding.", "completed",
     "announced"),
    ("The Attorney-General’s Department has developed Guidelines for use by agencies.", "completed", "developed"),
    ("The Government is working with the sector to define reporting arrangements.", "ongoing", "working"),
    ("The department continues to test new ways to improve its data.", "ongoing", "continues"),
]


@pytest.mark.parametrize("sentence,status,cue", ACTIONS)
def test_actions(nlp, sentence, status, cue):
    doc = nlp(sentence)
    sentences = _sentences(doc)
    actions = extract_actions(doc, sentences)
    assert any(a.status is ActionStatus(status) and cue in a.cue for a in actions), actions
    assert extract_commitments(doc, sentences) == ()


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

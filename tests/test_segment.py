"""Recommendation -> asks: exact offsets, preambles dropped, lists and properties split."""

import pytest
from hypothesis import given, settings, strategies as st

from respassess.segment import split_asks, split_sentences


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


def test_segmentation_f1_on_dev_gold_floor(nlp, gold_records):
    from respassess.evaluate import heldout_split
    from respassess.evaluation.matching import match_spans
    from tests.conftest import load_jsonl, shared_path

    texts = {}
    for name in ("uk_pac_seed", "uk_dhsc", "au_dev", "nz_taic_sample", "upr_slovenia"):
        texts.update({r["id"]: r["recommendation"] for r in load_jsonl(shared_path("records", f"{name}.jsonl"))})
    m = p = g = 0
    for rec in (r for r in gold_records if heldout_split(r["id"]) == "dev"):
        asks = [a.text for a in split_asks(nlp(texts[rec["id"]]))]
        gold = [c["text"] for c in rec["clauses"]]
        m, p, g = m + len(match_spans(gold, asks)), p + len(asks), g + len(gold)
    f1 = 2 * m / (p + g)
    assert f1 >= 0.5

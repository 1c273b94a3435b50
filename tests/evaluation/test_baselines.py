"""The keyword-stance and TF-IDF-coverage baselines (respassess.evaluation.baselines)."""

from __future__ import annotations

import pytest

from respassess.evaluation.baselines import keyword_stance, split_sentences, tfidf_coverage


@pytest.mark.parametrize("response, expected", [
    ("Response: Supported.\n\nThe University Foreign Interference Taskforce will continue its efforts", "accepted"),
    ("Response: Not supported.\n\nThe Government considers that the existing framework", "rejected"),
    ("Response: Supported in Principle.", "accepted_in_principle"),
    ("The Government accepts this recommendation in part.", "partially_accepted"),
    ("The Government notes this recommendation.", "noted"),
    ("The Ministry is considering the recommendation.", "under_consideration"),
    ("The government agrees with the Committee’s recommendation.", "accepted"),
    ("See the response to Recommendation 3.", "unclear"),
    (None, "unclear"),
])
def test_keyword_stance_first_family_wins(response, expected):
    assert keyword_stance(response) == expected


def test_split_sentences():
    assert split_sentences("Supported. The Government will act!\n\nNew para") == [
        "Supported.", "The Government will act!", "New para"]


def test_tfidf_coverage_labels_by_best_sentence():
    asks = {"r1": ["publish a national data strategy", "fund regional hospitals"]}
    responses = {"r1": "The Government will publish a national data strategy. Other matters are noted."}
    assert tfidf_coverage(asks, responses) == {"r1": ["addressed", "unaddressed"]}
    assert tfidf_coverage({"r2": ["anything"]}, {"r2": None}) == {"r2": ["unaddressed"]}

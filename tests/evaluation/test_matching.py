"""Token-Jaccard matching of gold and predicted spans (respassess.evaluation.matching)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from respassess.evaluation.matching import contains, match_spans, token_jaccard, tokens


def test_tokens_are_lowercased_words():
    assert tokens("The Government's £1 billion, by March-2025!") == ["the", "government", "s", "1", "billion", "by",
                                                                     "march", "2025"]


@pytest.mark.parametrize("a, b, expected", [
    ("develop a new fully costed plan", "develop a new fully costed plan", 1.0),
    ("fully costed", "costed", 0.5),  # on the threshold: counts as a match
    ("publish a national plan", "publish a national plan by 2025", 4 / 6),
    ("metrics to measure outcomes", "clear interdependencies", 0.0),
    ("", "anything", 0.0),
])
def test_token_jaccard(a, b, expected):
    assert token_jaccard(a, b) == pytest.approx(expected)


def test_contains_needs_the_words_in_order():
    assert contains("by March 2025", "March 2025")
    assert contains("March 2025", "will publish it by March 2025")
    assert not contains("2025 March", "by March 2025")
    assert not contains("", "March")


def test_match_spans_pairs_best_first_and_one_to_one():
    gold = ["urgently improve its data", "plan for improving the SEN system", "fully costed"]
    pred = ["plan for improving the SEN system fully costed", "improve its data", "urgently improve its data"]
    pairs = match_spans(gold, pred)
    # The exact copy wins the first gold ask; the shorter paraphrase is left unpaired.
    assert [(i, j) for i, j, _ in pairs] == [(0, 2), (1, 0)]
    assert pairs[0][2] == 1.0


def test_match_spans_threshold_and_containment():
    assert match_spans(["December 2023"], ["the department published findings in December 2023"]) == []
    pairs = match_spans(["December 2023"], ["the department published findings in December 2023"],
                        allow_containment=True)
    assert [(i, j) for i, j, _ in pairs] == [(0, 0)]


@given(st.lists(st.text(alphabet="abc d", max_size=12), max_size=6),
       st.lists(st.text(alphabet="abc d", max_size=12), max_size=6))
def test_match_spans_is_a_valid_one_to_one_matching(gold, pred):
    pairs = match_spans(gold, pred, allow_containment=True)
    assert len({i for i, _, _ in pairs}) == len(pairs) == len({j for _, j, _ in pairs})
    for i, j, score in pairs:
        assert score == token_jaccard(gold[i], pred[j])
        assert score >= 0.5 or contains(gold[i], pred[j])

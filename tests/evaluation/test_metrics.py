"""Metric arithmetic of respassess.evaluation.metrics, checked against scikit-learn."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score, f1_score

from respassess.evaluation.metrics import (STANCE_LABELS, bootstrap_intervals, date_bounds, kappa_from_confusion,
                                           macro_f1_from_confusion, record_contribution, summarise)


def _confusion(y_true, y_pred):
    m = np.zeros((len(STANCE_LABELS), len(STANCE_LABELS)))
    for t, p in zip(y_true, y_pred):
        m[STANCE_LABELS.index(t), STANCE_LABELS.index(p)] += 1
    return m


labels = st.sampled_from(STANCE_LABELS)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(labels, labels), min_size=1, max_size=30))
def test_confusion_formulas_equal_scikit_learn(pairs):
    y_true, y_pred = zip(*pairs)
    confusion = _confusion(y_true, y_pred)
    assert macro_f1_from_confusion(confusion) == pytest.approx(f1_score(y_true, y_pred, average="macro",
                                                                        zero_division=0))
    if len(set(y_true) | set(y_pred)) > 1:
        expected = cohen_kappa_score(y_true, y_pred)
        if not np.isnan(expected):
            assert kappa_from_confusion(confusion) == pytest.approx(expected)


def _norm(stance="accepted", asks=(), coverage=None, gaps=(), dates=(), amounts=(), commitments=()):
    return {"id": "r", "stance": stance, "asks": list(asks), "coverage": coverage, "gaps": set(gaps),
            "dates": list(dates), "amounts": list(amounts), "commitments": list(commitments), "jurisdiction": "x"}


def test_unmatched_gold_ask_is_a_miss_in_macro_f1_but_not_in_kappa():
    gold = _norm(asks=[{"text": "publish a national plan", "label": "addressed"},
                       {"text": "metrics to measure outcomes", "label": "partial"}])
    pred = _norm(asks=[{"text": "publish a national plan by 2025", "label": "addressed"},
                       {"text": "set up a taskforce", "label": "partial"}])
    summary = summarise([record_contribution(gold, pred)])
    asks = summary["asks"]
    # addressed: F1 1; partial: predicted once (unpaired, so not counted), missed once -> F1 0.
    assert asks["label_macro_f1"] == pytest.approx(0.5)
    assert asks["kappa_matched"] == 1.0
    assert asks["label_macro_f1_matched"] == summary["headline"]["ask_label_macro_f1_paired"] == 1.0
    assert asks["confusion"][1][-1] == 1  # the partial gold ask sits in the "unmatched" column
    assert asks["segmentation"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5}


def test_span_value_accuracy_rules():
    gold = _norm(dates=[{"text": "March 2025", "value": "2025-03"}, {"text": "later this year", "value": None}],
                 amounts=[{"text": "almost £1 billion", "value": 1e9, "currency": "GBP"},
                          {"text": "$13.5 million", "value": 13.5e6, "currency": "AUD"}],
                 commitments=[{"text": "The government will publish the strategy", "strength": "firm"}])
    pred = _norm(dates=[{"text": "by March 2025", "value": "2025-03"}, {"text": "later this year", "value": "2025"}],
                 amounts=[{"text": "£1 billion", "value": 1.004e9, "currency": "gbp"},
                          {"text": "$13.5 million", "value": 13.5e6, "currency": "USD"}],
                 commitments=[{"text": "will publish the strategy", "strength": "qualified"},
                              {"text": "will consider options", "strength": "vague"}])
    spans = summarise([record_contribution(gold, pred)])["spans"]
    assert spans["dates"]["f1"] == 1.0 and spans["dates"]["value_accuracy"] == 0.5
    assert spans["amounts"]["f1"] == 1.0 and spans["amounts"]["value_accuracy"] == 0.5  # wrong currency on one
    assert spans["commitments"]["precision"] == 0.5 and spans["commitments"]["recall"] == 1.0
    assert spans["commitments"]["value_accuracy"] == 0.0


@pytest.mark.parametrize(("a", "b", "equal"), [
    ("2021-07-01/2022-06-30", "2021-07/2022-06", True),  # AU financial year at day and month precision
    ("2024", "2024-01/2024-12", True),
    ("2024-03/2024-05", "2024-03-01/2024-05-31", True),
    ("2024-02", "2024-02-01/2024-02-29", True),  # leap year
    ("2024-11-05", "2024-11", False),  # a day is not its month
    ("2021/2030", "2023-02/2033-02", False),
    ("2025", None, False),
    (None, "", True),
    ("next Budget", "next Budget", True),  # not ISO: equal only to itself
    ("next Budget", "2025", False),
])
def test_date_values_compare_as_intervals_of_days(a, b, equal):
    assert (date_bounds(a) == date_bounds(b)) is equal


def test_gap_flags_per_flag_and_micro():
    c = record_contribution(_norm(gaps={"no_timeline", "hedged"}), _norm(gaps={"no_timeline", "rejected"}))
    gaps = summarise([c])["gaps"]
    assert gaps["per_flag"]["no_timeline"]["f1"] == 1.0
    assert gaps["per_flag"]["hedged"]["recall"] == 0.0
    assert gaps["per_flag"]["rejected"]["precision"] == 0.0
    assert np.isnan(gaps["per_flag"]["deflected"]["f1"])  # neither side raised it: undefined, not 0
    assert gaps["micro_f1"] == pytest.approx(0.5)


def test_coverage_mae_and_spearman():
    cs = [record_contribution(_norm(coverage=g), _norm(coverage=p)) for g, p in [(0.2, 0.3), (0.5, 0.5), (0.9, 0.6)]]
    cov = summarise(cs)["coverage"]
    assert cov["mae"] == pytest.approx(0.4 / 3)
    assert cov["spearman"] == pytest.approx(1.0)


def test_bootstrap_is_reproducible_and_brackets_the_estimate():
    stances = ["accepted", "rejected", "noted", "accepted", "accepted", "noted", "rejected", "accepted"]
    preds = ["accepted", "accepted", "noted", "accepted", "noted", "noted", "rejected", "accepted"]
    cs = [record_contribution(_norm(stance=g, coverage=0.5), _norm(stance=p, coverage=0.4))
          for g, p in zip(stances, preds)]
    a = bootstrap_intervals(cs, n=300, seed=1)
    assert a == bootstrap_intervals(cs, n=300, seed=1)
    point = summarise(cs)["headline"]["stance_accuracy"]
    assert a["stance_accuracy"]["low"] <= point <= a["stance_accuracy"]["high"]
    assert a["stance_accuracy"]["low"] < a["stance_accuracy"]["high"]
    assert bootstrap_intervals(cs, n=0) == {}


def test_evidence_is_scored_on_paired_asks_by_overlap_with_the_gold_quotes():
    gold = _norm(asks=[{"text": "publish a national plan", "label": "partial",
                        "evidence": ["The plan will be published in 2025", "Funding is agreed."]},
                       {"text": "metrics to measure outcomes", "label": "unaddressed", "evidence": []}])
    pred = _norm(asks=[{"text": "publish a national plan", "label": "partial",
                        "evidence": ["The plan will be published in 2025 after consultation.", "We thank the Committee."]},
                       {"text": "metrics to measure outcomes", "label": "partial", "evidence": ["Funding is agreed."]}])
    contribution = record_contribution(gold, pred)
    # predicted: 1 of 2 on a gold quote for the first ask; the second ask's sentence is wrong (gold has none)
    assert list(contribution["evidence"]) == [1, 3, 1, 2]
    evidence = summarise([contribution])["asks"]["evidence"]
    assert evidence["precision"] == pytest.approx(1 / 3) and evidence["recall"] == pytest.approx(0.5)
    assert summarise([contribution])["headline"]["ask_evidence_f1"] == pytest.approx(0.4)

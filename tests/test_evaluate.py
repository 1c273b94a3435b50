"""respassess.evaluate: loading gold, the held-out split, evaluate() and agreement()."""

from __future__ import annotations

import json
import math
from collections import Counter

import pytest
from tests.conftest import SHARED_DATA, shared_path

from respassess.errors import GoldFormatError
from respassess.evaluate import (agreement, evaluate, gold_to_predictions, heldout_split, load_gold, load_predictions,
                                 load_record_texts)

GOLD = [
    {"id": "a", "stance": "accepted", "clauses": [{"text": "publish a national plan", "label": "addressed"},
                                                   {"text": "fully costed", "label": "unaddressed"}],
     "gaps": ["no_funding"], "coverage": 0.5},
    {"id": "b", "stance": "accepted", "clauses": [{"text": "review the guidance", "label": "partial"}],
     "gaps": ["no_timeline", "hedged"], "coverage": 0.5},
    {"id": "c", "stance": "rejected", "clauses": [{"text": "repeal the Act", "label": "rejected"}],
     "gaps": ["rejected"], "coverage": 0.0},
    {"id": "d", "stance": "noted", "clauses": [{"text": "set targets", "label": "unaddressed"}],
     "gaps": ["unaddressed_clause"], "coverage": 0.0},
]


def _write(tmp_path, lines, name="gold.jsonl"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_perfect_prediction_scores_one():
    m = evaluate(GOLD, GOLD, baselines=False, bootstrap=50)
    head = m["splits"]["all"]["headline"]
    assert head["stance_accuracy"] == head["stance_macro_f1"] == head["ask_label_macro_f1"] == 1.0
    assert head["gap_micro_f1"] == 1.0 and head["coverage_mae"] == 0.0
    assert m["primary_metric"] == "ask_label_macro_f1" and m["primary"]["value"] == 1.0


def test_one_swapped_stance_lowers_macro_f1_by_the_computed_amount():
    pred = [dict(g) for g in GOLD]
    pred[0]["stance"] = "rejected"
    stance = evaluate(GOLD, pred, baselines=False, bootstrap=0)["splits"]["all"]["stance"]
    # accepted: P 1, R 1/2 -> 2/3; rejected: P 1/2, R 1 -> 2/3; noted: 1.
    assert stance["accuracy"] == 0.75
    assert stance["macro_f1"] == pytest.approx((2 / 3 + 2 / 3 + 1) / 3)
    labels = stance["labels"]
    assert stance["confusion"][labels.index("accepted")][labels.index("rejected")] == 1


def test_splits_partition_the_records_and_missing_predictions_count_as_unclear():
    m = evaluate(GOLD, GOLD[1:], baselines=False, bootstrap=0)
    assert m["missing_predictions"] == ["a"]
    assert m["splits"]["dev"]["n_records"] + m["splits"]["test"]["n_records"] == m["splits"]["all"]["n_records"] == 4
    row = next(r for r in m["per_record"] if r["id"] == "a")
    assert row["pred_stance"] == "unclear" and row["missing"]
    assert m["splits"]["all"]["headline"]["stance_accuracy"] == 0.75


def test_jurisdiction_comes_from_the_records():
    records = {"a": {"jurisdiction": "New Zealand", "response": "Accepted."}, "b": {"jurisdiction": "New Zealand"}}
    m = evaluate(GOLD, GOLD, records=records, baselines=False, bootstrap=0)
    assert m["per_jurisdiction"]["New Zealand"]["all"]["n_records"] == 2
    assert m["per_jurisdiction"]["unknown"]["all"]["n_records"] == 2


def test_figures_are_broken_down_by_gold_file_when_sources_are_given(tmp_path):
    from respassess.evaluate import write_evaluation_report

    pred = [dict(g) for g in GOLD]
    pred[2]["stance"] = "accepted"  # wrong on one record of the second file only
    sources = {"a": "first.jsonl", "b": "first.jsonl", "c": "second.jsonl", "d": "second.jsonl"}
    m = evaluate(GOLD, pred, baselines=False, bootstrap=0, sources=sources)
    first, second = m["per_source"]["first.jsonl"]["all"], m["per_source"]["second.jsonl"]["all"]
    assert first["n_records"] == second["n_records"] == 2
    assert first["headline"]["stance_accuracy"] == 1.0 and second["headline"]["stance_accuracy"] == 0.5
    assert "per_source" not in evaluate(GOLD, pred, baselines=False, bootstrap=0)
    report = write_evaluation_report(m, tmp_path / "eval")
    text = report["markdown"].read_text("utf-8")
    assert "## By gold file" in text and "second.jsonl" in text


def test_baselines_need_records_and_are_scored_side_by_side():
    assert "baselines_note" in evaluate(GOLD, GOLD, bootstrap=0)
    records = {"a": {"response": "The Government agrees and will publish a national plan."},
               "b": {"response": "The Government will consider whether to review the guidance."},
               "c": {"response": "Not supported. The Act will remain."},
               "d": {"response": "The Government notes the recommendation."}}
    m = evaluate(GOLD, GOLD, records=records, bootstrap=0)
    base = m["baselines"]["splits"]["all"]
    assert [r["baseline_stance"] for r in m["per_record"]] == ["accepted", "under_consideration", "rejected", "noted"]
    assert base["stance"]["accuracy"] == 0.75
    assert base["asks"]["n_matched"] == base["asks"]["n_gold"] == 5  # the baseline is handed the gold asks


def test_agreement_of_a_file_with_itself_is_perfect_and_needs_shared_ids():
    m = agreement(GOLD, GOLD)
    assert m["kind"] == "agreement"
    head = m["splits"]["all"]["headline"]
    assert head["stance_accuracy"] == head["ask_label_macro_f1"] == head["gap_micro_f1"] == head["ask_kappa"] == 1.0
    assert head["coverage_mae"] == 0.0 and math.isnan(head["dates_f1"])  # nothing annotated: undefined
    assert m["splits"]["all"]["asks"]["kappa_matched"] == 1.0
    with pytest.raises(GoldFormatError, match="share no record id"):
        agreement(GOLD, [{"id": "zz", "stance": "noted"}])


def test_agreement_between_two_annotators_that_differ():
    second = json.loads(json.dumps(GOLD))
    second[1]["clauses"][0]["label"] = "addressed"  # annotator B is more generous on one ask
    second[1]["coverage"] = 1.0
    second[3]["gaps"] = []
    m = agreement(GOLD, second)
    asks = m["splits"]["all"]["asks"]
    assert asks["label_accuracy_matched"] == pytest.approx(4 / 5)
    assert 0.0 < asks["kappa_matched"] < 1.0
    assert m["splits"]["all"]["coverage"]["mae"] == pytest.approx(0.5 / 4)
    assert m["splits"]["all"]["gaps"]["micro_recall"] == pytest.approx(4 / 5)


def test_evaluate_rejects_empty_gold_and_malformed_predictions():
    with pytest.raises(GoldFormatError, match="`gold` is empty"):
        evaluate([], GOLD)
    with pytest.raises(GoldFormatError, match=r"predictions, line 2, field 'stance'.*'maybe'"):
        evaluate(GOLD, [GOLD[0], {"id": "b", "stance": "maybe"}])


def test_heldout_split_is_stable():
    assert heldout_split("uk-pac-send-r7") == heldout_split("uk-pac-send-r7")
    assert {heldout_split(f"rec-{i}") for i in range(50)} == {"dev", "test"}
    share = Counter(heldout_split(f"rec-{i}") for i in range(3000))["test"] / 3000
    assert 0.3 < share < 0.37


def test_heldout_split_of_the_dev_gold_is_pinned():
    # The rule must never change: 20 of the 74 gold records are held out under it.
    gold = load_gold(shared_path("gold", "dev.jsonl"))
    assert Counter(heldout_split(g["id"]) for g in gold) == {"dev": 54, "test": 20}


def test_load_gold_accepts_both_spellings(tmp_path):
    path = _write(tmp_path, [
        json.dumps({"id": "x", "stance": "accepted", "asks": [{"text": "t", "label": "partial"}],
                    "gaps": [{"kind": "hedged", "message": "m", "evidence": []}]}),
        "",
        json.dumps({"id": "y", "stance": "noted", "clauses": [], "gaps": ["no_timeline"], "coverage": None}),
    ])
    assert [g["id"] for g in load_gold(path)] == ["x", "y"]
    assert len(load_predictions(path)) == 2


@pytest.mark.parametrize("line, match", [
    ("{not json", r"line 1: not valid JSON"),
    ("[1, 2]", r"line 1: expected a JSON object, got list"),
    ('{"stance": "accepted"}', r"line 1, field 'id': missing"),
    ('{"id": "x", "stance": "agreed"}', r"line 1, field 'stance': `stance` got invalid value 'agreed'; valid choices"),
    ('{"id": "x", "stance": "noted", "clauses": [{"text": "a", "label": "done"}]}',
     r"line 1, field 'clauses\[0\].label': `label` got invalid value 'done'"),
    ('{"id": "x", "stance": "noted", "clauses": [{"label": "partial"}]}', r"line 1, field 'clauses\[0\].text'"),
    ('{"id": "x", "stance": "noted", "gaps": ["no_money"]}',
     r"line 1, field 'gaps\[0\]': `kind` got invalid value 'no_money'"),
    ('{"id": "x", "stance": "noted", "dates": ["2024"]}', r"line 1, field 'dates\[0\].text'"),
    ('{"id": "x", "stance": "noted", "coverage": 1.5}',
     r"line 1, field 'coverage': got 1.5; expected a number from 0 to 1"),
    ('{"id": "x", "stance": "noted", "clauses": {"text": "a"}}', r"line 1, field 'clauses': must be a list"),
])
def test_load_gold_errors_name_file_line_and_field(tmp_path, line, match):
    path = _write(tmp_path, [line])
    with pytest.raises(GoldFormatError, match=r"gold\.jsonl, " + match):
        load_gold(path)


def test_load_gold_file_level_errors(tmp_path):
    with pytest.raises(GoldFormatError, match="does not exist"):
        load_gold(tmp_path / "nope.jsonl")
    with pytest.raises(GoldFormatError, match="holds no records"):
        load_gold(_write(tmp_path, [""]))
    dup = json.dumps({"id": "x", "stance": "noted"})
    with pytest.raises(GoldFormatError, match=r"line 2, field 'id': id 'x' already used on line 1"):
        load_gold(_write(tmp_path, [dup, dup]))


def test_real_gold_as_predictions_is_perfect_and_beats_baselines():
    gold = load_gold(shared_path("gold", "dev.jsonl"))
    records = load_record_texts([SHARED_DATA / "records"])
    preds = gold_to_predictions(gold, records)
    assert all(p["asks"][0]["start"] is not None for p in preds if p["asks"])  # gold asks are verbatim
    m = evaluate(gold, preds, records=records, bootstrap=100)
    for split in ("dev", "test", "all"):
        head = m["splits"][split]["headline"]
        assert head["stance_accuracy"] == head["ask_label_macro_f1"] == head["gap_micro_f1"] == 1.0
        base = m["baselines"]["splits"][split]["headline"]
        assert 0.0 < base["stance_accuracy"] < 1.0 and 0.0 < base["ask_label_macro_f1"] < 1.0
    assert len(m["per_jurisdiction"]) >= 4
    iv = m["baselines"]["splits"]["all"]["intervals"]["stance_accuracy"]
    assert iv["low"] < m["baselines"]["splits"]["all"]["headline"]["stance_accuracy"] < iv["high"]


def test_gap_confidence_is_checked_against_observed_precision():
    from respassess.evaluate import gap_confidence_calibration

    gold = [{"id": "a", "gaps": ["hedged"]}, {"id": "b", "gaps": []}]
    preds = {"a": {"gaps": [{"kind": "hedged", "confidence": 0.8}, {"kind": "no_timeline", "confidence": 0.6}]},
             "b": {"gaps": [{"kind": "hedged", "confidence": 0.8}, {"kind": "rejected"}]}}
    out = gap_confidence_calibration(gold, preds)
    assert out["per_kind"]["hedged"] == {"raised": 2, "mean_confidence": 0.8, "precision": 0.5}
    assert out["per_kind"]["no_timeline"] == {"raised": 1, "mean_confidence": 0.6, "precision": 0.0}
    assert "rejected" not in out["per_kind"]  # no stated confidence, nothing to check
    assert (out["raised"], out["mean_confidence"], out["precision"]) == (3, pytest.approx(0.7333, abs=1e-4),
                                                                          pytest.approx(0.3333, abs=1e-4))
    assert gap_confidence_calibration(gold, {})["raised"] == 0

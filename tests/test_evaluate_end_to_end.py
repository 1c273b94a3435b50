"""End to end: the real pipeline on a few gold records, scored and reported."""

from __future__ import annotations

from respassess.evaluate import evaluate, load_gold, load_record_texts, write_evaluation_report
from respassess.records import record_from_mapping
from respassess.report.corpus import write_corpus_report
from respassess.report.single import render_assessment_html, render_assessment_markdown
from tests.conftest import shared_path

IDS = ("uk-pac-send-r7", "au-otd1324-rec2", "uk-dhsc-mhis-rapid-review-rec1")


def test_pipeline_predictions_evaluate_and_report(assessor, tmp_path):
    gold = [g for g in load_gold(shared_path("gold", "dev.jsonl")) if g["id"] in IDS]
    records = load_record_texts([shared_path("records")])
    predictions = [a.to_dict() for a in assessor.assess_many([record_from_mapping(records[g["id"]]) for g in gold])]
    assert [p["id"] for p in predictions] == [g["id"] for g in gold]

    metrics = evaluate(gold, predictions, records=records, bootstrap=20)
    head = metrics["splits"]["all"]["headline"]
    assert metrics["splits"]["all"]["n_records"] == 3 and not metrics["missing_predictions"]
    assert 0.0 <= head["stance_accuracy"] <= 1.0 and 0.0 <= head["coverage_mae"] <= 1.0
    assert metrics["splits"]["all"]["asks"]["n_predicted"] == sum(len(p["asks"]) for p in predictions)
    paths = write_evaluation_report(metrics, tmp_path / "eval")
    assert "respassess: evaluation against gold" in paths["html"].read_text(encoding="utf-8")

    html = write_corpus_report(predictions, tmp_path / "corpus.html").read_text(encoding="utf-8")
    assert all(f'id="rec-{g["id"]}"' in html for g in gold)
    seed = next(p for p in predictions if p["id"] == "uk-pac-send-r7")
    page = render_assessment_html(seed, recommendation=records[seed["id"]]["recommendation"],
                                  response=records[seed["id"]]["response"])
    # Every highlighted finding is the exact slice its offsets name.
    for d in seed["dates"]:
        assert records[seed["id"]]["response"][d["start"]:d["end"]] == d["text"]
        assert f">{d['text']}</mark>" in page or d["text"] in page
    assert render_assessment_markdown(seed).startswith("# Assessment of uk-pac-send-r7")

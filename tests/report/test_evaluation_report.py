"""The evaluation report writer (respassess.report.evaluation)."""

from __future__ import annotations

import json
import re

from respassess.evaluate import evaluate, write_evaluation_report
from respassess.report.evaluation import to_json_safe


def _strict(text):
    return json.loads(text, parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))


def test_report_files_are_complete_strict_and_self_contained(gold_assessments, record_texts, tmp_path):
    gold = [{"id": a["id"], "stance": a["stance"], "clauses": a["asks"], "gaps": [g["kind"] for g in a["gaps"]],
             "coverage": a["coverage"], "dates": a["dates"], "amounts": a["amounts"],
             "commitments": a["commitments"]} for a in gold_assessments]
    preds = [dict(a) for a in gold_assessments]
    preds[0] = {**preds[0], "stance": "rejected", "id": preds[0]["id"]}
    metrics = evaluate(gold, preds, records=record_texts, bootstrap=50)
    paths = write_evaluation_report(metrics, tmp_path / "out")
    assert set(paths) == {"json", "markdown", "html"} and all(p.exists() for p in paths.values())
    data = _strict(paths["json"].read_text(encoding="utf-8"))
    assert data["primary"]["split"] == "test" and data["splits"]["all"]["stance"]["accuracy"] < 1.0
    md = paths["markdown"].read_text(encoding="utf-8")
    assert "dev (tuned-on data)" in md and "test (held out)" in md and "Jaccard >= 0.5" in md
    assert "| Stance accuracy |" in md and "keyword_stance" in md
    html = paths["html"].read_text(encoding="utf-8")
    assert 'src="http' not in html and 'href="http' not in html
    assert re.search(r'<img src="data:image/png;base64,[A-Za-z0-9+/=]{100,}"', html)
    assert "Stance confusion, test (held out)" in html and "<td>unmatched</td>" not in html


def test_report_escapes_record_ids(tmp_path):
    gold = [{"id": "<script>alert(1)</script>", "stance": "noted", "clauses": [{"text": "a b", "label": "partial"}]},
            {"id": "r2", "stance": "accepted", "clauses": []}]
    paths = write_evaluation_report(evaluate(gold, gold, baselines=False, bootstrap=0), tmp_path)
    html = paths["html"].read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_to_json_safe():
    import numpy as np

    assert to_json_safe({"a": float("nan"), "b": np.float64(0.5), "c": {1, 2}, "d": [np.int64(3)]}) == {
        "a": None, "b": 0.5, "c": [1, 2], "d": [3]}

"""The dev evaluation script (evaluation/run_dev_eval.py), run on gold-as-predictions."""

from __future__ import annotations

import importlib.util
import json

from respassess.evaluate import gold_to_predictions, load_gold
from tests.conftest import REPO_ROOT, shared_path


def test_run_dev_eval_writes_a_dated_report(tmp_path, capsys):
    spec = importlib.util.spec_from_file_location("run_dev_eval", REPO_ROOT / "evaluation" / "run_dev_eval.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    gold = load_gold(shared_path("gold", "dev.jsonl"))
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(p) + "\n" for p in gold_to_predictions(gold[:10])), encoding="utf-8")
    assert script.main(["--pred", str(pred), "--out-root", str(tmp_path / "reports"), "--date", "2025-01-02",
                        "--bootstrap", "0", "--limit", "10"]) == 0
    out = tmp_path / "reports" / "2025-01-02-dev"
    assert sorted(p.name for p in out.iterdir()) == ["metrics.json", "report.html", "report.md"]
    metrics = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["n_gold"] == 10 and metrics["splits"]["all"]["stance"]["accuracy"] == 1.0
    assert "ask_label_macro_f1 = 1.000" in capsys.readouterr().out

"""Training the ask-label model: dev split only, JSON + MANIFEST written, reproducible bytes."""

import json

import numpy as np
import pytest

from respassess.coverage_model import CoverageModel
from respassess.doctor import file_sha256
from respassess.errors import GoldFormatError
from respassess.evaluate import heldout_split
from respassess.train import classification_metrics, train_coverage_model
from tests.conftest import load_jsonl, shared_path, write_au_gold


def test_classification_metrics_by_hand():
    gold = ["partial", "partial", "unaddressed", "addressed"]
    pred = ["partial", "addressed", "unaddressed", "addressed"]
    proba = np.array([[0.2, 0.8, 0.0], [0.6, 0.4, 0.0], [0.0, 0.1, 0.9], [0.9, 0.1, 0.0]])
    m = classification_metrics(gold, pred, proba, ["addressed", "partial", "unaddressed"])
    assert m["accuracy"] == 0.75 and m["score_mae"] == pytest.approx(0.125)
    assert 0 <= m["ece"] <= 1 and m["nll"] > 0


@pytest.fixture(scope="module")
def small_gold(tmp_path_factory):
    path, dev = write_au_gold(tmp_path_factory.mktemp("gold"), n_dev=6, n_test=2)
    return path, {g["id"] for g in dev}


def test_train_writes_a_loadable_model_and_manifest(assessor, small_gold, tmp_path):
    path, dev_ids = small_gold
    records = shared_path("records", "au_dev.jsonl")
    metrics = train_coverage_model([path], [records], tmp_path / "a", seed=0, C=0.3, assessor=assessor,
                                   date="2025-01-01")
    model_file = tmp_path / "a" / "coverage_model.json"
    manifest = json.loads((tmp_path / "a" / "MANIFEST.json").read_text())
    entry = manifest["coverage_model.json"]
    assert entry["sha256"] == file_sha256(model_file) == metrics["sha256"]
    assert entry["seed"] == 0 and entry["date"] == "2025-01-01"
    assert entry["training_data"] == [{"path": "au_gold.jsonl", "records": len(dev_ids)}]
    assert "cv" in metrics and "test" in metrics and metrics["n_examples"] > 0
    model = CoverageModel.load(model_file)
    assert model.meta_["metrics"]["C"] == 0.3
    again = train_coverage_model([path], [records], tmp_path / "b", seed=0, C=0.3, assessor=assessor,
                                 date="2025-01-01")
    assert again["sha256"] == metrics["sha256"]  # the same inputs rebuild the same bytes


def test_train_without_dev_records_is_refused(assessor, tmp_path):
    gold = [g for g in load_jsonl(shared_path("gold", "dev.jsonl")) if heldout_split(g["id"]) == "test"][:1]
    path = tmp_path / "only_test.jsonl"
    path.write_text(json.dumps(gold[0]) + "\n")
    with pytest.raises(GoldFormatError, match="no matched asks in the dev split"):
        train_coverage_model([path], [shared_path("records")], tmp_path / "out", assessor=assessor)

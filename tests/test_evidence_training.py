"""Training the evidence model from gold evidence: dev split only, JSON + MANIFEST, the rule beside it."""

import json

import numpy as np
import pytest

from respassess.align import EvidenceModel
from respassess.doctor import file_sha256
from respassess.errors import GoldFormatError
from respassess.evaluate import heldout_split
from respassess.evidence_training import F1_SLACK, THRESHOLDS, collect_evidence_rows, train_evidence_model
from tests.conftest import load_jsonl, shared_path, write_au_gold


@pytest.fixture(scope="module")
def au_gold(tmp_path_factory):
    return write_au_gold(tmp_path_factory.mktemp("gold"), n_dev=8, n_test=2)


def test_rows_label_sentences_that_overlap_the_gold_evidence(assessor, au_gold):
    _, dev = au_gold
    records = {r["id"]: r for r in load_jsonl(shared_path("records", "au_dev.jsonl"))}
    rows = collect_evidence_rows(dev, records, assessor=assessor)
    assert rows.X.shape[0] == len(rows.y) == len(rows.groups) == len(rows.rule) > 0
    assert set(rows.groups) <= {g["id"] for g in dev}
    # every record's paired asks have at least one gold evidence sentence among the rows
    assert rows.y.any() and not rows.y.all()
    # the best-ranked sentence of an ask is evidence more often than the rest
    rank = rows.X[:, 3]
    assert rows.y[rank == 1].mean() > rows.y[rank > 1].mean()


def test_train_writes_a_verified_model_with_the_rule_beside_it(assessor, au_gold, tmp_path):
    path, dev = au_gold
    records = shared_path("records", "au_dev.jsonl")
    metrics = train_evidence_model([path], [records], tmp_path / "m", assessor=assessor, date="2025-01-01")
    target = tmp_path / "m" / "evidence_model.json"
    manifest = json.loads((tmp_path / "m" / "MANIFEST.json").read_text())
    assert manifest["evidence_model.json"]["sha256"] == file_sha256(target) == metrics["sha256"]
    assert metrics["threshold"] in THRESHOLDS
    # the lowest threshold within F1_SLACK of the best out-of-fold F1 (recall wins on a flat curve)
    search = {float(t): f for t, f in metrics["threshold_search"].items()}
    assert metrics["threshold"] == min(t for t in search if search[t] >= max(search.values()) - F1_SLACK)
    assert {"cv", "cv_cosine_rule", "test", "test_cosine_rule"} <= set(metrics)
    assert metrics["cv"]["n"] == metrics["cv_cosine_rule"]["n"] and 0 <= metrics["cv"]["f1"] <= 1
    model = EvidenceModel.load(target)
    assert model.threshold == metrics["threshold"] and model.meta_["training_data"][0]["records"] == len(dev)
    # a rebuild gives the same bytes
    train_evidence_model([path], [records], tmp_path / "again", assessor=assessor, date="2025-01-01")
    assert file_sha256(tmp_path / "again" / "evidence_model.json") == file_sha256(target)
    assert np.isfinite(model.predict_proba(np.zeros((1, 6)))).all()


def test_train_without_dev_evidence_is_refused(assessor, tmp_path):
    gold = [g for g in load_jsonl(shared_path("gold", "dev.jsonl")) if heldout_split(g["id"]) == "test"][:2]
    path = tmp_path / "test_only.jsonl"
    path.write_text("".join(json.dumps(g) + "\n" for g in gold))
    with pytest.raises(GoldFormatError, match="no gold evidence"):
        train_evidence_model([path], [shared_path("records")], tmp_path / "m", assessor=assessor)

"""Cross-fitted dev predictions: each dev record is labelled by an ask model that never saw it."""

import pytest

from respassess.evaluate import heldout_split, load_record_texts
from respassess.evaluation.crossfit import cross_fitted_predictions, crossfit_fold
from tests.conftest import load_jsonl, shared_path


def test_fold_is_fixed_and_in_range():
    ids = [f"rec-{i}" for i in range(200)]
    folds = [crossfit_fold(i, 5) for i in ids]
    assert folds == [crossfit_fold(i, 5) for i in ids]
    assert set(folds) == set(range(5))


def test_fewer_than_two_folds_is_refused(assessor):
    with pytest.raises(ValueError, match="folds"):
        cross_fitted_predictions([], {}, assessor=assessor, folds=1)


def test_each_dev_record_is_predicted_once_by_a_model_trained_without_it(assessor):
    gold = [g for g in load_jsonl(shared_path("gold", "dev.jsonl")) if g["id"].startswith("au-")]
    dev = [g for g in gold if heldout_split(g["id"]) == "dev"][:10]
    test = [g for g in gold if heldout_split(g["id"]) == "test"][:2]
    records = load_record_texts([shared_path("records", "au_dev.jsonl")])
    out = cross_fitted_predictions(dev + test, records, assessor=assessor, folds=2)
    assert [p["id"] for p in out] == [g["id"] for g in dev]  # test records are never cross-fitted
    versions = {crossfit_fold(p["id"], 2): p["versions"]["coverage_model"] for p in out}
    assert len(set(versions.values())) == 2  # one model per fold
    assert assessor.versions["coverage_model"] not in versions.values()
    assert all(0.0 <= p["coverage"] <= 1.0 and p["asks"] for p in out)
    # the shipped evidence model is cross-fitted too: one per fold, none of them the shipped one
    evidence = {crossfit_fold(p["id"], 2): p["versions"]["evidence_model"] for p in out}
    assert len(set(evidence.values())) == 2 and assessor.versions["evidence_model"] not in evidence.values()
    # so is the stance model
    stance = {crossfit_fold(p["id"], 2): p["versions"]["stance_model"] for p in out}
    assert len(set(stance.values())) == 2 and assessor.versions["stance_model"] not in stance.values()


def test_held_out_records_never_lend_their_official_labels_to_the_stance_refit(assessor):
    from respassess.evaluation.crossfit import _StanceRefit

    gold = [g for g in load_jsonl(shared_path("gold", "dev.jsonl")) if g["id"].startswith("au-otd1324")]
    dev = [g for g in gold if heldout_split(g["id"]) == "dev"][:6]
    test = [g for g in gold if heldout_split(g["id"]) == "test"][:2]
    records = load_record_texts([shared_path("records", "au_dev.jsonl")])
    weak_ids = {e.record_id for e in _StanceRefit(dev + test, dev, records, assessor).weak_ex}
    assert weak_ids and not weak_ids & {g["id"] for g in dev + test}
    # told only of the dev records, the refit would take the held-out ones' official labels as weak labels
    assert {g["id"] for g in test} <= {e.record_id for e in _StanceRefit(dev, dev, records, assessor).weak_ex}

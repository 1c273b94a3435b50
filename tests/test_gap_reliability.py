"""Gap flag confidence: measured per kind, stored as JSON, attached to every flag."""

import json

import pytest

from respassess.errors import ModelIntegrityError
from respassess.gap_reliability import fit_gap_reliability, load_gap_reliability, with_confidence
from respassess.labels import GapKind
from respassess.types import Gap


def test_confidence_is_the_smoothed_share_of_raised_flags_the_gold_also_has():
    gold = [{"id": "a", "gaps": ["no_timeline", "hedged"]}, {"id": "b", "gaps": []}, {"id": "c", "gaps": ["hedged"]}]
    pred = [{"id": "a", "gaps": [{"kind": "no_timeline"}, {"kind": "hedged"}]},
            {"id": "b", "gaps": [{"kind": "no_timeline"}]},
            {"id": "c", "gaps": []},
            {"id": "not-in-gold", "gaps": [{"kind": "hedged"}]}]
    table = fit_gap_reliability(gold, pred)
    assert table["no_timeline"] == {"raised": 2, "correct": 1, "confidence": 0.5}
    assert table["hedged"] == {"raised": 1, "correct": 1, "confidence": round(2 / 3, 4)}
    assert table["deflected"]["confidence"] == 0.5 and set(table) == {k.value for k in GapKind}


def test_flags_carry_their_kinds_confidence():
    gaps = (Gap(GapKind.HEDGED, "Hedged."), Gap(GapKind.REJECTED, "Rejected."))
    out = with_confidence(gaps, {"hedged": 0.7})
    assert [g.confidence for g in out] == [0.7, None]
    assert out[0].to_dict()["confidence"] == 0.7 and with_confidence(gaps, None) == gaps


def test_a_foreign_file_is_refused(tmp_path):
    bad = tmp_path / "gap_reliability.json"
    bad.write_text(json.dumps({"format_version": 99}))
    with pytest.raises(ModelIntegrityError, match="rebuild it with `respassess train`"):
        load_gap_reliability(str(bad))


def test_the_shipped_table_covers_every_kind_and_reaches_the_assessment(assessor, seed_record):
    version, table = load_gap_reliability()
    assert set(table) == {k.value for k in GapKind} and all(0.0 < v < 1.0 for v in table.values())
    a = assessor.assess(seed_record)
    assert a.gaps and all(g.confidence == table[g.kind.value] for g in a.gaps)
    assert a.versions["gap_reliability"] == version


def test_training_writes_a_verified_table_from_out_of_fold_dev_predictions(assessor, tmp_path):
    from respassess.doctor import file_sha256
    from respassess.evaluate import heldout_split
    from respassess.gap_reliability import train_gap_reliability
    from tests.conftest import load_jsonl, shared_path

    gold = [g for g in load_jsonl(shared_path("gold", "dev.jsonl")) if g["id"].startswith("au-")]
    path = tmp_path / "small.jsonl"
    path.write_text("".join(json.dumps(g) + "\n" for g in gold[:24]))
    dev = [g for g in gold[:24] if heldout_split(g["id"]) == "dev"]
    out = train_gap_reliability([path], [shared_path("records", "au_dev.jsonl")], tmp_path / "m", assessor=assessor,
                                folds=2, date="2025-01-01")
    manifest = json.loads((tmp_path / "m" / "MANIFEST.json").read_text())
    entry = manifest["gap_reliability.json"]
    assert entry["sha256"] == file_sha256(tmp_path / "m" / "gap_reliability.json") == out["sha256"]
    assert entry["training_data"] == [{"path": "small.jsonl", "records": len(dev)}] and out["n_records"] == len(dev)
    raised = sum(v["raised"] for v in out["per_kind"].values())
    assert raised > 0 and all(v["correct"] <= v["raised"] for v in out["per_kind"].values())
    version, table = load_gap_reliability(str(tmp_path / "m" / "gap_reliability.json"))
    assert version == "gap-reliability-v1-2025-01-01"
    assert table == {k: v["confidence"] for k, v in out["per_kind"].items()}

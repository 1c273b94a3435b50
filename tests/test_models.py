"""Locating trained artefacts: a named file must exist, a bundled one must match its manifest."""

import json

import pytest

from respassess import models
from respassess.align.relevance import load_evidence_model
from respassess.errors import ModelIntegrityError
from respassess.gap_reliability import load_gap_reliability
from respassess.models import load_coverage_model, locate_artefact, record_artefact, save_json
from respassess.stance_model import load_stance_model


@pytest.mark.parametrize("loader, what", [(load_coverage_model, "coverage model"),
                                          (load_stance_model, "stance model"),
                                          (load_evidence_model, "evidence model"),
                                          (load_gap_reliability, "gap reliability table")])
def test_a_named_file_that_is_missing_is_an_error_not_a_silent_fallback(tmp_path, loader, what):
    missing = str(tmp_path / "nope.json")
    with pytest.raises(ModelIntegrityError, match=f"{what} .*nope.json does not exist; .*'rules'"):
        loader(missing)


def test_the_bundled_artefact_is_checked_against_its_manifest(tmp_path, monkeypatch):
    monkeypatch.setattr(models, "models_dir", lambda: tmp_path)
    assert locate_artefact(None, "thing.json", what="thing") is None  # absent: rules decide
    path = save_json({"a": 1}, tmp_path / "thing.json")
    record_artefact(path, version="v", training_data=[], seed=0, date="2026-11-29", metrics={})
    assert locate_artefact(None, "thing.json", what="thing") == path
    path.write_text(json.dumps({"a": 2}))  # tampered after training
    with pytest.raises(ModelIntegrityError, match="does not match the sha256 in MANIFEST.json"):
        locate_artefact(None, "thing.json", what="thing")
    # a file the user names is taken as given: it has no manifest entry of its own to check
    assert locate_artefact(str(path), "thing.json", what="thing") == path

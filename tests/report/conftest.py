"""Realistic assessment dicts for the report tests: the dev gold, converted to the prediction format."""

from __future__ import annotations

import pytest

from tests.conftest import SHARED_DATA, shared_path


@pytest.fixture(scope="session")
def gold_assessments():
    """The 74 dev gold records as ``Assessment.to_dict()``-shaped dicts (with offsets and meta)."""
    from respassess.evaluate import gold_to_predictions, load_gold, load_record_texts

    gold = load_gold(shared_path("gold", "dev.jsonl"))
    return gold_to_predictions(gold, load_record_texts([SHARED_DATA / "records"]))


@pytest.fixture(scope="session")
def record_texts():
    """Source records by id (recommendation and response texts)."""
    from respassess.evaluate import load_record_texts

    return load_record_texts([shared_path("records")])

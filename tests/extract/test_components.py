"""Tests for the spaCy factories in respassess.extract.components."""

from __future__ import annotations

import spacy

import respassess.extract.components  # noqa: F401  (registers the factories when the package is not installed)
from respassess.types import Approx, CommitmentStrength


def test_factories_are_registered():
    assert {"respassess_dates", "respassess_amounts", "respassess_commitments"} <= set(spacy.registry.factories.get_all())


def test_factories_add_to_a_pipeline(nlp):
    # a copy of the session pipeline, so adding components leaves the shared `nlp` untouched
    local = nlp.__class__.from_config(nlp.config)
    local.from_bytes(nlp.to_bytes())
    local.add_pipe("respassess_dates", config={"jurisdiction": "United Kingdom", "response_date": "2025-02-10"})
    local.add_pipe("respassess_amounts", config={"jurisdiction": "United Kingdom"})
    local.add_pipe("respassess_commitments")
    doc = local("At Autumn Budget 2024, the government announced an almost £1 billion increase to SEND funding. "
                "The government intends to set out plans later this year.")
    assert [d.value for d in doc._.respassess_dates] == ["2024-10-30", "2025"]
    (amount,) = doc._.respassess_amounts
    assert amount.approx is Approx.BELOW
    (commitment,) = doc._.respassess_commitments
    assert commitment.strength is CommitmentStrength.QUALIFIED and commitment.deadline == "later this year"
    assert [a.cue for a in doc._.respassess_actions] == ["announced"]

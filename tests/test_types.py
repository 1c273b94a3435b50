"""The data model: enums accept their values, JSON forms are stable and complete."""

import json
from dataclasses import replace

import pytest

from respassess.types import (Ask, AskCoverage, AskLabel, Assessment, Gap, GapKind, Record, Sentence, Span, Stance,
                              StanceCall, TextField)


def test_enums_accept_their_values_and_print_them():
    assert Stance("accepted_in_principle") is Stance.ACCEPTED_IN_PRINCIPLE
    assert str(GapKind.PLAN_PENDING) == "plan_pending"
    with pytest.raises(ValueError):
        Stance("agreed")


@pytest.mark.parametrize("label,score", [("addressed", 1.0), ("partial", 0.5), ("unaddressed", 0.0), ("rejected", 0.0)])
def test_ask_label_scores_follow_annotation_guide(label, score):
    assert AskLabel(label).score == score


def test_dataclasses_are_frozen():
    ask = Ask(0, "publish a plan", 0, 14)
    with pytest.raises(AttributeError):
        ask.text = "x"  # type: ignore[misc]


def _assessment(labels):
    rec = Record("r1", "Publish a plan and fund it.", "The government agrees.", {"official_status": "Acknowledged"})
    asks = tuple(AskCoverage(Ask(i, f"ask {i}", 0, 5), AskLabel(l), AskLabel(l).score, 0.5) for i, l in enumerate(labels))
    stance = StanceCall(Stance.ACCEPTED, 0.9, Span("The government agrees.", 0, 22), "Acknowledged", Stance.NOTED)
    gap = Gap(GapKind.NO_FUNDING, "No funding.", (Span("fund", 17, 21, TextField.RECOMMENDATION),))
    return Assessment(rec, stance, asks, (Sentence(0, "The government agrees.", 0, 22),), (), (), (), (), (gap,),
                      "cfg", {"respassess": "0"})


def test_coverage_is_mean_ask_score():
    assert _assessment(["addressed", "partial", "unaddressed", "rejected"]).coverage == pytest.approx(0.375)
    assert _assessment([]).coverage is None


def test_coverage_counts_an_ask_by_its_expected_score_when_the_model_gave_one():
    base = _assessment(["addressed", "partial"])
    asks = (replace(base.asks[0], expected_score=0.8), base.asks[1])
    assert replace(base, asks=asks).coverage == pytest.approx((0.8 + 0.5) / 2)
    assert replace(base, asks=asks).to_dict()["asks"][0]["expected_score"] == 0.8


def _with_distributions(*dists):
    base = _assessment(["partial"] * len(dists))
    return replace(base, asks=tuple(replace(a, score_distribution=d) for a, d in zip(base.asks, dists)))


def test_coverage_is_the_median_of_the_mean_score_when_every_ask_has_a_distribution():
    # one ask, 45 % unaddressed, 15 % partial, 40 % addressed: expected 0.475, median 0.5
    assert _with_distributions((0.45, 0.15, 0.4)).coverage == 0.5
    assert _with_distributions((0.6, 0.1, 0.3)).coverage == 0.0
    # two asks: P(mean 0) = .25, P(.25) = .25 (one partial), P(.5) = .25 + ..., so the median is .25
    assert _with_distributions((0.5, 0.5, 0.0), (0.5, 0.0, 0.5)).coverage == 0.25
    assert _with_distributions((0.0, 0.0, 1.0), (0.0, 1.0, 0.0)).coverage == 0.75
    assert _with_distributions((0.45, 0.15, 0.4)).to_dict()["asks"][0]["score_distribution"] == [0.45, 0.15, 0.4]


def test_to_dict_has_annotation_keys_and_is_json():
    data = _assessment(["partial"]).to_dict()
    for key in ("id", "stance", "coverage", "asks", "commitments", "dates", "amounts", "gaps", "config_id", "versions"):
        assert key in data
    assert data["stance_mismatch"] is True  # "Acknowledged" maps to noted, the text agrees
    assert data["gaps"][0] == {"kind": "no_funding", "message": "No funding.",
                               "evidence": [{"text": "fund", "start": 17, "end": 21, "field": "recommendation"}],
                               "confidence": None}
    assert json.loads(json.dumps(data)) == data


def test_meta_with_nan_and_numpy_scalars_is_json_safe():
    np = pytest.importorskip("numpy")
    rec = Record("r", "a b", "c", {"x": float("nan"), "n": np.int64(3)})
    a = Assessment(rec, StanceCall(Stance.UNCLEAR, 0.5), (), (), (), (), (), (), (), "c")
    assert a.to_dict()["meta"] == {"x": None, "n": 3}

"""Training the stance model: who it learns from, and that training calls match run-time calls."""

import numpy as np
import pytest

from respassess.stance import read_stance
from respassess.stance_training import _fit, asked, decide, official_prior_table, stance_example
from respassess.types import Commitment, CommitmentStrength, Sentence, Stance


def _sentences(*texts):
    out, pos = [], 0
    for i, t in enumerate(texts):
        out.append(Sentence(i, t, pos, pos + len(t)))
        pos += len(t) + 1
    return out


def _example(record_id, texts, *, gold=None, weak=None, official_status=None, commitments=()):
    return stance_example(record_id, " ".join(texts), _sentences(*texts), commitments, (),
                          official_status=official_status, gold=gold, weak=weak)


# replies of each kind the genre produces; invented, in the genre's wording
_EXPLICIT = ["The Government supports this recommendation."]
_REFUSAL = ["The Department does not see the need to amend the Act."]
_DESCRIBED = ["The Act already provides for this right. The Constitution guarantees it."]
_ACTED = ["The regional office has updated its guidance and has trained all staff."]
_ACTED_LITTLE = ["The office has circulated the report and has updated its induction pack."]


def test_the_model_is_asked_only_where_no_position_is_read():
    assert not asked(_example("a", _EXPLICIT), threshold=0.5)
    assert not asked(_example("b", _REFUSAL), threshold=0.5)      # a refusal is a position in other words
    assert not asked(_example("c", _DESCRIBED), threshold=0.5)    # only describing: noted (ANNOTATION.md §6)
    assert asked(_example("d", _ACTED), threshold=0.5)


def test_training_example_matches_the_run_time_call():
    for i, texts in enumerate((_EXPLICIT, _REFUSAL, _DESCRIBED, _ACTED)):
        example = _example(str(i), texts, official_status="Noted")
        call = read_stance(_sentences(*texts), official_status="Noted", response=" ".join(texts), model=False)
        assert example.rule_stance == call.stance.value and example.official == "noted"


def test_fit_learns_from_the_replies_it_will_be_asked_about():
    from respassess.stance_model import FEATURE_NAMES, MODEL_FEATURES

    gold = [_example(f"x{i}", texts, gold=label) for i, (texts, label) in enumerate([
        (_EXPLICIT, "accepted"), (_REFUSAL, "rejected"), (_DESCRIBED, "noted"),
        (_ACTED, "accepted"), (_ACTED_LITTLE, "noted"), (["The team has updated the rota."], "accepted")])]
    model = _fit(gold, [], C=1.0, seed=0, weak_weight=0.5, threshold=0.5)
    assert model.features == MODEL_FEATURES
    # only the three asked replies were fitted: the explicit, refused and described ones were not
    assert set(model.classes_) == {"accepted", "noted"}
    cols = [FEATURE_NAMES.index(f) for f in model.features]
    assert model.coef_.shape == (2, len(cols))
    # decisions on examples the model is not asked about come from the rules, whatever the model says
    prior = official_prior_table(gold, threshold=0.5)
    assert decide(gold[1], model, prior, threshold=0.5) == "rejected"
    assert decide(gold[3], model, prior, threshold=0.5) in model.classes_


def test_fit_falls_back_to_all_gold_when_too_few_are_asked():
    gold = [_example("e", _EXPLICIT, gold="accepted"), _example("r", _REFUSAL, gold="rejected"),
            _example("d", _ACTED, gold="accepted")]
    model = _fit(gold, [], C=1.0, seed=0, weak_weight=0.5, threshold=0.5)
    assert set(model.classes_) == {"accepted", "rejected"}


def test_weak_rows_sharpened_by_the_text_enter_the_fit():
    gold = [_example("a", _ACTED, gold="accepted"), _example("b", _ACTED_LITTLE, gold="noted"),
            _example("c", ["The team has updated the rota."], gold="accepted")]
    weak = [_example(f"w{i}", [f"Office {i} has updated its forms and has circulated them."],
                     weak=("official", "noted")) for i in range(4)]
    from respassess.stance_model import FEATURE_NAMES

    plain = _fit(gold, [], C=1.0, seed=0, weak_weight=0.5, threshold=0.5)
    x = weak[0].features[[FEATURE_NAMES.index(f) for f in plain.features]]
    noted = plain.classes_.index("noted")
    with_weak = _fit(gold, weak, C=1.0, seed=0, weak_weight=0.5, threshold=0.5)
    # "Noted" weak labels on such replies pull them towards noted
    assert with_weak.predict_proba(x)[0, noted] > plain.predict_proba(x)[0, noted] + 0.01
    # weak rows of replies the model is never asked about are left out
    refusals = [_example(f"r{i}", _REFUSAL, weak=("official", "noted")) for i in range(4)]
    unchanged = _fit(gold, refusals, C=1.0, seed=0, weak_weight=0.5, threshold=0.5)
    assert np.allclose(unchanged.predict_proba(x), plain.predict_proba(x))


def test_step_commitments_reach_the_training_features():
    texts = ["The Authority will introduce a new inspection procedure by June."]
    step = Commitment(text=texts[0][:-1], start=0, end=len(texts[0]) - 1, actor="The Authority",
                      strength=CommitmentStrength.FIRM, sentence_index=0)
    with_step = _example("s", texts, commitments=(step,))
    without = _example("n", texts)
    assert with_step.rule_stance == Stance.ACCEPTED.value and without.rule_stance == Stance.NOTED.value
    assert not np.array_equal(with_step.features, without.features)


@pytest.mark.parametrize("threshold", [0.5, 0.9])
def test_official_prior_counts_only_asked_gold(threshold):
    gold = [_example("a", _ACTED, gold="accepted", official_status="Noted"),
            _example("r", _REFUSAL, gold="rejected", official_status="Noted")]
    table = official_prior_table(gold, threshold=threshold)
    noted = dict(zip([s.value for s in Stance], table["noted"]))
    # the refusal is decided by the rules and does not shift the prior; the asked reply does
    assert noted["accepted"] > noted["rejected"]


def test_fit_stance_model_carries_what_inference_weighs_it_by(tmp_path):
    from respassess.stance_model import StanceModel
    from respassess.stance_training import fit_stance_model

    gold = [_example("a", _ACTED, gold="accepted", official_status="Noted"),
            _example("b", _ACTED_LITTLE, gold="noted", official_status="Noted"),
            _example("c", ["The team has updated the rota."], gold="accepted")]
    model = fit_stance_model(gold, C=1.0, threshold=0.7)
    assert model.explicit_threshold == 0.7
    # two asked gold replies under "Noted": one accepted, one noted, so the prior leans on neither alone
    prior = model.meta_["official_prior"]["noted"]
    assert prior[list(Stance).index(Stance.NOTED)] < 0.9
    loaded = StanceModel.load(model.save(tmp_path / "m.json"))
    assert loaded.meta_["official_prior"] == model.meta_["official_prior"] and loaded.explicit_threshold == 0.7


def test_weak_rows_skip_gold_blank_unlabelled_and_heldout_replies():
    from respassess.stance_training import reply_key, usable_weak_rows

    rows = [{"id": "g", "response": "Done.", "official_status": "Supported"},          # a gold record
            {"id": "b", "response": "  ", "official_status": "Supported"},             # no reply
            {"id": "u", "response": "We have acted.", "official_status": "Open"},      # no position label
            {"id": "h", "response": "The  reply\nshared", "official_status": "Noted"},  # a held-out reply
            {"id": "k", "response": "We have acted.", "official_status": "Noted"}]
    kept = usable_weak_rows(rows, gold_ids={"g"}, heldout_texts={reply_key("the reply shared")})
    assert [r["id"] for r in kept] == ["k"]

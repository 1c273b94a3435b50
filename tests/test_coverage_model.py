"""The ask-label model: features, fitting, calibration and JSON persistence (never pickle)."""

import json

import numpy as np
import pytest

from respassess.coverage_model import FEATURE_NAMES, MIN_RECORDS, CoverageModel, evidence_features, evidence_words
from respassess.errors import InvalidValueError, ModelIntegrityError
from respassess.score import evidence_for_asks
from respassess.types import Alignment, Ask, AskLabel, Commitment, CommitmentStrength, Sentence, Stance

RESPONSE = ("The government agrees with the Committee’s recommendation. "
            "The government intends to set out plans for reforming the SEND system in further detail later this year.")


def _evidence():
    s1, s2 = RESPONSE.split(". ", 1)
    sentences = (Sentence(0, s1 + ".", 0, len(s1) + 1), Sentence(1, s2, len(s1) + 2, len(RESPONSE)))
    asks = (Ask(0, "plan for improving the SEN system", 0, 33), Ask(1, "fully costed", 40, 52))
    start = RESPONSE.index("intends")
    commitment = Commitment(text=RESPONSE[start:], start=start, end=len(RESPONSE), actor="The government",
                            strength=CommitmentStrength.QUALIFIED, sentence_index=1, deadline="later this year")
    alignments = (Alignment(0, 1, 0.62),)
    return evidence_for_asks(asks, alignments, sentences, commitments=(commitment,))


def _toy_model(seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(80, len(FEATURE_NAMES)))
    y = np.where(X[:, 0] > 0.5, "addressed", np.where(X[:, 0] > -0.5, "partial", "unaddressed"))
    groups = [f"r{i // 4}" for i in range(80)]
    return CoverageModel(C=1.0, seed=seed).fit(X, list(y), groups=groups), X, y


def test_features_follow_the_evidence():
    ev_plan, ev_costed = _evidence()
    f_plan = dict(zip(FEATURE_NAMES, evidence_features(ev_plan, Stance.ACCEPTED)))
    f_costed = dict(zip(FEATURE_NAMES, evidence_features(ev_costed, Stance.ACCEPTED)))
    assert f_plan["similarity"] == pytest.approx(0.62) and f_plan["ev_qualified"] == 1.0
    assert f_plan["ev_deferred"] == 1.0 and f_plan["no_evidence"] == 0.0
    assert f_costed["no_evidence"] == 1.0 and f_costed["prop_costed"] == 1.0 and f_costed["prop_unmet"] == 1.0
    assert f_costed["resp_commitments"] == 1.0  # the whole response's commitment is seen by every ask
    assert f_plan["stance_accepted"] == 1.0 and f_plan["stance_rejected"] == 0.0


def test_fit_learns_and_probabilities_are_calibrated_distributions():
    model, X, y = _toy_model()
    proba = model.predict_proba(X)
    assert proba.shape == (80, len(model.classes_))
    assert np.allclose(proba.sum(axis=1), 1.0)
    assert np.mean(np.array(model.predict(X)) == y) > 0.8
    assert 0.2 <= model.temperature_ <= 10.0


def test_json_round_trip_predicts_the_same(tmp_path):
    model, X, _ = _toy_model()
    path = model.save(tmp_path / "m.json")
    data = json.loads(path.read_text())
    assert data["features"] == list(FEATURE_NAMES) and data["calibration"]["method"] == "temperature"
    loaded = CoverageModel.load(path)
    assert np.allclose(loaded.predict_proba(X), model.predict_proba(X))
    again = _toy_model()[0].save(tmp_path / "m2.json")
    assert again.read_bytes() == path.read_bytes()  # same seed, same bytes


def test_predict_evidence_returns_a_label_and_confidence():
    model, _, _ = _toy_model()
    label, confidence = model.predict_evidence(_evidence()[0], Stance.ACCEPTED)
    assert isinstance(label, AskLabel) and 0.0 < confidence <= 1.0


def test_expected_score_weights_each_label_score_by_its_probability():
    model, _, _ = _toy_model()
    ev = _evidence()[0]
    label, confidence, expected, distribution = model.score_evidence(ev, Stance.ACCEPTED)
    proba = model.predict_proba(evidence_features(ev, Stance.ACCEPTED))[0]
    assert expected == pytest.approx(sum(p * AskLabel(c).score for p, c in zip(proba, model.classes_)))
    assert 0.0 <= expected <= 1.0 and (label, confidence) == model.predict_evidence(ev, Stance.ACCEPTED)
    assert sum(distribution) == pytest.approx(1.0)
    assert expected == pytest.approx(distribution[1] * 0.5 + distribution[2])


def test_bad_inputs_and_foreign_files_are_refused(tmp_path):
    with pytest.raises(InvalidValueError, match="`X` got invalid value .shape \\(4, 3\\).*Pass rows of"):
        CoverageModel().fit(np.zeros((4, 3)), ["partial"] * 4)
    with pytest.raises(InvalidValueError, match="`y` got invalid value .maybe.; valid choices"):
        CoverageModel().fit(np.zeros((2, len(FEATURE_NAMES))), ["partial", "maybe"])
    bad = tmp_path / "old.json"
    bad.write_text(json.dumps({"format_version": 0, "features": ["x"]}))
    with pytest.raises(ModelIntegrityError, match="rebuild it with `respassess train`"):
        CoverageModel.load(bad)
    (tmp_path / "junk.json").write_text("{not json")
    with pytest.raises(ModelIntegrityError, match="cannot read coverage model"):
        CoverageModel.load(tmp_path / "junk.json")


def test_evidence_words_are_unigrams_and_bigrams_of_the_evidence():
    ev_plan, ev_costed = _evidence()
    words = evidence_words(ev_plan)
    assert {"intends", "set out", "later this", "this year"} <= words
    assert "later this year" not in words  # no trigrams
    assert "agrees" not in words  # only the evidence sentence, not the whole response
    assert evidence_words(ev_costed) == frozenset()  # no evidence, no words


def test_word_block_is_learned_stored_and_required():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(90, len(FEATURE_NAMES))) * 0.01  # the named features carry nothing here
    y = ["rejected" if i % 3 == 0 else "addressed" for i in range(90)]
    words = [frozenset({"not", "will not"} if label == "rejected" else {"has", "published"}) | {"the"}
             for label in y]
    groups = [f"r{i}" for i in range(90)]
    model = CoverageModel(C=1.0).fit(X, y, groups=groups, words=words)
    assert {"not", "will not", "has", "published", "the"} <= set(model.vocabulary_)
    assert model.predict(X, words) == y  # the words alone separate the labels
    with pytest.raises(InvalidValueError, match="words"):
        model.predict(X)
    clone = CoverageModel.from_dict(json.loads(json.dumps(model.to_dict())))
    assert clone.vocabulary_ == model.vocabulary_
    assert np.allclose(clone.predict_proba(X, words), model.predict_proba(X, words))
    # a word used by fewer than MIN_RECORDS records is not learned
    rare = [w | {"zyzzyva"} if i < MIN_RECORDS - 1 else w for i, w in enumerate(words)]
    assert "zyzzyva" not in CoverageModel(C=1.0).fit(X, y, groups=groups, words=rare).vocabulary_


def test_coefficients_of_the_wrong_width_are_refused():
    model, X, _ = _toy_model()
    data = model.to_dict()
    data["vocabulary"] = ["extra"]
    with pytest.raises(ModelIntegrityError, match="respassess train"):
        CoverageModel.from_dict(data)


def test_calibrated_nll_is_the_log_loss_at_the_best_temperature():
    from respassess.coverage_model import calibrated_nll
    from respassess.linear import softmax

    rng = np.random.default_rng(0)
    y = rng.integers(0, 3, 200)
    # overconfident logits: right 70 % of the time, at ten times the right scale
    logits = rng.normal(size=(200, 3))
    hit = rng.random(200) < 0.7
    logits[np.arange(200)[hit], y[hit]] += 3.0
    logits *= 10
    raw = float(-np.log(np.clip(softmax(logits)[np.arange(200), y], 1e-12, None)).mean())
    best = calibrated_nll(logits, y)
    assert best < raw / 3  # scaling the overconfident logits down recovers most of the loss
    assert best == pytest.approx(calibrated_nll(logits / 10, y), rel=0.02)  # invariant to the logits' scale


def test_a_feature_seen_once_in_training_cannot_decide_alone():
    # money in an ask's evidence was seen with one training ask; an Australian reply full of Budget amounts must not
    # inherit that one ask's label from the feature's standardised value (28 standard deviations out)
    model, X, _ = _toy_model()
    col = FEATURE_NAMES.index("ev_amount")
    model.mean_[col], model.scale_[col] = 0.0012, 0.0353
    row = X[:1].copy()
    row[0, col] = 1.0
    far = X[:1].copy()
    far[0, col] = 1e6
    assert np.allclose(model.standardise(row)[0, col], model.clip)
    assert np.allclose(model.predict_proba(row), model.predict_proba(far))

"""The evidence model: features of (ask, sentence) pairs, fitting, JSON round trip, and align() with it."""

import json

import numpy as np
import pytest

from respassess.align import EvidenceModel, align, load_evidence_model
from respassess.align.relevance import EVIDENCE_FEATURES, pair_features
from respassess.errors import InvalidValueError, ModelIntegrityError
from respassess.types import Ask, Sentence


def test_pair_features_are_relative_to_the_reply():
    X = pair_features(np.array([0.2, 0.5, 0.4]), np.array([1.0, 0.0, 0.0]), n_asks=2)
    assert X.shape == (3, len(EVIDENCE_FEATURES))
    cosine, below, overlap, rank, log_n, asks = X.T
    assert list(below) == pytest.approx([-0.3, 0.0, -0.1])
    # rank by cosine plus the term-overlap bonus: 0.2 + 0.25 beats 0.4 but not 0.5
    assert list(rank) == [2, 1, 3]
    assert list(log_n) == pytest.approx([np.log(3)] * 3) and set(asks) == {2}
    assert pair_features(np.array([]), np.array([]), n_asks=1).shape == (0, len(EVIDENCE_FEATURES))


def _toy(seed=0, n=400):
    rng = np.random.default_rng(seed)
    sims = rng.uniform(-0.1, 0.8, n)
    X = np.column_stack([sims, sims - 0.8, rng.uniform(0, 1, n), rng.integers(1, 6, n), np.full(n, 1.5),
                         rng.integers(1, 4, n)])
    y = sims + 0.2 * X[:, 2] > 0.45
    return X, y


def test_fit_learns_that_similar_sentences_are_evidence_and_round_trips(tmp_path):
    X, y = _toy()
    model = EvidenceModel(threshold=0.4).fit(X, y)
    p = model.predict_proba(X)
    assert ((p >= 0.5) == y).mean() > 0.9
    path = model.save(tmp_path / "evidence_model.json")
    again = EvidenceModel.load(path)
    assert again.threshold == 0.4 and np.allclose(again.predict_proba(X), p, atol=1e-6)
    assert again.version == model.version


def test_fit_and_load_refuse_bad_input(tmp_path):
    X, y = _toy()
    with pytest.raises(InvalidValueError, match="X"):
        EvidenceModel().fit(X[:, :3], y)
    with pytest.raises(InvalidValueError, match="one class"):
        EvidenceModel().fit(X, np.zeros(len(y), dtype=bool))
    data = EvidenceModel().fit(X, y).to_dict()
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**data, "features": ["cosine"]}))
    with pytest.raises(ModelIntegrityError, match="rebuild"):
        EvidenceModel.load(bad)
    with pytest.raises(ModelIntegrityError, match="does not exist"):
        load_evidence_model(str(tmp_path / "missing.json"))


def test_align_with_a_model_picks_by_probability_and_skips_label_lines():
    X, y = _toy()
    model = EvidenceModel(threshold=0.5).fit(X, y)
    sents = [Sentence(0, "Response: Supported.", 0, 20), Sentence(1, "We will publish the guidance.", 21, 50),
             Sentence(2, "Unrelated matter here.", 51, 73)]
    asks = [Ask(0, "publish guidance", 0, 16)]
    sims = np.array([[0.9, 0.7, 0.0]], dtype=np.float32)
    picked = align(asks, sents, sims, model=model)
    assert [a.sentence_index for a in picked] == [1]
    assert align(asks, sents, sims, model=model, top_k=1)[0].similarity == pytest.approx(0.7)


def test_shipped_model_is_verified_and_finds_evidence_the_cosine_rule_misses(embedder):
    """A short TAIC-style reply answers its one ask at a low cosine: the rule finds nothing, the model does."""
    model = load_evidence_model()
    assert model is not None and 0.1 <= model.threshold <= 0.6
    reply = ["Maritime New Zealand has amended its audit checklist so that inspectors verify the crew's "
             "familiarity with the steering gear changeover.", "The change took effect in March 2020."]
    sents = [Sentence(i, t, 0, len(t)) for i, t in enumerate(reply)]
    asks = [Ask(0, "ensure operators train their crews in emergency steering procedures", 0, 60)]
    from respassess.align import similarity_matrix

    sims = similarity_matrix(embedder.encode([asks[0].text]), embedder.encode(reply))
    assert float(sims.max()) < 0.35  # below the rule's threshold
    assert align(asks, sents, sims) == ()
    assert [a.sentence_index for a in align(asks, sents, sims, model=model)][:1] == [0]

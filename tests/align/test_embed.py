"""Embedders and the on-disk cache."""

import numpy as np
import pytest

from respassess.align import CachedEmbedder, EmbeddingCache, HashingEmbedder, align, similarity_matrix
from respassess.align.embed import MINILM_SHA256_PREFIX, SentenceTransformerEmbedder, bundled_minilm_path
from respassess.errors import ModelNotFoundError
from respassess.types import Ask, Sentence


def test_hashing_embedder_is_normalised_and_deterministic():
    emb = HashingEmbedder()
    a = emb.encode(["publish a costed plan", "publish a costed plan", "unrelated words here"])
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0)
    assert np.array_equal(a[0], a[1])
    assert a[0] @ a[1] > a[0] @ a[2]


def test_cache_returns_identical_vectors_and_counts_hits(tmp_path):
    cache = EmbeddingCache(tmp_path / "e.sqlite")
    emb = CachedEmbedder(HashingEmbedder(), cache)
    first = emb.encode(["a plan", "metrics", "a plan"])
    assert emb.misses == 2
    again = CachedEmbedder(HashingEmbedder(), EmbeddingCache(tmp_path / "e.sqlite")).encode(["metrics", "a plan"])
    assert np.array_equal(again[0], first[1]) and np.array_equal(again[1], first[0])


def test_missing_model_folder_names_the_value(tmp_path):
    with pytest.raises(ModelNotFoundError, match=r"`embedder` got .*not a local sentence-transformers folder"):
        SentenceTransformerEmbedder(tmp_path)


def test_real_minilm_weights_and_similarity(embedder):
    import hashlib

    digest = hashlib.sha256((bundled_minilm_path() / "model.safetensors").read_bytes()).hexdigest()
    assert digest.startswith(MINILM_SHA256_PREFIX)
    v = embedder.encode(["The government will publish a costed plan.", "A fully costed plan will be published.",
                         "Fishing quotas in the North Sea."])
    assert v.shape == (3, 384)
    sims = v @ v.T
    assert sims[0, 1] > 0.6 > sims[0, 2]


def test_align_prefers_similar_sentence_and_skips_label_lines():
    asks = [Ask(0, "publish a costed plan", 0, 21)]
    sents = [Sentence(0, "Response: Supported.", 0, 20), Sentence(1, "We will publish a costed plan.", 21, 51),
             Sentence(2, "The weather was fine.", 52, 73)]
    emb = HashingEmbedder()
    sims = similarity_matrix(emb.encode([a.text for a in asks]), emb.encode([s.text for s in sents]))
    result = align(asks, sents, sims, top_k=2, min_similarity=0.3)
    assert [a.sentence_index for a in result] == [1]


def test_align_keeps_a_long_sentence_holding_every_key_term_of_a_short_ask():
    # the seed (records/uk_pac_seed.jsonl): "improve its data" against a 40-word sentence
    asks = [Ask(0, "improve its data", 0, 16), Ask(1, "data", 17, 21)]
    long = Sentence(0, "The department has also published findings from its longitudinal study discovery phase, "
                       "which is testing new ways to improve its data on the outcomes and experiences of children.",
                    0, 180)
    sims = np.array([[0.154], [0.154]], dtype=np.float32)  # the cosine MiniLM gives this pair
    kept = align(asks, [long], sims, min_similarity=0.35)
    assert [(a.ask_index, a.sentence_index) for a in kept] == [(0, 0)]  # a one-term ask needs the cosine
    assert align(asks, [long], np.array([[0.09], [0.09]], dtype=np.float32), min_similarity=0.35) == ()

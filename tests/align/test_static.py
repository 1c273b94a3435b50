"""The static embedder distilled from MiniLM (built tiny here: the first 4,000 vocabulary ids)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from respassess.align.embed import MINILM_SHA256_PREFIX, load_embedder
from respassess.align.static import StaticEmbedder, build_static_model, load_static_embedder
from respassess.errors import InvalidValueError, ModelIntegrityError, ModelNotFoundError


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    return build_static_model(tmp_path_factory.mktemp("static") / "tiny", max_vocab=4000, dims=128)


def test_build_writes_safe_files_and_a_manifest_naming_the_source(tiny_model):
    assert sorted(p.name for p in tiny_model.iterdir()) == ["embeddings.safetensors", "manifest.json",
                                                           "tokenizer.json"]
    manifest = json.loads((tiny_model / "manifest.json").read_text())
    assert manifest["source_sha256"].startswith(MINILM_SHA256_PREFIX)
    assert manifest["dims"] == 128 and manifest["vocab_size"] == 30522
    # The ~1,000 reserved [unusedN] ids are skipped: they never occur in a text.
    assert 2900 < manifest["distilled_tokens"] < 3100


def test_similar_response_sentences_score_closer_than_unrelated_ones(tiny_model):
    emb = StaticEmbedder(tiny_model)
    # From au_dev (AU Government responses) and a paraphrase of the first.
    vecs = emb.encode([
        "The Government will continue to update Ministers on the sector's progress.",
        "Ministers will continue to be updated by the Government on progress in the sector.",
        "The Committee recommends that the Department of Defence review its fuel supply.",
    ])
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    assert vecs[0] @ vecs[1] > vecs[0] @ vecs[2] + 0.1


def test_model_id_differs_from_minilm_and_texts_with_no_known_token_get_a_zero_row(tiny_model, embedder):
    emb = load_embedder(str(tiny_model), kind="static")
    assert isinstance(emb, StaticEmbedder)
    assert emb.model_id.startswith("static:") and emb.model_id != embedder.model_id
    vecs = emb.encode(["", "The report will be published."])
    assert vecs.shape == (2, 128) and not vecs[0].any() and vecs[1].any()
    assert emb.encode([]).shape == (0, 128)


def test_tampered_embeddings_are_refused(tiny_model, tmp_path):
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(tiny_model, copy)
    data = bytearray((copy / "embeddings.safetensors").read_bytes())
    data[-1] ^= 0xFF
    (copy / "embeddings.safetensors").write_bytes(bytes(data))
    with pytest.raises(ModelIntegrityError, match=r"embeddings.safetensors has sha256 .*delete the folder to rebuild"):
        StaticEmbedder(copy)


def test_a_folder_that_is_not_a_static_model_is_refused(tmp_path, monkeypatch):
    with pytest.raises(ModelNotFoundError, match=r"`embedder` got .*not a static model folder.*build_static_model"):
        StaticEmbedder(tmp_path)
    monkeypatch.setenv("RESPASSESS_STATIC_DIR", str(tmp_path / "absent"))
    with pytest.raises(ModelNotFoundError, match=r"no static model in .*absent"):
        load_static_embedder("minilm", build=False)


def test_build_refuses_out_of_range_sizes(tmp_path):
    with pytest.raises(InvalidValueError, match=r"`max_vocab` got invalid value 0\. Use 1 to 30522\."):
        build_static_model(tmp_path / "m", max_vocab=0)
    with pytest.raises(InvalidValueError, match=r"`dims` got invalid value 512\."):
        build_static_model(tmp_path / "m", dims=512, max_vocab=1500)

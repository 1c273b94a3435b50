"""The plain-torch BERT mean-pooling encoder against sentence-transformers itself."""

import json
import re
import shutil
import subprocess
import sys

import numpy as np
import pytest

from respassess.align.embed import (
    SentenceTransformerEmbedder,
    bundled_minilm_path,
    load_embedder,
)
from respassess.align.minilm import BertMeanPoolEncoder
from tests.conftest import load_jsonl, shared_path

#: Folder files small enough to copy into a temporary model folder; the weights are symlinked.
_SMALL_FILES = ("config.json", "modules.json", "sentence_bert_config.json", "tokenizer.json",
                "config_sentence_transformers.json")


@pytest.fixture(scope="module")
def encoder():
    return BertMeanPoolEncoder("minilm")


@pytest.fixture(scope="module")
def real_sentences():
    """36 response sentences of mixed length plus two whole responses longer than 256 tokens."""
    texts = []
    for name in ("au_dev.jsonl", "uk_pfd.jsonl", "uk_dhsc.jsonl"):
        records = load_jsonl(shared_path("records", name))
        pieces = (s.strip() for r in records[:15] for s in re.split(r"(?<=[.;:])\s+", r["response"]))
        sentences = sorted({s for s in pieces if s}, key=lambda s: (len(s), s))
        # Evenly spaced over the length-sorted list: from a two-word label to a long paragraph.
        texts += [sentences[i * (len(sentences) - 1) // 11] for i in range(12)]
        texts.append(max((r["response"] for r in records), key=len))
    return texts


@pytest.fixture(scope="module")
def reference_vectors(real_sentences):
    return SentenceTransformerEmbedder("minilm").encode(real_sentences)


def _model_copy(tmp_path, *, config=None, pooling=None, modules=None):
    """A copy of the bundled MiniLM folder with some JSON files replaced."""
    src = bundled_minilm_path()
    dst = tmp_path / "model-copy"
    (dst / "1_Pooling").mkdir(parents=True)
    for name in _SMALL_FILES:
        if (src / name).exists():
            shutil.copy(src / name, dst / name)
    shutil.copy(src / "1_Pooling" / "config.json", dst / "1_Pooling" / "config.json")
    (dst / "model.safetensors").symlink_to(src / "model.safetensors")
    for rel, patch in (("config.json", config), ("1_Pooling/config.json", pooling)):
        if patch:
            data = json.loads((dst / rel).read_text())
            data.update(patch)
            (dst / rel).write_text(json.dumps(data))
    if modules is not None:
        (dst / "modules.json").write_text(json.dumps(modules))
    return dst


def test_vectors_equal_sentence_transformers(encoder, real_sentences, reference_vectors):
    assert len(real_sentences) >= 30
    ours = encoder.encode(real_sentences)
    assert ours.shape == reference_vectors.shape == (len(real_sentences), 384)
    assert ours.dtype == np.float32
    assert np.abs(ours - reference_vectors).max() < 1e-5
    assert (ours * reference_vectors).sum(axis=1).min() > 0.99999
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-6)


def test_long_text_is_truncated_like_sentence_transformers(encoder, real_sentences, reference_vectors):
    from tokenizers import Tokenizer

    untruncated = Tokenizer.from_file(str(bundled_minilm_path() / "tokenizer.json"))
    untruncated.no_truncation()
    lengths = [len(untruncated.encode(t).ids) for t in real_sentences]
    longest = lengths.index(max(lengths))
    whole = real_sentences[longest]
    assert lengths[longest] > 300 and encoder.max_seq_length == 256  # truncation decides this vector
    # The vector depends only on the first 254 word pieces: a changed tail leaves it unchanged.
    changed_tail = encoder.encode([whole, whole + " Entirely different closing words about fisheries."])
    assert np.abs(changed_tail[0] - changed_tail[1]).max() < 1e-6
    assert np.abs(encoder.encode([whole])[0] - reference_vectors[longest]).max() < 1e-5


def test_order_is_preserved_and_padding_does_not_matter(encoder, real_sentences):
    texts = [t for t in real_sentences if len(t) < 600]  # the whole responses add time, not coverage
    batch = encoder.encode(texts)
    backwards = encoder.encode(texts[::-1])
    assert np.abs(batch - backwards[::-1]).max() < 1e-5
    small_batches = BertMeanPoolEncoder("minilm", batch_size=3).encode(texts)
    assert np.abs(batch - small_batches).max() < 1e-5
    one_by_one = np.stack([encoder.encode([t])[0] for t in texts[:4]])
    assert np.abs(batch[:4] - one_by_one).max() < 1e-5
    # Distinct texts really get distinct rows, so the checks above could fail.
    assert (batch[0] @ batch[1]) < 0.99


def test_empty_list_and_empty_string(encoder):
    assert encoder.encode([]).shape == (0, 384)
    vec = encoder.encode([""])
    assert vec.shape == (1, 384) and np.isclose(np.linalg.norm(vec), 1.0)


def test_shares_model_id_and_cache_with_sentence_transformers(encoder):
    assert encoder.model_id == SentenceTransformerEmbedder("minilm").model_id == "st:all-MiniLM-L6-v2"
    assert isinstance(load_embedder("minilm"), BertMeanPoolEncoder)
    assert encoder.dimension == 384
    # Batch workers touch `.model` to load eagerly, as they do with SentenceTransformerEmbedder.
    assert len(encoder.model["layers"]) == 6


@pytest.mark.parametrize("patch, message", [
    ({"pooling": {"pooling_mode_mean_tokens": False, "pooling_mode_cls_token": True}},
     r"pools with .*only mean pooling \(pooling_mode_mean_tokens alone\) is supported"),
    ({"config": {"model_type": "roberta", "architectures": ["RobertaModel"]}},
     r"model_type 'roberta' with architectures \['RobertaModel'\]; only BERT \(BertModel\) is supported"),
    ({"config": {"hidden_act": "relu"}}, r"hidden_act 'relu'.*only 'gelu' and 'absolute' are supported"),
    ({"modules": [{"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
                  {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
                  {"idx": 2, "name": "2", "path": "2_Dense", "type": "sentence_transformers.models.Dense"}]},
     r"has modules \['Transformer', 'Pooling', 'Dense'\]; only Transformer -> Pooling \[-> Normalize\] is supported"),
])
def test_unsupported_folder_is_refused_and_falls_back(tmp_path, patch, message):
    from respassess.errors import ModelNotFoundError, ModelUnsupportedError

    folder = _model_copy(tmp_path, **patch)
    with pytest.raises(ModelUnsupportedError, match=message):
        BertMeanPoolEncoder(folder)
    assert issubclass(ModelUnsupportedError, ModelNotFoundError)
    # load_embedder falls back to the general (lazy) sentence-transformers backend.
    assert isinstance(load_embedder(str(folder)), SentenceTransformerEmbedder)


def test_unmodified_copy_is_supported(tmp_path):
    assert BertMeanPoolEncoder(_model_copy(tmp_path)).model_id == "st:model-copy"


def test_missing_folder_and_bad_length_name_the_value(tmp_path):
    from respassess.errors import ModelNotFoundError, ModelUnsupportedError

    with pytest.raises(ModelNotFoundError, match=r"`embedder` got .*not a local sentence-transformers folder"):
        BertMeanPoolEncoder(tmp_path / "nowhere")
    with pytest.raises(ModelUnsupportedError, match=r"`max_seq_length` got 600, outside 2\.\.512"):
        BertMeanPoolEncoder("minilm", max_seq_length=600)


def test_short_max_seq_length_truncates(encoder):
    short = BertMeanPoolEncoder("minilm", max_seq_length=8)
    text = "The government accepts this recommendation and will publish a costed plan next year."
    a, b = short.encode([text, text.split(" plan")[0] + " strategy instead of anything else at all."])
    # Both start with the same 6 word pieces after [CLS] so, truncated to 8 tokens, they are the same.
    assert np.abs(a - b).max() < 1e-6
    assert np.abs(encoder.encode([text])[0] - a).max() > 1e-3


def test_loading_and_encoding_does_not_import_transformers():
    code = (
        "import sys\n"
        "import respassess\n"
        "assert 'torch' not in sys.modules and 'transformers' not in sys.modules\n"
        "from respassess.align.embed import load_embedder\n"
        "emb = load_embedder('minilm')\n"
        "vec = emb.encode(['The government agrees.', 'It will publish a plan by 2026.'])\n"
        "assert vec.shape == (2, 384), vec.shape\n"
        "print(type(emb).__name__, 'transformers' in sys.modules, 'sentence_transformers' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["BertMeanPoolEncoder", "False", "False"]

"""A static embedding model distilled offline from the bundled MiniLM: the fast embedder.

Every token of MiniLM's vocabulary is run through MiniLM once, on its own; the
mean-pooled outputs are reduced with PCA and down-weighted by how frequent the token
is (SIF weights from its vocabulary rank, a Zipf proxy). A text's vector is then the
mean of its tokens' vectors: a table lookup, no transformer at run time.

The model is built once, on this machine, from the installed MiniLM (nothing is
downloaded) and kept in a folder: ``embeddings.safetensors`` (a format that cannot run
code), the source ``tokenizer.json`` and ``manifest.json`` (source sha256, dims, date).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import Sequence

import numpy as np

from ..errors import InvalidValueError, ModelIntegrityError, ModelNotFoundError, value_invalid_msg

__all__ = ["StaticEmbedder", "build_static_model", "load_static_embedder", "default_static_dir", "FORMAT_VERSION"]

log = logging.getLogger(__name__)
FORMAT_VERSION = 1
_EMBEDDINGS = "embeddings.safetensors"
_TOKENIZER = "tokenizer.json"
_MANIFEST = "manifest.json"
# SIF smoothing: tokens much more frequent than this share of all text get small weights.
_SIF_COEFFICIENT = 1e-4


def default_static_dir() -> Path:
    """The folder of the default static model: ``$RESPASSESS_STATIC_DIR`` or ``~/.cache/respassess/static-minilm``."""
    env = os.environ.get("RESPASSESS_STATIC_DIR")
    return Path(env) if env else Path.home() / ".cache" / "respassess" / "static-minilm"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _token_vectors(source: Path, token_ids: np.ndarray, batch_size: int) -> np.ndarray:
    """Mean-pooled MiniLM output of ``[CLS] token [SEP]`` for each of ``token_ids``."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import torch
    from transformers import AutoModel

    model = AutoModel.from_pretrained(str(source), local_files_only=True)
    model.eval()
    cls_id, sep_id = int(model.config.to_dict().get("cls_token_id") or 101), 102
    out = np.zeros((len(token_ids), model.config.hidden_size), dtype=np.float32)
    with torch.inference_mode():
        for start in range(0, len(token_ids), batch_size):
            ids = torch.as_tensor(token_ids[start:start + batch_size], dtype=torch.long)
            # Every input has length 3, so no padding: each token's vector is independent of its batch.
            batch = torch.stack([torch.full_like(ids, cls_id), ids, torch.full_like(ids, sep_id)], dim=1)
            hidden = model(input_ids=batch, attention_mask=torch.ones_like(batch)).last_hidden_state
            out[start:start + len(ids)] = hidden.mean(dim=1).numpy()
    return out


def _pca(vectors: np.ndarray, dims: int) -> np.ndarray:
    centred = vectors - vectors.mean(axis=0, keepdims=True)
    # SVD of the covariance (hidden x hidden), not of the tokens x hidden matrix: same axes, far cheaper.
    _, _, vt = np.linalg.svd(centred.T @ centred / len(centred), full_matrices=False)
    return (centred @ vt[:dims].T).astype(np.float32)


def _sif_weights(n_tokens: int) -> np.ndarray:
    # WordPiece ids are roughly in frequency order past the reserved block, so the id is a Zipf rank.
    inverse_rank = 1.0 / np.arange(2, n_tokens + 2, dtype=np.float64)
    probability = inverse_rank / inverse_rank.sum()
    return (_SIF_COEFFICIENT / (_SIF_COEFFICIENT + probability)).astype(np.float32)


def build_static_model(out_dir: str | os.PathLike | None = None, *, source: str | os.PathLike | None = None,
                       dims: int = 256, max_vocab: int | None = None, batch_size: int = 512) -> Path:
    """Distil a static embedding model from MiniLM into ``out_dir`` (built atomically).

    Args:
        out_dir: the model folder (default :func:`default_static_dir`); replaced if it exists.
        source: a local sentence-transformers folder (default: the bundled MiniLM).
        dims: vector size after PCA (at most MiniLM's 384).
        max_vocab: only distil the first ``max_vocab`` vocabulary ids (tests; other tokens are ignored).
        batch_size: tokens per MiniLM forward pass.

    Returns:
        The model folder.

    Raises:
        ModelNotFoundError: the source model or its tokenizer is missing.
        InvalidValueError: ``dims`` or ``max_vocab`` out of range.

    Example:
        >>> from respassess.align.static import build_static_model
        >>> build_static_model()  # doctest: +SKIP
        PosixPath('/home/me/.cache/respassess/static-minilm')
    """
    from tokenizers import Tokenizer

    from .embed import bundled_minilm_path

    src = bundled_minilm_path() if source is None else Path(source)
    if not (src / _TOKENIZER).is_file() or not (src / "model.safetensors").is_file():
        raise ModelNotFoundError(f"`source` got {str(src)!r}, which has no tokenizer.json and model.safetensors; "
                                 "pass a local sentence-transformers folder or omit it for the bundled MiniLM")
    vocab_size = Tokenizer.from_file(str(src / _TOKENIZER)).get_vocab_size()
    n_tokens = vocab_size if max_vocab is None else max_vocab
    if not 1 <= n_tokens <= vocab_size:
        raise InvalidValueError(value_invalid_msg("max_vocab", max_vocab, hint=f"Use 1 to {vocab_size}."))
    from safetensors.numpy import save_file

    out = Path(out_dir) if out_dir is not None else default_static_dir()
    log.info("distilling a %d-dim static model from %s over %d tokens (once)", dims, src, n_tokens)
    vocab = Tokenizer.from_file(str(src / _TOKENIZER)).get_vocab(with_added_tokens=True)
    # Reserved and special tokens never appear inside a text's tokens: skip them, their rows stay zero.
    skip = {i for t, i in vocab.items() if t.startswith("[unused") or t in ("[PAD]", "[CLS]", "[SEP]", "[MASK]")}
    token_ids = np.array([i for i in range(n_tokens) if i not in skip], dtype=np.int64)
    if not 1 <= dims <= min(384, len(token_ids)):
        raise InvalidValueError(value_invalid_msg("dims", dims, hint=f"Use 1 to {min(384, len(token_ids))}."))
    vectors = _pca(_token_vectors(src, token_ids, batch_size), dims) * _sif_weights(n_tokens)[token_ids, None]
    table = np.zeros((vocab_size, dims), dtype=np.float32)
    table[token_ids] = vectors
    out.parent.mkdir(parents=True, exist_ok=True)
    # Build beside the target and rename: concurrent workers never see a half-written model.
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    tmp.chmod(0o755)  # mkdtemp makes it private; the model is not a secret
    try:
        save_file({"embeddings": table}, str(tmp / _EMBEDDINGS))
        shutil.copyfile(src / _TOKENIZER, tmp / _TOKENIZER)
        manifest = {
            "format_version": FORMAT_VERSION,
            "source_model": src.name if src.name != "model" else "all-MiniLM-L6-v2",
            "source_sha256": _sha256(src / "model.safetensors"),
            "embeddings_sha256": _sha256(tmp / _EMBEDDINGS),
            "dims": dims,
            "vocab_size": vocab_size,
            "distilled_tokens": int(len(token_ids)),
            "weighting": f"PCA then SIF ({_SIF_COEFFICIENT}) by vocabulary rank",
            "built": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        }
        (tmp / _MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        if out.exists():
            shutil.rmtree(out)
        os.replace(tmp, out)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
        if not (out / _MANIFEST).is_file():  # another process won the race: its model is as good as ours
            raise
    return out


class StaticEmbedder:
    """Embed texts as the L2-normalised mean of static token vectors (see :func:`build_static_model`).

    Args:
        path: a folder written by :func:`build_static_model`.

    Raises:
        ModelNotFoundError: the folder is not a static model.
        ModelIntegrityError: the embeddings do not match the manifest's sha256.
    """

    def __init__(self, path: str | os.PathLike) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        self.path = Path(path)
        manifest_path = self.path / _MANIFEST
        if not manifest_path.is_file() or not (self.path / _EMBEDDINGS).is_file():
            raise ModelNotFoundError(f"`embedder` got {str(path)!r}, which is not a static model folder (no "
                                     f"{_MANIFEST} or {_EMBEDDINGS}); build one with build_static_model()")
        self.manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        digest = _sha256(self.path / _EMBEDDINGS)
        if digest != self.manifest.get("embeddings_sha256"):
            raise ModelIntegrityError(f"{self.path / _EMBEDDINGS} has sha256 {digest[:12]}..., not the manifest's "
                                      f"{str(self.manifest.get('embeddings_sha256'))[:12]}...; delete the folder "
                                      "to rebuild it")
        self.embeddings = load_file(str(self.path / _EMBEDDINGS))["embeddings"]
        self.dimension = int(self.embeddings.shape[1])
        self.tokenizer = Tokenizer.from_file(str(self.path / _TOKENIZER))
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        self.model_id = f"static:{self.manifest.get('source_model', 'minilm')}-{self.dimension}d-{digest[:8]}"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Encode texts into normalised float32 vectors (a zero row for a text with no known token)."""
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        if not texts:
            return out
        for row, enc in enumerate(self.tokenizer.encode_batch(list(texts), add_special_tokens=False)):
            if enc.ids:
                out[row] = self.embeddings[np.asarray(enc.ids, dtype=np.int64)].mean(axis=0)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return out / norms


def load_static_embedder(name: str = "minilm", *, build: bool = True) -> StaticEmbedder:
    """Load the static model: "minilm" is the default folder (built there on first use), else a folder path.

    Args:
        name: "minilm" or the path of a folder written by :func:`build_static_model`.
        build: build the default model when it is missing (a few minutes of CPU, once).

    Raises:
        ModelNotFoundError: the folder is not a static model (or is missing and ``build`` is off).
        ModelIntegrityError: the embeddings do not match the manifest.
    """
    if name != "minilm":
        return StaticEmbedder(name)
    path = default_static_dir()
    if not (path / _MANIFEST).is_file():
        if not build:
            raise ModelNotFoundError(f"no static model in {str(path)!r}; build one with build_static_model() "
                                     "or set RESPASSESS_STATIC_DIR to a built one")
        log.warning("building the static embedding model in %s (once; a few minutes)", path)
        build_static_model(path)
    return StaticEmbedder(path)

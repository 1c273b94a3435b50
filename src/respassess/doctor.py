"""Environment checks behind ``respassess doctor``: versions, model locations, weight hashes."""

from __future__ import annotations

import hashlib
import platform
from importlib import metadata
from pathlib import Path
from typing import Iterator

from .align.embed import MINILM_SHA256_PREFIX, bundled_minilm_path
from .config import AssessConfig
from .errors import RespassessError

__all__ = ["run_checks", "file_sha256"]


def file_sha256(path: str | Path, *, chunk: int = 1 << 20) -> str:
    """The sha256 hex digest of a file, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def run_checks(config: AssessConfig | None = None) -> Iterator[tuple[str, str, bool]]:
    """Yield ``(check, value, ok)`` for each environment check.

    Loads the spaCy pipeline and the embedder of ``config`` once each, so it also proves
    that both load offline.
    """
    config = config or AssessConfig()
    yield "python", platform.python_version(), True
    for dist in ("respassess", "spacy", "sentence-transformers", "torch", "numpy", "scikit-learn"):
        try:
            yield dist, metadata.version(dist), True
        except metadata.PackageNotFoundError:
            yield dist, "not installed", dist in ("scikit-learn",)
    try:
        from .pipeline import load_spacy

        nlp = load_spacy(config.spacy_model)
        meta = nlp.meta
        yield "spacy model", f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')} from {nlp.path}", True
    except RespassessError as exc:
        yield "spacy model", str(exc), False
    if config.embedder_kind == "sentence-transformers":
        try:
            path = bundled_minilm_path() if config.embedder == "minilm" else Path(config.embedder)
            weights = path / "model.safetensors"
            if weights.exists():
                digest = file_sha256(weights)
                good = digest.startswith(MINILM_SHA256_PREFIX) or config.embedder != "minilm"
                note = "matches" if digest.startswith(MINILM_SHA256_PREFIX) else "does NOT match"
                yield "embedder weights", f"{weights} sha256 {digest[:16]}… ({note} expected {MINILM_SHA256_PREFIX}…)", good
            else:
                yield "embedder weights", f"no model.safetensors in {path}", config.embedder != "minilm"
            import torch

            yield "torch build", f"{torch.__version__} (cuda available: {torch.cuda.is_available()})", True
            from .align.embed import load_embedder

            vec = load_embedder(config.embedder).encode(["The government agrees."])
            yield "embedder loads offline", f"{path} -> vector of {vec.shape[1]} dims", vec.shape[1] > 0
        except RespassessError as exc:
            yield "embedder", str(exc), False
    else:
        yield "embedder", f"{config.embedder_kind}: {config.embedder}", True
    from .models import coverage_model_status

    name, good = coverage_model_status(config.coverage_model)
    yield "coverage model", name, good
    from .config import RULES
    from .errors import ModelIntegrityError
    from .stance_model import load_stance_model

    try:
        stance_model = None if config.stance_model == RULES else load_stance_model(config.stance_model)
        yield "stance model", stance_model.version if stance_model else "none (rules only)", True
    except ModelIntegrityError as exc:
        yield "stance model", str(exc), False
    from .align.relevance import load_evidence_model

    try:
        evidence_model = None if config.evidence_model == RULES else load_evidence_model(config.evidence_model)
        yield "evidence model", (f"{evidence_model.version} (threshold {evidence_model.threshold})" if evidence_model
                                 else "none (cosine rule)"), True
    except ModelIntegrityError as exc:
        yield "evidence model", str(exc), False
    from .gap_reliability import load_gap_reliability

    try:
        reliability = load_gap_reliability()
        yield "gap reliability", reliability[0] if reliability else "none (flags carry no confidence)", True
    except ModelIntegrityError as exc:
        yield "gap reliability", str(exc), False

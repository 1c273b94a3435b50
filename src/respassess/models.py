"""Trained artefacts: locate, verify and load them (never by unpickling).

Artefacts live in the repository's ``models/`` folder (or a path the config names) as
JSON, each listed in ``models/MANIFEST.json`` with its sha256; a file whose hash does
not match is refused.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from .errors import ModelIntegrityError

__all__ = ["models_dir", "load_coverage_model", "coverage_model_status", "COVERAGE_MODEL_FILE"]

log = logging.getLogger(__name__)
COVERAGE_MODEL_FILE = "coverage_model.json"


def models_dir() -> Path:
    """The repository's ``models/`` folder (beside ``src/``, as in an editable install)."""
    return Path(__file__).resolve().parents[2] / "models"


def _manifest(folder: Path) -> dict[str, Any]:
    path = folder / "MANIFEST.json"
    if not path.exists():
        return {}
    return json.loads(path.read_text("utf-8"))


def load_coverage_model(path: str | None = None) -> Any:
    """Load the ask-label model, or return ``None`` when there is none (rules decide then).

    Raises:
        ModelIntegrityError: the file's sha256 does not match the manifest.
    """
    from .config import RULES

    if path == RULES:
        return None
    target = Path(path) if path else models_dir() / COVERAGE_MODEL_FILE
    if not target.exists():
        if path:
            log.warning("coverage model %s not found; using rules", path)
        return None
    try:
        from .coverage_model import CoverageModel
    except ImportError:
        return None
    if not path:
        from .doctor import file_sha256

        entry = _manifest(target.parent).get(target.name)
        if entry and file_sha256(target) != entry.get("sha256"):
            raise ModelIntegrityError(f"{target} does not match the sha256 in MANIFEST.json; "
                                      "rebuild it with `respassess train` or restore the file")
    return CoverageModel.load(target)


def coverage_model_status(path: str | None = None) -> tuple[str, bool]:
    """A line on the coverage model for ``doctor``, and whether it is usable."""
    try:
        model = load_coverage_model(path)
    except ModelIntegrityError as exc:
        return str(exc), False
    if model is None:
        return "none (rule-based ask labels)", True
    return f"{getattr(model, 'version', '?')} from {path or models_dir() / COVERAGE_MODEL_FILE}", True

"""Trained artefacts: locate, verify and load them (never by unpickling).

Artefacts live in the repository's ``models/`` folder (or a path the config names) as
JSON, each listed in ``models/MANIFEST.json`` with its sha256; a file whose hash does
not match is refused.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .errors import ModelIntegrityError

__all__ = ["models_dir", "load_coverage_model", "coverage_model_status", "verify_artefact", "locate_artefact",
           "save_json", "record_artefact", "COVERAGE_MODEL_FILE"]

COVERAGE_MODEL_FILE = "coverage_model.json"


def models_dir() -> Path:
    """The repository's ``models/`` folder (beside ``src/``, as in an editable install)."""
    return Path(__file__).resolve().parents[2] / "models"


def _manifest(folder: Path) -> dict[str, Any]:
    path = folder / "MANIFEST.json"
    if not path.exists():
        return {}
    return json.loads(path.read_text("utf-8"))


def verify_artefact(path: str | Path) -> None:
    """Refuse an artefact whose sha256 differs from its ``MANIFEST.json`` entry.

    Raises:
        ModelIntegrityError: the hashes differ.
    """
    from .doctor import file_sha256

    path = Path(path)
    entry = _manifest(path.parent).get(path.name)
    if entry and file_sha256(path) != entry.get("sha256"):
        raise ModelIntegrityError(f"{path} does not match the sha256 in MANIFEST.json; "
                                  "rebuild it with `respassess train` or restore the file")


def locate_artefact(path: str | Path | None, file_name: str, *, what: str) -> Path | None:
    """The file a trained artefact is read from: the one named, or ``models/<file_name>`` verified.

    Args:
        path: a file the user named (trusted as given: it has no manifest entry to check), or
            ``None`` for the bundled artefact.
        file_name: the bundled artefact's name under :func:`models_dir`.
        what: what the artefact is, for the error message ("stance model").

    Returns:
        The path, or ``None`` when no path was named and the bundled file is absent (rules decide).

    Raises:
        ModelIntegrityError: the named file does not exist, or the bundled one does not match
            its ``MANIFEST.json`` sha256.
    """
    target = Path(path) if path else models_dir() / file_name
    if not target.exists():
        if path:
            # a named file that is missing is a typo or a lost artefact: falling back to the rules
            # would silently change every score
            raise ModelIntegrityError(f"{what} {path} does not exist; pass an existing file, 'rules' for the "
                                      "rule-based fallback, or build one with `respassess train`")
        return None
    if not path:
        verify_artefact(target)
    return target


def save_json(data: dict[str, Any], path: str | Path) -> Path:
    """Write an artefact as JSON with sorted keys, so the same fit gives the same bytes."""
    path = Path(path)
    path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", "utf-8")
    return path


def record_artefact(path: str | Path, *, version: str, training_data: Any, seed: int, date: str,
                    metrics: dict[str, Any]) -> str:
    """Add or replace an artefact's entry in its folder's ``MANIFEST.json``; return its sha256."""
    from .doctor import file_sha256

    path = Path(path)
    sha = file_sha256(path)
    manifest = _manifest(path.parent)
    manifest[path.name] = {"sha256": sha, "version": version, "training_data": training_data, "seed": seed,
                           "date": date, "metrics": metrics}
    save_json(manifest, path.parent / "MANIFEST.json")
    return sha


def load_coverage_model(path: str | None = None) -> Any:
    """Load the ask-label model, or return ``None`` when there is none (rules decide then).

    Raises:
        ModelIntegrityError: the named file does not exist, or the bundled one does not match
            the manifest.
    """
    from .config import RULES

    if path == RULES:
        return None
    target = locate_artefact(path, COVERAGE_MODEL_FILE, what="coverage model")
    if target is None:
        return None
    try:
        from .coverage_model import CoverageModel
    except ImportError:
        return None
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

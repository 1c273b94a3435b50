"""Shared pytest fixtures: data locations and session-scoped real models."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

TESTS_DIR = Path(__file__).resolve().parent
REPO_ROOT = TESTS_DIR.parent
FIXTURES = TESTS_DIR / "data"
#: ../shared/data beside the repository (CI always has it); RESPASSESS_SHARED_DATA overrides.
SHARED_DATA = Path(os.environ.get("RESPASSESS_SHARED_DATA", REPO_ROOT.parent / "shared" / "data")).resolve()


def shared_path(*parts: str) -> Path:
    """Return a path under ../shared/data, skipping the test when that folder is absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (the shared data folder beside the repository); CI always has it")
    return path


def load_jsonl(path: Path) -> list[dict]:
    """Read a JSON Lines file into a list of dicts."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def write_au_gold(folder: Path, *, n_dev: int, n_test: int) -> tuple[Path, list[dict]]:
    """Write the first Australian dev.jsonl records of each split to ``folder``; return the file and its dev records."""
    from respassess.evaluate import heldout_split

    gold = [g for g in load_jsonl(shared_path("gold", "dev.jsonl")) if g["id"].startswith("au-")]
    dev = [g for g in gold if heldout_split(g["id"]) == "dev"][:n_dev]
    test = [g for g in gold if heldout_split(g["id"]) == "test"][:n_test]
    path = folder / "au_gold.jsonl"
    path.write_text("".join(json.dumps(g) + "\n" for g in dev + test))
    return path, dev


@pytest.fixture(scope="session")
def nlp():
    """The real spaCy pipeline (en_core_web_sm 3.8.0), loaded once per test session."""
    from respassess.pipeline import load_spacy

    return load_spacy()


@pytest.fixture(scope="session")
def embedder():
    """The real all-MiniLM-L6-v2 sentence-transformers embedder, loaded once per session."""
    from respassess.align.embed import load_embedder

    return load_embedder()


@pytest.fixture(scope="session")
def assessor(nlp, embedder):
    """A real Assessor sharing the session's spaCy pipeline and embedder."""
    from respassess.pipeline import Assessor

    return Assessor(nlp=nlp, embedder=embedder)


@pytest.fixture(scope="session")
def seed_record():
    """The UK PAC SEND recommendation 7 record (bundled in corpus/)."""
    from respassess.records import read_records

    return next(iter(read_records(REPO_ROOT / "corpus" / "uk_pac_seed.jsonl")))


@pytest.fixture(scope="session")
def gold_records():
    """The dev gold annotations (../shared/data/gold/dev.jsonl) as dicts."""
    return load_jsonl(shared_path("gold", "dev.jsonl"))

"""Batch scoring: errors file, resume after a kill, CSV/Parquet output."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from respassess.batch import completed_ids, score_corpus
from respassess.config import AssessConfig
from respassess.errors import BatchError, InvalidValueError
from respassess.pipeline import Assessor

from .conftest import FIXTURES, load_jsonl

AU_DEV = FIXTURES / "au_dev.jsonl"
# Small batches so a short corpus still spans several chunks (and so several flushes).
HASHING = AssessConfig(embedder_kind="hashing", batch_size=4)


@pytest.fixture(scope="module")
def hashing_assessor(nlp):
    return Assessor(HASHING, nlp=nlp)


def _write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_corrupt_lines_are_reported_and_every_good_record_is_scored(tmp_path, hashing_assessor):
    lines = AU_DEV.read_text(encoding="utf-8").splitlines()[:40]
    corrupt = {7: lines[6][: len(lines[6]) // 2], 31: '{"id": "x-31", "response": "no recommendation field"}'}
    for line_no, text in corrupt.items():  # 2 of 40 lines: 5 %
        lines[line_no - 1] = text
    src = _write_lines(tmp_path / "in.jsonl", lines)
    out = tmp_path / "out.jsonl"

    summary = score_corpus(src, out, assessor=hashing_assessor)

    good_ids = [json.loads(line)["id"] for i, line in enumerate(lines, start=1) if i not in corrupt]
    assert [row["id"] for row in load_jsonl(out)] == good_ids
    errors = load_jsonl(Path(summary.errors_path))
    assert sorted(e["line"] for e in errors) == sorted(corrupt)
    assert any("invalid JSON" in e["error"] for e in errors)
    assert any(e["field"] == "recommendation" for e in errors)
    assert (summary.scored, summary.skipped, summary.failed) == (38, 0, 2)
    assert summary.line().startswith("scored 38, skipped 0 (already done), failed 2")


def test_rerun_skips_done_records_and_cuts_a_partial_last_line(tmp_path, hashing_assessor):
    src = _write_lines(tmp_path / "in.jsonl", AU_DEV.read_text(encoding="utf-8").splitlines()[:10])
    full = tmp_path / "full.jsonl"
    score_corpus(src, full, assessor=hashing_assessor)
    expected = full.read_bytes()

    # A run killed in its third chunk: two whole chunks, one whole line of the third and half a line.
    lines = expected.splitlines(keepends=True)
    out = tmp_path / "resumed.jsonl"
    out.write_bytes(b"".join(lines[:9]) + lines[9][:40])
    assert len(completed_ids(out)) == 9 and out.read_bytes().endswith(b"\n")

    summary = score_corpus(src, out, assessor=hashing_assessor)
    assert out.read_bytes() == expected
    assert (summary.scored, summary.skipped) == (1, 9)
    again = score_corpus(src, out, assessor=hashing_assessor)
    assert (again.scored, again.skipped, again.failed) == (0, 10, 0)


def test_output_that_is_not_assessments_is_refused(tmp_path, hashing_assessor):
    out = _write_lines(tmp_path / "out.jsonl", ['{"not": "an assessment"}'])
    with pytest.raises(BatchError, match=r"holds a line that is not an assessment; choose another --out"):
        score_corpus(AU_DEV, out, assessor=hashing_assessor)


def test_unknown_output_suffix_and_engine_are_refused(tmp_path, hashing_assessor):
    with pytest.raises(InvalidValueError, match=r"`--out suffix` got invalid value '.xlsx'.*\.jsonl, \.csv"):
        score_corpus(AU_DEV, tmp_path / "out.xlsx", assessor=hashing_assessor)
    with pytest.raises(InvalidValueError, match=r"`engine` got invalid value 'spark'"):
        score_corpus(AU_DEV, tmp_path / "out.jsonl", assessor=hashing_assessor, engine="spark")


@pytest.mark.parametrize("suffix", ["csv", "parquet"])
def test_csv_and_parquet_outputs_hold_one_row_per_record_in_input_order(tmp_path, hashing_assessor, suffix):
    import pandas as pd

    src = _write_lines(tmp_path / "in.jsonl", AU_DEV.read_text(encoding="utf-8").splitlines()[:6])
    out = tmp_path / f"out.{suffix}"
    score_corpus(src, out, assessor=hashing_assessor)
    frame = pd.read_csv(out) if suffix == "csv" else pd.read_parquet(out)
    jsonl = load_jsonl(Path(str(out) + ".partial.jsonl"))
    assert list(frame["record_id"]) == [row["id"] for row in load_jsonl(src)]
    assert list(frame["stance"]) == [row["stance"] for row in jsonl]


def _score_cmd(src: Path, out: Path, config: Path) -> list[str]:
    return [sys.executable, "-m", "respassess.cli", "score", str(src), "--out", str(out), "--config", str(config),
            "--quiet"]


def test_a_run_killed_with_sigkill_resumes_to_the_same_output(tmp_path, hashing_assessor):
    src = _write_lines(tmp_path / "in.jsonl", AU_DEV.read_text(encoding="utf-8").splitlines()[:24])
    config = tmp_path / "config.toml"
    config.write_text('embedder_kind = "hashing"\nbatch_size = 4\n', encoding="utf-8")
    uninterrupted = tmp_path / "full.jsonl"
    score_corpus(src, uninterrupted, assessor=hashing_assessor)

    out = tmp_path / "killed.jsonl"
    proc = subprocess.Popen(_score_cmd(src, out, config), stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and out.stat().st_size > 0:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be killed; give it a longer corpus"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    killed_lines = len(completed_ids(out))
    assert 0 < killed_lines < 24

    rerun = subprocess.run(_score_cmd(src, out, config), capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert f"skipped {killed_lines} (already done)" in rerun.stderr
    assert out.read_bytes() == uninterrupted.read_bytes(), _first_difference(uninterrupted, out)


def _first_difference(a: Path, b: Path) -> str:
    for i, (x, y) in enumerate(zip(a.read_text().splitlines(), b.read_text().splitlines()), start=1):
        if x != y:
            at = next(j for j, (p, q) in enumerate(zip(x, y)) if p != q) if x[: len(y)] != y[: len(x)] else min(len(x), len(y))
            return f"line {i} differs at column {at}: {x[max(0, at - 80):at + 80]!r} vs {y[max(0, at - 80):at + 80]!r}"
    return "one output is a prefix of the other"

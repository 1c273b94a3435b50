"""Parallel engines: 1 vs 2 local workers, Dask vs local, failure isolation, a shared embedding cache."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import numpy as np
import pytest

from respassess.align.embed import CachedEmbedder, EmbeddingCache, HashingEmbedder
from respassess.batch import score_corpus
from respassess.config import AssessConfig
from respassess.errors import InvalidValueError
from respassess.parallel import run_parallel, score_chunk
from respassess.pipeline import Assessor
from respassess.records import read_records

from .conftest import FIXTURES, load_jsonl

AU_DEV = FIXTURES / "au_dev.jsonl"


def _corpus(tmp_path: Path, n: int) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text("".join(AU_DEV.read_text(encoding="utf-8").splitlines(keepends=True)[:n]), encoding="utf-8")
    return path


def test_two_local_workers_write_the_same_bytes_as_one_process_with_real_minilm(tmp_path, nlp, embedder):
    # batch_size 4 over 8 records: two chunks, so both workers score some.
    config = AssessConfig(batch_size=4)
    src = _corpus(tmp_path, 8)
    one = tmp_path / "one.jsonl"
    score_corpus(src, one, assessor=Assessor(config, nlp=nlp, embedder=embedder))
    two = tmp_path / "two.jsonl"
    summary = score_corpus(src, two, config=config, workers=2)
    assert summary.scored == 8
    assert two.read_bytes() == one.read_bytes()
    assert all(row["versions"]["embedder"].startswith("st:") for row in load_jsonl(two))


def test_dask_local_cluster_writes_the_same_bytes_as_the_local_engine(tmp_path, nlp):
    pytest.importorskip("distributed")
    config = AssessConfig(embedder_kind="hashing", batch_size=3)
    src = _corpus(tmp_path, 10)
    local = tmp_path / "local.jsonl"
    score_corpus(src, local, assessor=Assessor(config, nlp=nlp))
    dask_out = tmp_path / "dask.jsonl"
    finished: list[int] = []
    summary = score_corpus(src, dask_out, config=config, engine="dask", workers=2, progress=finished.append)
    assert (summary.scored, summary.failed) == (10, 0)
    assert sum(finished) == 10
    assert dask_out.read_bytes() == local.read_bytes()


class _FailsOn(Assessor):
    """A real Assessor that breaks, as a pipeline bug would, on one record id."""

    def __init__(self, bad_id: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.bad_id = bad_id

    def _judge(self, p, *args, **kwargs):
        if p.record.id == self.bad_id:
            raise ZeroDivisionError("division by zero")
        return super()._judge(p, *args, **kwargs)


def test_a_record_that_breaks_the_pipeline_is_reported_and_its_batch_mates_are_scored(tmp_path, nlp):
    records = read_records(AU_DEV)[:5]
    assessor = _FailsOn(records[2].id, config=AssessConfig(embedder_kind="hashing"), nlp=nlp)
    results = score_chunk(assessor, records)
    assert [r.record_id for r in results] == [r.id for r in records]
    assert [r.line is None for r in results] == [False, False, True, False, False]
    assert "ZeroDivisionError: division by zero" in results[2].error

    out = tmp_path / "out.jsonl"
    summary = score_corpus(records, out, assessor=assessor)
    assert (summary.scored, summary.failed) == (4, 1)
    assert [e["id"] for e in load_jsonl(Path(summary.errors_path))] == [records[2].id]
    assert records[2].id not in {row["id"] for row in load_jsonl(out)}


def test_run_parallel_refuses_an_unknown_engine_and_zero_workers():
    with pytest.raises(InvalidValueError, match=r"`engine` got invalid value 'ray'; valid choices are \['dask', 'local'\]"):
        run_parallel([], AssessConfig(), engine="ray")
    with pytest.raises(InvalidValueError, match=r"`workers` got invalid value 0\. Use 1 or more\."):
        run_parallel([], AssessConfig(), workers=0)


def _write_vectors(cache_path: str, texts: list[str]) -> int:
    embedder = CachedEmbedder(HashingEmbedder(), EmbeddingCache(cache_path))
    for start in range(0, len(texts), 7):  # many small transactions, so the writers interleave
        embedder.encode(texts[start:start + 7])
    return embedder.misses


def test_embedding_cache_is_safe_under_concurrent_writer_processes(tmp_path):
    records = read_records(AU_DEV)
    texts = [s.strip() for r in records for s in r.response.split(".") if s.strip()]
    cache_path = str(tmp_path / "embeddings.sqlite")
    # Overlapping slices: the same texts are inserted by several processes at once.
    slices = [texts[i::2] + texts[: len(texts) // 2] for i in range(2)] + [texts]
    with multiprocessing.get_context("spawn").Pool(3) as pool:
        misses = pool.starmap(_write_vectors, [(cache_path, s) for s in slices])
    # Which process encodes a shared text first depends on timing; together they encode each at least once.
    assert sum(misses) >= len(set(texts))

    reader = CachedEmbedder(HashingEmbedder(), EmbeddingCache(cache_path))
    cached = reader.encode(texts)
    assert reader.misses == 0
    assert np.array_equal(cached, HashingEmbedder().encode(texts))

"""Parallel engines for batch scoring: a local process pool and Dask.

Both engines take the corpus as a stream of *chunks* (lists of records, one pipeline
batch each), score every chunk in a worker that loaded the models once, and yield the
results in input order, so the output is byte-identical to a run in one process: a
chunk is the same pipeline batch whichever engine scores it, and a batch's encoder
call sees the same texts in the same order.

At most a few chunks per worker are in flight, so memory stays bounded however long
the corpus is. Neither torch nor dask is imported until an engine runs.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from typing import TYPE_CHECKING, Any, Iterable, Iterator, NamedTuple, Sequence

from .config import AssessConfig
from .errors import BatchError, InvalidValueError, value_invalid_msg
from .types import Record

if TYPE_CHECKING:  # pragma: no cover
    from .pipeline import Assessor

__all__ = ["ScoredRecord", "score_chunk", "run_parallel", "ENGINES"]

log = logging.getLogger(__name__)
ENGINES = ("local", "dask")
# Chunks in flight per worker: two keeps every worker busy while the parent writes.
_IN_FLIGHT_PER_WORKER = 2


class ScoredRecord(NamedTuple):
    """The outcome of one record: its JSON line, or the reason it could not be scored."""

    record_id: str
    line: str | None
    error: str | None = None


def score_chunk(assessor: "Assessor", chunk: Sequence[Record]) -> list[ScoredRecord]:
    """Score one chunk of records as one pipeline batch.

    A record that makes the pipeline fail must not take the rest of its chunk down:
    the chunk is then scored record by record and the failing ones are returned with
    the error instead of a line.

    Args:
        assessor: the :class:`~respassess.pipeline.Assessor` to use.
        chunk: the records of one batch.

    Returns:
        One :class:`ScoredRecord` per record, in order.
    """
    from .batch import assessment_line

    try:
        return [ScoredRecord(r.id, assessment_line(a))
                for r, a in zip(chunk, assessor.assess_many(chunk, batch_size=max(1, len(chunk))))]
    except Exception:  # noqa: BLE001 - any pipeline bug on one record; isolate it below
        if len(chunk) == 1:
            return [_score_alone(assessor, chunk[0])]
        log.warning("a batch of %d records failed; scoring its records one by one", len(chunk))
        return [_score_alone(assessor, r) for r in chunk]


def _score_alone(assessor: "Assessor", record: Record) -> ScoredRecord:
    from .batch import assessment_line

    try:
        return ScoredRecord(record.id, assessment_line(assessor.assess(record)))
    except Exception as exc:  # noqa: BLE001 - reported in the errors file, the run goes on
        log.warning("record %r failed in the pipeline: %s: %s", record.id, type(exc).__name__, exc)
        return ScoredRecord(record.id, None, f"the pipeline failed on this record ({type(exc).__name__}: {exc})")


def run_parallel(chunks: Iterable[Sequence[Record]], config: AssessConfig, *, engine: str = "local",
                 workers: int = 2, scheduler: str | None = None) -> Iterator[list[ScoredRecord]]:
    """Score chunks of records in worker processes; yield each chunk's results in input order.

    Args:
        chunks: lists of records, one pipeline batch each (read lazily).
        config: the settings every worker builds its own Assessor from (models load once per worker).
        engine: "local" (a process pool on this machine) or "dask".
        workers: local processes, or the Dask LocalCluster's workers when no ``scheduler`` is given.
        scheduler: the address of a running Dask scheduler (engine "dask").

    Returns:
        An iterator of lists of :class:`ScoredRecord`, one list per chunk, in input order.

    Raises:
        InvalidValueError: an unknown engine or a worker count below 1.
        BatchError: a worker died, or Dask is not installed or cannot be reached.
    """
    if engine not in ENGINES:
        raise InvalidValueError(value_invalid_msg("engine", engine, ENGINES))
    if workers < 1:
        raise InvalidValueError(value_invalid_msg("workers", workers, hint="Use 1 or more."))
    _prepare_models(config)
    if engine == "dask":
        return _run_dask(chunks, config, workers=workers, scheduler=scheduler)
    return _run_local(chunks, config, workers=workers)


def _prepare_models(config: AssessConfig) -> None:
    """Build what workers would otherwise all build at once: the default static model."""
    if config.embedder_kind == "static":
        from .align.static import load_static_embedder

        load_static_embedder(config.embedder)


# -- local process pool ----------------------------------------------------------------

_WORKER_ASSESSOR: "Assessor | None" = None


def _limit_threads(threads: int) -> None:
    """Cap the math libraries' threads, so N workers x threads never oversubscribe the cores."""
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ[var] = str(threads)
    # Rust tokenizers would start their own thread pool in every worker.
    os.environ["TOKENIZERS_PARALLELISM"] = "false"


def _set_torch_threads(threads: int) -> None:
    try:
        import torch
    except ImportError:  # pragma: no cover - torch is a dependency, but hashing runs need none of it
        return
    torch.set_num_threads(threads)


def _build_worker_assessor(config: AssessConfig, threads: int) -> "Assessor":
    from .pipeline import Assessor

    assessor = Assessor(config)
    assessor.nlp  # noqa: B018 - load the models now, once per worker, not inside the first chunk
    assessor.embedder  # noqa: B018
    if config.embedder_kind == "sentence-transformers":
        getattr(assessor.embedder, "inner", assessor.embedder).model  # noqa: B018 - the lazy torch model
    _set_torch_threads(threads)
    return assessor


def _init_local_worker(config: AssessConfig, threads: int) -> None:
    global _WORKER_ASSESSOR
    _limit_threads(threads)
    _WORKER_ASSESSOR = _build_worker_assessor(config, threads)


def _score_local_chunk(chunk: list[Record]) -> list[ScoredRecord]:
    assert _WORKER_ASSESSOR is not None, "worker initializer did not run"
    return score_chunk(_WORKER_ASSESSOR, chunk)


def _threads_per_worker(workers: int) -> int:
    return max(1, (os.cpu_count() or 1) // workers)


def _run_local(chunks: Iterable[Sequence[Record]], config: AssessConfig, *, workers: int) -> Iterator[list[ScoredRecord]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # spawn, not fork: a forked child of a process that already runs torch threads can deadlock.
    ctx = multiprocessing.get_context("spawn")
    threads = _threads_per_worker(workers)
    log.info("scoring with %d local worker processes x %d thread(s)", workers, threads)
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_local_worker,
                             initargs=(config, threads)) as pool:
        pending: deque = deque()
        try:
            for chunk in chunks:
                pending.append(pool.submit(_score_local_chunk, list(chunk)))
                while len(pending) >= workers * _IN_FLIGHT_PER_WORKER:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        except BrokenProcessPool as exc:
            raise BatchError(f"a worker process died ({exc}); the records written so far are kept, "
                             "rerun the same command to resume (try fewer --workers if memory ran out)") from None
        finally:
            for fut in pending:
                fut.cancel()


# -- Dask ------------------------------------------------------------------------------

# One Assessor per Dask worker process and config, built on the first chunk it scores.
_DASK_ASSESSORS: dict[tuple[str, str | None], "Assessor"] = {}


def _score_dask_chunk(config: AssessConfig, chunk: list[Record]) -> list[ScoredRecord]:
    key = (config.config_id, config.cache_dir)
    assessor = _DASK_ASSESSORS.get(key)
    if assessor is None:
        threads = 1
        try:
            from distributed import get_worker

            threads = max(1, int(get_worker().state.nthreads))
        except (ImportError, ValueError, AttributeError):
            pass
        _limit_threads(threads)
        assessor = _DASK_ASSESSORS[key] = _build_worker_assessor(config, threads)
    return score_chunk(assessor, chunk)


def _dask_client(scheduler: str | None, workers: int) -> tuple[Any, Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise BatchError("engine 'dask' needs dask.distributed; run `pip install respassess[dask]` "
                         "or use --engine local") from None
    if scheduler:
        try:
            return Client(scheduler, timeout="30s"), None
        except (OSError, TimeoutError) as exc:
            raise BatchError(f"cannot reach the Dask scheduler {scheduler!r} ({exc}); check --scheduler "
                             "or omit it to start a local cluster") from None
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                           silence_logs=logging.ERROR)
    return Client(cluster), cluster


def _run_dask(chunks: Iterable[Sequence[Record]], config: AssessConfig, *, workers: int,
              scheduler: str | None) -> Iterator[list[ScoredRecord]]:
    client, cluster = _dask_client(scheduler, workers)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        log.info("scoring on Dask with %d worker(s) at %s", n_workers, client.scheduler.address)
        pending: deque = deque()
        for chunk in chunks:
            pending.append(client.submit(_score_dask_chunk, config, list(chunk), pure=False))
            while len(pending) >= n_workers * _IN_FLIGHT_PER_WORKER:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

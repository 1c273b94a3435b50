"""Batch scoring of a corpus: streaming, resumable, loss-free.

Output is JSON Lines, one whole line per record in input order, flushed after every
chunk, so a killed run leaves at most one partial last line; a rerun drops that line,
skips every record already written and scores the rest, rebuilding a half-written chunk
whole so its pipeline batch (and so every float) is the same as in an uninterrupted run.
Records are scored here, in a local process pool or on Dask (:mod:`respassess.parallel`).
Bad input rows never stop the run: each goes to the errors file with its line number
and reason; so does a record the pipeline fails on (with its id). CSV and Parquet outputs are built
from the finished JSON Lines at the end (the pandas boundary is ``report.frames``).
"""

from __future__ import annotations

import json
import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .config import AssessConfig
from .errors import BatchError, InvalidValueError, RecordError, value_invalid_msg
from .parallel import ScoredRecord, score_chunk
from .records.io import iter_records
from .types import Assessment, Record

__all__ = ["BatchSummary", "score_corpus", "completed_ids", "assessment_line", "OUTPUT_FORMATS"]

log = logging.getLogger(__name__)
OUTPUT_FORMATS = ("jsonl", "csv", "parquet")


@dataclass(slots=True)
class BatchSummary:
    """Counts of one batch run."""

    scored: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0
    output: str = ""
    errors_path: str | None = None
    failures: list[dict] = field(default_factory=list)

    def line(self) -> str:
        """A one-line summary for the end of a run."""
        rate = self.scored / self.seconds if self.seconds > 0 else 0.0
        return (f"scored {self.scored}, skipped {self.skipped} (already done), failed {self.failed} "
                f"in {self.seconds:.1f}s ({rate:.1f} records/s)")


def assessment_line(assessment: Assessment) -> str:
    """The canonical JSON line of an assessment (sorted keys, so reruns are byte-identical)."""
    return json.dumps(assessment.to_dict(), ensure_ascii=False, sort_keys=True)


def completed_ids(path: str | Path) -> set[str]:
    """Ids already written to a JSON Lines output; a partial last line is cut off the file."""
    path = Path(path)
    if not path.exists():
        return set()
    done: set[str] = set()
    with open(path, "rb+") as fh:
        data = fh.read()
        keep = len(data)
        if data and not data.endswith(b"\n"):
            keep = data.rfind(b"\n") + 1
            log.warning("dropping a partial last line of %s (an interrupted run)", path)
            fh.truncate(keep)
        for raw in data[:keep].splitlines():
            if not raw.strip():
                continue
            try:
                done.add(str(json.loads(raw)["id"]))
            except (ValueError, KeyError, TypeError):
                raise BatchError(f"{path} holds a line that is not an assessment; "
                                 "choose another --out or delete the file to start over") from None
    return done


def _output_format(out: Path) -> str:
    suffix = out.suffix.lower().lstrip(".")
    fmt = {"jsonl": "jsonl", "ndjson": "jsonl", "csv": "csv", "parquet": "parquet", "pq": "parquet"}.get(suffix)
    if fmt is None:
        raise InvalidValueError(value_invalid_msg("--out suffix", out.suffix or str(out), OUTPUT_FORMATS,
                                                  hint="Name the output .jsonl, .csv or .parquet."))
    return fmt


def _chunks(items: Iterable[Record | RecordError], done: set[str], size: int, summary: BatchSummary,
            on_error: Callable[[RecordError], None]) -> Iterator[list[Record]]:
    """Group the good records into chunks of ``size`` by input position and drop chunks already done.

    Chunk boundaries depend only on the input, never on what a previous run finished,
    so a resumed run scores each chunk as the same pipeline batch as an uninterrupted
    run would (the encoder's results depend, by float rounding, on a batch's make-up).
    A chunk that was half written when a run was killed is scored again whole; only
    its missing records are written.
    """
    chunk: list[Record] = []
    for item in items:
        if isinstance(item, RecordError):
            summary.failed += 1
            on_error(item)
            continue
        chunk.append(item)
        if len(chunk) >= size:
            yield from _unless_done(chunk, done, summary)
            chunk = []
    if chunk:
        yield from _unless_done(chunk, done, summary)


def _unless_done(chunk: list[Record], done: set[str], summary: BatchSummary) -> Iterator[list[Record]]:
    finished = sum(r.id in done for r in chunk)
    summary.skipped += finished
    if finished < len(chunk):
        yield chunk


def score_corpus(source: str | Path | Iterable[Record | RecordError], out: str | Path, *, assessor=None,
                 config: AssessConfig | None = None, errors_path: str | Path | None = None, resume: bool = True,
                 input_format: str | None = None, engine: str = "local", workers: int = 1,
                 scheduler: str | None = None, progress: Callable[[int], None] | None = None) -> BatchSummary:
    """Score every record of ``source`` into ``out`` (.jsonl, .csv or .parquet).

    The output holds one JSON line per record in input order, whatever the engine, so
    runs with 1 or N workers, or on Dask, write the same bytes.

    Args:
        source: an input path (JSONL/CSV/Parquet, ``-`` for stdin) or an iterable of records.
        out: the output path; its suffix picks the format.
        assessor: the :class:`~respassess.pipeline.Assessor` to use in this process (engine
            "local" with one worker); parallel workers build their own from its config.
        config: the settings, when no ``assessor`` is given (default :class:`AssessConfig()`).
        errors_path: where bad rows are reported (default: ``<out>.errors.jsonl``).
        resume: skip records already in the output (default); ``False`` starts over.
        input_format: force the input format instead of guessing from the suffix.
        engine: "local" (this process, or ``workers`` processes) or "dask".
        workers: local worker processes (1 = in this process), or Dask LocalCluster workers.
        scheduler: a Dask scheduler address (engine "dask"; a LocalCluster when omitted).
        progress: called with the number of records finished since the last call.

    Returns:
        A :class:`BatchSummary` with counts and timing.

    Raises:
        BatchError: the output cannot be written or resumed, or a worker died.
        InvalidValueError: an unknown output suffix or engine.
        InputFormatError: the input cannot be read at all.

    Example:
        >>> summary = score_corpus("corpus/au_dev.jsonl", "runs/au.jsonl", workers=2)  # doctest: +SKIP
        >>> summary.line()  # doctest: +SKIP
        'scored 51, skipped 0 (already done), failed 0 in 9.8s (5.2 records/s)'
    """
    start = time.perf_counter()
    out = Path(out)
    fmt = _output_format(out)
    if engine not in ("local", "dask"):
        raise InvalidValueError(value_invalid_msg("engine", engine, ("local", "dask")))
    if workers < 1:
        raise InvalidValueError(value_invalid_msg("workers", workers, hint="Use 1 or more."))
    config = assessor.config if assessor is not None else (config or AssessConfig())
    jsonl_out = out if fmt == "jsonl" else out.with_name(out.name + ".partial.jsonl")
    errors_file = Path(errors_path) if errors_path else out.with_name(out.name + ".errors.jsonl")
    try:
        jsonl_out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BatchError(f"cannot create the folder of --out {str(out)!r} ({exc}); choose a writable path") from None
    if not resume:
        for p in (jsonl_out, errors_file):
            if p.exists():
                p.unlink()
    done = completed_ids(jsonl_out) if resume else set()
    summary = BatchSummary(output=str(out), errors_path=str(errors_file))
    items = iter_records(source, format=input_format) if isinstance(source, (str, Path)) else source

    err_fh = None

    def report(row: dict) -> None:
        nonlocal err_fh
        if err_fh is None:
            err_fh = open(errors_file, "w", encoding="utf-8")  # errors are re-found on every run
        summary.failures.append(row)
        err_fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        err_fh.flush()

    def on_error(exc: RecordError) -> None:
        report({"line": exc.line, "id": exc.record_id, "field": exc.field, "error": str(exc)})
        # every bad row is in the errors file and counted in the summary; a warning per row would flood stderr
        log.info("skipped bad record: %s", exc)

    chunks = _chunks(items, done, config.batch_size, summary, on_error)
    try:
        with open(jsonl_out, "a", encoding="utf-8") as fh:
            for results in _run_engine(chunks, assessor, config, engine=engine, workers=workers, scheduler=scheduler):
                finished = 0
                for result in results:
                    if result.record_id in done:
                        continue  # scored again only to rebuild its chunk's batch
                    if result.line is None:
                        summary.failed += 1
                        report({"line": None, "id": result.record_id, "field": None, "error": result.error})
                    else:
                        fh.write(result.line + "\n")
                        summary.scored += 1
                    finished += 1
                # One flush per chunk: a kill loses at most this chunk, which a rerun scores again.
                fh.flush()
                if progress and finished:
                    progress(finished)
    finally:
        if err_fh is not None:
            err_fh.close()
    if summary.failed == 0 and errors_file.exists():
        errors_file.unlink()
    if fmt != "jsonl":
        _convert(jsonl_out, out, fmt)
    summary.seconds = time.perf_counter() - start
    return summary


def _run_engine(chunks: Iterator[list[Record]], assessor, config: AssessConfig, *, engine: str, workers: int,
                scheduler: str | None) -> Iterator[list[ScoredRecord]]:
    """Yield each chunk's results, chunks in input order."""
    if engine == "dask" or workers > 1:
        from .parallel import run_parallel

        yield from run_parallel(chunks, config, engine=engine, workers=workers, scheduler=scheduler)
        return
    from .pipeline import Assessor

    assessor = assessor or Assessor(config)
    for chunk in chunks:
        yield score_chunk(assessor, chunk)


def _convert(jsonl_path: Path, out: Path, fmt: str) -> None:
    from .report.frames import assessments_to_frames

    with open(jsonl_path, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    frame = assessments_to_frames(rows)["records"]
    tmp = out.with_name(out.name + ".tmp")
    if fmt == "csv":
        frame.to_csv(tmp, index=False)
    else:
        frame.to_parquet(tmp, index=False)
    os.replace(tmp, out)

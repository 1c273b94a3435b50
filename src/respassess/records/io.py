"""Read records from JSON Lines, CSV, Parquet, tracker pages and plain strings.

Readers stream: :func:`iter_records` yields a :class:`~respassess.types.Record` or,
for a bad row, a :class:`~respassess.errors.RecordError` naming the file, line and
field, so a batch can report the bad row and go on with the rest.
:func:`read_records` is the strict form that raises on the first bad row.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

from ..errors import InputFormatError, RecordError, value_invalid_msg
from ..types import Record

__all__ = [
    "FORMATS",
    "detect_format",
    "iter_records",
    "read_records",
    "record_from_mapping",
    "record_from_strings",
]

FORMATS = ("jsonl", "csv", "parquet", "tracker")
_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv",
             ".parquet": "parquet", ".pq": "parquet", ".txt": "tracker"}
REQUIRED_FIELDS = ("recommendation", "response")
# CSV cells can legitimately hold a whole response; the csv module's default cap (128 KiB) is too low.
_CSV_FIELD_LIMIT = 16 * 1024 * 1024
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def detect_format(path: str | Path) -> str:
    """Return the input format of ``path`` from its suffix ("jsonl", "csv", "parquet", "tracker").

    Raises:
        InputFormatError: the suffix is not one respassess reads.
    """
    suffix = Path(str(path)).suffix.lower()
    try:
        return _SUFFIXES[suffix]
    except KeyError:
        raise InputFormatError(
            value_invalid_msg("input file suffix", suffix or str(path), _SUFFIXES,
                              hint="Rename the file or pass --format.")
        ) from None


def record_from_strings(recommendation: str, response: str, *, id: str = "record-1", **metadata: Any) -> Record:
    """Build a :class:`Record` from two strings; keyword metadata is kept in ``meta``.

    Raises:
        RecordError: a text is not a string or the recommendation is empty.
    """
    return record_from_mapping({"id": id, "recommendation": recommendation, "response": response, **metadata})


def record_from_mapping(row: Mapping[str, Any], *, source: str | None = None, line: int | None = None) -> Record:
    """Validate one row (a dict) and turn it into a :class:`Record`.

    The response may be empty or missing (a recommendation nobody answered is still
    worth scoring: every ask is unaddressed); the recommendation may not.

    Raises:
        RecordError: missing or empty recommendation, a text of the wrong type, a bad id.
    """
    if not isinstance(row, Mapping):
        raise RecordError(f"expected a JSON object, got {type(row).__name__}", source=source, line=line)
    raw_id = row.get("id")
    if raw_id is None or (isinstance(raw_id, float) and raw_id != raw_id) or str(raw_id).strip() == "":
        record_id = f"line-{line}" if line is not None else "record-1"
    elif isinstance(raw_id, (str, int)):
        record_id = str(raw_id)
    else:
        raise RecordError(f"id must be a string or integer, got {type(raw_id).__name__}",
                          source=source, line=line, field="id")
    texts: dict[str, str] = {}
    for name in REQUIRED_FIELDS:
        if name not in row and name == "recommendation":
            raise RecordError("missing field; every record needs 'recommendation' (and usually 'response')",
                              source=source, line=line, field=name, record_id=record_id)
        value = row.get(name)
        if value is None or (isinstance(value, float) and value != value):
            value = ""
        if not isinstance(value, str):
            raise RecordError(f"must be text, got {type(value).__name__}",
                              source=source, line=line, field=name, record_id=record_id)
        texts[name] = value
    if not texts["recommendation"].strip():
        raise RecordError("is empty; nothing to assess", source=source, line=line,
                          field="recommendation", record_id=record_id)
    meta = {k: v for k, v in row.items() if k not in ("id", *REQUIRED_FIELDS)}
    bad = _find_surrogate({"id": record_id, **texts, **meta})
    if bad is not None:
        name, char, pos = bad
        if 0xDC80 <= ord(char) <= 0xDCFF:  # a byte the file's decoder could not read
            reason = f"holds a byte that is not valid UTF-8 (0x{ord(char) - 0xDC00:02x}) at character {pos}"
        else:  # JSON "\ud800" without its pair: not a character at all
            reason = f"holds an unpaired surrogate (U+{ord(char):04X}) at character {pos}, which is not valid Unicode"
        raise RecordError(f"{reason}; fix the text's encoding (re-save the file as UTF-8)",
                          source=source, line=line, field=name, record_id=record_id if name != "id" else None)
    if line is not None:
        meta.setdefault("source_line", line)
    return Record(id=record_id, recommendation=texts["recommendation"], response=texts["response"], meta=meta)


def _find_surrogate(row: Mapping[str, Any]) -> tuple[str, str, int] | None:
    """(field, character, position) of the first lone surrogate in a row's strings, else None.

    Python keeps lone surrogates in ``str`` (from JSON escapes, or ``surrogateescape``),
    but no encoder, spaCy included, accepts them. Nested metadata is searched too and
    reported under its top-level field.
    """
    for name, value in row.items():
        stack = [value]
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                m = _SURROGATE_RE.search(item)
                if m:
                    return str(name), m.group(), m.start()
            elif isinstance(item, Mapping):
                stack.extend(item.keys())
                stack.extend(item.values())
            elif isinstance(item, (list, tuple)):
                stack.extend(item)
    return None


def iter_records(path: str | Path, *, format: str | None = None) -> Iterator[Record | RecordError]:
    """Stream records from a file (``-`` reads JSON Lines from stdin).

    Yields a :class:`Record` for each good row and a :class:`RecordError` for each bad
    one (with its line number), so the caller decides whether to stop or go on.

    Raises:
        InputFormatError: the file's format is unknown, or it cannot be opened at all.
    """
    fmt = format or ("jsonl" if str(path) == "-" else detect_format(path))
    if fmt not in FORMATS:
        raise InputFormatError(value_invalid_msg("format", fmt, FORMATS))
    if str(path) != "-" and not Path(path).is_file():
        raise InputFormatError(f"input file {str(path)!r} does not exist; check the path.")
    if fmt == "jsonl":
        yield from _iter_jsonl(path)
    elif fmt == "csv":
        yield from _iter_csv(path)
    elif fmt == "parquet":
        yield from _iter_parquet(path)
    else:
        from .tracker import parse_tracker_page

        text = Path(path).read_text(encoding="utf-8", errors="replace")
        try:
            yield parse_tracker_page(text, source=str(path))
        except RecordError as exc:
            yield exc


def read_records(path: str | Path, *, format: str | None = None) -> list[Record]:
    """Read every record of a file, raising on the first bad row.

    Raises:
        RecordError: a row is malformed (the message names file, line and field).
        InputFormatError: the file's format is unknown or unreadable.
    """
    out = []
    for item in iter_records(path, format=format):
        if isinstance(item, RecordError):
            raise item
        out.append(item)
    return out


def _checked(row: Any, source: str, line: int, seen: set[str]) -> Record | RecordError:
    """Validate one row; a repeated id is an error (the row is skipped, the first one kept)."""
    try:
        record = record_from_mapping(row, source=source, line=line)
    except RecordError as exc:
        return exc
    if record.id in seen:
        return RecordError("duplicate id; ids must be unique within a file (this row was skipped)",
                           source=source, line=line, field="id", record_id=record.id)
    seen.add(record.id)
    return record


def _iter_jsonl(path: str | Path) -> Iterator[Record | RecordError]:
    source = "<stdin>" if str(path) == "-" else str(path)
    stream = sys.stdin.buffer if str(path) == "-" else open(path, "rb")
    seen: set[str] = set()
    try:
        for line_no, raw in enumerate(stream, start=1):
            if not raw.strip():
                continue
            try:
                text = raw.decode("utf-8-sig")  # Windows tools put a BOM before the first line
            except UnicodeDecodeError as exc:
                yield RecordError(f"not valid UTF-8 at byte {exc.start}; re-encode the file as UTF-8",
                                  source=source, line=line_no)
                continue
            try:
                row = json.loads(text)
            except json.JSONDecodeError as exc:
                yield RecordError(f"invalid JSON ({exc.msg} at column {exc.colno}); "
                                  "each line must be one complete JSON object", source=source, line=line_no)
                continue
            yield _checked(row, source, line_no, seen)
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def _iter_csv(path: str | Path) -> Iterator[Record | RecordError]:
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    source = str(path)
    seen: set[str] = set()
    with open(path, "rb") as fh:
        data = fh.read()
    # A stray non-UTF-8 byte spoils one row, not the file: it survives decoding as a lone
    # surrogate, and record_from_mapping reports the row that holds it.
    text = data.decode("utf-8-sig", errors="surrogateescape")
    lines = io.StringIO(text, newline="").readlines()
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if reader.fieldnames is None or "recommendation" not in reader.fieldnames:
        raise InputFormatError(f"{source}: the CSV header must name a 'recommendation' column "
                               f"(found {reader.fieldnames or []}).")
    fieldnames = reader.fieldnames
    offset = 0  # physical lines before the current reader's input (it restarts after a runaway quote)
    while True:
        line_no = offset + reader.line_num + 1  # physical line where the next row starts (rows may span lines)
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield RecordError(f"malformed CSV row ({exc})", source=source, line=line_no)
            continue
        last = offset + reader.line_num
        if last > line_no and "".join(lines[line_no - 1:last]).count('"') % 2:
            # An opening quote that is never closed swallows every later line into one cell;
            # report that row and read on from the line after it.
            yield RecordError(f"a quote opened on this line is never closed (the row would run on to line {last}); "
                              "close or escape the quote (\"\")", source=source, line=line_no)
            offset = line_no
            reader = csv.DictReader(io.StringIO("".join(lines[line_no:]), newline=""), fieldnames=fieldnames)
            continue
        if None in row:
            yield RecordError("row has more cells than the header", source=source, line=line_no)
            continue
        try:
            record = record_from_mapping({k: (v if v != "" or k in REQUIRED_FIELDS else None) for k, v in row.items()},
                                         source=source, line=line_no)
        except RecordError as exc:
            yield exc
            continue
        if record.id in seen:
            yield RecordError("duplicate id (this row was skipped)", source=source, line=line_no,
                              field="id", record_id=record.id)
            continue
        seen.add(record.id)
        yield record


def _iter_parquet(path: str | Path) -> Iterator[Record | RecordError]:
    import pyarrow.parquet as pq

    source = str(path)
    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several unrelated types for a bad file
        raise InputFormatError(f"{source} is not a readable Parquet file ({exc}).") from None
    seen: set[str] = set()
    row_no = 0
    for batch in pf.iter_batches(batch_size=1024):
        for row in batch.to_pylist():
            row_no += 1
            yield _checked(row, source, row_no, seen)


def records_from_dicts(rows: Iterable[Mapping[str, Any]]) -> Iterator[Record]:
    """Turn an iterable of dicts into records (raises :class:`RecordError` on a bad one)."""
    for i, row in enumerate(rows, start=1):
        yield record_from_mapping(row, source="<rows>", line=i)

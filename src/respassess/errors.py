"""Exceptions: one class per failure, all under :class:`RespassessError`.

Messages name the argument, the value and what to do next; :func:`value_invalid_msg`
builds the common "bad value" sentence so every module words it the same way.
"""

from __future__ import annotations

from typing import Any, Iterable

__all__ = [
    "RespassessError",
    "InvalidValueError",
    "RecordError",
    "InputFormatError",
    "ModelNotFoundError",
    "ModelUnsupportedError",
    "ModelIntegrityError",
    "DocumentError",
    "SplitError",
    "GoldFormatError",
    "BatchError",
    "value_invalid_msg",
]


class RespassessError(Exception):
    """Base class of every error respassess raises on purpose."""


class InvalidValueError(RespassessError, ValueError):
    """An argument has a value outside its valid choices."""


class RecordError(RespassessError, ValueError):
    """A record is malformed: missing field, wrong type, empty text or bad JSON."""

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None,
                 field: str | None = None, record_id: str | None = None) -> None:
        where = []
        if source:
            where.append(str(source))
        if line is not None:
            where.append(f"line {line}")
        if record_id:
            where.append(f"record {record_id!r}")
        if field:
            where.append(f"field {field!r}")
        super().__init__(f"{', '.join(where)}: {message}" if where else message)
        self.reason = message
        self.source = source
        self.line = line
        self.field = field
        self.record_id = record_id


class InputFormatError(RespassessError, ValueError):
    """An input file's format is unknown or unreadable as a whole."""


class ModelNotFoundError(RespassessError, OSError):
    """A spaCy or sentence-transformers model cannot be found locally."""


class ModelUnsupportedError(ModelNotFoundError):
    """A local model folder exists but its architecture or pooling is not one this loader supports."""


class ModelIntegrityError(RespassessError):
    """A model or trained artefact does not match its recorded sha256."""


class DocumentError(RespassessError, ValueError):
    """A PDF/DOCX/HTML document cannot be read (encrypted, corrupt, too large, image-only)."""


class SplitError(RespassessError, ValueError):
    """A document was read but no recommendation/response pairs could be found in it."""


class GoldFormatError(RespassessError, ValueError):
    """A gold or prediction file does not follow ANNOTATION.md §6."""


class BatchError(RespassessError):
    """A batch run cannot start or continue (bad output path, incompatible resume file)."""


def value_invalid_msg(name: str, value: Any, valid: Iterable[Any] | None = None, *, hint: str | None = None) -> str:
    """Return "`name` must be one of [...]; got 'value'." with an optional next step.

    Args:
        name: the argument's name as the user typed it.
        value: the value given.
        valid: the valid choices, if the set is closed.
        hint: what to do next.
    """
    msg = f"`{name}` got invalid value {value!r}"
    if valid is not None:
        msg += f"; valid choices are {sorted({str(v) for v in valid})}"
    msg += "."
    if hint:
        msg += f" {hint}"
    return msg

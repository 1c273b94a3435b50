"""Ingest: records from files, tracker pages, strings and response documents."""

from .io import (FORMATS, detect_format, iter_records, read_records, record_from_mapping,
                 record_from_strings, records_from_dicts)
from .tracker import looks_like_tracker_page, parse_tracker_page

__all__ = [
    "FORMATS",
    "detect_format",
    "iter_records",
    "read_records",
    "record_from_mapping",
    "record_from_strings",
    "records_from_dicts",
    "looks_like_tracker_page",
    "parse_tracker_page",
]

"""Ingest: records from files, tracker pages, strings and response documents."""

from .io import (FORMATS, detect_format, iter_records, read_records, record_from_mapping,
                 record_from_strings, records_from_dicts)
from .documents import Document, read_document
from .pairing import DocumentPair
from .split import Layout, SplitResult, pairs_to_records, split_document, split_to_jsonl
from .tracker import looks_like_tracker_page, parse_tracker_page

__all__ = [
    "FORMATS",
    "detect_format",
    "iter_records",
    "read_records",
    "record_from_mapping",
    "record_from_strings",
    "records_from_dicts",
    "Document",
    "read_document",
    "DocumentPair",
    "Layout",
    "SplitResult",
    "split_document",
    "pairs_to_records",
    "split_to_jsonl",
    "looks_like_tracker_page",
    "parse_tracker_page",
]

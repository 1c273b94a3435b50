"""Extraction stage: dates, money amounts, commitments and actions from a response.

Each extractor takes the spaCy ``Doc`` of the whole response and returns frozen
findings (``respassess.types``) carrying offsets into the response. The spaCy
factories that wrap them are in :mod:`respassess.extract.components`.
"""

from __future__ import annotations

from ._text import doc_text
from .amounts import ParsedAmount, extract_amounts, parse_amount
from .commitments import extract_actions, extract_commitments
from .dates import extract_dates
from .datenorm import NormalisedDate, normalise_date

__all__ = [
    "extract_dates",
    "normalise_date",
    "NormalisedDate",
    "extract_amounts",
    "parse_amount",
    "ParsedAmount",
    "extract_commitments",
    "extract_actions",
    "doc_text",
]

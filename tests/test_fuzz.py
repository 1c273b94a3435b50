"""Property tests (hypothesis): no input crashes ingest, segmentation, extraction or the
pipeline, and every offset indexes the source text exactly.

Free text is policy-like: sentences from real responses (tests/data/au_dev.jsonl) cut
into fragments and reassembled, mixed with random Unicode and the characters scraped
text is full of (zero-width, bidi marks, combining marks, smart quotes, NBSP, markup).

Default run: a few dozen examples per test. ``RESPASSESS_FUZZ=long`` loads the
hypothesis profile "long" (10,000 examples per test, no deadline).
"""

from __future__ import annotations

import json
import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from respassess.config import AssessConfig
from respassess.errors import RecordError
from respassess.extract import extract_amounts, extract_commitments, extract_dates, normalise_date, parse_amount
from respassess.pipeline import Assessor
from respassess.records import iter_records, record_from_mapping
from respassess.segment import split_asks, split_sentences
from respassess.types import Record
from tests.conftest import FIXTURES

LONG = os.environ.get("RESPASSESS_FUZZ") == "long"
settings.register_profile("long", max_examples=10_000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
if LONG:
    settings.load_profile("long")


def fuzz(n: int):
    """``n`` examples by default, 10,000 in long mode; never a deadline (spaCy times vary)."""
    return settings(max_examples=10_000 if LONG else n, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])


_ROWS = [json.loads(line) for line in (FIXTURES / "au_dev.jsonl").read_text(encoding="utf-8").splitlines()]
# Real fragments: sentences and clause pieces from recommendations and responses.
FRAGMENTS = sorted({piece.strip() for row in _ROWS for field in ("recommendation", "response")
                    for piece in re.split(r"(?<=[.;:])\s+|\n+|,\s", row[field]) if 3 <= len(piece.strip()) <= 200})
ODD = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f", "\u202a", "\u202e", "\u0301", "\u0327",
       "\u2018", "\u2019", "\u201c", "\u201d", "\u00a0", "\u2009", "\u2013", "\u2014", "\u2026", "\t", "\r\n", "\n\n",
       "<b>", "</p>", "&amp;", "&nbsp;", "•", "(a)", "£", "$", "€", "%", "1,000", "2025", "Q3", "FY2024-25", "\x00",
       "\x0c", "\U0001f44d", "\U0001d41b", "é", "ß", "中文", "مرحبا", "â€™", "Â£"]

odd_bits = st.sampled_from(ODD)
random_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
fragment = st.sampled_from(FRAGMENTS)
separator = st.sampled_from([" ", ". ", "\n", "\n\n", "; ", ", and ", " \u200b", "\u00a0", ""])


@st.composite
def policy_text(draw, max_parts: int = 8) -> str:
    """Real fragments joined by odd separators, with random Unicode and scraped-text debris."""
    parts = draw(st.lists(st.one_of(fragment, fragment, fragment, odd_bits, random_text), min_size=0,
                          max_size=max_parts))
    seps = draw(st.lists(separator, min_size=len(parts), max_size=len(parts)))
    return "".join(p + s for p, s in zip(parts, seps))


json_scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20))
json_value = st.recursive(json_scalar, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                               st.dictionaries(st.text(max_size=5), inner, max_size=3)),
                          max_leaves=6)


@st.composite
def record_rows(draw) -> dict:
    """Rows as a scraper might produce them: right or wrong types, missing fields, junk metadata."""
    row = draw(st.dictionaries(st.sampled_from(["official_status", "response_date", "jurisdiction", "x"]), json_value,
                               max_size=3))
    for name in ("id", "recommendation", "response"):
        if draw(st.integers(0, 9)) > 0:
            row[name] = draw(st.one_of(policy_text(), json_value) if name != "id" else
                             st.one_of(st.text(max_size=10), st.integers(), json_value))
    return row


def assert_units(units, source: str) -> None:
    """Offsets index the source, units are non-empty, in order and do not overlap."""
    prev_end = 0
    for u in units:
        assert source[u.start:u.end] == u.text and u.text.strip(), u
        assert u.start >= prev_end
        prev_end = u.end


# --- ingest ------------------------------------------------------------------------------------

@fuzz(200)
@given(record_rows())
def test_record_from_mapping_gives_a_record_or_a_record_error(row):
    try:
        record = record_from_mapping(row, source="fuzz", line=1)
    except RecordError as exc:
        assert str(exc).startswith("fuzz, line 1")
        return
    assert isinstance(record, Record) and record.recommendation.strip()
    json.dumps(record.id)


@fuzz(60)
@given(st.lists(st.one_of(st.binary(max_size=80), record_rows().map(lambda r: json.dumps(r).encode())), max_size=8))
def test_jsonl_lines_each_give_a_record_or_an_error_with_its_line(tmp_path_factory, lines):
    lines = [ln.replace(b"\n", b" ").replace(b"\r", b" ") for ln in lines]
    path = tmp_path_factory.mktemp("fuzz") / "in.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    items = list(iter_records(path))
    expected = [i for i, ln in enumerate(lines, 1) if ln.strip()]
    got = [it.meta["source_line"] if isinstance(it, Record) else it.line for it in items]
    assert got == expected


# --- segmentation and extraction (real spaCy) --------------------------------------------------

@fuzz(60)
@given(policy_text())
def test_split_asks_and_sentences_index_the_text(nlp, text):
    doc = nlp(text)
    assert_units(split_sentences(doc), text)
    asks = split_asks(doc)
    for a in asks:
        assert text[a.start:a.end] == a.text and a.text.strip()


@fuzz(60)
@given(policy_text(), st.sampled_from([None, "2023-02", "2024-06-01"]),
       st.sampled_from([None, "United Kingdom", "Australia (Commonwealth)", "New Zealand"]))
def test_extractors_index_the_text(nlp, text, response_date, jurisdiction):
    doc = nlp(text)
    dates = extract_dates(doc, response_date=response_date, jurisdiction=jurisdiction)
    amounts = extract_amounts(doc, jurisdiction=jurisdiction)
    commitments = extract_commitments(doc, split_sentences(doc), dates=dates, amounts=amounts)
    for item in (*dates, *amounts, *commitments):
        assert text[item.start:item.end] == item.text, item
    for d in dates:
        json.dumps(d.to_dict(), allow_nan=False)


@fuzz(400)
@given(st.one_of(policy_text(max_parts=3), st.text(max_size=40)), st.sampled_from([None, "2023-02", "2024-06-01"]))
def test_normalise_date_never_crashes(text, response_date):
    norm = normalise_date(text, response_date=response_date)
    assert norm.value is None or isinstance(norm.value, str)


@fuzz(400)
@given(st.one_of(policy_text(max_parts=3), st.text(max_size=40),
                 st.from_regex(r"(?:over |almost |A)?[£$€]\s?\d{1,4}(?:[.,]\d{1,3})?\s?(?:m|bn|k|million|billion)?",
                               fullmatch=True)))
def test_parse_amount_never_crashes_and_values_are_finite(text):
    out = parse_amount(text)
    if out is not None:
        assert out.value == out.value and out.value not in (float("inf"), float("-inf"))


# --- the whole pipeline ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def hashing_assessor(nlp):
    return Assessor(AssessConfig(embedder_kind="hashing", max_chars=5_000), nlp=nlp)


def _assert_assessment(a) -> None:
    from tests.test_reliability import assert_offsets

    assert_offsets(a)


@fuzz(40)
@given(policy_text(max_parts=6).filter(lambda t: t.strip()), policy_text(max_parts=10),
       st.sampled_from([None, "Accepted", "Noted", "Supported in principle"]))
def test_pipeline_on_random_policy_text(hashing_assessor, rec, resp, status):
    record = Record(id="fuzz", recommendation=rec, response=resp, meta={"official_status": status})
    a = hashing_assessor.assess(record)
    _assert_assessment(a)
    assert json.dumps(a.to_dict(), sort_keys=True) == json.dumps(hashing_assessor.assess(record).to_dict(), sort_keys=True)


@settings(max_examples=10_000 if LONG else 5, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(policy_text(max_parts=4).filter(lambda t: t.strip()), policy_text(max_parts=6))
def test_pipeline_with_real_minilm(assessor, rec, resp):
    _assert_assessment(assessor.assess(Record(id="fuzz", recommendation=rec, response=resp)))

"""Tests for respassess.extract.amounts (ANNOTATION.md §4)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from respassess.extract.amounts import extract_amounts, parse_amount
from respassess.types import Approx
from tests.conftest import REPO_ROOT, load_jsonl, shared_path

# (text, jurisdiction, value, low, high, currency, approx, period, assumed)
CASES = [
    ("almost £1 billion", "United Kingdom", 1e9, 1e9, 1e9, "GBP", "below", None, False),
    ("over £500 million was secured for a multi-year capital programme", "United Kingdom", 5e8, 5e8, 5e8, "GBP",
     "above", "multi-year", False),
    ("$13.5 million\n(2021-2026)", "Australia (Commonwealth)", 13.5e6, 13.5e6, 13.5e6, "AUD", None, "2021-2026", True),
    ("over $5m", "New Zealand", 5e6, 5e6, 5e6, "NZD", "above", None, True),
    ("over $5m", None, 5e6, 5e6, 5e6, "USD", "above", None, True),
    ("£10–15 million", None, 10e6, 10e6, 15e6, "GBP", None, None, False),
    ("between $2m and $3m", "Australia", 2e6, 2e6, 3e6, "AUD", None, None, True),
    ("A$5.2bn per year", None, 5.2e9, 5.2e9, 5.2e9, "AUD", None, "year", False),
    ("NZ$300,000 annually", None, 3e5, 3e5, 3e5, "NZD", None, "year", False),
    ("around US$40 million over three years", None, 4e7, 4e7, 4e7, "USD", "about", "3 years", False),
    ("£2bn over four years from 2023-24", None, 2e9, 2e9, 2e9, "GBP", None, "4 years from 2023-24", False),
    ("5 million pounds", None, 5e6, 5e6, 5e6, "GBP", None, None, False),
    ("€40m a year", None, 4e7, 4e7, 4e7, "EUR", None, "year", False),
    ("up to AUD 12 million", None, 1.2e7, 1.2e7, 1.2e7, "AUD", "below", None, False),
    ("at least £250k", None, 2.5e5, 2.5e5, 2.5e5, "GBP", "above", None, False),
    # an aside between the amount and its period, or the period as the aside
    ("$1.2 billion (GST exclusive) over 10 years", "Australia (Commonwealth)", 1.2e9, 1.2e9, 1.2e9, "AUD", None,
     "10 years", True),
    ("$50 million (over four years)", "Australia (Commonwealth)", 5e7, 5e7, 5e7, "AUD", None, "4 years", True),
    ("$4 million (see Table 2) for the program", "Australia (Commonwealth)", 4e6, 4e6, 4e6, "AUD", None, None, True),
    # thousands grouped by spaces, as Australian government documents print them
    ("$600 000", "Australia (Commonwealth)", 6e5, 6e5, 6e5, "AUD", None, None, True),
    ("$1 250 000.50 per year", "Australia (Commonwealth)", 1250000.5, 1250000.5, 1250000.5, "AUD", None, "year", True),
]


@pytest.mark.parametrize("text,jur,value,low,high,cur,approx,period,assumed", CASES)
def test_parse_amount_table(text, jur, value, low, high, cur, approx, period, assumed):
    out = parse_amount(text, jurisdiction=jur)
    assert out is not None
    assert (out.value, out.low, out.high) == pytest.approx((value, low, high))
    assert out.currency == cur
    assert out.approx == (Approx(approx) if approx else None)
    assert out.period == period
    assert out.currency_assumed is assumed


@pytest.mark.parametrize("text", ["12 million people", "in 2023", "1,200 staff", "Recommendation 5", "3.5%", ""])
def test_numbers_that_are_not_money(text):
    assert parse_amount(text) is None


def test_a_year_after_an_amount_is_not_a_thousands_group(nlp):
    text = "The program received $600 2023 grants and $450 000 in 2024."
    found = extract_amounts(nlp(text), jurisdiction="Australia")
    assert [(a.text, a.value) for a in found] == [("$600", 600), ("$450 000", 450000)]


def test_extract_amounts_seed(nlp):
    text = ("At Autumn Budget 2024, the government announced an almost £1 billion increase to SEND and alternative "
            "provision funding.")
    (amount,) = extract_amounts(nlp(text), jurisdiction="United Kingdom")
    assert amount.text == "almost £1 billion"
    assert amount.value == 1e9 and amount.currency == "GBP" and amount.approx is Approx.BELOW
    assert text[amount.start:amount.end] == amount.text


def test_extract_amounts_australian_record(nlp):
    text = ("WRD is a $13.5 million\n(2021-2026), four-year partnership with UN Women, that builds on a Solomon "
            "Islands\npilot.")
    (amount,) = extract_amounts(nlp(text), jurisdiction="Australia (Commonwealth)")
    assert amount.currency == "AUD" and amount.currency_assumed and amount.period == "2021-2026"
    assert amount.to_dict()["range"] is None


def test_extract_amounts_ignores_counts(nlp):
    doc = nlp("Over 4,000 staff in 12 regions received training in 2023, at a cost of £3.2m.")
    found = extract_amounts(doc)
    assert [a.text for a in found] == ["£3.2m"]


@pytest.mark.parametrize("sign", ["\x16", "\x03", "\ufffd"])
def test_amount_whose_sign_pdf_extraction_lost(nlp, sign):
    text = f"A further {sign}485 million for 2025/26, almost {sign}2.2 billion retained, and a grant of {sign}40,000."
    found = extract_amounts(nlp(text), jurisdiction="United Kingdom (England and Wales)")
    assert [a.text for a in found] == [f"{sign}485 million", f"almost {sign}2.2 billion", f"{sign}40,000"]
    assert [a.value for a in found] == [485e6, 2.2e9, 40e3]
    assert all(a.currency == "GBP" and a.currency_assumed for a in found)
    assert found[1].approx is Approx.BELOW
    # an unknown jurisdiction has no home currency to assume
    assert {a.currency for a in extract_amounts(nlp(text), jurisdiction=None)} == {None}
    assert parse_amount(f"{sign}485 million", jurisdiction="Australia").currency == "AUD"


@pytest.mark.parametrize("text", ["item \x163 of the list", "see \x1612 below", "page\x0c12 of 40"])
def test_control_characters_before_plain_numbers_are_not_money(nlp, text):
    assert extract_amounts(nlp(text), jurisdiction="United Kingdom") == ()


def test_pfd_reply_with_lost_pound_signs_matches_gold(nlp):
    """uk-pfd-2025-0264-41 came out of PDF extraction with U+0016 for every '£'."""
    gold = {g["id"]: g for g in load_jsonl(REPO_ROOT / "evaluation" / "gold" / "respassess_team.jsonl")}
    records = {r["id"]: r for r in load_jsonl(shared_path("records", "uk_pfd.jsonl"))}
    rid = "uk-pfd-2025-0264-41"
    found = extract_amounts(nlp(records[rid]["response"]), jurisdiction=records[rid]["jurisdiction"])
    expected = [(a["text"], a["value"], a["currency"]) for a in gold[rid]["amounts"]]
    assert [(a.text, a.value, a.currency) for a in found] == expected


QUALS = {"almost": Approx.BELOW, "nearly": Approx.BELOW, "up to": Approx.BELOW, "just under": Approx.BELOW,
         "over": Approx.ABOVE, "more than": Approx.ABOVE, "at least": Approx.ABOVE, "in excess of": Approx.ABOVE,
         "around": Approx.ABOUT, "about": Approx.ABOUT, "approximately": Approx.ABOUT, "some": Approx.ABOUT, "": None}
SYMS = {"£": "GBP", "€": "EUR", "A$": "AUD", "NZ$": "NZD", "US$": "USD", "$": None}
SCALES = {"": 1, "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sorted(QUALS)), st.sampled_from(sorted(SYMS)), st.decimals(min_value="0.1", max_value="9999",
       places=1), st.sampled_from(sorted(SCALES)), st.sampled_from([None, "Australia", "New Zealand", "United Kingdom"]))
def test_generated_amounts_round_trip(qual, sym, number, scale, jur):
    sep = " " if scale and len(scale) > 2 else ""
    text = f"{qual} {sym}{number}{sep}{scale}".strip()
    out = parse_amount(text, jurisdiction=jur)
    assert out is not None, text
    assert math.isclose(out.value, float(number) * SCALES[scale], rel_tol=1e-9)
    assert out.approx == QUALS[qual]
    expected = SYMS[sym] or {"Australia": "AUD", "New Zealand": "NZD"}.get(jur, "USD")
    assert out.currency == expected and out.currency_assumed is (SYMS[sym] is None)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.sampled_from([None, "Australia", "Nowhere"]))
def test_parse_amount_never_crashes(text, jur):
    out = parse_amount(text, jurisdiction=jur)
    assert out is None or out.low <= out.high


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["£", "$", "5", "m", "million", "over", "between", "and", "-", "people", "2023-24",
                                 "per", "year", ",", "\n", "A$", "10.5", "bn"]), max_size=25))
def test_extract_offsets_index_the_text(nlp, words):
    doc = nlp(" ".join(words))
    found = extract_amounts(doc)
    for a in found:
        assert doc.text[a.start:a.end] == a.text
    assert [a.start for a in found] == sorted(a.start for a in found)


# Spelled-out amounts (records/uk_pfd.jsonl and invented variants): a scale word and a currency word are required
@pytest.mark.parametrize("text,value,cur,approx", [
    ("MoJ has invested approximately thirty three million pounds since 2021.", 33e6, "GBP", "about"),
    ("a further twenty-five thousand pounds", 25e3, "GBP", None),
    ("one hundred and twenty million euros", 120e6, "EUR", None),
    ("nearly two billion Australian dollars", 2e9, "AUD", "below"),
])
def test_spelled_out_amounts(nlp, text, value, cur, approx):
    found = extract_amounts(nlp(text), jurisdiction="United Kingdom")
    assert len(found) == 1
    a = found[0]
    assert (a.value, a.currency, a.approx.value if a.approx else None) == (value, cur, approx)
    assert text[a.start:a.end] == a.text and parse_amount(a.text).value == value


@pytest.mark.parametrize("text", ["He had lost three pounds in weight.", "one of the pounds", "twenty million people"])
def test_spelled_out_numbers_without_scale_or_currency_are_not_amounts(nlp, text):
    assert extract_amounts(nlp(text), jurisdiction="United Kingdom") == ()

"""Find money amounts in a response and parse them to value, currency, qualifier and period.

"almost £1 billion" -> 1e9 GBP, approx below; "between $2m and $3m" -> range
[2e6, 3e6]; "$13.5 million" in an Australian response -> AUD (assumed from the
jurisdiction). Detection is our own pattern (a currency is required, so numbers
that are not money are never amounts; "thirty three million pounds" spelled out
needs a scale word too) plus spaCy MONEY entities that parse;
the vocabulary is ``respassess/data/amount_patterns.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..types import Approx, MoneyAmount
from ._data import fiscal_calendar, load_table

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

__all__ = ["ParsedAmount", "parse_amount", "extract_amounts"]

# thousands grouped by commas, or by spaces as Australian and other government style guides print them ("$600 000")
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?"
_NUMWORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
             "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
             "hundred": 100, "a": 1, "half a": 0.5}
_UNITS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
          "seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SMALL = {w: i + 1 for i, w in enumerate(_UNITS)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
# "thirty three", "thirty-three", "one hundred and twenty": a number spelled out (below a thousand)
_WORDNUM = (rf"(?:(?:a|{'|'.join(_UNITS)})\s+hundred(?:\s+and)?\s+)?"
            rf"(?:(?:{'|'.join(_TENS)})(?:[\s-]+(?:{'|'.join(_UNITS[:9])}))?|{'|'.join(_UNITS)})"
            rf"|(?:a|{'|'.join(_UNITS)})\s+hundred")


#: a C0 control character or U+FFFD standing where a currency sign was lost in PDF extraction
_LOST_SIGN = "[\x01-\x08\x0b\x0c\x0e-\x1f\ufffd]"


@dataclass(frozen=True, slots=True)
class ParsedAmount:
    """A parsed money amount: ``value`` is the single figure (the low end of a range)."""

    value: float
    currency: str | None
    low: float
    high: float
    approx: Approx | None = None
    period: str | None = None
    currency_assumed: bool = False


@lru_cache(maxsize=1)
def _vocab() -> dict:
    data = load_table("amount_patterns")

    def alt(words):
        return "(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True)) + ")"

    prefixes = {k: v for k, v in data["currency_prefixes"].items()}
    symbol_prefixes = [k for k in prefixes if not k.isalpha()]
    code_prefixes = [k for k in prefixes if k.isalpha()]
    scale = alt(data["scales"]) + r"(?![a-z])"
    pre = rf"(?:{alt(symbol_prefixes)}\s?|{alt(code_prefixes)}\s?\$?\s?)"
    suf = alt(k for k in data["currency_suffixes"] if k != "p")
    one = rf"(?:{_NUMBER})(?:\s*{scale})?"
    qual = alt(data["qualifiers"])
    period = alt(data["periods"])
    amount = (
        rf"(?:(?P<qual>{qual})\s+)?"
        rf"(?:(?:between|from)\s+)?"
        rf"(?:(?P<pre>{pre})(?P<n1>{one})(?:\s*(?:-|\u2013|\u2014|to|and)\s*(?:{pre})?(?P<n2>{one}))?(?:\s+(?P<suf1>{suf})(?![a-z]))?"
        rf"|(?P<n3>{one})(?:\s*(?:-|\u2013|\u2014|to|and)\s*(?P<n4>{one}))?\s*(?P<suf2>{suf}|p(?=\s|$))(?![a-z]))"
    )
    # spelled out, the currency is a word after the number: "approximately thirty three million pounds"; a scale
    # word is required, since "two pounds" in a coroner's report may be a weight
    words = (rf"(?:(?P<wqual>{qual})\s+)?(?P<wn>{_WORDNUM})\s+(?P<ws>{scale})\s+(?P<wsuf>{suf})(?![a-z])")
    # PDF text extraction can turn a currency sign into a control character ("\x16485 million" for
    # "£485 million"); only a scale word or grouped thousands make the figure money, not a list number
    lost = (rf"(?:(?P<lqual>{qual})\s+)?{_LOST_SIGN}"
            rf"(?P<ln>\d+(?:\.\d+)?\s*{scale}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?:\s*{scale})?)")
    return {
        "data": data,
        "amount": re.compile(rf"(?<![\w$£€]){amount}", re.I),
        "words": re.compile(rf"(?<![\w-]){words}", re.I),
        "lost": re.compile(lost, re.I),
        "scale": re.compile(rf"(?P<n>{_NUMBER})\s*(?P<s>{scale})?", re.I),
        "period_after": re.compile(
            rf"^\s*(?:(?P<p>{period})(?![a-z])|\(\s*(?P<range>\d{{4}}\s*[-\u2013/]\s*\d{{2,4}})\s*\)"
            rf"|over\s+(?:the\s+(?:next\s+)?)?(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<u>years?|months?)"
            rf"(?:\s+(?:from|starting\s+in|beginning\s+in)\s+(?P<from>\d{{4}}(?:\s*[-\u2013/]\s*\d{{2,4}})?))?"
            rf"|(?:in|for|during)\s+(?:the\s+)?(?P<fy>\d{{4}}\s*[-\u2013/]\s*\d{{2}})(?!\d)"
            rf"|[^.;]{{0,40}}?\b(?P<multi>multi-year|multiyear))", re.I),
    }


def _number(text: str) -> float | None:
    m = _vocab()["scale"].search(text)
    if not m:
        return None
    value = float(re.sub(r"[,\s]", "", m["n"]))
    if m["s"]:
        value *= _vocab()["data"]["scales"][re.sub(r"\s+", " ", m["s"].lower())]
    return value


def _scale_word(text: str) -> str | None:
    m = _vocab()["scale"].search(text)
    return m["s"] if m and m["s"] else None


def _currency(pre: str | None, suf: str | None, jurisdiction: str | None) -> tuple[str | None, bool, float]:
    """Return (ISO code, assumed?, multiplier) from the currency marks around a number."""
    data = _vocab()["data"]
    code: str | None = None
    mult = 1.0
    if pre:
        key = re.sub(r"\s+", "", pre.lower()).rstrip("$") or "$"
        key = key if key in data["currency_prefixes"] else key + "$"
        code = data["currency_prefixes"].get(key, data["currency_prefixes"].get(pre.strip().lower()))
        if code is None and "$" not in pre:
            code = data["currency_prefixes"].get(pre.strip().lower())
    if suf:
        sc = data["currency_suffixes"].get(re.sub(r"\s+", " ", suf.lower()))
        if sc == "GBP-pence":
            return "GBP", False, 0.01
        if sc == "cents":
            code, mult = code, 0.01
        elif sc is not None:
            code = sc
    if code is None:
        return fiscal_calendar(jurisdiction).dollar_currency, True, mult
    return code, False, mult


# an aside between the amount and its period: "$1.2 billion (GST exclusive) over 10 years"
_ASIDE = re.compile(r"\s*\((?P<inner>[^()]{1,40})\)")


def _period(after: str) -> str | None:
    m = _vocab()["period_after"].match(after)
    if not m:
        aside = _ASIDE.match(after)
        # the period may be the aside itself ("$50 million (over four years)") or follow it
        return (_period(aside["inner"]) or _period(after[aside.end():])) if aside else None
    if m["p"]:
        return _vocab()["data"]["periods"][re.sub(r"\s+", " ", m["p"].lower())]
    if m["range"]:
        return re.sub(r"\s+", "", m["range"]).replace("\u2013", "-")
    if m["n"]:
        n = m["n"] if m["n"].isdigit() else str(_NUMWORDS[m["n"].lower()])
        unit = m["u"].lower().rstrip("s")
        text = f"{n} {unit}{'s' if n != '1' else ''}"
        return text + " from " + re.sub(r"\s+", "", m["from"]) if m["from"] else text
    if m["fy"]:
        return re.sub(r"\s+", "", m["fy"]).replace("\u2013", "-")
    if m["multi"]:
        return "multi-year"
    return None


def _parse_match(m: re.Match[str], jurisdiction: str | None, after: str = "") -> ParsedAmount | None:
    if m["n1"]:
        n1, n2, pre, suf = m["n1"], m["n2"], m["pre"], m["suf1"]
    else:
        n1, n2, pre, suf = m["n3"], m["n4"], None, m["suf2"]
    low = _number(n1)
    if low is None:
        return None
    high = low
    if n2:
        high = _number(n2)
        if high is None:
            return None
        # "£10-15 million": the scale written once applies to both ends
        if _scale_word(n1) is None and _scale_word(n2) is not None:
            low = _number(n1 + " " + _scale_word(n2))
        if low > high:
            return None
    code, assumed, mult = _currency(pre, suf, jurisdiction)
    qual = m["qual"]
    approx = Approx(_vocab()["data"]["qualifiers"][re.sub(r"\s+", " ", qual.lower())]) if qual else None
    low, high = low * mult, high * mult
    return ParsedAmount(value=low, currency=code, low=low, high=high, approx=approx, period=_period(after),
                        currency_assumed=assumed)


def _word_number(words: str) -> float:
    """The value of a number spelled out below a thousand ("thirty three", "one hundred and five")."""
    total = 0.0
    for word in re.split(r"[\s-]+", words.lower()):
        if word == "hundred":
            total = (total or 1) * 100
        elif word != "and":
            total += 1 if word == "a" else _SMALL[word]
    return total


def _parse_words(m: re.Match[str], jurisdiction: str | None, after: str = "") -> ParsedAmount | None:
    value = _word_number(m["wn"]) * _vocab()["data"]["scales"][re.sub(r"\s+", " ", m["ws"].lower())]
    code, assumed, mult = _currency(None, m["wsuf"], jurisdiction)
    qual = m["wqual"]
    approx = Approx(_vocab()["data"]["qualifiers"][re.sub(r"\s+", " ", qual.lower())]) if qual else None
    return ParsedAmount(value=value * mult, currency=code, low=value * mult, high=value * mult, approx=approx,
                        period=_period(after), currency_assumed=assumed)


def _parse_lost(m: re.Match[str], jurisdiction: str | None, after: str = "") -> ParsedAmount | None:
    """An amount whose sign was lost: the jurisdiction's own currency is assumed (none when it is unknown)."""
    value = _number(m["ln"])
    if value is None:
        return None
    qual = m["lqual"]
    approx = Approx(_vocab()["data"]["qualifiers"][re.sub(r"\s+", " ", qual.lower())]) if qual else None
    return ParsedAmount(value=value, currency=fiscal_calendar(jurisdiction).home_currency, low=value, high=value,
                        approx=approx, period=_period(after), currency_assumed=True)


def parse_amount(text: str, *, jurisdiction: str | None = None) -> ParsedAmount | None:
    """Parse one money expression ("almost £1 billion", "$2m-$3m per year").

    Args:
        text: the expression; a period phrase may follow the amount ("£5m a year").
        jurisdiction: decides what a bare "$" or "dollars" means (AUD in Australia,
            NZD in New Zealand, USD otherwise); the result then has ``currency_assumed``.

    Returns:
        The parsed amount, or ``None`` when the text holds no money amount (a number
        without a currency is not money). Never raises on any string.

    Example:
        >>> parse_amount("almost £1 billion").value
        1000000000.0
    """
    m = _vocab()["amount"].search(str(text))
    if m is not None:
        return _parse_match(m, jurisdiction, str(text)[m.end():])
    for pattern, parse in (("words", _parse_words), ("lost", _parse_lost)):
        w = _vocab()[pattern].search(str(text))
        if w is not None:
            return parse(w, jurisdiction, str(text)[w.end():])
    return None


def extract_amounts(doc: "Doc", *, jurisdiction: str | None = None) -> tuple[MoneyAmount, ...]:
    """Find and parse every money amount in a response.

    Args:
        doc: the spaCy Doc of the whole response.
        jurisdiction: decides the currency of a bare "$" (see :func:`parse_amount`).

    Returns:
        The amounts sorted by start offset; ``doc.text[a.start:a.end] == a.text``.
        The period ("per year", "over three years") is read from the words that
        follow, which are not part of the span.
    """
    text = doc.text
    found: list[tuple[int, int, ParsedAmount]] = []
    for m in _vocab()["amount"].finditer(text):
        parsed = _parse_match(m, jurisdiction, text[m.end():m.end() + 80])
        if parsed is not None:
            found.append((m.start(), m.end(), parsed))
    for pattern, parse in (("words", _parse_words), ("lost", _parse_lost)):
        for m in _vocab()[pattern].finditer(text):
            parsed = parse(m, jurisdiction, text[m.end():m.end() + 80])
            if parsed is not None and not any(s < m.end() and m.start() < e for s, e, _ in found):
                found.append((m.start(), m.end(), parsed))
    for ent in doc.ents:
        if ent.label_ != "MONEY" or any(s < ent.end_char and ent.start_char < e for s, e, _ in found):
            continue
        parsed = parse_amount(ent.text, jurisdiction=jurisdiction)
        if parsed is not None:
            parsed = ParsedAmount(parsed.value, parsed.currency, parsed.low, parsed.high, parsed.approx,
                                  parsed.period or _period(text[ent.end_char:ent.end_char + 80]), parsed.currency_assumed)
            found.append((ent.start_char, ent.end_char, parsed))
    out = []
    for start, end, p in sorted(found, key=lambda f: (f[0], -f[1])):
        while end > start and text[end - 1] in " \n\t.,;:":
            end -= 1
        if out and start < out[-1].end:
            continue
        out.append(MoneyAmount(text=text[start:end], start=start, end=end, value=p.value, currency=p.currency,
                               approx=p.approx, low=p.low, high=p.high, period=p.period,
                               currency_assumed=p.currency_assumed))
    return tuple(out)

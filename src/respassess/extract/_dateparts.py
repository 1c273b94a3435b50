"""Shared parts of the date normaliser: the result type, the vocabulary and the value builders.

Every builder keeps to the precision it is given; :mod:`.fiscal`, :mod:`.absolute` and
:mod:`.relative` combine them, and :func:`respassess.extract.datenorm.normalise_date`
dispatches between those.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..types import DateGranularity as G
from ._calendar import add_months, iso_day, iso_month, month_end
from ._data import FiscalCalendar, load_table

__all__ = ["NormalisedDate", "YEAR", "RELATIVE_YEAR", "BUDGET_QUALIFIER",
           "vocab", "month_number", "make", "months_interval",
           "years_interval", "day_value", "fiscal_year", "with_note"]

YEAR = r"(?:1[89]\d\d|20\d\d|21\d\d)"
#: who brings a budget down, written before its name: "the 2025-26 Federal Budget", "Commonwealth Budget 2024-25"
BUDGET_QUALIFIER = r"(?:federal|commonwealth)\s+(?=budget\b)"
#: a year named relative to the response date, whole or in part: "the year", "next financial year"
RELATIVE_YEAR = (r"(?P<k>the|this|next|the\s+next|the\s+following|the\s+current)\s+"
                 r"(?P<fy>financial\s+|calendar\s+)?year")


@dataclass(frozen=True, slots=True)
class NormalisedDate:
    """The normalised form of one time expression.

    ``value`` is an ISO (partial) date or a "start/end" interval at the precision
    the text gave, or ``None`` when it cannot be resolved; ``interval_start`` and
    ``interval_end`` bound it in full ISO days. ``recognised`` is False when the
    text is not a time expression at all (a frequency, a bare length of time).
    """

    value: str | None
    granularity: G
    interval_start: str | None = None
    interval_end: str | None = None
    vague: bool = False
    relative: bool = False
    resolved: bool = True
    note: str | None = None
    recognised: bool = True


@lru_cache(maxsize=1)
def vocab() -> dict:
    """The date vocabulary (months, seasons, vague and relative phrases, fiscal events) with compiled alternations."""
    data = load_table("date_patterns")
    months = data["months"]
    month_re = "(?:" + "|".join(sorted(map(re.escape, months), key=len, reverse=True)) + r")\.?"
    events = load_table("fiscal_events")
    names = {n for cal in events["events"].values() for e in cal for n in e["names"]} | set(events["generic"])
    event_re = "(?:" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + ")"
    return {
        "months": months,
        "M": month_re,
        "event_names": event_re,
        "events": events,
        "vague": {p.lower() for p in data["vague_phrases"]},
        "relative": data["relative_phrases"],
        "parts": data["year_parts"],
        # the parts as one alternation, longest first ("the end of" before "end")
        "P": "|".join(sorted(map(re.escape, data["year_parts"]), key=len, reverse=True)),
        "seasons": data["seasons"],
        "sittings": {k: v for k, v in data["sittings"].items() if not k.startswith("_")},
        "ordinals": data["ordinals"],
        "numbers": data["number_words"],
        # a count of units: digits or a number word, longest first ("a couple of" before "a")
        "N": r"(?:\d+(?:\.\d+)?|" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in
                                          sorted(data["number_words"], key=len, reverse=True)) + ")",
        "not_dates": set(data["not_dates"]),
        "unresolved": {p.lower() for p in data["relative_unresolved"]},
    }


def month_number(word: str) -> int:
    """The month number of a month name or abbreviation ("Sept." -> 9)."""
    return vocab()["months"][word.lower().rstrip(".")]


def make(value: str | None, gran: G, start: str | None, end: str | None, **kw) -> NormalisedDate:
    """Build a :class:`NormalisedDate` (keyword options as in the dataclass)."""
    return NormalisedDate(value, gran, start, end, **kw)


def months_interval(y1: int, m1: int, y2: int, m2: int, gran: G, **kw) -> NormalisedDate:
    """The months from (y1, m1) to (y2, m2); one month gives "YYYY-MM", more "YYYY-MM/YYYY-MM"."""
    value = iso_month(y1, m1) if (y1, m1) == (y2, m2) else f"{iso_month(y1, m1)}/{iso_month(y2, m2)}"
    return make(value, gran, iso_day(y1, m1, 1), iso_day(y2, m2, month_end(y2, m2)), **kw)


def years_interval(y1: int, y2: int, gran: G, **kw) -> NormalisedDate:
    """The years y1 to y2; one year gives "YYYY", more "YYYY/YYYY"."""
    value = str(y1) if y1 == y2 else f"{y1}/{y2}"
    return make(value, gran, iso_day(y1, 1, 1), iso_day(y2, 12, 31), **kw)


def day_value(y: int, m: int, d: int, **kw) -> NormalisedDate | None:
    """One calendar day, or ``None`` when it does not exist (31 February)."""
    if not 1 <= m <= 12 or not 1 <= d <= month_end(y, m):
        return None
    iso = iso_day(y, m, d)
    return make(iso, G.DAY, iso, iso, **kw)


def fiscal_year(first: int, cal: FiscalCalendar, note: str | None = None) -> NormalisedDate:
    """The fiscal year starting in calendar year ``first`` under ``cal`` (calendar years when unknown)."""
    if cal.start_month is None or cal.start_month == 1:
        why = "fiscal calendar of the jurisdiction unknown; calendar years given" if cal.start_month is None else None
        return years_interval(first, first + 1 if cal.start_month is None else first, G.FINANCIAL_YEAR, note=note or why)
    y2, m2 = add_months(first, cal.start_month, 11)
    return months_interval(first, cal.start_month, y2, m2, G.FINANCIAL_YEAR, note=note)


def with_note(d: NormalisedDate, note: str) -> NormalisedDate:
    """A copy of ``d`` with its note replaced."""
    return NormalisedDate(d.value, d.granularity, d.interval_start, d.interval_end, d.vague, d.relative,
                          d.resolved, note, d.recognised)

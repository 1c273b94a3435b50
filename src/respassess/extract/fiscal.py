"""Fiscal years and fiscal events: "2022-23", "FY2026", "the 2024 financial year", "Autumn Budget 2024".

The jurisdiction's calendar (``respassess/data/fiscal_calendars.json``) decides where a
fiscal year starts; named events are looked up in ``fiscal_events.json``.
"""

from __future__ import annotations

import re

from ..types import DateGranularity as G
from ._calendar import iso_day
from ._data import FiscalCalendar
from ._dateparts import YEAR as _YEAR
from ._dateparts import (BUDGET_QUALIFIER, NormalisedDate, fiscal_year, make, month_number, months_interval, vocab,
                         years_interval)

__all__ = ["fiscal_event", "fiscal_range", "two_years"]


def two_years(a: str, b: str) -> tuple[int, int] | None:
    """Parse the two ends of "2023-24" / "2023/2024" (a 2-digit end takes the first\'s century); ``None`` if implausible."""
    y1 = int(a)
    if len(b) == 2:
        y2 = (y1 // 100) * 100 + int(b)
        if y2 < y1:
            y2 += 100
    else:
        y2 = int(b)
    return (y1, y2) if y1 <= y2 <= y1 + 60 else None


def fiscal_event(core: str, cal: FiscalCalendar) -> NormalisedDate | None:
    v = vocab()
    core = re.sub(rf"\b{BUDGET_QUALIFIER}", "", core)
    label = rf"(?P<label>{_YEAR}(?:\s*[-/]\s*\d{{2,4}})?)"
    m = re.fullmatch(rf"(?:the\s+)?(?P<month>{v['M']})\s+(?P<year>{_YEAR})\s+(?P<name>{v['event_names']})", core)
    if m:
        # "the October 2022 Budget": the event of that name held in that month, else the month itself
        year, month = int(m.group("year")), month_number(m.group("month"))
        prefix = f"{year:04d}-{month:02d}"
        for entry in v["events"]["events"].get(cal.name, []):
            if entry["date"].startswith(prefix) and any(n.split()[-1] == m.group("name") for n in entry["names"]):
                return make(entry["date"], G.EVENT, entry["date"], entry["date"])
        return months_interval(year, month, year, month, G.MONTH)
    m = (re.fullmatch(rf"(?:the\s+)?(?P<name>{v['event_names']})\s+{label}", core)
         or re.fullmatch(rf"(?:the\s+)?{label}\s+(?P<name>{v['event_names']})", core))
    name = m.group("name") if m else None
    if m is None:
        # "october 2022-23 budget": a financial-year label written inside a two-word name
        m = re.fullmatch(rf"(?:the\s+)?(\w+)\s+(?P<label>{_YEAR}\s*[-/]\s*\d{{2,4}})\s+(\w+)", core)
        name = f"{m.group(1)} {m.group(3)}" if m else None
        if name and not re.fullmatch(v["event_names"], name):
            m = None
    if m:
        lab = re.sub(r"\s*[-/]\s*", "-", m.group("label"))
        for entry in v["events"]["events"].get(cal.name, []):
            if name in entry["names"] and entry["label"] in (lab, lab[:4] if len(lab) == 4 else lab):
                return make(entry["date"], G.EVENT, entry["date"], entry["date"])
        if cal.start_month is None:
            # jurisdiction unknown: a name and label only one jurisdiction's table holds ("Autumn Budget 2024")
            # still places the event
            hits = {entry["date"] for entries in v["events"]["events"].values() for entry in entries
                    if name in entry["names"] and entry["label"] == lab}
            if len(hits) == 1:
                date = hits.pop()
                return make(date, G.EVENT, date, date,
                            note="jurisdiction not given; the only fiscal event of this name and year in the table")
        year = int(lab[:4])
        return make(str(year), G.EVENT, iso_day(year, 1, 1), iso_day(year, 12, 31),
                     note=f"'{name} {lab}' is not in the fiscal events table; only its year is known")
    m = re.fullmatch(rf"(?:the\s+|a\s+)?(?:(?:next|upcoming|forthcoming|coming|following|current|this|last|previous|"
                     rf"future|later|subsequent)\s+)*(?P<name>{v['event_names']})(?:\s*\([a-z]{{3,6}}\))?"
                     rf"(?:\s+(?:cycle|process|period|round))?", core)
    if m:
        return make(None, G.EVENT, None, None, vague=True, relative=True, resolved=False,
                     note="fiscal event named without its year; date not known")
    return None


def fiscal_range(core: str, cal: FiscalCalendar) -> NormalisedDate | None:
    fy = r"(?:financial|fiscal|budget)\s+year|fy"
    m = re.fullmatch(rf"(?:the\s+)?(?P<pre>(?:{fy})\s*)?(?P<a>{_YEAR})\s*(?P<sep>[-/]|to)\s*(?P<b>\d{{4}}|\d{{2}})"
                     rf"(?P<post>\s+(?:{fy}|year))?", core)
    if m:
        years = two_years(m.group("a"), m.group("b"))
        if years is None:
            return None
        y1, y2 = years
        marked = bool(m.group("pre") or m.group("post"))
        short = len(m.group("b")) == 2
        fiscal_style = marked or (short and m.group("sep") != "to") or (m.group("sep") == "to" and cal.to_range_is_fiscal)
        if y2 == y1 + 1 and fiscal_style and cal.start_month not in (None, 1):
            return fiscal_year(y1, cal)
        if y2 == y1 + 1 and marked:
            return fiscal_year(y1, cal)
        return years_interval(y1, y2, G.MULTI_YEAR)
    m = re.fullmatch(rf"(?:the\s+)?(?:{fy})\s*(?P<y>\d{{4}}|\d{{2}})|(?:the\s+)?(?P<y2>{_YEAR})\s+(?:{fy})", core)
    if m:
        if m.group("y2"):
            # "the 2024 financial year": most systems name a fiscal year by the year it ends in
            year = int(m.group("y2"))
        else:
            raw = m.group("y")
            year = int(raw) if len(raw) == 4 else 2000 + int(raw)
        if cal.start_month in (None, 1):
            return years_interval(year, year, G.FINANCIAL_YEAR, note=None if cal.start_month else
                                   "fiscal calendar of the jurisdiction unknown; calendar year given")
        return fiscal_year(year - 1, cal)
    return None

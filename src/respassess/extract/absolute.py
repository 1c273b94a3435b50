"""Absolute dates: days, months, seasons, quarters, parts of years, years and decades with their year."""

from __future__ import annotations

import re

from ..types import DateGranularity as G
from ._calendar import PartialDate, month_end
from ._data import FiscalCalendar
from ._dateparts import YEAR as _YEAR
from ._dateparts import NormalisedDate, day_value, months_interval, month_number, vocab, years_interval

__all__ = ["absolute_date"]


def absolute_date(core: str, cal: FiscalCalendar, resp: PartialDate | None) -> NormalisedDate | None:
    v = vocab()
    M = v["M"]
    day = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
    if m := re.fullmatch(rf"(?:the\s+)?{day}\s+(?:of\s+)?(?P<m>{M}),?\s+(?P<y>{_YEAR})", core):
        return day_value(int(m["y"]), month_number(m["m"]), int(m["d"]))
    if m := re.fullmatch(rf"(?P<m>{M})\s+{day},?\s+(?P<y>{_YEAR})", core):
        return day_value(int(m["y"]), month_number(m["m"]), int(m["d"]))
    if m := re.fullmatch(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})", core):
        return day_value(int(m["y"]), int(m["m"]), int(m["d"]))
    if m := re.fullmatch(r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4})", core):
        a, b = int(m["a"]), int(m["b"])
        d, mo = (b, a) if cal.name == "united_states" else (a, b)
        return day_value(int(m["y"]), mo, d)
    edge = r"(?:the\s+)?(?P<edge>end|close|start|beginning)\s+(?:of\s+)?"
    if m := re.fullmatch(rf"{edge}(?P<m>{M})\s*,?\s*(?P<y>{_YEAR})", core):
        y, mo = int(m["y"]), month_number(m["m"])
        return day_value(y, mo, month_end(y, mo) if m["edge"] in ("end", "close") else 1)
    if m := re.fullmatch(rf"(?:the\s+)?(?P<edge>end|close)\s+of\s+(?P<y>{_YEAR})", core):
        return day_value(int(m["y"]), 12, 31)
    if m := re.fullmatch(rf"(?:(?:early|mid|late|mid-)\s*-?\s*)?(?P<m>{M})\s*,?\s*(?P<y>{_YEAR})", core):
        y, mo = int(m["y"]), month_number(m["m"])
        return months_interval(y, mo, y, mo, G.MONTH)
    between = r"\s*(?:and|to|or|-|/|through|until)\s*"
    if m := re.fullmatch(rf"(?P<m1>{M})\s*(?:,?\s*(?P<y1>{_YEAR}))?{between}(?P<m2>{M})\s*,?\s*(?P<y2>{_YEAR})", core):
        y2 = int(m["y2"])
        y1 = int(m["y1"]) if m["y1"] else y2
        m1, m2 = month_number(m["m1"]), month_number(m["m2"])
        if not m["y1"] and m1 > m2:
            y1 -= 1
        return months_interval(y1, m1, y2, m2, G.MONTH) if (y1, m1) <= (y2, m2) else None
    if m := re.fullmatch(rf"(?:(?P<part>early|mid|late)\s*-?\s*)?(?:the\s+)?(?P<s>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<y>{_YEAR})", core):
        lo, hi = v["seasons"][cal.hemisphere][m["s"]]
        y = int(m["y"])
        y2 = y + 1 if hi < lo else y
        return months_interval(y, lo, y2, hi, G.SEASON)
    if m := re.fullmatch(rf"q(?P<q>[1-4])\s*(?:of\s+)?(?P<y>{_YEAR})|(?:the\s+)?(?P<o>first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+quarter\s+of\s+(?:the\s+)?(?P<y2>{_YEAR})", core):
        q = int(m["q"]) if m["q"] else v["ordinals"][m["o"]]
        y = int(m["y"] or m["y2"])
        return months_interval(y, 3 * q - 2, y, 3 * q, G.QUARTER)
    if m := re.fullmatch(rf"(?P<p>{v['P']})\s*-?\s*(?P<y>{_YEAR})", core):
        lo, hi = v["parts"][m["p"]]
        y = int(m["y"])
        if m["p"] in ("the end of", "the close of"):
            return day_value(y, 12, 31)
        return months_interval(y, lo, y, hi, G.MONTH if lo == hi else G.YEAR if (lo, hi) == (1, 12) else G.MONTH)
    if m := re.fullmatch(rf"(?P<y>{_YEAR})", core):
        return years_interval(int(m["y"]), int(m["y"]), G.YEAR)
    if m := re.fullmatch(rf"(?:both\s+)?(?P<a>{_YEAR})\s*(?:and|&|or)\s*(?P<b>{_YEAR})", core):
        a, b = int(m["a"]), int(m["b"])
        return years_interval(min(a, b), max(a, b), G.MULTI_YEAR) if abs(a - b) <= 60 else None
    if m := re.fullmatch(r"(?:the\s+)?(?P<y>1[89]\d0|20\d0)['’]?s", core):
        return years_interval(int(m["y"]), int(m["y"]) + 9, G.MULTI_YEAR)
    return None

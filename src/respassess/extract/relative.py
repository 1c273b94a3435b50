"""Relative dates resolved against the response date: "later this year", "next April", "within 12 months".

Without a response date (or with one too coarse) the value stays ``None`` and the
note says why; nothing finer than the text and the response date give is invented.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..types import DateGranularity as G
from ._calendar import PartialDate, add_months, iso_day, month_end
from ._data import FiscalCalendar
from ._dateparts import (RELATIVE_YEAR, YEAR, NormalisedDate, day_value, fiscal_year, make, month_number,
                         months_interval, vocab, with_note)

__all__ = ["relative_date"]

_UNIT = r"(?:days?|weeks?|months?|years?|decades?|quarters?)"
_SEASON_LEADS = ("in", "over", "during", "through", "throughout", "by")
_NEXT_SITTING = (r"(?:next|current|coming|following|upcoming|forthcoming)\s+(?:parliamentary\s+)?sittings?"
                 r"(?:\s+(?:period|fortnight|week|block))?")


def relative_date(core: str, lead: str, cal: FiscalCalendar, resp: PartialDate | None) -> NormalisedDate | None:
    v = vocab()
    rel = v["relative"].get(core)
    if rel is not None:
        unit, k, mode = rel
        vague = mode in ("rest", "before")
        return _resolve(unit, k, mode, cal, resp, vague=vague)
    M = v["M"]
    part = r"early|mid|late|mid-|(?:the )?end of|end|the start of|the beginning of"
    if m := re.fullmatch(rf"(?:(?P<part>{part})\s*-?\s*)?(?P<m>{M})", core):
        mo = month_number(m["m"])
        if resp is None:
            return make(None, G.MONTH, None, None, relative=True, resolved=False,
                         note="month named without a year and no response date to place it")
        year = resp.year if resp.month is None or mo >= resp.month else resp.year + 1
        if m["part"] in ("the end of", "end of", "end"):  # "by the end of March": its last day
            return with_note(day_value(year, mo, month_end(year, mo)),
                             "year taken as the first such month on or after the response date")
        out = months_interval(year, mo, year, mo, G.MONTH, relative=True)
        return with_note(out, "year taken as the first such month on or after the response date")
    if m := re.fullmatch(rf"(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{M})", core):
        return _yearless_day(int(m["d"]), month_number(m["m"]), resp)
    if (out := _sittings(core, resp)) is not None:
        return out
    if (out := _part_of_year(core, cal, resp)) is not None:
        return out
    # "in the Spring" (not "the spring broke", which only a tagger's DATE reading offers)
    if (m := re.fullmatch(r"the\s+(?P<s>spring|summer|autumn|fall|winter)", core)) and lead in _SEASON_LEADS:
        if resp is None or resp.month is None:
            return make(None, G.SEASON, None, None, relative=True, resolved=False,
                        note="no response date to resolve against")
        lo, hi = v["seasons"][cal.hemisphere][m["s"]]
        return _nearest_season(lo, hi, resp, coming=False)
    if m := re.fullmatch(r"(?:(?P<which>this|next|last|the coming)\s+)(?P<s>spring|summer|autumn|fall|winter)", core):
        if resp is None:
            return make(None, G.SEASON, None, None, relative=True, resolved=False, note="no response date to resolve against")
        lo, hi = v["seasons"][cal.hemisphere][m["s"]]
        if m["which"] in ("this", "the coming") and resp.month is not None:
            return _nearest_season(lo, hi, resp, coming=m["which"] == "the coming")
        y = resp.year + {"this": 0, "next": 1, "last": -1, "the coming": 0}[m["which"]]
        return months_interval(y, lo, y + 1 if hi < lo else y, hi, G.SEASON, relative=True)
    if m := re.fullmatch(r"(?:the\s+)?(?P<o>first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+quarter(?:\s+of\s+(?:the|this)\s+(?P<u>year|financial year))?|q(?P<q>[1-4])", core):
        q = int(m["q"]) if m["q"] else v["ordinals"][m["o"]]
        if resp is None:
            return make(None, G.QUARTER, None, None, relative=True, resolved=False, note="no response date to resolve against")
        if m["u"] == "financial year" and cal.start_month not in (None, 1):
            fy_start = resp.year if (resp.month or 12) >= cal.start_month else resp.year - 1
            y1, m1 = add_months(fy_start, cal.start_month, 3 * (q - 1))
            y2, m2 = add_months(y1, m1, 2)
            return months_interval(y1, m1, y2, m2, G.QUARTER, relative=True)
        return months_interval(resp.year, 3 * q - 2, resp.year, 3 * q, G.QUARTER, relative=True)
    num = v["N"]
    if ago := re.fullmatch(rf"(?P<n>{num})\s*-?\s*(?P<u>{_UNIT})\s+ago", core):
        count = v["numbers"].get(ago["n"]) if not ago["n"][0].isdigit() else float(ago["n"])
        return _ago(count, ago["u"].rstrip("s"), resp)
    dur = re.fullmatch(rf"(?:the\s+)?(?:(?P<dir>next|coming|following|last|past|previous)\s+)?(?P<n>{num})\s*-?\s*"
                       rf"(?P<u>{_UNIT})", core)
    if dur:
        n = v["numbers"].get(dur["n"], None) if not dur["n"][0].isdigit() else float(dur["n"])
        back = dur["dir"] in ("last", "past", "previous")
        if not (lead in ("within", "in", "over", "for", "during", "throughout") or dur["dir"]):
            return make(None, G.DURATION, None, None, resolved=False, recognised=False,
                         note="a length of time that places nothing in time")
        if n is None:
            return make(None, G.DURATION, None, None, vague=True, relative=True, resolved=False,
                         note="an unspecified number of units")
        unit = dur["u"].rstrip("s")
        return _resolve_duration(int(n) if float(n).is_integer() else n, unit, back, resp)
    return None


def _part_of_year(core: str, cal: FiscalCalendar, resp: PartialDate | None) -> NormalisedDate | None:
    """A part of a year named relative to the response: "the second half of the year", "early next financial year"."""
    v = vocab()
    m = re.fullmatch(rf"(?P<p>{v['P']})\s*-?\s*{RELATIVE_YEAR}", core)
    if not m:
        return None
    fiscal = (m["fy"] or "").strip() == "financial"
    if resp is None or resp.month is None or (fiscal and cal.start_month is None):
        why = "fiscal calendar of the jurisdiction unknown" if resp is not None and resp.month is not None \
            else "no response date to resolve against"
        return make(None, G.MONTH, None, None, relative=True, resolved=False, note=why)
    lo, hi = v["parts"][m["p"]]
    ahead = 1 if m["k"] in ("next", "the next", "the following") else 0
    if not fiscal:
        y = resp.year + ahead
        return months_interval(y, lo, y, hi, G.MONTH, relative=True)
    # months counted from the start of the financial year: the first half of a July-June year is July-December
    start = (resp.year if resp.month >= cal.start_month else resp.year - 1) + ahead
    y1, m1 = add_months(start, cal.start_month, lo - 1)
    y2, m2 = add_months(start, cal.start_month, hi - 1)
    return months_interval(y1, m1, y2, m2, G.MONTH, relative=True)


def _sittings(core: str, resp: PartialDate | None) -> NormalisedDate | None:
    """A parliamentary sitting period: "the 2025 Spring sittings", "the Autumn sittings", "the next sitting period"."""
    if re.fullmatch(rf"(?:the\s+)?{_NEXT_SITTING}", core):
        return make(None, G.VAGUE, None, None, vague=True, relative=True, resolved=False,
                    note="the next sitting of Parliament; the sitting calendar is not known")
    m = re.fullmatch(rf"(?:the\s+)?(?:(?P<y1>{YEAR})\s+)?(?P<s>autumn|winter|budget|spring)\s+(?:(?P<y2>{YEAR})\s+)?"
                     rf"(?:parliamentary\s+)?sittings?(?:\s+(?:period|fortnight))?"
                     rf"(?:\s+(?:of\s+|in\s+)?(?P<y3>{YEAR}))?", core)
    if not m:
        return None
    lo, hi = vocab()["sittings"][m["s"]]
    year = m["y1"] or m["y2"] or m["y3"]
    if year:
        return months_interval(int(year), lo, int(year), hi, G.SEASON)
    if resp is None:
        return make(None, G.SEASON, None, None, relative=True, resolved=False,
                    note="no response date to resolve against")
    # the first such sitting period not already over when the response was written
    y = resp.year if (resp.month or 1) <= hi else resp.year + 1
    return with_note(months_interval(y, lo, y, hi, G.SEASON, relative=True),
                     "year taken as the first such sitting period not over at the response date")


def _nearest_season(lo: int, hi: int, resp: PartialDate, *, coming: bool) -> NormalisedDate:
    """"This spring" said in November means the coming spring, "this winter" the one under way.

    The season in progress wins; otherwise the nearest one (ties go forward, since replies
    mostly promise), and "the coming" one never lies wholly in the past.
    """
    now = resp.year * 12 + resp.month
    best = None
    for y in (resp.year - 1, resp.year, resp.year + 1):
        first = y * 12 + lo
        last = (y + 1 if hi < lo else y) * 12 + hi
        if coming and last < now:
            continue
        gap = max(0, first - now, now - last)
        key = (gap, first < now)
        if best is None or key < best[0]:
            best = (key, y)
    y = best[1]
    out = months_interval(y, lo, y + 1 if hi < lo else y, hi, G.SEASON, relative=True)
    return with_note(out, "the season in progress at, or nearest to, the response date")


def _resolve(unit: str, k: int, mode: str, cal: FiscalCalendar, resp: PartialDate | None, *, vague: bool) -> NormalisedDate:
    gran = G.VAGUE if vague else G.RELATIVE
    need = {"year": resp is not None, "month": resp is not None and resp.month is not None,
            "quarter": resp is not None and resp.month is not None,
            "fy": resp is not None and resp.month is not None and cal.start_month is not None,
            "day": resp is not None and resp.day is not None}[unit]
    if not need:
        why = "no response date to resolve against" if resp is None else (
            "fiscal calendar of the jurisdiction unknown" if unit == "fy" and cal.start_month is None
            else "response date too coarse to resolve against")
        return make(None, gran, None, None, vague=vague, relative=True, resolved=False, note=why)
    assert resp is not None
    kw = {"vague": vague, "relative": True}
    if unit == "day":
        d = date(resp.year, resp.month or 1, resp.day or 1) + timedelta(days=k)
        return make(d.isoformat(), G.RELATIVE, d.isoformat(), d.isoformat(), **kw)
    if unit == "year" and mode in ("ahead", "behind"):
        a, b = (resp, PartialDate(resp.year + k, resp.month, resp.day)) if k > 0 else (PartialDate(resp.year + k, resp.month, resp.day), resp)
        return make(f"{a.iso()}/{b.iso()}", gran, a.first_day(), b.last_day(), **kw)
    if unit == "year":
        y = resp.year + k
        if mode == "end":
            return make(iso_day(y, 12, 31), G.RELATIVE, iso_day(y, 12, 31), iso_day(y, 12, 31), **kw)
        start = resp.first_day() if mode == "rest" else iso_day(y, 1, 1)
        end = resp.last_day() if mode == "before" else iso_day(y, 12, 31)
        return make(str(y), gran, start, end, **kw)
    assert resp.month is not None
    if unit == "month" and mode == "ahead":
        y2, m2 = add_months(resp.year, resp.month, k)
        return make(f"{resp.iso()}/{PartialDate(y2, m2, resp.day).iso()}", gran, resp.first_day(),
                     PartialDate(y2, m2, min(resp.day, month_end(y2, m2)) if resp.day else None).last_day(), **kw)
    if unit == "month":
        y, mo = add_months(resp.year, resp.month, k)
        if mode == "end":
            return day_value(y, mo, month_end(y, mo), **kw) or make(None, gran, None, None)
        out = months_interval(y, mo, y, mo, gran, **kw)
        return out
    if unit == "quarter":
        q0 = (resp.month - 1) // 3
        y, mo = add_months(resp.year, 3 * q0 + 1, 3 * k)
        return months_interval(y, mo, y, mo + 2, gran, **kw)
    # financial year
    fy_start = resp.year if resp.month >= cal.start_month else resp.year - 1
    out = fiscal_year(fy_start + k, cal)
    if mode == "end":
        return day_value(*map(int, out.interval_end.split("-")), **kw) or out
    return NormalisedDate(out.value, out.granularity, out.interval_start, out.interval_end, vague, True, True, out.note)


def _ago(n: float | None, unit: str, resp: PartialDate | None) -> NormalisedDate:
    """"Two weeks ago", "three months ago": counted back from the response date, to the precision it allows."""
    months = {"year": 12, "decade": 120, "quarter": 3, "month": 1}.get(unit)
    if n is not None and float(n).is_integer() and resp is not None:
        if months is not None and resp.month is not None:
            y, m = add_months(resp.year, resp.month, -int(n) * months)
            return make(f"{y:04d}-{m:02d}", G.MONTH, iso_day(y, m, 1), iso_day(y, m, month_end(y, m)), relative=True,
                        note="counted back from the response date")
        if months is None and resp.day is not None:
            d = date(resp.year, resp.month, resp.day) - timedelta(days=int(n) * (7 if unit == "week" else 1))
            return make(d.isoformat(), G.DAY, d.isoformat(), d.isoformat(), relative=True,
                        note="counted back from the response date")
    if n is None:  # "a few weeks ago"
        return make(None, G.VAGUE, None, None, vague=True, relative=True, resolved=False,
                    note="an unspecified number of units")
    return make(None, G.RELATIVE, None, None, relative=True, resolved=False,
                note="counted back from a response date too coarse, or missing, to place it")


def _resolve_duration(n: float, unit: str, back: bool, resp: PartialDate | None) -> NormalisedDate:
    if resp is None:
        return make(None, G.DURATION, None, None, relative=True, resolved=False, note="no response date to resolve against")
    months = {"year": 12, "decade": 120, "quarter": 3, "month": 1}.get(unit)
    if months is None or not float(n * months).is_integer():
        days = n * (7 if unit == "week" else 1) if months is None else n * months * 30
        base = date(resp.year, resp.month or 1, resp.day or 1)
        other = base + timedelta(days=-days if back else days)
        a, b = sorted([base, other])
        return make(f"{a.isoformat()}/{b.isoformat()}", G.DURATION, a.isoformat(), b.isoformat(), relative=True,
                     note="computed from the response date" + ("" if resp.day else " (first of its month)"))
    shift = int(n * months) * (-1 if back else 1)
    if resp.month is None:
        other = PartialDate(resp.year + shift // 12)
    else:
        y, m = add_months(resp.year, resp.month, shift)
        other = PartialDate(y, m, min(resp.day, month_end(y, m)) if resp.day else None)
    a, b = (other, resp) if back else (resp, other)
    return make(f"{a.iso()}/{b.iso()}", G.DURATION, a.first_day(), b.last_day(), relative=True)


def _yearless_day(d: int, mo: int, resp: PartialDate | None) -> NormalisedDate | None:
    """"5 November" with no year: the such day nearest the response date (a letter cites recent dates)."""
    if not 1 <= d <= 31:
        return None
    if resp is None or resp.month is None:
        return make(None, G.DAY, None, None, relative=True, resolved=False,
                    note="day named without a year and no response date (to the month) to place it")
    here = resp.year * 12 + resp.month - 1
    year = min((resp.year - 1, resp.year, resp.year + 1), key=lambda y: abs(y * 12 + mo - 1 - here))
    out = day_value(year, mo, d, relative=True)
    return with_note(out, "year taken as the one putting this day nearest the response date") if out else None

"""Normalise one time expression to the gold value format (ANNOTATION.md §4).

``normalise_date("Autumn Budget 2024")`` -> value "2024-10-30", granularity event;
``normalise_date("2022-23", jurisdiction="Australia")`` -> "2022-07/2023-06";
``normalise_date("later this year")`` -> vague, relative, unresolved without a
response date. The grammar is here; the vocabulary (months, seasons, fiscal
calendars and events, vague phrases) is in ``respassess/data/*.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..types import DateGranularity as G
from ._calendar import PartialDate, add_months, iso_day, iso_month, month_end, parse_partial
from ._data import FiscalCalendar, fiscal_calendar, load_table

__all__ = ["NormalisedDate", "normalise_date"]

_LEAD = (r"(?:no later than|not later than|ahead of|prior to|as of|as at|in time for|starting|starting in|"
         r"beginning in|commencing|effective|by|within|before|until|till|from|since|in|on|at|during|"
         r"throughout|through|over|for|after|across|between|of)")
_TRAIL = r"(?:\s+(?:onwards?|and beyond|or earlier|at the latest|or later|or sooner|and onwards?))$"
_NUM = r"(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|twenty-four|thirty|few|several|couple of)"
_UNIT = r"(?:days?|weeks?|months?|years?|decades?|quarters?)"
_YEAR = r"(?:1[89]\d\d|20\d\d|21\d\d)"


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
def _vocab() -> dict:
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
        "seasons": data["seasons"],
        "ordinals": data["ordinals"],
        "numbers": data["number_words"],
        "not_dates": set(data["not_dates"]),
    }


def _month(word: str) -> int:
    return _vocab()["months"][word.lower().rstrip(".")]


def _span(value: str | None, gran: G, start: str | None, end: str | None, **kw) -> NormalisedDate:
    return NormalisedDate(value, gran, start, end, **kw)


def _months_interval(y1: int, m1: int, y2: int, m2: int, gran: G, **kw) -> NormalisedDate:
    value = iso_month(y1, m1) if (y1, m1) == (y2, m2) else f"{iso_month(y1, m1)}/{iso_month(y2, m2)}"
    return _span(value, gran, iso_day(y1, m1, 1), iso_day(y2, m2, month_end(y2, m2)), **kw)


def _years_interval(y1: int, y2: int, gran: G, **kw) -> NormalisedDate:
    value = str(y1) if y1 == y2 else f"{y1}/{y2}"
    return _span(value, gran, iso_day(y1, 1, 1), iso_day(y2, 12, 31), **kw)


def _day(y: int, m: int, d: int, **kw) -> NormalisedDate | None:
    if not 1 <= m <= 12 or not 1 <= d <= month_end(y, m):
        return None
    iso = iso_day(y, m, d)
    return _span(iso, G.DAY, iso, iso, **kw)


def _fiscal_year(first: int, cal: FiscalCalendar, note: str | None = None) -> NormalisedDate:
    if cal.start_month is None or cal.start_month == 1:
        why = "fiscal calendar of the jurisdiction unknown; calendar years given" if cal.start_month is None else None
        return _years_interval(first, first + 1 if cal.start_month is None else first, G.FINANCIAL_YEAR, note=note or why)
    y2, m2 = add_months(first, cal.start_month, 11)
    return _months_interval(first, cal.start_month, y2, m2, G.FINANCIAL_YEAR, note=note)


def _two_years(a: str, b: str) -> tuple[int, int] | None:
    y1 = int(a)
    if len(b) == 2:
        y2 = (y1 // 100) * 100 + int(b)
        if y2 < y1:
            y2 += 100
    else:
        y2 = int(b)
    return (y1, y2) if y1 <= y2 <= y1 + 60 else None


def _event(core: str, cal: FiscalCalendar) -> NormalisedDate | None:
    v = _vocab()
    label = rf"(?P<label>{_YEAR}(?:\s*[-/]\s*\d{{2,4}})?)"
    m = (re.fullmatch(rf"(?:the\s+)?(?P<name>{v['event_names']})\s+{label}", core)
         or re.fullmatch(rf"(?:the\s+)?{label}\s+(?P<name>{v['event_names']})", core))
    if m:
        name = m.group("name")
        lab = re.sub(r"\s*[-/]\s*", "-", m.group("label"))
        for entry in v["events"]["events"].get(cal.name, []):
            if name in entry["names"] and entry["label"] in (lab, lab[:4] if len(lab) == 4 else lab):
                return _span(entry["date"], G.EVENT, entry["date"], entry["date"])
        year = int(lab[:4])
        return _span(str(year), G.EVENT, iso_day(year, 1, 1), iso_day(year, 12, 31),
                     note=f"'{name} {lab}' is not in the fiscal events table; only its year is known")
    m = re.fullmatch(rf"(?:the\s+|a\s+)?(?:(?:next|upcoming|forthcoming|coming|following|current|this|last|previous|"
                     rf"future|later|subsequent)\s+)*(?P<name>{v['event_names']})(?:\s+(?:cycle|process|period|round))?", core)
    if m:
        return _span(None, G.EVENT, None, None, vague=True, relative=True, resolved=False,
                     note="fiscal event named without its year; date not known")
    return None


def _fiscal_or_range(core: str, cal: FiscalCalendar) -> NormalisedDate | None:
    fy = r"(?:financial|fiscal|budget)\s+year|fy"
    m = re.fullmatch(rf"(?:the\s+)?(?P<pre>(?:{fy})\s*)?(?P<a>{_YEAR})\s*(?P<sep>[-/]|to)\s*(?P<b>\d{{4}}|\d{{2}})"
                     rf"(?P<post>\s+(?:{fy}))?", core)
    if m:
        years = _two_years(m.group("a"), m.group("b"))
        if years is None:
            return None
        y1, y2 = years
        marked = bool(m.group("pre") or m.group("post"))
        short = len(m.group("b")) == 2
        fiscal_style = marked or (short and m.group("sep") != "to") or (m.group("sep") == "to" and cal.to_range_is_fiscal)
        if y2 == y1 + 1 and fiscal_style and cal.start_month not in (None, 1):
            return _fiscal_year(y1, cal)
        if y2 == y1 + 1 and marked:
            return _fiscal_year(y1, cal)
        return _years_interval(y1, y2, G.MULTI_YEAR)
    m = re.fullmatch(rf"(?:the\s+)?(?:{fy})\s*(?P<y>\d{{4}}|\d{{2}})|(?:the\s+)?(?P<y2>{_YEAR})\s+(?:{fy})", core)
    if m:
        if m.group("y2"):
            # "the 2024 financial year": most systems name a fiscal year by the year it ends in
            year = int(m.group("y2"))
        else:
            raw = m.group("y")
            year = int(raw) if len(raw) == 4 else 2000 + int(raw)
        if cal.start_month in (None, 1):
            return _years_interval(year, year, G.FINANCIAL_YEAR, note=None if cal.start_month else
                                   "fiscal calendar of the jurisdiction unknown; calendar year given")
        return _fiscal_year(year - 1, cal)
    return None


def _absolute(core: str, cal: FiscalCalendar, resp: PartialDate | None) -> NormalisedDate | None:
    v = _vocab()
    M = v["M"]
    day = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
    if m := re.fullmatch(rf"(?:the\s+)?{day}\s+(?:of\s+)?(?P<m>{M}),?\s+(?P<y>{_YEAR})", core):
        return _day(int(m["y"]), _month(m["m"]), int(m["d"]))
    if m := re.fullmatch(rf"(?P<m>{M})\s+{day},?\s+(?P<y>{_YEAR})", core):
        return _day(int(m["y"]), _month(m["m"]), int(m["d"]))
    if m := re.fullmatch(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})", core):
        return _day(int(m["y"]), int(m["m"]), int(m["d"]))
    if m := re.fullmatch(r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4})", core):
        a, b = int(m["a"]), int(m["b"])
        d, mo = (b, a) if cal.name == "united_states" else (a, b)
        return _day(int(m["y"]), mo, d)
    if m := re.fullmatch(rf"(?:the\s+)?(?P<edge>end|close|start|beginning)\s+of\s+(?P<m>{M})\s*,?\s*(?P<y>{_YEAR})", core):
        y, mo = int(m["y"]), _month(m["m"])
        return _day(y, mo, month_end(y, mo) if m["edge"] in ("end", "close") else 1)
    if m := re.fullmatch(rf"(?:the\s+)?(?P<edge>end|close)\s+of\s+(?P<y>{_YEAR})", core):
        return _day(int(m["y"]), 12, 31)
    if m := re.fullmatch(rf"(?:(?:early|mid|late|mid-)\s*-?\s*)?(?P<m>{M})\s*,?\s*(?P<y>{_YEAR})", core):
        y, mo = int(m["y"]), _month(m["m"])
        return _months_interval(y, mo, y, mo, G.MONTH)
    if m := re.fullmatch(rf"(?P<m1>{M})\s*(?:,?\s*(?P<y1>{_YEAR}))?\s*(?:and|to|-|through|until)\s*(?P<m2>{M})\s*,?\s*(?P<y2>{_YEAR})", core):
        y2 = int(m["y2"])
        y1 = int(m["y1"]) if m["y1"] else y2
        m1, m2 = _month(m["m1"]), _month(m["m2"])
        if not m["y1"] and m1 > m2:
            y1 -= 1
        return _months_interval(y1, m1, y2, m2, G.MONTH) if (y1, m1) <= (y2, m2) else None
    if m := re.fullmatch(rf"(?:(?P<part>early|mid|late)\s*-?\s*)?(?:the\s+)?(?P<s>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<y>{_YEAR})", core):
        lo, hi = v["seasons"][cal.hemisphere][m["s"]]
        y = int(m["y"])
        y2 = y + 1 if hi < lo else y
        return _months_interval(y, lo, y2, hi, G.SEASON)
    if m := re.fullmatch(rf"q(?P<q>[1-4])\s*(?:of\s+)?(?P<y>{_YEAR})|(?:the\s+)?(?P<o>first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+quarter\s+of\s+(?:the\s+)?(?P<y2>{_YEAR})", core):
        q = int(m["q"]) if m["q"] else v["ordinals"][m["o"]]
        y = int(m["y"] or m["y2"])
        return _months_interval(y, 3 * q - 2, y, 3 * q, G.QUARTER)
    parts = "|".join(sorted(map(re.escape, v["parts"]), key=len, reverse=True))
    if m := re.fullmatch(rf"(?P<p>{parts})\s*-?\s*(?P<y>{_YEAR})", core):
        lo, hi = v["parts"][m["p"]]
        y = int(m["y"])
        if m["p"] in ("the end of", "the close of"):
            return _day(y, 12, 31)
        return _months_interval(y, lo, y, hi, G.MONTH if lo == hi else G.YEAR if (lo, hi) == (1, 12) else G.MONTH)
    if m := re.fullmatch(rf"(?P<y>{_YEAR})", core):
        return _years_interval(int(m["y"]), int(m["y"]), G.YEAR)
    if m := re.fullmatch(rf"(?:both\s+)?(?P<a>{_YEAR})\s*(?:and|&|or)\s*(?P<b>{_YEAR})", core):
        a, b = int(m["a"]), int(m["b"])
        return _years_interval(min(a, b), max(a, b), G.MULTI_YEAR) if abs(a - b) <= 60 else None
    if m := re.fullmatch(r"(?:the\s+)?(?P<y>1[89]\d0|20\d0)['’]?s", core):
        return _years_interval(int(m["y"]), int(m["y"]) + 9, G.MULTI_YEAR)
    return None


def _relative(core: str, lead: str, cal: FiscalCalendar, resp: PartialDate | None) -> NormalisedDate | None:
    v = _vocab()
    rel = v["relative"].get(core)
    if rel is not None:
        unit, k, mode = rel
        vague = mode in ("rest", "before")
        return _resolve(unit, k, mode, cal, resp, vague=vague)
    M = v["M"]
    if m := re.fullmatch(rf"(?:(?P<part>early|mid|late|mid-|the end of|the start of|the beginning of)\s*-?\s*)?(?P<m>{M})", core):
        mo = _month(m["m"])
        if resp is None:
            return _span(None, G.MONTH, None, None, relative=True, resolved=False,
                         note="month named without a year and no response date to place it")
        year = resp.year if resp.month is None or mo >= resp.month else resp.year + 1
        out = _months_interval(year, mo, year, mo, G.MONTH, relative=True)
        return _with_note(out, "year taken as the first such month on or after the response date")
    if m := re.fullmatch(rf"(?:(?P<which>this|next|last|the coming)\s+)(?P<s>spring|summer|autumn|fall|winter)", core):
        if resp is None:
            return _span(None, G.SEASON, None, None, relative=True, resolved=False, note="no response date to resolve against")
        lo, hi = v["seasons"][cal.hemisphere][m["s"]]
        y = resp.year + {"this": 0, "next": 1, "last": -1, "the coming": 0}[m["which"]]
        return _months_interval(y, lo, y + 1 if hi < lo else y, hi, G.SEASON, relative=True)
    if m := re.fullmatch(rf"(?:the\s+)?(?P<o>first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+quarter(?:\s+of\s+(?:the|this)\s+(?P<u>year|financial year))?|q(?P<q>[1-4])", core):
        q = int(m["q"]) if m["q"] else v["ordinals"][m["o"]]
        if resp is None:
            return _span(None, G.QUARTER, None, None, relative=True, resolved=False, note="no response date to resolve against")
        if m["u"] == "financial year" and cal.start_month not in (None, 1):
            fy_start = resp.year if (resp.month or 12) >= cal.start_month else resp.year - 1
            y1, m1 = add_months(fy_start, cal.start_month, 3 * (q - 1))
            y2, m2 = add_months(y1, m1, 2)
            return _months_interval(y1, m1, y2, m2, G.QUARTER, relative=True)
        return _months_interval(resp.year, 3 * q - 2, resp.year, 3 * q, G.QUARTER, relative=True)
    dur = re.fullmatch(rf"(?:the\s+)?(?:(?P<dir>next|coming|following|last|past|previous)\s+)?(?P<n>{_NUM})\s*-?\s*(?P<u>{_UNIT})", core)
    if dur:
        n = v["numbers"].get(dur["n"], None) if not dur["n"][0].isdigit() else float(dur["n"])
        back = dur["dir"] in ("last", "past", "previous")
        if not (lead in ("within", "in", "over", "for", "during", "throughout") or dur["dir"]):
            return _span(None, G.DURATION, None, None, resolved=False, recognised=False,
                         note="a length of time that places nothing in time")
        if n is None:
            return _span(None, G.DURATION, None, None, vague=True, relative=True, resolved=False,
                         note="an unspecified number of units")
        unit = dur["u"].rstrip("s")
        return _resolve_duration(int(n) if float(n).is_integer() else n, unit, back, resp)
    return None


def _with_note(d: NormalisedDate, note: str) -> NormalisedDate:
    return NormalisedDate(d.value, d.granularity, d.interval_start, d.interval_end, d.vague, d.relative,
                          d.resolved, note, d.recognised)


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
        return _span(None, gran, None, None, vague=vague, relative=True, resolved=False, note=why)
    assert resp is not None
    kw = {"vague": vague, "relative": True}
    if unit == "day":
        from datetime import date, timedelta
        d = date(resp.year, resp.month or 1, resp.day or 1) + timedelta(days=k)
        return _span(d.isoformat(), G.RELATIVE, d.isoformat(), d.isoformat(), **kw)
    if unit == "year" and mode in ("ahead", "behind"):
        a, b = (resp, PartialDate(resp.year + k, resp.month, resp.day)) if k > 0 else (PartialDate(resp.year + k, resp.month, resp.day), resp)
        return _span(f"{a.iso()}/{b.iso()}", gran, a.first_day(), b.last_day(), **kw)
    if unit == "year":
        y = resp.year + k
        if mode == "end":
            return _span(iso_day(y, 12, 31), G.RELATIVE, iso_day(y, 12, 31), iso_day(y, 12, 31), **kw)
        start = resp.first_day() if mode == "rest" else iso_day(y, 1, 1)
        end = resp.last_day() if mode == "before" else iso_day(y, 12, 31)
        return _span(str(y), gran, start, end, **kw)
    assert resp.month is not None
    if unit == "month" and mode == "ahead":
        y2, m2 = add_months(resp.year, resp.month, k)
        return _span(f"{resp.iso()}/{PartialDate(y2, m2, resp.day).iso()}", gran, resp.first_day(),
                     PartialDate(y2, m2, min(resp.day, month_end(y2, m2)) if resp.day else None).last_day(), **kw)
    if unit == "month":
        y, mo = add_months(resp.year, resp.month, k)
        if mode == "end":
            return _day(y, mo, month_end(y, mo), **kw) or _span(None, gran, None, None)
        out = _months_interval(y, mo, y, mo, gran, **kw)
        return out
    if unit == "quarter":
        q0 = (resp.month - 1) // 3
        y, mo = add_months(resp.year, 3 * q0 + 1, 3 * k)
        return _months_interval(y, mo, y, mo + 2, gran, **kw)
    # financial year
    fy_start = resp.year if resp.month >= cal.start_month else resp.year - 1
    out = _fiscal_year(fy_start + k, cal)
    if mode == "end":
        return _day(*map(int, out.interval_end.split("-")), **kw) or out
    return NormalisedDate(out.value, out.granularity, out.interval_start, out.interval_end, vague, True, True, out.note)


def _resolve_duration(n: float, unit: str, back: bool, resp: PartialDate | None) -> NormalisedDate:
    if resp is None:
        return _span(None, G.DURATION, None, None, relative=True, resolved=False, note="no response date to resolve against")
    months = {"year": 12, "decade": 120, "quarter": 3, "month": 1}.get(unit)
    if months is None or not float(n * months).is_integer():
        from datetime import date, timedelta
        days = n * (7 if unit == "week" else 1) if months is None else n * months * 30
        base = date(resp.year, resp.month or 1, resp.day or 1)
        other = base + timedelta(days=-days if back else days)
        a, b = sorted([base, other])
        return _span(f"{a.isoformat()}/{b.isoformat()}", G.DURATION, a.isoformat(), b.isoformat(), relative=True,
                     note="computed from the response date" + ("" if resp.day else " (first of its month)"))
    shift = int(n * months) * (-1 if back else 1)
    if resp.month is None:
        other = PartialDate(resp.year + shift // 12)
    else:
        y, m = add_months(resp.year, resp.month, shift)
        other = PartialDate(y, m, min(resp.day, month_end(y, m)) if resp.day else None)
    a, b = (other, resp) if back else (resp, other)
    return _span(f"{a.iso()}/{b.iso()}", G.DURATION, a.first_day(), b.last_day(), relative=True)


_ANCHOR = re.compile(
    r"(?:since|following|after|before|prior to|ahead of|once|when|until|upon|on)\s+(?:the\s+|this\s+|its\s+|it\s+|they\s+|\w+)"
    r"|(?:\S+\s+){0,2}(?:days?|weeks?|months?|years?)\s+(?:after|before|from|of|on from|following)\s+\w+")


def normalise_date(text: str, *, response_date: str | None = None, jurisdiction: str | None = None) -> NormalisedDate:
    """Normalise one time expression to an ISO value, interval and granularity.

    Args:
        text: the expression as written, e.g. "by early 2024", "2022-23", "Autumn Budget 2024".
        response_date: the response's date (ISO, possibly partial like "2023-02"), used to
            resolve relative expressions ("later this year", "within 12 months").
        jurisdiction: selects the fiscal calendar and hemisphere ("Australia (Commonwealth)").

    Returns:
        A :class:`NormalisedDate`. Unresolvable expressions have ``value=None``,
        ``resolved=False`` and a ``note`` saying why; text that is not a time
        expression has ``recognised=False``. Never raises on any string.

    Example:
        >>> normalise_date("2023 to 2024", jurisdiction="United Kingdom").value
        '2023-04/2024-03'
    """
    cal = fiscal_calendar(jurisdiction)
    resp = parse_partial(response_date)
    low = re.sub(r"\s+", " ", str(text).replace("\u2013", "-").replace("\u2014", "-").replace("\u2212", "-")).strip()
    low = re.sub(r"\s*-\s*(?=\d)", "-", low).lower().strip(" .,;:()[]")
    v = _vocab()
    if low in v["not_dates"]:
        return _span(None, G.VAGUE, None, None, resolved=False, recognised=False, note="not a date (ANNOTATION.md §4)")
    if low in v["vague"]:
        return _span(None, G.VAGUE, None, None, vague=True, resolved=False, note="vague time expression")
    core, lead = low, ""
    for _ in range(3):
        m = re.match(rf"{_LEAD}\s+", core)
        if not m or core in v["vague"] or core in v["relative"]:
            break
        lead = lead or m.group(0).strip()
        core = core[m.end():]
    core = re.sub(_TRAIL, "", core)
    core = re.sub(r"^(?:the\s+)?(?:period|years?)\s+(?=\d)", "", core)
    if core in v["vague"]:
        return _span(None, G.VAGUE, None, None, vague=True, resolved=False, note="vague time expression")
    if core in v["not_dates"]:
        return _span(None, G.VAGUE, None, None, resolved=False, recognised=False, note="not a date (ANNOTATION.md §4)")
    for rule in (lambda: _event(core, cal), lambda: _fiscal_or_range(core, cal), lambda: _absolute(core, cal, resp),
                 lambda: _relative(core, lead, cal, resp)):
        out = rule()
        if out is not None:
            return out
    m = re.fullmatch(rf"(?:between|from)\s+(?P<a>.+?)\s+(?:and|to|until|-)\s+(?P<b>.+)", low)
    if m:
        a = normalise_date(m["a"], response_date=response_date, jurisdiction=jurisdiction)
        b = normalise_date(m["b"], response_date=response_date, jurisdiction=jurisdiction)
        if a.value and b.value and a.interval_start and b.interval_end and a.interval_start <= b.interval_end:
            va, vb = a.value.split("/")[0], b.value.split("/")[-1]
            gran = a.granularity if a.granularity == b.granularity else G.MULTI_YEAR
            return _span(f"{va}/{vb}", gran, a.interval_start, b.interval_end, relative=a.relative or b.relative)
    if _ANCHOR.match(low):
        return _span(None, G.EVENT, None, None, relative=True, resolved=False,
                     note="anchored to an event whose date is not given")
    return _span(None, G.VAGUE, None, None, resolved=False, recognised=False, note="not recognised as a time expression")

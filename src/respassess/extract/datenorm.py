"""Normalise one time expression to the gold value format (ANNOTATION.md §4).

``normalise_date("Autumn Budget 2024")`` -> value "2024-10-30", granularity event;
``normalise_date("2022-23", jurisdiction="Australia")`` -> "2022-07/2023-06";
``normalise_date("later this year")`` -> vague, relative, unresolved without a
response date. This module strips the leading preposition and dispatches; the
grammar is split by domain: :mod:`.fiscal` (fiscal years and events),
:mod:`.absolute` (dates carrying their year) and :mod:`.relative` (resolution against
the response date). The vocabulary is in ``respassess/data/*.json``.
"""

from __future__ import annotations

import re

from ..types import DateGranularity as G
from ._calendar import parse_partial
from ._data import fiscal_calendar
from ._dateparts import NormalisedDate, make, vocab, with_note
from .absolute import absolute_date
from .fiscal import fiscal_event, fiscal_range
from .relative import relative_date

__all__ = ["NormalisedDate", "normalise_date"]

_LEAD = (r"(?:no later than|not later than|ahead of|prior to|as of|as at|in time for|starting|starting in|"
         r"beginning in|commencing|effective|by|within|before|until|till|from|since|in|on|at|during|"
         r"throughout|through|over|for|after|across|between|of)")
_TRAIL = r"(?:\s+(?:onwards?|and beyond|or earlier|at the latest|or later|or sooner|and onwards?))$"


_ANCHOR = re.compile(
    r"(?:since|following|after|before|prior to|ahead of|once|when|until|upon|on|pending|at the time of)\s+"
    r"(?:the\s+|this\s+|its\s+|it\s+|they\s+|\w+)"
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
    v = vocab()
    # "in the short-term" is the vague phrase "in the short term"
    spaced = re.sub(r"(?<=[a-z])\s*-\s*(?=[a-z])", " ", low)
    if low not in v["vague"] and spaced in v["vague"]:
        low = spaced
    if low in v["not_dates"]:
        return make(None, G.VAGUE, None, None, resolved=False, recognised=False, note="not a date (ANNOTATION.md §4)")
    if low in v["vague"]:
        return make(None, G.VAGUE, None, None, vague=True, resolved=False, note="vague time expression")
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
        return make(None, G.VAGUE, None, None, vague=True, resolved=False, note="vague time expression")
    if core in v["not_dates"]:
        return make(None, G.VAGUE, None, None, resolved=False, recognised=False, note="not a date (ANNOTATION.md §4)")
    for rule in (lambda: fiscal_event(core, cal), lambda: fiscal_range(core, cal), lambda: absolute_date(core, cal, resp),
                 lambda: relative_date(core, lead, cal, resp)):
        out = rule()
        if out is not None:
            return out
    m = re.fullmatch(r"(?:between|from)\s+(?P<a>.+?)\s+(?:and|to|until|-)\s+(?P<b>.+)", low)
    if m:
        a = normalise_date(m["a"], response_date=response_date, jurisdiction=jurisdiction)
        b = normalise_date(m["b"], response_date=response_date, jurisdiction=jurisdiction)
        if a.value and b.value and a.interval_start and b.interval_end and a.interval_start <= b.interval_end:
            va, vb = a.value.split("/")[0], b.value.split("/")[-1]
            gran = a.granularity if a.granularity == b.granularity else G.MULTI_YEAR
            return make(f"{va}/{vb}", gran, a.interval_start, b.interval_end, relative=a.relative or b.relative)
    m = re.fullmatch(r"(?P<a>.+?),?\s*(?:covering|spanning|\()\s*(?P<b>[^()]+?)\)?", low)
    if m and re.search(r"\b(?:next|coming|following|last|past)\b", m["a"]):
        b = normalise_date(m["b"], response_date=response_date, jurisdiction=jurisdiction)
        if b.value is not None and not b.relative:
            return with_note(b, "the period's own dates, as written beside it")
    if core in v["unresolved"]:
        return make(None, G.RELATIVE, None, None, relative=True, resolved=False,
                    note="relative to a day or week of the events described, not to the response date")
    if _ANCHOR.match(low):
        return make(None, G.EVENT, None, None, relative=True, resolved=False,
                     note="anchored to an event whose date is not given")
    return make(None, G.VAGUE, None, None, resolved=False, recognised=False, note="not recognised as a time expression")

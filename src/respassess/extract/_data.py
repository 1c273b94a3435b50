"""Load the pattern tables in ``respassess/data/*.json`` once, and pick a fiscal calendar.

The tables are data, not code: adding a jurisdiction, a fiscal event or a vague
phrase is an edit to a JSON file. Loading is lazy (first call) and cached.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["load_table", "FiscalCalendar", "fiscal_calendar"]


@lru_cache(maxsize=None)
def load_table(name: str) -> dict[str, Any]:
    """Return the parsed JSON table ``respassess/data/<name>.json`` (cached).

    Args:
        name: the file's stem, e.g. ``"fiscal_events"``.

    Returns:
        The table as a dict (treat it as read-only: it is shared).
    """
    text = resources.files("respassess").joinpath("data").joinpath(f"{name}.json").read_text(encoding="utf-8")
    return json.loads(text)


@dataclass(frozen=True, slots=True)
class FiscalCalendar:
    """How one jurisdiction counts its years: fiscal start month, hemisphere, currencies.

    ``dollar_currency`` is what a bare "$" means there; ``home_currency`` is the jurisdiction's
    own currency (``None`` when the jurisdiction is unknown).
    """

    name: str
    start_month: int | None
    hemisphere: str
    to_range_is_fiscal: bool
    dollar_currency: str
    home_currency: str | None = None


@lru_cache(maxsize=256)
def fiscal_calendar(jurisdiction: str | None) -> FiscalCalendar:
    """Return the calendar for a free-text jurisdiction ("Australia (Commonwealth)", "New Zealand").

    Args:
        jurisdiction: the record's jurisdiction string, or ``None``.

    Returns:
        The first calendar whose match words occur in the string as whole words,
        else the table's default (no fiscal start month, northern seasons, USD).
    """
    table = load_table("fiscal_calendars")
    entry = table["default"]
    if jurisdiction:
        low = jurisdiction.lower()
        for cal in table["calendars"]:
            if any(re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", low) for w in cal["match"]):
                entry = cal
                break
    return FiscalCalendar(
        name=entry["name"],
        start_month=entry["start_month"],
        hemisphere=entry["hemisphere"],
        to_range_is_fiscal=bool(entry["to_range_is_fiscal"]),
        dollar_currency=entry["dollar_currency"],
        home_currency=entry.get("home_currency"),
    )

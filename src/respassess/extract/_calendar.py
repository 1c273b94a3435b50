"""Small calendar arithmetic shared by the date normaliser: ISO strings, month ends, shifts.

Every function keeps to the precision it is given: a value is built only from the
parts the text (or the response date) actually supplied.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass

__all__ = ["PartialDate", "parse_partial", "month_end", "add_months", "iso_day", "iso_month"]


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to year, month or day precision (``month``/``day`` may be ``None``)."""

    year: int
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        """Return the ISO form at this date's own precision ("2023", "2023-02", "2023-02-14")."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return iso_month(self.year, self.month)
        return iso_day(self.year, self.month, self.day)

    def first_day(self) -> str:
        """Return the first full ISO day this partial date covers."""
        return iso_day(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> str:
        """Return the last full ISO day this partial date covers."""
        month = self.month or 12
        return iso_day(self.year, month, self.day or month_end(self.year, month))


def parse_partial(value: str | None) -> PartialDate | None:
    """Parse "2023", "2023-02" or "2023-02-14" (an ISO prefix); anything else gives ``None``.

    Args:
        value: the response date as stored in a record.

    Returns:
        The partial date, or ``None`` when the value is absent or not an ISO prefix.
    """
    if not value:
        return None
    parts = str(value).strip()[:10].split("-")
    try:
        nums = [int(p) for p in parts if p]
    except ValueError:
        return None
    if not nums or not 1000 <= nums[0] <= 9999:
        return None
    month = nums[1] if len(nums) > 1 and 1 <= nums[1] <= 12 else None
    day = nums[2] if month and len(nums) > 2 and 1 <= nums[2] <= month_end(nums[0], month) else None
    return PartialDate(nums[0], month, day)


def month_end(year: int, month: int) -> int:
    """Return the number of days in ``month`` of ``year``."""
    return calendar.monthrange(year, month)[1]


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    """Return (year, month) shifted by ``n`` months (negative goes back)."""
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def iso_day(year: int, month: int, day: int) -> str:
    """Return "YYYY-MM-DD"."""
    return f"{year:04d}-{month:02d}-{day:02d}"


def iso_month(year: int, month: int) -> str:
    """Return "YYYY-MM"."""
    return f"{year:04d}-{month:02d}"

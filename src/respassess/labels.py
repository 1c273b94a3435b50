"""The closed label sets of ``../shared/ANNOTATION.md`` as string Enums.

Kept apart from the dataclasses of :mod:`respassess.types`, which re-exports every name here,
so ``from respassess.types import Stance`` keeps working.
"""

from __future__ import annotations

from enum import Enum

__all__ = [
    "ActionStatus",
    "Approx",
    "AskLabel",
    "CommitmentStrength",
    "DateGranularity",
    "DateRole",
    "GapKind",
    "Stance",
    "TextField",
]


class _StrEnum(str, Enum):
    """A string Enum whose ``str()`` is its value (``Stance("accepted")`` works)."""

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.value


class Stance(_StrEnum):
    """What the responder says it will do with the recommendation (ANNOTATION.md §1)."""

    ACCEPTED = "accepted"
    ACCEPTED_IN_PRINCIPLE = "accepted_in_principle"
    PARTIALLY_ACCEPTED = "partially_accepted"
    NOTED = "noted"
    UNDER_CONSIDERATION = "under_consideration"
    REJECTED = "rejected"
    UNCLEAR = "unclear"


class AskLabel(_StrEnum):
    """How fully one ask of the recommendation is addressed (ANNOTATION.md §2)."""

    ADDRESSED = "addressed"
    PARTIAL = "partial"
    UNADDRESSED = "unaddressed"
    REJECTED = "rejected"

    @property
    def score(self) -> float:
        """The coverage score of this label: 1.0, 0.5 or 0.0."""
        return {"addressed": 1.0, "partial": 0.5}.get(self.value, 0.0)


class CommitmentStrength(_StrEnum):
    """How firmly a commitment is made (ANNOTATION.md §3)."""

    FIRM = "firm"
    QUALIFIED = "qualified"
    VAGUE = "vague"


class ActionStatus(_StrEnum):
    """Whether a described action is already done or going on now (not a commitment)."""

    COMPLETED = "completed"
    ONGOING = "ongoing"


class GapKind(_StrEnum):
    """The flags a clerk would raise (ANNOTATION.md §5)."""

    UNADDRESSED_CLAUSE = "unaddressed_clause"
    PLAN_PENDING = "plan_pending"
    NO_TIMELINE = "no_timeline"
    VAGUE_TIMELINE = "vague_timeline"
    NO_FUNDING = "no_funding"
    NO_METRICS = "no_metrics"
    EXISTING_ACTIVITY_ONLY = "existing_activity_only"
    DEFLECTED = "deflected"
    HEDGED = "hedged"
    ACCEPTANCE_WITHOUT_ACTION = "acceptance_without_action"
    REJECTED = "rejected"


class DateRole(_StrEnum):
    """What a time expression does in its sentence (ANNOTATION.md §4)."""

    DEADLINE = "deadline"
    PAST = "past"
    REFERENCE = "reference"


class DateGranularity(_StrEnum):
    """The precision the text actually gave; nothing finer is ever invented."""

    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    SEASON = "season"
    FINANCIAL_YEAR = "financial_year"
    YEAR = "year"
    MULTI_YEAR = "multi_year"
    EVENT = "event"
    DURATION = "duration"
    RELATIVE = "relative"
    VAGUE = "vague"


class Approx(_StrEnum):
    """A qualifier on a money amount: "almost" -> below, "over" -> above, "around" -> about."""

    BELOW = "below"
    ABOVE = "above"
    ABOUT = "about"


class TextField(_StrEnum):
    """Which text of a record a span points into."""

    RECOMMENDATION = "recommendation"
    RESPONSE = "response"

"""The respassess data model: frozen dataclasses and string Enums.

Data flows one way through the pipeline::

    Record -> Ask / Sentence -> Commitment, Action, DateMention, MoneyAmount
           -> Alignment -> AskCoverage, StanceCall -> Gap -> Assessment

Every finding carries ``start``/``end`` character offsets into the text it came
from (``Ask`` into the recommendation, everything else into the response), so
``text == source[start:end]`` always holds and a report can highlight it.
Names follow ``../shared/ANNOTATION.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from .labels import (  # re-exported: the data model is importable from one place
    ActionStatus,
    Approx,
    AskLabel,
    CommitmentStrength,
    DateGranularity,
    DateRole,
    GapKind,
    Stance,
    TextField,
)

__all__ = [
    "Stance",
    "AskLabel",
    "CommitmentStrength",
    "ActionStatus",
    "GapKind",
    "DateRole",
    "DateGranularity",
    "Approx",
    "TextField",
    "Span",
    "Record",
    "Ask",
    "Sentence",
    "Commitment",
    "Action",
    "DateMention",
    "MoneyAmount",
    "Alignment",
    "AskCoverage",
    "StanceCall",
    "Gap",
    "Assessment",
]


@dataclass(frozen=True, slots=True)
class Span:
    """A verbatim piece of one of the record's texts: ``source[start:end] == text``."""

    text: str
    start: int
    end: int
    field: TextField = TextField.RESPONSE

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form ``{text, start, end, field}``."""
        return {"text": self.text, "start": self.start, "end": self.end, "field": self.field.value}


@dataclass(frozen=True, slots=True)
class Record:
    """One recommendation and the response to it, plus everything else known about it.

    ``meta`` keeps every other field of the source row (``official_status``,
    ``response_date``, ``jurisdiction``, ``body``, ...), untouched.
    """

    id: str
    recommendation: str
    response: str
    meta: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=True)

    @property
    def official_status(self) -> str | None:
        """The label the responder or tracker gave, if any (e.g. "Acknowledged")."""
        value = self.meta.get("official_status")
        return str(value) if value not in (None, "") else None

    @property
    def response_date(self) -> str | None:
        """The response's date as given (ISO, possibly partial like "2023-02"), if known."""
        value = self.meta.get("response_date")
        return str(value) if value not in (None, "") else None

    @property
    def jurisdiction(self) -> str | None:
        """The jurisdiction as given (e.g. "United Kingdom"), if known."""
        value = self.meta.get("jurisdiction")
        return str(value) if value not in (None, "") else None


@dataclass(frozen=True, slots=True)
class Ask:
    """One distinct thing the recommendation asks for; offsets into the recommendation."""

    index: int
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the response; offsets into the response."""

    index: int
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Commitment:
    """A statement that the responder will do something in future (ANNOTATION.md §3)."""

    text: str
    start: int
    end: int
    actor: str | None
    strength: CommitmentStrength
    sentence_index: int
    deadline: str | None = None
    cue: str | None = None
    conditional: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form used in assessments."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "actor": self.actor,
            "strength": self.strength.value,
            "deadline": self.deadline,
            "cue": self.cue,
            "conditional": self.conditional,
            "sentence_index": self.sentence_index,
        }


@dataclass(frozen=True, slots=True)
class Action:
    """Something already done or going on ("has published", "continues to test"): not a commitment."""

    text: str
    start: int
    end: int
    actor: str | None
    status: ActionStatus
    sentence_index: int
    cue: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form used in assessments."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "actor": self.actor,
            "status": self.status.value,
            "cue": self.cue,
            "sentence_index": self.sentence_index,
        }


@dataclass(frozen=True, slots=True)
class DateMention:
    """A time expression, normalised to the precision the text gave (ANNOTATION.md §4).

    ``value`` follows the gold format: an ISO date or partial date ("2023-12",
    "2024"), or an interval "start/end" ("2024-01/2024-03"); ``None`` when it
    cannot be resolved (a vague phrase, or a relative one without a response date).
    ``interval_start``/``interval_end`` are full ISO days bounding the value.
    """

    text: str
    start: int
    end: int
    value: str | None
    granularity: DateGranularity
    role: DateRole
    vague: bool = False
    relative: bool = False
    resolved: bool = True
    interval_start: str | None = None
    interval_end: str | None = None
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form used in assessments."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "interval": [self.interval_start, self.interval_end],
            "granularity": self.granularity.value,
            "vague": self.vague,
            "relative": self.relative,
            "resolved": self.resolved,
            "role": self.role.value,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class MoneyAmount:
    """A money amount with its value, ISO currency and qualifiers (ANNOTATION.md §4).

    ``value`` is the single figure (the low end for a range); ``low``/``high``
    bound a range ("£10-15 million") and equal ``value`` otherwise.
    """

    text: str
    start: int
    end: int
    value: float
    currency: str | None
    approx: Approx | None = None
    low: float | None = None
    high: float | None = None
    period: str | None = None
    currency_assumed: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form used in assessments."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "currency": self.currency,
            "approx": self.approx.value if self.approx else None,
            "range": [self.low, self.high] if self.low is not None and self.high != self.low else None,
            "period": self.period,
            "currency_assumed": self.currency_assumed,
        }


@dataclass(frozen=True, slots=True)
class Alignment:
    """How close one response sentence is to one ask (cosine similarity of embeddings)."""

    ask_index: int
    sentence_index: int
    similarity: float


@dataclass(frozen=True, slots=True)
class AskCoverage:
    """The judgement on one ask: label, score, confidence and the evidence sentences.

    ``expected_score`` is the score averaged over the calibrated label probabilities and
    ``score_distribution`` the probabilities that the ask scores 0, 0.5 and 1 (both ``None``
    when the rules decided); the record's coverage is estimated from the distributions (see
    :attr:`Assessment.coverage`).
    """

    ask: Ask
    label: AskLabel
    score: float
    confidence: float
    evidence: tuple[Sentence, ...] = ()
    reason: str | None = None
    expected_score: float | None = None
    score_distribution: tuple[float, float, float] | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form used in assessments (ANNOTATION.md §6 "clauses")."""
        return {
            "index": self.ask.index,
            "text": self.ask.text,
            "start": self.ask.start,
            "end": self.ask.end,
            "label": self.label.value,
            "score": self.score,
            "expected_score": None if self.expected_score is None else round(self.expected_score, 4),
            "score_distribution": None if self.score_distribution is None
            else [round(p, 4) for p in self.score_distribution],
            "confidence": round(self.confidence, 4),
            "reason": self.reason,
            "evidence": [
                {"text": s.text, "start": s.start, "end": s.end, "sentence_index": s.index}
                for s in self.evidence
            ],
        }


@dataclass(frozen=True, slots=True)
class StanceCall:
    """The stance read from the text, with the words that show it and how sure we are."""

    stance: Stance
    confidence: float
    evidence: Span | None = None
    official_status: str | None = None
    official_stance: Stance | None = None
    cross_reference: str | None = None

    @property
    def mismatch(self) -> bool:
        """True when the official label maps to a different stance than the text shows."""
        return (
            self.official_stance is not None
            and self.official_stance is not Stance.UNCLEAR
            and self.stance is not Stance.UNCLEAR
            and self.official_stance is not self.stance
        )


@dataclass(frozen=True, slots=True)
class Gap:
    """A flag a clerk would raise, with a pasteable one-line message and its evidence.

    ``confidence`` is the share of such flags the annotators also raised, measured out-of-fold on
    the dev records (:mod:`respassess.gap_reliability`); ``None`` without a reliability table.
    """

    kind: GapKind
    message: str
    evidence: tuple[Span, ...] = ()
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form ``{kind, message, evidence, confidence}``."""
        return {
            "kind": self.kind.value,
            "message": self.message,
            "evidence": [e.to_dict() for e in self.evidence],
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True)
class Assessment:
    """Everything respassess concluded about one record, reproducible from ``config_id``."""

    record: Record
    stance: StanceCall
    asks: tuple[AskCoverage, ...]
    sentences: tuple[Sentence, ...]
    commitments: tuple[Commitment, ...]
    actions: tuple[Action, ...]
    dates: tuple[DateMention, ...]
    amounts: tuple[MoneyAmount, ...]
    gaps: tuple[Gap, ...]
    config_id: str
    versions: Mapping[str, str] = field(default_factory=dict, hash=False)
    language: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def record_id(self) -> str:
        """The id of the assessed record."""
        return self.record.id

    @property
    def coverage(self) -> float | None:
        """Mean ask score (ANNOTATION.md §2); ``None`` when the recommendation has no asks.

        When the ask-label model gave every ask a score distribution, this is the median of the
        distribution of the mean score (asks taken as independent): the estimate with the least
        expected absolute error, which is how coverage is judged. Otherwise each ask counts
        with its expected score, else its label's score.
        """
        if not self.asks:
            return None
        if all(a.score_distribution is not None for a in self.asks):
            return _median_mean_score([a.score_distribution for a in self.asks])  # type: ignore[misc]
        return sum(a.score if a.expected_score is None else a.expected_score for a in self.asks) / len(self.asks)

    @property
    def gap_kinds(self) -> tuple[GapKind, ...]:
        """The kinds of the gaps raised, in order."""
        return tuple(g.kind for g in self.gaps)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of ANNOTATION.md §6 plus offsets, config id and versions.

        Keys are stable and ordered, so the same input gives byte-identical JSON.
        """
        coverage = self.coverage
        return {
            "id": self.record.id,
            "stance": self.stance.stance.value,
            "stance_confidence": round(self.stance.confidence, 4),
            "stance_evidence": self.stance.evidence.to_dict() if self.stance.evidence else None,
            "official_status": self.stance.official_status,
            "official_stance": self.stance.official_stance.value if self.stance.official_stance else None,
            "stance_mismatch": self.stance.mismatch,
            "cross_reference": self.stance.cross_reference,
            "coverage": None if coverage is None else round(coverage, 4),
            "asks": [a.to_dict() for a in self.asks],
            "commitments": [c.to_dict() for c in self.commitments],
            "actions": [a.to_dict() for a in self.actions],
            "dates": [d.to_dict() for d in self.dates],
            "amounts": [m.to_dict() for m in self.amounts],
            "gaps": [g.to_dict() for g in self.gaps],
            "language": self.language,
            "warnings": list(self.warnings),
            "meta": _jsonable(dict(self.record.meta)),
            "config_id": self.config_id,
            "versions": dict(self.versions),
        }


def _jsonable(value: Any) -> Any:
    """Make metadata JSON-safe (Parquet/CSV readers can hand us numpy scalars or NaN)."""
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        # NaN and +-inf -> null: json.dumps would write NaN/Infinity, which is not JSON
        return value if value - value == 0 else None
    item = getattr(value, "item", None)
    if callable(item):
        try:
            return _jsonable(item())
        except (TypeError, ValueError):
            pass
    return str(value)


def _median_mean_score(distributions: Sequence[tuple[float, float, float]]) -> float:
    """Median of the mean of independent ask scores, each 0, 0.5 or 1 with the given probabilities."""
    # counts in half-points: an ask adds 0, 1 or 2; n asks sum to 0 .. 2n
    total = [1.0]
    for dist in distributions:
        nxt = [0.0] * (len(total) + 2)
        for k, p in enumerate(dist):
            for j, q in enumerate(total):
                nxt[j + k] += p * q
        total = nxt
    mass = sum(total)
    running = 0.0
    for half_points, p in enumerate(total):
        running += p
        if running >= 0.5 * mass - 1e-12:
            return half_points / (2 * len(distributions))
    return 1.0

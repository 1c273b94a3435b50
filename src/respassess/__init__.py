"""respassess: judge how well a government has answered a recommendation.

The public API::

    import respassess
    a = respassess.assess(recommendation, response, official_status="Acknowledged")
    a.stance.stance, a.coverage, a.gaps

    assessor = respassess.Assessor()
    for assessment in assessor.assess_many(respassess.read_records("records.jsonl")):
        ...

Importing respassess loads no model and does not import torch or spaCy.
"""

from __future__ import annotations

from .config import AssessConfig
from .errors import RespassessError
from .pipeline import Assessor, assess
from .records import iter_records, read_records, record_from_strings
from .types import (Action, Ask, AskCoverage, AskLabel, Assessment, Commitment, CommitmentStrength, DateMention, Gap,
                    GapKind, MoneyAmount, Record, Sentence, Stance, StanceCall)

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "assess",
    "Assessor",
    "AssessConfig",
    "RespassessError",
    "read_records",
    "iter_records",
    "record_from_strings",
    "Record",
    "Ask",
    "Sentence",
    "Commitment",
    "Action",
    "DateMention",
    "MoneyAmount",
    "AskCoverage",
    "StanceCall",
    "Gap",
    "Assessment",
    "Stance",
    "AskLabel",
    "CommitmentStrength",
    "GapKind",
]

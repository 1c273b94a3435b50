"""Stance: what the responder says it will do with the recommendation (ANNOTATION.md §1).

The stance is read from the response **text**; the official label, when there is one,
is mapped through ``data/official_labels.json`` and kept beside it so that a mismatch
("Acknowledged" over "The government agrees") is itself a finding.

Cues are ordered: negated and qualified forms ("does not support", "supports in
principle", "agrees in part") are tried before the plain ones, and a cue in a label
line or the opening sentences outweighs one deep in the text. Where the response states
no position, the stance is judged from what it does (ANNOTATION.md §6): future action
= accepted, deciding later = under consideration, only describing = noted.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Sequence

from .types import Action, Commitment, CommitmentStrength, Sentence, Span, Stance, StanceCall, TextField

__all__ = ["read_stance", "official_stance", "find_cross_reference", "STANCE_CUES"]

_NEG = r"(?:does|do|did|will|would|can|could)\s*(?:not|n[’']t)|cannot"
#: (stance, pattern) in priority order; the first pattern that matches a sentence decides it.
STANCE_CUES: tuple[tuple[Stance, str], ...] = (
    (Stance.PARTIALLY_ACCEPTED, r"\b(?:supports?|supported|agrees?|agreed|accepts?|accepted)\s+(?:this\s+recommendation\s+)?in\s+part\b"
                                r"|\bpartially\s+(?:supports?|supported|agrees?|agreed|accepts?|accepted)\b"
                                r"|\bagrees?\s+with\s+(?:the\s+)?(?:first|second|third|latter|former)\s+(?:part|half|element)"
                                r"|\b(?:supports?|agrees?|accepts?)\s+(?:some|parts?)\s+of\b"),
    (Stance.REJECTED, rf"\bnot\s+(?:supported|agreed|accepted)\b|\b{_NEG}\s+(?:support|agree|accept|endorse)\b"
                      r"|\bdisagrees?\b|\brejects?\b|\bdeclines?\s+(?:to|this)\b|\bis\s+not\s+in\s+a\s+position\s+to\s+(?:support|accept)"),
    (Stance.ACCEPTED_IN_PRINCIPLE, r"\bin[\s-]principle\b|\bsupports?\s+the\s+(?:intent|intention|spirit|aim|objective|principle)s?\b"
                                   r"|\bagrees?\s+with\s+the\s+(?:intent|intention|spirit|aim|principle)"),
    (Stance.UNDER_CONSIDERATION, r"\bunder\s+(?:active\s+)?consideration\b|\b(?:is|are)\s+(?:currently\s+)?considering\b"
                                 r"|\bwill\s+(?:further\s+)?consider\s+(?:this|the)\s+recommendation\b|\bconsidering\s+(?:this|the)\s+recommendation"),
    (Stance.NOTED, r"\b(?:notes|noted|takes\s+note|acknowledges|acknowledged)\b"),
    (Stance.ACCEPTED, r"\b(?:agrees?|agreed|accepts?|accepted|supports?|supported|endorses?|endorsed|welcomes?)\b"
                      r"|\bwill\s+implement\b"),
)
_COMPILED = tuple((stance, re.compile(p, re.IGNORECASE)) for stance, p in STANCE_CUES)
# A cue word only states a position when it bears on the recommendation (or stands alone as a label).
_ABOUT_REC = re.compile(r"\b(?:this|the|these|both|all|committee[’']?s?|review[’']?s?|inquiry[’']?s?)\s+"
                        r"(?:\w+\s+){0,3}?(?:recommendations?|proposals?|findings?)\b|\brecommendation\s+\d", re.IGNORECASE)
_LABEL = re.compile(r"^\s*(?:(?:government\s+)?response\s*[:\-–]\s*)?(?P<label>(?:not\s+)?(?:supported|agreed|accepted|noted|"
                    r"rejected)(?:\s+in\s+(?:principle|part))?)\s*\.?\s*$", re.IGNORECASE)
_XREF = re.compile(r"\b(?:see|refer\s+to)\s+(?:the\s+)?(?:government[’']?s\s+)?response\s+(?:to|at|under)\s+"
                   r"recommendations?\s+(?P<num>\d+[a-z]?(?:\.\d+)?)", re.IGNORECASE)
_FUTURE_CONSIDER = re.compile(r"\b(?:will|to)\s+(?:further\s+)?(?:consider|explore|examine|assess)\b|\bunder\s+review\b",
                              re.IGNORECASE)
#: sentences after which a cue no longer speaks for the whole response
_OPENING = 3


@lru_cache(maxsize=1)
def _label_tables() -> dict[str, dict[str, str | None]]:
    data = json.loads(resources.files("respassess").joinpath("data/official_labels.json").read_text("utf-8"))
    return data["schemes"]


def _fold(label: str) -> str:
    return re.sub(r"[\s.:]+", " ", label.strip().lower()).strip()


def official_stance(label: str | None) -> Stance | None:
    """Map an official label of any known scheme to the canonical stance.

    Returns ``None`` for no label, for tracker statuses that state no position ("Open",
    "Closed acceptable") and for labels no table knows.
    """
    if not label:
        return None
    key = _fold(label)
    for table in _label_tables().values():
        if key in table:
            value = table[key]
            return Stance(value) if value else None
    return None


def find_cross_reference(text: str) -> str | None:
    """Return N when the response defers to "the response to Recommendation N"."""
    m = _XREF.search(text)
    return m.group("num") if m else None


def read_stance(sentences: Sequence[Sentence], *, official_status: str | None = None,
                commitments: Sequence[Commitment] = (), actions: Sequence[Action] = (),
                response: str = "") -> StanceCall:
    """Read the stance from the response sentences.

    Args:
        sentences: the response's sentences (offsets into ``response``).
        official_status: the official label, kept and mapped for comparison.
        commitments: extracted commitments, for responses that state no position.
        actions: extracted completed/ongoing actions, likewise.
        response: the full response text (for cross-references).

    Returns:
        A :class:`StanceCall` with the cue sentence as evidence and a confidence in [0, 1].
    """
    official = official_stance(official_status)
    xref = find_cross_reference(response) if response else None
    best: tuple[float, Stance, Sentence] | None = None
    for sent in sentences:
        stance = _sentence_stance(sent.text)
        if stance is None:
            continue
        weight = _cue_weight(sent)
        if best is None or weight > best[0]:
            best = (weight, stance, sent)
        if weight >= 0.95:
            break
    if best is not None and best[0] >= 0.5:
        weight, stance, sent = best
        return StanceCall(stance=stance, confidence=round(weight, 4),
                          evidence=Span(sent.text, sent.start, sent.end, TextField.RESPONSE),
                          official_status=official_status, official_stance=official, cross_reference=xref)
    stance, confidence = _stance_from_conduct(response, commitments, actions, xref)
    return StanceCall(stance=stance, confidence=confidence, evidence=None, official_status=official_status,
                      official_stance=official, cross_reference=xref)


def _sentence_stance(text: str) -> Stance | None:
    label = _LABEL.match(text)
    if label:
        return official_stance(label.group("label")) or Stance.UNCLEAR
    for stance, pattern in _COMPILED:
        m = pattern.search(text)
        if not m:
            continue
        if stance is Stance.ACCEPTED and not _ABOUT_REC.search(text) and m.start() > 60:
            # "supports the work of ..." deep in a sentence is not a position on the recommendation
            continue
        return stance
    return None


def _cue_weight(sent: Sentence) -> float:
    """How much a cue in this sentence speaks for the whole response."""
    if _LABEL.match(sent.text):
        return 1.0
    about = bool(_ABOUT_REC.search(sent.text))
    if sent.index < _OPENING:
        return 0.95 if about else 0.8 - 0.1 * sent.index
    return 0.75 if about else 0.4


def _stance_from_conduct(response: str, commitments: Sequence[Commitment], actions: Sequence[Action],
                         xref: str | None) -> tuple[Stance, float]:
    """Judge a response that states no position by what it does (ANNOTATION.md §6)."""
    if not response.strip() or (xref and len(response.split()) < 25):
        return Stance.UNCLEAR, 0.5
    firm = [c for c in commitments if c.strength is not CommitmentStrength.VAGUE]
    if firm or (actions and not _FUTURE_CONSIDER.search(response)):
        return Stance.ACCEPTED, 0.6
    if _FUTURE_CONSIDER.search(response) or commitments:
        return Stance.UNDER_CONSIDERATION, 0.55
    return Stance.NOTED, 0.5

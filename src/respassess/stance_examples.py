"""Stance training examples: one reply's features, the rules' reading and its gold or weak label.

Built exactly as :func:`respassess.stance.read_stance` reads a reply at run time, so the
model is trained on the features and the explicit/decisive split it will meet.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Sequence

import numpy as np

from .types import Stance

__all__ = ["StanceExample", "weak_stance_label", "collect_stance_examples", "stance_example", "reply_key"]

_TAIC_RESPONSE = ("gov_report_response_2022-23", "gov_report_response_2021-22")
_TAIC_STATUS = ("gov_report_status_2022-23", "gov_report_status_2021-22")


@dataclass(frozen=True, slots=True)
class StanceExample:
    """One reply: its features, the rules' explicit cue weight and its (gold or weak) label.

    ``rule_decisive`` is true when the rules read a position stated in other words (a refusal,
    a deferral, "considers it implemented"): the combined call then stays with the rules.
    """

    record_id: str
    features: np.ndarray
    explicit_weight: float
    rule_stance: str
    official: str | None
    gold: str | None
    weak: tuple[str, str] | None
    group: str
    rule_decisive: bool = False


def weak_stance_label(record: Mapping[str, Any]) -> tuple[str, str] | None:
    """The official category of a record as ``(scheme, canonical stance)``, or ``None``.

    Ministry categories of TAIC replies (``gov_report_response_*``, then the noisier
    later ``gov_report_status_*``) come first; otherwise the record's
    ``official_status`` when it states a position (tracker statuses such as "Open" do not).

    Args:
        record: a record mapping as read from a records file.

    Returns:
        e.g. ``("taic_response", "under_consideration")`` or ``("official", "noted")``.
    """
    from .stance import official_stance

    for scheme, keys in (("taic_response", _TAIC_RESPONSE), ("taic_status", _TAIC_STATUS)):
        for key in keys:
            value = str(record.get(key) or "").strip().lower()
            if not value:
                continue
            # "being implemented" / "implemented": the recipient acts on it
            stance = Stance.ACCEPTED if "implement" in value and "no further" not in value else official_stance(value)
            if stance is not None:
                return scheme, stance.value
    stance = official_stance(record.get("official_status"))
    return ("official", stance.value) if stance is not None else None


def collect_stance_examples(rows: Sequence[Mapping[str, Any]], *, nlp: Any,
                            gold: Mapping[str, str] | None = None) -> list[StanceExample]:
    """Parse each record's reply and compute its stance features.

    Args:
        rows: record mappings (``id``, ``response``, ``official_status``...).
        nlp: the spaCy pipeline.
        gold: gold stance by record id (records absent from it carry only their weak label).

    Returns:
        One :class:`StanceExample` per record with a non-empty reply.
    """
    from .extract import (
        extract_actions,
        extract_amounts,
        extract_commitments,
        extract_dates,
    )
    from .records import record_from_mapping
    from .segment import split_sentences
    gold = gold or {}
    out = []
    rows = [r for r in rows if str(r.get("response") or "").strip()]
    records = [record_from_mapping({k: v for k, v in r.items() if not str(k).startswith("_")}, source="records")
               for r in rows]
    for row, record, doc in zip(rows, records, nlp.pipe([r.response for r in records], batch_size=32)):
        sentences = split_sentences(doc)
        dates = extract_dates(doc, response_date=record.response_date, jurisdiction=record.jurisdiction)
        amounts = extract_amounts(doc, jurisdiction=record.jurisdiction)
        # as the pipeline does, so training features match run-time ones
        responder = record.meta.get("responder") or record.meta.get("recipient")
        commitments = extract_commitments(doc, sentences, dates=dates, amounts=amounts,
                                          responder=str(responder) if responder else None)
        actions = extract_actions(doc, sentences)
        out.append(stance_example(record.id, doc.text, sentences, commitments, actions,
                                  official_status=record.official_status, gold=gold.get(record.id),
                                  weak=weak_stance_label(row), rec_number=record.meta.get("rec_number")))
    return out


def reply_key(text: Any) -> str:
    """A reply's text lower-cased with whitespace collapsed: replies equal under it are the same reply."""
    return " ".join(str(text or "").lower().split())


def stance_example(record_id: str, response: str, sentences: Sequence[Any], commitments: Sequence[Any],
                   actions: Sequence[Any], *, official_status: str | None = None, gold: str | None = None,
                   weak: tuple[str, str] | None = None, rec_number: str | None = None) -> StanceExample:
    """One :class:`StanceExample` from a reply already parsed and extracted.

    Args:
        record_id: the record's id.
        response: the reply text.
        sentences: its sentences.
        commitments: its extracted commitments.
        actions: its extracted actions.
        official_status: the record's official label.
        gold: the gold stance, if annotated.
        weak: the weak label (:func:`weak_stance_label`), if any.
        rec_number: the record's recommendation number (a position on other numbers is not its own).

    Returns:
        The example, features in :data:`~respassess.stance_model.FEATURE_NAMES` order.
    """
    from .stance import (
        answer_scope,
        explicit_position,
        find_cross_reference,
        official_stance,
        read_stance,
    )
    from .stance_conduct import read_conduct
    from .stance_model import stance_features

    features = stance_features(sentences, commitments=commitments, actions=actions, response=response)
    rule = read_stance(sentences, official_status=official_status, commitments=commitments, actions=actions,
                       response=response, model=False, rec_number=rec_number)
    group = reply_key(response)
    # the rest reads only the part of the reply that answers this recommendation, as read_stance does
    response, sentences = answer_scope(response, sentences)
    commitments = [c for c in commitments if c.start < len(response)]
    actions = [a for a in actions if a.start < len(response)]
    explicit = explicit_position(sentences, rec_number=rec_number)
    official = official_stance(official_status)
    conduct = read_conduct(response, sentences, commitments, actions, official=official,
                           cross_reference=find_cross_reference(response) if response else None)
    return StanceExample(
        record_id=record_id,
        features=features,
        explicit_weight=explicit[0] if explicit else 0.0, rule_stance=rule.stance.value,
        official=official.value if official else None, gold=gold, weak=weak,
        group=group, rule_decisive=conduct.decisive)

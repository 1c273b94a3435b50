"""How often each gap flag is right: the confidence a clerk sees beside a flag.

The flags are raised by rules (:mod:`respassess.gaps`) that read the stance and the ask
labels, so a flag's reliability is measured, not modelled: ``respassess train`` runs the
pipeline on the dev gold records with out-of-fold ask labels
(:func:`respassess.evaluation.crossfit.cross_fitted_predictions`), counts for each kind
how many raised flags the annotators also raised, and stores the smoothed share
``(correct + 1) / (raised + 2)`` in ``models/gap_reliability.json``. Out-of-fold, because
in-sample ask labels would make every flag that depends on them look surer than it is.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping, Sequence

from .errors import GoldFormatError, ModelIntegrityError
from .labels import GapKind

if TYPE_CHECKING:  # pragma: no cover
    from .pipeline import Assessor
    from .types import Gap

__all__ = ["GAP_RELIABILITY_FILE", "fit_gap_reliability", "train_gap_reliability", "load_gap_reliability",
           "with_confidence"]

log = logging.getLogger(__name__)
GAP_RELIABILITY_FILE = "gap_reliability.json"
FORMAT_VERSION = 1


def fit_gap_reliability(gold: Sequence[Mapping[str, Any]], predictions: Sequence[Mapping[str, Any]]
                        ) -> dict[str, dict[str, float]]:
    """Per gap kind: flags raised, flags the gold also has, and the smoothed share that were right.

    Args:
        gold: gold records with ``gaps`` as a list of kind names.
        predictions: ``Assessment.to_dict()`` dicts (gaps as objects with ``kind``) for the same ids.

    Returns:
        ``{kind: {"raised", "correct", "confidence"}}`` for every :class:`GapKind`; a kind never
        raised gets the uninformed 0.5.
    """
    by_id = {p["id"]: p for p in predictions}
    raised = {k.value: 0 for k in GapKind}
    correct = dict(raised)
    for g in gold:
        pred = by_id.get(g["id"])
        if pred is None:
            continue
        truth = set(g.get("gaps") or [])
        for kind in {x["kind"] if isinstance(x, Mapping) else str(x) for x in pred.get("gaps") or []}:
            if kind in raised:
                raised[kind] += 1
                correct[kind] += kind in truth
    return {k: {"raised": raised[k], "correct": correct[k],
                "confidence": round((correct[k] + 1) / (raised[k] + 2), 4)} for k in raised}


def train_gap_reliability(gold_paths: Sequence[str | Path], records_paths: Sequence[str | Path],
                          out_dir: str | Path, *, assessor: "Assessor", folds: int = 5, seed: int = 0,
                          date: str | None = None) -> dict[str, Any]:
    """Measure every flag's reliability on the dev split, out-of-fold, and write ``gap_reliability.json``.

    Args:
        gold_paths: gold JSONL files; only their "dev"-split records are used.
        records_paths: record files or folders holding the gold records' texts.
        out_dir: where the file and its ``MANIFEST.json`` entry are written.
        assessor: the Assessor to run (its spaCy pipeline, embedder, settings and ask model's C).
        folds: folds of the cross-fitting.
        seed: seed of each fold's ask model.
        date: the date recorded (ISO; defaults to today).

    Returns:
        ``{"per_kind", "n_records", "path", "sha256"}``.

    Raises:
        GoldFormatError: no dev-split gold record has its text in ``records_paths``.
    """
    from .evaluate import heldout_split, load_gold, load_record_texts
    from .evaluation.crossfit import cross_fitted_predictions
    from .models import record_artefact, save_json

    gold: dict[str, dict] = {}
    origin: dict[str, str] = {}
    for path in gold_paths:
        for item in load_gold(path):
            if item["id"] not in gold:
                gold[item["id"]], origin[item["id"]] = item, Path(path).name
    records = load_record_texts(list(records_paths))
    dev = [g for g in gold.values() if heldout_split(g["id"]) == "dev" and g["id"] in records]
    if not dev:
        raise GoldFormatError(f"no dev-split gold record of {', '.join(map(str, gold_paths))} has its text in "
                              f"{', '.join(map(str, records_paths))}; pass the records folder with --records")
    predictions = cross_fitted_predictions(dev, records, assessor=assessor, folds=folds, seed=seed)
    per_kind = fit_gap_reliability(dev, predictions)
    date = date or dt.date.today().isoformat()
    version = f"gap-reliability-v{FORMAT_VERSION}-{date}"
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    target = save_json({"format_version": FORMAT_VERSION, "version": version, "per_kind": per_kind,
                        "method": f"share of flags the dev gold also raises, out-of-fold ({folds} folds), "
                                  "smoothed (correct + 1) / (raised + 2)", "n_records": len(dev)},
                       out / GAP_RELIABILITY_FILE)
    training = [{"path": Path(p).name, "records": sum(1 for g in dev if origin[g["id"]] == Path(p).name)}
                for p in gold_paths]
    sha = record_artefact(target, version=version, training_data=training, seed=seed, date=date,
                          metrics={"n_records": len(dev), "per_kind": per_kind})
    load_gap_reliability.cache_clear()
    return {"per_kind": per_kind, "n_records": len(dev), "path": str(target), "sha256": sha}


@lru_cache(maxsize=4)
def load_gap_reliability(path: str | None = None) -> tuple[str, dict[str, float]] | None:
    """The version and the confidence of each gap kind, or ``None`` when no file is there.

    Raises:
        ModelIntegrityError: the file does not match ``MANIFEST.json`` or is not a reliability table.
    """
    from .models import locate_artefact

    target = locate_artefact(path, GAP_RELIABILITY_FILE, what="gap reliability table")
    if target is None:
        return None
    data = json.loads(target.read_text("utf-8"))
    if data.get("format_version") != FORMAT_VERSION or not isinstance(data.get("per_kind"), dict):
        raise ModelIntegrityError(f"{target} is not a gap reliability table of format {FORMAT_VERSION}; "
                                  "rebuild it with `respassess train`")
    return str(data.get("version", "unknown")), {k: float(v["confidence"]) for k, v in data["per_kind"].items()}


def with_confidence(gaps: Sequence["Gap"], confidence: Mapping[str, float] | None) -> tuple["Gap", ...]:
    """The gaps, each carrying its kind's measured confidence (unchanged when there is no table)."""
    if not confidence:
        return tuple(gaps)
    return tuple(dataclasses.replace(g, confidence=confidence.get(g.kind.value)) for g in gaps)


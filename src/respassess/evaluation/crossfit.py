"""Out-of-fold predictions for the dev split, so that dev figures are not in-sample.

The ask-label model is trained on the dev records, so scoring it on them measures its fit,
not its skill (session 3: ask macro-F1 0.77 on dev, 0.39 on the held-out test). Rules tuned on
dev that read the model's labels (the gap flags, the coverage score) were tuned against those
flattering labels. Cross-fitting gives each dev record the labels of a model that never saw it:
the dev records are cut into folds by a fixed hash of their id; for each fold a model is
trained, with the shipped model's settings, on the other folds and predicts this one. The
test split is untouched: it keeps the shipped model, trained on all of dev.

The stance model is refitted the same way (with the shipped model's settings, its weak labels
kept, minus any reply a held-out dev record shares), so the dev stance figures are
out-of-fold as well; the rules that decide replies stating a position were still written
against these records.
"""

from __future__ import annotations

import hashlib
import logging
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping, Sequence

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    from ..pipeline import Assessor

__all__ = ["crossfit_fold", "cross_fitted_predictions"]

log = logging.getLogger(__name__)
#: the regularisation used when the assessor has no trained model to copy it from
_DEFAULT_C = 0.3


def crossfit_fold(record_id: str, folds: int) -> int:
    """The fold (0 .. folds-1) of a dev record: a fixed hash, independent of the test rule."""
    digest = hashlib.sha256(f"crossfit:{record_id}".encode("utf-8")).hexdigest()
    return int(digest, 16) % folds


def cross_fitted_predictions(gold: Sequence[Mapping[str, Any]], records: Mapping[str, Mapping[str, Any]], *,
                             assessor: "Assessor", folds: int = 5, seed: int = 0) -> list[dict[str, Any]]:
    """Assess each gold record of the dev split with models (ask labels, evidence, stance) trained without its fold.

    Args:
        gold: gold records; only those :func:`respassess.evaluate.heldout_split` puts in "dev"
            and whose text is in ``records`` are predicted and trained on. Pass the held-out ones too: their
            ids and replies are then kept out of the stance model's weak labels (their labels are never read).
        records: source records by id (from :func:`respassess.evaluate.load_record_texts`).
        assessor: supplies the spaCy pipeline, the embedder, the settings and the C of its ask model.
        folds: number of folds (at least 2).
        seed: seed of each fold's solver.

    Returns:
        ``Assessment.to_dict()`` dicts, one per predicted dev record, in the order of ``gold``.

    Raises:
        ValueError: ``folds`` is below 2, or a fold leaves fewer than 2 records with matched asks to train on.
    """
    from ..align.relevance import EvidenceModel
    from ..config import RULES
    from ..coverage_model import CoverageModel
    from ..evaluate import heldout_split
    from ..pipeline import Assessor
    from ..records import record_from_mapping
    from ..evidence_training import collect_evidence_rows
    from ..train import collect_examples

    if folds < 2:
        raise ValueError(f"`folds` is {folds}; cross-fitting needs at least 2 folds (5 is usual).")
    dev = [g for g in gold if heldout_split(g["id"]) == "dev" and g["id"] in records]
    shipped = assessor.coverage_model
    C = float(getattr(shipped, "C", _DEFAULT_C))
    # features never depend on an ask model, as in `respassess train`
    rules = Assessor(assessor.config.replace(coverage_model=RULES),
                     nlp=assessor.nlp, embedder=assessor.embedder)
    examples = collect_examples(dev, records, assessor=rules)
    fold_of = {g["id"]: crossfit_fold(g["id"], folds) for g in dev}
    # the evidence model, when one is shipped, is cross-fitted too (its threshold kept), so the dev
    # evidence figures are out-of-fold as well
    evidence_model = assessor.evidence_model
    rows = collect_evidence_rows(dev, records, assessor=rules) if evidence_model is not None else None
    stance = _StanceRefit(gold, dev, records, assessor) if assessor.stance_model is not None else None
    out: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="respassess-crossfit-") as tmp:
        for k in range(folds):
            train = [e for e in examples if fold_of[e.record_id] != k]
            todo = [g for g in dev if fold_of[g["id"]] == k]
            if not todo:
                continue
            if len({e.record_id for e in train}) < 2:
                raise ValueError(f"fold {k} of {folds} leaves matched asks of fewer than 2 records to train on; "
                                 "use fewer folds or more gold records.")
            model = CoverageModel(C=C, seed=seed).fit(np.vstack([e.features for e in train]), [e.label for e in train],
                                                      groups=[e.record_id for e in train],
                                                      words=[e.words for e in train])
            # the version names the fold, so every prediction says which model labelled it
            model.meta_ = {"date": f"crossfit-fold{k}of{folds}", "n_examples": len(train)}
            path = model.save(Path(tmp) / f"fold{k}.json")
            settings = {"coverage_model": str(path)}
            if rows is not None:
                keep = np.array([fold_of[i] != k for i in rows.groups.tolist()], dtype=bool)
                fitted = EvidenceModel(C=evidence_model.C, seed=seed, threshold=evidence_model.threshold)
                fitted.fit(rows.X[keep], rows.y[keep]).meta_ = {"date": f"crossfit-fold{k}of{folds}"}
                settings["evidence_model"] = str(fitted.save(Path(tmp) / f"evidence-fold{k}.json"))
            if stance is not None:
                held = {g["id"] for g in todo}
                refit = stance.fit(held, seed=seed)
                refit.meta_["date"] = f"crossfit-fold{k}of{folds}"
                settings["stance_model"] = str(refit.save(Path(tmp) / f"stance-fold{k}.json"))
            fold_assessor = Assessor(assessor.config.replace(**settings), nlp=assessor.nlp, embedder=assessor.embedder)
            recs = [record_from_mapping(records[g["id"]], source="records") for g in todo]
            for a in fold_assessor.assess_many(recs):
                row = a.to_dict()
                out[row["id"]] = row
            log.info("cross-fit fold %d/%d: %d asks trained, %d records predicted", k + 1, folds, len(train), len(todo))
    return [out[g["id"]] for g in dev if g["id"] in out]


class _StanceRefit:
    """The stance model's training examples, built once, and a refit that leaves some dev records out."""

    def __init__(self, gold: Sequence[Mapping[str, Any]], dev: Sequence[Mapping[str, Any]],
                 records: Mapping[str, Mapping[str, Any]], assessor: "Assessor") -> None:
        from ..evaluate import heldout_split
        from ..stance_training import collect_stance_examples, reply_key, usable_weak_rows

        shipped = assessor.stance_model
        self.C, self.threshold = shipped.C, shipped.explicit_threshold
        self.weak_weight = float(shipped.meta_.get("params_training", {}).get("weak_weight", 0.5))
        labels = {g["id"]: g["stance"] for g in gold}
        heldout = {reply_key(records[i].get("response")) for i in labels if heldout_split(i) == "test" and i in records}
        weak = usable_weak_rows(records.values(), gold_ids=labels.keys(), heldout_texts=heldout)
        self.dev_ex = collect_stance_examples([records[g["id"]] for g in dev], nlp=assessor.nlp, gold=labels)
        self.weak_ex = collect_stance_examples(weak, nlp=assessor.nlp)

    def fit(self, held: set[str], *, seed: int) -> Any:
        """A model fitted without the ``held`` records, nor any gold or weak record sharing one of their replies."""
        from ..stance_training import fit_stance_model

        groups = {e.group for e in self.dev_ex if e.record_id in held}
        return fit_stance_model([e for e in self.dev_ex if e.group not in groups],
                                [e for e in self.weak_ex if e.group not in groups], C=self.C, seed=seed,
                                weak_weight=self.weak_weight, threshold=self.threshold)

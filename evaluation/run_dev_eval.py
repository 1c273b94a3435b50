"""Run respassess on the dev gold records and write a dated evaluation report.

    .venv/bin/python evaluation/run_dev_eval.py                 # pipeline on all gold records
    .venv/bin/python evaluation/run_dev_eval.py --pred preds.jsonl   # score existing predictions
    .venv/bin/python evaluation/run_dev_eval.py --limit 5 --out-root /tmp/reports   # a smoke run

Writes ``evaluation/reports/<YYYY-MM-DD>-dev/`` with ``metrics.json``, ``report.md`` and
``report.html`` (and ``predictions.jsonl`` with ``--keep-predictions``). Texts are joined to the
gold by id from ``../shared/data/records``. Every figure is reported on the ``dev``
(tuned-on), ``test`` (held out by hash) and ``all`` splits.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "data"

logger = logging.getLogger("run_dev_eval")


def run_pipeline(gold: list[dict], records: dict[str, dict], out: Path) -> list[dict]:
    """Assess each gold record with a default Assessor; write and return the prediction dicts."""
    from respassess.pipeline import Assessor
    from respassess.records import record_from_mapping

    to_assess = [record_from_mapping(records[g["id"]], source="records") for g in gold if g["id"] in records]
    missing = [g["id"] for g in gold if g["id"] not in records]
    if missing:
        logger.warning("no source record for %d gold ids: %s", len(missing), ", ".join(missing))
    start = time.perf_counter()
    predictions = [a.to_dict() for a in Assessor().assess_many(to_assess)]
    logger.info("assessed %d records in %.1f s", len(predictions), time.perf_counter() - start)
    with open(out, "w", encoding="utf-8") as fh:
        for p in predictions:
            fh.write(json.dumps(p, ensure_ascii=False) + "\n")
    return predictions


def _shown(path: Path) -> str:
    """A path as shown in reports: relative to the folder holding the repository, when under it."""
    try:
        return str(Path(path).resolve().relative_to(REPO.parent))
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=SHARED / "gold" / "dev.jsonl")
    parser.add_argument("--records", type=Path, default=SHARED / "records")
    parser.add_argument("--pred", type=Path, help="score these predictions instead of running the pipeline")
    parser.add_argument("--out-root", type=Path, default=REPO / "evaluation" / "reports")
    parser.add_argument("--date", default=dt.date.today().isoformat(), help="the report folder's date (YYYY-MM-DD)")
    parser.add_argument("--bootstrap", type=int, default=1000)
    parser.add_argument("--limit", type=int, help="only the first N gold records (smoke runs)")
    parser.add_argument("--keep-predictions", action="store_true",
                        help="also keep predictions.jsonl in the report folder (it quotes record texts, some of which "
                             "may not be copied into the repository: see ../shared/data/SOURCES.md)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")

    from respassess.evaluate import evaluate, load_gold, load_predictions, load_record_texts, write_evaluation_report

    gold = load_gold(args.gold)[: args.limit]
    records = load_record_texts([args.records])
    out_dir = args.out_root / f"{args.date}-dev"
    out_dir.mkdir(parents=True, exist_ok=True)
    if args.pred:
        predictions = load_predictions(args.pred)
    else:
        pred_path = (out_dir if args.keep_predictions else Path(tempfile.mkdtemp())) / "predictions.jsonl"
        predictions = run_pipeline(gold, records, pred_path)
        logger.info("predictions written to %s", pred_path)
    metrics = evaluate(gold, predictions, records=records, bootstrap=args.bootstrap)
    metrics["source"] = {"gold": _shown(args.gold), "predictions": _shown(args.pred) if args.pred else "pipeline run",
                         "date": args.date,
                         "versions": next((p.get("versions") for p in predictions if p.get("versions")), {}),
                         "config_id": next((p.get("config_id") for p in predictions if p.get("config_id")), None)}
    paths = write_evaluation_report(metrics, out_dir)
    p = metrics["primary"]
    sys.stdout.write(f"{p['name']} = {p['value']:.3f} on the {p['split']} split; report: {paths['html']}\n")
    for split in ("dev", "test", "all"):
        head = metrics["splits"][split]["headline"]
        sys.stdout.write(f"  {split:4s} n={metrics['splits'][split]['n_records']:3d} "
                         + " ".join(f"{k}={v:.3f}" for k, v in head.items()) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

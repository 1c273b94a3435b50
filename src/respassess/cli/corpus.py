"""Commands for a researcher scoring a corpus: score, report, evaluate."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ._common import clean_errors, config_from_options, model_options

__all__ = ["score", "report", "evaluate"]


@click.command()
@click.argument("input", type=click.Path(allow_dash=True))
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="Output .jsonl, .csv or .parquet.")
@click.option("--errors", "errors_path", type=click.Path(dir_okay=False),
              help="Where bad rows are reported [default: OUT.errors.jsonl].")
@click.option("--no-resume", is_flag=True, help="Start over instead of skipping records already in OUT.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Local worker processes.")
@click.option("--scheduler", help="Dask scheduler address (engine dask; a LocalCluster when omitted).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@model_options
@clean_errors
def score(input, out, errors_path, no_resume, engine, workers, scheduler, quiet, **model_opts) -> None:
    """Score every record of INPUT (.jsonl/.csv/.parquet, '-' for JSONL on stdin) into OUT.

    Resumable: rerun the same command after an interruption and only the missing
    records are scored. Bad rows go to the errors file; the rest is scored.

    \b
    Example:
      respassess score corpus/au_dev.jsonl --out runs/au.jsonl
    """
    from tqdm import tqdm

    from ..batch import score_corpus
    from ..pipeline import Assessor

    assessor = Assessor(config_from_options(**model_opts))
    bar = tqdm(unit="rec", disable=quiet, file=sys.stderr, dynamic_ncols=True)
    try:
        summary = score_corpus(input, out, assessor=assessor, errors_path=errors_path, resume=not no_resume,
                               engine=engine, workers=workers, scheduler=scheduler, progress=bar.update)
    finally:
        bar.close()
    click.echo(summary.line(), err=True)
    if summary.failed:
        click.echo(f"{summary.failed} bad record(s) listed in {summary.errors_path}", err=True)


@click.command()
@click.argument("assessments", type=click.Path(exists=True, dir_okay=False))
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="The HTML report to write.")
@click.option("--tables", "tables_dir", type=click.Path(file_okay=False), help="Also write CSV/Parquet tables here.")
@click.option("--as-of", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Deadlines before this day are overdue [default: today].")
@clean_errors
def report(assessments, out, tables_dir, as_of) -> None:
    """Write the corpus report (one self-contained HTML file) from ASSESSMENTS (JSONL).

    \b
    Example:
      respassess report runs/corpus.assessments.jsonl --out runs/report.html --tables runs/tables
    """
    from ..report.corpus import write_corpus_report

    path = write_corpus_report(assessments, out, as_of=as_of.date() if as_of else None, tables_dir=tables_dir)
    click.echo(f"wrote {path}", err=True)


@click.command()
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--pred", type=click.Path(exists=True, dir_okay=False),
              help="Score these predictions (respassess JSONL) instead of running the pipeline.")
@click.option("--records", "records_paths", multiple=True, type=click.Path(exists=True),
              help="JSONL file(s) or folder(s) holding the gold records' texts "
                   "[default: GOLD's ../records folder and corpus/]; repeatable.")
@click.option("--agreement", "other_gold", type=click.Path(exists=True, dir_okay=False),
              help="A second annotation of the same records: report human agreement instead.")
@click.option("--out", "out_dir", default="evaluation/reports/latest", show_default=True,
              type=click.Path(file_okay=False), help="Folder for metrics.json, report.md and report.html.")
@click.option("--bootstrap", default=1000, show_default=True, type=click.IntRange(0, 100_000))
@click.option("--keep-predictions", type=click.Path(dir_okay=False),
              help="Also save the pipeline's predictions here (they quote the source texts: keep them out of git).")
@click.option("--dev-only", is_flag=True,
              help="Score only the dev split: held-out records are neither run nor shown (for tuning sessions).")
@click.option("--cross-fit", "cross_fit", default=0, show_default=True, type=click.IntRange(0, 20),
              help="Predict each dev record with an ask model trained on the other K folds of dev "
                   "(honest dev figures for tuning); 0 uses the shipped model everywhere.")
@model_options
@clean_errors
def evaluate(gold, pred, records_paths, other_gold, out_dir, bootstrap, keep_predictions, dev_only, cross_fit,
             **model_opts) -> None:
    """Score the pipeline (or --pred predictions) against GOLD file(s) and write the evaluation report.

    Figures are given on the dev split (tuned on), the held-out test split and all.

    \b
    Examples:
      respassess evaluate ../shared/data/gold/dev.jsonl --out evaluation/reports/latest
      respassess evaluate ../shared/data/gold/dev.jsonl evaluation/gold/respassess_team.jsonl \\
          --records ../shared/data/records --out evaluation/reports/latest
    """
    from .. import evaluate as ev

    if cross_fit == 1:
        raise click.BadParameter("1; cross-fitting needs at least 2 folds (5 is usual), or 0 to turn it off.",
                                 param_hint="--cross-fit")
    if cross_fit and (pred or other_gold):
        raise click.BadParameter(f"{cross_fit}; cross-fitting runs the pipeline, so it cannot be combined with "
                                 f"{'--pred' if pred else '--agreement'}: drop one of the two.", param_hint="--cross-fit")
    gold_rows, sources = [], {}
    for path in gold:
        for row in ev.load_gold(path):
            gold_rows.append(row)
            sources.setdefault(row["id"], Path(path).name)
    # the cross-fit sees every gold id (never a held-out label) so that it keeps held-out records and their
    # replies out of its weak stance labels, as `respassess train` does, with or without --dev-only
    all_gold_rows = gold_rows
    if dev_only:
        gold_rows = [row for row in gold_rows if ev.heldout_split(row["id"]) == "dev"]
    paths = list(records_paths) or [p for p in {Path(g).resolve().parent.parent / "records" for g in gold}
                                    | {Path("corpus")} if p.exists()]
    paths = sorted(paths, key=str)
    records = ev.load_record_texts(paths)
    if other_gold:
        metrics = ev.agreement(gold_rows, ev.load_gold(other_gold), records=records)
    else:
        if pred:
            predictions = ev.load_predictions(pred)
        else:
            from ..pipeline import Assessor
            from ..records import record_from_mapping

            todo = [record_from_mapping(records[g["id"]], source="records") for g in gold_rows if g["id"] in records]
            missing = len(gold_rows) - len(todo)
            if missing:
                click.echo(f"warning: {missing} gold record(s) have no text in {paths}", err=True)
            assessor = Assessor(config_from_options(**model_opts))
            if cross_fit:
                from ..evaluation.crossfit import cross_fitted_predictions

                dev_pred = cross_fitted_predictions(all_gold_rows, records, assessor=assessor, folds=cross_fit)
                done = {p["id"] for p in dev_pred}
                rest = [r for r in todo if r.id not in done]
                predictions = dev_pred + [a.to_dict() for a in assessor.assess_many(rest)]
            else:
                predictions = [a.to_dict() for a in assessor.assess_many(todo)]
            if keep_predictions:
                Path(keep_predictions).parent.mkdir(parents=True, exist_ok=True)
                with open(keep_predictions, "w", encoding="utf-8") as fh:
                    for p in predictions:
                        fh.write(json.dumps(p, ensure_ascii=False, sort_keys=True) + "\n")
        metrics = ev.evaluate(gold_rows, predictions, records=records, bootstrap=bootstrap,
                              sources=sources if len(gold) > 1 else None)
        if cross_fit and not pred:
            metrics["dev_ask_model"] = (f"out-of-fold: {cross_fit} folds of dev, each predicted by models "
                                        "(ask labels, evidence, stance) trained on the others")
    written = ev.write_evaluation_report(metrics, out_dir)
    primary = metrics.get("primary", {})
    if primary:
        click.echo(f"{primary['name']} = {primary['value']:.3f} ({primary['split']} split)")
    for split_name, data in metrics.get("splits", {}).items():
        head = data.get("headline", {})
        click.echo(f"  {split_name:4s} n={data.get('n_records', 0):3d} "
                   + " ".join(f"{k}={v:.3f}" for k, v in head.items() if isinstance(v, (int, float))))
    click.echo(f"report: {written.get('html')}", err=True)

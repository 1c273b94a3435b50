"""Commands for a clerk checking one response: assess, split, serve."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import click

from ..errors import RespassessError
from ._common import clean_errors, config_from_options, model_options

__all__ = ["assess", "split", "serve"]


@click.command()
@click.argument("input", required=False, type=click.Path(allow_dash=True))
@click.option("--recommendation", help="The recommendation text (instead of INPUT).")
@click.option("--response", help="The response text (with --recommendation).")
@click.option("--official-status", help="The official label, e.g. 'Acknowledged'.")
@click.option("--response-date", help="ISO date of the response, to resolve 'later this year'.")
@click.option("--jurisdiction", help="e.g. 'United Kingdom', 'Australia'.")
@click.option("--id", "record_id", help="Which record of a multi-record INPUT to assess (default: the first).")
@click.option("--format", "fmt", type=click.Choice(["json", "md", "html"]), default="json", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, allow_dash=True), default="-", help="Output file [default: stdout].")
@model_options
@clean_errors
def assess(input, recommendation, response, official_status, response_date, jurisdiction, record_id, fmt, out,
           **model_opts) -> None:
    """Assess one record and print the report.

    INPUT is a JSON/JSONL record, a tracker-format text page, a response document
    (PDF/DOCX/HTML/text; use --id to pick a recommendation) or '-' for a JSON record on stdin.

    \b
    Examples:
      respassess assess ../shared/data/seed/uk-pac-rec7-send.txt --format md
      respassess assess --recommendation "Publish a costed plan." --response "The government agrees."
    """
    from ..pipeline import Assessor
    from ..records import record_from_strings

    record = _one_record(input, recommendation, response, record_id)
    meta = {k: v for k, v in dict(official_status=official_status, response_date=response_date,
                                  jurisdiction=jurisdiction).items() if v}
    if meta:
        record = record_from_strings(record.recommendation, record.response, id=record.id, **{**record.meta, **meta})
    assessment = Assessor(config_from_options(**model_opts)).assess(record)
    _write(_render(assessment.to_dict(), fmt, recommendation=record.recommendation, response=record.response), out)


def _one_record(input, recommendation, response, record_id):
    from ..errors import InputFormatError
    from ..records import iter_records, record_from_strings
    from ..records.io import record_from_mapping

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
    if suffix in (".pdf", ".docx", ".html", ".htm") or _text_document(input, suffix):
        from ..records.documents import read_document
        from ..records.split import pairs_to_records, split_document

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


def _text_document(path: str, suffix: str) -> bool:
    """A response document saved as text, as opposed to a page in the tracker's layout."""
    from ..records.tracker import looks_like_tracker_page

    if suffix not in (".txt", ".text", ".md") or not Path(path).is_file():
        return False
    return not looks_like_tracker_page(Path(path).read_text(encoding="utf-8", errors="replace"))


def _render(data: dict, fmt: str, *, recommendation: str, response: str) -> str:
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
    from ..report.single import render_assessment_html, render_assessment_markdown

    render = render_assessment_markdown if fmt == "md" else render_assessment_html
    return render(data, recommendation=recommendation, response=response)


def _write(text: str, out: str) -> None:
    if out == "-":
        click.echo(text)
    else:
        Path(out).write_text(text + ("\n" if not text.endswith("\n") else ""), encoding="utf-8")
        click.echo(f"wrote {out}", err=True)


@click.command()
@click.argument("document", type=click.Path(exists=True, dir_okay=False))
@click.option("--out", "-o", default="-", type=click.Path(dir_okay=False, allow_dash=True),
              help="JSONL of recommendation/response pairs [default: stdout].")
@click.option("--jurisdiction", help="Stamped on every pair, e.g. 'Australia'.")
@click.option("--answered-only", is_flag=True, help="Leave out recommendations that have no response.")
@click.option("--max-bytes", type=click.IntRange(1), default=50_000_000, show_default=True,
              help="Refuse larger documents.")
@click.option("--timeout", "timeout_s", type=float, default=60, show_default=True,
              help="Seconds allowed for PDF text extraction.")
@clean_errors
def split(document, out, jurisdiction, answered_only, max_bytes, timeout_s) -> None:
    """Split a response DOCUMENT (PDF, DOCX, HTML, text) into recommendation/response pairs.

    Prints a pairing summary (found, answered, unanswered, cross-referenced) on stderr.

    \b
    Example:
      respassess split ../shared/data/documents/uk-dhsc-rapid-review-response-2024.pdf --out pairs.jsonl
    """
    from ..records.split import split_to_jsonl

    result = split_to_jsonl(document, out, jurisdiction=jurisdiction, include_unanswered=not answered_only,
                            max_bytes=max_bytes, timeout_s=timeout_s)
    summary = result.summary
    click.echo(f"layout {result.layout}: " + ", ".join(f"{k} {v}" for k, v in summary.items()), err=True)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but 127.0.0.1/localhost lets other machines in.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="TCP port (0: any free one).")
@click.option("--max-upload-mb", type=click.IntRange(1, 500), default=20, show_default=True,
              help="Largest document (or pasted text) accepted, in MB.")
@click.option("--model-threads", type=click.IntRange(1, 64), default=min(2, os.cpu_count() or 1), show_default=True,
              help="CPU threads for the models; checks run one at a time, so each may use every core.")
@model_options
@clean_errors
def serve(host, port, max_upload_mb, model_threads, **model_opts) -> None:
    """Run the clerk's page: paste or upload a response and read its assessment.

    Loads the models once, then serves http://HOST:PORT/ until Ctrl+C. The page has no
    login: keep the default host unless other machines must reach it.

    \b
    Example:
      respassess serve --port 8000
    """
    from ..pipeline import Assessor
    from ..web import LOCAL_HOSTS, create_app, make_clerk_server

    if host not in LOCAL_HOSTS:
        click.secho(f"WARNING: binding to {host}: anyone who can reach this machine on port {port} can use the "
                    "page (it has no login) and read what is checked. Use --host 127.0.0.1 unless you mean it.",
                    err=True, fg="red", bold=True)
    click.echo("Loading models…", err=True)
    started = time.perf_counter()
    app = create_app(Assessor(config_from_options(**model_opts)), max_upload_bytes=max_upload_mb * 1024 * 1024,
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

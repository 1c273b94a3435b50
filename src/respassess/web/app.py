"""The clerk's page: paste (or upload) a response, read its assessment.

:func:`create_app` builds the Flask app around one :class:`~respassess.pipeline.Assessor`,
loaded and warmed once at start. Checks run one at a time under a lock (spaCy and torch
inference are not safe to share across threads); everything else (reading uploads,
rendering) runs in parallel. Results are kept in a small in-memory store so the page
can follow Post/Redirect/Get and offer JSON and HTML downloads.

Routes::

    GET  /                          the form (paste, or upload a document)
    POST /check                     assess pasted texts        -> 303 /result/<token>
    POST /upload                    read and split a document  -> 303 /document/<token>
    GET  /document/<token>          pick a recommendation found in it
    POST /document/<token>          assess the one picked      -> 303 /result/<token>
    GET  /result/<token>            the report
    GET  /result/<token>/assessment.json|html   downloads
    POST /api/assess                JSON in, assessment JSON out
    GET  /healthz                   "ok" once the models are loaded
"""

from __future__ import annotations

import json
import logging
import re
import secrets
import threading
from collections import OrderedDict
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from flask import Flask, Response, jsonify, redirect, render_template, request, url_for
from werkzeug.exceptions import HTTPException

from ..errors import RespassessError
from .view import result_view

if TYPE_CHECKING:  # pragma: no cover
    from ..pipeline import Assessor

__all__ = ["DEFAULT_MAX_UPLOAD_BYTES", "create_app"]

log = logging.getLogger(__name__)

DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024
_META_FIELDS = ("official_status", "response_date", "jurisdiction")
_WARM_RECORD = ("The Department should publish a costed plan by March 2025.",
                "The government agrees and will publish the plan, backed by £5 million, in spring 2025.")
# Pages and JS are ours: no inline script, nothing from another origin.
_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'")
# The downloaded report is self-contained (inline <style>) and runs no script at all.
_CSP_DOWNLOAD = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


class _Store:
    """A bounded, thread-safe least-recently-used map from random tokens to values."""

    def __init__(self, capacity: int) -> None:
        self._items: OrderedDict[str, Any] = OrderedDict()
        self._lock = threading.Lock()
        self._capacity = capacity

    def put(self, value: Any) -> str:
        token = secrets.token_urlsafe(12)
        with self._lock:
            self._items[token] = value
            while len(self._items) > self._capacity:
                self._items.popitem(last=False)
        return token

    def get(self, token: str) -> Any | None:
        with self._lock:
            value = self._items.get(token)
            if value is not None:
                self._items.move_to_end(token)
            return value


class _Busy(Exception):
    """More checks are waiting than the page will queue."""


class _Checker:
    """One Assessor shared by all requests; checks run one at a time, first come first served.

    A plain lock lets a late request overtake ones that waited longer (under load the
    slowest waited seconds more than it had to); a ticket queue keeps the order, and
    past ``max_waiting`` queued checks a request is refused rather than left hanging.
    """

    def __init__(self, assessor: Assessor, *, max_waiting: int = 64) -> None:
        self.assessor = assessor
        self.max_waiting = max_waiting
        self._cond = threading.Condition()
        self._next_ticket = 0
        self._serving = 0

    def check(self, record) -> dict[str, Any]:
        with self._cond:
            if self._next_ticket - self._serving > self.max_waiting:
                raise _Busy
            ticket = self._next_ticket
            self._next_ticket += 1
            while ticket != self._serving:
                self._cond.wait()
        try:
            return self.assessor.assess(record).to_dict()
        finally:
            with self._cond:
                self._serving += 1
                self._cond.notify_all()


def create_app(assessor: Assessor | None = None, *, max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES,
               warm: bool = True, model_threads: int | None = None, max_results: int = 256,
               max_documents: int = 16) -> Flask:
    """Build the clerk's page around one Assessor, loading its models now rather than on the first check.

    Args:
        assessor: the Assessor to use (else ``Assessor()`` with default settings).
        max_upload_bytes: the largest request (upload or pasted form) accepted; larger
            ones get a 413 page saying so.
        warm: assess a small record at start, so models are loaded before the first check.
        model_threads: if given, the number of CPU threads torch may use, process-wide
            (``torch.set_num_threads``). Checks run one at a time, and on a busy machine
            torch's default of one thread per core spins and gets many times slower, so
            ``respassess serve`` passes 1.
        max_results: how many assessments are kept for the result pages and downloads.
        max_documents: how many uploaded documents are kept for picking recommendations.

    Returns:
        The Flask app (serve it with :func:`respassess.web.server.make_clerk_server`).

    Raises:
        RespassessError: a model cannot be loaded (e.g. ModelNotFoundError) while warming.

    Example:
        >>> from respassess.web import create_app
        >>> app = create_app()  # doctest: +SKIP
        >>> app.test_client().get("/healthz").data  # doctest: +SKIP
        b'ok'
    """
    if assessor is None:
        from ..pipeline import Assessor

        assessor = Assessor()
    if model_threads is not None:
        import torch

        torch.set_num_threads(model_threads)
    checker = _Checker(assessor)
    if warm:
        from ..records import record_from_strings

        checker.check(record_from_strings(*_WARM_RECORD, id="warm-up"))

    app = Flask(__name__)
    app.config.update(MAX_CONTENT_LENGTH=max_upload_bytes, MAX_FORM_MEMORY_SIZE=max_upload_bytes,
                      JSON_SORT_KEYS=False)
    app.jinja_env.autoescape = True  # every template, whatever its extension: texts come from documents
    app.jinja_env.globals.update(max_upload_bytes=max_upload_bytes, max_upload_mb=_megabytes(max_upload_bytes))
    results, documents = _Store(max_results), _Store(max_documents)
    app.extensions["respassess"] = {"checker": checker, "results": results, "documents": documents}

    def show_result(entry: dict[str, Any]) -> Response:
        token = results.put(entry)
        return redirect(url_for("result", token=token), code=303)

    def form_error(message: str, values: Mapping[str, str], status: int = 400, *, upload: bool = False):
        return render_template("index.html", values=values, error=message, upload_error=upload), status

    @app.get("/")
    def index():
        values: dict[str, str] = {}
        entry = results.get(request.args.get("from", ""))
        if entry and entry.get("document") is None:
            values = {"recommendation": entry["recommendation"], "response": entry["response"],
                      "record_id": entry["assessment"].get("id", ""),
                      **{k: str(entry["meta"].get(k) or "") for k in _META_FIELDS}}
        return render_template("index.html", values=values, error=None, upload_error=False)

    @app.post("/check")
    def check():
        values = {k: request.form.get(k, "") for k in ("recommendation", "response", "record_id", *_META_FIELDS)}
        if not values["recommendation"].strip():
            return form_error("Paste the recommendation: it is empty.", values)
        meta = {k: values[k].strip() for k in _META_FIELDS if values[k].strip()}
        try:
            from ..records import record_from_strings

            record = record_from_strings(values["recommendation"], values["response"],
                                         id=values["record_id"].strip() or "pasted-record", **meta)
            assessment = checker.check(record)
        except RespassessError as exc:
            return form_error(str(exc), values)
        return show_result({"assessment": assessment, "recommendation": record.recommendation,
                            "response": record.response, "meta": meta, "document": None})

    @app.post("/upload")
    def upload():
        values = {k: request.form.get(k, "") for k in _META_FIELDS}
        file = request.files.get("document")
        if file is None or not file.filename:
            return form_error("Choose a response document (PDF, Word .docx or HTML) to upload.", values, upload=True)
        data = file.read()
        meta = {k: values[k].strip() for k in ("response_date",) if values[k].strip()}
        try:
            from ..records.documents import read_document
            from ..records.split import pairs_to_records, split_document

            document = read_document(data, filename=file.filename, max_bytes=max_upload_bytes)
            split = split_document(document, jurisdiction=values["jurisdiction"].strip() or None)
            records = pairs_to_records(split, include_unanswered=True, **meta)
        except RespassessError as exc:
            return form_error(str(exc), values, upload=True)
        entry = {"filename": file.filename, "records": records, "layout": split.layout.value,
                 "summary": split.summary, "warnings": [*document.warnings, *split.warnings],
                 "pages": len(document.pages), "kind": document.kind}
        return redirect(url_for("document", token=documents.put(entry)), code=303)

    @app.route("/document/<token>", methods=["GET", "POST"])
    def document(token: str):
        entry = documents.get(token)
        if entry is None:
            return _message_page("Document no longer here",
                                 "This page only keeps the last few uploaded documents. Upload it again.", 404)
        error = None
        if request.method == "POST":
            picked = request.form.get("pair", "")
            records = entry["records"]
            if not picked.isdigit() or int(picked) >= len(records):
                error = "Pick one of the recommendations below."
            elif not records[int(picked)].recommendation.strip():
                error = ("That item has no recommendation text in the document (it is answered by number "
                         "only). Paste the recommendation and its response on the first page instead.")
            else:
                record = records[int(picked)]
                try:
                    assessment = checker.check(record)
                except RespassessError as exc:
                    error = str(exc)
                else:
                    return show_result({"assessment": assessment, "recommendation": record.recommendation,
                                        "response": record.response, "meta": dict(record.meta),
                                        "document": {"token": token, "filename": entry["filename"]}})
        return render_template("pick.html", doc=entry, token=token, error=error), 400 if error else 200

    @app.get("/result/<token>")
    def result(token: str):
        entry = results.get(token)
        if entry is None:
            return _message_page("Result no longer here",
                                 "This page only keeps recent results. Check the response again.", 404)
        context = result_view(entry["assessment"], recommendation=entry["recommendation"],
                              response=entry["response"], reflow=entry.get("document") is not None)
        return render_template("result.html", token=token, entry=entry, **context)

    @app.get("/result/<token>/assessment.<fmt>")
    def download(token: str, fmt: str):
        entry = results.get(token)
        if entry is None or fmt not in ("json", "html"):
            return _message_page("Not found", "This result is no longer kept. Check the response again.", 404)
        assessment = entry["assessment"]
        name = _safe_name(str(assessment.get("id") or "assessment"))
        if fmt == "json":
            body = json.dumps(assessment, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
            mimetype = "application/json"
        else:
            from ..report.single import render_assessment_html

            body = render_assessment_html(assessment, recommendation=entry["recommendation"],
                                          response=entry["response"])
            mimetype = "text/html"
        response = Response(body, mimetype=mimetype)
        response.headers["Content-Disposition"] = f'attachment; filename="{name}.assessment.{fmt}"'
        response.headers["Content-Security-Policy"] = _CSP_DOWNLOAD
        return response

    @app.post("/api/assess")
    def api_assess():
        payload = request.get_json(silent=True)
        if not isinstance(payload, dict):
            return jsonify(error="send a JSON object {\"recommendation\": ..., \"response\": ...} with "
                                 "Content-Type: application/json"), 400
        fields = {"recommendation": payload.get("recommendation"), "response": payload.get("response", "")}
        meta = {k: v for k, v in payload.items()
                if k not in ("recommendation", "response", "id") and v not in (None, "")}
        try:
            from ..records import record_from_strings

            if not isinstance(fields["recommendation"], str):
                return jsonify(error="`recommendation` must be a string (the recommendation text)"), 400
            record = record_from_strings(fields["recommendation"], fields["response"] or "",
                                         id=str(payload.get("id") or "record-1"), **meta)
            return jsonify(checker.check(record))
        except RespassessError as exc:
            return jsonify(error=str(exc)), 400

    @app.get("/healthz")
    def healthz():
        return Response("ok", mimetype="text/plain")

    @app.errorhandler(413)
    def too_large(exc):
        limit = _megabytes(max_upload_bytes)
        text = (f"The upload is larger than this page accepts ({limit}). Split the document, save it "
                "without images, or start the page with a larger limit (respassess serve --max-upload-mb N).")
        if request.path.startswith("/api/"):
            return jsonify(error=text), 413
        return _message_page("File too large", text, 413)

    @app.errorhandler(_Busy)
    def busy(exc):
        text = (f"More than {checker.max_waiting} checks are waiting; try again in a minute. (The page checks one "
                "response at a time.)")
        if request.path.startswith("/api/"):
            response = jsonify(error=text)
            response.status_code = 503
        else:
            response = app.make_response(_message_page("Busy", text, 503))
        response.headers["Retry-After"] = "30"
        return response

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        if request.path.startswith("/api/"):
            return jsonify(error=exc.description), exc.code
        return _message_page(exc.name, exc.description or "", exc.code or 500)

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        # Never a stack trace on the page: log it for whoever runs the server.
        log.exception("unexpected error on %s", request.path)
        text = ("Something went wrong while checking this response. The details are in the server's log; "
                "please report them with the text you checked.")
        if request.path.startswith("/api/"):
            return jsonify(error=text), 500
        return _message_page("Unexpected error", text, 500)

    @app.after_request
    def security_headers(response: Response) -> Response:
        response.headers.setdefault("Content-Security-Policy", _CSP)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers.setdefault("Cache-Control", "no-store")
        return response

    return app


def _message_page(title: str, text: str, status: int):
    return render_template("message.html", title=title, text=text, status=status), status


def _megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):g} MB"


def _safe_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.")[:80] or "assessment"

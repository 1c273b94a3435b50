"""One assessment as an HTML page or Markdown: what the clerk's ``assess --format md|html`` prints.

The response (and recommendation) text is shown with the findings highlighted by
their character offsets. Every piece of text goes through jinja2's autoescape (HTML)
or :func:`_md_escape` (Markdown), so a response containing ``<script>`` shows as text.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from .render import environment

__all__ = ["render_assessment_html", "render_assessment_markdown", "highlight_segments", "stance_note", "locate_span"]

_KIND_TITLES = {"m-ask": "ask", "m-evidence": "evidence", "m-commitment": "commitment", "m-date": "date",
                "m-amount": "amount"}


def locate_span(text: str, span: Mapping[str, Any]) -> tuple[int, int] | None:
    """Return (start, end) when the span's offsets point at its text, else find the text; None if absent."""
    start, end, quote = span.get("start"), span.get("end"), span.get("text") or ""
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
        if not quote or text[start:end] == quote:
            return start, end
    if quote:
        found = text.find(quote)
        if found >= 0:
            return found, found + len(quote)
    return None


def highlight_segments(text: str, spans: Sequence[tuple[Mapping[str, Any], str]]) -> list[dict]:
    """Cut ``text`` into runs, each with the highlight classes of the spans covering it.

    Args:
        text: the source text.
        spans: ``(span, css_class)`` pairs; a span is a dict with ``start``, ``end`` and ``text``.
            Offsets that do not point at the span's text fall back to a search for the text;
            spans found nowhere are skipped.

    Returns:
        ``[{"text", "classes": [...], "title"}]`` covering the whole text in order.
    """
    marks: list[set[str]] = [set() for _ in range(len(text))]
    for span, css in spans:
        where = locate_span(text, span)
        if where:
            for i in range(*where):
                marks[i].add(css)
    segments: list[dict] = []
    for i, ch in enumerate(text):
        classes = sorted(marks[i])
        if segments and segments[-1]["classes"] == classes:
            segments[-1]["text"] += ch
        else:
            segments.append({"text": ch, "classes": classes})
    for seg in segments:
        seg["title"] = ", ".join(_KIND_TITLES.get(c, c) for c in seg["classes"])
    return segments


def stance_note(assessment: Mapping[str, Any]) -> str | None:
    """Return a sentence when the official label disagrees with the stance read from the text."""
    official, official_stance = assessment.get("official_status"), assessment.get("official_stance")
    if assessment.get("stance_mismatch") or (official_stance and official_stance not in (assessment.get("stance"),
                                                                                       "unclear")):
        return (f"The official label {official!r} reads as {official_stance or 'a different stance'}, but the text "
                f"reads as {assessment.get('stance')}.")
    return None


def _texts(assessment: Mapping[str, Any], recommendation: str | None, response: str | None) -> tuple[str, str]:
    meta = assessment.get("meta") or {}
    rec = recommendation if recommendation is not None else assessment.get("recommendation", meta.get("recommendation"))
    res = response if response is not None else assessment.get("response", meta.get("response"))
    return rec or "", res or ""


def _context(assessment: Mapping[str, Any], recommendation: str | None, response: str | None) -> dict[str, Any]:
    rec_text, res_text = _texts(assessment, recommendation, response)
    asks = list(assessment.get("asks") or assessment.get("clauses") or [])
    response_spans: list[tuple[Mapping[str, Any], str]] = []
    for ask in asks:
        for ev in ask.get("evidence") or []:
            response_spans.append(({"text": ev} if isinstance(ev, str) else ev, "m-evidence"))
    response_spans += [(c, "m-commitment") for c in assessment.get("commitments") or []]
    response_spans += [(d, "m-date") for d in assessment.get("dates") or []]
    response_spans += [(m, "m-amount") for m in assessment.get("amounts") or []]
    gaps = [g if isinstance(g, dict) else {"kind": g, "message": "", "evidence": []}
            for g in assessment.get("gaps") or []]
    meta = assessment.get("meta") or {}
    coverage = assessment.get("coverage")
    return {
        "a": assessment, "meta": meta, "asks": asks,
        "meta_line": " · ".join(str(meta[k]) for k in ("jurisdiction", "body", "response_date") if meta.get(k)),
        "gaps": gaps, "stance_note": stance_note(assessment),
        "coverage": "n/a" if coverage is None else f"{coverage:.2f}",
        "evidence_texts": {i: [e if isinstance(e, str) else e.get("text", "") for e in ask.get("evidence") or []]
                           for i, ask in enumerate(asks)},
        "recommendation_segments": highlight_segments(rec_text, [(a, "m-ask") for a in asks]) if rec_text else [],
        "response_segments": highlight_segments(res_text, response_spans) if res_text else [],
    }


def render_assessment_html(assessment: Mapping[str, Any], *, recommendation: str | None = None,
                           response: str | None = None) -> str:
    """Render one assessment as a self-contained HTML page.

    Args:
        assessment: an ``Assessment.to_dict()`` dict.
        recommendation: the recommendation text, for highlighting the asks (default: the
            dict's ``recommendation`` key, if any).
        response: the response text, for highlighting findings (default: the dict's
            ``response`` key, if any).

    Returns:
        The HTML document as a string (no external assets; all text escaped).
    """
    return environment().get_template("assessment.html").render(**_context(assessment, recommendation, response))


def _md_escape(text: Any) -> str:
    # Markdown renders inline HTML, so angle brackets are escaped too, not just Markdown syntax.
    s = "" if text is None else str(text)
    for ch, rep in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")):
        s = s.replace(ch, rep)
    for ch in "\\`*_[]|":
        s = s.replace(ch, "\\" + ch)
    return " ".join(s.split())


def _number(value: Any) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    return _md_escape(value)


def render_assessment_markdown(assessment: Mapping[str, Any], *, recommendation: str | None = None,
                               response: str | None = None) -> str:
    """Render one assessment as Markdown for a clerk's note.

    Args:
        assessment: an ``Assessment.to_dict()`` dict.
        recommendation: the recommendation text (default: the dict's ``recommendation`` key).
        response: the response text (default: the dict's ``response`` key).

    Returns:
        The Markdown text; every quoted text is escaped (Markdown syntax and inline HTML).
    """
    ctx = _context(assessment, recommendation, response)
    a, e = assessment, _md_escape
    lines = [f"# Assessment of {e(a.get('id'))}", ""]
    meta = ctx["meta"]
    where = ", ".join(e(meta[k]) for k in ("jurisdiction", "body", "response_date") if meta.get(k))
    if where:
        lines += [where, ""]
    lines += [f"**Stance:** {e(a.get('stance'))} (confidence {a.get('stance_confidence', 'n/a')})"
              + (f"; official label: {e(a.get('official_status'))}" if a.get("official_status") else ""), ""]
    if ctx["stance_note"]:
        lines += [f"> Note: {e(ctx['stance_note'])}", ""]
    if a.get("cross_reference"):
        lines += [f"Cross-reference: {e(a['cross_reference'])}", ""]
    lines += [f"**Coverage:** {ctx['coverage']}", "", "## Asks", ""]
    for i, ask in enumerate(ctx["asks"]):
        lines.append(f"{i + 1}. **{e(ask.get('label'))}** — {e(ask.get('text'))}")
        if ask.get("reason"):
            lines.append(f"   - why: {e(ask['reason'])}")
        for ev in ctx["evidence_texts"][i]:
            lines.append(f"   - evidence: “{e(ev)}”")
    if not ctx["asks"]:
        lines.append("No asks found.")
    lines += ["", "## Gaps", ""]
    lines += [f"- **{e(g.get('kind'))}**" + (f": {e(g['message'])}" if g.get("message") else "")
              + (f" (flags of this kind were right {g['confidence']:.0%} of the time on development records)"
                 if isinstance(g.get("confidence"), (int, float)) else "")
              for g in ctx["gaps"]] or ["None raised."]
    lines += ["", "## Commitments", ""]
    lines += [f"- [{e(c.get('strength'))}] {e(c.get('text'))}"
              + (f" (actor: {e(c['actor'])})" if c.get("actor") else "")
              + (f" — deadline: {e(c['deadline'])}" if c.get("deadline") else "")
              for c in a.get("commitments") or []] or ["None found."]
    lines += ["", "## Dates", ""]
    lines += [f"- {e(d.get('text'))} → {e(d.get('value') or 'unresolved')} ({e(d.get('role'))}"
              + (", vague" if d.get("vague") else "") + ")" for d in a.get("dates") or []] or ["None found."]
    lines += ["", "## Amounts", ""]
    lines += [f"- {e(m.get('text'))} → {_number(m.get('value'))} {e(m.get('currency') or '')}".rstrip()
              + (f" ({e(m['approx'])})" if m.get("approx") else "") + (f", {e(m['period'])}" if m.get("period") else "")
              for m in a.get("amounts") or []] or ["None found."]
    if a.get("warnings"):
        lines += ["", "## Warnings", ""] + [f"- {e(w)}" for w in a["warnings"]]
    _, res_text = _texts(assessment, recommendation, response)
    if res_text:
        lines += ["", "## Response", ""] + [f"> {_md_escape(p)}" if p.strip() else ">" for p in res_text.split("\n")]
    return "\n".join(lines).rstrip() + "\n"

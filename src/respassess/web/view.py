"""The clerk's page view model: an ``Assessment.to_dict()`` dict turned into what the templates show.

Findings are highlighted by their character offsets. They nest (a date inside a
commitment inside an evidence sentence), so the texts are cut into a *tree* of
runs, one layer per kind, rather than flat segments: each finding is then one
focusable element whose normalised value shows on hover and on keyboard focus.
Everything here returns plain data; escaping is left to jinja2's autoescape.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..report.single import locate_span

__all__ = ["GAP_TITLES", "LABEL_TITLES", "STANCE_TITLES", "Mark", "nest_marks", "reflow_lines", "result_view"]

STANCE_TITLES = {
    "accepted": "Accepted", "accepted_in_principle": "Accepted in principle",
    "partially_accepted": "Partially accepted", "noted": "Noted",
    "under_consideration": "Under consideration", "rejected": "Rejected", "unclear": "Unclear",
}
LABEL_TITLES = {"addressed": "Addressed", "partial": "Partial", "unaddressed": "Unaddressed", "rejected": "Rejected"}
# A symbol beside each label, so the label never rests on colour alone.
LABEL_SYMBOLS = {"addressed": "✓", "partial": "◐", "unaddressed": "○", "rejected": "✕"}
GAP_TITLES = {
    "unaddressed_clause": "An ask is not addressed", "plan_pending": "Plan still pending",
    "no_timeline": "No timeline", "vague_timeline": "Vague timeline", "no_funding": "No funding or costing",
    "no_metrics": "No metrics", "existing_activity_only": "Existing activity only", "deflected": "Deflected",
    "hedged": "Hedged", "acceptance_without_action": "Acceptance without action", "rejected": "Rejected",
}
_CURRENCY_SIGNS = {"GBP": "£", "USD": "US$", "AUD": "A$", "NZD": "NZ$", "EUR": "€", "CAD": "C$"}


@dataclass(slots=True)
class Mark:
    """One highlighted finding: a character range, CSS classes and the note shown on hover/focus."""

    start: int
    end: int
    kind: str
    classes: tuple[str, ...] = ()
    note: str | None = None
    anchor: str | None = None
    refs: tuple[dict, ...] = ()
    number: int | None = None


@dataclass(slots=True)
class Node:
    """A run of text (``mark is None``) or a mark wrapping child nodes."""

    text: str = ""
    mark: Mark | None = None
    children: list[Node] = field(default_factory=list)
    first: bool = True
    last: bool = True
    tip_id: str | None = None


def nest_marks(text: str, layers: Sequence[Sequence[Mark]], *, id_prefix: str = "tip") -> list[Node]:
    """Cut ``text`` into a tree of runs: layer 0 outermost, later layers nested inside.

    A mark that crosses the edge of an outer mark is cut in two there (the second
    piece has ``first=False``); marks of one layer that overlap keep the earlier one.

    Args:
        text: the source text.
        layers: marks per layer, outermost first.
        id_prefix: prefix of the ids given to each piece's note (for aria-describedby).

    Returns:
        Nodes covering ``text`` in order; the concatenated leaf texts equal ``text``.
    """
    counter = [0]

    def build(start: int, end: int, depth: int) -> list[Node]:
        if start >= end:
            return []
        if depth == len(layers):
            return [Node(text=text[start:end])]
        nodes: list[Node] = []
        pos = start
        for mark in sorted(layers[depth], key=lambda m: (m.start, -m.end)):
            s, e = max(mark.start, pos), min(mark.end, end)
            if s >= e:
                continue
            nodes.extend(build(pos, s, depth + 1))
            counter[0] += 1
            tip_id = f"{id_prefix}-{counter[0]}" if mark.note else None
            nodes.append(Node(mark=mark, children=build(s, e, depth + 1), first=s == mark.start,
                              last=e == mark.end, tip_id=tip_id))
            pos = e
        nodes.extend(build(pos, end, depth + 1))
        return nodes

    return build(0, len(text), 0)


# A line break stays before a list item or a "Label:" and after a short line (a heading, a paragraph's end).
_KEEP_BEFORE = re.compile(r"[ \t]*(?:[•▪◦●\-–*]|\(?\d{1,3}[.)]|\(?[a-z][.)]\s|[A-Z][\w ]{0,40}:)")
_SHORT_LINE = 45


def reflow_lines(text: str) -> str:
    """Turn a document's hard line breaks inside paragraphs into spaces, character for character.

    PDF text keeps the page's line ends; shown as they are, a paragraph reads as a ragged
    column. A single newline after a long line that does not end a sentence, and before
    no list item, becomes a space. The result has the same length as ``text``, so every
    offset still points at the same characters.
    """
    chars = list(text)
    line_start = 0
    for match in re.finditer(r"\n", text):
        i = match.start()
        line = text[line_start:i].rstrip(" \t")
        line_start = i + 1
        if (len(line) >= _SHORT_LINE and line[-1] not in ".:;!?" and text[i + 1:i + 2] not in ("\n", "")
                and not (i > 0 and text[i - 1] == "\n") and not _KEEP_BEFORE.match(text, i + 1)):
            chars[i] = " "
    return "".join(chars)


def _money(value: Any, currency: str | None) -> str:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return str(value)
    sign = _CURRENCY_SIGNS.get(currency or "", "")
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            short = f"{sign}{value / size:,.3g} {word}"
            break
    else:
        short = f"{sign}{value:,.2f}".removesuffix(".00")
    exact = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    return f"{currency or 'currency unknown'} {exact} ({short})"


def date_note(d: Mapping[str, Any]) -> str:
    """The hover/focus note of a date: normalised value, precision, role and qualifiers."""
    parts = [f"Date: {d.get('value') or 'not resolved'}"]
    if d.get("granularity"):
        parts.append(f"precision {str(d['granularity']).replace('_', ' ')}")
    if d.get("role"):
        parts.append(f"role {d['role']}")
    interval = d.get("interval") or [None, None]
    if interval and interval[0] and interval[1] and interval[0] != interval[1]:
        parts.append(f"from {interval[0]} to {interval[1]}")
    if d.get("vague"):
        parts.append("vague")
    if d.get("relative"):
        parts.append("relative")
    if d.get("note"):
        parts.append(str(d["note"]))
    elif d.get("relative") and not d.get("resolved", True):
        parts.append("give the response date to resolve it")
    return " · ".join(parts)


def amount_note(m: Mapping[str, Any]) -> str:
    """The hover/focus note of a money amount: value, currency, qualifier, range and period."""
    parts = [f"Amount: {_money(m.get('value'), m.get('currency'))}"]
    if m.get("approx"):
        parts.append({"below": "just under this", "above": "more than this", "about": "approximately"}
                     .get(m["approx"], str(m["approx"])))
    rng = m.get("range")
    if rng and len(rng) == 2 and rng[0] is not None and rng[1] is not None:
        parts.append(f"range {rng[0]:,.0f}–{rng[1]:,.0f}")
    if m.get("period"):
        parts.append(f"period: {m['period']}")
    if m.get("currency_assumed"):
        parts.append("currency assumed from the jurisdiction")
    return " · ".join(parts)


def commitment_note(c: Mapping[str, Any]) -> str:
    """The hover/focus note of a commitment: strength, actor, deadline and condition."""
    parts = [f"Commitment: {c.get('strength') or 'unknown strength'}"]
    if c.get("actor"):
        parts.append(f"actor: {c['actor']}")
    parts.append(f"deadline: {c['deadline']}" if c.get("deadline") else "no deadline")
    if c.get("conditional"):
        parts.append("conditional")
    return " · ".join(parts)


def _response_marks(response: str, asks: Sequence[Mapping[str, Any]],
                    a: Mapping[str, Any]) -> list[list[Mark]]:
    evidence: dict[tuple[int, int], Mark] = {}
    for number, ask in enumerate(asks, 1):
        label = str(ask.get("label") or "unaddressed")
        for ev in ask.get("evidence") or []:
            where = locate_span(response, ev if isinstance(ev, Mapping) else {"text": ev})
            if not where:
                continue
            mark = evidence.setdefault(where, Mark(*where, kind="evidence", classes=("ev", f"l-{label}"),
                                                   anchor=f"ev-{where[0]}"))
            mark.refs += ({"ask": number, "label": label, "title": LABEL_TITLES.get(label, label)},)
    for mark in evidence.values():
        mark.note = "Evidence for " + "; ".join(f"ask {r['ask']} ({r['title'].lower()})" for r in mark.refs)
    commitments = [Mark(*w, kind="commitment", classes=("f", "f-commitment", f"st-{c.get('strength')}"),
                        note=commitment_note(c))
                   for c in a.get("commitments") or [] if (w := locate_span(response, c))]
    values = [Mark(*w, kind="date", classes=("f", "f-date"), note=date_note(d))
              for d in a.get("dates") or [] if (w := locate_span(response, d))]
    values += [Mark(*w, kind="amount", classes=("f", "f-amount"), note=amount_note(m))
               for m in a.get("amounts") or [] if (w := locate_span(response, m))]
    return [list(evidence.values()), commitments, values]


def result_view(a: Mapping[str, Any], *, recommendation: str, response: str, reflow: bool = False) -> dict[str, Any]:
    """Build the template context of one assessment.

    Args:
        a: an ``Assessment.to_dict()`` dict.
        recommendation: the recommendation text the asks' offsets index.
        response: the response text the findings' offsets index.
        reflow: join the hard line breaks inside paragraphs (text from a PDF) for display;
            offsets are unaffected (see :func:`reflow_lines`).

    Returns:
        A dict: stance and coverage summary, asks with their evidence, gap cards and
        the highlighted recommendation and response as node trees.
    """
    asks = [dict(ask) for ask in a.get("asks") or []]
    for number, ask in enumerate(asks, 1):
        label = str(ask.get("label") or "unaddressed")
        ask.update(number=number, label_title=LABEL_TITLES.get(label, label), symbol=LABEL_SYMBOLS.get(label, "?"),
                   evidence_located=[dict(ev, anchor=f"ev-{w[0]}") if (w := locate_span(response, ev)) else dict(ev)
                                     for ev in ask.get("evidence") or [] if isinstance(ev, Mapping)])
    ask_marks = [Mark(*w, kind="ask", classes=("ask", f"l-{ask['label']}"), anchor=f"rec-ask-{ask['number']}",
                      number=ask["number"], note=f"Ask {ask['number']}: {ask['label_title']}")
                 for ask in asks if (w := locate_span(recommendation, ask))]
    gaps = []
    for number, gap in enumerate(a.get("gaps") or [], 1):
        gap = dict(gap) if isinstance(gap, Mapping) else {"kind": str(gap), "message": "", "evidence": []}
        gap.update(number=number, title=GAP_TITLES.get(gap["kind"], str(gap["kind"]).replace("_", " ").capitalize()),
                   evidence=[ev for ev in gap.get("evidence") or [] if isinstance(ev, Mapping)])
        gaps.append(gap)
    counts = {label: sum(1 for ask in asks if ask.get("label") == label) for label in LABEL_TITLES}
    stance = str(a.get("stance") or "unclear")
    return {
        "a": a,
        "stance": stance,
        "stance_title": STANCE_TITLES.get(stance, stance),
        "official_stance_title": STANCE_TITLES.get(a.get("official_stance") or "", a.get("official_stance")),
        "coverage": a.get("coverage"),
        "asks": asks,
        "label_counts": [(LABEL_TITLES[k], k, v) for k, v in counts.items() if v],
        "gaps": gaps,
        "recommendation_nodes": nest_marks(reflow_lines(recommendation) if reflow else recommendation, [ask_marks],
                                           id_prefix="tip-rec"),
        "response_nodes": nest_marks(reflow_lines(response) if reflow else response,
                                     _response_marks(response, asks, a), id_prefix="tip-res"),
        "date_notes": [(d, date_note(d)) for d in a.get("dates") or []],
        "amount_notes": [(m, amount_note(m)) for m in a.get("amounts") or []],
        "commitment_notes": [(c, commitment_note(c)) for c in a.get("commitments") or []],
    }

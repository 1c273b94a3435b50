"""Times given by an event rather than a date: "when the redraft is complete", "on publication of the
report", "since the accident", "at the time of the accident" (ANNOTATION.md §4: dates whose value the
reply does not give)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ._data import load_table
from ._text import doc_text

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

__all__ = ["anchor_spans"]

#: events a date can be "on" or "upon": a deliverable finished, released or received
_ON_EVENTS = frozenset({"publication", "release", "completion", "conclusion", "receipt", "arrival", "approval",
                        "commencement", "finalisation", "finalization", "ratification"})


def _on_event(obj: "Token") -> bool:
    """"publication", "completion", "release of the report" (not a prisoner's "release")."""
    low = obj.lemma_.lower()
    return low in _ON_EVENTS and (low != "release" or any(c.lower_ == "of" for c in obj.children))


#: what a reply dates things "after": the occurrence investigated ("after the accident")
_INCIDENTS = frozenset({"accident", "incident", "collision", "crash", "derailment", "grounding", "fire", "event",
                        "occurrence", "inquest", "investigation", "inquiry"})
#: dependencies that start a clause of their own inside a misparsed time clause
_NEW_CLAUSE = frozenset({"ccomp", "parataxis"})
#: verbs whose "on" belongs to them, not to a date
_TAKES_ON = frozenset({"rely", "depend", "focus", "comment", "report", "work", "base", "build", "consult", "draw",
                       "act", "agree", "decide", "advise", "elaborate", "concentrate", "insist", "count", "reflect",
                       "touch", "update", "brief", "feed", "impact", "effect", "wait", "call"})


def anchor_spans(doc: "Doc") -> list[tuple[int, int, int]]:
    """Clauses that place an action relative to an event: "when the redraft is complete", "since the accident".

    Returns ``(start, end, priority)`` character spans into the text, as the other date candidates.
    """
    data = load_table("date_patterns")
    predicates = set(data["anchor_predicates"])
    nouns = set(data["anchor_nouns"])
    out = []
    for tok in doc:
        low = tok.lower_
        if low in ("when", "once", "before", "after", "until") and tok.dep_ in ("mark", "advmod"):
            span = _time_clause(doc, tok, predicates)
        elif (low in ("since", "following", "after", "on", "upon", "pending", "at") and tok.dep_ == "prep") or (
                low == "to" and tok.i > 0 and doc[tok.i - 1].lower_ == "prior"):
            span = _event_phrase(doc, tok, nouns)
        else:
            continue
        if span is not None:
            out.append((*span, 1))
    return out


def _cut(doc: "Doc", start: int, end: int) -> tuple[int, int]:
    """The span up to its first comma, bracket, colon, dash or paragraph break."""
    cut = re.search(r"[,;:()]|\s-\s|\n\n", doc_text(doc)[start:end])
    return start, start + cut.start() if cut else end


def _time_clause(doc: "Doc", tok: "Token", predicates: set[str]) -> tuple[int, int] | None:
    """"when the redraft is complete": a clause whose event is something finished or made available."""
    clause = tok.head
    if clause.dep_ not in ("advcl", "ccomp", "relcl", "acl") and clause.dep_ != "ROOT":
        return None
    words = {t.lower_ for t in clause.subtree} | {clause.lemma_.lower()}
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children)
    if not (words & predicates) or tok.i > clause.i or not has_subject:
        return None
    # "When the redraft is complete it will be published" parsed as one clause: stop at a clause with its own
    # subject hanging from it
    stop = min((t.i for t in clause.subtree if t.i > tok.i and t is not clause and t.dep_ in _NEW_CLAUSE
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)), default=None)
    first_stopped = min(x.i for x in doc[stop].subtree) if stop is not None else len(doc)
    end = max(t.idx + len(t) for t in clause.subtree if tok.i <= t.i < first_stopped)
    return _cut(doc, tok.idx, end)


def _event_phrase(doc: "Doc", tok: "Token", nouns: set[str]) -> tuple[int, int] | None:
    """"since the accident", "on publication of the report", "at the time of the accident", "prior to ..."."""
    low = tok.lower_
    obj = next((c for c in tok.children if c.dep_ in ("pobj", "pcomp")), None)
    if obj is None:
        return None
    if low == "at":
        # "at the time of the accident": the time of an event
        events = [g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                  if g.dep_ == "pobj" and g.lemma_.lower() in nouns]
        if obj.lemma_.lower() != "time" or not events:
            return None
    elif low in ("on", "upon", "pending"):
        # "on publication of the report", "upon completion": the moment something is finished or out
        # (not "rely on the publication of guidance", where the verb takes "on")
        if not _on_event(obj) or tok.head.lemma_.lower() in _TAKES_ON:
            return None
    elif low == "after":
        if not (_on_event(obj) or obj.lemma_.lower() in _INCIDENTS):
            return None
    elif obj.tag_ != "VBG" and obj.lemma_.lower() not in nouns:
        return None
    start = doc[tok.i - 1].idx if low == "to" else tok.idx
    # the event's own phrase, without a purpose clause hanging from it ("... to ensure X")
    skip = {t.i for c in obj.children if c.dep_ in ("advcl", "xcomp", "relcl", "ccomp", "acl", "conj", "cc")
            for t in c.subtree}
    end = max(t.idx + len(t) for t in obj.subtree if t.i not in skip and not t.is_punct)
    return _cut(doc, start, end)

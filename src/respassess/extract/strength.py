"""How firm a commitment is: firm, qualified or vague (ANNOTATION.md §3).

| strength | cue |
|---|---|
| firm | will / shall / is committed to + a concrete action |
| qualified | intends / plans / expects / aims / will seek to / will work to; a condition ("subject to", "where appropriate"); "the plan that X will ..."; "The strategy is to ..." |
| vague | will consider / explore / keep under review / look at / take into account / await; "will work with X" with no deliverable; "will continue its efforts" |

"Will work with X *to publish Y*" names a deliverable and stays firm; "will work with X *to take
forward this work*" does not (its purpose verb is in ``non_deliverable_verbs``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ._syntax import aux_words, cues, phrase_re, to_clause
from ._text import doc_text

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

__all__ = ["commitment_strength", "main_action"]

_CHAIN = ("continue", "seek", "aim", "look", "try", "work", "endeavour", "strive", "commit", "undertake", "intend",
          "plan", "expect", "hope", "propose", "agree", "prepare", "committed", "prepared", "willing")
_WORK_WITH = ("work", "engage", "liaise", "collaborate", "partner")
_DELIBERATE = ("consider", "explore", "examine", "reflect", "contemplate", "investigate")
_ALWAYS_VAGUE = ("take into account", "take * into account", "take into consideration", "have regard to",
                 "give consideration", "give further consideration", "keep under review", "keep * under review")


def main_action(verb: "Token") -> "Token":
    """Follow "continue to X", "seek to X", "work to X" down to the action verb X."""
    tok = verb
    for _ in range(3):
        x = to_clause(tok)
        if not x or tok.lemma_.lower() not in _CHAIN:
            break
        tok = x[0]
    return tok


def _plan_clause(verb: "Token") -> bool:
    """ "with the plan that all teams will have adopted ...": a future clause stating a plan's content."""
    nouns = cues()["plan_nouns"]
    head = verb.head
    return verb.dep_ in ("acl", "ccomp", "relcl") and head != verb and head.lemma_.lower() in nouns and any(
        c.lower_ == "that" for c in verb.children)


def _purpose(steps: list["Token"]) -> "Token | None":
    """The purpose verb of "work with X to Y" (Y), if any."""
    for t in steps:
        if t.lemma_.lower() in _WORK_WITH:
            for c in t.children:
                if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB" and any(
                        g.lower_ == "to" and g.dep_ == "aux" for g in c.children):
                    return c
    return None


def commitment_strength(doc: "Doc", verb: "Token", base: str, start: int, end: int, *,
                        trigger: str | None = None) -> tuple[str, str, bool]:
    """Return (strength, cue, conditional) for a clause whose verb triggered a commitment.

    Args:
        doc: the parsed response.
        verb: the clause's verb.
        base: the strength its trigger gave ("firm" for will/shall/committed, "qualified" for
            intention verbs, "vague" for may/might).
        start: the clause's start offset.
        end: its end offset.
        trigger: the words that triggered it ("is to", "committed"), used as the cue when no modal did.

    Returns:
        The strength name, the cue words that decided it, and whether a condition was found.
    """
    table = cues()
    text = re.sub(r"\s+", " ", doc_text(doc)[start:end].lower())
    conditional = any(re.search(rf"(?<![a-z]){re.escape(p)}(?![a-z])", text) for p in table["conditional_phrases"]) or any(
        c.dep_ == "advcl" and any(g.lower_ in ("if", "unless") for g in c.children) for c in verb.children)
    lemma = verb.lemma_.lower()
    action = main_action(verb)
    alemma = action.lemma_.lower()
    chain = {lemma, alemma} | {t.lemma_.lower() for t in verb.children if t.dep_ == "xcomp"}
    cue = base if base != "firm" else next(iter(aux_words(verb) & (table["future_modals"] | {"will"})),
                                           trigger or lemma)
    if base == "vague":
        return "vague", cue, conditional
    preps = {c.lower_ for c in action.children if c.dep_ == "prep"} | {c.lower_ for c in verb.children if c.dep_ == "prep"}
    objs = {c.lemma_.lower() for c in action.children if c.dep_ in ("dobj", "pobj", "attr")}
    vague_phrase = any(re.search(phrase_re(p), text) for p in table["vague_phrases"])
    steps = [verb]
    while steps[-1] != action and len(steps) < 4:
        nxt = to_clause(steps[-1])
        if not nxt:
            break
        steps.append(nxt[0])
    works_with = any(t.lemma_.lower() in _WORK_WITH and {
        c.lower_ for c in t.children if c.dep_ == "prep"} & {"with", "alongside"} for t in steps)
    purpose = _purpose(steps) if works_with else None
    deliverable = (purpose is not None and purpose.lemma_.lower() not in table["non_deliverable_verbs"]
                   and purpose.lemma_.lower() not in _DELIBERATE
                   and not any(c.lower_ in ("how", "whether", "what") for c in purpose.subtree))
    always_vague = any(re.search(phrase_re(p), text) for p in _ALWAYS_VAGUE)
    if (alemma in _DELIBERATE or always_vague
            or (works_with and not deliverable)
            or alemma in table["waiting_verbs"]
            or (alemma in ("continue", "pursue", "maintain") and objs & table["activity_objects"])
            or (alemma == "keep" and "review" in text) or (alemma == "look" and preps & {"at", "into"})
            or (alemma == "progress" and "action" in objs) or objs & {"consideration"}
            or (lemma in ("commit", "committed") and alemma in table["non_deliverable_verbs"] | set(_WORK_WITH)
                and not deliverable)
            or (vague_phrase and alemma in table["vague_verbs"] and not deliverable)):
        word = next((f"{t.lemma_.lower()} with" for t in steps if works_with and t.lemma_.lower() in _WORK_WITH), alemma)
        return "vague", f"{cue} {word}", conditional
    if base == "qualified":
        word = trigger if trigger and lemma == "be" else lemma
        return "qualified", word if lemma == alemma else f"{word} to", conditional
    if _plan_clause(verb):
        return "qualified", f"{verb.head.lemma_.lower()} that", conditional
    chain |= {t.lemma_.lower() for t in to_clause(verb)}
    if chain & {"seek", "aim", "try", "endeavour", "strive", "hope", "intend", "plan"} or (
            lemma in ("look", "work") and to_clause(verb)):
        return "qualified", f"{cue} {verb.lemma_.lower()} to", conditional
    if lemma == "be" and any(c.lower_ == "available" for c in verb.children):
        return "qualified", f"{cue} be available", conditional
    if conditional:
        return "qualified", cue, True
    return "firm", cue, conditional

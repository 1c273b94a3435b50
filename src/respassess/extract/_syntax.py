"""Small readings of the dependency parse shared by the commitment and action extractors.

The cue tables come from ``respassess/data/commitment_cues.json`` (data, not code).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ._data import load_table

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

__all__ = ["cues", "aux_words", "negated", "subject", "to_clause", "phrase_re", "passive"]


@lru_cache(maxsize=1)
def cues() -> dict:
    """The commitment cue table, its lists turned into sets (cached; treat as read-only)."""
    data = load_table("commitment_cues")
    return {k: (set(v) if isinstance(v, list) else v) for k, v in data.items()}


def aux_words(verb: "Token") -> set[str]:
    """The lower-cased auxiliaries of a verb ("will", "be", "to" ...)."""
    # the parser sometimes hangs "will" from "be" in "will be encouraging": look one level down too
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return {c.lower_ for c in auxes} | {g.lower_ for c in auxes for g in c.children if g.dep_ == "aux"}


def negated(verb: "Token") -> bool:
    """True when the verb carries a negation ("will not")."""
    return any(c.dep_ == "neg" for c in verb.children)


def passive(verb: "Token") -> bool:
    """True for a passive verb ("will be published")."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def subject(verb: "Token") -> "Token | None":
    """The grammatical subject, inherited through conj/xcomp chains ("will X and Y")."""
    tok = verb
    for _ in range(4):
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        # "Salt Air Ltd have in the past 2 - 3 weeks contracted ...": with an adverbial between them the
        # parser hangs the subject on the auxiliary
        subj = subj or [g for c in tok.children if c.dep_ in ("aux", "auxpass") for g in c.children
                        if g.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return subj[0]
        if tok.dep_ in ("conj", "xcomp", "advcl") and tok.head != tok:
            tok = tok.head
            continue
        return None
    return None


def to_clause(tok: "Token") -> list["Token"]:
    """The "to X" complement of a verb: "seek to X" (xcomp), "look to X" (advcl), "committed to Xing" (prep+pcomp)."""
    out = [c for c in tok.children if c.pos_ in ("VERB", "AUX") and (
        c.dep_ == "xcomp" or (c.dep_ == "advcl" and any(g.lower_ == "to" and g.dep_ == "aux" for g in c.children)))]
    out += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children
            if g.dep_ == "pcomp" and g.pos_ == "VERB"]
    return out


def phrase_re(phrase: str) -> str:
    """A cue phrase as a word-bounded regex; "*" stands for a few words ("keep * under review")."""
    body = re.escape(phrase).replace(re.escape("*"), "[a-z ]{1,40}")
    return "(?<![a-z])" + body + "(?![a-z])"

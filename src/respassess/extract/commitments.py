"""Commitments (future undertakings) and actions (done or ongoing) in a response (ANNOTATION.md §3).

A commitment is a clause whose verb is governed by "will"/"shall", by "is committed
to"/"undertakes to", or by an intention verb ("intends", "plans", "expects", "aims",
"is expected to"). Its strength is read from the main verb and what it governs:
firm (will + a concrete action), qualified (intention verbs, "will seek/aim/look/
work to", or a condition such as "subject to", "where appropriate"), vague ("will
consider", "explore", "keep under review", "work with", "may"). Modal "should"/"must"
is how a response paraphrases what others ought to do, so it never makes a
commitment on its own. Actions are past ("has published", "announced") and ongoing
("continues to test", "is working with") activity: never commitments.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

from ..types import Action, ActionStatus, Commitment, CommitmentStrength, DateMention, DateRole, MoneyAmount, Sentence
from ._data import load_table
from ._text import doc_text

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

__all__ = ["extract_commitments", "extract_actions"]

_CLAUSE_DEPS = ("conj", "advcl", "parataxis")
_SUBJ = ("nsubj", "nsubjpass", "csubj", "expl")


@lru_cache(maxsize=1)
def _cues() -> dict:
    data = load_table("commitment_cues")
    return {k: (set(v) if isinstance(v, list) else v) for k, v in data.items()}


def _aux_words(verb: "Token") -> set[str]:
    # the parser sometimes hangs "will" from "be" in "will be encouraging": look one level down too
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return {c.lower_ for c in auxes} | {g.lower_ for c in auxes for g in c.children if g.dep_ == "aux"}


def _negated(verb: "Token") -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _subject(verb: "Token") -> "Token | None":
    """The grammatical subject, inherited through conj/xcomp chains ("will X and Y")."""
    tok = verb
    for _ in range(4):
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if subj:
            return subj[0]
        if tok.dep_ in ("conj", "xcomp", "advcl") and tok.head is not tok:
            tok = tok.head
            continue
        return None
    return None


def _phrase(doc: "Doc", head: "Token") -> str:
    """The subject's own words: its subtree without relative clauses or parentheticals."""
    skip = {t.i for c in head.children if c.dep_ in ("relcl", "acl", "appos", "advcl", "punct") for t in c.subtree}
    toks = [t for t in head.subtree if t.i not in skip]
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
    text = doc_text(doc)[start:end]
    return re.sub(r"\s+", " ", text.split(",")[0]).strip()


def _actor(doc: "Doc", verb: "Token") -> str | None:
    agent = [c for c in verb.children if c.dep_ == "agent"]
    if agent and any(c.dep_ == "auxpass" for c in verb.children):
        objs = [g for g in agent[0].children if g.dep_ == "pobj"]
        if objs:
            return _phrase(doc, objs[0])
    subj = _subject(verb)
    if subj is None or subj.dep_ == "expl" or subj.lower_ in ("which", "that", "who"):
        return None
    return _phrase(doc, subj)


def _clause(doc: "Doc", verb: "Token", lo: int, hi: int) -> tuple[int, int]:
    """Character span of the verb's clause (within [lo, hi)), without coordinated clauses of their own."""
    skip: set[int] = set()
    for c in verb.subtree:
        if c is verb or c.i < verb.i or c.dep_ not in _CLAUSE_DEPS or c.pos_ not in ("VERB", "AUX"):
            continue
        own = any(g.dep_ in _SUBJ for g in c.children) or bool(_aux_words(c) & _cues()["future_modals"])
        if own and (c.head is verb or bool(_aux_words(c) & _cues()["future_modals"])):
            skip.update(t.i for t in c.subtree)
    toks = [t for t in verb.subtree if t.i not in skip and lo <= t.idx < hi]
    if not toks:
        return verb.idx, verb.idx + len(verb)
    while len(toks) > 1 and (toks[0].is_punct or toks[0].dep_ in ("cc", "mark") or toks[0].is_space):
        toks = toks[1:]
    while len(toks) > 1 and (toks[-1].is_punct or toks[-1].dep_ == "cc" or toks[-1].is_space):
        toks = toks[:-1]
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _trigger(verb: "Token") -> tuple[str, str] | None:
    """Return (cue, base strength) when the verb carries a commitment, else None."""
    cues = _cues()
    aux = _aux_words(verb)
    lemma = verb.lemma_.lower()
    if _negated(verb):
        return None
    if aux & cues["future_modals"]:
        return "will" if "will" in aux or "'ll" in aux else "shall", "firm"
    if lemma in cues["firm_verbs"] and verb.tag_ in ("VBZ", "VBP", "VBN") and any(
            c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "to") for c in verb.children):
        return lemma, "firm"
    if lemma in cues["qualified_verbs"] and verb.tag_ in ("VBZ", "VBP", "VBN") and any(
            c.dep_ in ("xcomp", "ccomp", "dobj") for c in verb.children):
        if verb.tag_ == "VBN" and not aux & {"is", "are", "am"}:
            return None
        return lemma, "qualified"
    if aux & {"may", "might", "could", "can"} and verb.dep_ in ("ROOT", "conj", "ccomp"):
        subj = _subject(verb)
        if subj is not None and subj.lower_ not in ("which", "that", "this", "it") and lemma in (
                cues["vague_verbs"] | {"include", "propose"}):
            return next(iter(aux & {"may", "might", "could", "can"})), "vague"
    return None


def _to_clause(tok: "Token") -> list["Token"]:
    """The "to X" complement of a verb: "seek to X" (xcomp), "look to X" (advcl), "committed to Xing" (prep+pcomp)."""
    out = [c for c in tok.children if c.pos_ in ("VERB", "AUX") and (
        c.dep_ == "xcomp" or (c.dep_ == "advcl" and any(g.lower_ == "to" and g.dep_ == "aux" for g in c.children)))]
    out += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children
            if g.dep_ == "pcomp" and g.pos_ == "VERB"]
    return out


def _undertaking(verb: "Token") -> bool:
    """False for future clauses that describe an outcome or an embedded question, not an undertaking.

    "These amendments will assist the OAIC" (an effect of a thing), "careful consideration will be
    required" (a need), "how each ICB intends to arrange" (an embedded question).
    """
    cues = _cues()
    if any(c.lower_ in ("how", "whether", "what", "why") and c.dep_ in ("advmod", "mark", "dobj", "nsubj")
           for c in verb.children):
        return False
    lemma = verb.lemma_.lower()
    if lemma in ("require", "need") and (any(c.dep_ == "auxpass" for c in verb.children) or _to_clause(verb)):
        return False
    if lemma not in cues["effect_verbs"]:
        return True
    subj = _subject(verb)
    if subj is None:
        return False
    if subj.ent_type_ in ("ORG", "PERSON", "GPE", "NORP"):
        return True
    return subj.lemma_.lower() in cues["agent_words"] or subj.lower_ in cues["agent_words"]


def _main_action(verb: "Token") -> "Token":
    """Follow "continue to X", "seek to X", "work to X" down to the action verb X."""
    tok = verb
    for _ in range(3):
        x = _to_clause(tok)
        if not x or tok.lemma_.lower() not in ("continue", "seek", "aim", "look", "try", "work", "endeavour", "strive",
                                                 "commit", "undertake", "intend", "plan", "expect", "hope", "propose"):
            break
        tok = x[0]
    return tok


def _strength(doc: "Doc", verb: "Token", base: str, start: int, end: int) -> tuple[str, str, bool]:
    """Return (strength, cue, conditional) for a triggered clause."""
    cues = _cues()
    text = re.sub(r"\s+", " ", doc_text(doc)[start:end].lower())
    conditional = any(re.search(rf"(?<![a-z]){re.escape(p)}(?![a-z])", text) for p in cues["conditional_phrases"]) or any(
        c.dep_ == "advcl" and any(g.lower_ in ("if", "unless") for g in c.children) for c in verb.children)
    lemma = verb.lemma_.lower()
    action = _main_action(verb)
    alemma = action.lemma_.lower()
    chain = {verb.lemma_.lower(), alemma} | {t.lemma_.lower() for t in verb.children if t.dep_ == "xcomp"}
    cue = base if base != "firm" else next(iter(_aux_words(verb) & (cues["future_modals"] | {"will"})), lemma)
    if base == "vague":
        return "vague", cue, conditional
    preps = {c.lower_ for c in action.children if c.dep_ == "prep"} | {
        c.lower_ for c in verb.children if c.dep_ == "prep"}
    objs = {c.lemma_.lower() for c in action.children if c.dep_ in ("dobj", "pobj", "attr")}
    vague_phrase = any(re.search(_phrase_re(p), text) for p in cues["vague_phrases"])
    steps = [verb]
    while steps[-1] is not action and len(steps) < 4:
        nxt = _to_clause(steps[-1])
        if not nxt:
            break
        steps.append(nxt[0])
    works_with = any(t.lemma_.lower() in ("work", "engage", "liaise", "collaborate", "partner") and {
        c.lower_ for c in t.children if c.dep_ == "prep"} & {"with", "alongside"} for t in steps)
    if (alemma in ("consider", "explore", "examine", "reflect", "contemplate", "investigate") or works_with
            or (alemma == "keep" and "review" in text) or (alemma == "look" and preps & {"at", "into"})
            or (alemma == "progress" and "action" in objs) or objs & {"consideration"}
            or (lemma == "commit" and alemma in ("work", "engage", "collaborate"))
            or (vague_phrase and alemma in cues["vague_verbs"])):
        word = next((f"{t.lemma_.lower()} with" for t in steps if works_with and t.lemma_.lower() in (
            "work", "engage", "liaise", "collaborate", "partner")), alemma)
        return "vague", f"{cue} {word}", conditional
    if base == "qualified":
        return "qualified", lemma if lemma == alemma else f"{lemma} to", conditional
    chain |= {t.lemma_.lower() for t in _to_clause(verb)}
    if chain & {"seek", "aim", "try", "endeavour", "strive", "hope", "intend", "plan"} or (
            lemma in ("look", "work") and _to_clause(verb)):
        return "qualified", f"{cue} {verb.lemma_.lower()} to", conditional
    if lemma == "be" and any(c.lower_ == "available" for c in verb.children):
        return "qualified", f"{cue} be available", conditional
    if conditional:
        return "qualified", cue, True
    return "firm", cue, conditional


def _phrase_re(phrase: str) -> str:
    """A cue phrase as a word-bounded regex; "*" stands for a few words ("keep * under review")."""
    body = re.escape(phrase).replace(re.escape("*"), "[a-z ]{1,40}")
    return "(?<![a-z])" + body + "(?![a-z])"


def _sentence_index(sentences: Sequence[Sentence], offset: int) -> int:
    starts = [s.start for s in sentences]
    i = bisect.bisect_right(starts, offset) - 1
    return sentences[max(i, 0)].index if sentences else 0


def _bounds(sentences: Sequence[Sentence], offset: int, doc: "Doc") -> tuple[int, int]:
    for s in sentences:
        if s.start <= offset < s.end:
            return s.start, s.end
    return 0, len(doc_text(doc))


def extract_commitments(doc: "Doc", sentences: Sequence[Sentence], *, dates: Sequence[DateMention] = (),
                        amounts: Sequence[MoneyAmount] = ()) -> tuple[Commitment, ...]:
    """Find the responder's commitments: future undertakings, with actor, strength and deadline.

    Args:
        doc: the spaCy Doc of the whole response (parser needed).
        sentences: the response's sentences (offsets into the response), for ``sentence_index``
            and to keep each clause inside its sentence.
        dates: the response's date mentions; one inside the clause becomes its ``deadline``.
        amounts: the response's money amounts (kept for the signature; not used to judge strength).

    Returns:
        Commitments sorted by start offset; ``doc.text[c.start:c.end] == c.text``.
    """
    del amounts  # strength does not depend on money; the argument is part of the stage interface
    found: list[tuple[int, int, "Token", str, str, bool]] = []
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("aux", "auxpass"):
            continue
        trig = _trigger(tok)
        if trig is None:
            continue
        if tok.dep_ == "relcl" and (_subject(tok) is None or _subject(tok).lower_ in ("which", "that", "who")):
            continue
        if not _undertaking(tok):
            continue
        lo, hi = _bounds(sentences, tok.idx, doc)
        start, end = _clause(doc, tok, lo, hi)
        strength, cue, conditional = _strength(doc, tok, trig[1], start, end)
        found.append((start, end, tok, strength, cue, conditional))
    kept: list[tuple[int, int, "Token", str, str, bool]] = []
    for item in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
        if any(k[0] <= item[0] and item[1] <= k[1] for k in kept):
            continue  # a nested "which will be taken forward" belongs to the enclosing commitment
        kept.append(item)
    out = []
    for start, end, verb, strength, cue, conditional in sorted(kept, key=lambda f: f[0]):
        inside = [d for d in dates if start <= d.start and d.end <= end and d.role is not DateRole.PAST]
        deadline = next((d.text for d in inside if d.role is DateRole.DEADLINE), inside[0].text if inside else None)
        out.append(Commitment(text=doc_text(doc)[start:end], start=start, end=end, actor=_actor(doc, verb),
                              strength=CommitmentStrength(strength), sentence_index=_sentence_index(sentences, start),
                              deadline=deadline, cue=cue, conditional=conditional))
    return tuple(out)


def _action_status(verb: "Token") -> tuple[ActionStatus, str] | None:
    cues = _cues()
    aux = _aux_words(verb)
    lemma = verb.lemma_.lower()
    if aux & (cues["future_modals"] | cues["weak_modals"] | cues["recommendation_modals"] | {"to"}) or _negated(verb):
        return None
    if lemma in cues["stance_verbs"] and lemma != "be":
        return None
    if lemma == "be" or (lemma == "have" and verb.tag_ in ("VBZ", "VBP", "VBD")):
        return None
    ongoing_adv = {c.lower_ for c in verb.children if c.dep_ == "advmod"} & cues["ongoing_markers"]
    if verb.tag_ == "VBG" and aux & {"is", "are", "am", "been"}:
        return ActionStatus.ONGOING, " ".join(sorted(aux & {"is", "are", "am", "been"})) + " " + verb.lower_
    if verb.tag_ == "VBN" and "being" in aux:
        return ActionStatus.ONGOING, "being " + verb.lower_
    if lemma == "continue" and verb.tag_ in ("VBZ", "VBP"):
        return ActionStatus.ONGOING, verb.lower_
    if verb.tag_ in ("VBZ", "VBP") and ongoing_adv:
        return ActionStatus.ONGOING, f"{next(iter(ongoing_adv))} {verb.lower_}"
    if verb.tag_ == "VBN" and aux & {"has", "have", "had"}:
        return ActionStatus.COMPLETED, f"{next(iter(aux & {'has', 'have', 'had'}))} {verb.lower_}"
    if verb.tag_ == "VBN" and aux & {"was", "were"}:
        return ActionStatus.COMPLETED, f"{next(iter(aux & {'was', 'were'}))} {verb.lower_}"
    if verb.tag_ == "VBD" and verb.dep_ not in ("amod", "acl"):
        return ActionStatus.COMPLETED, verb.lower_
    return None


def extract_actions(doc: "Doc", sentences: Sequence[Sentence]) -> tuple[Action, ...]:
    """Find past and ongoing activity ("has published", "continues to test"): not commitments.

    Args:
        doc: the spaCy Doc of the whole response (parser needed).
        sentences: the response's sentences, for ``sentence_index``.

    Returns:
        Actions sorted by start offset, each a clause with its actor and status.
    """
    found = []
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("aux", "auxpass", "amod"):
            continue
        status = _action_status(tok)
        if status is None:
            continue
        subj = _subject(tok)
        if subj is None and not any(c.dep_ == "auxpass" for c in tok.children):
            continue
        lo, hi = _bounds(sentences, tok.idx, doc)
        start, end = _clause(doc, tok, lo, hi)
        found.append((start, end, tok, status))
    kept: list[tuple] = []
    for item in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
        if any(k[0] <= item[0] and item[1] <= k[1] for k in kept):
            continue
        kept.append(item)
    return tuple(
        Action(text=doc_text(doc)[s:e], start=s, end=e, actor=_actor(doc, verb), status=st[0],
               sentence_index=_sentence_index(sentences, s), cue=st[1])
        for s, e, verb, st in sorted(kept, key=lambda f: f[0]))

"""Commitments (future undertakings) and actions (done or ongoing) in a response (ANNOTATION.md §3).

A commitment is a clause whose verb is governed by "will"/"shall", by "is committed
to"/"undertakes to"/"has agreed to", by an intention verb ("intends", "plans", "expects",
"aims", "is expected to", "is prepared to"), or a plan stated as "The strategy is to
deliver ..." — and which is an undertaking by the responder or a body it speaks for
(:mod:`.undertaking`: not "This will be underpinned by ...", "The Framework will
complement ...", "you will appreciate ...", nor a quoted passage of a policy). Items
listed under a lead such as "The programme of work will also:" are commitments of their own (:mod:`.listitems`). The
strength (firm / qualified / vague) is in :mod:`.strength`. Modal "should"/"must" is how a
response paraphrases what others ought to do, so it never makes a commitment on its own.
The actor is the subject (the by-agent of a passive); "We"/"I" and agentless passives are
the responder's, named when ``responder`` is given. Actions are past ("has published",
"announced") and ongoing ("continues to test", "is working with") activity: never commitments.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Sequence

from ..types import Action, ActionStatus, Commitment, CommitmentStrength, DateMention, DateRole, MoneyAmount, Sentence
from ._actors import expand_acronym
from ._syntax import aux_words as _aux_words
from ._syntax import cues as _cues
from ._syntax import negated as _negated
from ._syntax import passive as _passive
from ._syntax import subject as _subject
from ._text import doc_text, quoted_spans
from .listitems import find_list_items
from .strength import commitment_strength
from .undertaking import activity_onset, is_undertaking

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

__all__ = ["extract_commitments", "extract_actions"]

_CLAUSE_DEPS = ("conj", "advcl", "parataxis")
_SUBJ = ("nsubj", "nsubjpass", "csubj", "expl")


def _phrase(doc: "Doc", head: "Token") -> str:
    """The subject's own words: its subtree without relative clauses or parentheticals."""
    skip = {t.i for c in head.children if c.dep_ in ("relcl", "acl", "appos", "advcl", "punct") for t in c.subtree}
    toks = [t for t in head.subtree if t.i not in skip]
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
    text = doc_text(doc)[start:end]
    return re.sub(r"\s+", " ", text.split(",")[0]).strip()


_LABEL_PREFIX = re.compile(r"^(?:(?:response|supported|not supported|agreed|not agreed|accepted|noted|"
                           r"supported in principle|agreed in principle|rejected)\s*[:.-]?\s+)+(?=\S)", re.I)


def _actor(doc: "Doc", verb: "Token", responder: str | None = None) -> str | None:
    """Who undertakes the clause: the subject, the by-agent of a passive, or the responder.

    "We"/"I" stay as written unless ``responder`` names who is speaking; a passive without an
    agent ("the guidance will be published") is done by the responder, so its patient is not
    the actor. A tracker label glued to the subject ("Supported ASIO ...") is dropped.
    """
    verb = _scheduled_participle(verb) or verb  # "the manual is to be revised": a passive, whoever its subject
    # "The Government is committed to establishing ...": a stance of the subject, passive only in form
    committed = verb.lemma_.lower() == "commit" and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)
    if committed and verb.dep_ == "acomp":
        verb = verb.head
    if _passive(verb) and not committed:
        agent = [c for c in verb.children if c.dep_ == "agent"]
        objs = [g for g in agent[0].children if g.dep_ == "pobj"] if agent else []
        return _phrase(doc, objs[0]) if objs else responder
    subj = _subject(verb)
    if verb.dep_ == "relcl" and subj is not None and subj.lower_ == "who":
        return _phrase(doc, verb.head)  # "the surveillance team who will carry out this work"
    if subj is None or subj.dep_ == "expl" or subj.lower_ in ("which", "that", "who") or activity_onset(verb, subj):
        return responder
    if subj.lower_ in ("we", "i") and responder:
        return responder
    return _LABEL_PREFIX.sub("", _phrase(doc, subj)) or None


def _clause(doc: "Doc", verb: "Token", lo: int, hi: int) -> tuple[int, int]:
    """Character span of the verb's clause (within [lo, hi)), without coordinated clauses of their own."""
    skip: set[int] = set()
    for c in verb.subtree:
        if c == verb or c.i < verb.i or c.dep_ not in _CLAUSE_DEPS or c.pos_ not in ("VERB", "AUX"):
            continue
        own = any(g.dep_ in _SUBJ for g in c.children) or bool(_aux_words(c) & _cues()["future_modals"]) or (
            c.dep_ == "conj" and _trigger(c) is not None)  # "is committed to X and intends to Y": two commitments
        if own and (c.head == verb or bool(_aux_words(c) & _cues()["future_modals"])):
            skip.update(t.i for t in c.subtree)
    toks = [t for t in verb.subtree if t.i not in skip and lo <= t.idx < hi]
    if not toks:
        return verb.idx, verb.idx + len(verb)
    while len(toks) > 1 and (toks[0].is_punct or toks[0].dep_ in ("cc", "mark") or toks[0].is_space):
        toks = toks[1:]
    while len(toks) > 1 and (toks[-1].is_punct or toks[-1].dep_ == "cc" or toks[-1].is_space):
        toks = toks[:-1]
    return toks[0].idx, toks[-1].idx + len(toks[-1])


_READY_ADJ = {"committed": "firm", "prepared": "qualified", "willing": "qualified"}


def _trigger(verb: "Token") -> tuple[str, str] | None:
    """Return (cue, base strength) when the verb carries a commitment, else None."""
    cues = _cues()
    aux = _aux_words(verb)
    lemma = verb.lemma_.lower()
    if _negated(verb) or _negated(verb.head) and verb.dep_ == "acomp":
        return None
    if aux & cues["future_modals"]:
        return "will" if "will" in aux or "'ll" in aux else "shall", "firm"
    if verb.pos_ == "ADJ":
        # "We are committed to taking ...", "the Director is prepared to review ..."
        if verb.lower_ in _READY_ADJ and verb.dep_ == "acomp" and _to_action(verb) and not _values_only(verb):
            return verb.lower_, _READY_ADJ[verb.lower_]
        return None
    if lemma == "agree":
        # "the CAA has agreed to monitor ...": an undertaking reported; "agrees to" answers the recommendation
        if verb.tag_ in ("VBN", "VBD") and any(c.dep_ == "xcomp" and c.tag_ == "VB" for c in verb.children):
            return lemma, "firm"
        return None
    if lemma in cues["firm_verbs"] and verb.tag_ in ("VBZ", "VBP", "VBN") and any(
            c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "to") for c in verb.children):
        return (lemma, "firm") if not _values_only(verb) else None
    if lemma == "be" and verb.tag_ in ("VBZ", "VBP"):
        return _is_to(verb)
    # "is proposing to develop an amendment", "are planning to": the progressive states the same intention
    # ("the outcomes the Commission is seeking to achieve" describes someone else's aim)
    progressive = verb.tag_ == "VBG" and bool(aux & {"is", "are", "am"}) and lemma in ("propose", "plan", "intend") \
        and verb.dep_ not in ("relcl", "acl")
    if lemma in cues["qualified_verbs"] and (verb.tag_ in ("VBZ", "VBP", "VBN") or progressive) and any(
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


_VALUES = {"ensure", "recognise", "recognize", "respect", "uphold", "protect", "promote", "maintain", "safeguard",
           "accept", "agree", "support", "note", "acknowledge", "welcome", "consider"}


def _values_only(tok: "Token") -> bool:
    """ "committed to ensuring X is proportionate", "prepared to accept the recommendation": a value or a
    stance, not an action (ANNOTATION.md §3: firm needs "is committed to + a concrete action")."""
    acts = [c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"] + [
        g for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pcomp"]
    return bool(acts) and acts[0].lemma_.lower() in _VALUES and not (
        acts[0].lemma_.lower() == "support" and tok.lemma_.lower() == "commit" and tok.tag_ == "VBN"
        and any(c.lower_ in ("has", "have") for c in tok.children))


def _is_to(verb: "Token") -> tuple[str, str] | None:
    """ "The strategy is to deliver a Business Case", "The Government's objective is to ensure ...": a plan."""
    cues = _cues()
    doc = verb.doc
    participle = _scheduled_participle(verb)
    if participle is not None:
        return _scheduled(verb, participle)
    if verb.i + 2 >= len(doc) or doc[verb.i + 1].lower_ != "to" or doc[verb.i + 2].dep_ != "xcomp":
        return None
    subj = _subject(verb)
    if subj is None or subj.lower_ in ("it", "this", "that", "there", "which"):
        return None
    owner = [c for c in subj.children if c.dep_ == "poss"]
    lemma = subj.lemma_.lower()
    if lemma in ("strategy", "plan", "intention") or (lemma in cues["plan_nouns"] and owner):
        return "is to", "qualified"
    if subj.ent_type_ in ("ORG", "PERSON", "GPE") or lemma in cues["agent_words"]:
        return "is to", "firm"  # "The Department is to publish ..."
    return None


def _scheduled_participle(verb: "Token") -> "Token | None":
    """The participle of "is to be" + participle ("is to be revised"), else ``None``."""
    doc, i = verb.doc, verb.i
    if verb.lemma_ == "be" and i + 3 < len(doc) and doc[i + 1].lower_ == "to" and doc[i + 2].lower_ == "be" \
            and doc[i + 3].tag_ == "VBN" and doc[i + 3].dep_ == "xcomp":
        return doc[i + 3]
    return None


def _scheduled(verb: "Token", participle: "Token") -> tuple[str, str] | None:
    """ "The manual is to be revised", "NRSS 3 is to be withdrawn later this year": a step scheduled.

    "Defects are to be reported to the chief engineer" or "No operation is to be conducted ..." states a
    rule, not an undertaking: only participles of change (or of deliberation, which stays vague) count.
    """
    cues = _cues()
    subj = _subject(verb)
    if subj is not None and any(c.lower_ in ("no", "neither") for c in subj.children):
        return None
    lemma = participle.lemma_.lower()
    if lemma in cues["scheduled_change_verbs"]:
        return "is to be", "firm"
    if lemma in cues["vague_verbs"]:
        return "is to be", "vague"
    return None


def _to_action(tok: "Token") -> bool:
    """True when an adjective governs "to" + a verb ("committed to taking", "prepared to review")."""
    return any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in tok.children) or any(
        c.dep_ == "prep" and c.lower_ == "to" and any(g.dep_ == "pcomp" and g.pos_ == "VERB" for g in c.children)
        for c in tok.children)


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
                        amounts: Sequence[MoneyAmount] = (), responder: str | None = None) -> tuple[Commitment, ...]:
    """Find the responder's commitments: future undertakings, with actor, strength and deadline.

    Args:
        doc: the spaCy Doc of the whole response (parser needed).
        sentences: the response's sentences (offsets into the response), for ``sentence_index``
            and to keep each clause inside its sentence.
        dates: the response's date mentions; one inside the clause becomes its ``deadline``.
        amounts: the response's money amounts (kept for the signature; not used to judge strength).
        responder: who is answering (e.g. the record's ``recipient``); becomes the actor of
            "we"/"I" clauses and of passives with no agent. ``None`` keeps "We"/"I" as written.

    Returns:
        Commitments sorted by start offset; ``doc.text[c.start:c.end] == c.text``.
    """
    del amounts  # strength does not depend on money; the argument is part of the stage interface
    text = doc_text(doc)
    items = find_list_items(text)
    regions = [(it.lead_end, max(i.end for i in items if i.lead_end == it.lead_end)) for it in items]
    # a quoted passage is another document speaking (a policy, a guideline): "“Patients ... will be triaged”"
    quotes = quoted_spans(text)
    found: list[tuple[int, int, "Token", str, str, bool]] = []
    for tok in doc:
        if tok.dep_ in ("aux", "auxpass") or not (tok.pos_ in ("VERB", "AUX") or tok.lower_ in _READY_ADJ):
            continue
        trig = _trigger(tok)
        if trig is None:
            continue
        subj = _subject(tok)
        if tok.dep_ == "relcl" and (subj is None or subj.lower_ in ("which", "that")):
            continue  # "which will be backed by ..." describes its antecedent; "who will carry out" undertakes
        if not is_undertaking(tok) or any(lo <= tok.idx < hi for lo, hi in [*regions, *quotes]):
            continue
        lo, hi = _bounds(sentences, tok.idx, doc)
        # "We are committed to ...": the clause and its subject hang from the copula
        anchor = tok.head if tok.pos_ == "ADJ" else tok
        start, end = _clause(doc, anchor, lo, hi)
        for colon, _ in regions:
            if start < colon < end:
                end = colon  # the lead of a list ("... will take the following actions:") ends at its colon
        while end > start and text[end - 1] in " \n\t":
            end -= 1
        if re.search(r"\b(?:will|shall)(?:\s+also)?$", text[start:end]):
            continue  # "The programme of work will also": the items are the commitments
        strength, cue, conditional = commitment_strength(doc, tok, trig[1], start, end, trigger=trig[0])
        found.append((start, end, anchor, strength, cue, conditional))
    kept: list[tuple[int, int, "Token", str, str, bool]] = []
    for item in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
        if any(k[0] <= item[0] and item[1] <= k[1] for k in kept):
            continue  # a nested "which will be taken forward" belongs to the enclosing commitment
        kept.append(item)
    out = []
    for start, end, verb, strength, cue, conditional in kept:
        out.append(Commitment(text=text[start:end], start=start, end=end, actor=expand_acronym(
                                  _actor(doc, verb, responder), text, responder=responder),
                              strength=CommitmentStrength(strength), sentence_index=_sentence_index(sentences, start),
                              deadline=_deadline(dates, start, end), cue=cue, conditional=conditional))
    for it in items:
        if not any(lo <= it.start < hi for lo, hi in quotes):
            out.append(_item_commitment(doc, it, sentences, dates, responder))
    return tuple(sorted(out, key=lambda c: c.start))


def _deadline(dates: Sequence[DateMention], start: int, end: int) -> str | None:
    inside = [d for d in dates if start <= d.start and d.end <= end and d.role is not DateRole.PAST]
    return next((d.text for d in inside if d.role is DateRole.DEADLINE), inside[0].text if inside else None)


def _item_commitment(doc: "Doc", it, sentences: Sequence[Sentence], dates: Sequence[DateMention],
                     responder: str | None) -> Commitment:
    """One list item as a commitment: the lead's actor and base strength, the item's own vague cues."""
    text = doc_text(doc)
    span = doc.char_span(it.start, it.end, alignment_mode="expand")
    first = span[0] if span is not None and len(span) else None
    if first is not None and first.pos_ in ("VERB", "AUX", "NOUN"):
        strength, cue, conditional = commitment_strength(doc, first, it.base, it.start, it.end)
    else:
        strength, cue, conditional = it.base, it.base, False
    actor = expand_acronym(it.actor, text, responder=responder)
    if actor and actor.lower() in ("we", "i") and responder:
        actor = responder
    deadline = _deadline(dates, it.start, it.end) or _deadline(dates, it.lead_start, it.lead_end)
    return Commitment(text=text[it.start:it.end], start=it.start, end=it.end, actor=actor,
                      strength=CommitmentStrength(strength), sentence_index=_sentence_index(sentences, it.start),
                      deadline=deadline, cue=f"list: {cue}", conditional=conditional)


def _process_frame(verb: "Token") -> "Token | None":
    """The "are" of "We are (currently) in the process of reviewing ...", whose subject is the doer."""
    of = verb.head
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or of.lower_ != "of":
        return None
    noun = of.head
    if noun.lemma_.lower() not in ("process", "midst") or noun.head.lower_ != "in":
        return None
    be = noun.head.head
    return be if be.lemma_.lower() == "be" and be.tag_ in ("VBZ", "VBP") else None


def _action_status(verb: "Token") -> tuple[ActionStatus, str] | None:
    cues = _cues()
    frame = _process_frame(verb)
    if frame is not None and not _negated(frame) and not _aux_words(frame):
        return ActionStatus.ONGOING, f"in the process of {verb.lower_}"
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
    if lemma in ("begin", "start", "commence", "initiate") and verb.tag_ == "VBN" and aux & {"has", "have"}:
        # "has already begun the activities to draft a new programme": the work is under way, not done
        return ActionStatus.ONGOING, f"{next(iter(aux & {'has', 'have'}))} {verb.lower_}"
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
        anchor = _process_frame(tok) or tok
        subj = _subject(anchor)
        if subj is None and not any(c.dep_ == "auxpass" for c in tok.children):
            continue
        lo, hi = _bounds(sentences, tok.idx, doc)
        start, end = _clause(doc, anchor, lo, hi)
        found.append((start, end, anchor, status))
    kept: list[tuple] = []
    for item in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
        if any(k[0] <= item[0] and item[1] <= k[1] for k in kept):
            continue
        kept.append(item)
    return tuple(
        Action(text=doc_text(doc)[s:e], start=s, end=e, actor=_actor(doc, verb), status=st[0],
               sentence_index=_sentence_index(sentences, s), cue=st[1])
        for s, e, verb, st in sorted(kept, key=lambda f: f[0]))

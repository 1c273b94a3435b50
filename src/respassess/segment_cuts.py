"""Where one directive clause breaks into several asks (ANNOTATION.md §2).

Helpers of :mod:`respassess.segment`. :func:`clause_cuts` reads the dependency tree
(coordinated clauses with their own subject, "with X, Y and Z" deliverables, a list item
on its own line, "to ensure ..."), and, because the small parser often misreads a
recommendation ("Ban" as a proper noun, "report" as a noun, "and ensure" attached to the
wrong verb), the surface as well:

- a coordinated verb phrase: "improve its data, and then develop a plan", "ban X and
  establish Y", "to prevent X and to protect Y" — the verb before the coordinator has
  its own object, so the two verbs do not share one ("review and revise X" stays whole);
- a means or an attached deliverable: "initiate an audit ... by establishing an Office",
  "..., ensuring in particular X", "reported annually, accompanied by a briefing".

:func:`fronted_properties` splits a deadline or mechanism put before the action.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .extract import doc_text
from .segment_select import _TITLE_SUBJECT_RE, ASK_VERBS, acts_as_verb
from .segment_surface import emphasis_cuts, subject_clause_cuts

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

# The tagger reads a bare ask verb after a long title as a noun ("the Secretary for Transport
# review and revise ..."); these words before "and" still mean the object is shared.
_ASK_VERB_RE = re.compile(ASK_VERBS)
# Dependents that show a verb has its own object or complement ("improve its data").
COMPLEMENTS = {"dobj", "attr", "prep", "xcomp", "ccomp", "advcl", "acomp", "oprd", "dative", "agent", "prt"}
_COORDINATORS = {"and", "or"}
# Words that may stand between the coordinator and the next verb ("and then", "and also").
_JOINERS = {"then", "also", "further", "subsequently"}
# Markers that repeat the verb group of the first ask ("..., and should publish", "and to protect").
_REPEATED_MARKERS = {"to", "should", "must", "shall", "will"}
# Verbs of a purpose that explains rather than asks (", to be available to staff").
_PURPOSE_ONLY = {"be", "help", "assist", "support", "allow", "enable"}
# Nouns of a light verb whose purpose clause is the ask itself ("take steps to ensure ...").
_LIGHT_OBJECTS = {"step", "steps", "measure", "measures", "action", "actions", "effort", "efforts", "way", "ways"}
# Prepositions that attach a further deliverable after a comma (", with concrete actions").
_LIST_PREPS = {"with", "alongside"}
# Verbs that open a distinct ask even inside a purpose clause ("... to ensure that X").
_ASK_VERBS = {"ensure", "require", "publish", "report", "review"}
# Verbs of working jointly whose purpose is the ask ("work with Airways to review the management").
_JOINT_WORK_VERBS = {"work", "collaborate", "cooperate", "co-operate", "liaise", "partner", "engage"}
_RELATIVE_PRONOUNS = {"that", "which", "who", "whom", "whose"}
# Verbs whose object is told to do the infinitive after it ("require KiwiRail to review X",
# "direct the Agency to initiate an audit"): the infinitive is the content of the ask.
_OBJECT_CONTROL_VERBS = {"require", "direct", "ask", "encourage", "invite", "instruct", "request", "urge",
                         "oblige", "compel", "empower", "mandate", "task", "commission", "enable", "remind"}


def clause_cuts(span: "Span", *, directive: bool) -> tuple[set[int], set[int]]:
    """Token indices where one clause breaks into several asks.

    Args:
        span: the clause.
        directive: False for a statement of concern (a coroner's concern, a finding): it is
            not cut at a bare coordinated verb phrase, a means or a result, which belong to
            the statement rather than name separate things to do.

    Returns:
        All the cuts, and the "strong" ones among them: those that open a new ask of their
        own (a clause with its own subject, a coordinated verb phrase, a means or result after
        a comma, a list item), which end an example list or a purpose before them.
    """
    doc = span.doc
    strong: set[int] = set()
    cut_tokens: set[int] = set()
    for tok in span:
        # "improve its data, and then use ... to develop ...": cut before the "and".
        # "section 178 be amended and section 179 be repealed": each clause has its own subject.
        # ("..., or that have been stored improperly": a relative pronoun is no subject of an ask)
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in _RELATIVE_PRONOUNS
                          for c in tok.children) and \
            any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.head.children)
        # (a statement of concern is cut only where a new subject starts a second finding)
        if tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and acts_as_verb(tok.head, span) and (own_subject or (
                directive and not _in_subordinate(tok) and has_right_complement(tok) and has_complement_before(tok.head, tok.i))):
            first = _conj_boundary(tok, span)
            if first is not None:
                cut_tokens.add(first)
                if own_subject:
                    strong.add(first)
        # "..., with concrete actions, and clear interdependencies, alongside metrics".
        if tok.lower_ in _LIST_PREPS and tok.i > span.start and tok.nbor(-1).text == ",":
            cut_tokens.add(tok.i)
            for obj in tok.children:
                # a list of three, or one set off by commas, is several deliverables; "with
                # effective workflows and interfaces" is one
                if len(obj.conjuncts) < 2 and not any(c.text == "," and c.i > obj.i for c in obj.children):
                    continue
                for conj in obj.conjuncts:
                    if conj.i > tok.i and span.start <= conj.i < span.end:
                        boundary = _np_start(conj, span)
                        if boundary is not None:
                            cut_tokens.add(boundary)
        # a list item on its own line: "...should:\nconsider X\nconsider Y" (bullets lost in extraction)
        if tok.tag_ in ("VB", "VBP") and tok.text[:1].islower() and tok.dep_ not in ("aux", "auxpass") \
                and _after_line_break(tok, span):
            cut_tokens.add(tok.i)
            strong.add(tok.i)
        if tok.lemma_ in _ASK_VERBS and tok.dep_ in ("advcl", "xcomp") and tok.head.pos_ == "VERB" \
                and tok.i - 1 > span.start and doc[tok.i - 1].lower_ == "to" \
                and not (directive and purpose_is_part_of_ask(tok.head)):  # a finding has no purpose to keep
            cut_tokens.add(tok.i - 1)
        if tok.lower_ == "as" and tok.i + 2 < span.end and doc[tok.i + 1].lower_ == "well" and doc[tok.i + 2].lower_ == "as":
            cut_tokens.add(tok.i)
    if directive:
        emphasis = emphasis_cuts(span) | subject_clause_cuts(span)
        cut_tokens |= emphasis
        strong |= emphasis
        coordinated = coordination_cuts(span)
        means = means_cuts(span)
        cut_tokens |= coordinated | means
        # (a further means after "and" opens an action of its own, even inside ", including by ...")
        strong |= coordinated | {i for i in means if doc[i].text == "," or doc[i].lower_ in _COORDINATORS}
    return cut_tokens, strong


def has_right_complement(tok: "Token") -> bool:
    """True when a verb has an object or complement after it ("improve its data")."""
    return any(c.dep_ in COMPLEMENTS and c.i > tok.i for c in tok.children)


def coordination_cuts(span: "Span") -> set[int]:
    """Token indices where a coordinated verb phrase starts (at its "and"/"or", or its comma).

    A base-form verb after "and"/"or" ("..., and ensure that ...") opens a new ask when the
    phrase before the coordinator is finished: it ends in something other than a verb or
    a preposition (so "introduce, maintain and develop training" and "be available to and
    gather" stay whole) and the new verb has a complement of its own. An explicit repeated
    marker ("and to protect", "and should publish") opens a new ask on its own.
    """
    doc = span.doc
    cuts: set[int] = set()
    for tok in span:
        if tok.lower_ not in _COORDINATORS or not span.start + 2 <= tok.i < span.end - 1:
            continue
        j = tok.i + 1
        while j < span.end - 1 and doc[j].lower_ in _JOINERS:
            j += 1
        nxt = doc[j]
        marker = nxt.lower_ in _REPEATED_MARKERS and j + 1 < span.end
        verb = doc[j + 1] if marker else nxt
        while marker and verb.i + 1 < span.end and verb.pos_ == "ADV":  # "and to also use"
            verb = doc[verb.i + 1]
        if not verb.text[:1].islower() or (verb.tag_ != "VB" and not _misread_ask_verb(verb, span)):
            continue
        prev = doc[tok.i - 1]
        comma = prev.text == ","
        if comma:
            prev = doc[tok.i - 2]
        # (", and to reiterate": a comma and a repeated marker close the phrase before, whatever
        # word ends it: "... is limited to discussion only, and to reiterate ...")
        if not (marker and comma and prev.pos_ in ("ADV", "ADP")) and (
                prev.pos_ in ("VERB", "AUX", "ADP", "PART", "DET", "CCONJ", "SCONJ", "ADV") or prev.tag_ in ("VB", "VBP")
                or (prev.text.islower() and _ASK_VERB_RE.fullmatch(prev.text))):
            continue  # "review and revise X", "available to and gather": one shared object
        if not (marker or has_right_complement(verb)):
            continue
        if _in_relative_clause(verb):
            continue  # "parts ... that have been stored improperly": describes, does not ask
        i = tok.i
        if doc[i - 1].text == ",":
            i -= 1
        cuts.add(i)
        if nxt.lower_ == "to":
            first = _first_purpose(verb, span)
            if first is not None:
                cuts.add(first)
    return cuts


def _first_purpose(verb: "Token", span: "Span") -> int | None:
    """Where the first of two parallel infinitives starts: in "amend Rule X to make it clear that
    A, and to reiterate that B" each infinitive names a change the amendment must make, so the
    first is cut from the action like the second (not after a light verb or a joint-work verb:
    "increase efforts to prevent X and to protect Y" keeps "efforts to prevent X" whole)."""
    doc = span.doc
    first = verb.head if verb.dep_ == "conj" else None
    if first is None or not span.start + 2 < first.i < verb.i or doc[first.i - 1].lower_ != "to":
        return None
    action = first.head
    if first.tag_ != "VB" or first.dep_ not in ("advcl", "xcomp", "acl") or not span.start <= action.i < first.i:
        return None
    if action.pos_ == "VERB":
        if purpose_is_part_of_ask(action) or not has_complement_before(action, first.i):
            return None
    elif action.lower_ in _LIGHT_OBJECTS:
        return None  # "efforts to prevent X and to protect Y" (the verb before it misread)
    if len(doc[span.start:first.i - 1]) < 3:
        return None
    return first.i - 1


_SUBORDINATORS = {"when", "if", "where", "unless", "whether", "because", "while", "whilst", "once"}


def _in_subordinate(tok: "Token") -> bool:
    """True when a finite conjunct continues a subordinate clause rather than the ask: "notify
    the Director when they are aware, or have reasonable grounds to suspect" (the parser hangs
    "have" on the main verb). An ask verb in the base form ("and ensure ...") is never one."""
    if tok.tag_ == "VB":
        return False
    return any(t.lower_ in _SUBORDINATORS and t.dep_ in ("advmod", "mark") for t in tok.doc[tok.head.i + 1:tok.i])


def _misread_ask_verb(tok: "Token", span: "Span") -> bool:
    """True for an ask verb tagged as a noun that still opens a verb phrase: "and guarantee by
    law the right ..." (a noun would be followed by its own modifiers: "and support services")."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < span.end else None
    return bool(_ASK_VERB_RE.fullmatch(tok.lower_)) and nxt is not None and \
        (nxt.pos_ in ("DET", "PRON") or nxt.lower_ in ("by", "that"))


def _in_relative_clause(tok: "Token") -> bool:
    """True when a verb sits in a relative clause ("systems that allow X and support Y")."""
    for anc in (tok, *tok.ancestors):
        if anc.dep_ == "relcl":
            return True
        if anc.dep_ in ("ROOT", "ccomp"):
            return False
    return False


def means_cuts(span: "Span") -> set[int]:
    """Token indices where a means or an attached deliverable starts.

    "... by establishing a National Research Integrity Office" (a mechanism the responder
    must provide), "..., ensuring in particular the availability of ..." (a result it must
    secure) and "..., accompanied by a classified briefing" (a further deliverable).
    """
    doc = span.doc
    cuts: set[int] = set()
    for tok in span:
        if tok.i <= span.start + 2 or tok.i >= span.end - 2:
            continue
        prev = doc[tok.i - 1]
        if tok.lower_ == "by" and doc[tok.i + 1].tag_ == "VBG":
            if prev.lower_ == "including" and doc[tok.i - 2].text == ",":
                cuts.add(tok.i - 2)  # ", including by integrating X": a means, not an example
            else:
                cuts.add(tok.i - 1 if prev.text == "," else tok.i)
            cuts |= _gerund_conjunct_cuts(doc[tok.i + 1], span)
        elif prev.text == "," and tok.lower_ in ("ensuring", "accompanied"):
            cuts.add(tok.i - 1)
        elif prev.text == "," and tok.lower_ == "to" and doc[tok.i + 1].tag_ == "VB" \
                and any(has_right_complement(v) for v in (doc[tok.i + 1], *doc[tok.i + 1].conjuncts)) \
                and doc[tok.i + 1].lemma_ not in _PURPOSE_ONLY:
            cuts.add(tok.i - 1)  # "review the operations at other aerodromes ..., to assess and minimise X"
    return cuts


def _gerund_conjunct_cuts(gerund: "Token", span: "Span") -> set[int]:
    """Cuts before each further means in "by allocating X and implementing Y": every gerund
    names an action of its own (at its "and"/"or", or the comma of an asyndetic list)."""
    doc = span.doc
    cuts: set[int] = set()
    for conj in gerund.conjuncts:
        if conj.i <= gerund.i or conj.tag_ != "VBG" or not span.start < conj.i < span.end:
            continue
        i = conj.i - 1
        while i > gerund.i and doc[i].pos_ == "ADV":  # "and then establishing"
            i -= 1
        if doc[i].lower_ in _COORDINATORS or doc[i].text == ",":
            if doc[i - 1].text == ",":
                i -= 1
            cuts.add(i)
    return cuts


def purpose_is_part_of_ask(head: "Token") -> bool:
    """True when an infinitive purpose clause ("to ensure ...") belongs to the ask before it.

    After a light verb ("take steps to ensure X", "make efforts to ...") or a passive
    amendment ("be amended to require X") the purpose names what is asked.
    """
    if any(c.dep_ == "auxpass" for c in head.children) or head.lemma_ in _JOINT_WORK_VERBS:
        return True  # "work with Airways to review X": the review is what the joint work is for
    if head.lemma_ in _OBJECT_CONTROL_VERBS and any(c.dep_ in ("dobj", "dative") for c in head.children):
        return True  # "require KiwiRail Network to review X": what the body is required to do is the ask
    return any(c.dep_ == "dobj" and c.lower_ in _LIGHT_OBJECTS for c in head.children)


# A deadline or a mechanism put before the action ("Within 18 months ..., the Department should
# prepare ...", "in consultation with other stakeholders (...), the Department should ...") or
# between the modal and the verb ("should within 18 months of this report develop") is a
# property the responder must meet: an ask of its own (ANNOTATION.md §2).
_FRONTED_RE = re.compile(r"\W*(?:within|no\s+later\s+than|in\s+consultation\s+with)\b", re.IGNORECASE)
_MODAL_DEADLINE_RE = re.compile(r"\b(?:should|must|shall)\s+(?=(?:within|no\s+later\s+than|by\s+the\s+end\s+of)\s)",
                                re.IGNORECASE)
_ASIDE_END_RE = re.compile(r"\s*\([^()]*\)\s*$")


def fronted_properties(doc: "Doc", start: int, end: int) -> tuple[list[tuple[int, int]], int]:
    """Split a fronted or mid-clause deadline/mechanism off the start of a directive clause.

    Args:
        doc: the parsed recommendation.
        start: where the clause starts (after any preamble).
        end: where it ends.

    Returns:
        The property spans (a trailing bracketed aside dropped), and where the rest of the
        clause now starts (at its verb when the property stood after the modal).
    """
    text = doc_text(doc)
    props: list[tuple[int, int]] = []
    m = _FRONTED_RE.match(text, start, end)
    if m:
        comma = _comma_at_depth0(text, m.end(), min(end, m.end() + 400))
        if comma is not None and len(text[comma:end].split()) >= 3:
            aside = _ASIDE_END_RE.search(text, start, comma)
            props.append((start, aside.start() if aside and len(text[start:aside.start()].split()) >= 3 else comma))
            start = comma + 1
    m = _MODAL_DEADLINE_RE.search(text, start, end)
    span = doc.char_span(m.end(), end, alignment_mode="expand") if m and m.start() - start < 200 else None
    if span is not None:
        # the deadline runs up to the base-form verb it delays ("... of this report develop")
        verb = next((t for t in span[1:12] if t.tag_ == "VB" and t.nbor(-1).lower_ != "to"), None)
        if verb is not None and all(t.text not in ",;:()" for t in doc[span.start:verb.i]):
            props.append((m.end(), doc[verb.i - 1].idx + len(doc[verb.i - 1].text)))
            start = verb.idx
    return props, start


def _comma_at_depth0(text: str, start: int, end: int) -> int | None:
    depth = 0
    for i in range(start, end):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            return i
        elif ch in ".;:" and depth == 0:
            return None
    return None


def has_complement_before(tok, limit: int) -> bool:
    """True when a verb has its own object or complement between itself and ``limit`` (the
    next coordinated verb): "improve its data, and then use ..." but not "meet and consult
    with" (shared) nor "In developing X, ... meet and consult" (a fronted clause)."""
    return any(c.dep_ in COMPLEMENTS and tok.i < c.i < limit for c in tok.children)


def _conj_boundary(tok, span) -> int | None:
    """Token index where a coordinated verb phrase starts: its "and"/"or" (or the comma of
    an asyndetic list). Without an explicit coordinator between the two verbs, no cut."""
    head = tok.head
    if not (span.start <= head.i < span.end) or head.i >= tok.i:
        return None
    doc = tok.doc
    ccs = [c.i for c in head.children if c.dep_ in ("cc", "punct") and head.i < c.i < tok.i
           and c.lower_ in {"and", "or", ","}]
    if not ccs:
        return None
    i = max(ccs)
    while i - 1 > span.start and doc[i - 1].lower_ in {"and", "or", ","}:
        i -= 1
    return i if i > span.start + 1 else None


def _np_start(tok, span) -> int | None:
    """First token index of a noun phrase headed by ``tok`` (including "and"/"," before it)."""
    i = min([tok.i] + [t.i for t in tok.subtree if t.i <= tok.i and t.dep_ not in ("cc", "punct")])
    while i - 1 > span.start and tok.doc[i - 1].lower_ in {"and", "or", ","}:
        i -= 1
    return i if i > span.start else None


def _after_line_break(tok, span) -> bool:
    """True when a base-form verb opens a new line after a finished phrase (a list item whose
    bullet was lost in PDF extraction), not when the line break falls inside a verb group."""
    doc = tok.doc
    j = tok.i - 1
    while j > span.start and doc[j].is_space:
        j -= 1
    if j <= span.start or "\n" not in doc_text(doc)[doc[j].idx + len(doc[j].text):tok.idx]:
        return False
    prev = doc[j]
    title = _TITLE_SUBJECT_RE.match(doc_text(doc), span.start_char, tok.idx + len(tok.text))
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i for c in tok.children) or (title and title.end() == tok.idx):
        return False  # "the Australian Government\nprovide ...": the subject ends the line
    return prev.tag_ != "MD" and prev.lower_ not in {"to", "and", "or", "not", "be", "should", "must"} \
        and prev.text[-1:] not in ",(-" and prev.pos_ not in ("ADP", "DET", "AUX", "PART", "PRON")

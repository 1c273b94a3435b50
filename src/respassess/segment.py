"""Segment: recommendation -> asks (ANNOTATION.md §2); response -> sentences.

Asks are found with the dependency parse, not a sentence splitter: a recommendation
sentence usually bundles several asks ("improve its data, and then ... develop a new
fully costed plan ..., with concrete actions, and clear interdependencies, alongside
metrics"). The splitter cuts at

- list structure: bullets, "(a)"/"(i)" items, semicolons, a colon before a list;
- coordinated verb phrases ("improve X, and then develop Y");
- attached deliverables: "with X, Y and Z", "alongside X", "as well as X";
- required properties a plan can fail on its own ("fully costed", "time-bound");
- clauses with their own subject ("section 178 be amended and section 179 be repealed",
  "... and that robust clauses be included").

Each ask is the shortest span that names it: an actor subject is dropped ("the Secretary
for Transport review X" -> "review X"), and trailing elaboration is cut ("..., so that",
"with a view to", "noting", ", which ..."); list items that only name a body to consult
("• the Privacy Commissioner;") are not asks. Which sentences ask at all is decided in
:mod:`respassess.segment_select` (directives, coroners' concerns, preambles).

Preambles ("The Committee recommends that", "On 23 May 2018 the Commission
recommended that ...") and sentences that only give context are not asks.
Every span is an exact slice of the source text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable, Sequence

from .segment_select import (_MID_PREAMBLE_RE, _FRONTED_PROPERTY_RE, _TITLE_SUBJECT_RE,
                             _choose_sentences, _drop_subject, _strip_preamble)
from .types import Ask, Sentence

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span

__all__ = ["split_asks", "split_sentences", "PROPERTY_WORDS"]

# Properties that a deliverable can lack on its own: "a plan without costs fails 'fully costed'".
PROPERTY_WORDS = ("fully costed", "costed", "fully funded", "funded", "time-bound", "timebound",
                  "measurable", "evidence-based", "independent", "published", "public")
_PROPERTY_RE = re.compile(r"\b(?:fully\s+)?(?:costed|funded|time-?bound|measurable)\b", re.IGNORECASE)

_BULLET_RE = re.compile(r"(?:^|\n)\s*(?:[•▪●◦\-–*]|o(?=\s)|\(?[a-z]\)|\(?[ivx]+\)|\d+[.)])\s+|\s[•▪●◦]\s")
_LIST_PREPS = {"with", "alongside", "including"}
# Verbs that open a distinct ask even inside a purpose clause ("... to ensure that X").
_ASK_VERBS = {"ensure", "require", "publish", "report", "review"}
_MIN_ASK_WORDS = 2
# A lead-in to a list ("This programme should:", "... necessary to ensure that:") is not an ask itself.
_INTRO_RE = re.compile(r"(?:\b(?:should|must|shall|will|to|that|include|includes|including|following|be|are|is)"
                       r"|^(?:this|the)\s+\w+(?:\s+\w+)?\s+(?:should|must))\s*$", re.IGNORECASE)


def split_sentences(doc: "Doc") -> tuple[Sentence, ...]:
    """Split a parsed response into sentences, also breaking at blank lines and bullets.

    Label lines such as "Response: Supported." become sentences of their own, which is
    what the stance reader and the evidence aligner want.

    Args:
        doc: the spaCy Doc of the whole response text.

    Returns:
        Sentences with offsets into ``doc.text``, in order, none empty.
    """
    text = doc.text
    pieces: list[tuple[int, int]] = []
    for sent in doc.sents:
        pieces.extend(_split_on_breaks(text, sent.start_char, sent.end_char))
    return _to_units(text, pieces, Sentence)


def split_asks(doc: "Doc") -> tuple[Ask, ...]:
    """Split a parsed recommendation into its asks.

    Args:
        doc: the spaCy Doc of the recommendation text.

    Returns:
        Asks with offsets into ``doc.text`` (at least one for any non-empty text).
    """
    text = doc.text
    sentences = _merge_broken_sentences(text, [(s.start_char, s.end_char) for s in doc.sents])
    chosen = _choose_sentences(doc, sentences)
    asks: list[tuple[int, int]] = []
    for sent_start, sent_end, directive in chosen:
        m = _MID_PREAMBLE_RE.search(text, sent_start, sent_end)
        if m:  # "Within 18 months ..., the Committee recommends that ...": the deadline is a property
            if _FRONTED_PROPERTY_RE.match(text, sent_start, m.start()):
                asks.append((sent_start, m.start()))
            sent_start = m.end()
        sent_start, sent_end = _strip_preamble(text, sent_start, sent_end)
        for start, end in _split_on_breaks(text, sent_start, sent_end, semicolons=True):
            start, end = _strip_preamble(text, start, end)
            if end > start:
                asks.extend(_split_clause(doc, start, end, directive=directive))
    asks = [span for span in (_trim(text, s, e) for s, e in asks) if span[1] > span[0]]
    asks = [span for i, span in enumerate(asks) if not (i + 1 < len(asks) and _is_intro(text, *span))]
    asks = [span for span in asks if not _is_party(doc, *span)]
    asks = _drop_fragments(text, asks)
    if not asks and text.strip():
        asks = [_trim(text, 0, len(text))]
    return _to_units(text, asks, Ask)


# --- helpers -------------------------------------------------------------------------

def _split_on_breaks(text: str, start: int, end: int, *, semicolons: bool = False) -> list[tuple[int, int]]:
    """Cut [start, end) at blank lines, bullets and (optionally) semicolons and list colons."""
    pattern = r"\n\s*\n|" + _BULLET_RE.pattern
    if semicolons:
        # a blank line inside a clause ("assist the sector in\n\ndiversifying") is a page
        # break in a PDF, not a list break
        pattern = r"(?<![a-z,])\n\s*\n|\n\s*\n(?![a-z])|" + _BULLET_RE.pattern + r"|;\s*(?:and\s+|or\s+)?|:\s*(?=\S)|,?\s+and\s+that\s+(?=\S)"
    cuts = [start]
    for m in re.finditer(pattern, text[start:end]):
        cuts.extend((start + m.start(), start + m.end()))
    cuts.append(end)
    return [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2) if cuts[i + 1] > cuts[i]]


def _merge_broken_sentences(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a segment to the previous one when the parser split mid-clause.

    PDF line breaks make the parser end sentences early ("... (Interception and Access)" /
    "Act 1979 be permitted ..."); a real break ends in punctuation or starts a bullet.
    """
    out: list[tuple[int, int]] = []
    for start, end in spans:
        piece = text[start:end].strip()
        prev = text[out[-1][0]:out[-1][1]].rstrip() if out else ""
        bullet = bool(re.match(r"[•▪●◦\-–*]|\(?[a-z]\)|\(?[ivx]+\)", piece))
        if out and piece and not bullet and prev and prev[-1] not in ".;:!?" and \
                text[out[-1][1]:start].count("\n") < 2:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _split_clause(doc: "Doc", start: int, end: int, *, directive: bool = True) -> list[tuple[int, int]]:
    """Cut one directive clause at coordinated verb phrases and attached deliverable lists."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 4:
        return [(start, end)]
    cut_tokens: set[int] = set()
    for tok in span:
        # "improve its data, and then use ... to develop ...": cut before the "and".
        # "section 178 be amended and section 179 be repealed": each clause has its own subject.
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) and \
            any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.head.children)
        if tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and tok.head.pos_ in ("VERB", "AUX") \
                and (own_subject or (_has_complement(tok) and _has_complement(tok.head))):
            first = _conj_boundary(tok, span)
            if first is not None:
                cut_tokens.add(first)
        # "..., with concrete actions, and clear interdependencies, alongside metrics".
        if tok.lower_ in _LIST_PREPS and tok.i > span.start and tok.nbor(-1).text == ",":
            cut_tokens.add(tok.i)
            for obj in tok.children:
                for conj in obj.conjuncts:
                    if conj.i > tok.i and span.start <= conj.i < span.end:
                        boundary = _np_start(conj, span)
                        if boundary is not None:
                            cut_tokens.add(boundary)
        # a list item on its own line: "...should:\nconsider X\nconsider Y" (bullets lost in extraction)
        if tok.tag_ in ("VB", "VBP") and tok.text[:1].islower() and _after_line_break(tok, span):
            cut_tokens.add(tok.i)
        if tok.lemma_ in _ASK_VERBS and tok.dep_ in ("advcl", "xcomp") and tok.head.pos_ == "VERB" \
                and tok.i - 1 > span.start and doc[tok.i - 1].lower_ == "to":
            cut_tokens.add(tok.i - 1)
        if tok.lower_ == "as" and tok.i + 2 < span.end and doc[tok.i + 1].lower_ == "well" and doc[tok.i + 2].lower_ == "as":
            cut_tokens.add(tok.i)
    pieces: list[tuple[int, int]] = []
    prev = start
    for i in sorted(cut_tokens):
        if span.start < i < span.end:
            pos = doc[i].idx
            if pos > prev:
                pieces.append((prev, pos))
                prev = pos
    pieces.append((prev, end))
    out: list[tuple[int, int]] = []
    for s, e in pieces:
        s, e = _drop_elaboration(doc, s, e)
        if directive:  # a statement of concern keeps its subject: it names what is wrong
            s = _drop_subject(doc, s, e)
        out.extend(_split_property(doc.text, s, e))
    return out


# Trailing material that explains an ask rather than naming it: a web address, an example list.
_ELABORATION_RE = re.compile(
    r"\s*\(https?\b|,?\s+(?:for\s+example|such\s+as|e\.g\.|so\s+that|with\s+a\s+view\s+to|in\s+order\s+to|noting|"
    r"recognising|recognizing|given\s+(?:that|what)|bearing\s+in\s+mind|as\s+a\s+routine\s+part|especially|particularly)\s"
    r"|,\s+(?:which|who)\s", re.IGNORECASE)


def _drop_elaboration(doc: "Doc", start: int, end: int) -> tuple[int, int]:
    """Cut a web address or an example list off the end of an ask (gold asks are the shortest span)."""
    m = _ELABORATION_RE.search(doc.text, start, end)
    if m and len(doc.text[start:m.start()].split()) >= 3:
        return start, m.start()
    return start, end


def _after_line_break(tok, span) -> bool:
    """True when a base-form verb opens a new line after a finished phrase (a list item whose
    bullet was lost in PDF extraction), not when the line break falls inside a verb group."""
    doc = tok.doc
    j = tok.i - 1
    while j > span.start and doc[j].is_space:
        j -= 1
    if j <= span.start or "\n" not in doc.text[doc[j].idx + len(doc[j].text):tok.idx]:
        return False
    prev = doc[j]
    title = _TITLE_SUBJECT_RE.match(doc.text, span.start_char, tok.idx + len(tok.text))
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i for c in tok.children) or (title and title.end() == tok.idx):
        return False  # "the Australian Government\nprovide ...": the subject ends the line
    return prev.tag_ != "MD" and prev.lower_ not in {"to", "and", "or", "not", "be", "should", "must"} \
        and prev.text[-1:] not in ",(-" and prev.pos_ not in ("ADP", "DET", "AUX", "PART", "PRON")


_COMPLEMENTS = {"dobj", "attr", "prep", "xcomp", "ccomp", "advcl", "acomp", "oprd", "dative", "agent", "prt"}


def _has_complement(tok) -> bool:
    """True when a verb has its own object or complement ("improve its data"), not one shared
    with the next verb ("collected, shared and used at ...")."""
    return any(c.dep_ in _COMPLEMENTS for c in tok.children)


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


def _split_property(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Pull a required property ("fully costed") out of a deliverable as an ask of its own."""
    m = _PROPERTY_RE.search(text, start, end)
    if not m or end - start < 25 or text[max(0, m.start() - 2):m.start()].strip().endswith("-"):
        return [(start, end)]
    pieces = [(start, m.start()), (m.start(), m.end()), (m.end(), end)]
    return [(s, e) for s, e in pieces if e > s]


def _is_party(doc: "Doc", start: int, end: int) -> bool:
    """True for a list item that only names a body to consult ("• the Privacy Commissioner;"):
    the people to work with are part of the ask before the list, not asks of their own."""
    before = doc.text[max(0, start - 4):start]
    if not re.search(r"[•▪●◦;\n]|\band\s*$", before):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) > 14 or any(t.pos_ in ("VERB", "AUX") for t in span):
        return False
    content = [t for t in span if t.is_alpha and not t.is_stop]
    return bool(content) and all(t.text[0].isupper() for t in content if t.pos_ != "ADJ" or t.i == span.start) \
        and sum(t.text[0].isupper() for t in content) >= max(1, len(content) - 1)


def _is_intro(text: str, start: int, end: int) -> bool:
    """True for a lead-in to a list ("This programme should:"), which is not an ask itself:
    it ends in a joining word and a colon, bullet or line break follows it."""
    after = text[end:end + 40].lstrip(" \t")
    return bool(_INTRO_RE.search(text[start:end])) and (after[:1] in (":", "\n") or bool(re.match(_BULLET_RE, after)))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past surrounding spaces, punctuation and joining words."""
    lead = re.compile(r"(?:[\s,;:.•▪●◦\-–*]|and\b|or\b|then\b|that\b|also\b|moreover\b|further(?:more)?\b|"
                      r"additionally\b|the\s+following\b)+", re.IGNORECASE)
    while True:
        m = lead.match(text, start, end)
        if not m or m.end() == start:
            break
        start = m.end()
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.•"):
        end -= 1
    # a trailing "and"/"or" left by a cut
    m = re.search(r"(?:,?\s+(?:and|or|then))+$", text[start:end], re.IGNORECASE)
    if m:
        end = start + m.start()
    return start, end


def _drop_fragments(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge one-word leftovers into their neighbour; properties ("costed") are kept."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        words = len(re.findall(r"\w+", text[s:e]))
        if words < _MIN_ASK_WORDS and not _PROPERTY_RE.fullmatch(text[s:e].strip()):
            if out:
                out[-1] = (out[-1][0], max(out[-1][1], e))
            continue
        out.append((s, e))
    return out


def _to_units(text: str, spans: Iterable[tuple[int, int]], cls):
    units = []
    for s, e in spans:
        s2, e2 = s, e
        while s2 < e2 and text[s2].isspace():
            s2 += 1
        while e2 > s2 and text[e2 - 1].isspace():
            e2 -= 1
        if e2 > s2:
            units.append(cls(index=len(units), text=text[s2:e2], start=s2, end=e2))
    return tuple(units)

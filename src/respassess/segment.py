"""Segment: recommendation -> asks (ANNOTATION.md §2); response -> sentences.

Asks are found with the dependency parse, not a sentence splitter: a recommendation
sentence usually bundles several asks ("improve its data, and then ... develop a new
fully costed plan ..., with concrete actions, and clear interdependencies, alongside
metrics"). The splitter cuts at

- list structure: bullets, "(a)"/"(i)" items, semicolons, a colon before a list, and
  wrapped lines that end an item whose bullet was lost in PDF extraction
  (:mod:`respassess.segment_layout`);
- coordinated verb phrases ("improve X, and then develop Y", "ban X and establish Y",
  "prevent X and to protect Y"), but not verbs that share one object ("introduce, maintain
  and develop training");
- a means or a result ("by establishing an Office", "..., ensuring in particular X"), and
  attached deliverables: "with X, Y and Z", "alongside X", "as well as X", "accompanied by X";
- required properties a plan can fail on its own ("fully costed", "time-bound"), a fronted
  or mid-clause deadline or mechanism ("Within 18 months ...,", "should within 18 months of
  this report develop", "in consultation with X,");
- clauses with their own subject ("section 178 be amended and section 179 be repealed",
  "... and that robust clauses be included", "... and whether boards maintain X").

Each ask is the shortest span that names it: an actor subject is dropped ("the Secretary
for Transport review X" -> "review X"), and trailing elaboration is cut ("..., so that",
"with a view to", "..., including X", "for example", a bracketed aside); list items that
only name a body to consult ("• the Privacy Commissioner;") and an ask repeated by a second
State are not asks (:mod:`respassess.segment_trim`). Where one clause breaks is found in
:mod:`respassess.segment_cuts`; which sentences ask at all in
:mod:`respassess.segment_select` (directives, list items under a lead-in, preambles) and
:mod:`respassess.segment_findings` (coroners' concerns and TAIC findings stated as statements).

Preambles ("The Committee recommends that", "On 23 May 2018 the Commission
recommended that ...", "We recommend the following actions to ...:") and sentences that
only give context are not asks. Every span is an exact slice of the source text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable, Sequence

from .extract import doc_text
from .segment_cuts import clause_cuts, fronted_properties
from .segment_layout import item_breaks
from .segment_select import (
    _FRONTED_PROPERTY_RE,
    _MID_PREAMBLE_RE,
    _choose_sentences,
    _drop_subject,
    _strip_preamble,
)
from .segment_trim import (
    BULLET_RE,
    PURPOSE_RE,
    drop_elaboration,
    drop_fragments,
    drop_repeats,
    elaboration_regions,
    is_addressee,
    is_intro,
    is_party,
    required_lists,
    split_property,
    trim,
)
from .types import Ask, Sentence

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

__all__ = ["split_asks", "split_sentences", "own_answer_end"]

# A line holding only recommendation numbers ("140.145, 146", "140.82-85, 87", "122.28"): in a UN reply that
# answers several recommendations in turn, it heads the answer to *other* ones.
_NEXT_ANSWER_LINE = re.compile(r"^[ \t]*\d{1,3}\.\d{1,3}(?:[ \t]*[-–,][ \t]*\d{1,3}(?:\.\d{1,3})?)*[ \t]*$", re.MULTILINE)


def own_answer_end(response: str) -> int:
    """Where a reply's answer to *this* recommendation ends.

    A record's reply text sometimes runs on into the answers to other recommendations, each
    headed by a line of recommendation numbers; what follows such a line says nothing about
    this recommendation (its stance, commitments, dates).

    Args:
        response: the reply text.

    Returns:
        The end of the reply's own text (before the whitespace leading to the first
        recommendation-number line that follows some text of its own), or ``len(response)``
        when there is none.
    """
    for m in _NEXT_ANSWER_LINE.finditer(response):
        own = response[:m.start()]
        if own.strip():
            return len(own.rstrip())
    return len(response)


def split_sentences(doc: "Doc") -> tuple[Sentence, ...]:
    """Split a parsed response into sentences, also breaking at blank lines and bullets.

    Label lines such as "Response: Supported." become sentences of their own, which is
    what the stance reader and the evidence aligner want.

    Args:
        doc: the spaCy Doc of the whole response text.

    Returns:
        Sentences with offsets into ``doc.text``, in order, none empty.
    """
    text = doc_text(doc)
    pieces: list[tuple[int, int]] = []
    for sent in doc.sents:
        pieces.extend(_split_on_breaks(text, sent.start_char, sent.end_char))
    return _to_units(text, _join_item_numbers(text, pieces), Sentence)


# A paragraph or list number alone ("1.2", "3.", "(b)"): the parser ends a sentence after it.
_ITEM_NUMBER_RE = re.compile(r"\s*(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]?|\(?[a-z]\)|\(?[ivx]{1,4}\))\s*")


def _join_item_numbers(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Put a paragraph number back at the head of the sentence it numbers on the same line.

    Numbered replies ("1.2 The department will publish ...", Treasury Minutes) and numbered action
    lists ("1.\tTo send each ship ...") otherwise yield a sentence "1.2" and lose the number from
    the one that follows. A number on a line of its own (a page number, or a UN reply's line of
    recommendation numbers) is left alone.
    """
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(pieces):
        start, end = pieces[i]
        if i + 1 < len(pieces) and _ITEM_NUMBER_RE.fullmatch(text, start, end) and "\n" not in text[end:pieces[i + 1][0]]:
            out.append((start, pieces[i + 1][1]))
            i += 2
            continue
        out.append((start, end))
        i += 1
    return out


def split_asks(doc: "Doc") -> tuple[Ask, ...]:
    """Split a parsed recommendation into its asks.

    Args:
        doc: the spaCy Doc of the recommendation text.

    Returns:
        Asks with offsets into ``doc.text`` (at least one for any non-empty text).
    """
    text = doc_text(doc)
    sentences = _merge_broken_sentences(text, [(s.start_char, s.end_char) for s in doc.sents])
    chosen = _choose_sentences(doc, sentences)
    items = item_breaks(text)
    asks: list[tuple[int, int]] = []
    for sent_start, sent_end, directive in chosen:
        m = _MID_PREAMBLE_RE.search(text, sent_start, sent_end)
        if m:  # "Within 18 months ..., the Committee recommends that ...": the deadline is a property
            if _FRONTED_PROPERTY_RE.match(text, sent_start, m.start()):
                asks.append((sent_start, m.start()))
            sent_start = m.end()
        sent_start, sent_end = _strip_preamble(text, sent_start, sent_end)
        for start, end in _split_on_breaks(text, sent_start, sent_end, semicolons=True, extra=items):
            start, end = _strip_preamble(text, start, end)
            if directive and end > start:
                props, start = fronted_properties(doc, start, end)
                asks.extend(props)
            if end > start:
                asks.extend(_split_clause(doc, start, end, directive=directive))
    asks = [span for span in (trim(text, s, e) for s, e in asks) if span[1] > span[0]]
    asks = [span for i, span in enumerate(asks)
            if not (i + 1 < len(asks) and (is_intro(text, *span) or is_addressee(doc, *span)))]
    asks = [span for span in asks if not is_party(doc, *span)]
    asks = drop_fragments(text, asks)
    asks = drop_repeats(text, asks)
    if not asks and text.strip():
        asks = [trim(text, 0, len(text))]
    return _to_units(text, asks, Ask)


# --- helpers -------------------------------------------------------------------------

def _split_on_breaks(text: str, start: int, end: int, *, semicolons: bool = False,
                     extra: Sequence[int] = ()) -> list[tuple[int, int]]:
    """Cut [start, end) at blank lines, bullets, (optionally) semicolons and list colons, and at
    the ``extra`` offsets (line breaks that end a list item)."""
    pattern = r"\n\s*\n|" + BULLET_RE.pattern
    if semicolons:
        # a blank line inside a clause ("assist the sector in\n\ndiversifying") is a page
        # break in a PDF, not a list break; "https://" is no list colon; "and whether" keeps its "whether"
        pattern = (r"(?<![a-z,])\n\s*\n|\n\s*\n(?![a-z])|" + BULLET_RE.pattern
                   + r"|;\s*(?:and\s+|or\s+)?|:(?!//)\s*(?=\S)|,?\s+(?:and|but)\s+that\s+(?=\S)|,?\s+and\s+(?=whether\s)")
    marks = [(start + m.start(), start + m.end()) for m in re.finditer(pattern, text[start:end])]
    marks += [(i, i + 1) for i in extra if start < i < end]
    cuts = [start]
    for a, b in sorted(marks):
        if a >= cuts[-1]:
            cuts.extend((a, b))
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


_PURPOSE_PIECE_RE = re.compile(r"[\s,]*(?:in\s+order\s+|so\s+as\s+)?to\s+[a-z]", re.IGNORECASE)


def _split_clause(doc: "Doc", start: int, end: int, *, directive: bool = True) -> list[tuple[int, int]]:
    """Cut one directive clause at coordinated verb phrases and attached deliverable lists."""
    m = PURPOSE_RE.search(doc_text(doc), start, end)
    if m and len(doc_text(doc)[start:m.start()].split()) >= 3:
        end = m.start()  # "for the purpose of providing X and enhancing Y" is one purpose, not asks
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 4:
        return [(start, end)]
    cut_tokens, strong = clause_cuts(span, directive=directive)
    # An example list or a purpose ("..., including by integrating X", "with a view to reducing X
    # and increasing Y") is trimmed off whole below; only a cut that opens a new ask ends it.
    for a, b in elaboration_regions(doc, start, end, strong):
        cut_tokens = {i for i in cut_tokens if not a < doc[i].idx < b}
    # "..., including cost implications": a required property listed after the deliverable is an ask of its own
    for pos in required_lists(doc_text(doc), start, end):
        tok = next((t for t in span if t.idx == pos), None)
        if tok is not None:
            cut_tokens = set(cut_tokens) | {tok.i}
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
    for k, (s, e) in enumerate(pieces):
        if not directive and k and _PURPOSE_PIECE_RE.match(doc_text(doc), s, e):
            continue  # "... should work together effectively | to ensure consistent care": a finding states no purpose
        s, e = drop_elaboration(doc, s, e, directive=directive)
        if directive:  # a statement of concern keeps its subject: it names what is wrong
            s = _drop_subject(doc, s, e)
        out.extend(split_property(doc_text(doc), s, e))
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

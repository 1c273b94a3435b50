"""What part of a clause is not an ask (ANNOTATION.md §2: the shortest span that names it).

Helpers of :mod:`respassess.segment`: trailing elaboration ("so that", "for example",
"..., including X", a bracketed aside), a required property pulled out of its deliverable
("fully costed"), list lead-ins ("This programme should:"), the bodies to consult in a list
("• the Privacy Commissioner;"), stray words and page numbers left by cuts, and an ask
repeated word for word by a second recommending State.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

from .extract import doc_text

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span

# Properties that a deliverable can lack on its own: "a plan without costs fails 'fully costed'".
PROPERTY_RE = re.compile(r"\b(?:fully\s+)?(?:costed|funded|time-?bound|measurable)\b", re.IGNORECASE)
BULLET_RE = re.compile(r"(?:^|\n)\s*(?:[•▪●◦\-–*]|o(?=\s)|\(?[a-z]\)|\(?[ivx]+\)|\d+[.)])\s+|\s[•▪●◦]\s")
_MIN_ASK_WORDS = 2
# A lead-in to a list ("This programme should:", "... necessary to ensure that:") is not an ask itself.
_INTRO_RE = re.compile(r"(?:\b(?:should|must|shall|will|to|that|include|includes|including|following|be|are|is)"
                       r"|^(?:this|the)\s+\w+(?:\s+\w+)?\s+(?:should|must)|^\W*(?:at|as)\s+a\s+minimum)\s*$", re.IGNORECASE)


# Trailing material that explains an ask rather than naming it: a web address, an example list.
_ELABORATION_RE = re.compile(
    r"\s*\(https?\b|(?:,|\s+[-–—])?\s+(?:such\s+as|so\s+that|with\s+a\s+view\s+to|in\s+order\s+to|noting|"
    r"recognising|recognizing|given\s+(?:that|what)|bearing\s+in\s+mind|as\s+a\s+routine\s+part)\s"
    r"|(?:,|\s+[-–—])?\s+(?:for\s+example|e\.g\.)[\s,]|(?<![,\s])(?<!\band)\s+(?:in\s+particular|especially|particularly)[\s,]|,\s+(?:which|who)\s|,\s+in\s+(?:partnership|conjunction|collaboration)\s+with\s", re.IGNORECASE)
PURPOSE_RE = re.compile(r",?\s+for\s+the\s+purposes?\s+of\s", re.IGNORECASE)
# A closing aside in brackets ("(except to the extent they contain classified information)");
# a short one stays: an acronym "(DTAC)", "(as applicable)".
_TRAILING_ASIDE_RE = re.compile(r"\s*\(([^()]*)\)[\s.;,]*$")


# "..., including X": examples of what the ask covers, unless it sits inside the subject
# ("Trust and provider leaders, including board members, should ...").
_INCLUDING_RE = re.compile(r",\s*including\b", re.IGNORECASE)
_CLAUSE_GOES_ON_RE = re.compile(r",\s+(?:should|must|shall|will|may|are|is|be|have|has)\b", re.IGNORECASE)
# "..., including cost implications", "..., including measurable targets": what the list names is a
# property the deliverable must have (ANNOTATION.md §2: costed, metrics, a timeline), so an ask, not an example
_REQUIRED_RE = re.compile(r"\b(?:cost(?:s|ing|ings|ed)?|funding|funded|resourcing|resourced|budgets?|targets?|metrics?|"
                          r"KPIs?|indicators?|milestones?|benchmarks?|(?:performance|outcome)\s+measures?|timelines?|"
                          r"time-?frames?|deadlines?|measurable|time-?bound)\b", re.IGNORECASE)


_LIST_END_RE = re.compile(r"[,;.:]")


def _list_start(m: re.Match[str]) -> int:
    """Where the word "including" of an ", including" match starts."""
    return m.end() - len("including")


def required_lists(text: str, start: int, end: int) -> list[int]:
    """Where an ", including X" that names a required property starts (at "including"), in ``text[start:end]``."""
    out = []
    for m in _INCLUDING_RE.finditer(text, start, end):
        stop = _LIST_END_RE.search(text, m.end(), end)
        if _REQUIRED_RE.search(text, m.end(), stop.start() if stop else end):
            out.append(_list_start(m))
    return out


def elaboration_regions(doc: "Doc", start: int, end: int, coordinated: set[int]) -> list[tuple[int, int]]:
    """Character ranges of trailing elaboration in a clause: from its marker to the next
    coordinated ask (or the clause end)."""
    text = doc_text(doc)
    starts = [m.start() for m in _ELABORATION_RE.finditer(text, start, end)]
    required = required_lists(text, start, end)
    starts += [m.start() for m in _INCLUDING_RE.finditer(text, start, end)
               if not _CLAUSE_GOES_ON_RE.search(text, m.end(), end) and _list_start(m) not in required]
    bounds = sorted(doc[i].idx for i in coordinated)
    return [(a, next((b for b in bounds if b > a), end)) for a in starts if len(text[start:a].split()) >= 3]


# "..., and in particular, women who ...": in a statement of concern the part singled out only
# narrows the finding (a directive's is an ask of its own, cut by segment_cuts.emphasis_cuts).
_EMPHASIS_TAIL_RE = re.compile(r",?\s+(?:and\s+)?(?:in\s+particular|especially|particularly)[\s,]", re.IGNORECASE)


def drop_elaboration(doc: "Doc", start: int, end: int, *, directive: bool = True) -> tuple[int, int]:
    """Cut a web address or an example list off the end of an ask (gold asks are the shortest span).

    Args:
        doc: the parsed recommendation.
        start: where the ask starts.
        end: where it ends.
        directive: False for a statement of concern, whose singled-out part ("..., in
            particular X") is cut off as well.

    Returns:
        The ask's new (start, end).
    """
    text = doc_text(doc)
    m = _ELABORATION_RE.search(text, start, end)
    if not directive:
        tail = _EMPHASIS_TAIL_RE.search(text, start, end)
        m = tail if tail and (m is None or tail.start() < m.start()) else m
    if m and len(text[start:m.start()].split()) >= 3:
        end = m.start()
    required = required_lists(text, start, end)
    for m in _INCLUDING_RE.finditer(text, start, end):
        if _list_start(m) in required:
            continue
        if len(text[start:m.start()].split()) >= 3 and not _CLAUSE_GOES_ON_RE.search(text, m.end(), end):
            end = m.start()
            break
    m = _TRAILING_ASIDE_RE.search(text, start, end)
    if m and len(m.group(1).split()) >= 3 and len(text[start:m.start()].split()) >= 3:
        end = m.start()
    return start, end


_OPEN_NOUN_PHRASE_RE = re.compile(r"\b(?:a|an|the|new|its|their|his|her|our|this|these)\s*$", re.IGNORECASE)


# "measurable targets": the property qualifies a noun that is itself the metrics asked for
_METRIC_NOUN_RE = re.compile(r"\s+(?:targets?|outcomes?|milestones?|indicators?|objectives?|goals?|measures?|results?|"
                             r"KPIs?|benchmarks?|performance\s+(?:indicators?|measures?))\b", re.IGNORECASE)
_METRIC_TAIL_RE = re.compile(r"\s+(?:for|of|on|in|against)\s+(?!(?:\w+\s+)?(?:19|20)\d\d\b)[^,;:.()]*?"
                             r"(?=\s*(?:[,;:.()]|\bby\b|\bwithin\b|\bbefore\b|$))", re.IGNORECASE)
# what joins such a phrase to the deliverable before it: "a strategy, with | measurable targets"
_JOINER_RE = re.compile(r"[\s,]*\b(?:with|and|including|containing|setting\s+out)\s*$", re.IGNORECASE)


def split_property(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Pull a required property ("fully costed") out of a deliverable as an ask of its own."""
    m = PROPERTY_RE.search(text, start, end)
    if not m or end - start < 25 or text[max(0, m.start() - 2):m.start()].strip().endswith("-"):
        return [(start, end)]
    noun = _METRIC_NOUN_RE.match(text, m.end(), end) if m.group(0).lower().endswith("measurable") else None
    if noun is not None:
        # "a strategy, with measurable targets, by 2024": the targets are one ask (the metrics), not a
        # property word cut off its noun
        joiner = _JOINER_RE.search(text, start, m.start())
        # "measurable targets for staff retention": what the targets are for belongs to them
        tail = _METRIC_TAIL_RE.match(text, noun.end(), end)
        stop = tail.end() if tail else noun.end()
        pieces = [(start, joiner.start() if joiner else m.start()), (m.start(), stop), (stop, end)]
        return [(s, e) for s, e in pieces if e > s]
    pieces = [(start, m.start()), (m.start(), m.end()), (m.end(), end)]
    if _OPEN_NOUN_PHRASE_RE.search(text, start, m.start()) and len(text[m.end():end].split()) >= 2:
        # "develop a new | fully costed | plan for ...": the deliverable is named after the
        # property; the words before it only open its noun phrase
        pieces = pieces[1:]
    return [(s, e) for s, e in pieces if e > s]


# A list of the people to work with: "consult with the following ...:", "in consultation with:".
# Only list items may stand between the lead-in and the item (no full stop).
_CONSULT_LEAD_IN_RE = re.compile(r"\b(?:consult\w*|meet|work|engage|liaise|partner|collaborat\w*)\s+with\b"
                                 r"[^.:;]{0,80}:[^.:]*$", re.IGNORECASE)


def _verbless(doc: "Doc", start: int, end: int, *, max_tokens: int) -> "Span | None":
    """The span when it is at most ``max_tokens`` long and holds no verb (it names someone, it asks nothing)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) > max_tokens or any(t.pos_ in ("VERB", "AUX") for t in span):
        return None
    return span


def is_party(doc: "Doc", start: int, end: int) -> bool:
    """True for a list item that only names a body to consult ("• the Privacy Commissioner;"):
    the people to work with are part of the ask before the list, not asks of their own."""
    before = doc_text(doc)[max(0, start - 4):start]
    if not re.search(r"[•▪●◦;\n]|\band\s*$", before):
        return False
    span = _verbless(doc, start, end, max_tokens=14)
    if span is None:
        return False
    if _CONSULT_LEAD_IN_RE.search(doc_text(doc)[max(0, start - 1500):start]):
        return True  # "should meet and consult with (at a minimum):\n• each criminal law-enforcement agency;"
    content = [t for t in span if t.is_alpha and not t.is_stop]
    return bool(content) and all(t.text[0].isupper() for t in content if t.pos_ != "ADJ" or t.i == span.start) \
        and sum(t.text[0].isupper() for t in content) >= max(1, len(content) - 1)


def is_intro(text: str, start: int, end: int) -> bool:
    """True for a lead-in to a list ("This programme should:"), which is not an ask itself:
    it ends in a joining word and a colon, bullet or line break follows it."""
    after = text[end:end + 40].lstrip(" \t")
    return bool(_INTRO_RE.search(text[start:end])) and (after[:1] in (":", "\n") or bool(re.match(BULLET_RE, after)))


_RECOMMENDS_TAIL_RE = re.compile(r"\brecommend(?:s|ed)?\s+(?:that\s+)?$", re.IGNORECASE)


def is_addressee(doc: "Doc", start: int, end: int) -> bool:
    """True for the body a list of asks is addressed to ("recommends that the Department of Health:"),
    which names who should act, not what: a short span without a verb between "recommends" and a colon."""
    text = doc_text(doc)
    if text[end:end + 10].lstrip(" \t")[:1] != ":" or not _RECOMMENDS_TAIL_RE.search(text[max(0, start - 40):start]):
        return False
    return _verbless(doc, start, end, max_tokens=12) is not None


_PAGE_NUMBER_TAIL_RE = re.compile(r"\n[ \t]*\d{1,3}[ \t]*$")
_JOINING_TAIL_RE = re.compile(r"(?:,?\s+(?:and|or|then|so\s+as|in\s+order))+$", re.IGNORECASE)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past surrounding spaces, punctuation, list labels ("(a)", "ii)", "2.") and joining words."""
    lead = re.compile(r"(?:[\s,;:.•▪●◦\-–*]|\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)(?=\s)|"
                      r"(?:[a-z]|\d{1,2})\.(?=\s)|and\b|or\b|then\b|that\b|also\b|moreover\b|further(?:more)?\b|"
                      r"additionally\b|the\s+following\b|(?:including\s+)?by(?=\s+[a-z]+ing\b)|"
                      r"(?:in\s+particular|particularly|especially)(?:\s+(?:regarding|concerning|in\s+relation\s+to)\b)?)+",
                      re.IGNORECASE)
    while True:
        m = lead.match(text, start, end)
        if not m or m.end() == start:
            break
        start = m.end()
    while True:  # trailing punctuation, a PDF page number on its own line, a joining word left by a cut
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.•"):
            end -= 1
        m = _PAGE_NUMBER_TAIL_RE.search(text, start, end) or _JOINING_TAIL_RE.search(text, start, end)
        if not m or m.start() == start:
            break
        end = m.start()
    return start, end


def drop_fragments(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge one-word leftovers into their neighbour; properties ("costed") are kept."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        words = len(re.findall(r"\w+", text[s:e]))
        if words < _MIN_ASK_WORDS and not PROPERTY_RE.fullmatch(text[s:e].strip()):
            # a leftover of a cut inside a clause joins its neighbour; one across a list or
            # sentence break (a page number, a stray "although") is dropped
            if out and not re.search(r"[;:.•\n]", text[out[-1][1]:s]) and not text[s:e].strip().isdigit():
                out[-1] = (out[-1][0], max(out[-1][1], e))
            continue
        out.append((s, e))
    return out


_REPEAT_JACCARD = 0.8


def drop_repeats(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop an ask that repeats an earlier one almost word for word (UPR recommendations made
    by two States in one record: "Recognize the competence ... (Lithuania); Recognize ...")."""
    out: list[tuple[int, int]] = []
    seen: list[set[str]] = []
    for s, e in spans:
        words = set(re.findall(r"\w+", text[s:e].lower()))
        if words and len(words) >= 4 and any(len(words & w) / len(words | w) >= _REPEAT_JACCARD for w in seen):
            continue
        seen.append(words)
        out.append((s, e))
    return out

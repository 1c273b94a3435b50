"""Find every time expression in a response and normalise it (ANNOTATION.md §4).

Detection is spaCy's DATE entities plus our own patterns, because spaCy misses or
mislabels much of the genre: financial years ("2022-23"), fiscal events ("Autumn
Budget 2024"), boundaries ("by early 2024"), vague phrases ("in due course") and
event-anchored clauses ("when the redraft is complete"). Normalisation is
:func:`~respassess.extract.datenorm.normalise_date`; the role (deadline / past /
reference) is read from the preposition and the governing verb.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

from ..types import DateMention, DateRole
from ._calendar import parse_partial
from ._data import load_table
from ._text import doc_text
from .anchors import anchor_spans
from ._dateparts import BUDGET_QUALIFIER, RELATIVE_YEAR, vocab, with_note
from .datenorm import NormalisedDate, normalise_date

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

__all__ = ["extract_dates", "normalise_date", "NormalisedDate"]

_WS = r"\s+"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DASH = r"\s*[-\u2013\u2014/]\s*"
# a date inside a file name ("Handbook V16 May 2024.pdf") names the file, not a time
_FILE_EXT = r"\.(?:pdf|docx?|xlsx?|pptx?|csv|txt|html?)\b"
_KEEP_LEAD = r"(?:(?:no|not) later than|ahead of|prior to|in time for|by|within|before|until|till|from|since|between|throughout|starting|after)"


def _alt(phrases: Iterable[str]) -> str:
    """An alternation of phrases, longest first, any whitespace (or a hyphen: "short-term") between words."""
    items = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    return "(?:" + "|".join(r"(?:\s+|\s*-\s*)".join(map(re.escape, p.split())) for p in items) + ")"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    data = load_table("date_patterns")
    events = load_table("fiscal_events")
    month = r"(?:" + "|".join(sorted(data["months"], key=len, reverse=True)) + r")\.?"
    # "the end of June", "end of June", "end June 2005": the last day of the month
    part = r"(?:early|mid|late|(?:the\s+)?(?:end|start|beginning|middle|close)\s+of|end)"
    season = r"(?:spring|summer|autumn|fall|winter)"
    ordinal = r"(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
    fy = r"(?:financial|fiscal|budget)\s+year"
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    ypart = _alt(k for k in data["year_parts"] if not k.endswith("-"))
    # "the 2008/2009 year": a two-year label followed by "year" is a financial year
    fyrange = rf"{_YEAR}(?:{_DASH}|\s+to\s+)(?:{_YEAR}|\d\d)(?![\d%])(?:\s+(?:{fy}|year(?![\w-])))?"
    absolute = (
        rf"(?:the\s+)?{day}\s+(?:of\s+)?{month},?\s+{_YEAR}"
        rf"|{month}\s+{day},\s*{_YEAR}|{month}\s+{day}(?:st|nd|rd|th)?\s+{_YEAR}"
        rf"|(?:{part}\s*-?\s*)?{month}(?:\s+{_YEAR})?\s*(?:and|to|or|-|/|\u2013)\s*{month}\s+{_YEAR}"
        rf"|(?:{part}\s*-?\s*)?{month},?\s+{_YEAR}"
        rf"|(?:{part}\s*-?\s*)?(?:the\s+)?{season}\s+(?:of\s+)?{_YEAR}"
        rf"|q[1-4]\s*(?:of\s+)?(?:{fyrange}|{_YEAR})|(?:the\s+)?{ordinal}\s+quarter\s+of\s+(?:the\s+)?(?:{fyrange}|{_YEAR})"
        rf"|(?:{ypart})\s*-?\s*{_YEAR}|mid-{_YEAR}|(?:end|start|beginning|middle|close)\s+of\s+{_YEAR}"
        rf"|(?:the\s+)?(?:{fy}\s+|fy\s*)?{fyrange}|fy\s?\d{{2,4}}(?:{_DASH}\d\d)?|(?:the\s+)?{_YEAR}\s+{fy}"
        rf"|(?:both\s+)?{_YEAR}\s+(?:and|or|&)\s+{_YEAR}|(?:the\s+)?(?:18|19|20)\d0['\u2019]?s"
        rf"|\d{{4}}-\d\d-\d\d|\d{{1,2}}/\d{{1,2}}/\d{{4}}"
        rf"|(?:{part}\s*-?\s*|the\s+)?{month}(?!\s+\d)|{_YEAR}"
    )
    # a year left to the response date: "this Spring", "next winter", "the 5th of November"
    # "in the Spring", "over the summer": a season without a year, after a preposition of time (not "the spring broke")
    yearless = (rf"(?:this|next|last|the\s+coming)\s+{season}"
                rf"|(?:in|over|during|through)\s+the\s+{season}(?!\s+(?:of\b|\d))"
                rf"|(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{month}(?!\s*,?\s*\d)")
    names = {n for cal in events["events"].values() for e in cal for n in e["names"]} | set(events["generic"])
    label = rf"{_YEAR}(?:{_DASH}\d{{2,4}})?"
    # "the October 2022-23 Budget": a financial-year label inside a two-word name ("october budget")
    split = [n.split(" ", 1) for n in names if n.count(" ") == 1]
    inner = "|".join(rf"{re.escape(a)}\s+{_YEAR}{_DASH}\d{{2,4}}\s+{re.escape(b)}" for a, b in sorted(split))
    # "the 2025-26 Federal Budget", "Commonwealth Budget 2024-25": the budget, named for who brings it down
    qual = rf"(?:{BUDGET_QUALIFIER})?"
    event = (rf"(?:the\s+)?(?:{inner})"
             # "the October 2022 Budget", "in October 2022 Budget papers": the budget of that month
             rf"|(?:the\s+)?{month}\s+{_YEAR}\s+{qual}(?:{_alt(names)})"
             rf"|(?:the\s+)?{qual}(?:{_alt(names)})\s+{label}|(?:the\s+)?{label}\s+{qual}(?:{_alt(names)})"
             rf"|(?:the\s+)?(?:(?:next|upcoming|forthcoming|coming|following|current|last|previous|future|subsequent)\s+)+"
             rf"{qual}(?:{_alt(names)})(?:\s+(?:cycle|process|period|round))?"
             # a name no other noun shares stands for the event on its own, written as a name: "considered at MYEFO",
             # "in the Autumn Statement" (not "the spending review of the department")
             rf"|(?:the\s+)?(?=(?-i:[A-Z]))(?:{_alt(events['distinctive'])})(?:\s*\([A-Z]{{3,6}}\))?"
             rf"(?:\s+(?:cycle|process|period|round))?"
             # parliamentary sitting periods: "the 2025 Spring sittings", "the next sitting period"
             rf"|(?:the\s+)?(?:{_YEAR}\s+)?(?:autumn|winter|budget|spring)\s+(?:{_YEAR}\s+)?"
             rf"(?:parliamentary\s+)?sittings?"
             rf"(?:\s+(?:period|fortnight))?(?:\s+(?:of\s+|in\s+)?{_YEAR})?"
             rf"|(?:the\s+)?(?:next|current|coming|following|upcoming|forthcoming)\s+(?:parliamentary\s+)?sittings?"
             rf"(?:\s+(?:period|fortnight|week|block))?")
    num = vocab()["N"]
    unit = r"(?:days?|weeks?|months?|years?|decades?)"
    duration = (rf"within\s+(?:the\s+)?(?:(?:next|coming|following|first)\s+)?{num}(?:{_DASH}\d+)?\s*-?\s*{unit}"
                rf"(?:\s+(?:of|from|after|following)\s+[^.,;:\n()]{{3,80}})?"
                rf"|in\s+(?:the\s+)?(?:(?:next|coming|following|first|last|past)\s+)?{num}(?:{_DASH}\d+)?\s*-?\s*{unit}(?!\s+(?:of|old|in)\b)"
                rf"|(?:over|during)\s+the\s+(?:next|coming|following|last|past)\s+{num}\s*{unit}"
                rf"|(?:the\s+)?(?:last|past|previous)\s+{num}\s*{unit}|{num}\s+{unit}\s+ago"
                rf"|{num}(?:{_DASH}\d+)?\s*-?\s*{unit}\s+(?:after|before|following|on\s+from)\s+[^.,;:\n()]{{3,80}}")
    # "the second half of the year", "early next year", "late this financial year": a part of a relative year
    relative = (_alt(data["relative_phrases"]) + rf"|(?:{ypart})\s*-?\s*{RELATIVE_YEAR}|"
                + _alt(data["relative_unresolved"]))
    vague = _alt(data["vague_phrases"])
    lead = rf"(?:{_KEEP_LEAD}\s+)?"
    return {
        "event": re.compile(rf"(?<![\w-]){lead}(?:{event})(?![\w-])", re.I),
        "absolute": re.compile(rf"(?<![\w/.\-£$€]){lead}(?:{absolute})(?:\s+(?:onwards?|and\s+beyond))?(?![\w%/]|-\w|\.\d|{_FILE_EXT})", re.I),
        "yearless": re.compile(rf"(?<![\w/.\-£$€]){lead}(?:{yearless})(?![\w%/]|-\w)", re.I),
        "duration": re.compile(rf"(?<![\w-])(?:{duration})(?![\w-])", re.I),
        "relative": re.compile(rf"(?<![\w-]){lead}(?:{relative})(?![\w-])", re.I),
        "vague": re.compile(rf"(?<![\w-])(?:{vague})(?![\w-])", re.I),
        "bare_month": re.compile(rf"^(?:{lead})?(?:{part}\s*-?\s*|the\s+)?{month}$", re.I),
    }


def _in_name(text: str, start: int, end: int) -> bool:
    """True when a bare year sits inside a title ("Privacy Act 1988", "the 2023 Strategy")."""
    names = _name_words()
    before = re.search(r"([A-Za-z][\w'’]*)\W{0,3}$", text[max(0, start - 40):start])
    after = re.match(r"\W{0,2}([A-Za-z][\w'’]*)(?:\s+([A-Za-z][\w'’]*))?", text[end:end + 40])
    if before and before.group(1).lower() in names and (
            before.group(1)[0].isupper() or before.group(1).lower() in ("act", "acts")):
        return True  # "the Care Act 2014", and "the care act 2014" as a letter may type it
    if _title_before(text[max(0, start - 120):start], names):
        return True  # "the Vienna Convention on Diplomatic Relations 1961"
    if _quoted_title(text, start, end):
        return True  # "“The safer management of controlled drugs: Annual update 2021”"
    if after:
        first = after.group(1).lower()
        prev = text[max(0, start - 12):start].lower()
        determined = prev.endswith(("the ", "a ", "its ", "this ", "our ", "their ")) or bool(
            re.search(r"\w['’]s $", prev))  # "NHS England’s 2024/25 priorities and ... guidance"
        named = first in names or bool(after.group(2) and f"{first} {after.group(2).lower()}" in names)
        if named and (after.group(1)[0].isupper() or determined):
            return True  # "the 2023 Strategy", "the 2022 act"
        if determined and after.group(1)[0].isupper():
            return True  # "the 2021 Census": a year qualifying a proper name
        if determined and _names_ahead(text[end:end + 80], names):
            return True
    return False


_NP_STOP = frozenset("in of on for to by from with at as was were is are has have had will would which that who "
                     "when where than".split())


def _names_ahead(after: str, names: frozenset[str]) -> bool:
    """True when the noun phrase a determined year opens ends in a name word ("2024/25 priorities and planning guidance")."""
    for word in re.findall(r"[A-Za-z][\w'’-]*|[^\w\s]", after)[:6]:
        low = word.lower()
        if low in names:
            return True
        if not word[0].isalpha() or low in _NP_STOP:
            return False
    return False


def _quoted_title(text: str, start: int, end: int) -> bool:
    """True when the year ends a quoted title: an opening quote shortly before, a closing one right after."""
    if not re.match(r"[”\"]", text[end:end + 1]):
        return False
    opening = max(text.rfind("“", max(0, start - 150), start), text.rfind('"', max(0, start - 150), start))
    return opening != -1 and "”" not in text[opening:start] and text[opening + 1:opening + 2].isupper()


def _title_before(before: str, names: frozenset[str]) -> bool:
    """True when ``before`` ends in a capitalised title containing a name word ("Convention on Diplomatic Relations")."""
    words = re.findall(r"[A-Za-z][\w'’&-]*|[^\w\s]", before)
    seen_title = False
    for word in reversed(words[-10:]):
        if word[0].isupper():
            if word.lower() in names:
                return True
            seen_title = True
        elif not (seen_title and word in ("of", "on", "and", "for", "the", "to", "in", "&")):
            return False
    return False


@lru_cache(maxsize=1)
def _name_words() -> frozenset[str]:
    return frozenset(w.lower() for w in load_table("date_patterns")["name_words"])


def _candidates(doc: "Doc") -> list[tuple[int, int, int]]:
    text = doc_text(doc)
    pats = _patterns()
    found: list[tuple[int, int, int]] = []
    for kind, prio in (("event", 5), ("absolute", 4), ("yearless", 4), ("duration", 3), ("relative", 4), ("vague", 3)):
        for m in pats[kind].finditer(text):
            found.append((m.start(), m.end(), prio))
    found.extend(anchor_spans(doc))
    for ent in doc.ents:
        if ent.label_ == "DATE":
            found.append((ent.start_char, ent.end_char, 0))
    return found


def _select(cands: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """Keep the best non-overlapping spans: higher priority first, then longer."""
    chosen: list[tuple[int, int]] = []
    for start, end, _prio in sorted(cands, key=lambda c: (-c[2], -(c[1] - c[0]), c[0])):
        if start >= end or any(start < e and s < end for s, e in chosen):
            continue
        chosen.append((start, end))
    return sorted(chosen)


def _keep(doc: "Doc", start: int, end: int, norm: NormalisedDate) -> bool:
    text = doc_text(doc)
    core = re.sub(rf"^{_KEEP_LEAD}\s+", "", text[start:end], flags=re.I)
    if not norm.recognised or re.match(_FILE_EXT, text[end:end + 6], re.I):
        return False
    if re.fullmatch(_YEAR, core):
        if _in_name(text, end - len(core), end):
            return False
        span = doc.char_span(end - len(core), end, alignment_mode="expand")
        prev = text[max(0, start - 12):start].lower().split()
        tok_ok = span is not None and any(t.ent_type_ == "DATE" for t in span)
        return tok_ok or bool(prev and prev[-1] in _temporal_preps()) or text[start - 1:start] == "("
    if _patterns()["bare_month"].fullmatch(text[start:end]):
        # "may", "march" are also verbs: demand a capital and spaCy agreeing it is a date or noun
        word = re.search(r"[A-Za-z]+\.?$", text[start:end]).group(0)
        span = doc.char_span(end - len(word), end, alignment_mode="expand")
        return word[0].isupper() and span is not None and span.root.pos_ in ("PROPN", "NOUN") and word.lower() not in ("may",)
    if text[start:end].lower() in ("today", "tomorrow") and re.search(
            r"\bof\s+(?:today\s+and\s+)?$", text[max(0, start - 14):start], re.I):
        return False  # "the problems of today and tomorrow": a figure of speech, not a day
    if re.fullmatch(r"in\s+the\s+future", text[start:end], re.I) and _hypothetical(doc, start, end):
        return False
    if text[start:end].lower() in ("earlier", "later", "promptly", "soon", "in time", "previously"):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or span.root.pos_ != "ADV" or re.match(r"\s+(?:than|on|in)\b", text[end:end + 6]):
            return False
    return True


def _hypothetical(doc: "Doc", start: int, end: int) -> bool:
    """True when "in the future" hangs from a may/could/should verb: "which may improve care in the future",
    "should the Trust have such a patient in the future" say what might happen, not when anything will."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    verb = span.root.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
        verb = verb.head
    return any(c.dep_ == "aux" and c.lower_ in ("may", "might", "could", "would", "should") for c in verb.children)


@lru_cache(maxsize=1)
def _temporal_preps() -> frozenset[str]:
    return frozenset(load_table("date_patterns")["temporal_prepositions"])


def _role(doc: "Doc", start: int, end: int, norm: NormalisedDate, response_date: str | None) -> DateRole:
    from .roles import date_role

    return date_role(doc, start, end, norm, response_date)


def extract_dates(doc: "Doc", *, response_date: str | None = None, jurisdiction: str | None = None,
                  anchor_date: str | None = None) -> tuple[DateMention, ...]:
    """Find and normalise every time expression in a response.

    Args:
        doc: the spaCy Doc of the whole response (full pipeline incl. NER and parser).
        response_date: the response's date (ISO, possibly partial), to resolve relative
            expressions; ``None`` leaves them unresolved with a note.
        jurisdiction: selects the fiscal calendar ("United Kingdom (England)", "Australia").
        anchor_date: used in place of an unknown ``response_date``: a date the response is
            close to and cannot precede, such as the recommendation's (coroners' replies are
            due within 56 days). Mentions resolved against it say so in their note.

    Returns:
        The mentions, sorted by start offset; ``doc.text[m.start:m.end] == m.text``.

    Example:
        >>> [d.value for d in extract_dates(nlp("At Autumn Budget 2024, ..."), jurisdiction="UK")]
        ['2024-10-30']
    """
    text = doc_text(doc)
    anchored = response_date is None and parse_partial(anchor_date) is not None
    if anchored:
        response_date = anchor_date
    spans = _select(_candidates(doc))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        # "between April 2019 and February 2024", "from 2023 to 2025": one interval, not two dates
        if merged and re.fullmatch(r"\s*(?:and|to|until|-|\u2013)\s*", text[merged[-1][1]:start]) and re.match(
                r"(?:between|from)\s", text[merged[-1][0]:merged[-1][1]], re.I):
            merged[-1] = (merged[-1][0], end)
        elif merged and (re.fullmatch(r",?\s*(?:covering|spanning)\s*", text[merged[-1][1]:start]) or (
                re.fullmatch(r"\s*\(\s*", text[merged[-1][1]:start]) and text[end:end + 1] == ")")) and re.match(
                r"(?:over|during|in|for)?\s*the\s+(?:next|coming|following|last|past)\s", text[merged[-1][0]:merged[-1][1]], re.I):
            # "over the next two years covering 2024-2026": the years said outright are the value
            merged[-1] = (merged[-1][0], end + (text[merged[-1][1]:start].strip() == "("))
        else:
            merged.append((start, end))
    out = []
    for start, end in merged:
        while end > start and text[end - 1] in " \n\t.,;:":
            end -= 1
        while start < end and text[start] in " \n\t(":
            start += 1
        if re.match(r"the\s+(?=\d)", text[start:end], re.I):
            start += re.match(r"the\s+", text[start:end], re.I).end()
        if start >= end:
            continue
        norm = normalise_date(text[start:end], response_date=response_date, jurisdiction=jurisdiction)
        if not _keep(doc, start, end, norm):
            continue
        if anchored and norm.relative and norm.resolved:
            norm = with_note(norm, f"resolved against {anchor_date} (anchor date): the response date is unknown")
        out.append(DateMention(
            text=text[start:end], start=start, end=end, value=norm.value, granularity=norm.granularity,
            role=_role(doc, start, end, norm, response_date), vague=norm.vague, relative=norm.relative,
            resolved=norm.resolved, interval_start=norm.interval_start, interval_end=norm.interval_end, note=norm.note,
        ))
    return tuple(out)


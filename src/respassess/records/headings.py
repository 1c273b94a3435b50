"""The lines that structure a response document, recognised one line at a time.

:func:`classify_line` tells a recommendation heading ("Recommendation 3:",
"Recommendations 5 and 6", "2a: PAC recommendation:", a UPR paragraph number
"122.14–15") from a response label ("Response: Supported", "Government response
to recommendation 4"), a verdict sentence ("The Government accepts this
recommendation in principle."), a section end ("Annex A", "Conclusion and next
steps") or ordinary text. Patterns are data here; the pairing logic lives in
:mod:`respassess.records.split`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Marker", "classify_line", "expand_numbers", "parse_status", "run_on_status", "STATUS_LINE"]

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUES = {w: i for i, w in enumerate(_UNITS) if i} | {w: 10 * i for i, w in enumerate(_TENS) if w}
_WORD = r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine)\b)?|" + "|".join(sorted(_UNITS[1:], key=len, reverse=True)) + r")"
_NUM = rf"(?:\d{{1,3}}(?:\.\d{{1,3}}){{0,2}}(?:[a-z]\b|\([a-z]\))?|{_WORD}\b)"
_NUMLIST = rf"{_NUM}(?:\s*(?:,|and|&|to|-|–|—)\s*{_NUM})*"
_SEP = r"[:.\-–—)]"

# "Recommendation No. 3", "Recommendation 3 (paragraph 4.56)": a number sign or the report paragraph it came from
_NUMBER_SIGN = r"(?:(?:No\.?|Number|#)\s*)?"
# or after a dash at the end of the line: "Recommendation 1 – paragraph 2.34"
_PARAGRAPH_REF = (r"(?:\s*\((?:para(?:graph)?s?|page|pp?|chapter|section)\b\.?[^()]{0,40}\)"
                  r"|\s*[-–—,:]\s*(?:para(?:graph)?s?|page|pp?)\.?\s*\d{1,3}(?:\.\d{1,3})?"
                  r"(?:\s*(?:[-–—,]|and|to)\s*\d{1,3}(?:\.\d{1,3})?)*(?=\s*$))?")
REC_HEADING = re.compile(
    rf"^(?:Recommendations?|RECOMMENDATIONS?|Rec\.)\s+{_NUMBER_SIGN}(?P<nums>{_NUMLIST}){_PARAGRAPH_REF}\s*"
    rf"(?:(?P<sep>{_SEP})\s*(?P<rest>.*)|(?P<bare>(?:The\s+(?:Committee|Inquiry|Review|Panel|Commission)|That|We)\b.*))?$",
    re.IGNORECASE,
)
_HEADING_WORD = re.compile(r"^(?:Recommendations?|RECOMMENDATIONS?|Rec\.)\s")
# A table-of-contents entry: "Recommendation 3 ........ 12" or "Recommendation 3    12".
_TOC = re.compile(r"(?:\.{3,}|…|\s{3,}|\t)\s*\d{1,4}$")
# Treasury Minutes: "1: PAC conclusion: ...", "1a: PAC recommendation: ...".
TM_HEADING = re.compile(
    r"^(?:(?P<num>\d{1,3}[a-z]?)\s*(?::\s*(?:(?:PAC|Committee)(?:['’]s)?\s+)?|[.)]?\s*(?:PAC|Committee)(?:['’]s)?\s+)"
    r"|(?:PAC|Committee)(?:['’]s)?\s+(?=(?:conclusion|recommendation)s?\s+\d))"
    r"(?P<what>conclusion|recommendation)s?\s*(?P<num2>\d{1,3}[a-z]?)?\s*[:.\-–—]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_REC_OPENER = (r"(?:The\s+(?:(?:Joint|Select|Standing|Senate|House)\s+)?"
               r"(?:Committee|Inquiry|Review|Panel|Commission|Taskforce)\s+(?:further\s+|also\s+)?recommends|"
               r"That\s+(?:the|all|a|an|each|every)\b)")
# A numbered recommendation with no heading word: "1. The Committee recommends that ...", "2) That the Government ...",
# or "3 The Committee recommends" where a table's number cell and recommendation cell share a line of the PDF text
# (used only in documents with no "Recommendation N" heading at all).
NUMBERED_REC = re.compile(rf"^(?P<num>\d{{1,3}}[a-z]?)(?:[.)]\s+|\s+)(?P<rest>{_REC_OPENER}.*)$", re.IGNORECASE)
# A table's number cell on a line of its own ("4", "4.") above a line that opens a recommendation.
BARE_NUMBER = re.compile(r"^(?P<num>\d{1,3}[a-z]?)[.)]?$")
REC_OPENER = re.compile(_REC_OPENER, re.IGNORECASE)
# UN UPR addendum: a paragraph number alone on its line, "122.11" or "122.14– 15".
UPR_NUMBER = re.compile(r"^(?P<nums>\d{2,3}\.\d{1,3}(?:\s*[-–—]\s*\d{1,3})?)$")
# NZ TAIC status reports: "AO-2022-001 (001/23)".
REGISTER_ID = re.compile(r"^[A-Z]{2}-\d{4}-\d{3}\s*\((?P<nums>\d{3}/\d{2})\)$")

_GOV = r"(?:(?:HM|The|Australian|UK|Scottish|Welsh|Northern Ireland|New Zealand|NZ|Commonwealth|State|Our)\s+)?"
RESPONSE_LABEL = re.compile(
    rf"^(?:{_GOV}(?:Government|Department(?:al)?|Ministry|Agency|Executive|Official)(?:['’]s)?\s+)?"
    rf"(?:Response|Reply|Update|Comment|Position)s?"
    rf"(?:\s+to\s+(?:the\s+)?(?:Committee['’]s\s+)?(?:PAC\s+)?recommendations?\s+(?P<nums>{_NUMLIST}))?"
    rf"\s*(?:(?P<sep>[:.\-–—])\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)
_STATUS = (r"(?:(?:not|partially|partly|fully|largely)\s+)?"
           r"(?:supported|support|agreed|agree|accepted|accept|noted|note|rejected|reject|disagreed|disagree|"
           r"acknowledged|implemented|under\s+consideration|not\s+accepted|not\s+agreed|not\s+supported)"
           # the qualifier may stand behind a comma or dash, or in brackets: "Supported – in part", "Agreed (in part)"
           r"(?:[\s,\-–—]*\(?\s*(?:in[\s-]+(?:principle|part|full)|"
           r"with\s+(?:qualifications?|amendments?|reservations?)|and\s+implemented|subject\s+to\s+\w+)\)?)?")
STATUS_LINE = re.compile(rf"^{_STATUS}\s*\.?$", re.IGNORECASE)
# A table row's status cell run onto the last line of its recommendation cell: "... report annually. Noted"
TRAILING_STATUS = re.compile(rf"(?<=[.;])\s+(?P<status>(?=[A-Z])(?i:{_STATUS}))\s*\.?$")
VERDICT = re.compile(
    r"^(?:The\s+)?(?:(?:Australian|UK|British|Scottish|Welsh|New\s+Zealand|NZ|Commonwealth|State)\s+)?"
    r"(?:Government|Department|Ministry|Minister|Secretary\s+of\s+State|Executive|Council|Agency|Board)\b"
    r"[^.]{0,60}?\b(?:accepts?|supports?|agrees?|notes?|rejects?|does\s+not\s+(?:accept|support|agree)|"
    r"disagrees?|acknowledges?|welcomes?)\b(?:\s+(?:with|to))?"
    r"(?:\s+(?:this|the|these|both|all|that|each|part\s+of\s+the|in\s+principle\s+the))?"
    r"(?:\s+(?:Committee['’]s|Review['’]s|Inquiry['’]s))?\s+(?:recommendations?|proposals?)\b",
    re.IGNORECASE,
)
# A verdict sentence that is the whole line: its text is the official status.
VERDICT_ONLY = re.compile(VERDICT.pattern + r"(?:\s+(?:in\s+(?:principle|part|full)))?\s*\.?$", re.IGNORECASE)
SECTION_END = re.compile(
    r"^(?:(?:\d+|[IVX]+|[A-Z])[.)]?\s+)?(?:conclusions?(?:\s+and\s+next\s+steps)?|next\s+steps|"
    r"(?:annex(?:es)?|appendix|appendices|attachment)(?:\s+[A-Z0-9]{1,3}\b)?(?:\s*[:.\-–—].*)?|"
    r"glossary(?:\s+of\s+terms)?|abbreviations|acronyms|list\s+of\s+(?:acronyms|abbreviations)|"
    r"references|bibliography|endnotes)$",
    re.IGNORECASE,
)
UPR_SECTION = re.compile(
    r"^(?:[IVX]+\.\s+)?(?P<what>accepted|supported|noted)\s+recommendations\b.*$", re.IGNORECASE)
NUMBERED_PARAGRAPH = re.compile(r"^(?P<a>\d{1,3})\.(?P<b>\d{1,3})?\s+\S")


@dataclass(frozen=True, slots=True)
class Marker:
    """One structuring line: its kind, the numbers it names and where its content starts.

    ``content`` is the offset (into the line) where the heading's own text starts,
    or ``None`` when the content starts on the next line.
    """

    kind: str  # rec | numbered | conclusion | response | verdict | status | end | upr | upr_section | register
    numbers: tuple[str, ...] = ()
    content: int | None = None
    status: str | None = None


def _word_to_number(word: str) -> str:
    parts = re.split(r"[\s-]+", word.lower())
    if all(p in _WORD_VALUES for p in parts):
        return str(sum(_WORD_VALUES[p] for p in parts))
    return word


def expand_numbers(text: str) -> tuple[str, ...]:
    """Turn "3 and 4", "5-7", "Twenty One", "122.14– 15" into ("3", "4"), ("5", "6", "7"), ...

    Args:
        text: the number list as written after "Recommendation(s)".

    Returns:
        The recommendation numbers named, in order, without duplicates.
    """
    tokens = re.findall(rf"{_NUM}|[-–—]|\bto\b", text, re.IGNORECASE)
    out: list[str] = []
    range_next = False
    for tok in tokens:
        low = tok.lower()
        if low in ("-", "–", "—", "to"):
            range_next = bool(out)
            continue
        value = re.sub(r"\((\w)\)", r"\1", _word_to_number(tok.strip()))
        if range_next:
            range_next = False
            prev = out[-1]
            head, _, last = prev.rpartition(".")
            if last.isdigit() and value.isdigit() and "." not in value and 0 < int(value) - int(last) <= 60:
                out.extend(f"{head + '.' if head else ''}{n}" for n in range(int(last) + 1, int(value) + 1))
                continue
        out.append(value)
    return tuple(dict.fromkeys(out))


def parse_status(text: str) -> str | None:
    """Return the official status a label carries ("Supported in Principle"), or None."""
    text = text.strip()
    if STATUS_LINE.match(text) or VERDICT_ONLY.match(text):
        return text.rstrip(". ").strip() or None
    return None


def classify_line(line: str, *, upr: bool = False) -> Marker | None:
    """Say what structuring role ``line`` (already stripped) plays, if any.

    Args:
        line: one line of the document, without surrounding whitespace.
        upr: the document is a UN UPR addendum (paragraph-number lines are headings).

    Returns:
        A :class:`Marker`, or ``None`` for ordinary text.
    """
    if not line:
        return None
    m = REC_HEADING.match(line)
    if m and _HEADING_WORD.match(line) and not _TOC.search(line):
        rest = m.group("rest") if m.group("sep") else m.group("bare")
        if rest is not None and rest.strip() and _is_prose_continuation(m, rest):
            return None
        content = m.start("rest") if m.group("sep") and rest.strip() else (m.start("bare") if m.group("bare") else None)
        return Marker("rec", expand_numbers(m.group("nums")), content)
    m = TM_HEADING.match(line)
    if m:
        num = m.group("num") or m.group("num2")
        if num:
            what = "rec" if m.group("what").lower().startswith("recommendation") else "conclusion"
            rest = m.group("rest")
            return Marker(what, (num.lower(),), m.start("rest") if rest.strip() else None)
    m = NUMBERED_REC.match(line)
    if m:
        return Marker("numbered", (m.group("num").lower(),), m.start("rest"))
    if upr:
        m = UPR_NUMBER.match(line)
        if m:
            return Marker("upr", expand_numbers(m.group("nums")))
        m = UPR_SECTION.match(line)
        if m:
            status = "Noted" if m.group("what").lower() == "noted" else "Supported"
            return Marker("upr_section", status=status)
    m = REGISTER_ID.match(line)
    if m:
        return Marker("register", (m.group("nums"),))
    m = RESPONSE_LABEL.match(line)
    if m and (m.group("sep") or m.group("rest") is None):
        rest = (m.group("rest") or "").strip()
        nums = expand_numbers(m.group("nums")) if m.group("nums") else ()
        # "Response: Supported. The Government will ..." carries its status in the first sentence
        status = (parse_status(rest) or parse_status(_first_sentence(rest))) if rest else None
        return Marker("response", nums, m.start("rest") if rest else None, status)
    if STATUS_LINE.match(line) or (line[0].isupper() and STATUS_LINE.match(_first_sentence(line))):
        # "Supported. The Government will ..." opens its response with the status
        return Marker("status", status=parse_status(_first_sentence(line)))
    if VERDICT.match(line):
        return Marker("verdict", status=parse_status(_first_sentence(line)))
    if SECTION_END.match(line):
        return Marker("end")
    return None


def run_on_status(line: str, pos: int = 0) -> tuple[int, str | None] | None:
    """Where a table's status cell run onto the end of a recommendation line starts ("... report
    annually. Noted"), searching from ``pos``, and the status it gives; ``None`` when there is none."""
    m = TRAILING_STATUS.search(line, pos)
    return (m.start("status"), parse_status(m.group("status"))) if m else None


def _first_sentence(text: str) -> str:
    return re.split(r"(?<=\.)\s", text, maxsplit=1)[0]


def _is_prose_continuation(match: re.Match, rest: str) -> bool:
    """True when "Recommendation 3. ..." is a sentence of running prose, not a heading."""
    sep = match.group("sep")
    if sep in ("-", "–", "—", ":"):
        return False
    # "Recommendation 3. The ..." is a heading; "Recommendation 3) is ..." or a lower-case
    # continuation reads as prose.
    return bool(re.match(r"[a-z]", rest.strip()))

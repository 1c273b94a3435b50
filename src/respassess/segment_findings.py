"""Concerns stated as findings (ANNOTATION.md §2): coroners' Prevention of Future Deaths reports
and TAIC findings ask for nothing; what they ask the recipient to deal with is what they find wrong.

Helpers of :mod:`respassess.segment_select`. The concern is the sentence that states a
deficiency ("the schedule was not adhered to", "there is a lack of accommodation") or names a
topic without a verb ("The training of doctors in ..."): one per "Concern N:" block, one per
item after "The matters of concern are:", otherwise every such sentence. Narrative ("Blood was
taken on admission"), the reasons and consequences drawn from a finding ("This is usually
because ...", "This led to ..."), quoted guidance and what the court heard (unless it states a
deficiency, from its "that") are not concerns.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

from .extract import doc_text

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

# A coroner's Prevention of Future Deaths report states concerns instead of directives:
# "I am concerned that X" asks the recipient to deal with X.
_CONCERN_LEAD_RE = re.compile(
    r"\b(?:I\s+am|we\s+are|I\s+remain)\s+(?:\w+\s+){0,2}?concerned\s+(?:that|about)\s+|"
    r"\b(?:my|the|a|our)\s+(?:\w+\s+){0,2}?concerns?\s+(?:is|are|was|remains?)\s+that\s+|"
    r"\bconcern\s*\(?\d{1,2}\)?\s+is\s+that\s+|\bthere\s+(?:is|was|remains)\s+(?:a\s+)?(?:\w+\s+)?concern\s+that\s+",
    re.IGNORECASE)
# A numbered concern heading on its own line ("Concern 2: Information sharing\n").
_CONCERN_HEADING_RE = re.compile(r"(?:^|(?<=\n))[ \t]*(?:matter\s+of\s+)?concern\s*\d*\s*[:.\-–][^\n]*\n",
                                 re.IGNORECASE | re.MULTILINE)
# A lead-in to a list of concerns: "The specific matters of concern are:", "the following remains a
# source of concern:", "My concerns are as follows:".
_CONCERN_LIST_RE = re.compile(r"\bconcerns?\b[^.:\n]{0,40}:[ \t]*\n", re.IGNORECASE)
# The label of a bulleted concern ("• Prevalence of social ostracism: Evidence suggests ...").
_ITEM_LABEL_RE = re.compile(r"[ \t]*(?:[•▪●◦\-–*]|\(?\d{1,2}[.)]|\(?[a-z]\))?[ \t]*(?:[^.:;\n]{1,60}:[ \t]+)?")


def _block_concern(doc: "Doc", sentences: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int, bool]:
    """The concern under one "Concern N:" heading: the first sentence that states a deficiency
    ("Currently, there is no clear guidance ..."), else the first sentence."""
    text = doc_text(doc)
    block = [(max(s, start), min(e, end)) for s, e in sentences if e > start + 1 and s < end]
    block = [(s, e) for s, e in block if text[s:e].strip()] or [(start, end)]
    cued = [(s, e) for s, e in block if _DEFICIENCY_RE.search(text, s, e) and not _CONSEQUENCE_RE.match(text, s, e)]
    s, e = (cued or block)[0]
    return s, e, False


def _concern_items(doc: "Doc", sentences: Sequence[tuple[int, int]], start: int) -> list[tuple[int, int, bool]]:
    """The first sentence of each item after a lead-in to a list of concerns, without its label
    or an evidence lead ("Evidence suggests that ..."); a concern lead opens it ("There is concern that")."""
    text = doc_text(doc)
    out: list[tuple[int, int, bool]] = []
    for s, e in _list_items(text, [(max(s, start), e) for s, e in sentences if e > start]):
        first = s + len(text[s:e]) - len(text[s:e].lstrip())
        if out and text[text.rfind("\n", 0, first) + 1:first].strip():
            continue  # a later sentence of the same item: it does not open a line
        label = _ITEM_LABEL_RE.match(text, s, e)
        s = label.end() if label else s
        lead = _EVIDENCE_LEAD_RE.match(text, s, e) or _CONCERN_LEAD_RE.match(text, s, e)
        s = lead.end() if lead else s
        if text[s:e].strip():
            out.append((s, e, False))
    return out


# A finding that states what is wrong or missing ("the schedule was not adhered to", "there is
# a lack of accommodation", "the failure to apply this guidance").
_DEFICIENCY_RE = re.compile(
    r"\b(?:not|no|nor|neither|never|cannot|lack(?:s|ed|ing)?|absen(?:ce|t)|without|fail(?:s|ed|ure|ures|ing)?|"
    r"unable|unclear|insufficient|inadequate(?:ly)?|missed|delay(?:s|ed)?|shortage|issues?|rarely|poor(?:ly)?|under-?(?:estimated|appreciat\w*)|"
    r"concern(?:s|ed|ing)?)\b|n[’']t\b", re.IGNORECASE)
# A sentence that explains or draws the consequence of the finding before it ("This is usually
# because ...", "This led to ...", "As a consequence, ...", "If such reviews are not conducted ...").
_CONSEQUENCE_RE = re.compile(
    r"\W*(?:\(?\d+\)\s*)?(?:(?:this|that|it)\s+(?:also\s+)?(?:(?:is|was)\s+(?:\w+\s+)?(?:because|due\s+to|despite|a\s+factor)|"
    r"means?|meant|led|leads|has\s+led|raises|raised|affected|affects|(?:could|may|might|will|would)\s+(?:\w+\s+)?lead)|"
    r"as\s+a\s+(?:result|consequence)|therefore|consequently|accordingly|resultant|if\s)\b", re.IGNORECASE)
# What the court heard opens the finding it reports: "The court heard evidence that X" names X.
_EVIDENCE_LEAD_RE = re.compile(
    r"\W*(?:(?:further|also|secondly|finally|in\s+evidence|during\s+(?:the\s+)?evidence),?\s+)?(?:it\s+was\s+heard|"
    r"(?:the\s+)?(?:inquest|court|jury|coroner|tribunal|I|we)\s+(?:\w+\s+)?(?:heard|was\s+told|were\s+told|received)"
    r"(?:\s+evidence)?(?:\s+(?:from|to\s+the\s+effect)\s+[^.,;]{0,80}?)?|evidence\s+(?:suggests|showed|shows))\s+that\s+",
    re.IGNORECASE)
_FINITE_TAGS = {"VB", "VBD", "VBZ", "VBP", "MD"}  # and the base form: "Please refer to ..." is no topic


def _findings(doc: "Doc", sentences: Sequence[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """The concerns of a text that asks for nothing: its findings (ANNOTATION.md §2; coroners'
    concerns and TAIC findings are written as statements).

    A finding states what is wrong or missing ("the results were not phoned through", "There is
    a lack of accommodation"), or names a topic without a verb ("The training of doctors in ...").
    Narrative ("Blood was taken on admission"), the reasons and consequences drawn from a finding
    ("This is usually because ...", "As a consequence, ...") and the evidence behind it are not
    concerns; what the court heard is a concern when it states a deficiency, from its "that".
    With no such sentence, every sentence that is not a report of evidence is kept.
    """
    text = doc_text(doc)
    found: list[tuple[int, int, bool]] = []
    for s, e in _list_items(text, sentences):
        lead = _EVIDENCE_LEAD_RE.match(text, s, e)
        start = lead.end() if lead else s
        if _CONSEQUENCE_RE.match(text, start, e) or _REPORTED_RE.match(text, s, e) or \
                (_EVIDENCE_REPORT_RE.match(text, s, e) and not lead):
            continue
        if _DEFICIENCY_RE.search(text, start, e) or _is_topic(doc, start, e):
            found.append((start, e, False))
    if found:
        return found
    findings = [(s, e, False) for s, e in sentences if not _EVIDENCE_REPORT_RE.match(text, s, e)]
    return findings or [(s, e, False) for s, e in sentences]


# Where one numbered or bulleted item ends inside a parsed sentence ("...diagnosed;\n(2) ...").
_ITEM_END_RE = re.compile(r";[ \t]*\n|\n[ \t]*\n|\n(?=[ \t]*(?:\(?\d{1,2}[.)]|\(?[a-z]\)|[•▪●◦\-–*])\s)")


def _list_items(text: str, sentences: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences, with list items the parser ran together split apart."""
    out: list[tuple[int, int]] = []
    for s, e in sentences:
        prev = s
        for m in _ITEM_END_RE.finditer(text, s, e):
            out.append((prev, m.start()))
            prev = m.end()
        out.append((prev, e))
    return [(s, e) for s, e in out if text[s:e].strip()]


def _is_topic(doc: "Doc", start: int, end: int) -> bool:
    """True for a concern named as a topic, with no finite verb ("The training of doctors in ...")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) >= 4 and not any(t.tag_ in _FINITE_TAGS for t in span)


# A sentence that reports the evidence heard ("The inquest heard evidence that ...").
_EVIDENCE_REPORT_RE = re.compile(
    r"\W*(?:the\s+)?(?:inquest|court|jury|coroner|tribunal|I|we)\s+(?:heard|was\s+told|were\s+told|received)\b"
    r"|\W*(?:the\s+)?evidence\s+(?:before|at|given|heard|received)\b[^.]{0,40}?\bwas\s+that\b"
    r"|\W*oral\s+(?:testimony|evidence)\s+was\s+given\b", re.IGNORECASE)


# Sentences that only report or point elsewhere: quoted guidance ("“Patients ... should receive
# ...”"), what the court heard, and a cross-reference ("Please also refer to the findings").
_QUOTED_RE = re.compile(r"“[^”]{10,}”|\"[^\"]{10,}\"")
_REPORTED_RE = re.compile(r"\W*(?:[\"“‘’]|please\s+(?:also\s+)?(?:refer|see|note)\b)", re.IGNORECASE)

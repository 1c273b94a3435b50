"""Which recommendation sentences ask for something, and where each ask starts.

Helpers of :mod:`respassess.segment` (ANNOTATION.md §2): preambles ("The Committee
recommends that", "On 23 May 2018 the Commission recommended that ..."), directive
sentences versus context, coroners' concerns ("I am concerned that X"), and the actor
that opens a subjunctive ask ("the Secretary for Transport review ...").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

_PREAMBLE_RE = re.compile(
    r"""^\s*(?:(?:moreover|further(?:more)?|additionally|also|finally|in\s+addition),?\s+)?(?:
        (?:on\s+\d{1,2}\s+\w+\s+\d{4},?\s+)?            # "On 23 May 2018"
        (?:the\s+)?(?:committee|commission|inquiry|review|panel|coroner|we|it)\b[^.;:]{0,60}?
        \b(?:recommend(?:s|ed)?|urges?|calls?\s+(?:up)?on)\b(?:\s+to\s+[^.;:]{0,100}?(?=\s+that\b))?
        (?:\s+(?:that|the\s+following(?:\s+(?:actions|measures|steps|changes))?(?:[^.;:]{0,160}:)?))?(?:\s|Â(?=\s))*
      | (?:it\s+is\s+recommended\s+that)\s*
      | (?:on\s+\d{1,2}\s+\w+\s+\d{4},?\s+)?[^.;:]{0,120}?\brecommendation\s+(?:has\s+been|was|is)\s+made\s+
        (?:to\s+[^.;:]{0,100}?\s+)?that\s+
      | recommendation\s+\d+[a-z]?\s*[:.\-–]\s*
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# UPR recommendations end with the recommending State in brackets: "(Canada);".
_TRAILER_RE = re.compile(r"\s*\((?:[A-Z][^\W\d_]*(?:[\s'’.\-]+[^\W\d_]+)*\.?(?:,\s*)?)+\)\s*[;.]?\s*$")


# Verbs that open an imperative ask ("Establish ...", "Continue to ...").
_IMPERATIVE_VERBS = (r"ensure|establish|develop|review|consider|adopt|ratify|implement|take|continue|strengthen|"
                     r"put\s+in\s+place|complete|provide|introduce|amend|prepare|publish|create|improve|increase|"
                     r"undertake|conduct|set\s+up|make|guarantee|promote|combat|step\s+up|enhance|pursue|intensify|"
                     r"repeal|include|ban|recognize|recognise|accede|allocate|address|protect|withdraw|abolish|"
                     r"investigate|extend|expand|raise|eliminate|prevent|remove|revise|prohibit")
_DIRECTIVE_RE = re.compile(
    r"\b(?:should|must|shall|recommend\w*|needs?\s+to|ought|be\s+(?:amended|repealed|required|made|"
    r"established|introduced|reviewed|developed|published|included|permitted|adopted|extended|expanded)|"
    + _IMPERATIVE_VERBS + r")\b",
    re.IGNORECASE,
)


# A coroner's Prevention of Future Deaths report states concerns instead of directives:
# "I am concerned that X" asks the recipient to deal with X.
_CONCERN_LEAD_RE = re.compile(
    r"\b(?:I\s+am|we\s+are|I\s+remain)\s+(?:\w+\s+){0,2}?concerned\s+(?:that|about)\s+|"
    r"\b(?:my|the|a|our)\s+(?:\w+\s+){0,2}?concerns?\s+(?:is|are|was|remains?)\s+that\s+",
    re.IGNORECASE)
# A numbered concern heading on its own line ("Concern 2: Information sharing\n").
_CONCERN_HEADING_RE = re.compile(r"(?:^|(?<=\n))[ \t]*(?:matter\s+of\s+)?concern\s*\d*\s*[:.\-–][^\n]*\n",
                                 re.IGNORECASE | re.MULTILINE)
# A directive that only points back at the context ("address this safety issue"): the
# context sentence that states the issue is part of what is asked.
_ANAPHORIC_ASK_RE = re.compile(r"\b(?:address|resolve|remedy|mitigate|deal\s+with|respond\s+to)\s+"
                               r"(?:this|these|that|those|the\s+(?:above|identified))\b", re.IGNORECASE)


def _choose_sentences(doc: "Doc", sentences: Sequence[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """Keep the sentences that ask for something, with concern leads and headings cut off.

    Context sentences ("Provider boards have a vital role ...") are not asks, unless nothing
    in the text asks (TAIC findings and coroners' concerns are written as statements), or the
    ask only points back at them ("address this safety issue").
    """
    text = doc.text
    headings = [m.end() for m in _CONCERN_HEADING_RE.finditer(text)]
    if headings:  # "Concern N: heading" then the concern: the first sentence under each heading
        ends = [e for _, e in sentences]
        return [(h, min([e for e in ends if e > h + 1] or [len(text)]), False) for h in headings]
    chosen: list[tuple[int, int, bool]] = []
    in_list = False  # inside the items of a lead-in that asks ("The review should include:")
    for i, (s, e) in enumerate(sentences):
        if i and "\n\n" in text[sentences[i - 1][1]:s]:
            in_list = False
        m = _CONCERN_LEAD_RE.search(text, s, e)
        if m:
            chosen.append((m.end(), e, False))
        elif _is_directive(doc, s, e):
            if _ANAPHORIC_ASK_RE.search(text, s, e) and i > 0 and not _is_directive(doc, *sentences[i - 1]) \
                    and (not chosen or chosen[-1][1] <= sentences[i - 1][0]):
                chosen.extend((*sentences[j], False) for j in _issue_sentences(doc, sentences, i))
            chosen.append((s, e, True))
            in_list = bool(re.search(r":[ \t]*(?:\n|$)", text[s:e].rstrip()))
        elif in_list and _opens_like_item(doc, s, e):
            chosen.append((s, e, True))
        else:
            in_list = False
    if chosen:
        return chosen
    # Nothing asks: the concerns are stated as findings. What a witness told the inquest is
    # the evidence behind them, not a concern, unless it is all the text gives.
    findings = [(s, e, False) for s, e in sentences if not _EVIDENCE_REPORT_RE.match(text, s, e)]
    return findings or [(s, e, False) for s, e in sentences]


def _opens_like_item(doc: "Doc", start: int, end: int) -> bool:
    """True when a sentence opens like a list item: lower case, a bullet, or a participle
    ("identification of ...", "• the number of ...", "Including, where appropriate, ...")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    first = next((t for t in span if not t.is_space), None) if span is not None else None
    return first is not None and (first.text[:1].islower() or first.text in "•▪●◦-–*" or first.tag_ in ("VBG", "VBN"))


# A sentence that reports the evidence heard ("The inquest heard evidence that ...").
_EVIDENCE_REPORT_RE = re.compile(
    r"\W*(?:the\s+)?(?:inquest|court|jury|coroner|tribunal|I|we)\s+(?:heard|was\s+told|were\s+told|received)\b"
    r"|\W*(?:the\s+)?evidence\s+(?:before|at|given|heard|received)\b[^.]{0,40}?\bwas\s+that\b"
    r"|\W*oral\s+(?:testimony|evidence)\s+was\s+given\b", re.IGNORECASE)


# A context sentence that states a safety issue or a deficiency (rather than illustrating it).
_ISSUE_CUE_RE = re.compile(r"\b(?:safety\s+issues?|issue\s+(?:is|was)|there\s+(?:is|was|are|were)\s+no|lack\s+of|"
                           r"(?:is|are|was|were|has|have|had|does|do|did)\s+not\b|concerns?\b)", re.IGNORECASE)
_PLURAL_ANAPHOR_RE = re.compile(r"\b(?:these|those)\b", re.IGNORECASE)


def _issue_sentences(doc: "Doc", sentences: Sequence[tuple[int, int]], i: int) -> list[int]:
    """Indices of the context sentences that state the issue an anaphoric ask points back at.

    The context runs back from the ask to a blank line or an earlier directive. Within it, the
    sentences that state an issue or a deficiency ("There is no requirement for ...", "A second
    safety issue is that ...") are the issue, not the ones that illustrate it ("In this instance
    the driver ..."): the nearest such sentence, or all of them for "these safety issues";
    with none, the sentence just before the ask.
    """
    text = doc.text
    run = [i - 1]
    while run[-1] > 0 and "\n\n" not in text[sentences[run[-1] - 1][1]:sentences[run[-1]][0]] \
            and not _is_directive(doc, *sentences[run[-1] - 1]):
        run.append(run[-1] - 1)
    cued = sorted(j for j in run if _ISSUE_CUE_RE.search(text, *sentences[j]))
    if not cued:
        return [i - 1]
    return cued if _PLURAL_ANAPHOR_RE.search(text, *sentences[i]) else [cued[-1]]


_STRONG_DIRECTIVE_RE = re.compile(
    r"\b(?:should|must|shall|recommend\w*|(?<!\bthe\s)(?<!\ba\s)needs?\s+to|ought|urges?|calls?\s+(?:on|upon)|"
    r"(?:is|are|be)\s+required\s+to)\b",
    re.IGNORECASE)


_IMPERATIVE_OPENING_RE = re.compile(r"\W*(?:\(?[a-z0-9]{1,3}[.)]\s*)?(?:" + _IMPERATIVE_VERBS + r")\b", re.IGNORECASE)


def _is_directive(doc: "Doc", start: int, end: int) -> bool:
    """True when a sentence asks for something: a modal or "recommend", an imperative opening,
    or a subjunctive ("that the Minister review ...").

    A directive verb inside a statement ("KiwiRail does not have a system to ensure ...")
    does not make the statement an ask.
    """
    if _STRONG_DIRECTIVE_RE.search(doc.text, start, end) or _IMPERATIVE_OPENING_RE.match(doc.text, start, end):
        return True
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return bool(_DIRECTIVE_RE.search(doc.text, start, end))
    for tok in span:
        # a bare base-form verb that is not an infinitive and has no auxiliary: imperative
        # or subjunctive ("that the Secretary for Transport review ...")
        # a conjunct is imperative only when its head is ("not to go ahead and write this
        # report", "having to ditch an aeroplane, or bale out": it shares the head's "to")
        if _bare_verb(tok) and (tok.dep_ != "conj" or _bare_verb(tok.head)):
            return True
    return False


def _bare_verb(tok) -> bool:
    """True for a base-form verb heading a clause with no auxiliary and no "to" before it."""
    return tok.tag_ == "VB" and tok.dep_ in ("ROOT", "ccomp", "conj") and \
        not any(c.dep_ in ("aux", "auxpass") for c in tok.children) and \
        not (tok.i > 0 and tok.nbor(-1).lower_ == "to")


# A preamble after a fronted phrase: "To that end, the Committee recommends that ...".
_MID_PREAMBLE_RE = re.compile(r",\s+(?:the\s+)?(?:committee|commission|inquiry|panel|coroner|we)\b[^.;:,]{0,40}?"
                              r"\brecommends?\s+(?:that\s+)?", re.IGNORECASE)
# A fronted deadline or mechanism is something the responder must meet; a fronted purpose is not.
_FRONTED_PROPERTY_RE = re.compile(r"\W*(?:within|by|no\s+later\s+than|before|in\s+consultation\s+with)\b", re.IGNORECASE)


def _strip_preamble(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop "The Committee recommends that" and the UPR "(Canada);" trailer."""
    piece = text[start:end]
    m = _PREAMBLE_RE.match(piece)
    if m and m.end() < len(piece.rstrip()):
        start += m.end()
    tail = _TRAILER_RE.search(text[start:end])
    if tail and tail.start() > 0:
        end = start + tail.start()
    return start, end


# "the Secretary for Transport review ...": an office or body named in capitals, then a
# base-form ask verb. The tagger often reads the verb as a noun after a long title.
# Base-form verbs that open an ask, for readers that must not trust the tagger.
ASK_VERBS = (_IMPERATIVE_VERBS + r"|work|take|carry|promote|assess|report|require|direct|commission|engage|seek|"
             r"support|assist|consult|give|issue|update|identify|publish|monitor|evaluate|map|scope|invest|fund|"
             r"disclose|communicate|notify|share|examine|explore|clarify|specify|define|mandate|reduce|adhere|"
             r"collect|maintain|ensure|meet|act|share|use|apply|establish")
_TITLE_SUBJECT_RE = re.compile(
    r"\W*(?:(?:the|a|an|each|every|all)\s+)?(?:he|she|they|it|(?!To\b|In\b|By\b|For\b|With\b)[A-Z][\w’'.&\-]*)"
    r"(?:,?\s+(?:[A-Z][\w’'.&\-]*|of|for|and|the|on|&|\([A-Z]+\)))*\s+"
    r"(?:(?:should|must|shall|to)\s+)?(?=(?:" + _IMPERATIVE_VERBS + r"|work|take|carry|promote|assess|report|"
    r"require|direct|commission|engage|seek|support|assist|consult|give|issue|update|identify|publish)\b)")


_COMPLEMENT_CLAUSE_RE = re.compile(r"\W*(?:whether|if|how)\b", re.IGNORECASE)
_ACTOR_NOUNS = {
    "government", "department", "minister", "ministry", "agency", "authority", "committee", "sector", "board",
    "body", "provider", "commissioner", "trust", "council", "office", "secretary", "director", "university",
    "school", "service", "organisation", "organization", "operator", "industry", "state", "party", "police",
    "force", "regulator", "executive", "commission", "employer", "manager", "leader", "team", "system",
    "taskforce", "centre", "center", "partner", "collaborative", "institution", "hospital", "company", "ombudsman",
    "officer", "official", "member", "staff", "clinician", "practitioner", "employee", "owner", "person"}


def _drop_subject(doc: "Doc", start: int, end: int) -> int:
    """Start an active-voice ask at its verb: "the Australian Government provide deeper advice"
    names the ask "provide deeper advice", and so does "In doing so, the Department should
    provide deeper advice". Passive asks, and "be"/"have" asks, keep their subject
    ("section 5 be amended", "Universities have a final say") but lose fronted adverbials."""
    if _COMPLEMENT_CLAUSE_RE.match(doc.text, start, end):
        return start  # "whether boards are maintaining ...": the subject is what is asked about
    m = _TITLE_SUBJECT_RE.match(doc.text, start, end)
    if m and len(doc.text[m.end():end].split()) >= 3:
        return m.end()
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 4:
        return start
    verb = next((t for t in span if t.pos_ in ("VERB", "AUX") and t.dep_ != "aux" and
                 (t.head.i == t.i or not span.start <= t.head.i < span.end)), None)
    if verb is None:
        return start
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i < verb.i
                 and c.i >= span.start), None)
    if subj is None:
        return start
    passive = subj.dep_ == "nsubjpass" or any(c.dep_ == "auxpass" for c in verb.children)
    # Only an actor is dropped ("the Department ... prepare"); a thing the ask is about stays
    # ("all support provided to bodies ... include women representatives").
    actor = subj.pos_ in ("PROPN", "PRON") or subj.lemma_.lower() in _ACTOR_NOUNS or \
        (subj.text[:1].isupper() and subj.i > span.start)
    keep = passive or not actor or subj.dep_ == "expl" or verb.lemma_ in ("be", "have")
    if keep:
        first = subj.left_edge
        # the parser can hang the subject's modifiers elsewhere ("more timely and relevant
        # advice be provided"): they still open the noun phrase
        while first.i > span.start and doc[first.i - 1].pos_ in ("ADJ", "ADV", "CCONJ", "DET", "NUM"):
            first = doc[first.i - 1]
        new = first.idx
    else:
        new = verb.idx
    new = max(new, start)
    return new if len(doc.text[new:end].split()) >= 3 else start

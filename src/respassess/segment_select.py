"""Which recommendation sentences ask for something, and where each ask starts.

Helpers of :mod:`respassess.segment` (ANNOTATION.md §2): preambles ("The Committee
recommends that", "On 23 May 2018 the Commission recommended that ...", "X would benefit
from"), directive sentences versus context, coroners' concerns ("I am concerned that X"),
and the actor that opens a subjunctive ask ("the Secretary for Transport review ...").

A text that asks for nothing states its concerns as findings (coroners' Prevention of Future
Deaths reports, TAIC findings): the concern is the sentence that states a deficiency ("the
schedule was not adhered to", "there is a lack of ...") or names a topic without a verb, one
per "Concern N:" block or per item after "The matters of concern are:". Narrative, the
reasons and consequences drawn from a finding ("This led to ..."), retrospective "should have
been", quoted guidance and what the court heard (unless it states a deficiency) do not ask.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

from .extract import doc_text
from .segment_findings import (
    _CONCERN_HEADING_RE,
    _CONCERN_LEAD_RE,
    _CONCERN_LIST_RE,
    _EVIDENCE_REPORT_RE,
    _QUOTED_RE,
    _REPORTED_RE,
    _block_concern,
    _concern_items,
    _findings,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

_PREAMBLE_RE = re.compile(
    r"""^\s*(?:\d{1,2}(?:\.\d{1,3})+\s+)?                  # a report's paragraph number: "2.45 The committee ..."
        (?:(?:moreover|further(?:more)?|additionally|also|finally|in\s+addition|however),?\s+)?(?:
        (?:the\s+)?(?:committee|commission|inquiry|review|panel|coroner|we)\b[^.;:]{0,60}?  # "urges the sector to"
        \b(?:urges?|calls?\s+(?:up)?on|encourages?)\s+(?!that\b)(?:(?!\bto\b)[^.;:]){1,80}?(?<!\bnot)\s+to\s+
        (?:also\s+)?(?=[a-z])
      | (?:on\s+\d{1,2}\s+\w+\s+\d{4},?\s+)?            # "On 23 May 2018"
        (?:the\s+)?(?:committee|commission|inquiry|review|panel|coroner|we|it)\b[^.;:]{0,60}?
        \b(?:recommend(?:s|ed)?|urges?|calls?\s+(?:up)?on)\b(?:\s+to\s+[^.;:]{0,100}?(?=\s+that\b))?
        (?:\s+(?:that|the\s+following(?:\s+(?:actions|measures|steps|changes))?(?:[^.;:]{0,160}:)?))?(?:\s|Â(?=\s))*
      | (?:it\s+is\s+recommended\s+that)\s*
      | (?:on\s+\d{1,2}\s+\w+\s+\d{4},?\s+)?[^.;:]{0,120}?\brecommendation\s+(?:has\s+been|was|is)\s+made\s+
        (?:to\s+[^.;:]{0,100}?\s+)?that\s+
      | recommendation\s+\d+[a-z]?\s*[:.\-–]\s*
      | [^.;:]{0,100}?\bwould\s+(?:\w+\s+)?benefit\s+from\s+        # "X would benefit from Y" asks for Y
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
    text = doc_text(doc)
    headings = [m.end() for m in _CONCERN_HEADING_RE.finditer(text)]
    if headings:  # "Concern N: heading" then the concern, stated under each heading
        return [_block_concern(doc, sentences, h, nxt)
                for h, nxt in zip(headings, [m.start() for m in _CONCERN_HEADING_RE.finditer(text)][1:] + [len(text)])]
    lead_in = None
    for lead_in in _CONCERN_LIST_RE.finditer(text):
        pass  # the last lead-in: "Coroner's Concerns:" may head the context before "The matters of concern are:"
    if lead_in:  # "The specific matters of concern are:" then one concern per item
        items = _concern_items(doc, sentences, lead_in.end())
        if items:
            return items
    chosen: list[tuple[int, int, bool]] = []
    in_list = False  # inside the items of a lead-in that asks ("The review should include:")
    for i, (s, e) in enumerate(sentences):
        if i and "\n\n" in text[sentences[i - 1][1]:s]:
            in_list = False
        m = _CONCERN_LEAD_RE.search(text, s, e)
        if m:
            chosen.append((m.end(), e, False))
        elif _is_directive(doc, s, e):
            # (unless a list after the ask spells out what addressing the issue means)
            if _ANAPHORIC_ASK_RE.search(text, s, e) and i > 0 and not _is_directive(doc, *sentences[i - 1]) \
                    and not re.search(r":[ \t]*\n", text[s:e]) \
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
    return _findings(doc, sentences)


def _opens_like_item(doc: "Doc", start: int, end: int) -> bool:
    """True when a sentence opens like a list item: lower case, a bullet, or a participle
    ("identification of ...", "• the number of ...", "Including, where appropriate, ...")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    first = next((t for t in span if not t.is_space), None) if span is not None else None
    return first is not None and (first.text[:1].islower() or first.text in "•▪●◦-–*" or first.tag_ in ("VBG", "VBN"))


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
    text = doc_text(doc)
    run = [i - 1]
    while run[-1] > 0 and "\n\n" not in text[sentences[run[-1] - 1][1]:sentences[run[-1]][0]] \
            and not _is_directive(doc, *sentences[run[-1] - 1]):
        run.append(run[-1] - 1)
    cued = sorted(j for j in run if _ISSUE_CUE_RE.search(text, *sentences[j]))
    if not cued:
        return [i - 1]
    return cued if _PLURAL_ANAPHOR_RE.search(text, *sentences[i]) else [cued[-1]]


# "should have been available" looks back at what went wrong, "will need to" predicts, and
# "has made a number of recommendations" reports: none of them asks.
_STRONG_DIRECTIVE_RE = re.compile(
    r"\b(?:should(?!\s+(?:not\s+)?have\s+(?:been|had|\w+ed)\b)|must|shall|recommend(?!ations?\b(?!\s+(?:is|are)\s+(?:for|that)\b))\w*|"
    r"(?<!\bthe\s)(?<!\ba\s)(?<!\bwill\s)(?<!\bwould\s)needs?\s+to|ought|urges?|calls?\s+(?:on|upon)|"
    r"(?:is|are|be)\s+required\s+to|would\s+(?:\w+\s+)?benefit\s+from)\b",
    re.IGNORECASE)

# Further verbs that open a recommendation as an imperative ("Redouble efforts to ...", "Enact
# legislation ...", "Remind controllers ...", "Alert owners ..."). Words that as often open a
# statement as nouns ("Use of X was ...", "Support for ...", "Report ...", "Issue ...") are left out.
_OPENING_VERBS = (r"redouble|enact|adhere|remind|alert|advise|inform|notify|modify|fit|install|produce|"
                  r"publicise|publicize|promulgate|reinforce|reconsider|re-examine|examine|explore|identify|"
                  r"clarify|specify|require|encourage|seek|assess|monitor|evaluate|audit|facilitate|foster|"
                  r"engage|consult|collect|maintain|incorporate|integrate|invest|mandate|reform|reduce|sign|"
                  r"submit|uphold|respect|refrain|cease|tackle|accelerate|expedite|finali[sz]e|harmoni[sz]e|"
                  r"align|renegotiate|carry\s+out|draw\s+up|follow\s+up|scale\s+up|set|change|grant|publish|"
                  r"disseminate|educate|train|instruct|verify|confirm|arrange|liaise|commission|direct|allow|"
                  r"enable|assist|enforce|restrict|limit|apply|bring|give|issue\s+(?:a|an|the)\b")
_IMPERATIVE_OPENING_RE = re.compile(r"\W*(?:\(?[a-z0-9]{1,3}[.)]\s*)?(?:" + _IMPERATIVE_VERBS + r"|" + _OPENING_VERBS
                                    + r")\b(?!\s+(?:is|are|was|were|has|have|had|of)\b)", re.IGNORECASE)
# A subjunctive passive asks ("That the Rules be amended to ...", "A review be made of ...");
# "to be", "will be", "should be" and the like are read elsewhere or do not ask.
_NOT_SUBJUNCTIVE_BEFORE = {"to", "will", "would", "may", "might", "can", "could", "must", "should", "shall",
                           "not", "also", "then", "only", "never", "always"}


def _is_directive(doc: "Doc", start: int, end: int) -> bool:
    """True when a sentence asks for something: a modal or "recommend", an imperative opening,
    or a subjunctive ("that the Minister review ...").

    A directive verb inside a statement ("KiwiRail does not have a system to ensure ...")
    does not make the statement an ask.
    """
    if _REPORTED_RE.match(doc_text(doc), start, end) or _EVIDENCE_REPORT_RE.match(doc_text(doc), start, end):
        return False
    own = _QUOTED_RE.sub(lambda m: " " * len(m.group()), doc_text(doc)[start:end])  # quoted guidance does not ask
    if _STRONG_DIRECTIVE_RE.search(own) or _IMPERATIVE_OPENING_RE.match(own):
        return True
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return bool(_DIRECTIVE_RE.search(own))
    for tok in span:
        if own[max(0, tok.idx - start):max(0, tok.idx - start) + 1].isspace():
            continue  # inside a quotation
        # a bare base-form verb that is not an infinitive and has no auxiliary: imperative
        # or subjunctive ("that the Secretary for Transport review ...")
        # a conjunct is imperative only when its head is ("not to go ahead and write this
        # report", "having to ditch an aeroplane, or bale out": it shares the head's "to")
        if _bare_verb(tok) and (tok.dep_ != "conj" or _bare_verb(tok.head)):
            return True
        if _subjunctive_passive(tok):
            return True
    return _verb_shaped_opening(span)


def acts_as_verb(head, span) -> bool:
    """True when ``head`` acts as a verb: tagged so, or the imperative that opens the ask, which the
    small tagger misreads when it is rare ("Forward this report to Panama, ..., and invite its comment":
    "Forward" comes out ADV yet heads the object and the conjoined verb)."""
    return head.pos_ in ("VERB", "AUX") or (head.dep_ == "ROOT" and head.i == span.start
                                            and head.text[:1].isupper() and head.pos_ in ("ADV", "NOUN", "PROPN"))


def _verb_shaped_opening(span) -> bool:
    """True when a sentence opens like an imperative the tagger misread: a capitalised content
    word straight before a determiner ("Enshrine the right to education ...", tagged as a proper
    noun). A statement opens with its subject, a preposition or a conjunction instead."""
    words = [t for t in span if not t.is_space and not t.is_punct]
    if len(words) < 4:
        return False
    first, nxt = words[0], words[1]
    if first.dep_ == "ROOT" and first.text[:1].isupper() and first.is_alpha and first.pos_ == "ADV" \
            and any(c.dep_ == "dobj" and c.i > first.i for c in first.children):
        # "Forward this report to Panama, ...": the parser roots the sentence on the opening word
        # and gives it an object, which only a verb has, though it tagged the word an adverb
        return True
    return first.text[:1].isupper() and first.is_alpha and first.pos_ in ("PROPN", "NOUN", "VERB", "ADJ") \
        and first.tag_ not in ("VBG", "VBN", "VBD", "VBZ", "NNS", "NNPS") and nxt.i == first.i + 1 \
        and nxt.tag_ in ("DT", "PRP$") and nxt.lower_ not in ("that", "this", "these", "those")


def _subjunctive_passive(tok) -> bool:
    """True for the "be" of a subjunctive passive with its own subject: "the Rules be amended",
    "that an amendment be sought" (not "to be", "should be", "if it be")."""
    if tok.lower_ != "be" or tok.dep_ != "auxpass" or tok.i == 0 or tok.nbor(-1).lower_ in _NOT_SUBJUNCTIVE_BEFORE:
        return False
    head = tok.head
    return head.tag_ == "VBN" and any(c.dep_ == "nsubjpass" and c.i < tok.i for c in head.children) and \
        not any(c.dep_ == "aux" for c in head.children)


def _bare_verb(tok) -> bool:
    """True for a base-form verb heading a clause with no auxiliary and no "to" before it."""
    return tok.tag_ == "VB" and tok.dep_ in ("ROOT", "ccomp", "conj") and \
        not any(c.dep_ in ("aux", "auxpass") for c in tok.children) and \
        not (tok.i > 0 and tok.nbor(-1).lower_ == "to")


# A preamble after a fronted phrase: "To that end, the Committee recommends that ...".
# Or after the context it draws on: "The Commission believes these are safety issues ... and recommends that".
_MID_PREAMBLE_RE = re.compile(r",\s+(?:the\s+)?(?:committee|commission|inquiry|panel|coroner|we)\b[^.;:,]{0,40}?"
                              r"\brecommends?\s+(?:that\s+)?|\s+and\s+(?:therefore\s+|also\s+)?recommends?\s+that\s+",
                              re.IGNORECASE)
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
             r"collect|maintain|ensure|meet|act|share|use|apply|establish|legislate")
_TITLE_SUBJECT_RE = re.compile(
    r"\W*(?:(?:the|a|an|each|every|all)\s+)?(?:he|she|they|it|(?!To\b|In\b|By\b|For\b|With\b)[A-Z][\w’'.&\-]*)"
    r"(?:,?\s+(?:[A-Z][\w’'.&\-]*|of|for|and|the|on|&|\([A-Z]+\)))*\s+"
    r"(?:(?:should|must|shall|to)\s+)?(?=(?:" + ASK_VERBS + r")\b)")


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
    if _COMPLEMENT_CLAUSE_RE.match(doc_text(doc), start, end):
        return start  # "whether boards are maintaining ...": the subject is what is asked about
    m = _TITLE_SUBJECT_RE.match(doc_text(doc), start, end)
    if m and len(doc_text(doc)[m.end():end].split()) >= 3:
        return m.end()
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 4:
        return start
    # (a predicate the tagger calls a noun still heads its subject: "the higher education sector take note")
    verb = next((t for t in span if (t.pos_ in ("VERB", "AUX") or any(c.dep_ == "nsubj" for c in t.children))
                 and t.dep_ != "aux" and (t.head.i == t.i or not span.start <= t.head.i < span.end)), None)
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
    return new if len(doc_text(doc)[new:end].split()) >= 3 else start

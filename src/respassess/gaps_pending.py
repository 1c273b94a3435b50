"""When the deliverable asked for is still pending (ANNOTATION.md §5, ``plan_pending``).

A plan, law, review or other deliverable promised for later, work still under way towards
one, or a decision put off leaves it pending; a firm promise dated to the month or day, a
document already drafted, a quoted policy or a standing procedure does not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import gap_cues as cue
from .gap_cues import is_formula as _formula
from .gaps_scope import sentence_at as _sentence_at
from .types import Action, AskCoverage, AskLabel, Commitment, CommitmentStrength, Sentence, Stance, StanceCall

__all__ = ["pending_deliverable"]

# A deadline to the month or day ("by 1 December 2017", "in September 2010"), not a season or a year.
_EXACT_DATE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}\b|"
                         r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b", re.IGNORECASE)
# Nouns a clerk would name in "X still pending", most specific first.
_NOUNS = (("business case", "business case"), ("legislat", "legislation"), ("amendment", "legislation"),
          ("bill", "legislation"), ("regulation", "legislation"), ("strateg", "strategy"), ("guidance", "guidance"),
          ("guideline", "guidance"), ("framework", "framework"), ("plan", "plan"), ("review", "review"),
          ("analysis", "analysis"), ("assessment", "assessment"), ("options", "options paper"), ("report", "report"),
          ("standard", "standards"), ("polic", "policy"), ("consultation", "consultation"), ("reform", "reforms"),
          ("threshold", "threshold"), ("requirement", "requirements"), ("paper", "paper"), ("evidence", "evidence review"),
          ("option", "options paper"), ("opinion", "expert opinion"), ("programme", "programme"))


def _noun(text: str, recommendation: str) -> str:
    """The deliverable to name in the message: one the recommendation asked for if the sentence has it."""
    text = re.sub(r"spending\s+review", "", text, flags=re.IGNORECASE)
    found = [(key, name) for key, name in _NOUNS if key in text.lower()]
    asked = [name for key, name in found if key in recommendation.lower()]
    return asked[0] if asked else found[0][1] if found else "promised work"


def pending_deliverable(stance: StanceCall, asks: Sequence[AskCoverage], sentences: Sequence[Sentence],
                         substantive: Sequence[Commitment], new: Sequence[Commitment], recommendation: str,
                         done: Sequence[Action] = (), procedures: Sequence[Commitment] = (),
                         restated: Sequence[Sentence] = ()) -> tuple[Sentence, str, str | None] | None:
    """The sentence that promises the deliverable (or the decision) for later, with its noun and timing.

    A declined recommendation has nothing pending, and one whose asks are all addressed
    has been provided; otherwise a promise to produce a plan, law, review or other
    deliverable later, work still under way towards one, or a decision put off
    ("under consideration") leaves the deliverable pending. ``restated`` are the sentences that only
    restate the recommendation: beside them a bare "under consideration" promises nothing.
    """
    if stance.stance is Stance.REJECTED or (asks and all(a.label is AskLabel.ADDRESSED for a in asks)):
        return None
    dated_words: set[str] = set()  # words of deliverables already committed to a month or day
    for s in sentences:
        if _formula(s.text) or cue.CONTINUING.search(s.text) or cue.EXPECTATION.search(s.text) or _quoted(s.text) \
                or cue.STANDING_CHECK.search(s.text):
            continue
        if cue.DEFER_LEGISLATION.search(s.text) or cue.DEFER_FUTURE.search(s.text):
            if _already_drafted(s.text, done):
                continue
            own = next((c for c in new if s.start <= c.start < s.end), None)
            if own is None and any(s.start <= c.start < s.end for c in procedures):
                continue  # "a member of the renal team will attend and review inpatients on request": a procedure
            if own is not None and dated_words & set(_words(s.text)[:3]):
                continue  # "The audit will include review of ...": details of the dated audit just promised
            noun = _noun(s.text, recommendation)
            if own is None and noun == "promised work":
                continue  # "the team will assess the patient within one hour": a procedure, not a promise
            if own is not None and own.strength is CommitmentStrength.FIRM and own.deadline \
                    and _EXACT_DATE.search(own.deadline):
                dated_words.update(_words(s.text))
                continue  # firm, to the month or day ("by 1 December 2017"): committed to, §2 "addressed"
            return s, noun, own.deadline if own is not None else None
    # Work under way counts as pending unless the response also makes a firm, precisely dated commitment.
    dated = [c for c in new if c.strength is CommitmentStrength.FIRM and not c.conditional and c.deadline
             and not cue.VAGUE_TIMING.search(c.deadline)]
    if not dated:
        for s in sentences:
            if cue.DEFER_ONGOING.search(s.text) and cue.DELIVERABLE.search(s.text) and not _formula(s.text) \
                    and not cue.FOR_THIS_REPLY.search(s.text):
                return s, _noun(s.text, recommendation), None
    if stance.stance is Stance.UNDER_CONSIDERATION:
        anchor = stance.evidence
        sent = _sentence_at(anchor.start, sentences) if anchor is not None else None
        sent = sent or (_sentence_at(substantive[0].start, sentences) if substantive else None)
        # "This recommendation is under consideration." beside, at most, the recommendation restated is a bare
        # position like a bare "Supported" (§2): nothing is promised, so nothing is pending
        bare = not substantive and all(s is sent or s in restated for s in sentences)
        if sent is not None and not bare:
            return sent, "decision", None
    return None


def _words(text: str) -> list[str]:
    """The lower-cased words of four letters or more, in order."""
    return [w.lower() for w in re.findall(r"[A-Za-z]{4,}", text)]


def _quoted(text: str) -> bool:
    """True for a sentence quoted from elsewhere (a policy, the report): its "will" promises nothing."""
    t = text.strip()
    return t[:1] in "“\"" or t[-1:] in "”\"" or t[-2:] in ("”.", '".')


def _already_drafted(text: str, done: Sequence[Action]) -> bool:
    """True when the document promised in ``text`` is one the response says was already drafted.

    "In developing the Guidelines, the department consulted ..." followed by "will publish
    Guidelines": the deliverable exists and only its release is outstanding.
    """
    nouns = {m.group(0).lower().rstrip("s") for m in cue.DELIVERABLE.finditer(text)}
    for a in done:
        if cue.DRAFTED.search(a.text) and any(n in a.text.lower() for n in nouns if len(n) > 5):
            return True
    return False

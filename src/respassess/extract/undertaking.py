"""Is a future clause an undertaking by the responder? (ANNOTATION.md §3)

A commitment is something the responder, or a body it speaks for, *will do*. Many future
clauses in a response are not that:

* what a thing will do or be: "This will focus on oversight", "The Framework will complement
  the work of ...", "The reforms will support ..." (an active verb with a document, measure or
  outcome as subject), "This will be underpinned by its objective ..." (a passive whose agent
  is a thing), "These controls are intended to discourage ..." (a purpose);
* effects and needs: "These amendments will assist the OAIC", "careful consideration will be
  required";
* embedded questions: "how each ICB intends to arrange ...";
* the letter speaking: "you will appreciate that ...", "I hope this response is helpful",
  "we wish to extend our condolences".

What a deliverable will contain still counts ("This will include agreeing the metrics", "These
strategies will set out how ..."): the verb is one of ``content_verbs``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._syntax import aux_words, cues, passive, subject, to_clause

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

__all__ = ["is_undertaking", "is_agent"]

_DEMONSTRATIVES = {"this", "these", "that", "those", "which"}
_FIRST_PERSON = {"we", "i", "us"}


def is_agent(tok: "Token") -> bool:
    """True when a subject or by-agent can be a body that acts (not a thing, not the addressee).

    Args:
        tok: the head token of the noun phrase.

    Returns:
        False for "you", demonstratives, gerunds and heads in ``non_agent_nouns``; True otherwise
        (names, "we", "the Department", "providers", "universities" ...).
    """
    table = cues()
    low, lemma = tok.lower_, tok.lemma_.lower()
    if low in _FIRST_PERSON or low in table["agent_words"] or lemma in table["agent_words"]:
        return True
    if low == "you" or low in _DEMONSTRATIVES or tok.tag_ == "VBG":
        return False
    # a named document is still a document: "The Regional HADR Framework", "The 10 Year Health Plan"
    return not (low in table["non_agent_nouns"] or lemma in table["non_agent_nouns"] or lemma in table["plan_nouns"])


def _speech_act(verb: "Token") -> bool:
    """ "I hope this response is helpful", "we wish to extend our condolences", "you will appreciate"."""
    table = cues()
    lemma = verb.lemma_.lower()
    if lemma in ("hope", "wish", "want", "like", "trust", "appreciate"):
        if lemma == "appreciate" or any(c.dep_ == "ccomp" for c in verb.children):
            return True
        return any(x.lemma_.lower() in table["speech_act_verbs"] for x in to_clause(verb))
    return False


def _doer(verb: "Token") -> "Token | None":
    """The subject, inherited through conj/xcomp chains, but not from a passive head.

    "KiwiRail expects this to be implemented ... and will provide further information": the
    patient "this" of the passive is not who will provide.
    """
    subj = subject(verb)
    if subj is not None and subj.dep_ == "csubj":
        # "Building on Phase I, DFAT will seek ...", misparsed with the gerund as subject: the
        # agent is the name right before the modal; a true gerund subject ("Reporting on X
        # will provide ...") is a thing
        aux = [c for c in verb.children if c.dep_ == "aux"]
        before = verb.doc[aux[0].i - 1] if aux and aux[0].i > 0 else None
        if before is not None and before.pos_ == "PROPN" and before.i in {t.i for t in subj.subtree}:
            return before
        return subj
    if subj is None or subj.head == verb:
        return subj
    return None if passive(subj.head) else subj


def is_undertaking(verb: "Token") -> bool:
    """Return False for a future clause that describes, predicts or speaks rather than undertakes.

    Args:
        verb: the clause's verb (carrying "will"/"shall" or an intention cue).

    Returns:
        True when the clause can be the responder's commitment.
    """
    table = cues()
    cleft = verb.dep_ in ("ccomp", "advcl") and verb.head.lemma_ == "be"  # "That is why we will ..."
    if not cleft and any(c.lower_ in ("how", "whether", "what", "why") and c.dep_ in ("advmod", "mark", "dobj", "nsubj")
                         for c in verb.children):
        return False
    if _speech_act(verb):
        return False
    lemma = verb.lemma_.lower()
    if lemma in ("require", "need") and (passive(verb) or to_clause(verb)):
        return False
    subj = _doer(verb)
    if subj is not None and subj.lower_ == "you":
        return False
    if passive(verb):
        if lemma in ("intend", "design"):
            return False  # "These controls are intended to discourage ...": a purpose, not a plan
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agents and not is_agent(agents[0]):
            return False  # "This will be underpinned by its objective ..."
        if lemma in ("expect", "envisage", "anticipate") and subj is not None and not is_agent(subj):
            return False  # "This process is envisaged to take some time": a forecast about a thing
        return True
    if lemma == "be" and not aux_words(verb) & table["future_modals"]:
        return True  # "The strategy is to deliver ...": the trigger already required a plan or an agent
    if subj is not None and subj.dep_ != "expl" and not is_agent(subj):
        return lemma in table["content_verbs"] and subj.lower_ not in ("which", "that")
    if lemma not in table["effect_verbs"]:
        return True
    if subj is None:
        return False
    return subj.ent_type_ in ("ORG", "PERSON", "GPE", "NORP") or subj.lemma_.lower() in table["agent_words"] or (
        subj.lower_ in table["agent_words"])

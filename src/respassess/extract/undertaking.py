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
  "we wish to extend our condolences", "A response ... will be provided below";
* how things are done, told of anyone in a role: "a social worker will make their methodology
  clear", "a renal specialist will attend GEH on request" (an indefinite subject in the active
  voice is generic, not a body the responder speaks for; "a working group will be established"
  still counts).

What a deliverable will contain still counts ("This will include agreeing the metrics", "These
strategies will set out how ..."): the verb is one of ``content_verbs``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._syntax import aux_words, cues, passive, subject, to_clause

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

__all__ = ["activity_onset", "is_undertaking", "is_agent"]

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


def _points_in_letter(verb: "Token") -> bool:
    """ "will be provided below", "later in this letter", "this response will provide ...", "I will attach
    a photograph": the letter speaking of itself ("I will update you further, as below" still undertakes)."""
    subj = subject(verb)
    lemma = verb.lemma_.lower()
    # "I will attach a photograph of our logbook entry", "we will enclose the minutes": papers sent with the
    # letter ("we will attach labels to every valve" fixes something to something, and still undertakes)
    if lemma in ("attach", "enclose", "append") and subj is not None and subj.lower_ in _FIRST_PERSON and not any(
            c.dep_ == "prep" and c.lower_ in ("to", "on", "onto") for c in verb.children):
        return True
    if subj is not None and subj.lemma_.lower() in ("letter", "response", "reply") and any(
            c.dep_ in ("det", "poss") and c.lower_ in ("this", "my", "our") for c in subj.children):
        return True
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in ("below", "overleaf", "hereunder") and not any(
                g.lower_ == "as" for g in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ == "in" and any(
                g.dep_ == "pobj" and g.lemma_.lower() in ("letter", "response", "reply") and any(
                    d.lower_ == "this" for d in g.children) for g in c.children):
            return True
    return False


def _generic(subj: "Token") -> bool:
    """True for "a social worker", "a non-specialist hospital": anyone in a role, not a named body."""
    table = cues()
    lemma = subj.lemma_.lower()
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subj.children) and not (
        lemma in table["agent_words"] or lemma in table["body_nouns"] or subj.ent_type_ in ("ORG", "PERSON", "GPE"))


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


def activity_onset(verb: "Token", subj: "Token") -> bool:
    """"Consultation will take place in early 2026", "The review will commence in March": an activity run by the
    responder, scheduled to start or happen."""
    table = cues()
    lemma = verb.lemma_.lower()
    if subj.lemma_.lower() not in table["scheduled_activities"] and subj.lower_ not in table["scheduled_activities"]:
        return False
    if lemma == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
    return lemma in table["onset_verbs"]


#: steps, beside the scheduled changes of the cue table, a thing can be expected to undergo ("to be initiated")
_SCHEDULED_ONSETS = frozenset({"initiate", "commence", "start", "begin", "finish", "conclude"})
_DURATION_NOUNS = frozenset({"time", "while", "day", "week", "month", "year", "decade"})


def _duration_only(verb: "Token", lemma: str) -> bool:
    """"X will take some time" or "It will be some time": how long, with no step named ("It will take 6 months
    to develop the system" names one, and is a dated undertaking)."""
    if lemma not in ("take", "be") or any(c.dep_ in ("xcomp", "advcl") and c.pos_ in ("VERB", "AUX")
                                          for c in verb.children):
        return False
    for c in verb.children:
        if c.dep_ in ("dobj", "attr"):
            heads = {c.lemma_.lower()} | {g.lemma_.lower() for p in c.children if p.dep_ == "prep" for g in p.children}
            return bool(heads & _DURATION_NOUNS)
    return False


_MEANS = ("by", "as", "through", "via")


def _position_only(verb: "Token", lemma: str) -> bool:
    """"will accept this recommendation" with no means named ("by co-ordinating with ...", "as part of ...")."""
    if lemma not in ("accept", "agree", "support", "endorse", "note", "acknowledge"):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    # the means may hang from the verb or, misparsed, from its object
    means = [c for t in (verb, *objects) for c in t.children if c.dep_ == "prep" and c.lower_ in _MEANS]
    return bool(objects) and all(o.lemma_.lower() == "recommendation" for o in objects) and not means


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
    if _speech_act(verb) or _points_in_letter(verb):
        return False
    lemma = verb.lemma_.lower()
    if lemma in ("require", "need") and (passive(verb) or to_clause(verb)):
        return False
    subj = _doer(verb)
    if subj is not None and subj.lower_ == "you":
        return False
    if subj is not None and not passive(verb) and _generic(subj) and lemma not in table["content_verbs"]:
        return False
    if passive(verb):
        if lemma in ("intend", "design"):
            return False  # "These controls are intended to discourage ...": a purpose, not a plan
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agents and not is_agent(agents[0]):
            return False  # "This will be underpinned by its objective ..."
        if lemma in ("expect", "envisage", "anticipate") and subj is not None and not is_agent(subj):
            # "This process is envisaged to take some time": a forecast about a thing; but "This process is
            # expected to be initiated by the end of June 1998" schedules a step of the responder's
            steps = _SCHEDULED_ONSETS | set(table["scheduled_change_verbs"])
            return any(c.dep_ == "xcomp" and c.lemma_.lower() in steps for c in verb.children)
        return True
    if _position_only(verb, lemma):
        return False  # "The Director will accept this recommendation": the stance, not a step
    if _duration_only(verb, lemma):
        return False  # "Implementation will take some time", "It will be some time before ...": a forecast
    if lemma == "be" and not aux_words(verb) & table["future_modals"]:
        return True  # "The strategy is to deliver ...": the trigger already required a plan or an agent
    if subj is not None and activity_onset(verb, subj):
        return True
    if subj is not None and subj.dep_ != "expl" and not is_agent(subj):
        return lemma in table["content_verbs"] and subj.lower_ not in ("which", "that")
    if lemma not in table["effect_verbs"]:
        return True
    if subj is None:
        return False
    return subj.ent_type_ in ("ORG", "PERSON", "GPE", "NORP") or subj.lemma_.lower() in table["agent_words"] or (
        subj.lower_ in table["agent_words"])

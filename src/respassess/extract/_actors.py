"""Spell out an actor written as an acronym ("UHCW", "the CAA") from the response itself.

Responses define a body once ("University Hospitals Coventry and Warwickshire NHS Trust
(UHCW)") and then use the acronym; a clerk reading a commitment's actor wants the name.
The actor becomes "Full Name (ACR)", so both spellings stay searchable. Without a
definition in the text, an acronym whose letters are the initials of the responder's
name ("MNZ" for "Maritime New Zealand") takes the responder's name. Nothing is guessed
beyond that: an acronym defined nowhere stays as written.
"""

from __future__ import annotations

import re

__all__ = ["expand_acronym"]

_ACRONYM = re.compile(r"(?:the\s+)?(?P<acr>[A-Z][A-Za-z&]{1,7})", re.I)
_CONNECTORS = {"of", "and", "for", "the", "&", "on", "in"}


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*|&", name) if w.lower() not in _CONNECTORS).upper()


def _definition(text: str, acr: str) -> str | None:
    """The capitalised name written right before "(ACR)", trimmed to start at the acronym's first letter."""
    for m in re.finditer(rf"\(\s*{re.escape(acr)}\s*\)", text):
        words = re.findall(r"[A-Za-z][\w'’-]*|&", text[max(0, m.start() - 150):m.start()])
        run: list[str] = []
        for word in reversed(words):
            if word[0].isupper() or (run and word.lower() in _CONNECTORS):
                run.insert(0, word)
            else:
                break
        while run and (run[0].lower() in _CONNECTORS or run[0][0].upper() != acr[0].upper()):
            run.pop(0)
        if len(run) >= 2:
            return " ".join(run)
    return None


def expand_acronym(actor: str | None, text: str, *, responder: str | None = None) -> str | None:
    """Return the actor with an acronym spelled out as "Full Name (ACR)", else the actor unchanged.

    Args:
        actor: the actor as found ("the CAA", "UHCW", "The Government").
        text: the whole response, searched for "Full Name (ACR)".
        responder: who is answering; used when the acronym is the initials of its name.

    Returns:
        "Full Name (ACR)" when the text defines the acronym or the responder's initials
        spell it; otherwise ``actor`` as given (``None`` stays ``None``).
    """
    if not actor:
        return actor
    m = _ACRONYM.fullmatch(actor.strip())
    if m is None or not m["acr"].isupper():
        return actor
    acr = m["acr"]
    name = _definition(text, acr)
    if name is None and responder and acr.lower() not in responder.lower() and _initials(responder) == acr.upper():
        name = responder.strip()
    return f"{name} ({acr})" if name else actor

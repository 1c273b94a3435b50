"""spaCy factories wrapping the extractors: ``nlp.add_pipe("respassess_dates")`` etc.

Registered through the ``spacy_factories`` entry points in pyproject.toml (importing
this module registers them too). Each component owns its Doc extension and sets it
in ``__init__`` (``doc._.respassess_dates``, ``doc._.respassess_amounts``,
``doc._.respassess_commitments``); nothing is registered at import time except the
factories themselves. Needs a pipeline with a parser and NER before it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..types import Sentence
from .amounts import extract_amounts
from .commitments import extract_commitments
from .dates import extract_dates

__all__ = ["DatesComponent", "AmountsComponent", "CommitmentsComponent",
           "make_dates_component", "make_amounts_component", "make_commitments_component"]


class DatesComponent:
    """Sets ``doc._.respassess_dates``: the tuple of :class:`~respassess.types.DateMention`."""

    def __init__(self, nlp: Language, name: str, *, response_date: str | None, jurisdiction: str | None) -> None:
        self.name = name
        self.response_date = response_date
        self.jurisdiction = jurisdiction
        Doc.set_extension("respassess_dates", default=(), force=True)

    def __call__(self, doc: Doc) -> Doc:
        doc._.respassess_dates = extract_dates(doc, response_date=self.response_date, jurisdiction=self.jurisdiction)
        return doc


class AmountsComponent:
    """Sets ``doc._.respassess_amounts``: the tuple of :class:`~respassess.types.MoneyAmount`."""

    def __init__(self, nlp: Language, name: str, *, jurisdiction: str | None) -> None:
        self.name = name
        self.jurisdiction = jurisdiction
        Doc.set_extension("respassess_amounts", default=(), force=True)

    def __call__(self, doc: Doc) -> Doc:
        doc._.respassess_amounts = extract_amounts(doc, jurisdiction=self.jurisdiction)
        return doc


class CommitmentsComponent:
    """Sets ``doc._.respassess_commitments`` (and ``doc._.respassess_actions``) from ``doc.sents``.

    Uses the dates and amounts set by the other two components when they ran first.
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        Doc.set_extension("respassess_commitments", default=(), force=True)
        Doc.set_extension("respassess_actions", default=(), force=True)

    def __call__(self, doc: Doc) -> Doc:
        from .commitments import extract_actions

        sentences = tuple(Sentence(i, s.text, s.start_char, s.end_char) for i, s in enumerate(doc.sents))
        dates = doc._.respassess_dates if Doc.has_extension("respassess_dates") else ()
        amounts = doc._.respassess_amounts if Doc.has_extension("respassess_amounts") else ()
        doc._.respassess_commitments = extract_commitments(doc, sentences, dates=dates, amounts=amounts)
        doc._.respassess_actions = extract_actions(doc, sentences)
        return doc


@Language.factory("respassess_dates", default_config={"response_date": None, "jurisdiction": None})
def make_dates_component(nlp: Language, name: str, response_date: str | None, jurisdiction: str | None) -> DatesComponent:
    """Create the dates component.

    Args:
        nlp: the pipeline.
        name: the component's name.
        response_date: resolves relative expressions (ISO, possibly partial); ``None`` leaves them unresolved.
        jurisdiction: selects the fiscal calendar.

    Returns:
        A callable component setting ``doc._.respassess_dates``.

    Example:
        >>> nlp.add_pipe("respassess_dates", config={"jurisdiction": "United Kingdom"})
    """
    return DatesComponent(nlp, name, response_date=response_date, jurisdiction=jurisdiction)


@Language.factory("respassess_amounts", default_config={"jurisdiction": None})
def make_amounts_component(nlp: Language, name: str, jurisdiction: str | None) -> AmountsComponent:
    """Create the money amounts component.

    Args:
        nlp: the pipeline.
        name: the component's name.
        jurisdiction: decides the currency of a bare "$".

    Returns:
        A callable component setting ``doc._.respassess_amounts``.

    Example:
        >>> nlp.add_pipe("respassess_amounts", config={"jurisdiction": "Australia"})
    """
    return AmountsComponent(nlp, name, jurisdiction=jurisdiction)


@Language.factory("respassess_commitments")
def make_commitments_component(nlp: Language, name: str) -> CommitmentsComponent:
    """Create the commitments component (add it after the dates and amounts components).

    Args:
        nlp: the pipeline.
        name: the component's name.

    Returns:
        A callable component setting ``doc._.respassess_commitments`` and ``doc._.respassess_actions``.

    Example:
        >>> nlp.add_pipe("respassess_commitments", last=True)
    """
    return CommitmentsComponent(nlp, name)

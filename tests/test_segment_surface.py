"""Cuts read from the surface of a directive clause (respassess.segment_surface)."""

import pytest

from respassess.segment_surface import emphasis_cuts, subject_clause_cuts


@pytest.mark.parametrize("text,expected", [
    ("remind the masters of the requirements of the certificate, particularly the carriage of persons", ["particularly"]),
    ("improve the living conditions of Roma and particularly ensure the right to water", ["particularly"]),
    ("promote the lessons learnt from this incident, in particular the value of good training", ["in"]),
    # no comma or "and" before it: it narrows its own ask
    ("Promote access to health programmes, ensuring in particular the availability of services", []),
    ("provide support to a particularly vulnerable group of young people", []),
])
def test_emphasis_cuts(nlp, text, expected):
    doc = nlp(text)
    assert [doc[i + 1].text for i in sorted(emphasis_cuts(doc[:]))] == expected


@pytest.mark.parametrize("text,expected", [
    ("ensure that all vessels receive the documentation and the distribution and receipt are adequately recorded",
     ["the"]),
    ("change the policy to ensure that a systems audit be conducted on the vessel and any unsatisfactory "
     "feature corrected before a certificate is issued", ["any"]),
    # no "that" clause or passive before it: a noun phrase with a participle is one object
    ("review the rules and the guidance issued by the Authority", []),
])
def test_subject_clause_cuts(nlp, text, expected):
    doc = nlp(text)
    assert [doc[i + 1].text for i in sorted(subject_clause_cuts(doc[:]))] == expected

"""Where a clause breaks into asks (respassess.segment_cuts)."""

import pytest

from respassess.segment_cuts import (
    clause_cuts,
    coordination_cuts,
    fronted_properties,
    means_cuts,
)


def _cut_words(doc, cuts):
    """The word at each cut, skipping a comma or coordinator the cut starts on."""
    out = []
    for i in sorted(cuts):
        while doc[i].text in {",", "and", "or"}:
            i += 1
        out.append(doc[i].text)
    return out


@pytest.mark.parametrize("text,expected", [
    ("Ban corporal punishment in all settings and establish a campaign against violence", ["establish"]),
    ("review the change management processes for new systems, and ensure that they include an analysis",
     ["ensure"]),
    ("improve its data, and then use this information to develop a plan", ["then"]),
    ("prevent trafficking of persons and to protect and support victims", ["to"]),
    # shared objects, prepositions and adverbs before the coordinator: one ask
    ("introduce, maintain and develop relevant training for staff", []),
    ("be available to and gather informal intelligence from staff", []),
    ("work together and learn from each other to identify ways to improve care", []),
])
def test_coordination_cuts(nlp, text, expected):
    doc = nlp(text)
    assert _cut_words(doc, coordination_cuts(doc[:])) == expected


@pytest.mark.parametrize("text,expected", [
    ("initiate a regular audit of national security issues by establishing a research integrity office",
     ["by"]),
    ("Promote access to health programmes, ensuring in particular the availability of services", ["ensuring"]),
    ("be reported annually to the committee in writing, accompanied by a classified briefing", ["accompanied"]),
    ("review the operations at other aerodromes, to assess and minimise the potential for a collision", ["to"]),
    # a purpose that explains ("to help") is not an ask of its own
    ("publish the guidance for all operators, to help providers meet this aim", []),
])
def test_means_cuts(nlp, text, expected):
    doc = nlp(text)
    assert _cut_words(doc, means_cuts(doc[:])) == expected


def test_strong_cuts_are_a_subset_and_statements_are_cut_only_at_own_subjects(nlp):
    doc = nlp("Ban corporal punishment in all settings and establish a campaign against violence")
    cuts, strong = clause_cuts(doc[:], directive=True)
    assert strong <= cuts and _cut_words(doc, strong) == ["establish"]
    assert clause_cuts(doc[:], directive=False) == (set(), set())
    doc = nlp("There was no means of preventing the escape of fuel when the boat was inverted and these vents were "
              "located above the emergency exit.")
    cuts, strong = clause_cuts(doc[:], directive=False)
    assert _cut_words(doc, cuts) == ["these"]


@pytest.mark.parametrize("text,props,rest", [
    ("in consultation with other stakeholders (the Ombudsman and the Privacy Commissioner), the Department "
     "should develop guidelines", ["in consultation with other stakeholders"], "the Department should develop guidelines"),
    ("the Department should within 18 months of this report develop guidelines for data collection",
     ["within 18 months of this report"], "develop guidelines for data collection"),
    ("the Department should develop guidelines for data collection", [], "the Department should develop guidelines "
                                                                          "for data collection"),
])
def test_fronted_properties(nlp, text, props, rest):
    doc = nlp(text)
    spans, start = fronted_properties(doc, 0, len(text))
    assert [text[s:e] for s, e in spans] == props
    assert text[start:].strip() == rest


@pytest.mark.parametrize("text,expected", [
    ("Strengthen efforts to combat hate speech by enhancing inter-agency collaboration and establishing "
     "a national action plan", ["by", "establishing"]),
    ("Design strategies to prevent discrimination, including by allocating resources and implementing "
     "the recommendations", [",", "implementing"]),
])
def test_means_cuts_split_coordinated_gerunds(nlp, text, expected):
    doc = nlp(text)
    cuts = means_cuts(doc[:])
    assert [doc[i].text if doc[i].text in {",", "by"} else doc[i + 1].text for i in sorted(cuts)] == expected


@pytest.mark.parametrize("text,expected", [
    # an object told to do something keeps its infinitive
    ("require KiwiRail Network to review the station arrangements for the crossing", []),
    ("direct the Agency to initiate a regular audit of security issues", []),
])
def test_object_control_verbs_keep_their_infinitive(nlp, text, expected):
    doc = nlp(text)
    cuts, _ = clause_cuts(doc[:], directive=True)
    assert [doc[i].text for i in sorted(cuts)] == expected

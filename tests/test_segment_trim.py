"""What part of a clause is not an ask (respassess.segment_trim)."""

import pytest

from respassess.segment_trim import (drop_elaboration, drop_fragments, drop_repeats, is_party, required_lists,
                                     split_property, trim)


@pytest.mark.parametrize("text,expected", [
    ("keep detailed records of each disclosure, including the types of data that were disclosed",
     "keep detailed records of each disclosure"),
    ("The national guidelines should be made public (except to the extent they contain classified information)",
     "The national guidelines should be made public"),
    # a short aside stays: an acronym, "(as applicable)"
    ("meet the requirements of the Digital Capability Framework (DCF)",
     "meet the requirements of the Digital Capability Framework (DCF)"),
    ("identify current capital plans which will reduce these risks - for example, the removal of dormitories",
     "identify current capital plans which will reduce these risks"),
    ("consider annual training for their members, in partnership with their local partners",
     "consider annual training for their members"),
    # "including" inside the subject is no tail
    ("Trust leaders, including board members, should prioritise time on wards",
     "Trust leaders, including board members, should prioritise time on wards"),
])
def test_drop_elaboration(nlp, text, expected):
    s, e = drop_elaboration(nlp(text), 0, len(text))
    assert text[s:e] == expected


def test_split_property_drops_the_opening_of_the_noun_phrase():
    text = "use this information to develop a new fully costed plan for improving the system"
    assert [text[s:e].strip() for s, e in split_property(text, 0, len(text))] == \
        ["fully costed", "plan for improving the system"]
    text = "publish a plan that is fully costed by the end of the year"
    assert [text[s:e].strip() for s, e in split_property(text, 0, len(text))] == \
        ["publish a plan that is", "fully costed", "by the end of the year"]


def test_measurable_keeps_the_metrics_it_qualifies():
    # "measurable targets" is the metrics ask itself; cutting the property word off would leave "with" and "targets"
    text = "develop a national workforce strategy, with measurable targets, by the end of 2024"
    assert [text[s:e].strip(" ,") for s, e in split_property(text, 0, len(text))] == \
        ["develop a national workforce strategy", "measurable targets", "by the end of 2024"]


def test_measurable_targets_keep_what_they_measure():
    text = "develop a strategy, with measurable targets for staff retention and recruitment, by 2026"
    assert [text[s:e].strip(" ,") for s, e in split_property(text, 0, len(text))] == \
        ["develop a strategy", "measurable targets for staff retention and recruitment", "by 2026"]


@pytest.mark.parametrize("text,required", [
    ("develop a strategy, including measurable targets for retention", True),
    ("scope out options, including cost implications and a value for money assessment", True),
    ("develop a strategy, including examples of good practice", False),
    ("review staffing, including the management of resources at different locations", False),
])
def test_required_lists(text, required):
    assert bool(required_lists(text, 0, len(text))) is required


def test_trim_drops_a_page_number_line_and_joining_words():
    text = "and then the number of individuals related to; and\n6\n"
    s, e = trim(text, 0, len(text))
    assert text[s:e] == "the number of individuals related to"


def test_fragments_merge_within_a_clause_and_drop_across_breaks():
    text = "prepare guidelines costed At a minimum:\n10\n• only officers"
    spans = [(0, 18), (19, 25), (26, 38), (40, 42), (45, 58)]
    assert [text[s:e] for s, e in spans] == ["prepare guidelines", "costed", "At a minimum", "10", "only officers"]
    out = drop_fragments(text, spans)
    assert [text[s:e] for s, e in out] == ["prepare guidelines", "costed", "At a minimum", "only officers"]
    text = "publish the plan soon"
    assert drop_fragments(text, [(0, 16), (17, 21)]) == [(0, 21)]


def test_drop_repeats_keeps_the_first_of_two_near_identical_asks():
    text = ("Recognize the competence of the Committee to receive communications from individuals; "
            "Recognize the competence of the Committee to receive communications from victims; publish a report")
    first = (0, text.index(";"))
    second = (first[1] + 2, text.index(";", first[1] + 1))
    third = (second[1] + 2, len(text))
    assert drop_repeats(text, [first, second, third]) == [first, third]


@pytest.mark.parametrize("text,item,expected", [
    ("The Department should meet and consult with (at a minimum):\n• the Privacy Commissioner;\n"
     "• each criminal law-enforcement agency;\n• industry representatives.", "industry representatives", True),
    ("The Department should meet and consult with (at a minimum):\n• the Privacy Commissioner;\n"
     "• each criminal law-enforcement agency;\n• industry representatives.", "the Privacy Commissioner", True),
    # items of a list that is not about whom to consult are asks
    ("The report should include:\n• the number of authorised officers;\n• the cost of the disclosure.",
     "the cost of the disclosure", False),
])
def test_is_party(nlp, text, item, expected):
    doc = nlp(text)
    start = text.index(item)
    assert is_party(doc, start, start + len(item)) is expected


@pytest.mark.parametrize("text,expected", [
    ("including by allocating additional resources", "allocating additional resources"),
    ("by enhancing inter-agency collaboration", "enhancing inter-agency collaboration"),
    ("particularly regarding access to basic services", "access to basic services"),
    ("in particular the value of good training", "the value of good training"),
    # "by" before a date or a noun is no means marker
    ("by the end of 2023", "by the end of 2023"),
])
def test_trim_drops_means_and_emphasis_markers(text, expected):
    s, e = trim(text, 0, len(text))
    assert text[s:e] == expected


def test_drop_elaboration_cuts_a_singled_out_part_only_from_a_statement(nlp):
    text = "there is a lack of rehabilitation for women, and in particular, women at low risk"
    doc = nlp(text)
    s, e = drop_elaboration(doc, 0, len(text), directive=False)
    assert text[s:e] == "there is a lack of rehabilitation for women"
    assert drop_elaboration(doc, 0, len(text)) == (0, len(text))

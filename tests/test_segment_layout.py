"""Line breaks that end a list item in PDF-wrapped text (respassess.segment_layout)."""

import pytest
from hypothesis import given, settings, strategies as st

from respassess.segment_layout import item_breaks

WRAPPED = ("Provider boards have a vital role to play in ensuring the safety and quality of care in\n"
           "inpatient pathways. We recommend the following actions to improve boards’ capacity to\n"
           "respond to risks:\n"
           "every provider board should urgently review the experience of its members and\n"
           "skills\n"
           "every provider board should publish the data it holds on the safety of inpatient care")


def test_a_short_line_after_a_lead_in_ends_an_item():
    breaks = item_breaks(WRAPPED)
    assert breaks == [WRAPPED.index("skills\n") + len("skills")]
    assert all(WRAPPED[b] == "\n" for b in breaks)


@pytest.mark.parametrize("text", [
    # no lead-in colon: a short line is only the end of a paragraph
    WRAPPED.replace("respond to risks:", "respond to risks."),
    # a line ending in a joining word runs on however short it is
    WRAPPED.replace("skills\n", "skills and\n"),
    # a line starting with a joining word continues the one before
    WRAPPED.replace("skills\nevery provider", "skills\nand every provider"),
    # an open bracket runs on
    WRAPPED.replace("skills\n", "skills (in\n"),
    # too few lines to judge the width by
    "The review should include:\nidentification of issues\na collaborative approach",
])
def test_wrapped_lines_that_run_on_are_not_breaks(text):
    assert item_breaks(text) == []


def test_long_lines_that_wrap_are_not_breaks():
    assert item_breaks(WRAPPED.replace("skills\n", "skills in leadership, governance, data literacy and quality "
                                                   "improvement methods\n")) == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("abc :.\n"), max_size=90), max_size=8))
def test_breaks_are_newlines_after_a_lead_in(lines):
    text = "\n".join(lines)
    for b in item_breaks(text):
        assert text[b] == "\n"
        assert ":" in text[:b]

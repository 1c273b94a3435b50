"""Tests for respassess.extract.listitems: actions listed under a promising lead."""

from __future__ import annotations

import pytest

from respassess.extract.listitems import find_list_items

# (text, expected item texts, lead actor, base strength) -- invented in the genre's shapes
CASES = [
    ("NHS England will:\n- publish the framework\n- consult on the metrics; and\n- report to the board\n\nNext.",
     ["publish the framework", "consult on the metrics", "report to the board"], "NHS England", "firm"),
    ("The Department intends to:\n(a) review the guidance.\n(b) update the register. It is public.\nOther text.",
     ["review the guidance", "update the register"], "The Department", "qualified"),
    # unmarked PDF lines: a full-width line wraps, a short one ends its item
    ("In 2024, the regulator will also:\nagree principles for reducing the data burden where it does not clearly\n"
     "result in improvements\nconsider what enablers are needed\nOnce confirmed, more.",
     ["agree principles for reducing the data burden where it does not clearly\nresult in improvements",
      "consider what enablers are needed"], "the regulator", "firm"),
]


@pytest.mark.parametrize("text,items,actor,base", CASES)
def test_find_list_items(text, items, actor, base):
    found = find_list_items(text)
    assert [text[i.start:i.end] for i in found] == items
    assert {i.actor for i in found} == {actor} and {i.base for i in found} == {base}


@pytest.mark.parametrize("text", [
    "The Committee recommended:\n- a plan\n- a budget\n",  # no promise in the lead
    "DHSC expects that providers will:\nreview their approach\n",  # what others are expected to do
    "The Government will publish the plan.\nIt covers:\n- housing\n",  # the colon's lead promises nothing
])
def test_no_items_without_a_promising_lead(text):
    assert find_list_items(text) == []

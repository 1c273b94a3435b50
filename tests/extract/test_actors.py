"""Tests for respassess.extract._actors: acronym actors spelled out from the response."""

from __future__ import annotations

import pytest

from respassess.extract._actors import expand_acronym

# records/uk_pfd.jsonl (uk-pfd-2024-0618-44) and au_dev.jsonl define the bodies they then abbreviate
TEXT = ("Thank you for your email addressed to University Hospitals Coventry and Warwickshire NHS Trust (UHCW). "
        "The renal team have been developing guidelines to assist George Eliot Hospital (GEH), a non-renal "
        "specialist hospital. The Attorney-General’s Department (AGD) will engage with the sector.")


@pytest.mark.parametrize("actor,responder,expected", [
    ("UHCW", None, "University Hospitals Coventry and Warwickshire NHS Trust (UHCW)"),
    ("GEH", None, "George Eliot Hospital (GEH)"),
    ("the AGD", None, "Attorney-General’s Department (AGD)"),
    ("MNZ", "Maritime New Zealand", "Maritime New Zealand (MNZ)"),  # undefined: the responder's initials
    ("CAA", "Maritime New Zealand", "CAA"),  # defined nowhere and not the responder: left as written
    ("The Government", None, "The Government"),
    ("we", "Maritime New Zealand", "we"),
    (None, None, None),
])
def test_expand_acronym(actor, responder, expected):
    assert expand_acronym(actor, TEXT, responder=responder) == expected

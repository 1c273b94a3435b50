"""Timing one commitment lends another about the same undertaking."""

import re

from respassess.gaps_timing import lend_timing
from respassess.types import Commitment, CommitmentStrength, Sentence


def _sentences(text):
    return tuple(Sentence(i, m.group(0), m.start(), m.end())
                 for i, m in enumerate(re.finditer(r"[^.]+\.", text)))


def _commit(text, clause):
    start = text.index(clause)
    return Commitment(text=clause, start=start, end=start + len(clause), actor="MNZ",
                      strength=CommitmentStrength.FIRM, sentence_index=0)


def test_a_sentence_pointing_back_shares_the_date():
    # nz_taic_all.jsonl (dev split)
    text = ("This recommendation will be incorporated into our PSC mentoring and oversight program. "
            "We anticipate this will be integrated into our standard PSC inspections by the end of 2015.")
    a = _commit(text, "This recommendation will be incorporated into our PSC mentoring and oversight program")
    b = _commit(text, "We anticipate this will be integrated into our standard PSC inspections by the end of 2015")
    out = lend_timing([a, b], {id(a): None, id(b): ("by the end of 2015", False)}, _sentences(text))
    assert out[id(a)] == ("by the end of 2015", False)


def test_unrelated_or_undated_neighbours_lend_nothing():
    text = ("The department will publish the guidance by March 2026. "
            "Ministers will also meet stakeholders on workforce issues.")
    a = _commit(text, "The department will publish the guidance by March 2026")
    b = _commit(text, "Ministers will also meet stakeholders on workforce issues")
    out = lend_timing([a, b], {id(a): ("by March 2026", False), id(b): None}, _sentences(text))
    assert out[id(b)] is None
    # a timing with no number ("prior to legislative reform") is not lent even to a sentence pointing back
    text2 = "The department will issue guidance prior to legislative reform. The guidance will be developed with industry."
    c = _commit(text2, "The department will issue guidance prior to legislative reform")
    d = _commit(text2, "The guidance will be developed with industry")
    out = lend_timing([c, d], {id(c): ("prior to legislative reform", False), id(d): None}, _sentences(text2))
    assert out[id(d)] is None

"""Stance from the text, in the phrasings of every scheme in the data."""

import pytest

from respassess.stance import find_cross_reference, official_stance, read_stance
from respassess.types import Sentence, Stance


def _sentences(*texts):
    out, pos = [], 0
    for i, t in enumerate(texts):
        out.append(Sentence(i, t, pos, pos + len(t)))
        pos += len(t) + 1
    return out


@pytest.mark.parametrize("texts,expected", [
    (["The government agrees with the Committee’s recommendation.", "It will publish a plan."], Stance.ACCEPTED),
    (["Response: Supported.", "The Taskforce will continue its efforts."], Stance.ACCEPTED),
    (["Response: Supported in Principle.", "Work is under way."], Stance.ACCEPTED_IN_PRINCIPLE),
    (["Response: Noted.", "The Government notes the Committee's view."], Stance.NOTED),
    (["Response: Not supported.", "Existing arrangements are adequate."], Stance.REJECTED),
    (["The Government does not support this recommendation."], Stance.REJECTED),
    (["The Government accepts this recommendation in principle."], Stance.ACCEPTED_IN_PRINCIPLE),
    (["The Government accepts this recommendation in part."], Stance.PARTIALLY_ACCEPTED),
    (["DHSC partially agrees with this recommendation."], Stance.PARTIALLY_ACCEPTED),
    (["The government agrees with the first part of this recommendation, but not the second."],
     Stance.PARTIALLY_ACCEPTED),
    (["The government disagrees with the Committee’s recommendation."], Stance.REJECTED),
    (["The Government is considering this recommendation and will respond in due course."],
     Stance.UNDER_CONSIDERATION),
    (["The Government supports the intent of this recommendation."], Stance.ACCEPTED_IN_PRINCIPLE),
])
def test_stance_cues(texts, expected):
    call = read_stance(_sentences(*texts), response=" ".join(texts))
    assert call.stance is expected
    assert call.evidence is not None and call.evidence.text in texts


def test_official_labels_map_through_tables_and_mismatch_is_flagged():
    assert official_stance("Supported in Principle") is Stance.ACCEPTED_IN_PRINCIPLE
    assert official_stance("Accepted and implemented") is Stance.ACCEPTED
    assert official_stance("Closed acceptable") is None
    assert official_stance("Acknowledged") is Stance.NOTED
    call = read_stance(_sentences("The government agrees with the Committee’s recommendation."),
                       official_status="Acknowledged")
    assert call.stance is Stance.ACCEPTED and call.official_stance is Stance.NOTED and call.mismatch


def test_cross_reference_without_text_is_unclear():
    text = "See response to Recommendation 3."
    call = read_stance(_sentences(text), response=text)
    assert call.cross_reference == "3"
    assert call.stance is Stance.UNCLEAR
    assert find_cross_reference("Please refer to the Government's response to Recommendation 12a.") == "12a"


def test_empty_response_is_unclear():
    assert read_stance([], response="").stance is Stance.UNCLEAR

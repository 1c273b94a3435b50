"""Which part of a reply speaks to this recommendation: other numbers' positions are not its own."""

import pytest

from respassess.stance import read_stance
from respassess.stance_scope import about_other_recommendation
from respassess.types import Sentence, Stance

# KiwiRail's letter answering five recommendations at once (real TAIC replies nz-taic-013-13-236 and 009-14-218)
KIWIRAIL = ("Recommendations 013/13, 014/13, 015/13 and 016/13 made to the Chief Executive of KiwiRail are accepted. "
            "Recommendation 017/13 directed to the Chief Executive of the NZ Transport Agency is noted. "
            "KiwiRail will begin discussions with the NZ Transport Agency on the strategies to implement these "
            "recommendations upon release of this report.")
NZTA = ("Recommendation 008/14 that the Commission have directed to the Chief Executive of KiwiRail is noted. "
        "Recommendation 009/14 made to the Chief Executive of the the NZ Transport Agency is accepted.")


def _sentences(text):
    out, pos = [], 0
    for i, t in enumerate(text.split(". ")):
        t = t if t.endswith(".") else t + "."
        out.append(Sentence(i, t, pos, pos + len(t)))
        pos += len(t) + 1
    return out


@pytest.mark.parametrize("text,number,other", [
    ("Recommendation 017/13 directed to the Chief Executive of the NZ Transport Agency is noted.", "013/13", True),
    ("Recommendations 013/13, 014/13, 015/13 and 016/13 made to KiwiRail are accepted.", "016/13", False),
    ("Recommendations 013/13, 014/13, 015/13 and 016/13 made to KiwiRail are accepted.", "017/13", True),
    ("Recommendation 4 is agreed.", "4", False),
    ("Recommendation 4 is agreed.", None, False),  # the number unknown: nothing is ruled out
    ("Recommendations 5 to 8 are agreed.", "6", False),  # a range may hold it
    # a position on "this recommendation" beside another's number (real TAIC reply nz-taic-077-00-982)
    ("The Maritime Safety Authority does not support this recommendation for similar reasons to "
     "recommendation 075/00.", "077/00", False),
    ("Recommendation 13/13 is accepted.", "013/13", False),  # leading zeros do not make another number
])
def test_about_other_recommendation(text, number, other):
    assert about_other_recommendation(text, number) is other


@pytest.mark.parametrize("text,number,expected", [
    (KIWIRAIL, "013/13", Stance.ACCEPTED),
    (KIWIRAIL, "017/13", Stance.NOTED),
    (NZTA, "009/14", Stance.ACCEPTED),
    (NZTA, "008/14", Stance.NOTED),
])
def test_a_letter_on_several_recommendations_gives_each_its_own_position(text, number, expected):
    call = read_stance(_sentences(text), response=text, model=False, rec_number=number)
    assert call.stance is expected
    assert number in call.evidence.text

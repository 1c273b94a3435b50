"""Evidence selection: sentences that answer the recommendation as a whole join every ask's evidence."""

import numpy as np

from respassess.align.match import add_whole_answers, answers_whole
from respassess.types import Alignment, Ask, Sentence

# au-otd1140-rec10 (corpus/au_dev.jsonl): one undertaking for four specific asks
RESPONSE = ("The Government accepts this recommendation. "
            "The Government will progress this recommendation through appropriate legislative action.")
S0 = Sentence(0, "The Government accepts this recommendation.", 0, 43)
S1 = Sentence(1, RESPONSE[44:], 44, len(RESPONSE))
ASKS = (Ask(0, "authorised officers may only make verbal authorisations", 0, 55),
        Ask(1, "the written record must be made as soon as practicable", 60, 114))
WILL = RESPONSE.index("will progress")


def test_a_bare_position_is_not_an_answer_but_an_undertaking_on_the_whole_is():
    assert not answers_whole(S0, [WILL])  # no undertaking inside it
    assert answers_whole(S1, [WILL])
    assert not answers_whole(S1, [])
    assert not answers_whole(Sentence(0, "The department will publish guidance by May.", 0, 45), [4])


def test_whole_answers_join_every_asks_evidence_once_with_their_cosines():
    sims = np.array([[0.5, 0.12], [0.4, 0.31]])
    chosen = (Alignment(1, 1, 0.31),)
    out = add_whole_answers(chosen, ASKS, sims, whole=[1])
    assert out == (Alignment(0, 1, 0.12), Alignment(1, 1, 0.31))
    assert add_whole_answers(chosen, ASKS, sims, whole=[]) == chosen

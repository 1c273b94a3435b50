"""Which findings speak for the responder: shared UPR replies, standing procedures, other bodies."""

import pytest

from respassess.gaps_scope import is_procedure, is_responder, restrict
from respassess.segment import own_answer_end
from respassess.types import Commitment, CommitmentStrength, Sentence

# upr_slovenia.jsonl (dev split): a shared reply whose tail answers recommendations 140.145 and 146
UPR_SHARED = ("Slovenia provides a minimum of 12 years of free education, with children enrolled in nine years of "
              "primary education and the possibility of free enrolment in secondary education.\n140.145, 146\n"
              "Slovenia will adopt modern approaches to raise awareness of sustainable practices.")


def _commit(text, actor, deadline=None):
    return Commitment(text=text, start=0, end=len(text), actor=actor, strength=CommitmentStrength.FIRM,
                      sentence_index=0, deadline=deadline)


def test_findings_after_the_own_answer_are_dropped():
    end = own_answer_end(UPR_SHARED)
    assert UPR_SHARED[:end].rstrip().endswith("secondary education.")
    assert "140.145" not in UPR_SHARED[:end]
    sents = [Sentence(0, "x", 0, 10), Sentence(1, "y", end + 20, end + 30)]
    assert restrict(sents, end) == sents[:1]


@pytest.mark.parametrize("actor, expected", [
    ("UHBW", True), ("The CAA", True), ("Slovenia", True), ("Derby & Derbyshire ICB", True),
    ("Chief Executive Officer South East Coast Ambulance Service NHS Foundation Trust", True), (None, True),
    ("a social worker", False), ("the court", False), ("Clinical staff", False), ("they", False),
    # the responder's own people (nz-taic-024-10-333, dev split: "CAA staff will engage with Airways")
    ("CAA staff", True), ("our team", True), ("the Trust's officers", True), ("The team", False),
])
def test_responder_or_someone_else(actor, expected):
    assert is_responder(actor) is expected


@pytest.mark.parametrize("text, actor, deadline, expected", [
    # standing procedure (uk_pfd.jsonl, upr_slovenia.jsonl dev records)
    ("the court will assign a defence counsel ex officio if a minor is not yet represented", "the court", None, True),
    ("a social worker will make their methodology clear in the S42 report", "a social worker", None, True),
    ("A higher response will be reached", "NHS England & NHS Improvement", None, True),
    ("pending which the case will be dealt with as a Category 3 emergency ambulance response",
     "NHS England & NHS Improvement", None, True),
    ("they will present their rationale for the approach they take", "they", None, True),
    # undertakings, whoever the subject
    ("A review will be undertaken of the referral pathway", "The Government", None, False),
    ("The Government will publish the strategy", "The Government", None, False),
    ("the team will develop new guidance for staff", "the team", None, False),
    ("CAA staff will engage with Airways to specifically address the issue", "CAA staff", None, False),
    ("a nephrologist will attend twice a week", "a nephrologist", "from March 2025", False),
    # nz_taic_all.jsonl (dev split): a one-off dispatch to named recipients, whatever its indefinite subject
    (("An advice (for inclusion in the SSM manual) will be sent to all our clients to ensure they are aware of the "
      "requirement"), "SGS M&I Ships Management System", None, False),
])
def test_procedure_or_undertaking(text, actor, deadline, expected):
    assert is_procedure(_commit(text, actor, deadline), None) is expected


def test_a_rule_sentence_makes_a_procedure_only_for_someone_else():
    rule = "When a safeguarding concern is received, the duty officer will triage it."
    other = _commit("the duty officer will triage it", "the duty officer")
    assert is_procedure(other, Sentence(0, rule, 0, len(rule)))
    own_rule = "If funding is secured, the Government will expand the service."
    mine = _commit("the Government will expand the service", "the Government")
    assert not is_procedure(mine, Sentence(0, own_rule, 0, len(own_rule)))

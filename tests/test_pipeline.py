"""The whole assessment path with the real spaCy and MiniLM models."""

import json

import pytest

import respassess
from respassess import AskLabel, GapKind, Stance
from respassess.config import AssessConfig
from respassess.pipeline import detect_language
from respassess.records import read_records, record_from_strings
from tests.conftest import REPO_ROOT


@pytest.fixture(scope="module")
def seed_assessment(assessor, seed_record):
    return assessor.assess(seed_record)


def test_seed_stance_is_read_from_text_not_label(seed_assessment):
    call = seed_assessment.stance
    assert call.stance is Stance.ACCEPTED
    assert call.official_status == "Acknowledged"
    assert call.mismatch
    assert "agrees" in call.evidence.text


def test_seed_asks_cover_the_five_parts(seed_assessment):
    texts = " | ".join(a.ask.text for a in seed_assessment.asks).lower()
    for part in ("improve its data", "costed", "plan", "concrete actions", "interdependencies", "metrics"):
        assert part in texts
    rec = seed_assessment.record.recommendation
    for a in seed_assessment.asks:
        assert rec[a.ask.start:a.ask.end] == a.ask.text
    costed = next(a for a in seed_assessment.asks if "costed" in a.ask.text)
    assert costed.label is AskLabel.UNADDRESSED
    plan = next(a for a in seed_assessment.asks if a.ask.text.startswith("plan"))
    assert plan.label is AskLabel.PARTIAL
    assert any("later this year" in s.text for s in plan.evidence)
    assert 0 < seed_assessment.coverage < 0.5


def test_seed_later_this_year_is_visible_and_plan_pending_is_pasteable(seed_assessment):
    later = [d for d in seed_assessment.dates if d.text == "later this year"]
    assert later and later[0].vague and later[0].relative
    gap = next(g for g in seed_assessment.gaps if g.kind is GapKind.PLAN_PENDING)
    assert gap.message.startswith("Costed plan still pending")
    assert "later this year" in gap.message
    assert any("set out plans" in e.text for e in gap.evidence)
    assert {GapKind.NO_FUNDING, GapKind.NO_METRICS, GapKind.UNADDRESSED_CLAUSE} <= set(seed_assessment.gap_kinds)


def test_every_offset_indexes_its_source(seed_assessment):
    response = seed_assessment.record.response
    findings = (*seed_assessment.sentences, *seed_assessment.commitments, *seed_assessment.actions,
                *seed_assessment.dates, *seed_assessment.amounts)
    for f in findings:
        assert response[f.start:f.end] == f.text
    for g in seed_assessment.gaps:
        for e in g.evidence:
            source = response if e.field.value == "response" else seed_assessment.record.recommendation
            assert source[e.start:e.end] == e.text


def test_json_is_deterministic_and_carries_config_and_versions(assessor, seed_record, seed_assessment):
    again = assessor.assess(seed_record)
    a, b = (json.dumps(x.to_dict(), sort_keys=True) for x in (seed_assessment, again))
    assert a == b
    data = seed_assessment.to_dict()
    assert data["config_id"] == AssessConfig().config_id
    assert data["versions"]["embedder"].startswith("st:")
    assert data["versions"]["spacy_model"].startswith("en_core_web_sm")


def test_assess_many_matches_assess_one_by_one(assessor):
    records = read_records(REPO_ROOT / "corpus" / "au_dev.jsonl")[:6]
    batched = [a.to_dict() for a in assessor.assess_many(records, batch_size=4)]
    single = [assessor.assess(r).to_dict() for r in records]
    assert batched == single
    assert [a["id"] for a in batched] == [r.id for r in records]


def test_findings_carry_the_cosines_the_evidence_was_chosen_from(assessor, seed_record):
    import numpy as np

    from respassess.align.match import similarity_matrix

    (f,) = assessor.find([seed_record])
    fresh = similarity_matrix(assessor.embedder.encode([a.text for a in f.asks]),
                              assessor.embedder.encode([s.text for s in f.sentences]))
    assert f.similarities.shape == (len(f.asks), len(f.sentences))
    assert np.allclose(f.similarities, fresh, atol=1e-5)
    # the evidence's cosines are read off this matrix, not recomputed
    for ev in f.evidence:
        if ev.sentences:
            assert ev.best_similarity == pytest.approx(max(f.similarities[ev.ask.index, s.index]
                                                           for s in ev.sentences), abs=1e-5)


def test_label_stances_of_australian_records(assessor):
    records = read_records(REPO_ROOT / "corpus" / "au_dev.jsonl")
    by_label = {"Supported": Stance.ACCEPTED, "Not supported": Stance.REJECTED, "Noted": Stance.NOTED}
    chosen = [r for r in records if r.official_status in by_label][:12]
    results = list(assessor.assess_many(chosen))
    agree = sum(a.stance.stance is by_label[r.official_status] for a, r in zip(results, chosen))
    assert agree >= len(chosen) - 1


def test_money_reported_in_an_australian_reply_does_not_decline_the_ask(assessor):
    # invented, in the genre: Budget amounts are common in Australian replies and rare in the training asks
    a = respassess.assess(
        "The Committee recommends that the Australian Government provide additional funding to the Australian Federal "
        "Police to expand its cybercrime investigation capability.",
        "Noted.\nThe Government is committed to ensuring the AFP has the capabilities it needs to combat cybercrime. "
        "In the 2023–24 Budget, the Government provided $89.9 million over four years to establish the Joint "
        "Policing Cybercrime Coordination Centre. Future resourcing for the AFP will be considered through the "
        "normal Budget processes.", assessor=assessor, jurisdiction="Australia", response_date="2023-06-15")
    assert a.amounts and a.amounts[0].value == 89.9e6
    assert all(x.label is not AskLabel.REJECTED for x in a.asks)
    assert GapKind.REJECTED not in {g.kind for g in a.gaps}


def test_empty_response_leaves_every_ask_unaddressed(assessor):
    a = assessor.assess(record_from_strings("Publish a plan and fund it with metrics.", ""))
    assert a.asks and all(x.label is AskLabel.UNADDRESSED for x in a.asks)
    assert a.stance.stance is Stance.UNCLEAR
    assert any("empty" in w for w in a.warnings)


def test_public_assess_function_with_metadata(assessor):
    a = respassess.assess("The Government should publish a plan.",
                          "The Government agrees and will publish it by March 2025.",
                          assessor=assessor, id="x1", response_date="2024-06-01", jurisdiction="United Kingdom")
    assert a.record_id == "x1" and a.stance.stance is Stance.ACCEPTED
    assert [d.value for d in a.dates] == ["2025-03"]
    assert a.commitments and a.commitments[0].deadline == "by March 2025"


def test_recommendation_date_places_relative_dates_when_the_response_date_is_unknown(assessor):
    # coroners' PFD records carry the report's date only (records/uk_pfd.jsonl)
    rec, resp = "The Department should review its guidance.", "We will publish revised guidance by this Spring."
    bare = respassess.assess(rec, resp, assessor=assessor, jurisdiction="United Kingdom")
    dated = respassess.assess(rec, resp, assessor=assessor, jurisdiction="United Kingdom",
                              recommendation_date="2024-11-06")
    assert [d.value for d in bare.dates] == [None]
    assert [d.value for d in dated.dates] == ["2025-03/2025-05"] and "anchor" in dated.dates[0].note


def test_non_english_is_reported():
    assert detect_language("La Vlada podpira to priporočilo in bo pripravila načrt do konca leta za vse.") == "non-en"
    assert detect_language("The Government supports this recommendation and will publish the plan.") == "en"
    assert detect_language("Agreed.") is None


def test_an_undertaking_on_the_whole_recommendation_answers_every_ask(assessor):
    # au-otd1140-rec10: four specific legislative asks, one reply "will progress this recommendation through
    # appropriate legislative action" (the guide's own example of a partial answer)
    record = next(r for r in read_records(REPO_ROOT / "corpus" / "au_dev.jsonl") if r.id == "au-otd1140-rec10")
    a = assessor.assess(record)
    undertaking = next(s for s in a.sentences if "will progress this recommendation" in s.text)
    assert len(a.asks) >= 3
    # whatever the model calls each ask, none is left with nothing, and each shows the undertaking
    assert all(x.label is not AskLabel.UNADDRESSED and undertaking in x.evidence for x in a.asks)
    assert GapKind.UNADDRESSED_CLAUSE not in a.gap_kinds


def test_an_undertaking_that_names_no_ask_still_answers_the_recommendation(nlp, embedder):
    # au-otd1140-rec13: "accepts this recommendation in principle ... will propose legislative reforms that
    # ensure thresholds are appropriate"; gold: every ask partial. The rule labeller leaves every ask with
    # nothing (no sentence is close to "section 178 be amended"), which is when the undertaking steps in;
    # the shipped model's calls on this record move with each retraining.
    from respassess.config import RULES
    from respassess.pipeline import Assessor

    record = next(r for r in read_records(REPO_ROOT / "corpus" / "au_dev.jsonl") if r.id == "au-otd1140-rec13")
    a = Assessor(AssessConfig().replace(coverage_model=RULES), nlp=nlp, embedder=embedder).assess(record)
    assert a.stance.stance is Stance.ACCEPTED_IN_PRINCIPLE
    assert a.asks and all(x.label is AskLabel.PARTIAL and x.evidence for x in a.asks)
    assert any("will propose legislative reforms" in " ".join(s.text.split()) for x in a.asks for s in x.evidence)


def test_the_stance_model_is_a_setting(nlp, embedder, assessor, tmp_path):
    # a reply that states no position, where the learned model and the conduct rules may differ
    from respassess.config import RULES
    from respassess.pipeline import Assessor
    from respassess.stance import read_stance

    record = record_from_strings("Review the rota.", "The team has updated the rota and has briefed the crews.")
    rules = Assessor(AssessConfig(stance_model=RULES), nlp=nlp, embedder=embedder)
    assert rules.stance_model is None and "stance_model" not in rules.versions
    findings = rules.find([record])[0]
    alone = read_stance(findings.sentences, commitments=findings.commitments, actions=findings.actions,
                        response=findings.response, model=False)
    assert findings.stance == alone
    # a path names another model file, which is then the one used and reported
    shipped = assessor.stance_model
    copy = type(shipped).from_dict({**shipped.to_dict(), "date": "copy-for-test"})
    named = Assessor(AssessConfig(stance_model=str(copy.save(tmp_path / "stance.json"))), nlp=nlp, embedder=embedder)
    assert named.versions["stance_model"].startswith("stance-lr-v1-copy-for-test")
    assert named.assess(record).stance.stance is assessor.assess(record).stance.stance

"""`respassess doctor`'s checks name every shipped model and fail on a bad one."""

from respassess.config import AssessConfig
from respassess.doctor import run_checks


def _checks(**settings):
    return {name: (value, good) for name, value, good in run_checks(AssessConfig(embedder_kind="hashing", **settings))}


def test_doctor_reports_the_shipped_evidence_model():
    value, good = _checks()["evidence model"]
    assert good and "threshold" in value


def test_doctor_reports_the_cosine_rule_and_a_missing_model(tmp_path):
    assert _checks(evidence_model="rules")["evidence model"] == ("none (cosine rule)", True)
    value, good = _checks(evidence_model=str(tmp_path / "nope.json"))["evidence model"]
    assert not good and "does not exist" in value


def test_doctor_reports_the_stance_model_the_settings_name(tmp_path):
    value, good = _checks()["stance model"]
    assert good and value.startswith("stance-lr-")
    assert _checks(stance_model="rules")["stance model"] == ("none (rules only)", True)
    value, good = _checks(stance_model=str(tmp_path / "nope.json"))["stance model"]
    assert not good and "does not exist" in value

"""The command line: help and examples everywhere, clean errors, fast start."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from respassess.cli import cli
from tests.conftest import FIXTURES, shared_path


def _commands():
    return sorted(cli.commands)


@pytest.mark.parametrize("name", _commands())
def test_every_command_has_help_with_an_example(name):
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output


def test_commands_are_documented_in_readme():
    from tests.conftest import REPO_ROOT

    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    for name in _commands():
        assert f"respassess {name}" in readme, f"README does not show `respassess {name}`"


def test_help_does_not_import_torch_or_spacy():
    code = ("import sys\nfrom click.testing import CliRunner\nfrom respassess.cli import cli\n"
            "r = CliRunner().invoke(cli, ['--help'])\nassert r.exit_code == 0\n"
            "print(sorted(m for m in ('torch', 'spacy', 'sentence_transformers', 'pandas') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_assess_seed_tracker_page_names_the_pending_costed_plan():
    page = shared_path("seed", "uk-pac-rec7-send.txt")
    result = CliRunner().invoke(cli, ["assess", str(page), "--format", "md"])
    assert result.exit_code == 0, result.output
    assert "Costed plan still pending" in result.output
    assert "later this year" in result.output


def test_assess_strings_to_json():
    result = CliRunner().invoke(cli, ["assess", "--recommendation", "Publish a plan.", "--response",
                                      "Not supported.", "--embedder-kind", "hashing"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["stance"] == "rejected"
    assert data["versions"]["embedder"].startswith("hashing")


def test_errors_are_one_clean_line_with_exit_1(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "response": "x"}\n')
    result = CliRunner().invoke(cli, ["assess", str(bad), "--embedder-kind", "hashing"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and "field 'recommendation'" in result.output
    assert "Traceback" not in result.output


def test_usage_mistakes_exit_2():
    assert CliRunner().invoke(cli, ["assess"]).exit_code == 2
    assert CliRunner().invoke(cli, ["score", str(FIXTURES / "uk_pac_seed.jsonl")]).exit_code == 2


def test_score_writes_jsonl_and_reports_counts(tmp_path):
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["score", str(FIXTURES / "uk_pac_seed.jsonl"), "--out", str(out), "--quiet",
                                      "--embedder-kind", "hashing"])
    assert result.exit_code == 0, result.output
    assert "scored 1, skipped 0" in result.output
    (line,) = out.read_text().splitlines()
    assert json.loads(line)["id"] == "uk-pac-send-r7"


def test_evaluate_dev_only_never_scores_held_out_records(tmp_path):
    from respassess.evaluate import heldout_split

    rows = [{"id": f"r{i}", "stance": "accepted", "clauses": [{"text": "publish a plan", "label": "addressed"}],
             "gaps": [], "coverage": 1.0} for i in range(9)]
    splits = [heldout_split(r["id"]) for r in rows]
    assert "test" in splits and "dev" in splits
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "eval"
    result = CliRunner().invoke(cli, ["evaluate", str(gold), "--pred", str(gold), "--dev-only", "--out", str(out),
                                      "--bootstrap", "0"])
    assert result.exit_code == 0, result.output
    metrics = json.loads((out / "metrics.json").read_text())
    assert metrics["n_gold"] == splits.count("dev")
    assert not metrics["splits"]["test"].get("n_records")


@pytest.mark.parametrize("folds,other,message", [
    (1, [], "at least 2 folds"),
    (5, ["--pred", "GOLD"], "cannot be combined with --pred"),
    (5, ["--agreement", "GOLD"], "cannot be combined with --agreement"),
])
def test_evaluate_cross_fit_refuses_what_it_cannot_do(tmp_path, folds, other, message):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "r1", "stance": "accepted", "clauses": [], "gaps": [], "coverage": None}) + "\n")
    args = ["evaluate", str(gold), "--cross-fit", str(folds), "--out", str(tmp_path / "e"), "--records", str(gold),
            *[str(gold) if a == "GOLD" else a for a in other]]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code != 0 and message in result.output and "--cross-fit" in result.output


def test_assess_a_response_document_saved_as_text_picks_the_numbered_recommendation():
    """Australian doc 1140 as extracted text: not a tracker page, so it is split like the PDF would be."""
    doc = FIXTURES / "au_otd" / "1140_1364.part1.txt"
    result = CliRunner().invoke(cli, ["assess", str(doc), "--id", "2", "--embedder-kind", "hashing"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["meta"]["rec_number"] == "2"
    split = CliRunner().invoke(cli, ["split", str(doc)])
    second = [json.loads(line) for line in split.stdout.splitlines() if line.startswith("{")][1]
    assert data["id"] == second["id"] and data["asks"][0]["text"][:40] in second["recommendation"]

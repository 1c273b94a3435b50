"""Reading records: JSONL/CSV/Parquet, bad rows reported with file, line and field."""

import json

import pytest

from respassess.errors import InputFormatError, RecordError
from respassess.records import iter_records, read_records, record_from_strings
from tests.conftest import FIXTURES, shared_path


def test_seed_jsonl_keeps_metadata():
    (rec,) = read_records(FIXTURES / "uk_pac_seed.jsonl")
    assert rec.id == "uk-pac-send-r7"
    assert rec.official_status == "Acknowledged"
    assert rec.recommendation.startswith("The Department should urgently improve its data")
    assert rec.meta["summary"].startswith("Establish DfE")


def test_real_australian_records_all_read():
    recs = read_records(shared_path("records", "au_dev.jsonl"))
    assert len(recs) == 51
    assert {r.official_status for r in recs} >= {"Supported", "Noted"}
    assert all(r.response_date == "2023-02" for r in recs)


def test_bad_jsonl_lines_are_reported_and_the_rest_read(tmp_path):
    good = {"id": "a", "recommendation": "Publish a plan.", "response": "Agreed."}
    lines = [json.dumps(good), "{not json", json.dumps({"id": "b", "response": "x"}),
             json.dumps({"id": "c", "recommendation": "   ", "response": "x"}),
             json.dumps({"id": "d", "recommendation": 5, "response": "x"}), json.dumps(good)]
    path = tmp_path / "in.jsonl"
    path.write_bytes(("\n".join(lines) + "\n").encode() + b'{"id": "e", "recommendation": "\xff"}\n')
    items = list(iter_records(path))
    good_ids = [i.id for i in items if not isinstance(i, RecordError)]
    errors = {e.line: str(e) for e in items if isinstance(e, RecordError)}
    assert good_ids == ["a"]
    assert "line 2" in errors[2] and "invalid JSON" in errors[2]
    assert "field 'recommendation'" in errors[3] and "missing" in errors[3]
    assert "is empty" in errors[4]
    assert "must be text, got int" in errors[5]
    assert "duplicate id" in errors[6]
    assert "not valid UTF-8" in errors[7]


def test_read_records_raises_on_first_bad_row(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "a", "response": "x"}\n')
    with pytest.raises(RecordError, match=r"in.jsonl, line 1, record 'a', field 'recommendation': missing"):
        read_records(path)


def test_csv_with_embedded_newlines_and_parquet(tmp_path):
    import pandas as pd

    rows = [{"id": "x1", "recommendation": "Publish a plan,\nwith metrics.", "response": "Agreed.\n\nWe will.",
             "official_status": "Supported"},
            {"id": "x2", "recommendation": "Fund it.", "response": "", "official_status": None}]
    pd.DataFrame(rows).to_csv(tmp_path / "r.csv", index=False)
    pd.DataFrame(rows).to_parquet(tmp_path / "r.parquet", index=False)
    for name in ("r.csv", "r.parquet"):
        recs = read_records(tmp_path / name)
        assert [r.recommendation for r in recs] == ["Publish a plan,\nwith metrics.", "Fund it."]
        assert recs[0].response == "Agreed.\n\nWe will."
        assert recs[1].response == "" and recs[1].official_status is None


def test_unknown_suffix_and_missing_file():
    with pytest.raises(InputFormatError, match=r"input file suffix.*\.xlsx"):
        list(iter_records("records.xlsx"))
    with pytest.raises(InputFormatError, match="does not exist"):
        list(iter_records("no/such/file.jsonl"))


def test_record_from_strings_validates():
    rec = record_from_strings("Do X.", "Agreed.", official_status="Noted")
    assert rec.official_status == "Noted" and rec.id == "record-1"
    with pytest.raises(RecordError, match="must be text, got NoneType|is empty"):
        record_from_strings("", "x")

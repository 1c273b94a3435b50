"""Bad input files: every bad row is reported with its line number, every good row is read."""

from __future__ import annotations

import json

import pytest

from respassess.errors import InputFormatError, RecordError
from respassess.records import iter_records, read_records, record_from_mapping
from respassess.types import Record
from tests.conftest import FIXTURES

AU_ROWS = [json.loads(line) for line in (FIXTURES / "au_dev.jsonl").read_text(encoding="utf-8").splitlines()][:4]


def _items(path):
    return list(iter_records(path))


def _by_line(items):
    return {(i.meta["source_line"] if isinstance(i, Record) else i.line): i for i in items}


def test_jsonl_truncated_non_utf8_duplicate_and_surrogate_lines(tmp_path):
    good = [json.dumps(r, ensure_ascii=False).encode() for r in AU_ROWS]
    lines = [
        good[0],
        good[1][: len(good[1]) // 2],                                                   # 2 truncated
        good[2],
        good[2],                                                                        # 4 duplicate id
        b'{"id": "latin", "recommendation": "Caf\xe9 should close.", "response": ""}',  # 5 Latin-1 byte
        b'{"id": "sur", "recommendation": "Publish \\ud800 it.", "response": ""}',      # 6 lone surrogate
        b"[1, 2]",                                                                      # 7 not an object
        b'{"id": "t", "recommendation": 5}',                                            # 8 wrong type
        b"",                                                                            # blank: ignored
        good[3],
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    found = _by_line(_items(path))
    assert sorted(found) == [1, 2, 3, 4, 5, 6, 7, 8, 10]
    assert [found[n].id for n in (1, 3, 10)] == [AU_ROWS[0]["id"], AU_ROWS[2]["id"], AU_ROWS[3]["id"]]
    messages = {n: str(found[n]) for n in (2, 4, 5, 6, 7, 8)}
    assert all(isinstance(found[n], RecordError) for n in messages)
    assert messages[2].startswith(f"{path}, line 2: invalid JSON")
    assert "duplicate id" in messages[4] and found[4].record_id == AU_ROWS[2]["id"]
    assert "line 5: not valid UTF-8 at byte 38" in messages[5]
    assert "field 'recommendation': holds an unpaired surrogate (U+D800) at character 8" in messages[6]
    assert "expected a JSON object, got list" in messages[7]
    assert "must be text, got int" in messages[8]


def test_jsonl_byte_order_mark_on_the_first_line_is_not_an_error(tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(AU_ROWS[0]).encode() + b"\n" + json.dumps(AU_ROWS[1]).encode())
    assert [r.id for r in read_records(path)] == [AU_ROWS[0]["id"], AU_ROWS[1]["id"]]


def test_csv_embedded_newlines_and_a_runaway_quote_lose_only_the_bad_row(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text('id,recommendation,response\n'
                    '1,"Publish a\nplan, now.","Agreed.\n\nIt will, by 2025."\n'   # lines 2-5
                    '2,"The Department should act,x\n'                           # line 6: quote never closed
                    '3,Review the rule,Noted\n'
                    '4,"Fund it ""fully""",Agreed\n', encoding="utf-8", newline="")
    found = _by_line(_items(path))
    assert sorted(found) == [2, 6, 7, 8]
    assert found[2].recommendation == "Publish a\nplan, now." and found[2].response == "Agreed.\n\nIt will, by 2025."
    assert isinstance(found[6], RecordError)
    assert str(found[6]) == (f"{path}, line 6: a quote opened on this line is never closed (the row would run on "
                             'to line 8); close or escape the quote ("")')
    assert (found[7].id, found[7].recommendation) == ("3", "Review the rule")
    assert found[8].recommendation == 'Fund it "fully"'


def test_csv_with_one_bad_byte_reports_that_row_and_reads_the_rest(tmp_path):
    path = tmp_path / "cp1252.csv"
    path.write_bytes(b"id,recommendation,response\n1,Caf\xe9s should close,Agreed\n2,Publish the plan,Agreed\n")
    first, second = _items(path)
    assert isinstance(first, RecordError)
    assert str(first) == (f"{path}, line 2, record '1', field 'recommendation': holds a byte that is not valid UTF-8 "
                          "(0xe9) at character 3; fix the text's encoding (re-save the file as UTF-8)")
    assert second.id == "2"


def test_csv_without_a_recommendation_column_is_refused_as_a_whole(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("", encoding="utf-8")
    with pytest.raises(InputFormatError, match=r"empty\.csv: the CSV header must name a 'recommendation' column"):
        _items(path)


def test_empty_jsonl_yields_nothing(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    assert _items(path) == []


@pytest.mark.parametrize("row,match", [
    ({"id": "a", "recommendation": "  \n\t"}, r"record 'a', field 'recommendation': is empty"),
    ({"id": "a", "recommendation": "Act.", "response": ["x"]}, r"field 'response': must be text, got list"),
    ({"id": 1.5, "recommendation": "Act."}, r"field 'id': id must be a string or integer, got float"),
    ({"id": "a", "recommendation": "Act.", "notes": {"k": ["ok", "bad \udcff"]}},
     r"field 'notes': holds a byte that is not valid UTF-8 \(0xff\)"),
    ({"id": "x\ud83d", "recommendation": "Act."}, r"field 'id': holds an unpaired surrogate \(U\+D83D\)"),
])
def test_record_from_mapping_refuses_bad_rows_clearly(row, match):
    with pytest.raises(RecordError, match=match):
        record_from_mapping(row, source="rows", line=3)


def test_non_finite_metadata_becomes_null_so_the_json_is_strict():
    from respassess.types import _jsonable

    assert _jsonable({"a": float("inf"), "b": float("nan"), "c": -float("inf"), "d": 1.5}) == {
        "a": None, "b": None, "c": None, "d": 1.5}
    json.dumps(_jsonable({"x": [float("inf")]}), allow_nan=False)

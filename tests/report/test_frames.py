"""Assessments as pandas tables (respassess.report.frames)."""

from __future__ import annotations

from respassess.report.frames import TABLE_COLUMNS, assessments_to_frames, record_year


def test_frames_have_one_row_per_item(gold_assessments):
    frames = assessments_to_frames(gold_assessments)
    assert set(frames) == set(TABLE_COLUMNS)
    for name, frame in frames.items():
        assert list(frame.columns) == TABLE_COLUMNS[name]
    assert len(frames["records"]) == len(gold_assessments)
    for name in ("asks", "gaps", "commitments", "dates", "amounts"):
        assert len(frames[name]) == sum(len(a[name]) for a in gold_assessments), name
    seed = frames["records"].set_index("record_id").loc["uk-pac-send-r7"]
    assert seed["n_asks"] == 6 and seed["n_unaddressed"] == 4 and seed["coverage"] == 0.17
    assert "plan_pending" in seed["gap_kinds"]
    amounts = frames["amounts"]
    assert amounts.loc[amounts["record_id"] == "uk-pac-send-r7", "value"].iloc[0] == 1e9


def test_frames_split_intervals_and_accept_gold_format():
    a = {"id": "r1", "stance": "accepted", "clauses": [{"text": "x", "label": "partial", "evidence": ["e1", "e2"]}],
         "gaps": ["no_timeline"], "meta": {"response_date": "2024-03-21", "jurisdiction": "UK"},
         "dates": [{"text": "March 2025", "start": 4, "end": 14, "value": "2025-03",
                    "interval": ["2025-03-01", "2025-03-31"], "role": "deadline"}]}
    frames = assessments_to_frames([a])
    assert frames["dates"].iloc[0]["interval_end"] == "2025-03-31"
    assert frames["asks"].iloc[0]["evidence"] == "e1 | e2"
    assert frames["gaps"].iloc[0]["kind"] == "no_timeline"
    assert frames["records"].iloc[0]["year"] == 2024


def test_empty_input_gives_empty_tables_with_columns():
    frames = assessments_to_frames([])
    assert all(len(f) == 0 and list(f.columns) == TABLE_COLUMNS[n] for n, f in frames.items())


def test_record_year():
    assert record_year({"meta": {"response_date": "2023-02"}}) == 2023
    assert record_year({"meta": {"response_date": None}}) is None
    assert record_year({"meta": {"response_date": "Feb 2023"}}) is None

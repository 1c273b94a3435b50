"""The corpus report (respassess.report.corpus)."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest

from respassess.errors import GoldFormatError
from respassess.report.corpus import deadline_date, write_corpus_report


def _commitment_record(rid, text, deadline, date_text, value, interval_end=None, jurisdiction="New Zealand"):
    response = f"{text} Other text."
    start = response.index(date_text) if date_text else 0
    return {"id": rid, "stance": "accepted", "coverage": 0.5, "meta": {"jurisdiction": jurisdiction},
            "asks": [{"text": "do it", "label": "partial", "evidence": [{"text": text}]}], "gaps": [],
            "commitments": [{"text": text, "start": 0, "end": len(text), "actor": "The Ministry", "strength": "firm",
                             "deadline": deadline}],
            "dates": [{"text": date_text, "start": start, "end": start + len(date_text), "value": value,
                       "interval": [None, interval_end], "role": "deadline"}] if date_text else []}


def test_deadline_date():
    c = {"text": "will publish by March 2025", "start": 0, "end": 26, "deadline": "by March 2025"}
    march = {"text": "March 2025", "start": 16, "end": 26, "value": "2025-03"}
    assert deadline_date(c, [march]) == dt.date(2025, 3, 31)
    assert deadline_date(c, [{"text": "March 2025", "start": 16, "value": "2025-03",
                              "interval": ["2025-03-01", "2025-03-15"]}]) == dt.date(2025, 3, 15)
    assert deadline_date(c, [{"text": "March 2025", "start": 16, "value": "2024/2025"}]) == dt.date(2025, 12, 31)
    assert deadline_date({**c, "deadline": None}, [{"text": "March 2025", "value": "2025-03"}]) is None
    assert deadline_date({**c, "deadline": "in due course"}, [{"text": "in due course", "value": None}]) is None


def test_corpus_report_marks_overdue_soonest_first_and_escapes(tmp_path):
    records = [
        _commitment_record("late", "The Ministry will report by June 2024.", "by June 2024", "June 2024", "2024-06"),
        _commitment_record("soon", "The Ministry will act by 2026.", "by 2026", "2026", "2026"),
        _commitment_record("none", "The Ministry will <script>alert(1)</script> consider it.", None, None, None),
    ]
    out = write_corpus_report(records, tmp_path / "r" / "report.html", as_of=dt.date(2025, 1, 1))
    html = out.read_text(encoding="utf-8")
    assert html.count("<script>") == 1  # only the inline sorting script
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    rows = re.findall(r'<tr><td class="nowrap">([\d-]*)</td><td( class="overdue")?>([^<]+)</td>'
                      r'<td><a href="#rec-(\w+)"', html)
    assert [(due, bool(flag), status, rid) for due, flag, status, rid in rows] == [
        ("2024-06-30", True, "overdue", "late"), ("2026-12-31", False, "due", "soon"),
        ("", False, "no deadline", "none")]
    assert 'id="rec-late"' in html


def test_corpus_report_on_real_assessments_is_self_contained(gold_assessments, tmp_path):
    out = write_corpus_report(gold_assessments, tmp_path / "corpus.html", as_of=dt.date(2025, 6, 1),
                              tables_dir=tmp_path / "tables")
    html = out.read_text(encoding="utf-8")
    assert 'src="http' not in html and 'href="http' not in html and "<link" not in html
    assert len(re.findall(r'<img src="data:image/png;base64,', html)) >= 5
    for heading in ("Stance", "Coverage", "Gaps", "Commitments and deadlines", "Records", "Evidence by record"):
        assert f"<h2>{heading}</h2>" in html
    assert "Australia (Commonwealth)" in html and "class=\"overdue\"" in html
    for name in ("records", "asks", "gaps", "commitments", "dates", "amounts"):
        csv = pd.read_csv(tmp_path / "tables" / f"{name}.csv")
        parquet = pd.read_parquet(tmp_path / "tables" / f"{name}.parquet")
        assert len(csv) == len(parquet)
    assert len(pd.read_parquet(tmp_path / "tables" / "records.parquet")) == len(gold_assessments)


def test_corpus_report_from_a_jsonl_path(gold_assessments, tmp_path):
    import json

    path = tmp_path / "assessments.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in gold_assessments[:5]), encoding="utf-8")
    html = write_corpus_report(path, tmp_path / "c.html").read_text(encoding="utf-8")
    assert "5 records" in html
    path.write_text('{"id": "x", "stance": "perhaps"}\n', encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"line 1, field 'stance'"):
        write_corpus_report(path, tmp_path / "c.html")


def test_a_flag_shows_its_measured_confidence_and_the_gaps_table_keeps_it(tmp_path):
    record = _commitment_record("r1", "The Ministry will consider it.", None, None, None)
    record["gaps"] = [{"kind": "hedged", "message": "Hedged.", "evidence": [], "confidence": 0.746},
                      {"kind": "no_timeline", "message": "No timeline.", "evidence": []}]
    out = write_corpus_report([record], tmp_path / "r.html", as_of=dt.date(2025, 1, 1), tables_dir=tmp_path / "t")
    html = out.read_text(encoding="utf-8")
    assert "Hedged. <small" in html and "(right 75 %)" in html and html.count("(right ") == 1
    gaps = pd.read_parquet(tmp_path / "t" / "gaps.parquet")
    confidence = gaps.set_index("kind")["confidence"]
    assert confidence["hedged"] == pytest.approx(0.746) and pd.isna(confidence["no_timeline"])

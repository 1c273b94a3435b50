"""Response tables (Word, HTML) read as recommendation/response pairs."""

from __future__ import annotations

import pytest

from respassess.records.documents import read_document
from respassess.records.split import split_document
from respassess.records.tables import table_lines
from tests.records.document_builders import make_docx

# the layout of Australian JCPAA and Senate responses set as a table (invented text)
NUMBERED = [["No.", "Recommendation", "Government response"],
            ["1", "The Committee recommends that Finance publish contract reporting guidance by June 2024.",
             "Agreed. Finance will publish updated guidance by June 2024."],
            ["2", "The Committee recommends that the ANAO audit compliance annually.",
             "Noted. This is a matter for the Auditor-General."]]
POSITIONED = [["Recommendation", "Government position", "Response"],
              ["1. Fund the rural service.", "Supported", "The Government will fund it from 2025."],
              ["2. Review the scheme.", "Not supported", "The scheme was reviewed in 2023."]]
HEADLESS = [["Recommendation 1\nThe Committee recommends that the Government fund X.",
             "Supported\nThe Government will fund X in 2025."],
            ["Recommendation 2\nThe Committee recommends that the Government review Y.",
             "Noted\nY is reviewed annually."]]


@pytest.mark.parametrize("rows, expected, first", [
    (NUMBERED, [("1", "Agreed"), ("2", "Noted")], NUMBERED[1][1]),
    (POSITIONED, [("1", "Supported"), ("2", "Not supported")], "Fund the rural service."),
    (HEADLESS, [("1", "Supported"), ("2", "Noted")], "The Committee recommends that the Government fund X."),
])
def test_response_tables_split_into_pairs_in_word_and_html(rows, expected, first):
    html = "<html><body><p>Government response</p><table>" + "".join(
        "<tr>" + "".join(f"<td>{c.replace(chr(10), '<br>')}</td>" for c in row) + "</tr>" for row in rows
    ) + "</table></body></html>"
    for document in (read_document(make_docx(["Government response to the Committee report"], table=rows),
                                   filename="r.docx"),
                     read_document(html.encode(), filename="r.html")):
        pairs = split_document(document).pairs
        assert [(p.rec_number, p.official_status) for p in pairs] == expected
        assert all(document.text[p.rec_start:p.rec_end] == p.recommendation for p in pairs)
        assert pairs[0].recommendation == first
        assert "2025" in pairs[0].response or "2024" in pairs[0].response


def test_other_tables_keep_one_line_per_row_and_merged_cells_once():
    assert table_lines([["Number", "Status"], ["001/23", "Accepted"]]) == ["Number\tStatus", "001/23\tAccepted"]
    assert table_lines([["Part A", "Part A", "Part A"], ["x", "y", "z"]]) == ["Part A", "x\ty\tz"]
    # a recommendation table whose row has no number to give it keeps the row as text
    assert table_lines([["Recommendation", "Response"], ["Fund it.", "Agreed."]]) == ["Fund it.\tAgreed."]

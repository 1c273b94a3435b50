"""Tests of respassess.records.documents (and the page-furniture helpers in pages.py)."""

from __future__ import annotations

import io
import zipfile

import pypdf
import pytest
from tests.conftest import shared_path
from tests.records.document_builders import make_docx, make_pdf

from respassess.errors import DocumentError
from respassess.records.documents import Document, read_document
from respassess.records.pages import is_page_number, strip_page_furniture, strip_page_numbers_unpaged

PAGE_BODY = [
    "The Committee recommends that the Department publish its data.",
    "Response: Agreed.",
    "The Department will publish the data by March 2025.",
    "It will report progress to the Committee every year.",
    "This includes the regional breakdowns the Committee asked for.",
]

WORDS = {1: "north", 2: "south", 3: "west"}  # page-specific words: digits alone would look like furniture


def _three_pages() -> list[list[str]]:
    return [["Government response to the review - GOV.UK", f"Recommendation {n}", *(f"{ln} ({WORDS[n]})" for ln in PAGE_BODY),
             f"https://www.gov.uk/government/publications/a-very-long-address-of-the-response {n}/3"]
            for n in (1, 2, 3)]


# --- PDF --------------------------------------------------------------------------------------

def test_pdf_running_headers_footers_removed_and_page_ranges_index_text():
    doc = read_document(make_pdf(_three_pages()), filename="response.pdf")
    assert doc.kind == "pdf" and doc.source == "response.pdf"
    assert "GOV.UK" not in doc.text and "https://" not in doc.text
    assert len(doc.pages) == 3
    for n, (start, end) in enumerate(doc.pages, 1):
        page = doc.text[start:end]
        assert page.startswith(f"Recommendation {n}") and page.endswith(f"{PAGE_BODY[-1]} ({WORDS[n]})")
        assert doc.page_of(start) == n
    assert any("removed 6" in w for w in doc.warnings)


def test_pdf_page_numbers_removed_only_at_page_edges():
    pages = [["Page %d of 2" % n, "Recommendation 4", "3", "is the number of sites visited.",
              *PAGE_BODY, str(n)] for n in (1, 2)]
    doc = read_document(make_pdf(pages), filename="numbers.pdf")
    assert "Page 1 of 2" not in doc.text
    assert "\n3\n" in doc.text  # a mid-page "3" is content
    assert not doc.text.rstrip().endswith("\n2")


def test_pdf_recommendation_heading_at_top_of_every_page_is_kept():
    doc = read_document(make_pdf(_three_pages()), filename="r.pdf")
    assert [ln for ln in doc.text.splitlines() if ln.startswith("Recommendation")] == [
        "Recommendation 1", "Recommendation 2", "Recommendation 3"]


def test_pdf_encrypted_is_refused_with_advice():
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(make_pdf(_three_pages()))))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(DocumentError, match=r"locked\.pdf: the PDF is password-protected .*unprotected copy"):
        read_document(buffer.getvalue(), filename="locked.pdf")


def test_pdf_encrypted_with_empty_user_password_is_read_with_a_warning():
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(make_pdf(_three_pages()))))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    doc = read_document(buffer.getvalue(), filename="owner-only.pdf")
    assert "Recommendation 2" in doc.text
    assert any("empty user password" in w for w in doc.warnings)


def test_pdf_truncated_is_refused():
    data = make_pdf(_three_pages())
    with pytest.raises(DocumentError, match=r"cut\.pdf: the PDF is truncated .*re-download"):
        read_document(data[: len(data) // 2], filename="cut.pdf")


def test_pdf_damaged_body_is_refused():
    data = make_pdf(_three_pages())
    damaged = data[:9] + b"garbage " * 60 + data[-30:]
    with pytest.raises(DocumentError, match=r"bad\.pdf: the PDF is damaged or truncated"):
        read_document(damaged, filename="bad.pdf")


def test_pdf_without_text_layer_says_ocr_not_supported():
    with pytest.raises(DocumentError, match=r"scan\.pdf: the PDF has no text layer .*OCR is not supported"):
        read_document(make_pdf([[], []]), filename="scan.pdf")


def test_real_pdf_dhsc_response():
    doc = read_document(shared_path("documents", "uk-dhsc-rapid-review-response-2024.pdf"))
    assert doc.kind == "pdf" and len(doc.pages) == 20
    assert "GOV.UK" not in doc.text and "11/24/25" not in doc.text
    assert doc.text.count("Government response to recommendation") == 13
    assert [s for s, _ in doc.pages] == sorted(s for s, _ in doc.pages)
    assert doc.pages[-1][1] == len(doc.text)


# --- size, type, path -------------------------------------------------------------------------

def test_over_size_limit_is_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("x" * 500)
    with pytest.raises(DocumentError, match=r"big\.txt: the file is 500 bytes, over the limit of 100; .*max_bytes"):
        read_document(path, max_bytes=100)


@pytest.mark.parametrize("name, data, match", [
    ("scan.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, r"scan\.png: unsupported file type '\.png'; supported types"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 50, r"old Word \.doc: re-save it as \.docx"),
    ("fake.pdf", b"hello, not a pdf", r"fake\.pdf: not a PDF \(no %PDF header\)"),
    ("fake.docx", b"hello, not a zip", r"fake\.docx: not a Word \.docx file"),
])
def test_unknown_or_mislabelled_type_is_refused(name, data, match):
    with pytest.raises(DocumentError, match=match):
        read_document(data, filename=name)


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(DocumentError, match=r"nope\.pdf: no such file; check the path"):
        read_document(tmp_path / "nope.pdf")


# --- DOCX -------------------------------------------------------------------------------------

def test_docx_paragraphs_and_tables_in_body_order():
    data = make_docx(["Recommendation 1", "The Ministry should review the rule.", "Response: Accepted"],
                     table=[["Number", "Status"], ["001/23", "Accepted"]])
    doc = read_document(data, filename="report.docx")
    assert doc.kind == "docx" and doc.pages == ((0, len(doc.text)),)
    assert doc.text.splitlines() == ["Recommendation 1", "The Ministry should review the rule.",
                                     "Response: Accepted", "Number\tStatus", "001/23\tAccepted"]


def test_docx_zip_bomb_is_refused_before_opening():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
        zf.writestr("word/media/image1.bin", b"\x00" * 20_000_000)
    with pytest.raises(DocumentError, match=r"bomb\.docx: the Word file unpacks to 20,000,0\d\d bytes .*zip bomb"):
        read_document(buffer.getvalue(), filename="bomb.docx")


def test_docx_uncompressed_size_over_limit_is_refused():
    data = make_docx(["Recommendation 1", "Some text. " * 200])
    limit = len(data) + 10  # the file fits, its unpacked parts do not
    with pytest.raises(DocumentError, match=rf"small\.docx: the Word file unpacks to [\d,]+ bytes \(limit {limit:,}\)"):
        read_document(data, filename="small.docx", max_bytes=limit)


def test_docx_truncated_is_refused():
    data = make_docx(["Recommendation 1", "The Ministry should act."])
    with pytest.raises(DocumentError, match=r"cut\.docx: the Word file is damaged or truncated"):
        read_document(data[: len(data) // 2], filename="cut.docx")


def test_docx_without_document_part_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("content.xml", "<x/>")
    with pytest.raises(DocumentError, match=r"odd\.docx: not a Word document \(no word/document\.xml\)"):
        read_document(buffer.getvalue(), filename="odd.docx")


def test_real_docx_taic_status_report():
    doc = read_document(shared_path("raw", "nz_taic", "taic_2023-06-30.SR.Report.to.Minister.docx"))
    assert doc.kind == "docx"
    lines = doc.text.splitlines()
    assert "AO-2022-001 (001/23)" in lines and "Update" in lines
    # the table of recommendations issued, written out in the headings layout
    at = lines.index("Recommendation 001/23")
    assert lines[at + 1].startswith("The Commission recommended that") and lines[at + 2:at + 4] == [
        "Response", "Under Consideration"]
    assert "Rail" in lines  # a section row across the table stays a line of its own


# --- HTML and text ----------------------------------------------------------------------------

def test_html_drops_script_style_nav_and_keeps_blocks_as_lines():
    html = (b"<html><head><title>t</title><style>p{}</style></head><body><nav>Home | Menu</nav>"
            b"<script>var x = 1;</script><h2>Recommendation <b>3</b></h2><p>The Department should"
            b" <em>act</em>.</p><p>Response: Agreed<br>It will act.</p></body></html>")
    doc = read_document(html, filename="page.html")
    assert doc.kind == "html"
    assert doc.text.splitlines() == ["Recommendation 3", "The Department should act.", "Response: Agreed",
                                     "It will act."]


def test_html_detected_from_content_without_extension():
    assert read_document(b"<!DOCTYPE html><html><body><p>Recommendation 1</p></body></html>",
                         filename="download").kind == "html"


def test_text_cp1252_fallback_and_utf8_bom(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes("The Government\u2019s response \u2013 agreed.".encode("cp1252"))
    doc = read_document(path)
    assert doc.text == "The Government\u2019s response \u2013 agreed."
    assert any("Windows-1252" in w for w in doc.warnings)
    assert read_document("\ufeffRecommendation 1".encode("utf-8"), filename="a.txt").text == "Recommendation 1"


def test_text_with_form_feeds_is_paged():
    pages = [f"Annual response\nRecommendation {n}\n" + "\n".join(PAGE_BODY) + f"\nPage {n} of 2" for n in (1, 2)]
    doc = read_document("\f".join(pages).encode(), filename="dump.txt")
    assert len(doc.pages) == 2 and "Annual response" not in doc.text and "Page 1" not in doc.text


def test_empty_document_is_refused():
    with pytest.raises(DocumentError, match=r"blank\.txt: the document contains no text"):
        read_document(b"  \n\n ", filename="blank.txt")


def test_real_text_dump_page_numbers_and_document_symbol_removed():
    doc = read_document(shared_path("raw", "upr_slovenia", "cycle3_A_HRC_43_15_Add.1.txt"))
    assert doc.text.count("A/HRC/43/15/Add.1") == 1  # the title stays, the running header goes
    assert "\n5\n" not in doc.text


# --- pages.py ---------------------------------------------------------------------------------

@pytest.mark.parametrize("line, expected", [
    ("3", True), ("Page 3 of 12", True), ("- 3 -", True), ("iv", True), ("3/20", True), ("p. 7", True),
    ("122.11", False), ("2023", False), ("Recommendation 3", False), ("3 months", False),
])
def test_is_page_number(line, expected):
    assert is_page_number(line) is expected


def test_unpaged_numbers_removed_only_as_a_rising_sequence():
    lines = ["Intro", "1", "text", "2", "more", "3", "end"]
    kept, removed = strip_page_numbers_unpaged(lines)
    assert kept == ["Intro", "text", "more", "end"] and len(removed) == 3
    lone = ["Recommendation 7", "7", "Acknowledged"]
    assert strip_page_numbers_unpaged(lone) == (lone, [])


def test_strip_page_furniture_needs_repetition():
    pages = [["Header A", "body one", "body two", "body three", "body four", "Footer"],
             ["Header B", "other one", "other two", "other three", "other four", "Footer"]]
    kept, removed = strip_page_furniture(pages)
    assert removed == ["Footer", "Footer"] and kept[0][0] == "Header A" and "Footer" not in kept[1]


def test_document_is_frozen():
    doc = Document(text="x", pages=((0, 1),), source="s", kind="text")
    with pytest.raises(AttributeError):
        doc.text = "y"  # type: ignore[misc]

"""Builders of tiny real-format documents (PDF by hand, DOCX with python-docx) for the tests."""

from __future__ import annotations


def make_pdf(pages):
    """A minimal valid PDF: one Helvetica text line per entry of each page (empty page: no text)."""
    streams = []
    for lines in pages:
        ops = ["BT /F1 11 Tf 14 TL 72 770 Td"] + [f"({_escape(line)}) Tj T*" for line in lines] + ["ET"]
        streams.append("\n".join(ops) if lines else "")
    return _pdf_bytes(streams)


def make_table_pdf(rows, *, columns=(60, 130, 350)):
    """A one-page PDF drawing a table as word processors do: row by row, each cell's lines top
    to bottom, so the first lines of a row's cells share a baseline.

    Args:
        rows: one tuple of cells per row; a cell is a list of its lines.
        columns: the x position of each column.
    """
    ops = []
    y = 760
    for row in rows:
        for x, cell in zip(columns, row):
            ops += [f"BT /F1 10 Tf 1 0 0 1 {x} {y - 12 * k} Tm ({_escape(line)}) Tj ET" for k, line in enumerate(cell)]
        y -= 12 * max(len(cell) for cell in row) + 14
    return _pdf_bytes(["\n".join(ops)])


def _escape(line):
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _pdf_bytes(streams):
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"}
    kids = []
    num = 4
    for text in streams:
        stream = text.encode("latin-1")
        objects[num + 1] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
        objects[num] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                        b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (num + 1))
        kids.append(num)
        num += 2
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join(f"{k} 0 R" for k in kids).encode(), len(kids))
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for n in sorted(objects):
        offsets[n] = len(out)
        out += b"%d 0 obj\n" % n + objects[n] + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for n in sorted(objects):
        out += b"%010d 00000 n \n" % offsets[n]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def make_docx(paragraphs, *, table=None) -> bytes:
    """A real .docx (python-docx) with the given paragraphs and an optional table (list of rows)."""
    import io

    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()

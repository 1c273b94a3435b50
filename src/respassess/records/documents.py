"""Read a response document (PDF, Word, HTML or plain text) into one clean text.

:func:`read_document` returns a :class:`Document` whose ``text`` is the string
every later offset indexes: running headers, footers and page numbers are
already removed, and ``pages`` gives each page's character range in it. Failures
(encrypted, damaged, image-only, too large, unknown type) raise
:class:`~respassess.errors.DocumentError` with a message naming the file and
saying what to do.
"""

from __future__ import annotations

import io
import logging
import re
import time
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import DocumentError
from .pages import is_page_number, strip_page_furniture, strip_page_numbers_unpaged
from .tables import table_lines

__all__ = ["Document", "DOCUMENT_KINDS", "read_document"]

log = logging.getLogger(__name__)

DOCUMENT_KINDS = ("pdf", "docx", "html", "text")
_EXTENSIONS = {".pdf": "pdf", ".docx": "docx", ".html": "html", ".htm": "html", ".xhtml": "html",
               ".txt": "text", ".text": "text", ".md": "text"}
_SUPPORTED = ".pdf, .docx, .html/.htm, .txt"
# A Word file's parts compress well, but not a thousandfold: that is a zip bomb.
_MAX_RATIO = 200
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                            "\ufb04": "ffl", "\u00ad": "", "\u00a0": " ", "\u200b": ""})


@dataclass(frozen=True, slots=True)
class Document:
    """A document's text with page furniture removed; all offsets index ``text``.

    Attributes:
        text: the extracted text.
        pages: ``(start, end)`` character range of each page in ``text``.
        source: where it came from (file path or the ``filename`` given).
        kind: "pdf", "docx", "html" or "text".
        warnings: things a clerk should know (lines removed, pages without text, ...).
        furniture: the distinct running header and footer lines removed (a running title often names
            the government answering).
    """

    text: str
    pages: tuple[tuple[int, int], ...]
    source: str
    kind: str
    warnings: tuple[str, ...] = ()
    furniture: tuple[str, ...] = ()

    def page_of(self, offset: int) -> int | None:
        """Return the 1-based page number holding character ``offset``, or None."""
        for number, (start, end) in enumerate(self.pages, 1):
            if start <= offset < end or (offset == end and number == len(self.pages)):
                return number
        return None


def read_document(source: str | Path | bytes, *, filename: str | None = None,
                  max_bytes: int = 50_000_000, timeout_s: float = 60) -> Document:
    """Read a PDF, DOCX, HTML or text document into a :class:`Document`.

    Args:
        source: a file path, or the file's bytes (then pass ``filename`` so messages
            and the type check can use it).
        filename: the name to report and to take the extension from; defaults to the path.
        max_bytes: refuse files (and, for DOCX, uncompressed contents) larger than this.
        timeout_s: give up on a PDF whose text extraction takes longer than this
            (checked between pages).

    Returns:
        The document, with running headers/footers and page numbers removed.

    Raises:
        DocumentError: the file is missing, too large, of an unknown type, encrypted,
            damaged or truncated, a zip bomb, or a PDF without a text layer.

    Example:
        >>> doc = read_document("response.pdf")  # doctest: +SKIP
        >>> doc.kind, len(doc.pages)  # doctest: +SKIP
        ('pdf', 20)
    """
    if isinstance(source, (bytes, bytearray)):
        data = bytes(source)
        name = filename or "<bytes>"
        if len(data) > max_bytes:
            raise DocumentError(_too_large(name, len(data), max_bytes))
    else:
        path = Path(source)
        name = filename or str(path)
        if not path.is_file():
            raise DocumentError(f"{name}: no such file; check the path.")
        size = path.stat().st_size
        if size > max_bytes:
            raise DocumentError(_too_large(name, size, max_bytes))
        data = path.read_bytes()
    kind = _detect_kind(data, name)
    if kind == "pdf":
        pages, warnings, furniture = _read_pdf(data, name, timeout_s)
    elif kind == "docx":
        pages, warnings, furniture = _read_docx(data, name, max_bytes)
    elif kind == "html":
        pages, warnings, furniture = _read_html(data), [], []
    else:
        pages, warnings, furniture = _read_text(data, name)
    return _assemble(pages, source=name, kind=kind, warnings=warnings, furniture=furniture)


def _too_large(name: str, size: int, max_bytes: int) -> str:
    return (f"{name}: the file is {size:,} bytes, over the limit of {max_bytes:,}; "
            "split the document or pass a larger max_bytes.")


def _detect_kind(data: bytes, name: str) -> str:
    """Tell the type from the content first (extensions lie), then from the extension."""
    suffix = Path(name).suffix.lower()
    head = data[:2048].lstrip()
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data[:4] == b"PK\x03\x04":
        if suffix in ("", ".docx", ".docm") or _zip_has(data, "word/document.xml"):
            return "docx"
        raise DocumentError(f"{name}: unsupported file type {suffix!r} (a zip archive that is not a "
                            f"Word document); supported types are {_SUPPORTED}.")
    if re.match(rb"(?i)(\xef\xbb\xbf)?\s*<(!doctype\s+html|html|head|body)\b", head):
        return "html"
    kind = _EXTENSIONS.get(suffix)
    if kind == "pdf":
        raise DocumentError(f"{name}: not a PDF (no %PDF header); the file is damaged or mislabelled, "
                            "re-download or re-export it.")
    if kind == "docx":
        raise DocumentError(f"{name}: not a Word .docx file (not a zip archive); the file is damaged "
                            "or mislabelled, re-save it as .docx.")
    if kind is not None:
        return kind
    if suffix in ("", ".csv") and b"\x00" not in data[:4096] and not data.startswith(b"\xd0\xcf\x11\xe0"):
        return "text"
    hint = " (old Word .doc: re-save it as .docx)" if data.startswith(b"\xd0\xcf\x11\xe0") else ""
    raise DocumentError(f"{name}: unsupported file type {suffix or '(no extension)'!r}{hint}; "
                        f"supported types are {_SUPPORTED}.")


def _zip_has(data: bytes, member: str) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return member in zf.namelist()
    except zipfile.BadZipFile:
        return False


def _lines(text: str) -> list[str]:
    return [ln.rstrip() for ln in text.translate(_LIGATURES).replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def _read_pdf(data: bytes, name: str, timeout_s: float) -> tuple[list[list[str]], list[str], list[str]]:
    import pypdf
    from pypdf.errors import DependencyError, PdfReadError

    warnings: list[str] = []
    damaged = (f"{name}: the PDF is damaged or truncated and cannot be read; re-download it or "
               "re-export it from the original application.")
    if b"%%EOF" not in data[-2048:]:
        raise DocumentError(f"{name}: the PDF is truncated (no end-of-file marker); re-download it or "
                            "re-export it from the original application.")
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except DependencyError:
                opened = 0
            if not opened:
                raise DocumentError(f"{name}: the PDF is password-protected (encrypted); open it with its "
                                    "password and save or print an unprotected copy, then try again.")
            warnings.append("the PDF was encrypted with an empty user password; read without one")
        started = time.monotonic()
        pages: list[list[str]] = []
        for number, page in enumerate(reader.pages, 1):
            if time.monotonic() - started > timeout_s:
                raise DocumentError(f"{name}: reading the PDF took longer than {timeout_s:g} s (stopped at "
                                    f"page {number}); pass a larger timeout_s or split the document.")
            pages.append(_lines(page.extract_text() or ""))
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            OSError, RecursionError, AssertionError) as exc:
        log.debug("pypdf failed on %s: %r", name, exc)
        raise DocumentError(damaged) from exc
    if not pages:
        raise DocumentError(f"{name}: the PDF has no pages; re-export it from the original application.")
    chars = sum(len(ln.strip()) for lines in pages for ln in lines)
    if chars < 20 * len(pages) and chars < 200:
        raise DocumentError(f"{name}: the PDF has no text layer (it is a scanned image); OCR is not "
                            "supported, so run it through an OCR tool (e.g. ocrmypdf) or ask for a text PDF.")
    empty = [i for i, lines in enumerate(pages, 1) if not any(ln.strip() for ln in lines)]
    if empty:
        warnings.append(f"pages without a text layer (images?), skipped: {empty}")
    kept, removed = strip_page_furniture(pages)
    if removed:
        warnings.append(f"removed {len(removed)} running header/footer/page-number lines")
    return kept, warnings, removed


def _read_docx(data: bytes, name: str, max_bytes: int) -> tuple[list[list[str]], list[str], list[str]]:
    damaged = (f"{name}: the Word file is damaged or truncated and cannot be read; re-download it or "
               "re-save it as .docx.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise DocumentError(damaged) from exc
    total = sum(i.file_size for i in infos)
    bomb = [i.filename for i in infos if i.file_size > 1_000_000 and i.file_size > _MAX_RATIO * max(i.compress_size, 1)]
    if total > max_bytes or bomb:
        raise DocumentError(f"{name}: the Word file unpacks to {total:,} bytes"
                            f"{' with implausibly compressed parts ' + str(bomb[:3]) if bomb else ''} "
                            f"(limit {max_bytes:,}); refusing it as a possible zip bomb. Re-save the "
                            "document, or pass a larger max_bytes if you trust it.")
    if "word/document.xml" not in {i.filename for i in infos}:
        raise DocumentError(f"{name}: not a Word document (no word/document.xml); re-save it as .docx.")
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for element in document.element.body.iterchildren():
            tag = element.tag.rsplit("}", 1)[-1]
            if tag == "p":
                lines.extend(_lines(Paragraph(element, document).text))
            elif tag == "tbl":
                lines.extend(_table_lines(Table(element, document)))
    except DocumentError:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds on a broken package
        log.debug("python-docx failed on %s: %r", name, exc)
        raise DocumentError(damaged) from exc
    return [lines], [], []  # no pages, so no running headers to strip


def _table_lines(table) -> list[str]:
    """A Word table's lines (:func:`respassess.records.tables.table_lines`)."""
    return table_lines([[cell.text for cell in row.cells] for row in table.rows])


_BLOCK_TAGS = ("p", "div", "section", "article", "main", "li", "ul", "ol", "table", "tr", "h1", "h2", "h3",
               "h4", "h5", "h6", "blockquote", "dt", "dd", "dl", "pre", "figure", "figcaption", "address",
               "aside", "details", "summary", "form", "fieldset", "hr")


def _read_html(data: bytes) -> list[list[str]]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(data, "lxml")
    for tag in soup(["script", "style", "nav", "noscript", "template", "iframe", "svg", "head"]):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    # innermost tables first, so an enclosing layout table sees its nested tables as text
    for table in reversed(soup.find_all("table")):
        rows = [[cell.get_text("\n") for cell in tr.find_all(["td", "th"], recursive=False)]
                for tr in table.find_all("tr") if tr.find_parent("table") is table]
        table.replace_with("\n" + "\n".join(table_lines(rows)) + "\n")
    for cell in soup.find_all(["td", "th"]):
        cell.append("\t")
    for block in soup.find_all(_BLOCK_TAGS):
        block.insert_before("\n")
        block.append("\n")
    lines = [re.sub(r"[ \t\f\v]+", " ", ln).strip() for ln in _lines(soup.get_text())]
    return [[ln for ln in lines if ln]]


def _read_text(data: bytes, name: str) -> tuple[list[list[str]], list[str], list[str]]:
    warnings = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
            warnings.append("not UTF-8: decoded as Windows-1252")
    if "\f" in text:
        pages, removed = strip_page_furniture([_lines(p) for p in text.split("\f")])
    else:
        kept, removed = strip_page_numbers_unpaged(_lines(text))
        pages = [kept]
    if removed:
        warnings.append(f"removed {len(removed)} running header/footer/page-number lines")
    return pages, warnings, removed


def _assemble(pages: list[list[str]], *, source: str, kind: str, warnings: list[str],
              furniture: Sequence[str] = ()) -> Document:
    """Join pages with newlines, recording each page's range in the joined text."""
    parts: list[str] = []
    ranges: list[tuple[int, int]] = []
    offset = 0
    for lines in pages:
        page_text = "\n".join(lines).strip("\n")
        if parts:
            offset += 1  # the newline joining pages
        ranges.append((offset, offset + len(page_text)))
        parts.append(page_text)
        offset += len(page_text)
    text = "\n".join(parts)
    if not text.strip():
        raise DocumentError(f"{source}: the document contains no text; check it is the right file.")
    for w in warnings:
        log.info("%s: %s", source, w)
    running = tuple(dict.fromkeys(s for s in (ln.strip() for ln in furniture) if s and not is_page_number(s)))
    return Document(text=text, pages=tuple(ranges), source=source, kind=kind, warnings=tuple(warnings),
                    furniture=running)

"""Page furniture: find and drop running headers, footers and page numbers.

Text extracted from a PDF repeats the same header and footer on every page
("Government response to ... - GOV.UK", a URL ending "3/20", "OFFICIAL") and
prints a page number at the top or bottom. Left in, they cut recommendations and
responses in half, so :func:`strip_page_furniture` removes whole lines of them
before the document text (the string every later offset indexes) is built.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from .headings import REC_OPENER

__all__ = ["strip_page_furniture", "strip_page_numbers_unpaged", "is_page_number"]

#: How many non-empty lines at each end of a page may be header/footer.
EDGE_LINES = 3

_PAGE_NUMBER = re.compile(
    r"""^(?:
        (?:page|p\.?)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?   # Page 3, Page 3 of 12, p. 3
      | \d{1,4}\s*(?:of|/)\s*\d{1,4}                         # 3 of 12, 3/12
      | [-–—]\s*\d{1,4}\s*[-–—]                              # - 3 -
      | \[?\d{1,3}\]?                                        # 3, [3]
      | [ivxlc]{1,6}                                         # roman numerals in front matter
    )$""",
    re.IGNORECASE | re.VERBOSE,
)


# Lines that open a recommendation or response are never furniture, even when every
# page starts with one ("Recommendation 3" at the top of page 3, and so on).
def _protected(line: str) -> bool:
    from .headings import classify_line

    marker = classify_line(line.strip())
    return marker is not None and marker.kind in ("rec", "response", "conclusion", "status")


def is_page_number(line: str) -> bool:
    """True when the whole line is a page number ("3", "Page 3 of 12", "- 3 -", "iv")."""
    return bool(_PAGE_NUMBER.match(line.strip()))


def _key(line: str) -> str:
    """Normalise a line so the same header on different pages compares equal."""
    key = re.sub(r"\s+", " ", re.sub(r"\d+", "#", line.strip().lower()))
    cut = re.search(r"…|\.\.\.", key)
    if cut and cut.start() > 20:
        # Browsers cut long header lines at slightly different places ("...respo…" / "...resp…").
        key = key[: cut.start() - 4] + "…"
    return key


def _edge_indexes(lines: list[str]) -> list[int]:
    """Indexes of the first and last EDGE_LINES non-empty lines of a page."""
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    return sorted(set(filled[:EDGE_LINES] + filled[-EDGE_LINES:]))


def strip_page_furniture(pages: list[list[str]]) -> tuple[list[list[str]], list[str]]:
    """Drop running headers/footers and page numbers from the lines of each page.

    A line counts as a running header or footer when a line of the same shape
    (digits ignored, long lines compared by prefix) sits within the first or last
    :data:`EDGE_LINES` non-empty lines of at least 40 % of the pages (and of at
    least two pages). A page number is removed only at a page edge, so a "3" in
    the middle of a page (a table cell, a paragraph number) survives.

    Args:
        pages: the lines of each page, in order.

    Returns:
        The kept lines of each page, and the lines removed (a running title among them names the
        document's government: :func:`respassess.records.jurisdiction.jurisdiction_of_document`).
    """
    n_pages = len(pages)
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_key(lines[i]) for i in _edge_indexes(lines)})
    threshold = max(2, math.ceil(0.4 * n_pages))
    repeated = {k for k, c in counts.items() if c >= threshold and k} if n_pages >= 2 else set()
    kept_pages: list[list[str]] = []
    removed: list[str] = []

    def furniture(line: str) -> bool:
        return not _protected(line) and (_key(line) in repeated or is_page_number(line))

    for lines in pages:
        filled = [i for i, ln in enumerate(lines) if ln.strip()]
        drop: set[int] = set()
        # Furniture sits in an unbroken run at the top or bottom of the page: stop at the
        # first line of content, so body text that happens to repeat is never touched.
        for run in (filled[:EDGE_LINES], filled[::-1][:EDGE_LINES]):
            for i in run:
                if not furniture(lines[i]):
                    break
                drop.add(i)
        removed += [lines[i] for i in sorted(drop)]
        kept_pages.append([ln for i, ln in enumerate(lines) if i not in drop])
    return kept_pages, removed


def strip_page_numbers_unpaged(lines: list[str]) -> tuple[list[str], list[str]]:
    """Drop page numbers from text whose page breaks were lost (plain-text PDF dumps).

    Without page breaks a lone "7" may be a page number or content (a paragraph
    number, a table cell), so lone numbers are removed only when they form a
    rising sequence of at least three, as page numbers do; "Page 3 of 12" style
    lines are always removed.

    Args:
        lines: the lines of the text.

    Returns:
        The kept lines and the lines removed.
    """
    # a lone number above "The Committee recommends ..." (a blank line between or not) is a table's number
    # cell, not a page number
    def above_recommendation(i: int) -> bool:
        after = next((ln.strip() for ln in lines[i + 1:i + 3] if ln.strip()), "")
        return bool(REC_OPENER.match(after))

    bare = [(i, int(ln.strip())) for i, ln in enumerate(lines) if re.fullmatch(r"\d{1,4}", ln.strip())
            and not above_recommendation(i)]
    drop: set[int] = set()
    if len(bare) >= 3:
        values = [v for _, v in bare]
        rising = sum(1 for a, b in zip(values, values[1:]) if 0 < b - a <= 3)
        if rising >= 0.7 * (len(values) - 1):
            drop.update(i for i, _ in bare)
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.fullmatch(r"(?i)page\s*\d{1,4}(\s*(of|/)\s*\d{1,4})?|[-–—]\s*\d{1,4}\s*[-–—]", s):
            drop.add(i)
    # A document symbol or running title printed beside each page number
    # ("A/HRC/43/15/Add.1") repeats identically next to the numbers just dropped.
    where: dict[str, list[int]] = {}
    for i in sorted(drop):
        for j in range(max(0, i - 3), min(len(lines), i + 4)):
            s = lines[j].strip()
            if j not in drop and s and len(s) <= 80 and not _protected(s):
                where.setdefault(s, []).append(j)
    for s, idx in where.items():
        if len(set(idx)) >= 3 and sum(1 for ln in lines if ln.strip() == s) <= len(set(idx)) + 1:
            drop.update(idx)
    return [ln for i, ln in enumerate(lines) if i not in drop], [lines[i] for i in sorted(drop)]

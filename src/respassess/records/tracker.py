"""Read a tracker page (``../shared/data/seed/uk-pac-rec7-send.txt``) as records.

The layout itself is parsed by :mod:`respassess.records.tracker_layout` through the
document splitter, so pages read from a file and pages inside a document share one parser.
"""

from __future__ import annotations

from ..errors import RecordError, SplitError
from ..types import Record

__all__ = ["parse_tracker_page", "looks_like_tracker_page"]


def looks_like_tracker_page(text: str) -> bool:
    """True when ``text`` has the headings of a tracker page."""
    from .pairing import text_lines
    from .tracker_layout import looks_like_tracker

    return looks_like_tracker(text_lines(text))


def parse_tracker_page(text: str, *, source: str | None = None) -> Record:
    """Turn a tracker page into a :class:`Record` (the first, when pages are joined).

    Raises:
        RecordError: the text is not a tracker page, or holds no recommendation.
    """
    from .split import Layout, pairs_to_records, split_document

    if not looks_like_tracker_page(text):
        raise RecordError("not a tracker page: expected the headings 'Recommendation N', 'Conclusion', "
                          "'Government Response Summary' and 'Government Response' on lines of their own",
                          source=source)
    try:
        result = split_document(text, source=source)
    except SplitError as exc:
        raise RecordError(str(exc), source=source) from None
    records = pairs_to_records(result, include_unanswered=True)
    if result.layout is not Layout.TRACKER or not records:
        raise RecordError("no recommendation found on the tracker page", source=source, field="recommendation")
    return records[0]

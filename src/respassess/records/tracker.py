"""Parse the tracker page format (one recommendation and its response as shown by a
recommendations tracker; see ``../shared/data/seed/uk-pac-rec7-send.txt``).

Layout, line by line::

    Source · <section> · <committee>
    Recommendation <N>
    <N>
    <status>
    <summary>
    Conclusion
    <conclusion text> recommendation <recommendation text> <page furniture>
    Government Response Summary
    <analyst's summary>
    Government Response
    <status>
    <responder>
    <status>
    <response text ...>
"""

from __future__ import annotations

import re

from ..errors import RecordError
from ..types import Record

__all__ = ["parse_tracker_page", "looks_like_tracker_page"]

_REC_HEADING = re.compile(r"^\s*Recommendation\s+(\S+)\s*$", re.MULTILINE)
# "recommendation <text>" inside the conclusion block, ended by page furniture such as
# " 7 1 Support for children ..." (numbers left over from the page layout) or the line end.
_REC_IN_CONCLUSION = re.compile(r"\brecommendation\s+(?P<text>[A-Z].*?[.;:])(?=\s+\d+\s+\d+\s|\s*$)", re.DOTALL)
_SECTION_LINES = ("Conclusion", "Government Response Summary", "Government Response")


def looks_like_tracker_page(text: str) -> bool:
    """True when ``text`` has the headings of a tracker page."""
    return bool(_REC_HEADING.search(text)) and all(
        re.search(rf"^{re.escape(h)}\s*$", text, re.MULTILINE) for h in _SECTION_LINES
    )


def parse_tracker_page(text: str, *, source: str | None = None) -> Record:
    """Turn one tracker page into a :class:`Record` (id from the recommendation number).

    Raises:
        RecordError: the page lacks the tracker headings or the recommendation text.
    """
    if not looks_like_tracker_page(text):
        raise RecordError("not a tracker page: expected the headings 'Recommendation N', 'Conclusion', "
                          "'Government Response Summary' and 'Government Response' on lines of their own",
                          source=source)
    lines = text.splitlines()
    stripped = [ln.strip() for ln in lines]
    number = _REC_HEADING.search(text).group(1)
    header = stripped[: stripped.index("Conclusion")]
    status = next((ln for ln in header[header.index(f"Recommendation {number}") + 1:]
                   if ln and ln != number), None)
    i_conc = stripped.index("Conclusion")
    i_sum = stripped.index("Government Response Summary")
    i_resp = stripped.index("Government Response")
    conclusion_block = "\n".join(lines[i_conc + 1:i_sum])
    match = _REC_IN_CONCLUSION.search(conclusion_block)
    if not match:
        raise RecordError("no 'recommendation <text>' found in the Conclusion block", source=source,
                          field="recommendation")
    recommendation = match.group("text").strip()
    conclusion = conclusion_block[:match.start()].strip()
    summary_idx = header.index(status) + 1 if status in header else None
    summary = header[summary_idx] if summary_idx is not None and summary_idx < len(header) else None
    response_summary = "\n".join(lines[i_sum + 1:i_resp]).strip() or None
    # After "Government Response": status / responder / status lines, then the response text.
    tail = lines[i_resp + 1:]
    k = 0
    meta_lines: list[str] = []
    while k < len(tail) and len(meta_lines) < 3 and len(tail[k].split()) <= 4:
        if tail[k].strip():
            meta_lines.append(tail[k].strip())
        k += 1
    response = "\n".join(tail[k:]).strip()
    responder = next((ln for ln in meta_lines if ln != status), None)
    first = stripped[0] if stripped else ""
    committee = first.split("·")[-1].strip() if "·" in first else None
    meta = {
        "rec_number": number,
        "official_status": status,
        "summary": summary,
        "conclusion": conclusion or None,
        "response_summary": response_summary,
        "responder": responder,
        "body": committee,
        "source": source,
    }
    slug = re.sub(r"[^a-z0-9]+", "-", (committee or "tracker").lower()).strip("-")
    return Record(id=f"{slug}-r{number}", recommendation=recommendation, response=response,
                  meta={k: v for k, v in meta.items() if v is not None})

"""The text of a spaCy ``Doc``, computed once per Doc.

``Doc.text`` joins every token each time it is read, so reading it once per finding
makes extraction quadratic in the response's length (a 200,000-character response took
minutes). Extractors read it through :func:`doc_text`, which caches it in ``doc.user_data``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

_KEY = "respassess_text"


def doc_text(doc: "Doc") -> str:
    """Return ``doc.text``, computed on the first call for this Doc and cached on it."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text


# a quotation long enough to be a passage of another document, not a scare-quoted term ("referapatient.org")
_QUOTE = re.compile(r"“[^“”]{40,}”|\"[^\"\n]{40,}\"")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the long quotations in ``text`` (curly quotes may run over paragraphs).

    Args:
        text: a response's text.

    Returns:
        (start, end) pairs, quote marks included, in text order.
    """
    return [(m.start(), m.end()) for m in _QUOTE.finditer(text)]

"""Two simple baselines computed from the raw texts, to show what the pipeline adds.

* :func:`keyword_stance` — the kind of keyword matcher other response trackers use:
  the first keyword family found (in a fixed priority order) decides the stance.
* :func:`tfidf_coverage` — each gold ask is compared with every response sentence by
  TF-IDF cosine; the best cosine >= ``threshold`` is ``addressed``, >= ``threshold / 2``
  ``partial``, else ``unaddressed``. The threshold (0.3) was fixed before looking at any
  results and is never tuned, so the baseline is as fair on the test split as on dev.

The coverage baseline is given the *gold* asks, so it never loses on segmentation: it
is an upper bound of what word overlap alone achieves on the labelling step.
"""

from __future__ import annotations

import re
from typing import Mapping, Sequence

from ..types import Stance

__all__ = ["keyword_stance", "split_sentences", "tfidf_coverage", "TFIDF_THRESHOLD", "STANCE_KEYWORDS"]

#: Fixed a priori; do not tune it on any split.
TFIDF_THRESHOLD = 0.3

#: Checked in this order; the first family with any match wins.
STANCE_KEYWORDS: list[tuple[Stance, tuple[str, ...]]] = [
    (Stance.REJECTED, ("not supported", "does not support", "do not support", "not agreed", "disagree",
                       "reject", "does not accept", "not accepted")),
    (Stance.ACCEPTED_IN_PRINCIPLE, ("in principle",)),
    (Stance.PARTIALLY_ACCEPTED, ("in part", "partially")),
    (Stance.NOTED, ("note", "acknowledge")),
    (Stance.UNDER_CONSIDERATION, ("consider",)),
    (Stance.ACCEPTED, ("agree", "accept", "support")),
]

_PATTERNS = [(stance, re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")", re.I))
             for stance, words in STANCE_KEYWORDS]


def keyword_stance(response: str | None) -> str:
    """Return the stance of the first matching keyword family, or "unclear".

    Args:
        response: the response text (``None`` or empty gives "unclear").

    Returns:
        A :class:`~respassess.types.Stance` value.
    """
    text = response or ""
    for stance, pattern in _PATTERNS:
        if pattern.search(text):
            return stance.value
    return Stance.UNCLEAR.value


_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n\s*\n")


def split_sentences(text: str | None) -> list[str]:
    """Split a response into rough sentences (punctuation or blank lines); no model needed."""
    return [s.strip() for s in _SENTENCE_END.split(text or "") if s and s.strip()]


def tfidf_coverage(asks_by_record: Mapping[str, Sequence[str]], responses: Mapping[str, str | None], *,
                   threshold: float = TFIDF_THRESHOLD) -> dict[str, list[str]]:
    """Label each ask by its best TF-IDF cosine with any response sentence.

    The vectoriser is fitted on all the asks and sentences given (no labels are used),
    so IDF reflects the genre rather than one record.

    Args:
        asks_by_record: the ask texts of each record, by record id.
        responses: the response text of each record, by record id.
        threshold: cosine for "addressed"; half of it gives "partial".

    Returns:
        The ask labels of each record, in ask order ("addressed", "partial" or "unaddressed").
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    sentences = {rid: split_sentences(responses.get(rid)) for rid in asks_by_record}
    corpus = [a for asks in asks_by_record.values() for a in asks] + [s for ss in sentences.values() for s in ss]
    if not corpus:
        return {rid: [] for rid in asks_by_record}
    vectoriser = TfidfVectorizer(lowercase=True, stop_words="english", sublinear_tf=True)
    try:
        vectoriser.fit(corpus)
    except ValueError:  # every text is stop words only
        return {rid: ["unaddressed"] * len(asks) for rid, asks in asks_by_record.items()}
    labels: dict[str, list[str]] = {}
    for rid, asks in asks_by_record.items():
        if not asks:
            labels[rid] = []
            continue
        if not sentences[rid]:
            labels[rid] = ["unaddressed"] * len(asks)
            continue
        sims = cosine_similarity(vectoriser.transform(list(asks)), vectoriser.transform(sentences[rid]))
        best = sims.max(axis=1)
        labels[rid] = ["addressed" if b >= threshold else "partial" if b >= threshold / 2 else "unaddressed"
                       for b in best]
    return labels

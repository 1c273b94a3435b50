"""Match asks to the response sentences that speak to them.

Evidence is chosen by cosine similarity of sentence embeddings, nudged by overlap of
the ask's key terms (MiniLM underrates exact shared terms such as "interdependencies").
Label lines ("Response: Supported.") are never evidence of substance.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

import numpy as np

from ..types import Alignment, Ask, Sentence

if TYPE_CHECKING:  # pragma: no cover
    from .relevance import EvidenceModel

__all__ = ["align", "add_whole_answers", "answers_whole", "similarity_matrix", "key_terms", "term_overlap",
           "is_label_line"]

_STOP = frozenset("""a an the of to and or in on for with by at from as is are be been being that this these those
it its their there which who whom whose will would should could may might must shall can not no nor all any each
other such than then so also into over under more most some same own very just only our we us they them he she his her
you your i me my government committee commission department recommendation recommends recommended response
agrees agreed supports supported notes noted accepts accepted principle""".split())
_LABEL_LINE = re.compile(
    r"^\s*(?:government\s+)?response\s*[:\-–]?\s*(?:agreed|supported|noted|not\s+supported|not\s+agreed|"
    r"accepted|rejected|agreed\s+in\s+principle|supported\s+in\s+principle|supported\s+in\s+part)?\s*\.?\s*$"
    r"|^\s*(?:agreed|supported|noted|not\s+supported|accepted)(?:\s+in\s+(?:principle|part))?\s*\.?\s*$",
    re.IGNORECASE,
)
#: weight of key-term overlap added to the cosine when ranking evidence
TERM_WEIGHT = 0.25
# A sentence about the recommendation as a whole: "will progress this recommendation through appropriate
# legislative action", "intend to implement this recommendation", "... recommendation 018/16".
_WHOLE_RE = re.compile(
    r"\b(?:this|these|the\s+above|your|the\s+(?:Committee|Commission|Inquiry|Review)[’']s)\s+(?:final\s+|safety\s+)?"
    r"recommendations?\b|\brecommendations?\s+(?:no\.?\s*)?\d", re.IGNORECASE)


def key_terms(text: str) -> frozenset[str]:
    """Lower-cased content-word stems (first 6 letters) of a text."""
    return frozenset(w[:6] for w in re.findall(r"[a-z][a-z0-9\-]+", text.lower()) if w not in _STOP and len(w) > 2)


def term_overlap(ask_text: str, sentence_text: str) -> float:
    """Share of the ask's key terms that occur in the sentence (0..1)."""
    terms = key_terms(ask_text)
    if not terms:
        return 0.0
    return len(terms & key_terms(sentence_text)) / len(terms)


def is_label_line(text: str) -> bool:
    """True for a bare position line such as "Response: Supported." or "Noted."."""
    return bool(_LABEL_LINE.match(text))


def similarity_matrix(ask_vectors: np.ndarray, sentence_vectors: np.ndarray) -> np.ndarray:
    """Cosine similarities, shape (asks, sentences); inputs are L2-normalised rows."""
    if ask_vectors.size == 0 or sentence_vectors.size == 0:
        return np.zeros((len(ask_vectors), len(sentence_vectors)), dtype=np.float32)
    return np.clip(ask_vectors @ sentence_vectors.T, -1.0, 1.0)


def align(asks: Sequence[Ask], sentences: Sequence[Sentence], similarities: np.ndarray, *,
          top_k: int = 3, min_similarity: float = 0.35, model: "EvidenceModel | None" = None) -> tuple[Alignment, ...]:
    """Pick up to ``top_k`` evidence sentences per ask.

    With an evidence ``model``, a sentence qualifies when the model's probability reaches its
    threshold, and the most probable come first. Without one, a sentence qualifies when its
    cosine is at least ``min_similarity``, when it shares most of the ask's key terms and comes
    close, or when it holds all of two or more key terms (a long sentence dilutes the cosine of a
    short ask); it is ranked by cosine plus a term-overlap bonus.

    Args:
        asks: the recommendation's asks.
        sentences: the response's sentences.
        similarities: the (asks x sentences) cosine matrix from :func:`similarity_matrix`.
        top_k: evidence sentences per ask at most.
        min_similarity: the cosine below which a sentence is not evidence on similarity alone (rule only).
        model: a fitted :class:`~respassess.align.relevance.EvidenceModel`, or ``None`` for the rule.

    Returns:
        Alignments ordered by ask, then by descending rank score.
    """
    substantive = [not is_label_line(s.text) for s in sentences]
    if model is not None:
        return _align_by_model(asks, sentences, similarities, substantive, top_k=top_k, model=model)
    out: list[Alignment] = []
    for a, ask in enumerate(asks):
        scored = []
        several_terms = len(key_terms(ask.text)) >= 2
        for s, sent in enumerate(sentences):
            if not substantive[s]:
                continue
            sim = float(similarities[a, s])
            overlap = term_overlap(ask.text, sent.text)
            # a long sentence dilutes the cosine of a short ask: holding all of two or more of
            # its key terms ("improve its data" in "... new ways to improve its data on ...") is evidence
            whole = overlap >= 1.0 and several_terms
            if (sim >= min_similarity or (overlap >= 0.6 and sim >= min_similarity - 0.15)
                    or (whole and sim >= min_similarity - 0.25)):
                scored.append((sim + TERM_WEIGHT * overlap, s, sim))
        scored.sort(key=lambda t: (-t[0], t[1]))
        out.extend(Alignment(ask_index=ask.index, sentence_index=s, similarity=round(sim, 6))
                   for _, s, sim in scored[:top_k])
    return tuple(out)


def answers_whole(sentence: Sentence, undertakings: Sequence[int]) -> bool:
    """Whether a sentence undertakes or reports something about the recommendation as a whole.

    ``undertakings`` are the start offsets of the response's commitments and actions: "The
    Government accepts this recommendation." names the whole but does nothing (a bare position
    leaves the asks unaddressed, ANNOTATION.md §2), while "will progress this recommendation
    through appropriate legislative action" speaks to every ask.
    """
    return bool(_WHOLE_RE.search(sentence.text)) and any(sentence.start <= u < sentence.end for u in undertakings)


def add_whole_answers(alignments: Sequence[Alignment], asks: Sequence[Ask], similarities: np.ndarray, *,
                      whole: Sequence[int]) -> tuple[Alignment, ...]:
    """Add every sentence that answers the recommendation as a whole to every ask's evidence.

    Such a sentence names no ask's terms, so its cosine with a specific ask ("the written record
    must be made as soon as practicable") is low although it answers that ask too.

    Args:
        alignments: the alignments chosen so far (by :func:`align`).
        asks, similarities: as for :func:`align`.
        whole: indices of the sentences for which :func:`answers_whole` holds.

    Returns:
        The alignments, each ask's followed by the whole-answer sentences it lacked, ordered by ask.
    """
    if not whole:
        return tuple(alignments)
    have = {(al.ask_index, al.sentence_index) for al in alignments}
    out: list[Alignment] = []
    for a, ask in enumerate(asks):
        out.extend(al for al in alignments if al.ask_index == ask.index)
        out.extend(Alignment(ask_index=ask.index, sentence_index=s, similarity=round(float(similarities[a, s]), 6))
                   for s in whole if (ask.index, s) not in have)
    return tuple(out)


def _align_by_model(asks: Sequence[Ask], sentences: Sequence[Sentence], similarities: np.ndarray,
                    substantive: Sequence[bool], *, top_k: int, model: "EvidenceModel") -> tuple[Alignment, ...]:
    from .relevance import pair_features

    keep = [s for s, ok in enumerate(substantive) if ok]
    if not keep or not asks:
        return ()
    # key terms once per sentence, and one model call for every pair of the record
    sentence_terms = [key_terms(sentences[s].text) for s in keep]
    blocks = []
    for a, ask in enumerate(asks):
        terms = key_terms(ask.text)
        overlaps = np.array([len(terms & st) / len(terms) if terms else 0.0 for st in sentence_terms])
        blocks.append(pair_features(np.asarray(similarities[a, keep], dtype=np.float64), overlaps, n_asks=len(asks)))
    proba = model.predict_proba(np.vstack(blocks)).reshape(len(asks), len(keep))
    out: list[Alignment] = []
    for a, ask in enumerate(asks):
        sims = similarities[a, keep]
        chosen = sorted((-p, s, sim) for p, s, sim in zip(proba[a], keep, sims) if p >= model.threshold)
        out.extend(Alignment(ask_index=ask.index, sentence_index=s, similarity=round(float(sim), 6))
                   for _, s, sim in chosen[:top_k])
    return tuple(out)

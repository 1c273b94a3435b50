"""Align: embed asks and sentences, and match each ask to its evidence."""

from .embed import (CachedEmbedder, Embedder, EmbeddingCache, HashingEmbedder, SentenceTransformerEmbedder,
                    bundled_minilm_path, load_embedder)
from .match import align, is_label_line, key_terms, similarity_matrix, term_overlap
from .relevance import EvidenceModel, load_evidence_model

__all__ = [
    "Embedder",
    "SentenceTransformerEmbedder",
    "HashingEmbedder",
    "CachedEmbedder",
    "EmbeddingCache",
    "bundled_minilm_path",
    "load_embedder",
    "align",
    "EvidenceModel",
    "load_evidence_model",
    "is_label_line",
    "key_terms",
    "similarity_matrix",
    "term_overlap",
]

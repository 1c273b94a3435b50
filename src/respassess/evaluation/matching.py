"""One-to-one matching of gold and predicted spans by word overlap.

Gold annotations carry verbatim texts but no offsets, and a predicted ask or
date may be cut a few words wider or narrower than the annotator's span, so
spans are matched on lower-cased word tokens rather than on offsets:

* **asks**: token Jaccard >= 0.5;
* **dates, amounts, commitments**: token Jaccard >= 0.5, or one text contained in
  the other (so "by March 2025" matches "March 2025").

Pairs are formed greedily, best score first, each item used at most once; ties go
to the earlier gold item, then the earlier prediction, so the result is stable.
"""

from __future__ import annotations

import re
from typing import Sequence

__all__ = ["tokens", "token_jaccard", "contains", "match_spans", "JACCARD_THRESHOLD"]

#: The minimum token Jaccard for two spans to be the same item.
JACCARD_THRESHOLD = 0.5

_WORD = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    """Return the lower-cased word tokens of ``text`` (runs of letters, digits, underscore)."""
    return _WORD.findall(text.lower())


def token_jaccard(a: str, b: str) -> float:
    """Return |A ∩ B| / |A ∪ B| over the sets of lower-cased word tokens of ``a`` and ``b``.

    Two texts without any word token score 0.0 (nothing to compare).
    """
    ta, tb = set(tokens(a)), set(tokens(b))
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / len(ta | tb)


def contains(a: str, b: str) -> bool:
    """Return True when the token sequence of one text occurs inside the other's."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return False
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    n = len(short)
    return any(long_[i:i + n] == short for i in range(len(long_) - n + 1))


def match_spans(gold: Sequence[str], predicted: Sequence[str], *, threshold: float = JACCARD_THRESHOLD,
                allow_containment: bool = False) -> list[tuple[int, int, float]]:
    """Pair gold and predicted texts one-to-one, best overlap first.

    Args:
        gold: the gold texts.
        predicted: the predicted texts.
        threshold: the minimum token Jaccard of a pair.
        allow_containment: also pair texts when one's tokens occur in order inside the
            other's, whatever their Jaccard (used for dates, amounts, commitments).

    Returns:
        ``(gold_index, predicted_index, score)`` triples sorted by gold index; the score
        is the pair's Jaccard (a containment pair below the threshold scores its Jaccard
        too, so a closer Jaccard pair wins when both compete for one item).
    """
    candidates: list[tuple[float, int, int]] = []
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            score = token_jaccard(g, p)
            if score >= threshold or (allow_containment and contains(g, p)):
                candidates.append((score, i, j))
    # Best score first; ties broken by position so the matching is deterministic.
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    for score, i, j in candidates:
        if i in used_gold or j in used_pred:
            continue
        used_gold.add(i)
        used_pred.add(j)
        pairs.append((i, j, score))
    return sorted(pairs)

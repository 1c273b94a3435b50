"""Score the ask segmenter alone against the gold clauses (ANNOTATION.md §2).

Usage::

    python evaluation/segment_eval.py [--gold FILE ...] [--split dev|test|both] [--show-errors]

Runs only spaCy and :func:`respassess.segment.split_asks` (no embedder), so it takes
seconds. A predicted ask pairs with a gold clause when their token Jaccard is at least
0.5 (:func:`respassess.evaluation.matching.match_spans`, the rule ``respassess evaluate``
uses). Prints matched / predicted / gold and precision, recall, F1 per gold file and for
both together.

Splits follow ``respassess.evaluate.heldout_split``. ``--show-errors`` prints the misses
(gold clauses without a partner) and false positives of **dev** records only, whatever
``--split`` says, so nobody reads held-out texts or labels by accident.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
GOLD_FILES = (SHARED / "gold" / "dev.jsonl", ROOT / "evaluation" / "gold" / "respassess_team.jsonl")


def _load_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _record_texts() -> dict[str, str]:
    texts: dict[str, str] = {}
    for path in sorted((SHARED / "records").glob("*.jsonl")):
        for row in _load_jsonl(path):
            if "id" in row and "recommendation" in row:
                texts.setdefault(row["id"], row["recommendation"] or "")
    return texts


def _prf(m: int, p: int, g: int) -> tuple[float, float, float]:
    prec = m / p if p else 0.0
    rec = m / g if g else 0.0
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def main(argv: list[str] | None = None) -> int:
    """Print segmentation P/R/F1 per gold file; with ``--show-errors`` the dev errors."""
    sys.path.insert(0, str(ROOT / "src"))
    from respassess.evaluate import heldout_split
    from respassess.evaluation.matching import match_spans, token_jaccard
    from respassess.pipeline import load_spacy
    from respassess.segment import split_asks

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", nargs="*", type=Path, default=list(GOLD_FILES))
    ap.add_argument("--split", choices=("dev", "test", "both"), default="dev")
    ap.add_argument("--show-errors", action="store_true", help="print misses and false positives (dev records only)")
    args = ap.parse_args(argv)

    nlp = load_spacy()
    texts = _record_texts()
    total = [0, 0, 0]
    for path in args.gold:
        if not path.exists():
            print(f"skip {path}: not found")
            continue
        counts = [0, 0, 0]
        for g in _load_jsonl(path):
            split = heldout_split(g["id"])
            if args.split != "both" and split != args.split:
                continue
            text = texts.get(g["id"])
            if text is None:
                continue
            asks = [a.text for a in split_asks(nlp(text))]
            gold = [c["text"] for c in g.get("clauses", [])]
            pairs = match_spans(gold, asks)
            counts = [counts[0] + len(pairs), counts[1] + len(asks), counts[2] + len(gold)]
            if args.show_errors and split == "dev" and len(pairs) < max(len(asks), len(gold)):
                got_g = {i for i, _, _ in pairs}
                got_p = {j for _, j, _ in pairs}
                print(f"\n=== {g['id']}  matched {len(pairs)}/{len(gold)} gold, {len(asks)} predicted")
                print("TEXT:", text.replace("\n", "⏎")[:1500])
                for i, gt in enumerate(gold):
                    if i not in got_g:
                        best = max(asks, key=lambda a: token_jaccard(gt, a), default="")
                        print(f"  MISS  {gt!r}\n        best {token_jaccard(gt, best):.2f} {best!r}")
                for j, pt in enumerate(asks):
                    if j not in got_p:
                        print(f"  FP    {pt!r}")
        p, r, f = _prf(*counts)
        print(f"{path.name:28s} matched {counts[0]:4d} pred {counts[1]:4d} gold {counts[2]:4d}  "
              f"P {p:.3f} R {r:.3f} F1 {f:.3f}")
        total = [a + b for a, b in zip(total, counts)]
    p, r, f = _prf(*total)
    print(f"{'both':28s} matched {total[0]:4d} pred {total[1]:4d} gold {total[2]:4d}  P {p:.3f} R {r:.3f} F1 {f:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

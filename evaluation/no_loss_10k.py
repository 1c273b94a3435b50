"""No-loss check at corpus size: 10,000 records, 5 % of the lines corrupt.

Builds a JSON Lines corpus from the bundled Australian records (tests/data/au_dev.jsonl,
each reused under fresh ids), corrupts every 20th line in one of eight ways seen in
scraped data, scores it with :func:`respassess.batch.score_corpus` (real spaCy, hashing
embedder) and checks that every good record was scored, in input order, and every bad
line is reported with its line number.

Usage::

    .venv/bin/python evaluation/no_loss_10k.py [--records 10000] [--workers 1] [--out runs/no_loss]

Exit code 0 when nothing was lost, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO / "tests" / "data" / "au_dev.jsonl"


def corrupt_line(good: str, kind: int, row: dict) -> bytes:
    """One of eight corruptions: truncated, non-UTF-8, duplicate id, missing field, surrogate,
    empty recommendation, wrong type, not an object."""
    if kind == 0:
        return good[: len(good) // 2].encode()
    if kind == 1:
        return good.replace("Committee", "Comit\udce9", 1).encode("utf-8", "surrogateescape")
    if kind == 2:
        return json.dumps({**row, "id": "dup-target"}).encode()
    if kind == 3:
        return json.dumps({"id": row["id"], "response": row["response"]}).encode()
    if kind == 4:
        return json.dumps({**row, "response": row["response"][:40] + "\ud800"}).encode()
    if kind == 5:
        return json.dumps({**row, "recommendation": " \n\t "}).encode()
    if kind == 6:
        return json.dumps({**row, "recommendation": 12345}).encode()
    return json.dumps([row["recommendation"], row["response"]]).encode()


def build_corpus(path: Path, n: int) -> tuple[list[str], dict[int, int]]:
    """Write the corpus; return the good ids in order and {bad line number: corruption kind}."""
    base = [json.loads(line) for line in SOURCE.read_text(encoding="utf-8").splitlines() if line.strip()]
    good_ids: list[str] = []
    bad: dict[int, int] = {}
    with open(path, "wb") as fh:
        for i in range(n):
            line_no = i + 1
            row = {**base[i % len(base)], "id": "dup-target" if i == 0 else f"r{i:05d}"}
            if line_no % 20 == 0:
                kind = (line_no // 20) % 8
                bad[line_no] = kind
                fh.write(corrupt_line(json.dumps(row, ensure_ascii=False), kind, row) + b"\n")
            else:
                good_ids.append(row["id"])
                fh.write(json.dumps(row, ensure_ascii=False).encode() + b"\n")
    return good_ids, bad


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--out", type=Path, default=REPO / "runs" / "no_loss")
    args = parser.parse_args(argv)

    from respassess.batch import score_corpus
    from respassess.config import AssessConfig

    args.out.mkdir(parents=True, exist_ok=True)
    corpus = args.out / "corpus.jsonl"
    good_ids, bad = build_corpus(corpus, args.records)
    out = args.out / "scored.jsonl"
    config = AssessConfig(embedder_kind="hashing")
    started = time.perf_counter()
    summary = score_corpus(corpus, out, config=config, resume=False, workers=args.workers)
    seconds = time.perf_counter() - started

    scored = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]
    errors = [json.loads(line) for line in Path(summary.errors_path).read_text(encoding="utf-8").splitlines()
              if line.strip()] if summary.failed else []
    reported = {e["line"] for e in errors}
    missing_good = [i for i in good_ids if i not in set(scored)]
    unreported_bad = sorted(set(bad) - reported)
    result = {
        "records": args.records, "good": len(good_ids), "corrupt": len(bad), "workers": args.workers,
        "scored": summary.scored, "failed": summary.failed, "seconds": round(seconds, 1),
        "records_per_second": round(args.records / seconds, 1),
        "scored_in_input_order": scored == good_ids, "missing_good": missing_good[:10],
        "unreported_bad_lines": unreported_bad[:10], "unexpected_errors": sorted(reported - set(bad))[:10],
    }
    print(json.dumps(result, indent=2))
    ok = not missing_good and not unreported_bad and scored == good_ids and reported == set(bad)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

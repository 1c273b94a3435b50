"""Evaluate the document splitter on the real response documents in ../shared/data.

For each document: recall of the recommendations in the reference records (by
recommendation number), mean token-set overlap (Jaccard of lower-cased word sets)
of the extracted recommendation and response with the reference texts, and
pairing accuracy = share of reference recommendations whose extracted
recommendation AND response both overlap the reference by at least 0.8
(recommendation not compared for UPR addenda, which quote numbers only; response
not compared for TAIC status reports, whose replies differ from the register's).

Run from the repository root::

    PYTHONPATH=src .venv/bin/python evaluation/split_eval.py [--data ../shared/data] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from respassess.records.documents import read_document
from respassess.records.split import split_document

THRESHOLD = 0.8

# (name, document files, reference records file, id filter, compare recommendation, compare response)
DOCUMENTS = [
    ("uk-dhsc (pdf)", ["documents/uk-dhsc-rapid-review-response-2024.pdf"], "records/uk_dhsc.jsonl", "", True, True),
    ("uk-dhsc (txt)", ["documents/uk-dhsc-rapid-review-response-2024.txt"], "records/uk_dhsc.jsonl", "", True, True),
    ("uk-pac seed tracker", ["seed/uk-pac-rec7-send.txt"], "records/uk_pac_seed.jsonl", "", True, True),
    ("au 1324", ["raw/au_otd/1324_1691.txt"], "records/au_dev.jsonl", "au-otd1324-", True, True),
    ("au 1140 (3 parts)", [f"raw/au_otd/1140_1364.part{i}.txt" for i in (1, 2, 3)], "records/au_dev.jsonl",
     "au-otd1140-", True, True),
    ("au 1143 part", ["raw/au_otd/1143_1367.part1.txt"], "records/au_dev.jsonl", "au-otd1143-", True, True),
    ("upr slovenia c3", ["raw/upr_slovenia/cycle3_A_HRC_43_15_Add.1.txt"], "records/upr_slovenia.jsonl",
     "upr-svn-c3-", False, True),
    ("upr slovenia c4", ["raw/upr_slovenia/cycle4_A_HRC_59_15_Add.1.txt"], "records/upr_slovenia.jsonl",
     "upr-svn-c4-", False, True),
    ("nz taic 2022 (docx)", ["raw/nz_taic/taic_2022-06-30.SR.Report.to.Minister.docx"], "records/nz_taic_all.jsonl",
     None, True, False),
    ("nz taic 2023 (docx)", ["raw/nz_taic/taic_2023-06-30.SR.Report.to.Minister.docx"], "records/nz_taic_all.jsonl",
     None, True, False),
]


def tokens(text: str | None) -> set[str]:
    """Lower-cased word tokens of a text."""
    return set(re.findall(r"\w+", (text or "").lower()))


def overlap(a: str | None, b: str | None) -> float:
    """Token-set Jaccard overlap; 1.0 when both are empty."""
    ta, tb = tokens(a), tokens(b)
    return 1.0 if not ta and not tb else len(ta & tb) / len(ta | tb)


def evaluate(data: Path) -> list[dict]:
    """Split every document and compare with its reference records; one row per document."""
    rows = []
    for name, files, ref_file, id_prefix, cmp_rec, cmp_resp in DOCUMENTS:
        paths = [data / f for f in files]
        if not all(p.exists() for p in paths):
            continue
        found: dict[str, object] = {}
        for path in paths:
            for pair in split_document(read_document(path)).pairs:
                found.setdefault(pair.rec_number, pair)
        refs = [json.loads(ln) for ln in open(data / ref_file, encoding="utf-8") if ln.strip()]
        if id_prefix is not None:
            refs = [r for r in refs if r["id"].startswith(id_prefix)]
        else:  # TAIC: the register holds every recommendation; score those the report names. One
            # number can be issued to several recipients, so keep the register row closest to the pair.
            best: dict[str, dict] = {}
            for r in refs:
                pair = found.get(r.get("rec_number"))
                if pair is not None and (r["rec_number"] not in best or overlap(pair.recommendation, r["recommendation"])
                                         > overlap(pair.recommendation, best[r["rec_number"]]["recommendation"])):
                    best[r["rec_number"]] = r
            refs = list(best.values())
        hits, rec_ov, resp_ov, correct = 0, [], [], 0
        for ref in refs:
            pair = found.get(str(ref.get("rec_number")))
            if pair is None:
                rec_ov.append(0.0)
                resp_ov.append(0.0)
                continue
            hits += 1
            r_ov = overlap(pair.recommendation, ref["recommendation"]) if cmp_rec else 1.0
            p_ov = overlap(pair.response, ref["response"]) if cmp_resp else 1.0
            rec_ov.append(r_ov)
            resp_ov.append(p_ov)
            correct += r_ov >= THRESHOLD and p_ov >= THRESHOLD
        n = len(refs) or 1
        rows.append({"document": name, "reference": len(refs), "found": len(found), "matched": hits,
                     "recall": hits / n, "rec_overlap": sum(rec_ov) / n if cmp_rec else None,
                     "resp_overlap": sum(resp_ov) / n if cmp_resp else None, "pairing_accuracy": correct / n})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    rows = evaluate(args.data)
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    fmt = "{:<22} {:>4} {:>6} {:>7} {:>8} {:>8} {:>9}"
    print(fmt.format("document", "ref", "found", "recall", "rec_ov", "resp_ov", "pair_acc"))
    for r in rows:
        print(fmt.format(r["document"], r["reference"], r["found"], f"{r['recall']:.3f}",
                         "-" if r["rec_overlap"] is None else f"{r['rec_overlap']:.3f}",
                         "-" if r["resp_overlap"] is None else f"{r['resp_overlap']:.3f}",
                         f"{r['pairing_accuracy']:.3f}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())

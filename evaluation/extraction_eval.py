"""Score the date, amount and commitment extractors against the dev gold (ANNOTATION.md §3-4).

Usage::

    python evaluation/extraction_eval.py [--gold ../shared/data/gold/dev.jsonl] [--show-errors]

Records' texts come from ``../shared/data/records/*.jsonl`` joined by ``id``. Findings
are matched to gold one-to-one by span overlap (gold spans are located in the
response by string search). Printed per half: span P/R/F1, value P/R/F1 (a match
whose normalised value also agrees) and value accuracy on matched pairs for dates
and amounts; detection P/R/F1 and strength accuracy on matched pairs for
commitments. The "dev" half (hash % 3 != 0) is the one rules were tuned on; the
"held-out" half (hash % 3 == 0) was only scored.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
RECORD_FILES = ("uk_pac_seed", "uk_dhsc", "au_dev", "nz_taic_sample", "upr_slovenia")


def half(record_id: str) -> str:
    """Return "held-out" for a stable third of the records, "dev" for the rest."""
    return "held-out" if int(hashlib.sha256(record_id.encode()).hexdigest(), 16) % 3 == 0 else "dev"


def locate(text: str, needle: str, taken: set[tuple[int, int]]) -> tuple[int, int] | None:
    """Find the first occurrence of a gold span not already used by an earlier gold item."""
    start = text.find(needle)
    while start != -1:
        span = (start, start + len(needle))
        if span not in taken:
            taken.add(span)
            return span
        start = text.find(needle, start + 1)
    return None


def match(gold: list[tuple[int, int, dict]], pred: list[tuple[int, int, object]]) -> list[tuple[dict, object]]:
    """One-to-one greedy matching by largest character overlap."""
    pairs = []
    for gi, (gs, ge, _) in enumerate(gold):
        for pi, (ps, pe, _) in enumerate(pred):
            overlap = min(ge, pe) - max(gs, ps)
            if overlap > 0:
                pairs.append((overlap, gi, pi))
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in sorted(pairs, reverse=True):
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gold[gi][2], pred[pi][2]))
    return out


def prf(tp: int, n_pred: int, n_gold: int) -> str:
    if not n_pred and not n_gold:
        return "n/a (nothing in gold, nothing predicted)"
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P={p:.3f} R={r:.3f} F1={f:.3f} (tp={tp}, pred={n_pred}, gold={n_gold})"


def same_amount(g: dict, p) -> bool:
    return abs(float(g["value"]) - p.value) <= 1e-6 * max(1.0, abs(p.value)) and g.get("currency") == p.currency and (
        g.get("approx") or None) == (p.approx.value if p.approx else None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", default=str(SHARED / "gold" / "dev.jsonl"))
    parser.add_argument("--show-errors", action="store_true", help="print misses and false positives")
    parser.add_argument("--errors-half", default="dev", choices=["dev", "held-out", "both"],
                        help="whose errors --show-errors prints (tune on dev only)")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT / "src"))
    import spacy

    from respassess.config import DEFAULT_SPACY_MODEL
    from respassess.extract import extract_actions, extract_amounts, extract_commitments, extract_dates
    from respassess.segment import split_sentences

    records = {}
    for name in RECORD_FILES:
        with open(SHARED / "records" / f"{name}.jsonl", encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    records[rec["id"]] = rec
    with open(args.gold, encoding="utf-8") as fh:
        gold = [json.loads(line) for line in fh if line.strip()]
    nlp = spacy.load(DEFAULT_SPACY_MODEL)

    stats: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for g in gold:
        rec = records[g["id"]]
        text = rec.get("response") or ""
        doc = nlp(text)
        sentences = split_sentences(doc)
        dates = extract_dates(doc, response_date=rec.get("response_date"), jurisdiction=rec.get("jurisdiction"))
        amounts = extract_amounts(doc, jurisdiction=rec.get("jurisdiction"))
        commitments = extract_commitments(doc, sentences, dates=dates, amounts=amounts)
        extract_actions(doc, sentences)  # exercised for crashes; not in the gold
        st = stats[half(g["id"])]
        show = args.show_errors and args.errors_half in ("both", half(g["id"]))
        for kind, items, preds in (("dates", g["dates"], dates), ("amounts", g["amounts"], amounts),
                                   ("commitments", g["commitments"], commitments)):
            taken: set[tuple[int, int]] = set()
            gspans = []
            for item in items:
                span = locate(text, item["text"], taken)
                if span is None:
                    print(f"warning: gold {kind} span not found in {g['id']}: {item['text']!r}", file=sys.stderr)
                    continue
                gspans.append((span[0], span[1], item))
            pairs = match(gspans, [(p.start, p.end, p) for p in preds])
            st[f"{kind}_gold"] += len(gspans)
            st[f"{kind}_pred"] += len(preds)
            st[f"{kind}_tp"] += len(pairs)
            matched_preds = {id(p) for _, p in pairs}
            matched_gold = {id(gi) for gi, _ in pairs}
            for gi, p in pairs:
                if kind == "dates":
                    ok = gi["value"] == p.value
                    st["dates_role_ok"] += gi.get("role") == p.role.value
                    st["dates_vague_ok"] += bool(gi.get("vague")) == p.vague
                elif kind == "amounts":
                    ok = same_amount(gi, p)
                else:
                    ok = gi["strength"] == p.strength.value
                st[f"{kind}_value_ok"] += ok
                if show and not ok:
                    got = p.value if kind != "commitments" else p.strength.value
                    want = gi.get("value", gi.get("strength"))
                    print(f"[{g['id']}] {kind} value: gold {gi['text']!r}={want!r} pred {p.text[:90]!r}={got!r}")
            if show:
                for _, _, gi in gspans:
                    if id(gi) not in matched_gold:
                        print(f"[{g['id']}] {kind} MISS: {gi['text'][:100]!r}")
                for p in preds:
                    if id(p) not in matched_preds:
                        print(f"[{g['id']}] {kind} FP: {p.text[:100]!r}")
    for name in ("dev", "held-out"):
        st = stats[name]
        print(f"== {name} half ==")
        for kind, label in (("dates", "value"), ("amounts", "value"), ("commitments", "strength")):
            tp = int(st[f"{kind}_tp"])
            print(f"  {kind:<11} span   {prf(tp, int(st[f'{kind}_pred']), int(st[f'{kind}_gold']))}")
            ok = int(st[f"{kind}_value_ok"])
            if kind != "commitments":
                print(f"  {kind:<11} {label:<6} {prf(ok, int(st[f'{kind}_pred']), int(st[f'{kind}_gold']))}")
            acc = f"{ok / tp:.3f}" if tp else "n/a"
            print(f"  {kind:<11} {label} accuracy on matched: {acc} ({ok}/{tp})")
        tp = st["dates_tp"]
        if tp:
            print(f"  dates       role accuracy on matched: {st['dates_role_ok'] / tp:.3f}; "
                  f"vague accuracy: {st['dates_vague_ok'] / tp:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

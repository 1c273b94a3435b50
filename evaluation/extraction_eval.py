"""Score the date, amount and commitment extractors against the gold files (ANNOTATION.md §3-4).

Usage::

    python evaluation/extraction_eval.py [--gold FILE ...] [--split dev|test|both] [--show-errors] [--json OUT]

By default both gold files are scored: ``../shared/data/gold/dev.jsonl`` (one annotator)
and ``evaluation/gold/respassess_team.jsonl`` (team-annotated; follows ANNOTATION.md
where dev.jsonl deviates, e.g. no years inside names). Records' texts always come from
``../shared/data/records/*.jsonl`` joined by ``id`` (a gold row's ``source_file`` names the
file when given). Findings are matched to gold one-to-one by span overlap (gold spans
are located in the response by string search).

Printed per gold file and per split, and for both files together: span P/R/F1, value
P/R/F1 (a match whose normalised value also agrees; dates as intervals of days) and value accuracy on matched pairs
for dates and amounts; role and vague accuracy for dates; detection P/R/F1, strength
accuracy and actor agreement on matched pairs for commitments.

Splits follow ``respassess.evaluate.heldout_split``: "dev" records are the ones rules may
be tuned on; "test" records are only scored. ``--show-errors`` prints dev errors only, so
nobody reads held-out texts or labels by accident.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
GOLD_FILES = (SHARED / "gold" / "dev.jsonl", ROOT / "evaluation" / "gold" / "respassess_team.jsonl")
# the sample before the whole register: where both hold an id, the sample (with its Ministry fields) wins
RECORD_FILES = ("uk_pac_seed", "uk_dhsc", "au_dev", "nz_taic_sample", "nz_taic_all", "upr_slovenia", "uk_pfd")
KINDS = ("dates", "amounts", "commitments")


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


def prf(tp: float, n_pred: float, n_gold: float) -> dict[str, float]:
    """Precision, recall and F1 (0 when undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def same_amount(g: dict, p) -> bool:
    """True when a predicted amount has the gold value, currency and qualifier."""
    return abs(float(g["value"]) - p.value) <= 1e-6 * max(1.0, abs(p.value)) and g.get("currency") == p.currency and (
        g.get("approx") or None) == (p.approx.value if p.approx else None)


def _norm_actor(actor: str | None) -> str:
    return re.sub(r"[’']", "'", re.sub(r"^(?:the)\s+", "", (actor or "").strip().lower()))


def same_actor(gold_actor: str | None, pred_actor: str | None, responder: str | None) -> bool:
    """Loose actor agreement: containment either way; "we"/"I" counts as the record's responder."""
    g, p = _norm_actor(gold_actor), _norm_actor(pred_actor)
    if not g or not p:
        return g == p
    if p in ("we", "i", "us", "our"):
        # gold names the responder where the text says "we"; accept when gold is that responder
        return bool(responder) and (_norm_actor(responder) in g or g in _norm_actor(responder))
    return g in p or p in g


def load_records(ids: set[str]) -> dict[str, dict]:
    """The records (from ../shared/data/records) whose ids are in ``ids``."""
    records: dict[str, dict] = {}
    for name in RECORD_FILES:
        path = SHARED / "records" / f"{name}.jsonl"
        if not path.exists():
            continue
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    if rec["id"] in ids and rec["id"] not in records:
                        records[rec["id"]] = rec
    return records


def score_record(nlp, g: dict, rec: dict, st: dict[str, float], show: bool) -> None:
    """Run the extractors on one record and add its counts to ``st``; print its errors when ``show``."""
    from respassess.extract import extract_actions, extract_amounts, extract_commitments, extract_dates
    from respassess.segment import split_sentences
    from respassess.evaluation.metrics import date_bounds

    text = rec.get("response") or ""
    doc = nlp(text)
    sentences = split_sentences(doc)
    dates = extract_dates(doc, response_date=rec.get("response_date"), jurisdiction=rec.get("jurisdiction"),
                          anchor_date=rec.get("recommendation_date"))
    amounts = extract_amounts(doc, jurisdiction=rec.get("jurisdiction"))
    commitments = extract_commitments(doc, sentences, dates=dates, amounts=amounts)
    extract_actions(doc, sentences)  # exercised for crashes; not in the gold
    st["records"] += 1
    for kind, items, preds in (("dates", g.get("dates", []), dates), ("amounts", g.get("amounts", []), amounts),
                               ("commitments", g.get("commitments", []), commitments)):
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
        for gi, p in pairs:
            if kind == "dates":
                ok = date_bounds(gi["value"]) == date_bounds(p.value)
                role_ok = gi.get("role") == p.role.value
                st["dates_role_ok"] += role_ok
                st["dates_vague_ok"] += bool(gi.get("vague")) == p.vague
                if show and not role_ok:
                    print(f"[{g['id']}] dates role: {gi['text']!r} gold {gi.get('role')} pred {p.role.value}")
            elif kind == "amounts":
                ok = same_amount(gi, p)
            else:
                ok = gi["strength"] == p.strength.value
                actor_ok = same_actor(gi.get("actor"), p.actor, rec.get("recipient"))
                st["commitments_actor_ok"] += actor_ok
                if show and not actor_ok:
                    print(f"[{g['id']}] commitments actor: gold {gi.get('actor')!r} pred {p.actor!r} "
                          f"in {p.text[:60]!r}")
            st[f"{kind}_value_ok"] += ok
            if show and not ok:
                got = p.value if kind != "commitments" else p.strength.value
                want = gi.get("value", gi.get("strength"))
                print(f"[{g['id']}] {kind} value: gold {gi['text']!r}={want!r} pred {p.text[:90]!r}={got!r}")
        if show:
            matched_preds = {id(p) for _, p in pairs}
            matched_gold = {id(gi) for gi, _ in pairs}
            for _, _, gi in gspans:
                if id(gi) not in matched_gold:
                    print(f"[{g['id']}] {kind} MISS: {gi['text'][:100]!r}")
            for p in preds:
                if id(p) not in matched_preds:
                    print(f"[{g['id']}] {kind} FP: {p.text[:100]!r}")


def summarise(st: dict[str, float]) -> dict[str, float]:
    """Turn raw counts into the figures reported (span/value P/R/F1, accuracies on matched pairs)."""
    out: dict[str, float] = {"records": int(st["records"])}
    for kind in KINDS:
        tp, n_pred, n_gold = st[f"{kind}_tp"], st[f"{kind}_pred"], st[f"{kind}_gold"]
        out.update({f"{kind}_span_{k}": v for k, v in prf(tp, n_pred, n_gold).items()})
        out.update({f"{kind}_tp": int(tp), f"{kind}_pred": int(n_pred), f"{kind}_gold": int(n_gold)})
        ok = st[f"{kind}_value_ok"]
        label = "strength" if kind == "commitments" else "value"
        if kind != "commitments":
            out.update({f"{kind}_value_{k}": v for k, v in prf(ok, n_pred, n_gold).items()})
        out[f"{kind}_{label}_accuracy"] = ok / tp if tp else float("nan")
    tp = st["dates_tp"]
    out["dates_role_accuracy"] = st["dates_role_ok"] / tp if tp else float("nan")
    out["dates_vague_accuracy"] = st["dates_vague_ok"] / tp if tp else float("nan")
    tp = st["commitments_tp"]
    out["commitments_actor_accuracy"] = st["commitments_actor_ok"] / tp if tp else float("nan")
    return out


def format_summary(name: str, s: dict[str, float]) -> str:
    """A few readable lines for one (gold file, split) cell."""
    lines = [f"== {name} ({s['records']} records) =="]
    for kind in KINDS:
        lines.append(f"  {kind:<11} span   P={s[f'{kind}_span_p']:.3f} R={s[f'{kind}_span_r']:.3f} "
                     f"F1={s[f'{kind}_span_f1']:.3f} (tp={s[f'{kind}_tp']}, pred={s[f'{kind}_pred']}, "
                     f"gold={s[f'{kind}_gold']})")
        if kind == "commitments":
            lines.append(f"  {kind:<11} strength accuracy on matched {s['commitments_strength_accuracy']:.3f}; "
                         f"actor agreement {s['commitments_actor_accuracy']:.3f}")
        else:
            lines.append(f"  {kind:<11} value  F1={s[f'{kind}_value_f1']:.3f}; accuracy on matched "
                         f"{s[f'{kind}_value_accuracy']:.3f}")
    lines.append(f"  dates       role accuracy on matched {s['dates_role_accuracy']:.3f}; "
                 f"vague accuracy {s['dates_vague_accuracy']:.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Score every gold file given (default: both), per split, and print or write the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", action="append", help="a gold JSONL file (repeatable; default both files)")
    parser.add_argument("--show-errors", action="store_true", help="print misses, false positives and wrong "
                        "values of DEV-split records (held-out errors are never printed)")
    parser.add_argument("--split", default="dev", choices=["dev", "test", "both"],
                        help="which split's figures to print (default dev: look at test figures once, at the end)")
    parser.add_argument("--json", help="also write the figures as JSON to this path")
    args = parser.parse_args(argv)
    gold_paths = [Path(p) for p in (args.gold or GOLD_FILES)]

    sys.path.insert(0, str(ROOT / "src"))
    import spacy

    from respassess.config import DEFAULT_SPACY_MODEL
    from respassess.evaluate import heldout_split

    golds = {}
    for path in gold_paths:
        with open(path, encoding="utf-8") as fh:
            golds[path.name] = [json.loads(line) for line in fh if line.strip()]
    records = load_records({g["id"] for rows in golds.values() for g in rows})
    nlp = spacy.load(DEFAULT_SPACY_MODEL)

    stats: dict[tuple[str, str], dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for name, rows in golds.items():
        for g in rows:
            rec = records.get(g["id"])
            if rec is None:
                print(f"warning: no record for gold id {g['id']}", file=sys.stderr)
                continue
            split = heldout_split(g["id"])
            st = defaultdict(float)
            score_record(nlp, g, rec, st, args.show_errors and split == "dev")
            for key in ((name, split), ("both files", split)):
                for k, v in st.items():
                    stats[key][k] += v
    result = {}
    for name in [*golds, "both files"]:
        for split in ("dev", "test"):
            if (name, split) in stats and args.split in (split, "both"):
                summary = summarise(stats[(name, split)])
                result[f"{name}/{split}"] = summary
                print(format_summary(f"{name} / {split}", summary))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1, sort_keys=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

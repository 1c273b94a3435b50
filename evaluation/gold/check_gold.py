"""Check a gold annotation file against the records it annotates.

Every quoted span must be findable again by string search (ANNOTATION.md): clause
``text`` must be an exact substring of the record's recommendation; clause
``evidence``, commitment ``text``, date ``text`` and amount ``text`` must be exact
substrings of the record's response. The script also checks the closed label sets,
that ``coverage`` is the mean clause score, and a few consistency rules between
clauses and gap flags (``unaddressed_clause`` iff an ask is unaddressed, ``rejected``
when an ask or the stance is rejected, no evidence on unaddressed asks, evidence on
every other ask). Prints one line per violation and exits 1 if there are any.

Run from the repository root::

    .venv/bin/python evaluation/gold/check_gold.py evaluation/gold/respassess_team.jsonl \
        [--data ../shared/data] [--not-in ../shared/data/gold/dev.jsonl]

With ``--not-in`` it also reports ids that already appear in another gold file.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

STANCES = {"accepted", "accepted_in_principle", "partially_accepted", "noted",
           "under_consideration", "rejected", "unclear"}
CLAUSE_SCORES = {"addressed": 1.0, "partial": 0.5, "unaddressed": 0.0, "rejected": 0.0}
STRENGTHS = {"firm", "qualified", "vague"}
ROLES = {"deadline", "past", "reference"}
APPROX = {None, "above", "below", "about"}
GAPS = {"unaddressed_clause", "plan_pending", "no_timeline", "vague_timeline", "no_funding",
        "no_metrics", "existing_activity_only", "deflected", "hedged",
        "acceptance_without_action", "rejected"}
REQUIRED = ["id", "stance", "official_status", "clauses", "commitments", "dates", "amounts",
            "gaps", "coverage", "notes"]
# the whole-register TAIC export repeats ids of the sample with other fields; the sample, read after it, wins


def load_records(data: Path) -> dict[str, dict]:
    """Index every record under ``data/records`` by id.

    Args:
        data: the shared data folder (holds ``records/*.jsonl``).

    Returns:
        Mapping from record id to the record, with ``_file`` set to its file name.
    """
    records: dict[str, dict] = {}
    for path in sorted((data / "records").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            if "id" in rec:
                rec["_file"] = path.name
                records[rec["id"]] = rec
    return records


def check_record(gold: dict, rec: dict | None) -> list[str]:
    """Return the violations of one gold annotation.

    Args:
        gold: one gold object.
        rec: the record it annotates, or None when the id is unknown.

    Returns:
        Human-readable violation strings (empty when the annotation is clean).
    """
    out: list[str] = []
    gid = gold.get("id", "<no id>")
    for key in REQUIRED:
        if key not in gold:
            out.append(f"missing key {key!r}")
    if rec is None:
        return out + [f"id {gid!r} not found in any records file"]
    if gold.get("source_file") not in (None, rec["_file"]):
        out.append(f"source_file {gold.get('source_file')!r} but the id is in {rec['_file']!r}")
    reco, resp = rec.get("recommendation") or "", rec.get("response") or ""
    if gold.get("stance") not in STANCES:
        out.append(f"stance {gold.get('stance')!r} not in {sorted(STANCES)}")
    if gold.get("official_status") != rec.get("official_status"):
        out.append(f"official_status {gold.get('official_status')!r} != record's {rec.get('official_status')!r}")

    clauses = gold.get("clauses") or []
    if not clauses:
        out.append("no clauses")
    for i, cl in enumerate(clauses):
        text, label, ev = cl.get("text", ""), cl.get("label"), cl.get("evidence", [])
        if not text or text not in reco:
            out.append(f"clause[{i}] text not in recommendation: {text[:70]!r}")
        if label not in CLAUSE_SCORES:
            out.append(f"clause[{i}] label {label!r} not in {sorted(CLAUSE_SCORES)}")
        if label == "unaddressed" and ev:
            out.append(f"clause[{i}] is unaddressed but has evidence")
        if label in ("addressed", "partial", "rejected") and not ev:
            out.append(f"clause[{i}] is {label} but has no evidence")
        for j, e in enumerate(ev):
            if not e or e not in resp:
                out.append(f"clause[{i}].evidence[{j}] not in response: {e[:70]!r}")
    if clauses:
        want = sum(CLAUSE_SCORES.get(c.get("label"), 0.0) for c in clauses) / len(clauses)
        # two decimals, either rounding of an exact half (0.125 -> 0.12 or 0.13)
        if not isinstance(gold.get("coverage"), (int, float)) or abs(gold["coverage"] - want) > 0.0051:
            out.append(f"coverage {gold.get('coverage')!r} != mean clause score {want:.3f}")

    for i, cm in enumerate(gold.get("commitments") or []):
        if not cm.get("text") or cm["text"] not in resp:
            out.append(f"commitment[{i}] text not in response: {cm.get('text', '')[:70]!r}")
        if cm.get("strength") not in STRENGTHS:
            out.append(f"commitment[{i}] strength {cm.get('strength')!r} not in {sorted(STRENGTHS)}")
        if not cm.get("actor"):
            out.append(f"commitment[{i}] has no actor")
        if cm.get("deadline") is not None and cm["deadline"] not in resp:
            out.append(f"commitment[{i}] deadline {cm['deadline']!r} not in response")
    for i, d in enumerate(gold.get("dates") or []):
        if not d.get("text") or d["text"] not in resp:
            out.append(f"date[{i}] text not in response: {d.get('text', '')[:70]!r}")
        if not isinstance(d.get("vague"), bool):
            out.append(f"date[{i}] vague must be true/false, got {d.get('vague')!r}")
        if d.get("role") not in ROLES:
            out.append(f"date[{i}] role {d.get('role')!r} not in {sorted(ROLES)}")
    for i, a in enumerate(gold.get("amounts") or []):
        if not a.get("text") or a["text"] not in resp:
            out.append(f"amount[{i}] text not in response: {a.get('text', '')[:70]!r}")
        val = a.get("value")
        if not (isinstance(val, (int, float)) or (isinstance(val, list) and len(val) == 2)):
            out.append(f"amount[{i}] value {val!r} is neither a number nor [low, high]")
        if a.get("approx") not in APPROX:
            out.append(f"amount[{i}] approx {a.get('approx')!r} not in {sorted(map(str, APPROX))}")

    gaps = gold.get("gaps") or []
    for g in gaps:
        if g not in GAPS:
            out.append(f"gap {g!r} not in {sorted(GAPS)}")
    if len(set(gaps)) != len(gaps):
        out.append("duplicate gap flags")
    labels = {c.get("label") for c in clauses}
    if ("unaddressed" in labels) != ("unaddressed_clause" in gaps):
        out.append("unaddressed_clause flag does not match the clause labels")
    if ("rejected" in labels or gold.get("stance") == "rejected") and "rejected" not in gaps:
        out.append("a clause or the stance is rejected but the 'rejected' flag is missing")
    if "rejected" in gaps and "rejected" not in labels and gold.get("stance") not in ("rejected", "partially_accepted"):
        out.append("'rejected' flag without a rejected clause or stance")
    return out


def main(argv: list[str] | None = None) -> int:
    """Check gold files; print violations; return the exit code."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="+", type=Path, help="gold JSON Lines file(s)")
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[3] / "shared" / "data",
                    help="shared data folder (default: ../shared/data next to the repository)")
    ap.add_argument("--not-in", type=Path, action="append", default=[],
                    help="another gold file whose ids must not be repeated")
    args = ap.parse_args(argv)
    if not (args.data / "records").is_dir():
        print(f"Error: --data {args.data} has no records/ folder; pass the shared data folder", file=sys.stderr)
        return 2
    records = load_records(args.data)
    taken = set()
    for other in args.not_in:
        taken |= {json.loads(l)["id"] for l in other.read_text(encoding="utf-8").splitlines() if l.strip()}
    n_bad = n = 0
    for path in args.gold:
        seen: set[str] = set()
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            n += 1
            try:
                gold = json.loads(line)
            except json.JSONDecodeError as exc:
                print(f"{path}:{lineno}: invalid JSON: {exc}")
                n_bad += 1
                continue
            gid = gold.get("id")
            problems = check_record(gold, records.get(gid))
            if gid in seen:
                problems.append("duplicate id in this file")
            if gid in taken:
                problems.append("id already annotated in a --not-in file")
            seen.add(gid)
            for p in problems:
                print(f"{path}:{lineno}: {gid}: {p}")
            n_bad += bool(problems)
    print(f"{n} records checked, {n_bad} with violations")
    return 1 if n_bad else 0


if __name__ == "__main__":
    sys.exit(main())

"""Speed and memory benchmark of corpus scoring (issue 7); a script, not a timed test.

Measures, in one run, on this machine:

* records/s of the full pipeline with MiniLM on typical records (nz_taic_sample + au_dev);
* efficiency = (spaCy parse + MiniLM encode of exactly the same texts, run alone) / pipeline time;
* cold start of ``respassess assess`` on one record (subprocess wall time);
* peak RSS of ``respassess score`` at two corpus sizes (nz_taic_all rows repeated under unique ids);
* Dask with 1 vs 2 workers (LocalCluster, 1 thread each);
* the static embedder vs MiniLM: speed, and the change in ask-label macro-F1 on the held-out gold records.

Writes ``evaluation/benchmarks/<date>.json`` and ``.md`` and prints the table.
CPU seconds are reported beside wall seconds: on a shared machine wall time also
counts other people's processes (the load average is recorded).

Usage::

    .venv/bin/python evaluation/benchmark.py [--rss-sizes 1000 10000] [--skip dask,rss,static,cold]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "data"
TYPICAL = (SHARED / "records" / "nz_taic_sample.jsonl", SHARED / "records" / "au_dev.jsonl")
TARGETS = {"efficiency": 0.85, "records_per_s_minilm": 15.0, "rss_gb_max": 1.5, "cold_start_s": 3.0,
           "dask_speedup": 1.7, "static_speedup": 4.0, "static_f1_drop_max": 0.03}


def _typical_records(limit: int | None) -> list:
    from respassess.records import read_records

    records = [r for path in TYPICAL for r in read_records(path)]
    return records[:limit] if limit else records


def _chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def _cpu() -> float:
    t = os.times()
    return t.user + t.system


def throughput(config, records: list) -> dict:
    """Pipeline records/s, and the time spaCy + the encoder alone take on the same texts."""
    from respassess.pipeline import Assessor

    assessor = Assessor(config)
    list(assessor.assess_many(records[:2]))  # load models outside the timing
    wall, cpu = time.perf_counter(), _cpu()
    assessments = list(assessor.assess_many(records))
    wall, cpu = time.perf_counter() - wall, _cpu() - cpu

    nlp, embedder, size = assessor.nlp, assessor.embedder, config.batch_size
    texts = [[t for r in chunk for t in (r.recommendation, r.response)] for chunk in _chunks(records, size)]
    per_chunk = [list(dict.fromkeys([c.ask.text for a in chunk for c in a.asks] +
                                    [s.text for a in chunk for s in a.sentences]))
                 for chunk in _chunks(assessments, size)]
    parse = time.perf_counter()
    for chunk in texts:
        list(nlp.pipe(chunk, batch_size=size))
    parse = time.perf_counter() - parse
    encode = time.perf_counter()
    for unique in per_chunk:
        if unique:
            embedder.encode(unique)
    encode = time.perf_counter() - encode
    return {"records": len(records), "embedder": embedder.model_id, "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
            "records_per_s": round(len(records) / wall, 2), "records_per_cpu_s": round(len(records) / cpu, 2),
            "spacy_alone_s": round(parse, 2), "encode_alone_s": round(encode, 2),
            "efficiency": round((parse + encode) / wall, 3)}


def _run_child(cmd: list[str]) -> dict:
    """Run a command; return its wall time, CPU time and peak RSS (its own, via wait4)."""
    start = time.perf_counter()
    # stderr goes to a file, not a pipe: a child that logs more than a pipe holds would block forever
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, cwd=REPO)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode(errors="replace")
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {stderr[-2000:]}")
    return {"wall_s": round(time.perf_counter() - start, 2), "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
            "peak_rss_mb": round(usage.ru_maxrss / 1024, 1), "last_line": stderr.strip().splitlines()[-1:]}


def _cli() -> list[str]:
    return [sys.executable, "-m", "respassess.cli"]


def cold_start() -> dict:
    """Wall time of a fresh ``respassess assess`` on one record (best of two)."""
    cmd = _cli() + ["assess", "--recommendation", "The Government should publish a costed plan by 2025.",
                    "--response", "The Government agrees and will publish the plan by March 2025."]
    runs = [_run_child(cmd) for _ in range(2)]
    return {"wall_s": min(r["wall_s"] for r in runs), "runs": runs}


def _big_corpus(path: Path, n: int) -> Path:
    rows = [json.loads(line) for line in open(SHARED / "records" / "nz_taic_all.jsonl", encoding="utf-8") if line.strip()]
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            row = dict(rows[i % len(rows)])
            row["id"] = f"{row['id']}#{i // len(rows)}"
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def peak_rss(sizes: list[int], kind: str, tmp: Path) -> dict:
    """Peak RSS of ``respassess score`` in one process at each corpus size."""
    out = {}
    for n in sizes:
        src = _big_corpus(tmp / f"in{n}.jsonl", n)
        result = _run_child(_cli() + ["score", str(src), "--out", str(tmp / f"out{n}.jsonl"), "--quiet",
                                      "--no-resume", "--embedder-kind", kind])
        result["records_per_s"] = round(n / result["wall_s"], 2)
        out[str(n)] = result
    return out


def dask_scaling(config, records: list, tmp: Path) -> dict:
    """Steady-state records/s on a Dask LocalCluster with 1 and 2 workers (startup timed apart)."""
    from respassess.batch import score_corpus

    out = {}
    for workers in (1, 2):
        stamps: list[tuple[float, int]] = []
        start = time.perf_counter()
        score_corpus(records, tmp / f"dask{workers}.jsonl", config=config, engine="dask", workers=workers,
                     resume=False, progress=lambda n: stamps.append((time.perf_counter(), n)))
        total = time.perf_counter() - start
        first_t, first_n = stamps[0]
        steady = (sum(n for _, n in stamps) - first_n) / max(1e-9, stamps[-1][0] - first_t)
        out[str(workers)] = {"total_s": round(total, 2), "first_chunk_s": round(first_t - start, 2),
                             "steady_records_per_s": round(steady, 2)}
    one = out["1"]["steady_records_per_s"]
    out["speedup"] = round(out["2"]["steady_records_per_s"] / one, 2) if one else None
    return out


def ask_f1(config) -> dict:
    """Ask-label macro-F1 with this config on the held-out gold records (no model was trained on them).

    The dev records would favour MiniLM: the ask-label model was fitted on their MiniLM features.
    Only this one figure per embedder is read from the held-out split; nothing is tuned on it.
    """
    try:
        from respassess.evaluate import evaluate, heldout_split, load_gold, load_record_texts
    except ImportError:
        return {"error": "respassess.evaluate is not available"}
    from respassess.pipeline import Assessor
    from respassess.records import record_from_mapping

    gold = [g for path in (SHARED / "gold" / "dev.jsonl", REPO / "evaluation" / "gold" / "respassess_team.jsonl")
            if path.exists() for g in load_gold(path) if heldout_split(g["id"]) == "test"]
    texts = load_record_texts([SHARED / "records"])
    gold = [g for g in gold if g["id"] in texts]
    records = [record_from_mapping(texts[g["id"]], source="records") for g in gold]
    predictions = [a.to_dict() for a in Assessor(config).assess_many(records)]
    metrics = evaluate(gold, predictions, records=texts, baselines=False, bootstrap=0)
    return {"ask_label_macro_f1": round(metrics["splits"]["all"]["headline"]["ask_label_macro_f1"], 4),
            "n_gold": len(gold), "split": "test"}


def _verdicts(r: dict) -> dict:
    t, v = TARGETS, {}
    if "minilm" in r:
        v["efficiency"] = r["minilm"]["efficiency"] >= t["efficiency"]
        v["records_per_s_minilm"] = r["minilm"]["records_per_s"] >= t["records_per_s_minilm"]
    if "cold_start" in r:
        v["cold_start"] = r["cold_start"]["wall_s"] <= t["cold_start_s"]
    if "rss" in r:
        v["rss"] = max(x["peak_rss_mb"] for x in r["rss"].values()) / 1024 <= t["rss_gb_max"]
    if "dask" in r:
        v["dask_speedup"] = (r["dask"]["speedup"] or 0) >= t["dask_speedup"]
    if "static" in r:
        v["static_speedup"] = r["static"]["speedup"] >= t["static_speedup"]
        drop = r["static"].get("f1_drop")
        v["static_f1_drop"] = drop is not None and drop <= t["static_f1_drop_max"]
    return v


def _markdown(r: dict) -> str:
    lines = [f"# Benchmark {r['date']}", "", f"Machine: {r['machine']}", "",
             "| measure | value | target | met |", "|---|---|---|---|"]
    v = r["verdicts"]

    def row(name, value, target, key):
        lines.append(f"| {name} | {value} | {target} | {'yes' if v.get(key) else 'NO'} |")

    if "minilm" in r:
        m = r["minilm"]
        row("records/s, MiniLM (cpu-s rate)", f"{m['records_per_s']} ({m['records_per_cpu_s']}/cpu-s)", "≥ 15",
            "records_per_s_minilm")
        row("efficiency (spaCy+encode alone / pipeline)",
            f"{m['efficiency']} ({m['spacy_alone_s']}+{m['encode_alone_s']} / {m['wall_s']} s)", "≥ 0.85", "efficiency")
    if "cold_start" in r:
        row("cold start, `respassess assess` one record", f"{r['cold_start']['wall_s']} s", "≤ 3 s", "cold_start")
    if "rss" in r:
        row("peak RSS by corpus size", ", ".join(f"{n}: {x['peak_rss_mb']} MB" for n, x in r["rss"].items()),
            "≤ 1.5 GB, flat", "rss")
    if "dask" in r:
        d = r["dask"]
        row("Dask 2 vs 1 worker (steady records/s)",
            f"{d['speedup']}× ({d['1']['steady_records_per_s']} → {d['2']['steady_records_per_s']})", "≥ 1.7×",
            "dask_speedup")
    if "static" in r:
        s = r["static"]
        row("static vs MiniLM speed (per CPU-s; wall)", f"{s['speedup']}×; {s['speedup_wall']}× ({s['records_per_s']} records/s)", "≥ 4×", "static_speedup")
        row("ask-label macro-F1 drop (held-out gold)", f"{s.get('f1_drop')} ({s.get('f1')})", "≤ 0.03", "static_f1_drop")
    lines += ["", "Raw figures: the JSON file of the same name.", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rss-sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--rss-embedder-kind", default="sentence-transformers")
    parser.add_argument("--limit", type=int, help="only the first N typical records")
    parser.add_argument("--skip", default="", help="comma-separated: cold,rss,dask,static")
    parser.add_argument("--out-dir", type=Path, default=REPO / "evaluation" / "benchmarks")
    args = parser.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))

    from respassess.config import AssessConfig

    records = _typical_records(args.limit)
    result: dict = {"date": dt.date.today().isoformat(),
                    "machine": f"{os.cpu_count()} cores, load average at start {os.getloadavg()[0]:.1f}"}
    # Child processes first, while this one is small: on Linux a child's peak RSS starts from its
    # parent's at fork time, so measuring after loading models here would report this process's size.
    if "cold" not in skip:
        result["cold_start"] = cold_start()
        print("cold", result["cold_start"], flush=True)
    if "rss" not in skip:
        with tempfile.TemporaryDirectory() as tmp:
            result["rss"] = peak_rss(args.rss_sizes, args.rss_embedder_kind, Path(tmp))
        print("rss", result["rss"], flush=True)
    minilm = AssessConfig()
    result["minilm"] = throughput(minilm, records)
    print("minilm", result["minilm"], flush=True)
    if "static" not in skip:
        static = throughput(AssessConfig(embedder_kind="static"), records)
        f1_minilm, f1_static = ask_f1(minilm), ask_f1(AssessConfig(embedder_kind="static"))
        drop = (round(f1_minilm["ask_label_macro_f1"] - f1_static["ask_label_macro_f1"], 4)
                if "error" not in f1_minilm else None)
        result["static"] = {**static, "speedup": round(static["records_per_cpu_s"] / result["minilm"]["records_per_cpu_s"], 2),
                            "speedup_wall": round(static["records_per_s"] / result["minilm"]["records_per_s"], 2),
                            "encode_speedup": round(result["minilm"]["encode_alone_s"] / max(1e-9, static["encode_alone_s"]), 1),
                            "f1": {"minilm": f1_minilm, "static": f1_static}, "f1_drop": drop}
        print("static", result["static"], flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        if "dask" not in skip:
            result["dask"] = dask_scaling(minilm.replace(batch_size=16), records, Path(tmp))
            print("dask", result["dask"], flush=True)
    result["load_average_at_end"] = round(os.getloadavg()[0], 1)
    result["verdicts"] = _verdicts(result)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    base = args.out_dir / result["date"]
    base.with_suffix(".json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    base.with_suffix(".md").write_text(_markdown(result), encoding="utf-8")
    print(_markdown(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

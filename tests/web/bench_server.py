"""Benchmark the clerk's page: warm check latency and what 20 concurrent checks do to it.

Not a test (no ``test_`` prefix): run it by hand on an otherwise idle machine::

    .venv/bin/python tests/web/bench_server.py [--threads 2] [--warm 30] [--clients 20] [--per-client 3]

It serves the app with the threaded server on 127.0.0.1 and a free port (as
``respassess serve`` does), then sends the seed record (tests/data/uk_pac_seed.jsonl):
first one request at a time, then from 20 client threads released together.
All traffic stays on 127.0.0.1; every loop is bounded.
"""

from __future__ import annotations

import argparse
import json
import statistics
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

SEED = Path(__file__).resolve().parents[1] / "data" / "uk_pac_seed.jsonl"


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def _line(name: str, values: list[float]) -> str:
    return (f"{name}: n={len(values)} median={statistics.median(values) * 1000:.0f} ms "
            f"p95={_pct(values, 0.95) * 1000:.0f} ms max={max(values) * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2, help="torch threads (serve's --model-threads)")
    parser.add_argument("--warm", type=int, default=30, help="sequential warm checks")
    parser.add_argument("--clients", type=int, default=20, help="concurrent client threads")
    parser.add_argument("--per-client", type=int, default=3, help="checks per client thread")
    args = parser.parse_args()

    import logging

    from respassess.pipeline import Assessor
    from respassess.web import create_app, make_clerk_server

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request

    seed = json.loads(SEED.read_text(encoding="utf-8").splitlines()[0])
    started = time.perf_counter()
    app = create_app(Assessor(), model_threads=args.threads)
    print(f"start-up (models loaded and warmed): {time.perf_counter() - started:.1f} s")
    server = make_clerk_server(app, host="127.0.0.1", port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_port}"
    api_body = json.dumps({"recommendation": seed["recommendation"], "response": seed["response"],
                           "official_status": seed["official_status"], "jurisdiction": seed["jurisdiction"]}).encode()
    form_body = urllib.parse.urlencode({"recommendation": seed["recommendation"], "response": seed["response"],
                                        "official_status": seed["official_status"]}).encode()

    def api_check() -> float:
        request = urllib.request.Request(f"{base}/api/assess", data=api_body,
                                         headers={"Content-Type": "application/json"})
        t0 = time.perf_counter()
        with urllib.request.urlopen(request, timeout=120) as response:
            assert json.loads(response.read())["stance"]
        return time.perf_counter() - t0

    def page_check() -> float:
        t0 = time.perf_counter()
        with urllib.request.urlopen(urllib.request.Request(f"{base}/check", data=form_body), timeout=120) as response:
            assert b"Gaps a clerk would flag" in response.read()  # followed the 303 to the report
        return time.perf_counter() - t0

    try:
        for _ in range(3):
            api_check()
        cpu0 = time.process_time()
        print(_line("warm check, POST /api/assess, one at a time", [api_check() for _ in range(args.warm)]))
        # CPU time does not grow with other programs' load: on an idle machine a check takes about this long.
        print(f"  CPU time per warm check (server and client, this process): "
              f"{(time.process_time() - cpu0) / args.warm * 1000:.0f} ms")
        print(_line("warm check, POST /check + GET report page", [page_check() for _ in range(max(5, args.warm // 3))]))

        latencies: list[float] = []
        lock = threading.Lock()
        gate = threading.Barrier(args.clients)

        def client() -> None:
            gate.wait()
            for _ in range(args.per_client):
                elapsed = api_check()
                with lock:
                    latencies.append(elapsed)

        workers = [threading.Thread(target=client) for _ in range(args.clients)]
        t0 = time.perf_counter()
        for w in workers:
            w.start()
        for w in workers:
            w.join(timeout=600)
        wall = time.perf_counter() - t0
        print(_line(f"{args.clients} concurrent clients x {args.per_client} checks", latencies))
        print(f"  wall {wall:.1f} s, throughput {len(latencies) / wall:.1f} checks/s, all answered: "
              f"{len(latencies) == args.clients * args.per_client}")
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    main()

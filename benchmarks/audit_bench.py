"""Benchmark of `python -m bot audit`: 1,000 URLs over 50 loopback hosts (127.0.0.1–127.0.0.50), each
host answering every request after 100 ms.

Run: python benchmarks/audit_bench.py [--repeat N] [--urls N] [--hosts N] [--delay S]. The ideal wall time
is urls × delay / global limit (1,000 × 0.1 s / 16 ≈ 6.3 s): the global limit is the bottleneck, as 50
hosts × 2 per host allow 100 at a time. The servers themselves measure the most requests they served
at once (per host and in all), so the limits are checked from the outside. Prints medians of the real
CLI in a subprocess (interpreter start-up and imports included).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from link_servers import Gauge, LinkServer  # noqa: E402

from bot import dataset  # noqa: E402
from bot.audit.settings import Settings  # noqa: E402
from bot.layout import Layout  # noqa: E402

LAYOUT = Layout()
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run(
    servers: list[LinkServer], shared: Gauge, args: argparse.Namespace, blocks: bool
) -> dict[str, object]:
    """Audit `args.urls` URLs spread round-robin over the hosts, or in blocks (all of host 1 first, …)."""
    for server in servers:
        server.gauge, server.seen = Gauge(), []
    shared.most = 0
    per_block = max(args.urls // len(servers), 1)
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp)
        rows = [
            {
                "id": f"m{i:04d}",
                "name": f"Model {i}",
                "url": servers[(i // per_block if blocks else i) % len(servers)].url(f"/delay/{i}"),
            }
            for i in range(args.urls)
        ]
        (repo / LAYOUT.data).parent.mkdir(parents=True)
        (repo / LAYOUT.schema).parent.mkdir(parents=True)
        shutil.copy(ROOT / LAYOUT.schema, repo / LAYOUT.schema)  # its url columns are the address fields
        (repo / LAYOUT.data).write_text(
            dataset.dump_rows(rows, order=("id", "name", "url", "data")), encoding="utf-8"
        )
        command = [sys.executable, "-m", "bot", "--repo", str(repo), "audit", "--format", "json"]
        times, cpu = [], []
        for _ in range(args.repeat):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=CHILD_ENV)
            times.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
            if proc.returncode != 0:
                raise SystemExit(proc.stderr)
            states = {item["state"] for item in json.loads(proc.stdout)}
            if states != {"ok"}:
                raise SystemExit(f"unexpected states {states}")
    return {
        "times": times,
        "cpu": statistics.median(cpu),
        "per_host": max(server.max_in_flight for server in servers),
        "total": shared.most,
        "requests": sum(len(server.seen) for server in servers) // args.repeat,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--urls", type=int, default=1000)
    parser.add_argument("--hosts", type=int, default=50)
    parser.add_argument("--delay", type=float, default=0.1)
    args = parser.parse_args()
    limits = Settings()
    shared = Gauge()
    servers = [
        LinkServer(f"127.0.0.{n}", delay=args.delay, shared=shared).start() for n in range(1, args.hosts + 1)
    ]
    try:
        results = {
            layout: run(servers, shared, args, layout == "blocks") for layout in ("round-robin", "blocks")
        }
    finally:
        for server in servers:
            server.stop()
    ideal = args.urls * args.delay / limits.total
    print(
        f"{args.urls} URLs over {args.hosts} hosts answering after {args.delay * 1000:.0f} ms; "
        f"ideal {args.urls} × {args.delay} s / {limits.total} = {ideal:.2f} s; medians of {args.repeat} runs\n"
    )
    print(
        "| URL order | requests a run | wall time (runs) | ratio to ideal (goal ≤ 1.5) | audit CPU time "
        f"| most at once per host (limit {limits.per_host}) | most at once in all (limit {limits.total}) |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for layout, r in results.items():
        times = r["times"]
        assert isinstance(times, list)
        wall = statistics.median(times)
        runs = ", ".join(f"{t:.2f}" for t in times)
        print(
            f"| {layout} | {r['requests']} | {wall:.2f} s ({runs}) | {wall / ideal:.2f}× | {r['cpu']:.2f} s "
            f"| {r['per_host']} | {r['total']} |"
        )


if __name__ == "__main__":
    main()

"""Benchmarks: `check` on the seed, `submit --write --dry-run` on synthetic 1k/10k-row data (not git repositories).

Run: python benchmarks/bench.py [--repeat N]. Prints a table of medians (wall time of the real CLI in a
subprocess, interpreter start-up included) and the ratio to a bare YAML safe load of the same data.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot import columns, dataset, render, validate, yamlio  # noqa: E402
from bot.layout import Layout  # noqa: E402

LAYOUT = Layout()
TABLE = columns.load(validate.load_schema((ROOT / LAYOUT.schema).read_text(encoding="utf-8")))


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# Byte-code caching as on a normal machine (this sandbox sets PYTHONDONTWRITEBYTECODE, which makes
# every run compile the bot's modules again); a warm-up run writes the caches.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def cli(repo: Path, *args: str) -> Callable[[], object]:
    command = [sys.executable, "-m", "bot", "--repo", str(repo), *args]
    subprocess.run(command, cwd=ROOT, capture_output=True, env=CHILD_ENV)

    def run() -> object:
        proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=CHILD_ENV)
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed:\n{proc.stderr}")
        return proc

    return run


def synthetic_rows(count: int) -> list[dict[str, str]]:
    return [
        {
            "id": f"model-{i:05d}",
            "name": f"Model-{i:05d}",
            "summary": f"第{i}个合成模型",
            "organization": f"机构 {i % 97}",
            "released": f"{2019 + i % 5}-{1 + i % 12:02d}",
            "url": f"https://github.com/org{i % 89}/model-{i}",
            "data": f"-基于Llama-{i % 70}B -{i}条医患对话 -[数据集](https://example.org/d/{i})",
            "added": "2023-12-20",
        }
        for i in range(count)
    ]


def synthetic_repo(base: Path, count: int) -> Path:
    repo = base / f"rows-{count}"
    for path in (LAYOUT.form, LAYOUT.schema, LAYOUT.update_form):
        (repo / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / path, repo / path)
    rows = synthetic_rows(count)
    (repo / LAYOUT.data).parent.mkdir(parents=True, exist_ok=True)
    (repo / LAYOUT.data).write_text(dataset.dump_rows(rows, order=TABLE.field_order), encoding="utf-8")
    post = "+++\ntitle = 'bench'\ndate = 2023-12-20T19:37:38+08:00\ndraft = true\n+++\n\n"
    post += render.generated_block(render.render_table(rows, TABLE)) + "\n"
    (repo / LAYOUT.post).write_text(post, encoding="utf-8")
    return repo


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    example = str(ROOT / "examples/new-model.md")
    # An update (two fields of a row in the middle) and a removal of that row, as the update form writes them.
    requests = Path(tempfile.mkdtemp())
    for name in ("update-model.md", "remove-model.md"):
        text = (ROOT / "examples" / name).read_text(encoding="utf-8")
        (requests / name).write_text(
            text.replace("\nbiogpt\n", "\nmodel-00500\n").replace("\nopenbiomed-2\n", "\nmodel-00500\n"),
            encoding="utf-8",
        )
    lines = [
        "| what | rows | median (s) | bare YAML safe load (s) | ratio to load |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    startup = median_seconds(
        lambda: subprocess.run([sys.executable, "-c", "pass"], check=True, env=CHILD_ENV), repeat
    )
    lines.append(f"| python -c pass (start-up floor) | - | {startup:.3f} | - | - |")
    seed_check = median_seconds(cli(ROOT, "check"), repeat)
    lines.append(f"| check (seed, budget 0.3 s) | 31 | {seed_check:.3f} | - | - |")
    submit_times = {}
    with tempfile.TemporaryDirectory() as tmp:
        for count in (1_000, 10_000):
            repo = synthetic_repo(Path(tmp), count)
            text = (repo / LAYOUT.data).read_text(encoding="utf-8")
            load = median_seconds(lambda text=text: yamlio.load_safe(text), repeat)
            submit = median_seconds(cli(repo, "submit", "--write", "--dry-run", example), repeat)
            for kind in ("update", "remove"):
                body = str(requests / f"{kind}-model.md")
                took = median_seconds(cli(repo, "submit", "--write", "--dry-run", body), repeat)
                lines.append(
                    f"| submit --write --dry-run, {kind} request | {count:,} | {took:.3f} | {load:.3f} | {took / load:.2f}x |"
                )
            check = median_seconds(cli(repo, "check"), max(1, repeat // 2))
            submit_times[count] = submit
            budget = "1" if count == 1_000 else "3"
            lines.append(
                f"| submit --write --dry-run (budget {budget} s) | {count:,} | {submit:.3f} | {load:.3f} | {submit / load:.1f}x |"
            )
            lines.append(f"| check | {count:,} | {check:.3f} | {load:.3f} | {check / load:.1f}x |")
    growth = (submit_times[10_000] - startup) / (submit_times[1_000] - startup)
    print("\n".join(lines))
    print(
        f"\nsubmit --write --dry-run growth 1k → 10k rows, start-up subtracted: {growth:.1f}x for 10x the rows (linear = 10x)"
    )


if __name__ == "__main__":
    main()

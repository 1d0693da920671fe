"""Benchmark of the readers' page with 1,000 and 10,000 rows, in Debian's headless Chromium.

Run: python benchmarks/page.py [--repeat N]. For each size it builds the site with real Hugo (the rows
rendered by the bot into the post, as a submission leaves them), serves it on 127.0.0.1 and measures,
in a fresh page each time (1400 x 900):
  - navigation → interactive: from the start of navigation until the script has made the table
    searchable and sortable (the `lb-ready` performance mark);
  - one sort: a click on 发布时间 (the first sort of the page, which also reads its keys), until
    style and layout are done, and until the next frame;
  - one filter keystroke: typing "7" into the empty search box (hides about two thirds of the rows);
  - the Hugo build time and the page's weight (HTML, and with CSS + JS; raw and gzip -6).
Prints a markdown table of medians and the machine's load average (the machine is shared: compare
ratios, not absolute numbers, between runs).
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from bench import synthetic_rows  # noqa: E402
from hugo_site import build_site  # noqa: E402
from page_site import build_source, launch, repo_schema, serve, with_ids  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

SLUG = "medical-llm-leaderboard"
GOALS = {1_000: 50.0, 10_000: 300.0}
"""Sort and filter goals (ms) from issue #9."""

MEASURE = """async ([selector, action]) => {
  const t0 = performance.now();
  if (action === 'sort') document.querySelector(selector).click();
  else {
    const input = document.querySelector(selector);
    input.value = '7';
    input.dispatchEvent(new Event('input', {bubbles: true}));
  }
  document.body.getBoundingClientRect();  // style and layout now
  const t1 = performance.now();
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));  // the next frame is painted
  return [t1 - t0, performance.now() - t0];
}"""


def weight(public: Path) -> tuple[int, int, int, int]:
    html = (public / "posts" / SLUG / "index.html").read_bytes()
    assets = b"".join(p.read_bytes() for p in public.glob("*.min.*"))
    return (
        len(html),
        len(gzip.compress(html, 6)),
        len(html + assets),
        len(gzip.compress(html, 6)) + len(gzip.compress(assets, 6)),
    )


def measure(browser: Any, url: str, repeat: int) -> dict[str, float]:
    runs: dict[str, list[float]] = {
        "ready": [],
        "sort": [],
        "sort_frame": [],
        "filter": [],
        "filter_frame": [],
    }
    for action in ("sort", "filter"):
        for _ in range(repeat):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(url)
            page.wait_for_selector(".lb-table[data-ready]", state="attached")
            if action == "sort":
                runs["ready"].append(page.evaluate("performance.getEntriesByName('lb-ready')[0].startTime"))
                result = page.evaluate(MEASURE, ["th[data-type=date] button", "sort"])
            else:
                result = page.evaluate(MEASURE, ["#lb_q", "filter"])
            runs[action].append(result[0])
            runs[f"{action}_frame"].append(result[1])
            page.close()
    return {k: statistics.median(v) for k, v in runs.items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    lines = [
        "| rows | Hugo build (s) | HTML / gzip (KB) | + CSS, JS / gzip (KB) | navigation → interactive (ms) "
        "| sort: layout / next frame (ms) | filter keystroke: layout / next frame (ms) | goal (ms) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    schema = repo_schema()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = launch(playwright)
        for count in (1_000, 10_000):
            rows = with_ids(synthetic_rows(count), "2024-01-01")
            source = build_source(Path(tmp) / f"site-{count}", {SLUG: ("bench", rows)}, schema)
            public = Path(tmp) / f"public-{count}"
            builds = []
            for _ in range(3):
                start = time.perf_counter()
                build_site(source, public)
                builds.append(time.perf_counter() - start)
            html, html_gz, total, total_gz = weight(public)
            with serve(public) as origin:
                m = measure(browser, f"{origin}/posts/{SLUG}/", repeat)
            lines.append(
                f"| {count:,} | {statistics.median(builds):.2f} | {html / 1024:,.0f} / {html_gz / 1024:,.0f} "
                f"| {total / 1024:,.0f} / {total_gz / 1024:,.0f} | {m['ready']:.0f} "
                f"| {m['sort']:.0f} / {m['sort_frame']:.0f} | {m['filter']:.0f} / {m['filter_frame']:.0f} "
                f"| {GOALS[count]:.0f} |"
            )
        browser.close()
    print("\n".join(lines))
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(
        f"\nmedians of {repeat} fresh page loads; load average (1, 5, 15 min): {load} on {os.cpu_count()} cores"
    )


if __name__ == "__main__":
    main()

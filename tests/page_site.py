"""The readers' page for tests, screenshots and benchmarks: a Hugo site holding leaderboard posts built
from given rows, served on 127.0.0.1, opened in Debian's headless Chromium through Playwright.

Rows are rendered into the post by the bot itself (render.py) and written to the bundle's models.yaml
(dataset.py), exactly as a submission would leave them.
"""

from __future__ import annotations

import contextlib
import functools
import json
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from hugo_site import copy_site

from bot import columns, dataset, ids, render
from bot.layout import Layout
from bot.model import Row

REPO_ROOT = Path(__file__).resolve().parents[1]
LAYOUT = Layout()
BROWSERS = ("/usr/bin/chromium", "/usr/bin/google-chrome")
"""Debian's Chromium (.ci/run installs it); GitHub's Ubuntu runners ship Google Chrome instead."""
# No first-run work, no update checks, no calls home: every request a test sees is the page's own.
CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
)


def repo_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads((REPO_ROOT / LAYOUT.schema).read_text(encoding="utf-8"))
    return schema


def seed_rows() -> list[Row]:
    return dataset.load_rows((REPO_ROOT / LAYOUT.data).read_text(encoding="utf-8"))


def with_ids(rows: list[Row], added: str) -> list[Row]:
    """Rows as the bot keeps them: each with an `id` and an `added` date (kept when present)."""
    taken = {row["id"] for row in rows if "id" in row}
    out = []
    for row in rows:
        entry_id = row.get("id") or ids.derive(row["name"], taken)
        taken.add(entry_id)
        out.append({**row, "id": entry_id, "added": row.get("added", added)})
    return out


def post_text(title: str, date: str, rows: list[Row], table: columns.Table, *, draft: bool = False) -> str:
    front = f"+++\ntitle = '{title}'\ndate = {date}\ndraft = {str(draft).lower()}\n+++\n\n"
    return front + render.generated_block(render.render_table(rows, table)) + "\n"


def build_source(
    target: Path,
    posts: dict[str, tuple[str, list[Row]]],
    schema: dict[str, Any],
    *,
    date: str = "2023-12-20T19:37:38+08:00",
) -> Path:
    """A site source in `target`: the repository's site files, `schema`, and one leaderboard post per
    slug (title, rows); the first slug is the real leaderboard's (it gets the open data outputs)."""
    site = copy_site(REPO_ROOT, target, content=False)
    (site / LAYOUT.schema).write_text(json.dumps(schema, ensure_ascii=False, indent=2), encoding="utf-8")
    table = columns.load(schema)
    for name, (title, rows) in posts.items():
        bundle = site / "content" / "posts" / name
        if bundle.exists():
            shutil.rmtree(bundle)
        bundle.mkdir(parents=True)
        (bundle / "index.md").write_text(post_text(title, date, rows, table), encoding="utf-8")
        (bundle / "models.yaml").write_text(
            dataset.dump_rows(rows, order=table.field_order), encoding="utf-8"
        )
    return site


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 (a free port) while the block runs; yields the origin."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def launch(playwright: Any) -> Any:
    """The machine's Chromium, headless (never a browser Playwright downloads)."""
    found = next((path for path in BROWSERS if Path(path).exists()), None)
    if found is None:
        raise RuntimeError("no Chromium: `apt-get install chromium fonts-noto-cjk` (.ci/run does)")
    return playwright.chromium.launch(executable_path=found, args=list(CHROMIUM_FLAGS))

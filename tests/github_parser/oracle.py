"""GitHub's own issue-form parser (@github/issue-parser, pinned in package-lock.json), run by Node.

`Oracle` keeps one `node parse.mjs` process and sends it one JSON line per body. `ensure_installed`
runs `npm ci` here when node_modules is missing (`.ci/run` runs it too), so the README's test
command works on a fresh clone.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from bot.form import Form
from bot.issue_body import Value

HERE = Path(__file__).resolve().parent
PACKAGE = HERE / "node_modules" / "@github" / "issue-parser" / "package.json"


class OracleUnavailable(Exception):
    pass


def ensure_installed() -> None:
    if PACKAGE.is_file():
        return
    npm = shutil.which("npm")
    if npm is None or shutil.which("node") is None:
        raise OracleUnavailable(
            "Node.js and npm are needed to run GitHub's issue parser (apt install nodejs npm)"
        )
    proc = subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund"], cwd=HERE, capture_output=True, text=True, timeout=300
    )
    if proc.returncode != 0 or not PACKAGE.is_file():
        raise OracleUnavailable(f"`npm ci` in {HERE} failed:\n{proc.stderr}")


def version() -> str:
    return str(json.loads(PACKAGE.read_text(encoding="utf-8"))["version"])


class Oracle:
    def __init__(self) -> None:
        ensure_installed()
        node = shutil.which("node")
        assert node is not None
        self.proc = subprocess.Popen(
            [node, str(HERE / "parse.mjs")], cwd=HERE, stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )

    def parse(self, body: str, template: str | None = None, slugify: bool = False) -> dict[str, Any]:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        request = {"body": body, "template": template, "slugify": slugify}
        self.proc.stdin.write(json.dumps(request).encode() + b"\n")  # ASCII: one line whatever the body
        self.proc.stdin.flush()
        result: dict[str, Any] = json.loads(self.proc.stdout.readline().decode("utf-8"))
        if "error" in result and isinstance(result["error"], str) and len(result) == 1:
            raise RuntimeError(f"GitHub's parser failed: {result['error']}")
        return result

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(timeout=10)


def expected(github: dict[str, Any], form: Form) -> dict[str, Value]:
    """GitHub's result in the bot's shape: every field present, `undefined` (left out of JSON) as ""."""
    empty: dict[str, Value] = {
        f.id: []
        if f.type == "dropdown"
        else {"selected": [], "unselected": []}
        if f.type == "checkboxes"
        else ""
        for f in form.fields
    }
    return {**empty, **github}

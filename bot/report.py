"""Plain-text reports for the terminal: problems, diffs, a row preview."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from bot import render
from bot.model import FileChange, Problem, Row


def problems_text(problems: Iterable[Problem]) -> str:
    lines = []
    for p in problems:
        where = f"row {p.row}: " if p.row is not None else ""
        field = f"{p.label or p.field}: " if (p.label or p.field) else ""
        lines.append(f"  {p.severity}: {where}{field}{p.message}")
    return "\n".join(lines)


def diff(changes: Iterable[FileChange]) -> str:
    out: list[str] = []
    for c in changes:
        if c.changed:
            out.extend(
                difflib.unified_diff(
                    (c.old or "").splitlines(True), c.new.splitlines(True), f"a/{c.path}", f"b/{c.path}", n=1
                )
            )
    return "".join(line if line.endswith("\n") else line + "\n" for line in out)


def diff_stat(changes: Iterable[FileChange]) -> str:
    lines = []
    for c in changes:
        if not c.changed:
            continue
        added = removed = 0
        for line in difflib.unified_diff((c.old or "").splitlines(), c.new.splitlines(), n=0, lineterm=""):
            if line.startswith("+") and not line.startswith("+++"):
                added += 1
            elif line.startswith("-") and not line.startswith("---"):
                removed += 1
        lines.append(f"  {c.path} | +{added} -{removed}")
    return "\n".join(lines)


def row_preview(row: Row) -> str:
    """The header and the new row, as the post will show them."""
    return render.render_table([row])

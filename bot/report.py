"""What the commands print: problems (as text, or as JSON for `check --format json`), diffs, and what an
accepted request does."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from bot import catalog
from bot.model import BotError, FileChange, Problem, quote

if TYPE_CHECKING:
    from bot.pipeline import Outcome


def severity(name: str) -> str:
    """“错误 error”, “提醒 warning”: how the terminal labels a problem (and an error that stops a command)."""
    return catalog.both(_SEVERITY[name], sep=" ")


_SEVERITY = {"error": "severity-error", "warning": "severity-warning"}


def problems_text(problems: Iterable[Problem]) -> str:
    """Each problem on three lines: where, then what to do in Chinese and in English."""
    lines = []
    for p in problems:
        where = [catalog.both("report-row", {"row": p.row}, " / ")] if p.row is not None else []
        label = p.label or p.field
        where += [label] if label else []
        lines.append(f"  {severity(p.severity)}: {' · '.join(where)}".rstrip())
        lines += [f"      {p.zh}", f"      {p.en}"]
    return "\n".join(lines)


def problem_json(p: Problem) -> dict[str, object]:
    """A problem for machines: its stable code and values, where it is, and the message in both languages."""
    return {
        "code": p.code,
        "severity": p.severity,
        "field": p.field,
        "label": p.label,
        "row": p.row,
        "values": _json_values(p.values),
        "zh": p.zh,
        "en": p.en,
    }


def check_json(problems: list[Problem], rows: int) -> dict[str, object]:
    """What `check --format json` prints: the verdict, the counts and one object per problem."""
    failed = [p for p in problems if p.severity == "error"]
    return {
        "ok": not failed,
        "rows": rows,
        "errors": len(failed),
        "warnings": len(problems) - len(failed),
        "problems": [problem_json(p) for p in problems],
    }


def error_json(exc: BotError) -> dict[str, object]:
    """An error that stopped a command (the repository or its files need attention), for machines."""
    values = _json_values(exc.values)
    return {
        "ok": False,
        "error": {"code": exc.code, "values": values, "zh": exc.text("zh"), "en": exc.text("en")},
    }


def _json_values(values: Mapping[str, object]) -> dict[str, object]:
    """A message's values as JSON has them: scalars as they are, anything else as text."""
    return {
        k: v if isinstance(v, str | int | float | bool) or v is None else str(v) for k, v in values.items()
    }


def diff(changes: Iterable[FileChange], context: int = 1) -> str:
    """A unified diff of the changed files."""
    return "".join(
        _unified(c.path, (c.old or "").splitlines(True), c.new.splitlines(True), context)
        for c in changes
        if c.changed
    )


_HUNK = re.compile(r"^@@ -(\d+)(,\d+)? \+(\d+)(,\d+)? @@")


def _unified(path: str, old: list[str], new: list[str], context: int) -> str:
    """difflib's unified diff, run only on the span between the common head and tail of the two texts
    (a submission appends a row to files of thousands of lines; difflib on all of it is quadratic-ish)."""
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    start = max(0, head - context)
    old_mid, new_mid = (
        old[start : len(old) - max(0, tail - context)],
        new[start : len(new) - max(0, tail - context)],
    )
    lines = []
    for line in difflib.unified_diff(old_mid, new_mid, f"a/{path}", f"b/{path}", n=context):
        hunk = _HUNK.match(line)
        if hunk:
            a, b, c, d = hunk.groups()
            line = f"@@ -{int(a) + start}{b or ''} +{int(c) + start}{d or ''} @@\n"
        lines.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(lines)


def diff_stat(changes: Iterable[FileChange]) -> str:
    lines = []
    for c in changes:
        if not c.changed:
            continue
        hunks = _unified(c.path, (c.old or "").splitlines(True), c.new.splitlines(True), 0).splitlines()[2:]
        added = sum(1 for line in hunks if line.startswith("+"))
        removed = sum(1 for line in hunks if line.startswith("-"))
        lines.append(f"  {c.path} | +{added} -{removed}")
    return "\n".join(lines)


_ACCEPTED = {"add": "cli-accepted-add", "update": "cli-accepted-update", "remove": "cli-accepted-remove"}


def outcome_text(outcome: Outcome, labels: Mapping[str, str]) -> str:
    """What an accepted request does: the row, or the fields changed and the row before and after."""
    entry = outcome.row.get("id", "")
    head = catalog.both(_ACCEPTED[outcome.kind], {"row": outcome.position or 0, "id": entry})
    if outcome.kind != "update":
        return f"{head}\n\n{outcome.preview()}"
    before = outcome.before or {}
    lines = [head, ""]
    for f, label in labels.items():
        if before.get(f) != outcome.row.get(f):
            old, new = (quote(v) if v else "—" for v in (before.get(f, ""), outcome.row.get(f, "")))
            lines.append(f"  {label}: {old} → {new}")
    return "\n".join([*lines, "", outcome.preview(before), outcome.preview()])

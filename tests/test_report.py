"""The diff printed by `submit --dry-run` is a real patch: git applies it and gets the new text."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bot import report
from bot.model import FileChange

lines = st.lists(st.sampled_from(["a\n", "b\n", "c\n", "| row |\n", "\n"]), max_size=30)


@settings(max_examples=60, deadline=None)
@given(lines, lines, lines, st.booleans())
def test_diff_applies_with_git_apply(
    head: list[str], middle: list[str], tail: list[str], drop_newline: bool
) -> None:
    old = "".join(head + tail)
    new = "".join(head + middle + tail)
    if drop_newline and new:
        new = new.rstrip("\n")
    patch = report.diff([FileChange("f.txt", old, new)])
    if old == new:
        assert patch == ""
        return
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "f.txt").write_text(old, encoding="utf-8")
        subprocess.run(
            ["git", "apply", "--unidiff-zero", "-"],
            cwd=tmp,
            input=patch,
            text=True,
            check=True,
            capture_output=True,
        )
        assert Path(tmp, "f.txt").read_text(encoding="utf-8") == new


def test_unchanged_files_print_nothing_and_stat_counts_lines() -> None:
    assert report.diff([FileChange("f", "a\n", "a\n")]) == ""
    assert report.diff_stat([FileChange("f", "a\nb\n", "a\nc\nd\n")]) == "  f | +2 -1"

"""Frozen values shared by the core: problems, file changes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]
Row = dict[str, str]
"""One leaderboard row: field id → text. Empty fields are absent."""


@dataclass(frozen=True)
class Problem:
    """Something wrong with a submission or a stored row, phrased for the person who can fix it."""

    message: str
    field: str | None = None
    label: str | None = None
    severity: Severity = "error"
    row: int | None = None
    """1-based position in the data file, for problems of stored rows."""


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def warnings(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "warning"]


@dataclass(frozen=True)
class FileChange:
    """The new text of one repository file (path relative to the repository root)."""

    path: str
    old: str | None
    new: str

    @property
    def changed(self) -> bool:
        return self.old != self.new


QUOTE_LIMIT = 60


def quote(text: str) -> str:
    """Contributor text inside a message: one line, at most QUOTE_LIMIT characters, in “quotes”."""
    line = " ".join(text.split())
    if len(line) > QUOTE_LIMIT:
        line = line[: QUOTE_LIMIT - 1] + "…"
    return f"“{line}”"


class BotError(Exception):
    """A failure the user can act on; the CLI prints the message, never a traceback."""

"""Frozen values shared by the core: problems, file changes, and the error users can act on."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as _field
from typing import Literal

from bot import catalog

Severity = Literal["error", "warning"]
Row = dict[str, str]
"""One leaderboard row: field id → text. Empty fields are absent."""


@dataclass(frozen=True)
class Problem:
    """Something wrong with a submission or a stored row, for the person who can fix it.

    `code` names the message in the catalog (bot/locales/*/…ftl); `values` fill it in. Contributor
    text in `values` is already quoted (`quote`)."""

    code: str
    values: Mapping[str, object] = _field(default_factory=dict)
    field: str | None = None
    label: str | None = None
    """The field's form label, “中文 / English”."""
    severity: Severity = "error"
    row: int | None = None
    """1-based position in the data file, for problems of stored rows."""

    def text(self, lang: catalog.Language) -> str:
        return catalog.say(self.code, lang, self.values)

    @property
    def zh(self) -> str:
        return self.text("zh")

    @property
    def en(self) -> str:
        return self.text("en")

    @property
    def message(self) -> str:
        """Both languages on one line: “中文 / English”."""
        return f"{self.zh} / {self.en}"


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


class Verbatim(str):
    """A message value the bot made itself (an address of its own, such as the prefilled update form):
    shown on GitHub as it is, so it stays a link. Every other value is escaped there."""


QUOTE_LIMIT = 60


def quote(text: str) -> str:
    """Contributor text inside a message: one line, at most QUOTE_LIMIT characters, in “quotes”."""
    line = " ".join(text.split())
    if len(line) > QUOTE_LIMIT:
        line = line[: QUOTE_LIMIT - 1] + "…"
    return f"“{line}”"


class BotError(Exception):
    """A failure the user can act on; the CLI prints it in both languages, never a traceback.

    Raised with a catalog code and the values of its message: `BotError("data-not-yaml", file=…)`."""

    def __init__(self, code: str, /, **values: object) -> None:
        super().__init__(code)
        self.code = code
        self.values = values

    def text(self, lang: catalog.Language) -> str:
        return catalog.say(self.code, lang, self.values)

    def __str__(self) -> str:
        return catalog.both(self.code, self.values)

"""Where the bot's files live in a repository, and a snapshot of their text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.model import BotError


@dataclass(frozen=True)
class Layout:
    form: str = ".github/ISSUE_TEMPLATE/new-model.yml"
    schema: str = "schemas/model.schema.json"
    data: str = "content/posts/medical-llm-leaderboard/models.yaml"
    post: str = "content/posts/medical-llm-leaderboard/index.md"

    def paths(self) -> tuple[str, str, str, str]:
        return (self.form, self.schema, self.data, self.post)


@dataclass(frozen=True)
class Snapshot:
    """The text of the bot's files at one point of the repository's history."""

    form: str
    schema: str
    data: str
    post: str


def read_snapshot(layout: Layout, read: Callable[[str], str | None]) -> Snapshot:
    """Gather the files through any reader (working tree, git tree, GitHub); BotError if one is missing."""
    texts = {}
    for path in layout.paths():
        text = read(path)
        if text is None:
            raise BotError("file-missing", path=path)
        texts[path] = text.replace("\r\n", "\n")  # a CRLF checkout reads like the LF it was committed as
    return Snapshot(*(texts[p] for p in layout.paths()))

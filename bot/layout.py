"""Where the bot's files live in a repository, and a snapshot of their text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields

from bot.model import BotError


@dataclass(frozen=True)
class Layout:
    form: str = ".github/ISSUE_TEMPLATE/new-model.yml"
    schema: str = "schemas/model.schema.json"
    data: str = "content/posts/medical-llm-leaderboard/models.yaml"
    post: str = "content/posts/medical-llm-leaderboard/index.md"
    update_form: str = ".github/ISSUE_TEMPLATE/update-model.yml"

    def paths(self) -> tuple[str, ...]:
        return tuple(getattr(self, f.name) for f in fields(self))


@dataclass(frozen=True)
class Snapshot:
    """The text of the bot's files at one point of the repository's history (fields as in Layout)."""

    form: str
    schema: str
    data: str
    post: str
    update_form: str = ""


def read_snapshot(layout: Layout, read: Callable[[str], str | None]) -> Snapshot:
    """Gather the files through any reader (working tree, git tree, GitHub); BotError if one is missing."""
    texts = {}
    for f in fields(layout):
        path = getattr(layout, f.name)
        text = read(path)
        if text is None:
            raise BotError("file-missing", path=path)
        texts[f.name] = text.replace("\r\n", "\n")  # a CRLF checkout reads like the LF it was committed as
    return Snapshot(**texts)

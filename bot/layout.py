"""Where the bot's files live in a repository, a snapshot of their text, and the conventions a file's text
is stored in (byte order mark, line break)."""

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
    """Gather the files through any reader (working tree, git tree, GitHub); BotError if one is missing.

    The data file and the post stay exactly as read: the bot edits them in their own byte order mark and
    line break convention (bot.datafile, bot.frontmatter). The forms and the schema, which it only reads,
    are taken as LF text without a byte order mark (JSON does not allow one).
    """
    texts = {}
    for f in fields(layout):
        path = getattr(layout, f.name)
        text = read(path)
        if text is None:
            raise BotError("file-missing", path=path)
        texts[f.name] = text if f.name in ("data", "post") else as_lf(text)
    return Snapshot(**texts)


BOM = "\ufeff"


def line_break(text: str) -> str:
    """The line break a file is written in, judged by its first one: CRLF or LF (also when it has none).
    The bot writes the data file and the post back in it (a file mixing both comes back all in this one)."""
    first = text.find("\n")
    return "\r\n" if first > 0 and text[first - 1] == "\r" else "\n"


def as_lf(text: str) -> str:
    """`text` without a byte order mark, with LF line breaks."""
    return text.removeprefix(BOM).replace("\r\n", "\n")

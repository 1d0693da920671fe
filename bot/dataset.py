"""The data file (models.yaml): a YAML list of rows, owned by maintainers.

Reading composes the file with the C parser and builds rows straight from its nodes (every value as
text). Adding, replacing or removing a row splices that row's lines into the text rather than loading
and re-dumping everything, so comments, quoting and order that maintainers wrote stay byte-for-byte;
every edit is verified before it is returned (see bot/datafile/edit.py). The file's BOM and line break
convention (LF or CRLF) are kept. A written row's fields follow `order` (the schema's declared field
order; fields not listed follow, alphabetically).
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.datafile import FILE, edit, emit
from bot.datafile.parse import Typed, parse
from bot.model import Row

__all__ = [
    "FILE",
    "HEADER",
    "Typed",
    "append_row",
    "dump_rows",
    "load_rows",
    "remove_row",
    "replace_row",
    "row_yaml",
    "typed_values",
]
HEADER = (
    "# 医学大模型榜单的数据 / Data of the medical LLM leaderboard.\n"
    "# index.md's table is generated from this file: edit here, then run `python -m bot render`.\n"
    "# Fields: see schemas/model.schema.json. Text may contain [label](https://…) links.\n"
)


def load_rows(text: str) -> list[Row]:
    """Rows of the data file, every value as text; BotError naming the row when the shape is wrong."""
    return [dict(row) for row in parse(text).rows]


def typed_values(text: str) -> tuple[Typed, ...]:
    """Unquoted values that typed YAML readers (Hugo, which publishes the page's open data) would not
    read as the text the bot reads (`1.10` as 1.1, `~` as nothing). The parse is shared with load_rows."""
    return parse(text).typed


def dump_rows(rows: list[Row], *, order: Sequence[str]) -> str:
    """A new data file for `rows` (used by the importer), verified to read back as exactly `rows`."""
    return edit.new_file(HEADER, rows, order)


def row_yaml(row: Row, indent: int = 0, *, order: Sequence[str]) -> str:
    """One row as a block-sequence item at column `indent`, fields in `order`."""
    return emit.place(emit.readable(row, order), indent, "\n")


def append_row(text: str, row: Row, *, order: Sequence[str]) -> str:
    """The data file with `row` added at the end; everything already there is kept byte for byte."""
    return edit.append(text, row, order)


def replace_row(text: str, index: int, row: Row, *, order: Sequence[str]) -> str:
    """The data file with the row at 0-based `index` replaced by `row`; only that row's lines change."""
    return edit.replace(text, index, row, order)


def remove_row(text: str, index: int) -> str:
    """The data file without the row at 0-based `index`; only that row's lines (and blank lines after it) go."""
    return edit.remove(text, index)

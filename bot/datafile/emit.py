"""A row's YAML text: the readable form ruamel.yaml writes, and a plain fallback that is valid by construction.

The readable form (plain scalars where YAML allows them, quotes or `|-` blocks where needed) is what
maintainers see in the file. Its correctness is not assumed: every edit checks the text it writes, and
falls back to the quoted form (one line per field, every value double-quoted with escapes) when the
readable form does not read back exactly.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Sequence

from ruamel.yaml.comments import CommentedMap

from bot import yamlio
from bot.model import Row

_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")
# Outside YAML's printable set, or read by libyaml as a line break or a byte order mark: always escaped.
_ESCAPE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def ordered(row: Row, order: Sequence[str]) -> list[tuple[str, str]]:
    """The row's fields in the canonical order (unknown ones after, alphabetically); empty ones left out."""
    rank = {key: i for i, key in enumerate(order)}
    keys = sorted(row, key=lambda k: (rank.get(k, len(rank)), k))
    return [(k, row[k]) for k in keys if row[k] != ""]


def readable(row: Row, order: Sequence[str]) -> str:
    """One row as a block-sequence item at column 0, written by ruamel.yaml (the style of the whole file)."""
    item = CommentedMap(ordered(row, order))
    out = io.StringIO()
    yamlio.round_trip().dump([item], out)
    return out.getvalue()


def quoted(value: str) -> str:
    """A double-quoted YAML scalar for any text: JSON's escapes plus YAML's non-printables, on one line."""
    text = json.dumps(value, ensure_ascii=False)
    return _ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def key_text(key: str) -> str:
    return key if _PLAIN_KEY.match(key) else quoted(key)


def plain(row: Row, order: Sequence[str]) -> str:
    """One row as a block-sequence item at column 0, one `key: "value"` line per field."""
    fields = ordered(row, order)
    if not fields:
        return "- {}\n"
    lines = [f"{key_text(k)}: {quoted(v)}" for k, v in fields]
    return "- " + "\n  ".join(lines) + "\n"


def flow(row: Row, order: Sequence[str]) -> str:
    """One row as a flow mapping, for a file written as a flow sequence (`[{…}, {…}]`)."""
    return "{" + ", ".join(f"{key_text(k)}: {quoted(v)}" for k, v in ordered(row, order)) + "}"


def place(text: str, column: int, newline: str) -> str:
    """Shift an item written at column 0 to `column`, in the file's line break convention."""
    if column:
        text = "\n".join(" " * column + line if line else line for line in text.split("\n"))
    return text.replace("\n", newline) if newline != "\n" else text

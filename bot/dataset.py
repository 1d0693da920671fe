"""The data file (models.yaml): a YAML list of rows, owned by maintainers.

Reading uses the fast safe loader. Adding a row appends that row's YAML text to the file rather
than loading and re-dumping everything, so comments, quoting and order that maintainers wrote stay
byte-for-byte, and a submission costs one safe load instead of a full round-trip.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence

from ruamel.yaml.comments import CommentedMap

from bot import yamlio
from bot.model import BotError, Row

_TOP_ITEM = re.compile(r"^( *)- ", re.MULTILINE)
_DOC_MARKER = re.compile(r"^(?:---|\.\.\.)(?:\s|$)", re.MULTILINE)
FILE = "models.yaml"
"""How messages name the data file."""
HEADER = (
    "# 医学大模型榜单的数据 / Data of the medical LLM leaderboard.\n"
    "# index.md's table is generated from this file: edit here, then run `python -m bot render`.\n"
    "# Fields: see schemas/model.schema.json. Text may contain [label](https://…) links.\n"
)


def load_rows(text: str) -> list[Row]:
    """Rows of the data file, every value as text; BotError naming the row when the shape is wrong."""
    try:
        doc = yamlio.load_text(text)
    except Exception as exc:
        raise BotError(
            "data-not-yaml", file=FILE, detail=str(exc).replace('"<unicode string>"', FILE)
        ) from None
    if doc is None:
        return []
    if not isinstance(doc, list):
        raise BotError("data-not-list", file=FILE)
    rows: list[Row] = []
    for number, item in enumerate(doc, start=1):
        if not isinstance(item, Mapping):
            raise BotError("data-row-not-mapping", file=FILE, row=number)
        if not all(isinstance(v, str) for v in item.values()):
            raise BotError("data-row-not-text", file=FILE, row=number)
        rows.append({str(k): v for k, v in item.items() if v != ""})
    return rows


def dump_rows(rows: list[Row], *, order: Sequence[str]) -> str:
    """A new data file for `rows` (used by the importer)."""
    return HEADER + "\n" + "".join(row_yaml(row, order=order) for row in rows)


def row_yaml(row: Row, indent: int = 0, *, order: Sequence[str]) -> str:
    """One row as a block-sequence item, fields in `order` (the schema's declared field order)."""
    item = CommentedMap((k, row[k]) for k in sorted(row, key=lambda k: _rank(k, order)))
    out = io.StringIO()
    yamlio.round_trip().dump([item], out)
    text = out.getvalue()
    if indent:
        text = "".join(" " * indent + line if line.strip() else line for line in text.splitlines(True))
    return text


def _rank(key: str, order: Sequence[str]) -> tuple[int, str]:
    return (order.index(key) if key in order else len(order), key)


def append_row(text: str, row: Row, *, order: Sequence[str]) -> str:
    """The data file text with `row` added at the end; everything already there is kept as is."""
    if yamlio.load_text(row_yaml(row, order=order)) != [row]:
        raise BotError("data-row-unfaithful")  # never expected
    stripped = text.strip()
    if (
        not stripped
        or stripped == "[]"
        or all(line.lstrip().startswith("#") for line in stripped.splitlines())
    ):
        body = "" if stripped == "[]" else text
        return (body.rstrip("\n") + "\n" if body.strip() else "") + row_yaml(row, order=order)
    first = _TOP_ITEM.search(text)
    if first is None:
        raise BotError("data-not-block-list", file=FILE)
    if _DOC_MARKER.search(text, first.start()):
        raise BotError("data-doc-marker", file=FILE)
    # Only add the missing final newline: trailing blank lines may belong to a `|+` block scalar.
    return (
        text + ("" if text.endswith("\n") else "\n") + row_yaml(row, indent=len(first.group(1)), order=order)
    )


def _item_lines(text: str) -> list[tuple[int, int]]:
    """(first line, end line) of each top-level item, from the parser's node marks."""
    node = yamlio.compose(text)
    if node is None or not hasattr(node, "value") or not isinstance(node.value, list):
        raise BotError("data-not-block-list", file=FILE)
    lines = text.split("\n")
    spans = []
    for i, item in enumerate(node.value):
        start = item.start_mark.line
        end = node.value[i + 1].start_mark.line if i + 1 < len(node.value) else item.end_mark.line
        if item.end_mark.column > 0 and i + 1 == len(node.value):
            end += 1
        while end > start + 1 and not lines[end - 1].strip():
            end -= 1
        spans.append((start, end))
    return spans


def replace_row(text: str, index: int, row: Row, *, order: Sequence[str]) -> str:
    """The data file with row `index` (0-based) replaced; other rows' lines are kept as they are."""
    start, end = _item_lines(text)[index]
    lines = text.split("\n")
    new = [*lines[:start], *row_yaml(row, order=order).rstrip("\n").split("\n"), *lines[end:]]
    result = "\n".join(new)
    expected = load_rows(text)
    expected[index] = row
    if load_rows(result) != expected:
        raise BotError("data-row-unfaithful")
    return result


def remove_row(text: str, index: int) -> str:
    """The data file without row `index` (0-based); other rows' lines are kept as they are."""
    start, end = _item_lines(text)[index]
    lines = text.split("\n")
    result = "\n".join([*lines[:start], *lines[end:]])
    expected = load_rows(text)
    del expected[index]
    if load_rows(result) != expected:
        raise BotError("data-row-unfaithful")
    return result

"""Import a hand-written post: its first markdown table becomes rows, the table becomes generated.

The import is checked to be lossless: rendering the imported rows must give back every cell's text
exactly (links included), otherwise it refuses and says which cell would change.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from bot import dates, frontmatter, ids, inline, render
from bot.columns import Column, Table
from bot.model import BotError, Row, quote

_DELIMITER = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_SUMMARY_START = re.compile(r"[\d.]*[\u3000-\u9fff\uff00-\uffef]")
_PIPE = re.compile(r"(?<!\\)\|")
_PAIRS = {"(": ")", "（": "）", "[": "]", "【": "】"}


@dataclass(frozen=True)
class Imported:
    rows: list[Row]
    post: str
    """The post with the table replaced by the generated block."""


def split_cells(line: str) -> list[str]:
    """GFM: cells are separated by `|` not preceded by a backslash; outer pipes are optional."""
    text = line.strip()
    text = text[1:] if text.startswith("|") else text
    text = text[:-1] if text.endswith("|") and not text.endswith("\\|") else text
    return [c.strip() for c in re.split(r"(?<!\\)\|", text)]


def find_table(body: str) -> tuple[int, int, list[str], list[list[str]]]:
    """(first line, end line, header, rows) of the first table in the body."""
    lines = body.split("\n")
    for i in range(len(lines) - 1):
        if "|" in lines[i] and _DELIMITER.match(lines[i + 1]) and "-" in lines[i + 1]:
            end = i + 2  # GFM: the table ends at a blank line or a line without a cell separator
            while end < len(lines) and lines[end].strip() and _PIPE.search(lines[end]):
                end += 1
            return i, end, split_cells(lines[i]), [split_cells(x) for x in lines[i + 2 : end]]
    raise BotError("import-no-table")


def split_name(cell: str) -> tuple[str, str]:
    """`Med-Flamingo 一种…学习器` → name, summary: at the first space after which a Chinese phrase
    starts (`用于…`, `5400亿参数…`) and before which brackets are balanced. Else all of it is the name."""
    for m in re.finditer(r" ", cell):
        head, tail = cell[: m.start()], cell[m.end() :]
        if _SUMMARY_START.match(tail) and _balanced(head) and not head.endswith(" "):
            return head, tail
    return cell, ""


def _balanced(text: str) -> bool:
    return all(text.count(a) == text.count(b) for a, b in _PAIRS.items())


def row_from_cells(cells: dict[str, str], table: Table) -> Row:
    """A row from its cells keyed by header; a two-field column is split where `split_name` says."""
    row: Row = {}
    for column in table.columns:
        cell = cells.get(column.header, "")
        if len(column.fields) == 1:
            parts = [cell]
        elif len(column.fields) == 2:
            parts = list(split_name(cell))
        else:
            raise BotError("import-column-fields", column=column.header, fields=len(column.fields))
        for field, part in zip(column.fields, parts, strict=True):
            value = _stored(part, column)
            if value:
                row[field] = value
    return row


def _stored(markdown: str, column: Column) -> str:
    if column.format == "date" and markdown:
        return dates.parse(markdown).stored()
    return inline.from_markdown(markdown)


def import_post(text: str, table: Table) -> Imported:
    post = frontmatter.split(text)
    if render.has_block(post.body):
        raise BotError("import-has-block")
    start, end, header, raw_rows = find_table(post.body)
    unknown = [h for h in header if h not in table.headers]
    if unknown:
        raise BotError("import-unknown-columns", unknown=", ".join(unknown), known=", ".join(table.headers))
    if len(set(header)) != len(header):
        raise BotError("import-repeated-column", header=" | ".join(header))
    if not raw_rows:
        raise BotError("import-no-rows")
    rows: list[Row] = []
    for number, raw in enumerate(raw_rows, start=1):
        if len(raw) != len(header):
            raise BotError("import-cell-count", row=number, cells=len(raw), expected=len(header))
        cells = dict(zip(header, raw, strict=True))
        try:
            row = row_from_cells(cells, table)
        except dates.DateError:
            dated = [cells.get(c.header, "") for c in table.columns if c.format == "date"]
            raise BotError("import-bad-date", row=number, value=quote(" ".join(dated))) from None
        rendered = dict(zip(table.headers, render.cells(row, table), strict=True))
        for key, original in cells.items():
            if rendered[key] != original:
                raise BotError(
                    "import-lossy",
                    row=number,
                    column=key,
                    original=repr(original),
                    rendered=repr(rendered[key]),
                )
        rows.append(row)
    date = frontmatter.date_of(post)  # the day the seed rows were listed, in the post's own UTC offset
    added = date.date() if isinstance(date, dt.datetime) else date
    for row, entry_id in zip(rows, ids.assign([r.get("name", "") for r in rows]), strict=True):
        row["id"] = entry_id
        if added:
            row["added"] = added.isoformat()
    lines = post.body.split("\n")
    generated = render.generated_block(render.render_table(rows, table))
    body = "\n".join([*lines[:start], generated, *lines[end:]])
    return Imported(rows=rows, post=frontmatter.join(replace(post, body=body)))

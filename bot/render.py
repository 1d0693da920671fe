"""Rows → the markdown table (a jinja2 template), placed between marker comments in the post."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import jinja2

from bot import dates, inline
from bot.columns import Column, Table
from bot.model import BotError, Row

START = "<!-- leaderboard:start — generated from models.yaml by `python -m bot render`; edit the data, not this table -->"
END = "<!-- leaderboard:end -->"
_START = re.compile(r"^<!-- leaderboard:start\b.*-->[ \t]*$", re.MULTILINE)
_END = re.compile(r"^<!-- leaderboard:end\b.*-->[ \t]*$", re.MULTILINE)


@cache
def template(name: str) -> jinja2.Template:
    """A template of bot/templates (markdown: no HTML autoescaping; callers escape what they insert)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    return env.get_template(name)


def date_cell(value: str) -> str:
    """A stored date (2023-04) as the table shows it (2023年4月); other text escaped as it is."""
    if not value:
        return ""
    try:
        return dates.parse(value).display()
    except ValueError:
        return inline.to_markdown(value)


def field_cell(value: str, column: Column) -> str:
    """One field's markdown in a column of the given format."""
    if column.format == "date":
        return date_cell(value)
    if column.format == "url":
        return inline.safe_url(value)
    return inline.to_markdown(value)


def cells(row: Row, table: Table) -> list[str]:
    """A row's cells, one per declared column: its fields' markdown, empty ones skipped, joined."""
    out = []
    for column in table.columns:
        parts = (field_cell(row.get(f, ""), column) for f in column.fields)
        out.append(column.join.join(p for p in parts if p))
    return out


def render_table(rows: list[Row], table: Table) -> str:
    return template("table.md.j2").render(
        headers=table.headers, aligns=table.delimiters, rows=[cells(r, table) for r in rows]
    )


def generated_block(table: str) -> str:
    return f"{START}\n\n{table}\n{END}"


def has_block(body: str) -> bool:
    return bool(_START.search(body) or _END.search(body))


def find_block(body: str) -> tuple[int, int]:
    """Start and end offsets of the generated block (markers included); BotError if not exactly one."""
    starts, ends = list(_START.finditer(body)), list(_END.finditer(body))
    if len(starts) != 1 or len(ends) != 1 or ends[0].start() < starts[0].end():
        raise BotError("post-markers")
    return starts[0].start(), ends[0].end()


def in_sync(body: str, table: str) -> bool:
    """Whether the post's generated block already holds `table`."""
    return current_table(body).strip("\n") == table.strip("\n")


def current_table(body: str) -> str:
    start, end = find_block(body)
    block = body[start:end]
    return block[block.index("\n") + 1 : block.rindex("\n")].strip("\n")


def replace_table(body: str, table: str) -> str:
    """The post body with the generated block replaced; text above and below is kept."""
    start, end = find_block(body)
    return body[:start] + generated_block(table) + body[end:]

"""The table's columns, declared once in the row schema's `x-table` section.

The declaration says which fields each column shows, in what order, joined how, aligned how and
under which header, and which fields are never shown. The markdown table (render.py), the data
file's field order (dataset.py), the importer, the page's exports (Hugo templates reading the same
schema) and the review rules (validate.py: a column's `format` says which rules its fields get: text,
url or date) all follow it, so adding a field is an edit of the schema, the forms and this section.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

import jsonschema

from bot.model import BotError, Problem

KEY = "x-table"
Format = Literal["text", "date", "url"]
DELIMITERS = {"": "---", "left": ":---", "center": ":---:", "right": "---:"}
"""A column's `align` → its markdown delimiter cell."""

_FIELD_ID = {"type": "string", "minLength": 1}
SHAPE: dict[str, Any] = {
    "type": "object",
    "required": ["columns"],
    "additionalProperties": False,
    "properties": {
        "$comment": {"type": "string"},
        "columns": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["header", "fields"],
                "additionalProperties": False,
                "properties": {
                    "$comment": {"type": "string"},
                    # A header is one markdown table cell: no pipe, no markup, no line break.
                    "header": {"type": "string", "pattern": r"^[^|\\`*_\[\]<>{}\n\r]+$"},
                    "fields": {"type": "array", "minItems": 1, "items": _FIELD_ID},
                    "join": {"type": "string", "pattern": r"^[^|\n\r]*$"},
                    "align": {"enum": [a for a in DELIMITERS if a]},
                    "format": {"enum": ["text", "date", "url"]},
                    "search": {"type": "boolean"},
                    "width": {"type": "number", "exclusiveMinimum": 0},
                },
            },
        },
        "notShown": {"type": "array", "items": _FIELD_ID},
        "anchor": _FIELD_ID,
    },
}


@dataclass(frozen=True)
class Column:
    header: str
    fields: tuple[str, ...]
    join: str = " "
    align: str = ""
    format: Format = "text"
    search: bool = False
    width: float = 1


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    not_shown: tuple[str, ...] = ()
    anchor: str | None = None
    """The field whose value is a row's id on the page (`#id`, feed entries); first in the field order."""

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(c.header for c in self.columns)

    @property
    def delimiters(self) -> tuple[str, ...]:
        return tuple(DELIMITERS[c.align] for c in self.columns)

    @property
    def shown(self) -> tuple[str, ...]:
        return tuple(f for c in self.columns for f in c.fields)

    @property
    def formats(self) -> dict[str, Format]:
        """Each shown field's format (its column's): the review rules and normalization it gets."""
        return {f: c.format for c in self.columns for f in c.fields}

    def fields_as(self, format: Format) -> tuple[str, ...]:
        """The fields shown in columns of `format`, left to right."""
        return tuple(f for c in self.columns if c.format == format for f in c.fields)

    @property
    def declared(self) -> tuple[str, ...]:
        """Every field the declaration places (a field placed twice appears twice)."""
        return (*self.shown, *self.not_shown)

    @property
    def field_order(self) -> tuple[str, ...]:
        """The order of a row's fields in the data file and the exports: the anchor, then the columns'
        fields left to right, then the other fields not shown."""
        rest = tuple(f for f in dict.fromkeys(self.declared) if f != self.anchor)
        return (self.anchor, *rest) if self.anchor else rest


def load(schema: Mapping[str, Any]) -> Table:
    """The declaration in a row schema; BotError saying what to fix when it is missing or malformed."""
    declaration = schema.get(KEY)
    if declaration is None:
        raise BotError("columns-missing", key=KEY)
    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(SHAPE).iter_errors(declaration))
    if error is not None:
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
        raise BotError("columns-malformed", where=KEY + where, detail=error.message)
    columns = tuple(
        Column(
            header=c["header"].strip(),
            fields=tuple(c["fields"]),
            join=c.get("join", " "),
            align=c.get("align", ""),
            format=c.get("format", "text"),
            search=c.get("search", False),
            width=c.get("width", 1),
        )
        for c in declaration["columns"]
    )
    return Table(
        columns=columns, not_shown=tuple(declaration.get("notShown", ())), anchor=declaration.get("anchor")
    )


def problems(table: Table, schema: Mapping[str, Any], *, schema_path: str = "the schema") -> list[Problem]:
    """Where the declaration and the schema's properties disagree; each problem names the field."""
    properties = list(schema.get("properties", {}))
    declared = table.declared
    where = {"schema": schema_path, "key": KEY}
    found = [
        Problem("columns-field-unplaced", {**where, "field": f}, field=f)
        for f in properties
        if f not in declared
    ]
    for f in dict.fromkeys(declared):
        if f not in properties:
            found.append(Problem("columns-field-unknown", {**where, "field": f}, field=f))
        elif declared.count(f) > 1:
            found.append(Problem("columns-field-twice", {**where, "field": f}, field=f))
    if table.anchor and table.anchor not in properties:
        found.append(Problem("columns-field-unknown", {**where, "field": table.anchor}, field=table.anchor))
    headers = table.headers
    found.extend(
        Problem("columns-header-twice", {**where, "header": h})
        for h in dict.fromkeys(headers)
        if headers.count(h) > 1
    )
    return found

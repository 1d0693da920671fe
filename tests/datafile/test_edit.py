"""Verified edits over generated maintainer layouts and hostile rows (hypothesis).

A layout is built from pieces whose text is known, so the test knows which bytes belong to which row;
the rows the file holds are read by an independent loader (ruamel's safe constructor, `yamlio.load_text`),
and after every accepted edit the whole file is loaded again by it: the edit functions themselves only
parse a window, and these properties are what says that proof is sound.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from bot import dataset, yamlio
from bot.model import BotError, Row

BOM = "\ufeff"
ORDER = ("id", "name", "summary", "organization", "released", "url", "data", "added", "updated")
KEYS = ORDER[:-1]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- hostile text for new rows -------------------------------------------------------------------------

SNIPPETS = [
    "\n",
    "\r\n",
    "\r",
    "#",
    " #",
    ": ",
    "- ",
    "-",
    "'",
    '"',
    "|",
    "|+",
    ">",
    "---",
    "...",
    " ",
    "  ",
    "\t",
    "\x85",
    "\u2028",
    "\u2029",
    BOM,
    "&a",
    "*a",
    "!!int",
    "!x",
    "{",
    "}",
    "[",
    "]",
    ",",
    "%YAML",
    "@",
    "`",
    "\\",
    "\\n",
    "?",
    "医学",
    "模型",
    "é",
    "𝔸",
    "\x00",
    "\x1b",
    "\x7f",
    "\ufffe",
    "null",
    "~",
    "yes",
    "2023",
]
hostile = st.lists(
    st.one_of(st.sampled_from(SNIPPETS), st.text(st.characters(exclude_categories=["Cs"]), max_size=3)),
    max_size=8,
).map("".join)
new_rows = st.dictionaries(st.sampled_from(KEYS), hostile, min_size=1, max_size=4)

# --- maintainer layouts ----------------------------------------------------------------------------------

plain_text = st.from_regex(
    r"[A-Za-z\u4e00-\u4e10][A-Za-z0-9\u4e00-\u4e10 ./()+-]{0,10}[A-Za-z0-9)]", fullmatch=True
)
line_text = st.text(
    st.characters(exclude_categories=["Cs", "Cc", "Zl", "Zp"], exclude_characters=BOM + "\x85\ufffe\uffff"),
    min_size=1,
    max_size=12,
).filter(lambda s: s.strip() != "")
block_line = st.one_of(line_text, st.sampled_from(["- x", "# not a comment", "---", "...", "a: b", "- [y]"]))


@dataclass(frozen=True)
class Value:
    kind: str  # plain, single, double, block
    lines: tuple[str, ...]  # text after "key:" (first) and the continuation lines, at column 0
    header: str = ""  # the block indicator: |, |-, |+, >


@st.composite
def values(draw: st.DrawFn) -> Value:
    kind = draw(st.sampled_from(["plain", "single", "double", "block"]))
    comment = draw(st.sampled_from(["", "  # note", "   # - x: y"]))
    if kind == "plain":
        return Value(kind, (" " + draw(plain_text) + comment,))
    if kind == "single":
        return Value(kind, (" '" + draw(line_text).replace("'", "''") + "'" + comment,))
    if kind == "double":
        return Value(kind, (" " + json.dumps(draw(line_text), ensure_ascii=False) + comment,))
    header = draw(st.sampled_from(["|", "|-", "|+", ">", ">-"]))
    first = draw(block_line).lstrip(" ")
    assume(first)
    rest = draw(st.lists(st.one_of(block_line, st.just("")), max_size=3))
    tail = [""] * draw(st.integers(0, 2)) if header == "|+" else []
    return Value(kind, (f" {header}", first, *rest, *tail), header)


@dataclass(frozen=True)
class Layout:
    header: str
    before: tuple[str, ...]  # the separator lines before each row (comments, blank lines)
    rows: tuple[str, ...]  # each row's own lines, from its `-` to its last line
    trailer: str
    last_is_block: str  # the last row's last value's block header, "" if not a block
    crlf: bool
    bom: bool
    final_newline: bool

    def pieces(self) -> list[str]:
        out = [self.header]
        for before, row in zip(self.before, self.rows, strict=True):
            out += [before, row]
        out.append(self.trailer)
        if not self.final_newline:
            while out and out[-1] == "":
                out.pop()
            out[-1] = out[-1].removesuffix("\n")
        if self.crlf:
            out = [p.replace("\n", "\r\n") for p in out]
        if self.bom:
            out[0] = BOM + out[0]
        return out

    @property
    def text(self) -> str:
        return "".join(self.pieces())

    def split(self, index: int) -> tuple[str, str, str]:
        """(text before row `index`'s lines, those lines, text after them)."""
        pieces = self.pieces()
        at = 2 + 2 * index
        return "".join(pieces[:at]), pieces[at] if at < len(pieces) else "", "".join(pieces[at + 1 :])


def indent(lines: list[str], spaces: int) -> str:
    return "".join((" " * spaces + line if line else "") + "\n" for line in lines)


@st.composite
def rows_text(draw: st.DrawFn, column: int) -> tuple[str, str]:
    """One row's lines at `column`, and the block header of its last value ("" if none)."""
    keys = draw(st.lists(st.sampled_from(KEYS), min_size=1, max_size=4, unique=True))
    dash = draw(st.sampled_from(["same", "own", "comment", "flow"]))
    if dash == "flow":
        fields = [f"{k}: {json.dumps(draw(line_text), ensure_ascii=False)}" for k in keys]
        joint = draw(st.sampled_from([", ", ",\n" + " " * (column + 4)]))
        return " " * column + "- {" + joint.join(fields) + "}" + draw(
            st.sampled_from(["", "  # c"])
        ) + "\n", ""
    lines: list[str] = []
    last = ""
    for key in keys:
        value = draw(values())
        lines.append(f"{key}:{value.lines[0]}")
        lines += ["  " + line if line else "" for line in value.lines[1:]]
        last = value.header
    under = ["  " + line if line else "" for line in lines]
    head = {"same": ["- " + lines[0], *under[1:]], "own": ["-", *under], "comment": ["- # a comment", *under]}
    return indent(head[dash], column), last


separator = st.lists(st.sampled_from(["", "# a comment between rows", "#- name: not a row", "#"]), max_size=2)


@st.composite
def layouts(draw: st.DrawFn, min_rows: int = 1) -> Layout:
    column = draw(st.sampled_from([0, 0, 2]))
    header_lines = draw(st.lists(st.sampled_from(["# header", "", "# 数据"]), max_size=2))
    if draw(st.booleans()):
        header_lines = ["---", *header_lines]
    n = draw(st.integers(min_rows, 4))
    rows, lasts, befores = [], [], []
    for i in range(n):
        text, last = draw(rows_text(column))
        sep = draw(separator) if i else []
        if lasts and lasts[-1] == "|+":
            sep = [line for line in sep if line]  # a blank line after `|+` is its text, kept with the row
        befores.append(
            indent([(" " * column if line and draw(st.booleans()) else "") + line for line in sep], 0)
        )
        rows.append(text)
        lasts.append(last)
    trailer = indent(draw(st.lists(st.sampled_from(["# the end", ""]), max_size=2)), 0)
    if lasts[-1] == "|+":
        trailer = trailer.lstrip("\n")
    return Layout(
        header=indent(header_lines, 0),
        before=tuple(befores),
        rows=tuple(rows),
        trailer=trailer,
        last_is_block=lasts[-1],
        crlf=draw(st.booleans()),
        bom=draw(st.booleans()),
        final_newline=draw(st.booleans()),
    )


def oracle(text: str) -> list[Row]:
    """The rows as ruamel's safe constructor reads them (not the bot's reader)."""
    doc = yamlio.load_text(text)
    return [{k: v for k, v in row.items() if v != ""} for row in (doc or [])]


def written(row: Row) -> Row:
    return {k: v for k, v in row.items() if v != ""}


def assert_convention(layout: Layout, new: str) -> None:
    assert new.startswith(BOM) == layout.bom
    if "\r\n" in layout.text:  # (a file without any line break has no convention: LF it is)
        assert new.count("\n") == new.count("\r\n")
    else:
        assert "\r" not in new


def lstrip_blank(text: str) -> str:
    return re.sub(r"\A(?:[ \t]*\r?\n)+", "", text)


# --- properties --------------------------------------------------------------------------------------------


@SETTINGS
@given(layouts(), new_rows)
def test_append_reads_back_exactly_and_keeps_every_byte_before(layout: Layout, row: Row) -> None:
    text = layout.text
    rows = oracle(text)
    assert dataset.load_rows(text) == rows
    refused = (
        not text.endswith("\n") and not layout.trailer.strip() and layout.last_is_block in ("|", "|+", ">")
    )
    if refused:
        with pytest.raises(BotError) as caught:
            dataset.append_row(text, row, order=ORDER)
        assert caught.value.code == "data-final-newline"
        return
    new = dataset.append_row(text, row, order=ORDER)
    assert new.startswith(text)
    assert oracle(new) == dataset.load_rows(new) == [*rows, written(row)]
    assert_convention(layout, new)


@SETTINGS
@given(layouts(), new_rows, st.data())
def test_replace_changes_only_that_rows_lines(layout: Layout, row: Row, data: st.DataObject) -> None:
    text = layout.text
    rows = oracle(text)
    index = data.draw(st.integers(0, len(rows) - 1))
    new = dataset.replace_row(text, index, row, order=ORDER)
    assert oracle(new) == dataset.load_rows(new) == [*rows[:index], written(row), *rows[index + 1 :]]
    before, _, after = layout.split(index)
    assert new.startswith(before)
    assert new.endswith(lstrip_blank(after))
    assert_convention(layout, new)


@SETTINGS
@given(layouts(), st.data())
def test_remove_takes_out_only_that_rows_lines(layout: Layout, data: st.DataObject) -> None:
    text = layout.text
    rows = oracle(text)
    index = data.draw(st.integers(0, len(rows) - 1))
    new = dataset.remove_row(text, index)
    assert oracle(new) == dataset.load_rows(new) == [*rows[:index], *rows[index + 1 :]]
    before, _, after = layout.split(index)
    assert new == before + lstrip_blank(after)
    assert_convention(layout, new) if new else None


@SETTINGS
@given(layouts())
def test_a_bom_and_crlf_read_like_lf(layout: Layout) -> None:
    lf = Layout(**{**layout.__dict__, "crlf": False, "bom": False}).text
    assert dataset.load_rows(layout.text) == dataset.load_rows(lf)


# Snippets that keep the file readable more often than not (anchors, tags, comments, odd breaks), and
# some that mostly break it.
MUTATIONS = [
    "# c\n",
    "&a ",
    "*a\n",
    "!!str ",
    "! ",
    "!x ",
    "!!int ",
    "  # c\n",
    "\n",
    "\r\n",
    "\r",
    "\u2028",
    "\x85",
    "...\n",
    "---\n",
    "- &r {name: r}\n- *r\n",
    "- {name: '*a'}\n",
    "  name: dup\n",
    "  x: y\n",
    "  z: &a v\n  w: *a\n",
    "- name: &a v\n- name: *a\n",
    "? k\n  : v\n",
    "? [k]\n  : v\n",
    "[a]: b\n",
    "[k]: v\n  ",
    "<<: *a\n",
    "%YAML 1.2\n---\n",
    "|\n",
    ">-\n",
    "'",
    '"',
    "{",
    "\t",
    BOM,
    "\x07",
    "\ud800",
    "- ",
    ": ",
]
SPOTS = re.compile(r"^|: |- ", re.MULTILINE)


def mutate(text: str, mutations: list[tuple[bool, int, str]]) -> str:
    """Insert snippets at line starts and after `: ` / `- ` (where YAML reads them), or anywhere."""
    for at_spot, at, snippet in mutations:
        spots = [m.end() for m in SPOTS.finditer(text)] if at_spot else []
        at = spots[at % len(spots)] if spots else at % (len(text) + 1)
        text = text[:at] + snippet + text[at:]
    return text


mutations = st.lists(
    st.tuples(st.booleans(), st.integers(0, 10**6), st.sampled_from(MUTATIONS)), min_size=1, max_size=2
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layouts(), mutations, new_rows, st.data())
def test_any_refused_write_is_a_bot_error_and_any_accepted_one_is_exact(
    layout: Layout, mutations: list[tuple[bool, int, str]], row: Row, data: st.DataObject
) -> None:
    text = mutate(layout.text, mutations)
    try:
        rows = dataset.load_rows(text)
    except BotError:
        return
    operations = ["append"] + (["replace", "remove"] if rows else [])
    operation = data.draw(st.sampled_from(operations))
    index = data.draw(st.integers(0, max(len(rows) - 1, 0)))
    try:
        if operation == "append":
            new, expected = dataset.append_row(text, row, order=ORDER), [*rows, written(row)]
        elif operation == "replace":
            new, expected = (
                dataset.replace_row(text, index, row, order=ORDER),
                [*rows[:index], written(row), *rows[index + 1 :]],
            )
        else:
            new, expected = dataset.remove_row(text, index), [*rows[:index], *rows[index + 1 :]]
    except BotError as exc:
        assert exc.code.startswith("data-") and len(str(exc).splitlines()) == 2  # a catalog code, zh + en
        return
    assert dataset.load_rows(new) == expected
    try:
        agrees = oracle(text) == rows
    except Exception:
        agrees = False
    if agrees:
        assert oracle(new) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(new_rows, min_size=1, max_size=4))
def test_any_text_survives_appends_to_a_new_file(rows: list[Row]) -> None:
    text = dataset.dump_rows([], order=ORDER)
    for row in rows:
        text = dataset.append_row(text, row, order=ORDER)
    assert oracle(text) == [written(r) for r in rows]


@settings(max_examples=200, deadline=None)
@given(st.lists(new_rows, max_size=4))
def test_a_new_file_of_any_rows_reads_back_exactly(rows: list[Row]) -> None:
    """The importer's write: a whole new file, verified like an edit."""
    try:
        text = dataset.dump_rows(rows, order=ORDER)
    except BotError as exc:
        assert exc.code in ("data-new-not-text", "data-unverified")
        return
    assert oracle(text) == [written(r) for r in rows]


@st.composite
def flow_files(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A flow-sequence file and the text of each of its items."""
    items = [
        "{" + ", ".join(f"{k}: {json.dumps(draw(line_text), ensure_ascii=False)}" for k in keys) + "}"
        for keys in draw(
            st.lists(st.lists(st.sampled_from(KEYS), min_size=1, max_size=3, unique=True), max_size=4)
        )
    ]
    one_per_line = draw(st.booleans())
    comment = draw(st.sampled_from(["", "  # c"]))
    if one_per_line:
        body = "".join(f"  {item},{comment}\n" for item in items)
        if items and not draw(st.booleans()):
            body = body[: body.rindex(",")] + body[body.rindex(",") + 1 :]  # no trailing comma
        text = "# header\n[\n" + body + "]\n"
    else:
        text = "[" + ", ".join(items) + "]" + comment + "\n"
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return (BOM if draw(st.booleans()) else "") + text, items


@SETTINGS
@given(flow_files(), new_rows, st.data())
def test_a_flow_sequence_file_is_edited_in_place(
    file: tuple[str, list[str]], row: Row, data: st.DataObject
) -> None:
    text, items = file
    rows = oracle(text)
    operation = data.draw(st.sampled_from(["append", "replace", "remove"] if rows else ["append"]))
    index = data.draw(st.integers(0, max(len(rows) - 1, 0)))
    if operation == "append":
        new, expected, kept = dataset.append_row(text, row, order=ORDER), [*rows, written(row)], items
    elif operation == "replace":
        new = dataset.replace_row(text, index, row, order=ORDER)
        expected, kept = [*rows[:index], written(row), *rows[index + 1 :]], items[:index] + items[index + 1 :]
    else:
        new = dataset.remove_row(text, index)
        expected, kept = [*rows[:index], *rows[index + 1 :]], items[:index] + items[index + 1 :]
    assert oracle(new) == dataset.load_rows(new) == expected
    assert all(item.replace("\n", "\r\n" if "\r\n" in text else "\n") in new for item in kept)
    assert new.startswith(BOM) == text.startswith(BOM)
    if "\r\n" in text:
        assert new.count("\n") == new.count("\r\n")

"""Verified edits of the data file: add, replace or remove one row, touching only that row's lines.

Every edit is a splice `T' = P + X + S` of the old text `T = P + M + S`: `M` is the row's own lines
(from the line of its `-` to the end of its last token), `X` the new row's text (or nothing), and the
prefix `P` and suffix `S` are kept byte for byte, whatever comments, quoting or layout they hold. The
positions come from libyaml's marks of the parsed file, never from a regex on the text.

Before the new text is returned it is proved to read as exactly the intended rows, without loading the
whole file again. For a block list (rows start with `-` at column c):

1. The window `W = T'[w0:w1]` is parsed on its own. `w0` is the start of the line of the `-` of the
   row before the edit (or 0 when there is none); `w1` is the start of the line of the `-` of the row
   after it (or the end of the file). `W` must read as exactly: that previous row unchanged, then the
   new row (or nothing, for a removal), with its `-` at column c.
2. Prefix. `T'` and `T` agree up to and including the first line of `W` (an unchanged row's `-` line, or
   nothing before `W` at all). YAML's scanner decides every token before that line (the end of a plain
   scalar, of a block scalar and its kept trailing blank lines, of a possible simple key) from text up to
   the first non-blank, non-comment line after it, at the latest; that line is the same `-` line. So the
   rows before the window read the same in `T'` as in `T`, and the parser enters `W` in the same state:
   block context, no open flow collection or quote, the list's indentation c.
3. Window. From that state the scanner reads `W` exactly as a standalone parse of `W` does (the
   standalone parse opens the same list at the same column c), so step 1's rows are `W`'s rows in `T'`.
4. Suffix. `W` parsed on its own reaches its end with no quote or flow collection open (either would be
   a parse error at the end of a stream). Everything still open is a block node of a row, indented more
   than c. `S` starts with the unchanged `-` line of the next row at column c (or is empty): it closes
   those nodes exactly as it did in `T` (a `|+` scalar keeps the same trailing blank lines: they are the
   same lines of `W` followed by the same `-` line), and the parser is in the state it was in `T` at
   that point. `S` holds no alias to an anchor outside its own row (files with aliases across rows are
   refused), so the rows of `S` read as they did.
5. The new row's text cannot end the document: each of its lines starts with `- ` at column c or is
   indented deeper, so it holds no `---` or `...` marker; and the file holds no line break other than
   LF and CRLF (libyaml also breaks lines at CR, U+0085, U+2028 and U+2029; such files are refused), so
   "line" means the same to the splice as to the parser.

Hence `T'` reads as `rows[:i] + intended + rows[k:]`, at the cost of parsing two or three rows. A file
written as one flow sequence (`[{…}, {…}]`) and a file without rows are checked by parsing them whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from bot.datafile import FILE, emit
from bot.datafile.parse import DataFile, parse, read
from bot.layout import BOM
from bot.model import BotError, Row

_ODD_BREAKS = (("\x85", "U+0085"), ("\u2028", "U+2028"), ("\u2029", "U+2029"))
_LONE_CR = re.compile(r"\r(?!\n)")
_FLOW_LINE_REST = re.compile(r"[ \t]*,?[ \t]*(?:#[^\n]*)?\r?\n?\Z")
_MARKER = re.compile(r"^(?:---|\.\.\.)(?=[ \t\r\n]|\Z)", re.MULTILINE)
Problem = tuple[str, dict[str, Any]]
Splice = Callable[[str], tuple[str, int, int]]


def append(text: str, row: Row, order: Sequence[str]) -> str:
    """`text` with `row` added as the last row."""
    new = _clean(row)
    df = parse(text)
    if df.shape == "flow" and df.rows:
        return _flow_edit(df, len(df.rows), new, order)
    if not df.rows:
        return _append_to_empty(df, new, order)
    _check_editable(df)
    last = len(df.rows) - 1
    tail = _MARKER.search(text, df.end(last))
    if tail:
        raise BotError("data-doc-marker", file=FILE, line=_line_of(text, tail.start()))
    if not text.endswith("\n") and df.end(last) == len(text) and _chomping(df, last) in ("", "+"):
        raise BotError("data-final-newline", file=FILE, row=last + 1, line=df.line(last))
    column = _column(df)
    w0 = _dash(df, last)[0]
    gap = "" if text.endswith("\n") else df.newline

    def splice(item: str) -> tuple[str, int, int]:
        new_text = text + gap + item
        return new_text, w0, len(new_text)

    expected = [df.rows[last], new]
    at = (text, len(text))
    return _verified(splice, expected, new, order, column, df.newline, edited=last + 2, first=last + 1, at=at)


def new_file(header: str, rows: Sequence[Row], order: Sequence[str]) -> str:
    """A whole new data file: `header`, then `rows` (the importer's write), verified by parsing it whole.

    Each row is written readably when that reads back, else in the quoted form."""
    cleaned = [_clean(row) for row in rows]
    items = [
        _verified(_alone, [row], row, order, 0, "\n", edited=number, first=number, at=("", 0))
        for number, row in enumerate(cleaned, start=1)
    ]
    text = header + "\n" + "".join(items)
    problem = _reads_as(text, cleaned, 1)
    if problem is not None:
        raise _unverified(len(cleaned), 1, problem)
    return text


def _alone(item: str) -> tuple[str, int, int]:
    """The splice of a row written on its own: the item is the whole text, and the whole window."""
    return item, 0, len(item)


def replace(text: str, index: int, row: Row, order: Sequence[str]) -> str:
    """`text` with the row at 0-based `index` replaced by `row`, written in the canonical field order."""
    new = _clean(row)
    df = parse(text)
    _check_index(df, index)
    if df.shape == "flow":
        return _flow_edit(df, index, new, order, replacing=True)
    _check_editable(df, index)
    column = _column(df)
    start = _dash(df, index)[0]
    end = _row_end(df, index, keep_blank_tail=_chomping(df, index) == "+")
    w0, w1 = _window(df, index)

    def splice(item: str) -> tuple[str, int, int]:
        new_text = text[:start] + item + text[end:]
        return new_text, w0, w1 + len(new_text) - len(text)

    expected = [*df.rows[max(index - 1, 0) : index], new]
    first, at = max(index, 1), (text, start)
    return _verified(splice, expected, new, order, column, df.newline, edited=index + 1, first=first, at=at)


def remove(text: str, index: int) -> str:
    """`text` without the row at 0-based `index` (its lines and the blank lines after them)."""
    df = parse(text)
    _check_index(df, index)
    if df.shape == "flow":
        return _flow_edit(df, index, None, ())
    _check_editable(df, index)
    column = _column(df)
    start = _dash(df, index)[0]
    end = _row_end(df, index, keep_blank_tail=True)
    while end < len(text):  # the blank lines after the row go with it (else a `|+` above would take them)
        next_break = text.find("\n", end)
        line_end = len(text) if next_break < 0 else next_break + 1
        if text[end:line_end].strip(" \t\r\n"):
            break
        end = line_end
    w0, w1 = _window(df, index)

    def splice(item: str) -> tuple[str, int, int]:
        new_text = text[:start] + text[end:]
        return new_text, w0, w1 - (end - start)

    expected = list(df.rows[max(index - 1, 0) : index])
    first, at = max(index, 1), (text, start)
    return _verified(splice, expected, None, (), column, df.newline, edited=index + 1, first=first, at=at)


def _verified(
    splice: Splice,
    expected: list[Row],
    new: Row | None,
    order: Sequence[str],
    column: int,
    newline: str,
    *,
    edited: int,
    first: int,
    at: tuple[str, int],
) -> str:
    """The spliced text once its window reads as `expected` (see the module docstring for why that suffices).

    The readable form of the new row is tried first, the quoted form when the readable one does not
    read back (e.g. a `|+` block that would take the blank lines after it). If neither does, the error
    names row `edited` and the line of offset `at[1]` in the text `at[0]`.
    """
    problem: Problem = ("layout", {})
    writers = (emit.readable, emit.plain) if new is not None else (None,)
    for write in writers:
        item = "" if write is None or new is None else _item(write(new, order), column, newline)
        if item is None:
            continue
        new_text, w0, w1 = splice(item)
        found = _reads_as(new_text[w0:w1], expected, first, column)
        if found is None:
            return new_text
        problem = found
    raise _unverified(edited, _line_of(*at), problem)


def _item(text: str, column: int, newline: str) -> str | None:
    """The new row's text at `column`, or None when its lines do not have the shape the proof needs."""
    if "\r" in text or any(ch in text for ch, _ in _ODD_BREAKS):
        return None
    lines = text.split("\n")
    if lines[-1] != "" or not (lines[0] == "-" or lines[0].startswith("- ")):
        return None
    if any(line and not line.startswith(" ") for line in lines[1:]):
        return None
    return emit.place(text, column, newline)


def _reads_as(text: str, expected: list[Row], first: int, column: int | None = None) -> Problem | None:
    """None when `text`, parsed on its own, is exactly the rows `expected` (a block list at `column`, when
    given); else what differs (`first`: the 1-based number of the first row)."""
    try:
        got = read(text)
        if column is not None and expected and (got.shape != "block" or _dash(got, 0)[1] != column):
            return ("layout", {})
    except BotError as exc:
        return ("parse", {"problem": str(exc.values.get("problem", exc.code))})
    return _compare(list(got.rows), expected, first)


def _compare(rows: list[Row], expected: list[Row], first: int) -> Problem | None:
    """None when `rows` are `expected`, else what differs (`first`: the 1-based number of the first row)."""
    if len(rows) != len(expected):
        return ("count", {"got": len(rows), "want": len(expected)})
    for offset, (have, want) in enumerate(zip(rows, expected, strict=True)):
        if have != want:
            fields = sorted(k for k in {*have, *want} if have.get(k) != want.get(k))
            if len(fields) == 1:
                return ("field", {"row": first + offset, "field": fields[0]})
            return ("fields", {"row": first + offset})
    return None


def _append_to_empty(df: DataFile, new: Row, order: Sequence[str]) -> str:
    """A file without rows (empty, comments only, or `[]`): the row goes at the end, at column 0."""
    text = df.text
    if df.shape == "flow" and df.root:  # an empty `[]` becomes a block list
        text = text[: df.root[0]] + text[df.root[1] :]
    _check_editable(df)
    marker = _MARKER.search(text)
    if marker and text[marker.start() : marker.start() + 3] == "...":
        raise BotError("data-doc-marker", file=FILE, line=_line_of(text, marker.start()))
    gap = "" if text in ("", BOM) or text.endswith("\n") else df.newline

    def splice(item: str) -> tuple[str, int, int]:
        return _alone(text + gap + item)

    return _verified(splice, [new], new, order, 0, df.newline, edited=1, first=1, at=(text, len(text)))


def _flow_edit(
    df: DataFile, index: int, new: Row | None, order: Sequence[str], replacing: bool = False
) -> str:
    """Edit a flow sequence (`[{…}, {…}]`) in place, verified by parsing the whole result."""
    text, rows, n = df.text, list(df.rows), len(df.rows)
    _check_editable(df, index if index < n else None)
    item = emit.flow(new, order) if new is not None else ""
    if index == n:  # append after the last item, on a line of its own when the items are one per line
        start, end = df.start(n - 1), df.end(n - 1)
        lead = text[text.rfind("\n", 0, start) + 1 : start]
        joint = "," + df.newline + lead if not lead.strip(" \t") else ", "
        new_text = text[:end] + joint + item + text[end:]
    elif replacing:
        new_text = text[: df.start(index)] + item + text[df.end(index) :]
    else:
        start, end = df.start(index), df.end(index)
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end) + 1 or len(text)
        if not text[line_start:start].strip(" \t") and _FLOW_LINE_REST.match(text, end, line_end):
            cut = (line_start, line_end)  # one item per line: its line goes
        elif n == 1:
            cut = (start, end)
        elif index < n - 1:
            cut = (start, df.start(index + 1))
        else:
            cut = (df.end(index - 1), end)
        new_text = text[: cut[0]] + text[cut[1] :]
    expected = [
        *rows[:index],
        *([new] if new is not None else []),
        *rows[index + 1 if replacing or new is None else index :],
    ]
    problem = _reads_as(new_text, expected, 1)
    if problem is None:
        return new_text
    raise _unverified(index + 1, _line_of(text, df.start(min(index, n - 1))), problem)


def _unverified(edited: int, line: int, problem: Problem) -> BotError:
    """The edit would not read back as intended: which row, around which line, and what differs."""
    reason, values = problem
    return BotError(
        "data-unverified",
        file=FILE,
        edited=edited,
        line=line,
        reason=reason,
        row=values.get("row", 0),
        field=values.get("field", ""),
        got=values.get("got", 0),
        want=values.get("want", 0),
        problem=values.get("problem", ""),
    )


def _clean(row: Row) -> Row:
    """The row as it will read back: text only (valid Unicode), empty fields left out."""
    for key, value in row.items():
        for text in (key, value):
            if not isinstance(text, str) or not _encodable(text):
                raise BotError("data-new-not-text", field=str(key)[:40])
    return {k: v for k, v in row.items() if v != ""}


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _check_index(df: DataFile, index: int) -> None:
    if not 0 <= index < len(df.rows):
        raise BotError("data-no-such-row", file=FILE, row=index + 1, count=len(df.rows))


def _check_editable(df: DataFile, index: int | None = None) -> None:
    """Refuse what the splice cannot be proved safe for: odd line breaks, aliases across rows (or in `index`)."""
    text = df.text
    for char, name in _ODD_BREAKS:
        at = text.find(char)
        if at >= 0:
            raise BotError("data-line-break", file=FILE, line=_line_of(text, at), char=name)
    if "\r" in text and text.count("\r") != text.count("\r\n"):
        lone = _LONE_CR.search(text)
        at = lone.start() if lone else 0
        raise BotError("data-line-break", file=FILE, line=_line_of(text, at), char="CR")
    if df.aliases_across:
        row, other = df.aliases_across[0]
        raise BotError("data-alias-across-rows", file=FILE, row=row + 1, other=other + 1, line=df.line(row))
    if index is not None and index in df.aliases_within:
        raise BotError("data-alias-in-row", file=FILE, row=index + 1, line=df.line(index))


def _column(df: DataFile) -> int:
    return _dash(df, 0)[1]


def _dash(df: DataFile, index: int) -> tuple[int, int]:
    """(start of the line holding the `-` of row `index`, column of that `-`), from the row's marks."""
    text = df.text
    floor = df.end(index - 1) if index else df.bom
    pos = df.start(index)
    while True:
        line_start = max(text.rfind("\n", 0, pos) + 1, df.bom)
        segment = text[line_start:pos]
        stripped = segment.lstrip(" ")
        if stripped[:1] == "-" and stripped[1:2] in ("", " ", "\t", "\r", "\n"):
            column = len(segment) - len(stripped)
            if index and column != _dash(df, 0)[1]:
                break
            return line_start, column
        if (stripped.strip() and not stripped.startswith("#")) or line_start <= floor:
            break
        pos = line_start - 1
    raise BotError("data-layout", file=FILE, row=index + 1, line=df.line(index))


def _window(df: DataFile, index: int) -> tuple[int, int]:
    """From the line of the previous row's `-` (or the file's start) to the line of the next row's `-` (or the end)."""
    w0 = _dash(df, index - 1)[0] if index else 0
    w1 = _dash(df, index + 1)[0] if index + 1 < len(df.rows) else len(df.text)
    return w0, w1


def _row_end(df: DataFile, index: int, *, keep_blank_tail: bool) -> int:
    """The end of the row's last line; blank lines a block scalar consumed are left out unless they are kept
    content (`|+`)."""
    text = df.text
    at = df.end(index)
    line_start = text.rfind("\n", 0, at) + 1
    if text[line_start:at].strip(" "):  # the last token ends inside a line: the row ends with that line
        next_break = text.find("\n", at)
        return len(text) if next_break < 0 else next_break + 1
    end = line_start  # a block scalar took its line breaks (and perhaps the next line's indentation)
    while not keep_blank_tail:
        previous = text.rfind("\n", 0, end - 1) + 1
        if previous <= df.start(index) or text[previous:end].strip(" \t\r\n"):
            break
        end = previous
    return end


def _chomping(df: DataFile, index: int) -> str | None:
    """How the row's last value, if a block scalar, treats final line breaks: "+" keep, "-" strip, "" clip."""
    start = df.spans[index].block
    if start < 0:
        return None
    line_end = df.text.find("\n", start)
    header = df.text[start : len(df.text) if line_end < 0 else line_end].split("#")[0]
    return "+" if "+" in header else "-" if "-" in header else ""


def _line_of(text: str, at: int) -> int:
    return text.count("\n", 0, at) + 1

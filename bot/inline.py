"""The text of one table cell: plain text in which `[label](http…)` links are allowed.

Stored values (models.yaml) hold that text unescaped; `to_markdown` escapes it for a GFM table cell
rendered by Hugo/goldmark, and `from_markdown` undoes exactly that escaping (the importer uses it).
Escaping is minimal on purpose: only characters that goldmark or Hugo would interpret are escaped,
so hand-written text such as the seed's `-基于…` or `&20+` renders byte-identically.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

LINK = re.compile(r"\[([^\[\]\n]+)\]\((https?://[^\s()<>]+)\)")
"""A markdown link with an http(s) destination and no nested brackets or parentheses."""

# Characters goldmark reads as markup inside a table cell (emphasis, code, links, HTML,
# strikethrough, the cell separator, the escape itself), Hugo's shortcode braces, an `&` that
# would start a character reference, and what goldmark's linkify extension turns into a link
# (`://`, `www.`, the `@` of an e-mail address): bare URLs in text stay text.
_ESCAPE = re.compile(r"([\\`*_\[\]<>|~{}$@])|&(?=#?[0-9A-Za-z]+;)|:(?=//)|(?<=[Ww]{3})\.")
# CommonMark: a backslash before any ASCII punctuation character is an escape.
_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# Bytes never allowed raw in a URL (RFC 3986) nor inside a table row.
_URL_UNSAFE = re.compile(r"[\s<>|\\`\"{}^]")
_LINK_DEST_UNSAFE = re.compile(r"[\s<>|\\`\"{}\[\]^()]")
# In a link destination goldmark resolves character references even after a backslash,
# so an `&` that would start one is written as the reference `&amp;` instead.
_DEST_AMPERSAND = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# goldmark's linkify (v1.8, Hugo 0.16x): the URL it links at the start of a cell, before trimming.
_AUTOLINK = re.compile(
    r"(?:http|https|ftp)://[-a-zA-Z0-9@:%._+~#=]{1,256}\.[a-z]+(?::\d+)?"
    r"(?:[/#?][-a-zA-Z0-9@:%_+.~#$!?&/=();,'\">^{}\[\]`]*)?"
)
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


# A host name as readers see one in text: labels of letters, digits and hyphens joined by dots, the last
# of letters only (github.com, 例子.中国); after NFKC, and with the ideographic full stop read as a dot,
# as browsers read it in an address (github。com goes to github.com).
# An IPv4 address is a host too (`1.2.3.4`, not `v1.2.3.4` or `1.2.3.4.5`).
_HOST_IN_TEXT = re.compile(
    r"(?<![\w.-])(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,}(?![\w-])"
    r"|(?<![\w.-])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\w-]|\.\d)"
)


def _as_address(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace("\u3002", ".").casefold()


def hosts_named(label: str) -> list[str]:
    """The host names a link's visible text shows (`github.com.`, `ｇｉｔｈｕｂ．ｃｏｍ`, `www.x.org/a`)."""
    return [m.group(0) for m in _HOST_IN_TEXT.finditer(_as_address(label))]


def host_of(url: str) -> str:
    """The host a link goes to, as the browser reads it (user info dropped, %-escapes decoded)."""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return _as_address(unquote(host)).rstrip(".")


def _idna(host: str) -> str:
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


def same_host(shown: str, host: str) -> bool:
    """Whether text showing `shown` tells the truth about a link to `host` (a `www.` aside)."""
    a, b = (_idna(_as_address(h).rstrip(".")).removeprefix("www.") for h in (shown, host))
    return a == b


def plain(text: str) -> str:
    """The text a reader sees: links reduced to their labels."""
    return "".join(p.label if isinstance(p, Link) else p for p in segments(text))


def escape(text: str) -> str:
    """Escape plain text so goldmark shows it literally inside a table cell."""
    return _ESCAPE.sub(lambda m: "\\" + m.group(0), text)


def _percent(m: re.Match[str]) -> str:
    return "".join(f"%{b:02X}" for b in m.group(0).encode())


def autolink_end(text: str) -> int:
    """How much of `text`, at the start of a cell, goldmark's linkify turns into a link (0: none).

    goldmark v1.8 (Hugo 0.16x): the longest `_AUTOLINK` match, less trailing `?!.,:*_~`, then less
    as many characters as it has unbalanced `)` when it ends in `)`, or less a final `&name;`.
    """
    m = _AUTOLINK.match(text)
    if not m:
        return 0
    end = m.end()
    while end > 1 and text[end - 1] in "?!.,:*_~":
        end -= 1
    if text[end - 1] == ")":
        end -= max(text.count(")", 0, end) - text.count("(", 0, end), 0)
    elif text[end - 1] == ";":
        i = end - 2
        while i >= 0 and text[i].isascii() and text[i].isalnum():
            i -= 1
        if 0 <= i < end - 2 and text[i] == "&":
            end = i
    return end


def _stopped(rest: str) -> str:
    """`escape(rest)`, starting with a backslash when it can: linkify stops at a backslash."""
    md = escape(rest)
    if rest and not md.startswith("\\") and rest[0].isascii() and not rest[0].isalnum():
        md = "\\" + md  # CommonMark: any ASCII punctuation may be escaped
    return md


def safe_url(url: str) -> str:
    """A URL as bare text in a cell, which linkify makes a link: percent-encode what no URL may
    contain raw, keep the part linkify links as it is and escape the rest, which is shown as text.
    Escaping the rest changes what linkify sees, so settle on markdown whose link stays put."""
    url = _URL_UNSAFE.sub(_percent, url.strip())
    end = len(url)
    for _ in range(len(url) + 1):
        for md in (url[:end] + escape(url[end:]), url[:end] + _stopped(url[end:])):
            linked = autolink_end(md)
            if linked == end:
                return md
        end = linked
    return escape(url)  # never settled: no link at all (`://` is escaped, so linkify ignores it)


def link_destination(url: str) -> str:
    """A URL as the destination of a markdown link in a table cell: percent-encode what would end or
    break the destination (or the row), and write an `&` that would start a character reference as `&amp;`."""
    return _DEST_AMPERSAND.sub("&amp;", _LINK_DEST_UNSAFE.sub(_percent, url))


def to_markdown(text: str) -> str:
    """Stored text → the markdown of one table cell (never contains a newline or a bare `|`)."""
    out: list[str] = []
    parts = segments(fold(text))
    for i, part in enumerate(parts):
        if isinstance(part, Link):
            out.append(f"[{escape(part.label)}]({link_destination(part.url)})")
        else:
            plain_md = escape(part)
            if plain_md.endswith("!") and i + 1 < len(parts):  # `![` would open an image
                plain_md = plain_md[:-1] + "\\!"
            out.append(plain_md)
    return "".join(out)


def from_markdown(cell: str) -> str:
    """The inverse of `to_markdown` for cells it produced (and hand-written cells like the seed's)."""
    return _UNESCAPE.sub(r"\1", cell.strip())


def fold(text: str) -> str:
    """Fold multi-line text onto one line; list items keep the seed's ` -item` style."""
    text = text.replace("\t", " ")  # a tab pasted from a spreadsheet is a space on the page
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

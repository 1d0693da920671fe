"""Hugo front matter: split it from the body, change single keys, join it back.

Round-trip editors keep comments, key order and unknown keys: tomlkit for TOML (`+++`),
ruamel.yaml for YAML (`---`); JSON (`{…}`) keeps key order and the indentation unit, but is
re-serialized (JSON has no comments; inline arrays are laid out one item per line).
The bot manages `lastmod` and `draft`; `date` moves only when a maintainer asks (`--redate`).
A post with a byte order mark or CRLF line breaks is read like an LF one and joined back in its own
convention (judged by its first line break, so a post mixing LF and CRLF comes back all in that one).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal

from bot import yamlio
from bot.layout import BOM, line_break
from bot.model import BotError

Format = Literal["toml", "yaml", "json"]
_TOML = re.compile(r"\A\+\+\+[ \t]*\n(.*?\n)?\+\+\+[ \t]*(?:\n|\Z)", re.DOTALL)
_YAML = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)


@dataclass(frozen=True)
class Post:
    format: Format | None
    front: str
    """The front matter's own text, without delimiters (JSON: the whole object); LF line breaks."""
    body: str
    """The text after the front matter; LF line breaks."""
    bom: bool = False
    """The file starts with a byte order mark (kept by `join`)."""
    newline: str = "\n"
    """The file's line break, "\n" or "\r\n" (restored by `join`)."""


def split(text: str) -> Post:
    bom = text.startswith(BOM)
    if bom:
        text = text[1:]
    newline = line_break(text)
    if newline != "\n":
        text = text.replace("\r\n", "\n")
    for fmt, pattern in (("toml", _TOML), ("yaml", _YAML)):
        m = pattern.match(text)
        if m:
            return Post(fmt, m.group(1) or "", text[m.end() :], bom, newline)  # type: ignore[arg-type]
    if text.startswith("{"):
        try:
            _obj, end = json.JSONDecoder().raw_decode(text)
        except json.JSONDecodeError as exc:
            raise BotError("frontmatter-json", detail=str(exc)) from None
        rest = text[end:]
        return Post("json", text[:end], rest[1:] if rest.startswith("\n") else rest, bom, newline)
    return Post(None, "", text, bom, newline)


def join(post: Post) -> str:
    if post.format == "toml":
        text = f"+++\n{post.front}+++\n{post.body}"
    elif post.format == "yaml":
        text = f"---\n{post.front}---\n{post.body}"
    elif post.format == "json":
        text = f"{post.front}\n{post.body}"
    else:
        text = post.body
    if post.newline != "\n":
        text = text.replace("\n", post.newline)
    return BOM + text if post.bom else text


def get(post: Post, key: str) -> Any:
    return _load(post).get(key)


def _load(post: Post) -> Any:
    doc: Any = {}
    try:
        if post.format == "toml":
            import tomlkit  # only when front matter is edited; `check` and `render --check` never need it

            doc = tomlkit.parse(post.front)
        elif post.format == "yaml":
            doc = yamlio.round_trip().load(post.front) or {}
        elif post.format == "json":
            doc = json.loads(post.front)
    except Exception as exc:
        detail = str(exc).replace('"<unicode string>"', "the front matter")  # lines count from its first
        raise BotError("frontmatter-unreadable", format=str(post.format), detail=detail) from None
    if not isinstance(doc, Mapping):
        raise BotError("frontmatter-not-mapping", format=str(post.format))
    return doc


def set_keys(post: Post, values: dict[str, Any]) -> Post:
    """Set keys (datetimes, bools, strings), keeping everything else as written."""
    if post.format is None:
        raise BotError("frontmatter-missing")
    doc = _load(post)
    if all(_same(doc.get(k), v) for k, v in values.items()):
        return post
    for key, value in values.items():
        doc[key] = value
    if post.format == "toml":
        import tomlkit

        front = tomlkit.dumps(doc)
    elif post.format == "yaml":
        out = io.StringIO()
        yamlio.round_trip().dump(doc, out)
        front = out.getvalue()
    else:
        front = _dump_json(doc, post.front, values)
    return replace(post, front=front)


def _same(current: Any, value: Any) -> bool:
    if isinstance(value, dt.datetime):
        return _iso(value) == (_iso(current) if isinstance(current, dt.datetime) else str(current))
    return bool(current == value and type(current) is type(value))


def _iso(value: dt.datetime) -> str:
    return value.replace(microsecond=0).isoformat()


def _dump_json(doc: dict[str, Any], original: str, values: dict[str, Any]) -> str:
    indent = re.search(r"\n([ \t]+)\"", original)
    data = {k: _iso(v) if isinstance(v, dt.datetime) else v for k, v in doc.items()}
    return json.dumps(data, ensure_ascii=False, indent=indent.group(1) if indent else 2)


def date_of(post: Post) -> dt.date | None:
    """The post's `date` (a datetime, or a day in TOML or YAML), also when written as text (JSON, a
    quoted value); None when it has none or it is not a date."""
    value = get(post, "date")
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            return None
    return value if isinstance(value, dt.date) else None


def in_zone_of_date(post: Post, now: dt.datetime) -> dt.datetime:
    """`now` in the UTC offset of the post's `date` (Hugo shows lastmod next to it), to the second."""
    date = date_of(post)
    zone = date.tzinfo if isinstance(date, dt.datetime) and date.tzinfo else dt.UTC
    return now.astimezone(zone).replace(microsecond=0)


def touch(text: str, now: dt.datetime) -> str:
    """Set `lastmod` to now; the caller decides that the content really changed."""
    post = split(text)
    if post.format is None:
        return text
    return join(set_keys(post, {"lastmod": in_zone_of_date(post, now)}))


def set_draft(text: str, draft: bool, now: dt.datetime, *, redate: bool = False) -> str:
    post = split(text)
    values: dict[str, Any] = {"draft": draft}
    if redate:
        values["date"] = in_zone_of_date(post, now)
    return join(set_keys(post, values))

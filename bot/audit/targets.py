"""Which URLs the audit checks and what it asks about each (pure).

Every field of a `url` column (the columns declared in the schema's `x-table`) and every
`[label](https://…)` link inside other fields is a target. Targets that ask the
same question share one check: one GitHub repository, one Hugging Face repository, or one web URL
(without its fragment), however many rows or fields mention it.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Collection
from dataclasses import dataclass
from typing import Literal

from bot import inline
from bot.model import Row

Kind = Literal["web", "github-repo", "github-user", "hub"]

GITHUB_HOSTS = frozenset({"github.com", "www.github.com"})
HUB_HOSTS = frozenset({"huggingface.co", "www.huggingface.co", "hf.co"})
HUB_KINDS = frozenset({"datasets", "spaces"})
"""First path segments of Hub datasets and spaces (models have none), as the Hub API names them too."""
# First path segments of github.com / huggingface.co that are site pages, not accounts.
GITHUB_PAGES = frozenset(
    [
        "about",
        "apps",
        "collections",
        "contact",
        "customer-stories",
        "enterprise",
        "events",
        "explore",
        "features",
        "issues",
        "join",
        "login",
        "marketplace",
        "new",
        "notifications",
        "organizations",
        "orgs",
        "pricing",
        "pulls",
        "search",
        "security",
        "settings",
        "site",
        "sponsors",
        "topics",
        "trending",
        "users",
    ]
)
HUB_PAGES = frozenset(
    [
        "api",
        "blog",
        "chat",
        "collections",
        "docs",
        "enterprise",
        "join",
        "learn",
        "login",
        "models",
        "new",
        "notifications",
        "organizations",
        "papers",
        "posts",
        "pricing",
        "search",
        "settings",
        "tasks",
    ]
)
_SEGMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


@dataclass(frozen=True)
class Entry:
    id: str
    """The row's `id`, or `row-N` for rows written before ids existed."""
    position: int
    """1-based position in the data file."""
    name: str
    has_id: bool = True


@dataclass(frozen=True)
class Target:
    """One URL where it occurs: an entry's field."""

    entry: Entry
    field: str
    url: str
    text: str = ""
    """The field's value: the URL itself in an address field, else the text holding the link."""

    @property
    def address(self) -> bool:
        """The field's whole value is this URL (a field of a `url` column)."""
        return self.text.strip() == self.url


@dataclass(frozen=True)
class Resource:
    """What one check asks about: the question several targets may share."""

    kind: Kind
    key: str
    """web: the URL without fragment; github-repo: owner/repo; github-user: login; hub: models/org/name."""

    @property
    def hub_repo(self) -> tuple[str, str]:
        """For hub: (`models`|`datasets`|`spaces`, repo id)."""
        kind, _, repo_id = self.key.partition("/")
        return kind, repo_id


def targets(rows: list[Row], addresses: Collection[str]) -> list[Target]:
    """Every http(s) URL of the rows, in data order; a URL repeated within one field counts once.
    `addresses` are the fields whose whole value is a URL (the declared `url` columns' fields)."""
    found: list[Target] = []
    for position, row in enumerate(rows, start=1):
        entry = Entry(
            id=row.get("id") or f"row-{position}",
            position=position,
            name=inline.plain(row.get("name", "")).strip() or f"#{position}",
            has_id=bool(row.get("id")),
        )
        for field in row:  # the data file's order, which follows the declared columns
            value = row[field]
            urls = (
                [value.strip()] if field in addresses else [m.group(2) for m in inline.LINK.finditer(value)]
            )
            for url in dict.fromkeys(urls):
                if is_http(url):
                    found.append(Target(entry, field, url, value))
    return found


def is_http(url: str) -> bool:
    try:
        split = urllib.parse.urlsplit(url)
    except ValueError:
        return False
    return split.scheme.lower() in ("http", "https") and bool(split.hostname)


def _segments(path: str) -> list[str]:
    return [urllib.parse.unquote(s) for s in path.split("/") if s]


def resource(url: str) -> Resource:
    """The question to ask about `url` (an http(s) URL)."""
    split = urllib.parse.urlsplit(url)
    host = (split.hostname or "").lower()
    parts = _segments(split.path)
    if host in GITHUB_HOSTS and parts and parts[0].lower() not in GITHUB_PAGES:
        if len(parts) >= 2:
            return Resource("github-repo", f"{parts[0]}/{parts[1].removesuffix('.git')}".lower())
        if _SEGMENT.match(parts[0]):
            return Resource("github-user", parts[0].lower())
    if host in HUB_HOSTS and parts:
        if parts[0] in HUB_KINDS and len(parts) >= 3:
            return Resource("hub", f"{parts[0]}/{parts[1]}/{parts[2]}")
        if len(parts) >= 2 and parts[0] not in HUB_PAGES and parts[0] not in HUB_KINDS:
            return Resource("hub", f"models/{parts[0]}/{parts[1]}")
    return Resource("web", urllib.parse.urlunsplit(split._replace(fragment="")))


def renamed(url: str, new_name: str) -> str:
    """`url` (on github.com or the Hub) with its `owner/name` replaced by `new_name`; the rest is kept."""
    split = urllib.parse.urlsplit(url)
    parts = [s for s in split.path.split("/") if s]
    start = 1 if (split.hostname or "").lower() in HUB_HOSTS and parts[0] in HUB_KINDS else 0
    rest = parts[start + 2 :]
    path = "/" + "/".join([*parts[:start], *new_name.split("/"), *rest])
    if split.path.endswith("/") and rest:
        path += "/"
    return urllib.parse.urlunsplit(split._replace(scheme="https", path=path))

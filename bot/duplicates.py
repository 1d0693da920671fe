"""Is this model already listed? Names compared by their Unicode skeleton, URLs by what they point at.

Two names are the same when they share a key. The keys of a name are taken from the text a reader
sees (links reduced to labels), NFKC-normalized, without separators (spaces, hyphens, underscores,
middle dots) or punctuation at either end, then mapped to its UTS #39 skeleton by ICU's spoof
checker (so a Cyrillic `а` or a Greek `ο` is the Latin letter it looks like) once in upper and once in
lower case: comparison is case-insensitive, and some letters look alike only in one case (Greek `Β`
and `B`, Cyrillic `ԁ` and `d`). Everything else is kept: `BioMedGPT-1.6B` is not `BioMedGPT-16B`,
`Chat+Doctor` is not `ChatDoctor`.

A stored row is known by several keys: its name, its name without a bracketed aside or a description
after a colon, and each aside (`BioMedLM（原PubMed GPT 2.7B）` is also `PubMed GPT 2.7B`). A submitted
name is read the same way, except that an aside holding a digit stays part of it (`ChatDoctor (13B)`,
`BioGPT（v2）` name other models; `BenTsao（本草）` is BenTsao). A submitted name is also the same model
when it is a stored name followed by (the start of) that row's summary, as when a contributor types
both into the name field, with or without a space: `BioGPT 大规模生物医学…`, `春雨慧问基于大模型的…`.

URLs are compared by what they point at (`url_key`): on GitHub and Hugging Face the repository, however
its address is written (scheme, `www.`, `hf.co`, case, `.git`, `/tree/main`, `?tab=readme-ov-file`);
elsewhere the address without scheme, `www.`, trailing slash, fragment or `utm_` parameters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Protocol
from urllib.parse import urlsplit

from bot import inline
from bot.model import Problem, Row, Verbatim, quote

_SEPARATORS = frozenset("·・‧•∙")
_ASIDE = re.compile(r"[（(]([^（）()]*)[）)]")
_FORMERLY = re.compile(
    r"^(?:原名?|曾用名|又名|即|简称|formerly|aka|a\.k\.a\.|previously|née)[\s:：]*", re.IGNORECASE
)
_DESCRIPTION = re.compile(r"\s*[：:].*$")
_SUMMARY_MIN = 2
"""Characters of a summary typed after a name that make it the name + summary of a stored row."""


@cache
def _checker() -> Any:
    import icu  # PyICU: the Unicode consortium's reference implementation of UTS #39

    return icu.SpoofChecker()


def skeleton(text: str) -> str:
    """UTS #39 skeleton (ICU), case-folded: `Chаt` (Cyrillic а) → `chat`."""
    return unicodedata.normalize("NFKC", str(_checker().getSkeleton(0, text)).casefold())


def _core(name: str) -> str:
    text = unicodedata.normalize("NFKC", inline.plain(name))
    kept = "".join(
        ch
        for ch in text
        if not (ch.isspace() or unicodedata.category(ch) in ("Pd", "Pc", "Cf") or ch in _SEPARATORS)
    )
    return kept.strip("".join(ch for ch in set(kept) if unicodedata.category(ch)[0] in "PS"))


def keys(name: str) -> set[str]:
    """The keys of a name (see the module docstring); empty for a name without any."""
    core = _core(name)
    return {skeleton(core.upper()), skeleton(core.casefold())} if core else set()


def key(name: str) -> str:
    """One key of a name, for ordering and prefix tests."""
    core = _core(name)
    return skeleton(core.casefold()) if core else ""


def _variants(name: str, *, submitted: bool) -> list[str]:
    """A name, the name without its asides, each aside; a submitted name keeps asides with digits."""
    text = inline.plain(name)
    asides = [a for a in _ASIDE.findall(text) if not (submitted and any(ch.isdigit() for ch in a))]
    short = _ASIDE.sub(lambda m: " " if m.group(1) in asides else m.group(0), text) if asides else text
    return [text, short, _DESCRIPTION.sub("", text), *(_FORMERLY.sub("", aside.strip()) for aside in asides)]


@dataclass(frozen=True)
class Names:
    """The keys a name is known by: `all` to compare, `folded` (one per variant) for prefix tests."""

    all: frozenset[str]
    folded: frozenset[str]


@lru_cache(maxsize=65536)
def _names(name: str, submitted: bool) -> Names:
    variants = _variants(name, submitted=submitted)
    return Names(
        frozenset(k for v in variants for k in keys(v)), frozenset(f for v in variants if (f := key(v)))
    )


def stored_keys(row: Row) -> set[str]:
    """Every key a stored row is known by."""
    return set(_names(row.get("name", ""), False).all)


def same_model(name: str, other: Row) -> bool:
    """Whether a submitted `name` is the stored row `other` (see the module docstring)."""
    wanted, own = _names(name, True), _names(other.get("name", ""), False)
    if wanted.all & own.all:
        return True
    rests = [
        rest
        for base in own.folded
        for typed in wanted.folded
        if typed.startswith(base) and len(rest := _unpunctuated(typed[len(base) :])) >= _SUMMARY_MIN
    ]
    if not rests:
        return False
    summary = key(other.get("summary", ""))
    return bool(summary) and any(summary.startswith(rest) or rest.startswith(summary) for rest in rests)


def _unpunctuated(text: str) -> str:
    """`text` from its first letter or digit (`：大规模…` → `大规模…`)."""
    start = next((i for i, ch in enumerate(text) if unicodedata.category(ch)[0] in "LN"), len(text))
    return text[start:]


_HOST_ALIASES = {"hf.co": "huggingface.co"}
_REPOSITORY_HOSTS = ("github.com", "huggingface.co")
"""Hosts whose addresses name a repository by its first path segments, case-insensitively."""
_KINDS = {"huggingface.co": frozenset({"datasets", "spaces"})}
"""First segments that say the kind of repository (its name follows)."""
_NOT_REPOSITORIES = {
    "github.com": frozenset({"orgs", "topics", "sponsors", "features", "marketplace", "collections", "apps"}),
    "huggingface.co": frozenset(
        {"papers", "blog", "docs", "collections", "organizations", "posts", "models"}
    ),
}
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_ESCAPED = re.compile(r"%([0-9A-Fa-f]{2})")


def _decoded(path: str) -> str:
    """Percent-escapes of unreserved characters decoded (`%6D` is `m`), the others in upper case."""

    def one(m: re.Match[str]) -> str:
        ch = chr(int(m.group(1), 16))
        return ch if ch in _UNRESERVED else m.group(0).upper()

    return _ESCAPED.sub(one, path)


def url_key(url: str) -> str:
    """What a URL points at (see the module docstring); never raises, whatever the text."""
    text = url.strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:  # an impossible port or an unclosed IPv6 bracket: compared as written
        return text
    host = (parts.hostname or "").rstrip(".").removeprefix("www.")
    host = _HOST_ALIASES.get(host, host)
    segments = [s for s in _decoded(parts.path).split("/") if s]
    if segments:
        last = segments[-1]
        segments[-1] = last[:-4] if last.lower().endswith(".git") and len(last) > 4 else last
    if host in _REPOSITORY_HOSTS:
        return "/".join([host, *_repository(host, segments)]).casefold()
    port_text = f":{port}" if port and port not in (80, 443) else ""
    query = "&".join(p for p in parts.query.split("&") if p and not p.lower().startswith("utm_"))
    return f"{host}{port_text}/{'/'.join(segments)}" + (f"?{query}" if query else "")


def _repository(host: str, segments: list[str]) -> list[str]:
    """The segments that name the repository (`owner/name`, `datasets/owner/name`), or all of them."""
    if not segments or segments[0].lower() in _NOT_REPOSITORIES[host]:
        return segments
    size = 3 if segments[0].lower() in _KINDS.get(host, ()) else 2
    return segments[:size]


class UpdateLink(Protocol):
    def update(self, entry_id: str) -> str: ...


def find_duplicate(
    row: Row,
    rows: list[Row],
    labels: Mapping[str, str],
    links: UpdateLink | None = None,
    *,
    own: Row | None = None,
) -> list[Problem]:
    """A new or changed row against the stored ones (`own`: the stored row it replaces, never its own
    duplicate): the same model is an error, a shared URL a warning."""
    name = row.get("name", "")
    url = url_key(row["url"]) if row.get("url") else None
    problems: list[Problem] = []
    for number, other in enumerate(rows, start=1):
        if other is own:
            continue
        if name and same_model(name, other):
            problems.append(_same_model(row, other, number, labels, links))
        if url and other.get("url") and url_key(other["url"]) == url:
            values = {"url": quote(row["url"]), "row": number, "other": _name(other)}
            problems.append(Problem("duplicate-url", values, "url", labels.get("url"), "warning"))
    return problems


def _same_model(
    row: Row, other: Row, number: int, labels: Mapping[str, str], links: UpdateLink | None
) -> Problem:
    entry = other.get("id", "")
    update = Verbatim(links.update(entry)) if links is not None else entry
    values = {"name": _name(row), "row": number, "other": _name(other), "id": entry, "update": update}
    return Problem("duplicate-name", values, "name", labels.get("name"))


def _name(row: Row) -> str:
    return quote(inline.plain(row.get("name", "")))


def stored_problems(rows: list[Row], labels: Mapping[str, str]) -> list[Problem]:
    """Warnings for stored rows: a model listed twice, a URL used more than once."""
    problems: list[Problem] = []
    first_name: dict[str, int] = {}
    first_url: dict[str, int] = {}
    for number, row in enumerate(rows, start=1):
        own = stored_keys(row)
        earlier = sorted({first_name[k] for k in own if k in first_name})
        if earlier:
            values = {"name": _name(row), "row": earlier[0]}
            problems.append(
                Problem("stored-duplicate-name", values, "name", labels.get("name"), "warning", number)
            )
        for k in own:
            first_name.setdefault(k, number)
        if row.get("url"):
            url = url_key(row["url"])
            if url in first_url:
                values = {"url": quote(row["url"]), "row": first_url[url]}
                problems.append(
                    Problem("stored-duplicate-url", values, "url", labels.get("url"), "warning", number)
                )
            first_url.setdefault(url, number)
    return problems


def closest(entry: str, rows: Iterable[Row], limit: int = 3) -> list[Row]:
    """Stored rows whose name is nearest to `entry` (by their keys), for “did you mean …”."""
    import difflib

    wanted = key(entry)
    scored = []
    for row in rows:
        best = max((difflib.SequenceMatcher(None, wanted, k).ratio() for k in stored_keys(row)), default=0.0)
        scored.append((best, row))
    scored.sort(key=lambda pair: -pair[0])
    return [row for score, row in scored[:limit] if score >= 0.5]

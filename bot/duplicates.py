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
name is also the same model when it is a stored name followed by (the start of) that row's summary,
as when a contributor types both into the name field: `BioGPT 大规模生物医学…`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any, Protocol
from urllib.parse import urlsplit

from bot import inline
from bot.model import Problem, Row, quote

_SEPARATORS = frozenset("·・‧•∙")
_ASIDE = re.compile(r"[（(]([^（）()]*)[）)]")
_FORMERLY = re.compile(
    r"^(?:原名?|曾用名|又名|即|简称|formerly|aka|a\.k\.a\.|previously|née)[\s:：]*", re.IGNORECASE
)
_DESCRIPTION = re.compile(r"\s*[：:].*$")
_SUMMARY_START = re.compile(r"\s+(?=[\d.]*[\u3000-\u9fff\uff00-\uffef])")
"""Where a Chinese description typed after the name starts (as the importer splits the seed)."""
_CASE_INSENSITIVE_PATHS = ("github.com", "huggingface.co")


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


def stored_keys(row: Row) -> set[str]:
    """Every key a stored row is known by."""
    name = inline.plain(row.get("name", ""))
    variants = [name, _ASIDE.sub(" ", name), _DESCRIPTION.sub("", name)]
    variants += [_FORMERLY.sub("", aside.strip()) for aside in _ASIDE.findall(name)]
    return {k for variant in variants for k in keys(variant)}


def same_model(name: str, other: Row) -> bool:
    """Whether a submitted `name` is the stored row `other` (see the module docstring)."""
    own = stored_keys(other)
    if keys(name) & own:
        return True
    head, *tail = _SUMMARY_START.split(inline.plain(name), maxsplit=1)
    if not tail or not keys(head) & own:
        return False
    typed, summary = key(tail[0]), key(other.get("summary", ""))
    return bool(typed) and bool(summary) and (summary.startswith(typed) or typed.startswith(summary))


def url_key(url: str) -> str:
    """What a URL points at: no scheme, `www.`, trailing slash, `.git` or fragment; GitHub and Hugging
    Face paths case-folded (both treat owner and repository names case-insensitively)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    host = (parts.hostname or "").removeprefix("www.")
    port = f":{parts.port}" if parts.port and parts.port not in (80, 443) else ""
    path = parts.path.rstrip("/").removesuffix(".git").rstrip("/")
    if host in _CASE_INSENSITIVE_PATHS:
        path = path.casefold()
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{port}{path}{query}"


class UpdateLink(Protocol):
    def update(self, entry_id: str) -> str: ...


def find_duplicate(
    row: Row, rows: list[Row], labels: Mapping[str, str], links: UpdateLink | None = None
) -> list[Problem]:
    """A new row against stored ones: the same model is an error, a shared URL a warning."""
    name = row.get("name", "")
    url = url_key(row["url"]) if row.get("url") else None
    problems: list[Problem] = []
    for number, other in enumerate(rows, start=1):
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
    update = links.update(entry) if links is not None else entry
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

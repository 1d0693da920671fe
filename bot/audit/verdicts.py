"""What one audit run concludes about one check, from the answers the edges collected (pure).

The edges (`web`, `github_api`, `hub`) only record what they saw: status codes, redirect targets,
a few fields of an API's JSON, or which kind of network error happened. Deciding what that means
(`ok`, `moved`, `archived`, `gated`, `unverified` or `dead`) happens here, on plain data.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from bot.audit import targets

State = Literal["ok", "moved", "archived", "gated", "unverified", "dead"]
STATES: tuple[State, ...] = ("ok", "moved", "archived", "gated", "unverified", "dead")
Args = Mapping[str, str | int]
NetError = Literal[
    "timeout",  # no complete answer in time
    "dns",  # the name does not resolve (NXDOMAIN)
    "dns-temporary",  # the resolver failed (no proof the name is gone)
    "tls",  # certificate or handshake failure
    "reset",  # the connection was reset or closed without an answer
    "connect",  # refused or unreachable
    "redirect-loop",
    "too-many-redirects",
    "bad-redirect",  # a redirect without a usable http(s) Location
    "rate-limit",  # asked to wait longer than the audit waits (or the API budget is spent)
    "network",  # anything else on the wire
]
NET_CODES: dict[NetError, str] = {
    "timeout": "link-timeout",
    "dns": "link-dns",
    "dns-temporary": "link-dns-temporary",
    "tls": "link-tls",
    "reset": "link-reset",
    "connect": "link-connect",
    "redirect-loop": "link-redirect-loop",
    "too-many-redirects": "link-too-many-redirects",
    "bad-redirect": "link-bad-redirect",
    "rate-limit": "link-rate-limit",
    "network": "link-network",
}
"""The message code (bot/locales/*/audit.ftl) of each network error."""
PERMANENT_REDIRECTS = frozenset({301, 308})
GONE = frozenset({404, 410})
SUGGESTION = re.compile(r"^https?://[^\s()<>\[\]\"'`]+$")
SUGGESTION_MAX = 500  # the schema's maxLength for `url`


@dataclass(frozen=True)
class Hop:
    """One HTTP answer: its status and, for a redirect, where it points (absolute)."""

    url: str
    status: int
    location: str | None = None


@dataclass(frozen=True)
class WebAnswer:
    """The last attempt at a web URL: the chain of answers, and the error that ended it, if any."""

    hops: tuple[Hop, ...] = ()
    error: NetError | None = None
    wait: int | None = None
    """For `rate-limit`: the seconds the server asked for."""


@dataclass(frozen=True)
class ApiAnswer:
    """A GitHub or Hub API answer about one repository (or account), reduced to what matters."""

    status: int | None = None
    """The final status (after the API's own redirects), None when there was no answer."""
    error: NetError | None = None
    moved_to: str | None = None
    """The canonical `owner/name` after a redirect (a renamed or transferred repository)."""
    name: str | None = None
    """The canonical `owner/name` the API reports for a 200."""
    archived: bool = False
    gated: str | None = None
    """Hub: the `gated` mode (`auto` or `manual`) of a repository needing access."""
    license: str | None = None
    error_code: str | None = None
    """Hub: the `X-Error-Code` header (`RepoNotFound`, `GatedRepo`, …)."""
    not_modified: bool = False
    """GitHub: a 304 to a conditional request confirmed the remembered answer (`etag` unchanged)."""
    etag: str | None = None
    wait: int | None = None
    """Seconds until the API would answer again, when it refused for rate limiting."""


@dataclass(frozen=True)
class Verdict:
    """This run's reading of one check, before the consecutive-failure rule."""

    state: State
    code: str
    """A stable message code of bot/locales/*/audit.ftl; `args` are its values."""
    args: Args = field(default_factory=dict)
    suggestion: str | None = None
    etag: str | None = None
    """GitHub: the ETag of a 200 to send as If-None-Match next time."""


def _suggestion(url: str | None) -> str | None:
    if url and len(url) <= SUGGESTION_MAX and SUGGESTION.match(url):
        return url
    return None


def network(error: NetError, wait: int | None = None) -> Verdict:
    if error == "dns":
        return Verdict("dead", "link-dns")
    if error == "rate-limit":
        return Verdict("unverified", "link-rate-limit", {"seconds": wait or 0})
    return Verdict("unverified", NET_CODES[error])


def web(answer: WebAnswer) -> Verdict:
    """A plain URL: the final answer decides; permanent redirects at the start of the chain suggest a URL."""
    if answer.error is not None:
        return network(answer.error, answer.wait)
    if not answer.hops:
        return Verdict("unverified", "link-network")
    final = answer.hops[-1]
    status = final.status
    if status in GONE:
        return Verdict("dead", "link-gone", {"status": status})
    if not 200 <= status < 300:  # 403 bot walls, 429, 5xx, other 4xx: nothing proven
        return Verdict("unverified", "link-status", {"status": status})
    moved_to = None
    for hop in answer.hops[:-1]:
        if hop.status not in PERMANENT_REDIRECTS:
            break
        moved_to = hop.location
    if moved_to is not None:
        suggestion = _suggestion(moved_to)
        return Verdict("moved", "link-moved", {"status": answer.hops[0].status}, suggestion=suggestion)
    return Verdict("ok", "link-ok", {"status": status})


def _api_failure(answer: ApiAnswer, kind: str) -> Verdict | None:
    """The verdict for an API answer that says nothing about the repository, or None."""
    if answer.error == "rate-limit":
        return network(answer.error, answer.wait)
    if answer.error is not None:  # the API's trouble proves nothing about the repository
        return Verdict("unverified", "link-api-unreachable", {"error": answer.error})
    if answer.status is None:
        return Verdict("unverified", "link-network")
    if answer.status in (403, 429) and answer.wait is not None:
        return Verdict("unverified", "link-rate-limit", {"seconds": answer.wait})
    if answer.status >= 500 or answer.status in (403, 429):
        return Verdict(
            "unverified", "hub-status" if kind == "hub" else "github-status", {"status": answer.status}
        )
    return None


def github(answer: ApiAnswer, url: str) -> Verdict:
    """A github.com repository (or account) through the REST API. A 304 to a conditional request
    arrives here as the 200 it confirms (the edge fills in what was remembered with the ETag)."""
    failed = _api_failure(answer, "github")
    if failed is not None:
        return failed
    if answer.status in (404, 410, 451):
        return Verdict("dead", "github-missing", {"status": answer.status})
    if answer.status != 200:
        return Verdict("unverified", "github-status", {"status": answer.status or 0})
    if answer.moved_to is not None:
        suggestion = _suggestion(targets.renamed(url, answer.moved_to))
        return Verdict("moved", "github-renamed", {"name": answer.moved_to}, suggestion=suggestion)
    if answer.archived:
        return Verdict("archived", "github-archived", etag=answer.etag)
    return Verdict("ok", "github-ok", etag=answer.etag)


def hub(answer: ApiAnswer, url: str) -> Verdict:
    """A Hugging Face model, dataset or space through the Hub API (as huggingface_hub reads it:
    `RepoNotFound`, or a 401 on a repository endpoint, is a missing or private repository)."""
    if answer.error_code == "RepoNotFound" or answer.status in (401, 404, 410):
        return Verdict("dead", "hub-missing", {"status": answer.status or 0})
    if answer.error_code == "GatedRepo":
        return Verdict("gated", "hub-gated", {"mode": "manual", "license": answer.license or "?"})
    failed = _api_failure(answer, "hub")
    if failed is not None:
        return failed
    if answer.status != 200:
        return Verdict("unverified", "hub-status", {"status": answer.status or 0})
    license_ = answer.license or "?"
    if answer.moved_to is not None:
        suggestion = _suggestion(targets.renamed(url, answer.moved_to))
        return Verdict(
            "moved", "hub-renamed", {"name": answer.moved_to, "license": license_}, suggestion=suggestion
        )
    if answer.gated:
        return Verdict("gated", "hub-gated", {"mode": answer.gated, "license": license_})
    return Verdict("ok", "hub-ok", {"license": license_})


def hub_license(card: object, tags: object) -> str | None:
    """The license the Hub reports: the model card's `license`, else a `license:` tag."""
    if isinstance(card, Mapping):
        value = card.get("license")
        if isinstance(value, str) and value:
            return value[:60]
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            return ", ".join(value)[:60]
    if isinstance(tags, list):
        for tag in tags:
            if isinstance(tag, str) and tag.startswith("license:"):
                return tag.removeprefix("license:")[:60]
    return None


def hub_repo_id(api_url: str) -> str | None:
    """`org/name` of a Hub API URL (`…/api/models/org/name`), or None."""
    parts = [urllib.parse.unquote(s) for s in urllib.parse.urlsplit(api_url).path.split("/") if s]
    if "api" in parts:
        rest = parts[parts.index("api") + 1 :]
        if len(rest) >= 3 and rest[0] in ("models", "datasets", "spaces"):
            return f"{rest[1]}/{rest[2]}"
    return None


def conclude(url: str, kind: str, answer: WebAnswer | ApiAnswer) -> Verdict:
    """This run's verdict for one URL from the answer to its check."""
    if isinstance(answer, WebAnswer):
        return web(answer)
    if kind == "hub":
        return hub(answer, url)
    return github(answer, url)

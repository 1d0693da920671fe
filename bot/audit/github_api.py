"""Ask the GitHub REST API (GITHUB_API_URL) about repositories and accounts named by github.com URLs.

A renamed or transferred repository answers 301 to `/repositories/{id}`; the JSON there names it.
Conditional requests (If-None-Match with the ETag remembered from the last 200) cost no rate limit
when nothing changed. The rate-limit headers are obeyed: when the remaining budget reaches a reserve
kept for the bot's own work, the audit waits for the reset if it is near, else stops asking.
https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api
https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api
"""

from __future__ import annotations

import time
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass

import httpx

from bot.audit.fetch import Failure, Fetcher, parse_retry_after
from bot.audit.verdicts import ApiAnswer

API_VERSION = "2022-11-28"
SECONDARY_WAIT = 60.0
"""GitHub: without Retry-After or an exhausted budget, wait at least a minute after a secondary limit."""


def reserve(limit: int) -> int:
    """Requests left for the bot itself (submissions share the token's budget)."""
    return min(100, limit // 10)


def wait_rule(response: httpx.Response, body: bytes) -> float | None:
    if response.status_code not in (403, 429):
        return None
    now = time.time()
    after = parse_retry_after(response.headers.get("retry-after"), now)
    if after is not None:
        return after
    if response.headers.get("x-ratelimit-remaining") == "0":
        reset = response.headers.get("x-ratelimit-reset", "")
        return max(int(reset) - now, 0.0) + 1 if reset.isdigit() else SECONDARY_WAIT
    if response.status_code == 429 or b"rate limit" in body.lower():
        return SECONDARY_WAIT
    return None


@dataclass
class Budget:
    remaining: int | None = None
    limit: int | None = None
    reset: float = 0.0

    def update(self, headers: Mapping[str, str]) -> None:
        remaining, limit, reset = (
            headers.get(f"x-ratelimit-{k}", "") for k in ("remaining", "limit", "reset")
        )
        if remaining.isdigit() and limit.isdigit() and reset.isdigit():
            self.remaining, self.limit, self.reset = int(remaining), int(limit), float(reset)

    def wait(self, now: float) -> float | None:
        """Seconds until asking is allowed again, None when it is allowed now."""
        if self.remaining is None or self.limit is None or self.remaining > reserve(self.limit):
            return None
        return max(self.reset - now, 0.0) + 1 if self.reset > now else None


class GitHubApi:
    def __init__(self, fetcher: Fetcher, base_url: str, token: str | None) -> None:
        self.fetcher = fetcher
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.budget = Budget()

    def _headers(self, etag: str | None) -> dict[str, str]:
        headers = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": API_VERSION}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if etag:
            headers["If-None-Match"] = etag
        return headers

    async def repository(self, name: str, remembered: tuple[str, bool] | None = None) -> ApiAnswer:
        """`owner/repo`; `remembered` is (ETag, archived) from the last 200."""
        owner, _, repo = name.partition("/")
        url = f"{self.base_url}/repos/{_quote(owner)}/{_quote(repo)}"
        return await self._ask(url, name, remembered)

    async def account(self, login: str) -> ApiAnswer:
        return await self._ask(f"{self.base_url}/users/{_quote(login)}", login, None)

    async def _ask(self, url: str, name: str, remembered: tuple[str, bool] | None) -> ApiAnswer:
        moved = False
        for _ in range(4):
            etag = remembered[0] if remembered and not moved else None
            reply = await self.fetcher.send(
                "GET",
                url,
                headers=self._headers(etag),
                read_body=True,
                wait_rule=wait_rule,
                gate=lambda: self.budget.wait(time.time()),
            )
            if isinstance(reply, Failure):
                return ApiAnswer(error=reply.error, wait=reply.wait)
            self.budget.update(reply.headers)
            location = reply.headers.get("location")
            if reply.status in (301, 302, 307, 308) and location:
                url, moved = urllib.parse.urljoin(url, location), True
                continue
            if reply.status == 304 and remembered:
                return ApiAnswer(status=200, name=name, archived=remembered[1], not_modified=True, etag=etag)
            if reply.status != 200:
                return ApiAnswer(status=reply.status, wait=reply.wait)
            data = reply.json()
            canonical = str(data.get("full_name") or data.get("login") or name)
            return ApiAnswer(
                status=200,
                name=canonical,
                moved_to=canonical if moved and canonical.lower() != name.lower() else None,
                archived=data.get("archived") is True,
                etag=None if moved else reply.headers.get("etag"),
            )
        return ApiAnswer(error="too-many-redirects")


def _quote(segment: str) -> str:
    return urllib.parse.quote(segment, safe="")

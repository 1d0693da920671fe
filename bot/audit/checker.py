"""Run every check of one audit concurrently, each question asked once, through one HTTP client."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import httpx

from bot.audit import hub, web
from bot.audit.fetch import Clients, Fetcher
from bot.audit.github_api import GitHubApi
from bot.audit.history import Memory
from bot.audit.limits import Limiter
from bot.audit.settings import Settings
from bot.audit.targets import Resource
from bot.audit.verdicts import ApiAnswer, WebAnswer

USER_AGENT = "leaderboard-bot-link-audit/0.1 (+{home}; python-httpx/{httpx})"
DEFAULT_HOME = "https://pypi.org/project/leaderboard-bot/"

Answer = WebAnswer | ApiAnswer


@dataclass(frozen=True)
class Endpoints:
    github_api: str = "https://api.github.com"
    github_token: str | None = None
    hub: str = hub.DEFAULT_ENDPOINT
    home: str = DEFAULT_HOME
    """The project's address, named in the User-Agent so site owners know who is asking."""

    @property
    def user_agent(self) -> str:
        return USER_AGENT.format(home=self.home, httpx=httpx.__version__)


def remembered(urls: Iterable[str], memory: Mapping[str, Memory]) -> tuple[str, bool] | None:
    """(ETag, archived) remembered for a repository, from any of its URLs."""
    for url in sorted(urls):
        m = memory.get(url)
        if m is not None and m.etag and m.state in ("ok", "archived"):
            return m.etag, m.state == "archived"
    return None


async def check_all(
    resources: Mapping[Resource, list[str]],
    memory: Mapping[str, Memory],
    settings: Settings,
    endpoints: Endpoints,
) -> dict[Resource, Answer]:
    """Ask every question once; `resources` maps each to the URLs that share it."""
    clients = Clients(user_agent=endpoints.user_agent, timeout=settings.timeout, per_host=settings.per_host)
    try:
        fetcher = Fetcher(clients, Limiter(settings.per_host, settings.total), settings)
        github = GitHubApi(fetcher, endpoints.github_api, endpoints.github_token)

        async def ask(resource: Resource, urls: list[str]) -> Answer:
            if resource.kind == "github-repo":
                return await github.repository(resource.key, remembered(urls, memory))
            if resource.kind == "github-user":
                return await github.account(resource.key)
            if resource.kind == "hub":
                kind, repo_id = resource.hub_repo
                return await hub.repository(fetcher, endpoints.hub, kind, repo_id)
            return await web.check(fetcher, resource.key)

        order = list(resources)
        answers = await asyncio.gather(*(ask(r, resources[r]) for r in order))
    finally:
        await clients.aclose()
    return dict(zip(order, answers, strict=True))

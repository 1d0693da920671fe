"""The GitHub client: PyGithub with a retry policy that never re-sends a POST, and a bound on waiting.

GitHub can apply a request and still answer 502, a secondary rate limit or nothing at all (a timeout).
Re-sending a GET, PATCH, PUT or DELETE is harmless (they set state), so the transport retries those.
A POST creates something: the transport never re-sends one; `create_checked` does, and only after
looking whether the first attempt took effect (the caller says how to look). Every wait (rate limits,
Retry-After, back-off) is charged to one `WaitBudget` per job; a wait that would exceed it raises
`RateLimited` at once instead of sleeping into the job's `timeout-minutes`. `from_environment` makes
the client a job (the bot's or the audit's) uses, from the Actions environment and `Options`.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import requests
from github import Auth, Consts, Github, GithubException, GithubRetry
from urllib3.response import BaseHTTPResponse

from bot.actions_env import DEFAULT_MAX_WAIT, Environment
from bot.model import BotError

T = TypeVar("T")
IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE"})


class RateLimited(BotError):
    """GitHub asked the bot to wait longer than its budget allows."""

    def __init__(self, wait: float, resume_at: dt.datetime, limit: float) -> None:
        super().__init__(
            "rate-limited", wait=f"{wait:.0f}", resume=f"{resume_at:%Y-%m-%d %H:%M}", limit=f"{limit:.0f}"
        )
        self.wait = wait
        self.resume_at = resume_at


@dataclass
class WaitBudget:
    """All the waiting one job may do; `sleep` and `clock` are the real ones except in tests."""

    limit: float = DEFAULT_MAX_WAIT
    """Seconds one job may spend waiting in all (LEADERBOARD_MAX_WAIT; the workflows allow 10 and 20 minutes)."""
    backoff_factor: float = 1.0
    settle: float = 5.0
    """After a POST timed out: how long GitHub may still be applying it before the bot looks."""
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.time
    spent: float = field(default=0.0, init=False)

    def wait(self, seconds: float) -> None:
        seconds = max(seconds, 0.0)
        if self.spent + seconds > self.limit:
            resume = dt.datetime.fromtimestamp(self.clock() + seconds, dt.UTC)
            raise RateLimited(seconds, resume, self.limit)
        self.spent += seconds
        if seconds:
            self.sleep(seconds)


class RetryPolicy(GithubRetry):
    """GithubRetry (5xx, secondary and primary rate limits) minus POSTs, with every sleep budgeted."""

    def __init__(self, *, budget: WaitBudget, **kwargs: Any) -> None:
        self.budget = budget
        kwargs.setdefault("allowed_methods", IDEMPOTENT)
        kwargs.setdefault("backoff_factor", budget.backoff_factor)
        super().__init__(**kwargs)

    def new(self, **kwargs: Any) -> RetryPolicy:
        kwargs["budget"] = self.budget
        return super().new(**kwargs)

    def sleep(self, response: BaseHTTPResponse | None = None) -> None:
        after = self.get_retry_after(response) if response and self.respect_retry_after_header else None
        self.budget.wait(after if after else self.get_backoff_time())


@dataclass(frozen=True)
class Options:
    """How the client behaves. The defaults are production's; tests shorten the waits."""

    timeout: int = 30
    paced: bool = True
    backoff_factor: float = 1.0
    settle: float = 5.0
    sleep: Callable[[float], None] = field(default=time.sleep)

    def budget(self, limit: float) -> WaitBudget:
        return WaitBudget(
            limit=limit, backoff_factor=self.backoff_factor, settle=self.settle, sleep=self.sleep
        )


def from_environment(
    env: Environment, options: Options | None = None, budget: WaitBudget | None = None
) -> Github:
    """PyGithub for a job's token and API (the bot's jobs and the audit's), with the retry policy and
    one wait budget (LEADERBOARD_MAX_WAIT)."""
    options = options or Options()
    budget = budget or options.budget(env.max_wait)
    return connect(env.token, env.api_url, budget, timeout=options.timeout, paced=options.paced)


def connect(token: str, api_url: str, budget: WaitBudget, *, timeout: int = 30, paced: bool = True) -> Github:
    """PyGithub against `api_url` (GitHub Enterprise or a test server work the same way).

    Lazy objects: nothing is fetched until read, so a submission costs only the requests it needs.
    `paced=False` drops PyGithub's politeness delays (for tests only)."""
    return Github(
        auth=Auth.Token(token),
        base_url=api_url,
        retry=RetryPolicy(total=6, budget=budget),
        timeout=timeout,
        lazy=True,
        seconds_between_requests=Consts.DEFAULT_SECONDS_BETWEEN_REQUESTS if paced else 0,
        seconds_between_writes=Consts.DEFAULT_SECONDS_BETWEEN_WRITES if paced else 0,
    )


def transient_wait(exc: Exception, attempt: int, budget: WaitBudget) -> float | None:
    """How long to wait before trying a failed write again; None when trying again cannot help."""
    if isinstance(exc, (requests.Timeout, requests.ConnectionError)):
        return budget.settle
    if not isinstance(exc, GithubException):
        return None
    headers = {k.lower(): v for k, v in (exc.headers or {}).items()}
    after = str(headers.get("retry-after", "")).strip()
    if exc.status in (403, 429) and after.isdigit():
        return float(after)
    if exc.status in (403, 429) and headers.get("x-ratelimit-remaining") == "0":
        reset = str(headers.get("x-ratelimit-reset", ""))
        return max(float(reset) - budget.clock(), 0.0) + 1 if reset.isdigit() else 60.0
    if exc.status == 403 and "secondary rate limit" in str(exc.data).lower():
        return 60.0
    if exc.status >= 500:
        return budget.backoff_factor * (1 << attempt)
    return None


def create_checked(
    create: Callable[[], T], find: Callable[[], T | None], budget: WaitBudget, attempts: int = 4
) -> T:
    """Send a POST; when it fails in a way that may have hidden its effect (5xx, rate limit, timeout),
    wait, `find` what it would have made, and only send it again if nothing is there."""
    for attempt in range(attempts):
        try:
            return create()
        except (GithubException, requests.RequestException) as exc:
            wait = transient_wait(exc, attempt, budget)
            if wait is None or attempt == attempts - 1:
                raise
            budget.wait(wait)
            found = find()
            if found is not None:
                return found
    raise AssertionError("unreachable")

"""github.com links through the fake GitHub's REST API: archived, renamed (301), deleted (404),
accounts, conditional requests, and both kinds of rate limit."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from fake_github import FakeGitHub

from bot.audit import command
from bot.audit.checker import Endpoints
from bot.audit.history import Memory
from bot.audit.report import Line
from bot.audit.settings import Settings

ADDRESSES = ("url",)  # the repository's declared url column

FAST = Settings(timeout=5.0, max_wait=5.0)


@pytest.fixture
def fake() -> Iterator[FakeGitHub]:
    with FakeGitHub() as fake:
        fake.catalog.add("stanford-crfm/BioMedLM")
        fake.catalog.add("old-org/Tool", archived=True)
        fake.catalog.add("SCIR-HI/Huatuo")
        fake.catalog.rename("SCIR-HI/Huatuo", "HIT-SCIR/Huatuo-Llama")
        yield fake


def audit(
    fake: FakeGitHub,
    urls: list[str],
    memory: dict[str, Memory] | None = None,
    dead_after: int = 1,
    settings: Settings = FAST,
) -> dict[str, Line]:
    rows = [{"id": f"m{i}", "name": f"M{i}", "url": url} for i, url in enumerate(urls)]
    where = Endpoints(github_api=fake.url, github_token=fake.token)
    lines, _, _ = command.audit(rows, ADDRESSES, memory or {}, settings, where, dead_after)
    return {line.target.url: line for line in lines}


def test_repository_states(fake: FakeGitHub) -> None:
    urls = [
        "https://github.com/stanford-crfm/BioMedLM",
        "https://github.com/old-org/tool",
        "https://github.com/SCIR-HI/Huatuo/tree/main/docs",
        "https://github.com/gone/away",
        "https://github.com/stanford-crfm",
        "https://github.com/nobody-here",
    ]
    found = audit(fake, urls)
    assert [(found[u].state, found[u].outcome.verdict.code) for u in urls] == [
        ("ok", "github-ok"),
        ("archived", "github-archived"),
        ("moved", "github-renamed"),
        ("dead", "github-missing"),
        ("ok", "github-ok"),
        ("dead", "github-missing"),
    ]
    assert found[urls[2]].suggestion == "https://github.com/HIT-SCIR/Huatuo-Llama/tree/main/docs"
    paths = [r.path for r in fake.requests]
    assert "/repositories/500003" in paths  # the 301 was followed to the repository's id
    assert all(r.headers["authorization"] == f"Bearer {fake.token}" for r in fake.requests)


def test_conditional_requests_cost_no_rate_limit(fake: FakeGitHub) -> None:
    url = "https://github.com/old-org/tool"
    first = audit(fake, [url])[url]
    assert first.outcome.memory.etag
    before = len(fake.requests)
    second = audit(fake, [url], {url: first.outcome.memory})[url]
    [request] = fake.requests[before:]
    assert request.headers["if-none-match"] == first.outcome.memory.etag and request.status == 304
    assert second.state == "archived" and second.outcome.memory == first.outcome.memory
    fake.catalog.archive("old-org/Tool", False)  # a change: the ETag no longer matches
    third = audit(fake, [url], {url: second.outcome.memory})[url]
    assert third.state == "ok" and third.outcome.memory.etag != first.outcome.memory.etag


def test_secondary_rate_limit_is_waited_out(fake: FakeGitHub) -> None:
    fake.fail_with_too_many_requests("GET", "^/repos/stanford-crfm/", retry_after=1)
    start = time.monotonic()
    found = audit(fake, ["https://github.com/stanford-crfm/BioMedLM"])
    assert time.monotonic() - start >= 1.0
    assert [r.status for r in fake.requests] == [429, 200]
    assert found["https://github.com/stanford-crfm/BioMedLM"].state == "ok"


def test_an_exhausted_budget_stops_the_audit_asking(fake: FakeGitHub) -> None:
    fake.fail_with_rate_limit("GET", "^/repos/", reset_in=3600)
    urls = [
        "https://github.com/stanford-crfm/BioMedLM",
        "https://github.com/old-org/tool",
        "https://github.com/gone/away",
        "https://github.com/SCIR-HI/Huatuo",
    ]
    found = audit(fake, urls, settings=Settings(per_host=1, timeout=5.0, max_wait=5.0))
    assert {(line.state, line.outcome.verdict.code) for line in found.values()} == {
        ("unverified", "link-rate-limit")
    }
    assert [r.status for r in fake.requests] == [403]  # after the 403 no one else asks
    assert all(line.outcome.verdict.args["seconds"] > 3000 for line in found.values())


def test_a_budget_that_resets_soon_is_waited_for(fake: FakeGitHub) -> None:
    fake.fail_with_rate_limit("GET", "^/repos/", reset_in=1)
    found = audit(fake, ["https://github.com/stanford-crfm/BioMedLM"])
    assert [r.status for r in fake.requests] == [403, 200]
    assert found["https://github.com/stanford-crfm/BioMedLM"].state == "ok"


def test_the_api_being_down_proves_nothing(fake: FakeGitHub) -> None:
    fake.fail_next("GET", "^/repos/", 502, times=3)
    found = audit(fake, ["https://github.com/gone/away"])
    line = found["https://github.com/gone/away"]
    assert line.state == "unverified" and line.outcome.memory.dead == 0

"""Plain web links against real HTTP servers on 127.0.0.x: every behaviour, the limits, the waits."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from link_servers import Gauge, LinkServer

from bot.audit import command
from bot.audit.checker import Endpoints
from bot.audit.history import Memory
from bot.audit.report import Line
from bot.audit.settings import Settings

ADDRESSES = ("url",)  # the repository's declared url column

FAST = Settings(timeout=1.0, max_wait=5.0)
UNRESOLVABLE = "http://no-such-host.invalid/page"  # RFC 6761: .invalid never resolves


@pytest.fixture(scope="module")
def server() -> Iterator[LinkServer]:
    with LinkServer("127.0.0.1", slow=2.0) as s:
        yield s


def rows_for(urls: list[str]) -> list[dict[str, str]]:
    return [{"id": f"m{i}", "name": f"Model {i}", "url": url} for i, url in enumerate(urls)]


def audit(
    urls: list[str],
    memory: dict[str, Memory] | None = None,
    *,
    dead_after: int = 1,
    settings: Settings = FAST,
) -> dict[str, Line]:
    lines, _, _ = command.audit(rows_for(urls), ADDRESSES, memory or {}, settings, Endpoints(), dead_after)
    return {line.target.url: line for line in lines}


BEHAVIOURS = [
    ("/ok", "ok", "link-ok", None),
    ("/head-refused", "ok", "link-ok", None),
    ("/moved", "moved", "link-moved", "/ok"),
    ("/temporary", "ok", "link-ok", None),
    ("/moved-then-temporary", "moved", "link-moved", "/temporary"),
    ("/moved-to-missing", "dead", "link-gone", None),
    ("/loop-a", "unverified", "link-redirect-loop", None),
    ("/forbidden", "unverified", "link-status", None),
    ("/missing", "dead", "link-gone", None),
    ("/gone", "dead", "link-gone", None),
    ("/busy-long", "unverified", "link-rate-limit", None),
    ("/error", "unverified", "link-status", None),
    ("/slow", "unverified", "link-timeout", None),
    ("/reset", "unverified", "link-reset", None),
]


def test_each_behaviour_gets_its_state(server: LinkServer) -> None:
    found = audit([server.url(path) for path, *_ in BEHAVIOURS] + [UNRESOLVABLE])
    for path, state, code, suggestion in BEHAVIOURS:
        line = found[server.url(path)]
        assert (line.state, line.outcome.verdict.code) == (state, code), path
        assert line.suggestion == (server.url(suggestion) if suggestion else None), path
    assert (found[UNRESOLVABLE].state, found[UNRESOLVABLE].outcome.verdict.code) == ("dead", "link-dns")
    assert found[server.url("/busy-long")].outcome.verdict.args == {"seconds": 3600}
    assert len(server.requests_for("/busy-long")) == 1  # an hour is past the cap: no waiting, no retry


def test_head_refused_falls_back_to_a_one_byte_get(server: LinkServer) -> None:
    audit([server.url("/head-refused")])
    seen = server.requests_for("/head-refused")[-2:]
    assert [s.method for s in seen] == ["HEAD", "GET"]
    assert seen[1].headers["range"] == "bytes=0-0"
    assert "leaderboard-bot" in seen[0].headers["user-agent"]


def test_retry_after_is_honoured_then_the_answer_counts() -> None:
    with LinkServer("127.0.0.6") as s:
        s.retry_after = 1
        start = time.monotonic()
        found = audit([s.url("/busy")])
        elapsed = time.monotonic() - start
    assert found[s.url("/busy")].state == "ok"
    assert len(s.requests_for("/busy")) == 2 and elapsed >= 1.0


def test_a_url_shared_by_many_rows_is_checked_once(server: LinkServer) -> None:
    url = server.url("/ok?shared=1")
    rows = [
        {"id": "a", "name": "A", "url": url},
        {"id": "b", "name": "B", "url": url + "#readme", "data": f"see [the same]({url})"},
        {"id": "c", "name": "C", "url": url},
    ]
    lines, _outcomes, checks = command.audit(rows, ADDRESSES, {}, FAST, Endpoints(), 2)
    assert len(lines) == 4 and checks == 1
    assert len(server.requests_for("/ok?shared=1")) == 1
    assert {line.state for line in lines} == {"ok"}


def test_limits_per_host_and_in_all_are_never_exceeded() -> None:
    shared = Gauge()
    hosts = [LinkServer(f"127.0.0.{n}", delay=0.05, shared=shared) for n in (2, 3, 4)]
    for s in hosts:
        s.start()
    try:
        urls = [s.url(f"/delay/{i}") for i in range(10) for s in hosts]
        found = audit(urls, settings=Settings(per_host=2, total=5, timeout=5.0))
    finally:
        for s in hosts:
            s.stop()
    assert {line.state for line in found.values()} == {"ok"}
    assert [s.max_in_flight for s in hosts] == [2, 2, 2]  # reached, never passed
    assert shared.most == 5


def test_a_proven_failure_is_dead_only_after_n_runs_in_a_row(server: LinkServer) -> None:
    url = server.url("/missing")
    first = audit([url], dead_after=2)[url]
    assert first.state == "unverified" and first.outcome.pending and "1/2" in first.detail
    second = audit([url], {url: first.outcome.memory}, dead_after=2)[url]
    assert second.state == "dead" and second.outcome.memory.dead == 2
    # A run that proves nothing breaks the streak: 403 → unverified, streak back to zero.
    forbidden = server.url("/forbidden")
    flaky = audit([forbidden], {forbidden: first.outcome.memory}, dead_after=2)[forbidden]
    assert flaky.state == "unverified" and flaky.outcome.memory.dead == 0


def test_a_recovered_link_forgets_its_failures(server: LinkServer) -> None:
    url = server.url("/ok")
    line = audit([url], {url: Memory("dead", dead=3)}, dead_after=2)[url]
    assert line.state == "ok" and line.outcome.memory.empty

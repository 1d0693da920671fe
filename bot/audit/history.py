"""The consecutive-failure rule and what one run remembers for the next (pure).

A URL is reported `dead` only when N audits in a row (default 2) proved it gone (404/410, a deleted
repository or model, a name that does not resolve). Any other answer breaks the streak: a run that
proves nothing (`unverified`: 403, 429, 5xx, timeouts, …) does not count towards it either, so
flaky servers and bot walls are never called dead. Until the streak is long enough, a proven failure
is reported as `unverified`, with how far it got.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from bot.audit.verdicts import State, Verdict

UNVERIFIED_CAP = 4
"""Unverified audits in a row are counted up to this (shown as "4+")."""
ATTENTION: tuple[State, ...] = ("dead", "moved", "archived")
"""States a maintainer should act on: they keep the tracking issue open."""


@dataclass(frozen=True)
class Memory:
    """What is remembered about one URL between runs."""

    state: State = "ok"
    """The state last reported."""
    dead: int = 0
    """Consecutive audits that proved the URL gone (up to the number needed)."""
    unverified: int = 0
    """Consecutive audits that proved nothing (up to UNVERIFIED_CAP)."""
    etag: str | None = None
    """GitHub: the ETag of the last 200, sent as If-None-Match (a 304 costs no rate limit)."""

    @property
    def empty(self) -> bool:
        return self == Memory()


@dataclass(frozen=True)
class Outcome:
    """One URL after this run: the state reported, the run's reading, and the new memory."""

    url: str
    state: State
    verdict: Verdict
    memory: Memory
    dead_after: int

    @property
    def pending(self) -> bool:
        """Proven gone, but not yet in enough consecutive audits to be called dead."""
        return self.verdict.state == "dead" and self.state != "dead"

    @property
    def attention(self) -> bool:
        """Worth a maintainer's look now: keeps the tracking issue open."""
        return self.state in ATTENTION or self.pending


def settle(url: str, verdict: Verdict, previous: Memory | None, dead_after: int) -> Outcome:
    """Apply the consecutive-failure rule to this run's verdict."""
    before = previous or Memory()
    if verdict.state == "dead":  # counts stop at what the rules need: an unchanged week writes nothing
        dead = min(before.dead + 1, dead_after)
        memory = Memory("dead" if dead >= dead_after else "unverified", dead=dead)
    elif verdict.state == "unverified":
        memory = Memory("unverified", unverified=min(before.unverified + 1, UNVERIFIED_CAP))
    else:
        memory = Memory(verdict.state)
    memory = replace(memory, etag=verdict.etag)
    return Outcome(url, memory.state, verdict, memory, dead_after)


def remember(outcomes: Iterable[Outcome]) -> dict[str, Memory]:
    """The memory to keep: only URLs with something to remember, in URL order."""
    kept = {o.url: o.memory for o in outcomes if not o.memory.empty}
    return dict(sorted(kept.items()))


def listed(memory: Mapping[str, Memory]) -> set[tuple[str, State]]:
    """(url, state) pairs that needed attention when the memory was written (for the reopen rule)."""
    return {
        (url, m.state) for url, m in memory.items() if m.state in ATTENTION or (m.dead and m.state != "dead")
    }


def attention_keys(outcomes: Iterable[Outcome]) -> set[tuple[str, State]]:
    return {(o.url, o.state) for o in outcomes if o.attention}

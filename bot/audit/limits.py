"""How many requests may be in flight: at most `per_host` to one host and `total` in all, and no
request to a host that asked us to wait (Retry-After, an exhausted API rate limit) before it said."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class _Host:
    def __init__(self, per_host: int) -> None:
        self.slots = asyncio.Semaphore(per_host)
        self.not_before = 0.0


class Limiter:
    """Per-host slots taken before the global one, so a busy host never holds a global slot idle."""

    def __init__(self, per_host: int, total: int) -> None:
        if per_host < 1 or total < 1:
            raise ValueError("concurrency limits must be at least 1")
        self.per_host = per_host
        self._total = asyncio.Semaphore(total)
        self._hosts: dict[str, _Host] = {}

    def _host(self, host: str) -> _Host:
        return self._hosts.setdefault(host.lower(), _Host(self.per_host))

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        entry = self._host(host)
        loop = asyncio.get_running_loop()
        async with entry.slots:
            while (delay := entry.not_before - loop.time()) > 0:
                await asyncio.sleep(delay)
            async with self._total:
                yield

    def hold_off(self, host: str, seconds: float) -> None:
        """Send nothing more to `host` for `seconds` (requests already waiting wait longer)."""
        entry = self._host(host)
        entry.not_before = max(entry.not_before, asyncio.get_running_loop().time() + seconds)

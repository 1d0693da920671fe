"""One HTTP request, politely: a slot from the limiter, a timeout, waits the server asks for, and
network errors turned into a `NetError` name. The only module that touches httpx's exceptions."""

from __future__ import annotations

import asyncio
import email.utils
import errno
import json
import socket
import ssl
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from bot.audit.limits import Limiter
from bot.audit.settings import Settings
from bot.audit.verdicts import NetError

MAX_BODY = 4 * 1024 * 1024
"""JSON bodies (API answers) are read up to this size."""
MAX_SKIPPED = 64 * 1024
"""A web page's body (a server ignoring `Range`) is read and dropped up to this size, then abandoned."""
NXDOMAIN = {socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)}


@dataclass(frozen=True)
class Reply:
    status: int
    url: str
    headers: Mapping[str, str]
    body: bytes = b""
    wait: int | None = None
    """Seconds the server asked to wait when the audit gave up waiting (over `max_wait`, or retries spent)."""

    def json(self) -> dict[str, Any]:
        """An API's JSON object; empty when the body is not one (the verdict then has nothing to go on)."""
        try:
            data = json.loads(self.body)
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}


@dataclass(frozen=True)
class Failure:
    error: NetError
    wait: int | None = None


WaitRule = Callable[[httpx.Response, bytes], float | None]
"""Seconds an answer (and its body, when read) asks to wait before trying again, or None when it is final."""


def retry_after(response: httpx.Response, body: bytes = b"") -> float | None:
    """429 or 503 with a Retry-After header (seconds or an HTTP date)."""
    if response.status_code not in (429, 503):
        return None
    return parse_retry_after(response.headers.get("retry-after"), time.time())


def parse_retry_after(value: str | None, now: float) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(when.timestamp() - now, 0.0)


class Clients:
    """One httpx client per origin, sharing one TLS context. Each pool then holds only its host's few
    connections: httpcore scans the whole pool for every request, slow with a hundred idle ones."""

    def __init__(self, *, user_agent: str, timeout: float, per_host: int) -> None:
        self._ssl = httpx.create_ssl_context()  # loading the CA bundle is the slow part of a client
        self._clients: dict[tuple[str, str, int | None], httpx.AsyncClient] = {}
        self.user_agent, self.timeout, self.per_host = user_agent, timeout, per_host

    def for_url(self, url: httpx.URL) -> httpx.AsyncClient:
        key = (url.scheme, url.host, url.port)
        client = self._clients.get(key)
        if client is None:
            client = self._clients[key] = httpx.AsyncClient(
                headers={"User-Agent": self.user_agent},
                timeout=self.timeout,
                limits=httpx.Limits(max_connections=None, max_keepalive_connections=self.per_host),
                follow_redirects=False,
                verify=self._ssl,
            )
        return client

    async def aclose(self) -> None:
        for client in self._clients.values():
            await client.aclose()


@dataclass
class Fetcher:
    """Sends requests through per-origin httpx clients and one limiter, with the audit's settings."""

    clients: Clients
    limiter: Limiter
    settings: Settings

    async def send(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        read_body: bool = False,
        wait_rule: WaitRule = retry_after,
        gate: Callable[[], float | None] | None = None,
    ) -> Reply | Failure:
        """Send once a slot is free; `gate`, asked while holding the slot, may say to wait first (an
        API budget spent until its reset). Answers asking to wait are retried up to `retries` times."""
        try:
            parsed = httpx.URL(url)
            host = parsed.host
            client = self.clients.for_url(parsed)
        except (httpx.InvalidURL, ValueError):
            return Failure("network")
        attempt = 0
        while True:
            async with self.limiter.slot(host):
                wait = gate() if gate is not None else None
                if wait is None:
                    try:
                        async with asyncio.timeout(self.settings.timeout):
                            response, body = await self._exchange(client, method, url, headers, read_body)
                    except Exception as exc:  # every network failure becomes data for the verdict
                        return Failure(net_error(exc))
            if wait is not None:  # the gate refused: wait for it (if not too long), then ask again
                if wait > self.settings.max_wait:
                    return Failure("rate-limit", round(wait))
                self.limiter.hold_off(host, wait)
                continue
            wait = wait_rule(response, body)
            if wait is None:
                return Reply(response.status_code, str(response.url), response.headers, body)
            if wait > self.settings.max_wait or attempt >= self.settings.retries:
                return Reply(response.status_code, str(response.url), response.headers, body, round(wait))
            self.limiter.hold_off(host, wait)
            attempt += 1

    @staticmethod
    async def _exchange(
        client: httpx.AsyncClient, method: str, url: str, headers: Mapping[str, str] | None, read_body: bool
    ) -> tuple[httpx.Response, bytes]:
        request = client.build_request(method, url, headers=headers)
        response = await client.send(request, stream=True)
        try:
            # Reading a short body to its end lets the connection be reused (HEAD has none, a ranged GET
            # one byte); a longer one is abandoned, and its connection closed, past the limit.
            limit = MAX_BODY if read_body else MAX_SKIPPED
            body = b""
            async for chunk in response.aiter_raw():
                body += chunk
                if len(body) > limit:
                    break
            return response, body if read_body else b""
        finally:
            await response.aclose()


def net_error(exc: BaseException) -> NetError:
    """Name a network failure from the exception chain (httpx wraps httpcore wraps the OS error)."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    for item in chain:
        if isinstance(item, socket.gaierror):
            return "dns" if item.errno in NXDOMAIN else "dns-temporary"
    for item in chain:
        if isinstance(item, (TimeoutError, httpx.TimeoutException)):
            return "timeout"
        if isinstance(item, ssl.SSLError):
            return "tls"
        if isinstance(
            item, (ConnectionResetError, BrokenPipeError, httpx.RemoteProtocolError, httpx.ReadError)
        ):
            return "reset"
        if isinstance(item, OSError) and item.errno in (errno.ECONNRESET, errno.EPIPE):
            return "reset"
    for item in chain:
        if isinstance(item, httpx.ConnectError):
            return "connect"
    return "network"

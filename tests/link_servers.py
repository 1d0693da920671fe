"""Real HTTP servers on loopback addresses for the link audit's tests and benchmark.

`LinkServer` answers every behaviour the audit must tell apart (by path) and measures, itself, how
many requests it is serving at once: the audit's per-host limit is asserted from the server's side.
`FakeHub` is a Hugging Face Hub API (`/api/models/{org}/{name}` and friends) with a few repositories.
"""

from __future__ import annotations

import json
import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from loopback import Loopback


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    headers: dict[str, str]


@dataclass
class Answer:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real servers
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_HEAD(self) -> None:
        self._serve("HEAD")

    def do_GET(self) -> None:
        self._serve("GET")

    def _serve(self, method: str) -> None:
        owner: HttpServer = self.server.owner  # type: ignore[attr-defined]
        owner.enter(Seen(method, self.path, {k.lower(): v for k, v in self.headers.items()}))
        try:
            answer = owner.answer(method, self.path, dict(self.headers.items()))
        finally:
            owner.leave()
        if answer is None:  # reset the connection: RST instead of an answer
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close()
            return
        self.send_response(answer.status)
        for name, value in answer.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(answer.body)))
        self.end_headers()
        if method != "HEAD":
            self.wfile.write(answer.body)

    def handle_one_request(self) -> None:
        try:
            super().handle_one_request()
        except OSError:  # the connection we reset, or a client that went away
            self.close_connection = True


class Gauge:
    """Requests being served right now, and the most at any moment."""

    def __init__(self) -> None:
        self.now = 0
        self.most = 0
        self._lock = threading.Lock()

    def up(self) -> None:
        with self._lock:
            self.now += 1
            self.most = max(self.most, self.now)

    def down(self) -> None:
        with self._lock:
            self.now -= 1


class HttpServer(Loopback):
    """A threading HTTP server on `host` (any 127.x.y.z) and a free port, counting concurrency
    (its own, and in `shared` across several servers).

    The count is taken between reading a request and sending its answer, an interval inside the
    client's own (it sends before and reads after), so the maximum is never overstated."""

    def __init__(self, host: str = "127.0.0.1", shared: Gauge | None = None) -> None:
        self.host = host
        self.seen: list[Seen] = []
        self.gauge = Gauge()
        self.shared = shared
        self._lock = threading.Lock()
        server = _Server((host, 0), _Handler)
        server.owner = self  # type: ignore[attr-defined]
        super().__init__(server)

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    @property
    def max_in_flight(self) -> int:
        return self.gauge.most

    def enter(self, seen: Seen) -> None:
        with self._lock:
            self.seen.append(seen)
        for gauge in (self.gauge, self.shared):
            if gauge is not None:
                gauge.up()

    def leave(self) -> None:
        for gauge in (self.gauge, self.shared):
            if gauge is not None:
                gauge.down()

    def answer(self, method: str, path: str, headers: dict[str, str]) -> Answer | None:
        raise NotImplementedError

    def requests_for(self, path: str) -> list[Seen]:
        return [s for s in self.seen if s.path == path]


class LinkServer(HttpServer):
    """Each path is one behaviour; `/delay/…` answers 200 after `delay` seconds (the benchmark)."""

    def __init__(
        self, host: str = "127.0.0.1", *, delay: float = 0.0, slow: float = 3.0, shared: Gauge | None = None
    ) -> None:
        super().__init__(host, shared)
        self.delay = delay
        self.slow = slow
        self.retry_after = 1
        self._busy_served: set[str] = set()
        self.routes: dict[str, Callable[[str, dict[str, str]], Answer | None]] = {
            "/ok": lambda m, h: Answer(200, body=b"ok"),
            "/head-refused": self._head_refused,
            "/moved": lambda m, h: Answer(301, {"Location": "/moved-again"}),
            "/moved-again": lambda m, h: Answer(308, {"Location": self.url("/ok")}),
            "/temporary": lambda m, h: Answer(302, {"Location": "/ok"}),
            "/moved-then-temporary": lambda m, h: Answer(301, {"Location": "/temporary"}),
            "/moved-to-missing": lambda m, h: Answer(301, {"Location": "/missing"}),
            "/loop-a": lambda m, h: Answer(302, {"Location": "/loop-b"}),
            "/loop-b": lambda m, h: Answer(302, {"Location": "/loop-a"}),
            "/forbidden": lambda m, h: Answer(403),
            "/missing": lambda m, h: Answer(404),
            "/gone": lambda m, h: Answer(410),
            "/busy": self._busy,
            "/busy-long": lambda m, h: Answer(429, {"Retry-After": "3600"}),
            "/error": lambda m, h: Answer(500),
            "/slow": self._slow,
            "/reset": lambda m, h: None,
        }

    def _head_refused(self, method: str, headers: dict[str, str]) -> Answer:
        if method == "HEAD":
            return Answer(405, {"Allow": "GET"})
        if headers.get("Range") == "bytes=0-0":
            return Answer(206, {"Content-Range": "bytes 0-0/10"}, b"0")
        return Answer(200, body=b"0123456789")

    def _busy(self, method: str, headers: dict[str, str]) -> Answer:
        """429 with Retry-After the first time, then 200."""
        with self._lock:
            first = "busy" not in self._busy_served
            self._busy_served.add("busy")
        return Answer(429, {"Retry-After": str(self.retry_after)}) if first else Answer(200)

    def _slow(self, method: str, headers: dict[str, str]) -> Answer:
        time.sleep(self.slow)
        return Answer(200)

    def answer(self, method: str, path: str, headers: dict[str, str]) -> Answer | None:
        if path.startswith("/delay/"):
            time.sleep(self.delay)
            return Answer(200)
        route = self.routes.get(path.split("?")[0])
        return route(method, headers) if route else Answer(404)


class FakeHub(HttpServer):
    """The Hub API's repository endpoints, as huggingface.co answers them without a token:
    200 with `gated` and the card's license, 401 + `X-Error-Code: RepoNotFound` for a missing (or
    private) repository, and a redirect from a renamed repository's old name."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        super().__init__(host)
        self.repos: dict[str, dict[str, Any]] = {}
        self.renamed: dict[str, str] = {}

    def add(self, kind: str, repo_id: str, *, gated: bool | str = False, license: str | None = None) -> None:
        card = {"license": license} if license else {}
        tags = [f"license:{license}"] if license else []
        self.repos[f"{kind}/{repo_id}"] = {
            "id": repo_id,
            "private": False,
            "gated": gated,
            "disabled": False,
            "cardData": card,
            "tags": tags,
        }

    def answer(self, method: str, path: str, headers: dict[str, str]) -> Answer:
        key = path.split("?")[0].removeprefix("/api/")
        if key in self.renamed:
            return Answer(307, {"Location": f"/api/{self.renamed[key]}"})
        if key in self.repos:
            return Answer(200, {"Content-Type": "application/json"}, json.dumps(self.repos[key]).encode())
        body = json.dumps({"error": "Repository not found"}).encode()
        return Answer(401, {"X-Error-Code": "RepoNotFound", "X-Error-Message": "Repository not found"}, body)

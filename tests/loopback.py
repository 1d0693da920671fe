"""A real HTTP server on a loopback address, served from a daemon thread: what the fake GitHub
(`fake_github.server`) and the link audit's servers (`link_servers`) share. The server is bound when the
object is made (its address is known before it serves), started once, stopped once; a context manager."""

from __future__ import annotations

import threading
from http.server import ThreadingHTTPServer
from types import TracebackType
from typing import Self


class Loopback:
    def __init__(self, server: ThreadingHTTPServer, poll_interval: float = 0.5) -> None:
        """`poll_interval`: how often the serving thread looks whether to stop (`stop` waits that long)."""
        self._server = server
        self._poll_interval = poll_interval
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def start(self) -> Self:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._server.serve_forever,
                kwargs={"poll_interval": self._poll_interval},
                name=type(self).__name__,
                daemon=True,
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join()
            self._thread = None
        self._server.server_close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

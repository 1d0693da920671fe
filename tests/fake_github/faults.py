"""Fault injection: scripted failures and delays, consumed by the requests they match."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

from .errors import ApiError
from .routes import Reply


@dataclass
class Fault:
    method: str
    pattern: re.Pattern[str]
    times: int
    status: int = 0
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = None
    delay: float = 0.0
    after_apply: bool = False

    def matches(self, method: str, path: str) -> bool:
        return self.times > 0 and self.method == method.upper() and self.pattern.search(path) is not None


class FaultInjector:
    """Scripted failures and delays, consumed by the requests they match."""

    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self._lock = threading.Lock()

    def add(self, fault: Fault) -> None:
        with self._lock:
            self._faults.append(fault)

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def _take(self, accept: Callable[[Fault], bool]) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                if accept(fault):
                    fault.times -= 1
                    return fault
        return None

    def take_delay(self, method: str, path: str) -> float:
        fault = self._take(lambda f: f.delay > 0 and f.matches(method, path))
        return fault.delay if fault else 0.0

    def take_failure(self, method: str, path: str, after_apply: bool) -> Reply | None:
        fault = self._take(
            lambda f: f.status > 0 and f.after_apply == after_apply and f.matches(method, path)
        )
        if fault is None:
            return None
        body = (
            fault.body
            if fault.body is not None
            else ApiError(fault.status, HTTPStatus(fault.status).phrase).body()
        )
        return Reply(fault.status, body, dict(fault.headers))

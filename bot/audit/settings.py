"""The audit's knobs and their defaults (no imports beyond dataclasses: the CLI parser reads them)."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_DEAD_AFTER = 2
"""Consecutive audits that must prove a link gone before it is reported dead."""


@dataclass(frozen=True)
class Settings:
    """Politeness and patience, all configurable from the command line."""

    per_host: int = 2
    """Requests in flight to one host."""
    total: int = 16
    """Requests in flight in all."""
    timeout: float = 20.0
    """Seconds for one request, connection to last header (a web page's body is never read)."""
    max_wait: float = 60.0
    """The longest Retry-After (or rate-limit reset) the audit waits for; longer ones give up."""
    retries: int = 2
    """How many times one request is sent again after being asked to wait."""
    max_redirects: int = 10

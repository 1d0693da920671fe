"""The `audit` command's options (light: the CLI parser is built for every command)."""

from __future__ import annotations

import argparse
import math
from pathlib import Path

from bot.audit.settings import DEFAULT_DEAD_AFTER, Settings


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=["text", "json"], default="text", help="report format (default: text)")
    p.add_argument(
        "--dead-after",
        type=_positive,
        default=DEFAULT_DEAD_AFTER,
        metavar="N",
        help="call a link dead after N consecutive audits proved it gone (default: %(default)s)",
    )
    p.add_argument("--state", type=Path, help="keep the audit's memory in this file between local runs")
    p.add_argument(
        "--github",
        action="store_true",
        help="keep the tracking issue and the job summary (GitHub Actions; reads GITHUB_*)",
    )
    defaults = Settings()
    p.add_argument(
        "--per-host",
        type=_positive,
        default=defaults.per_host,
        metavar="N",
        help="requests at a time to one host (default: %(default)s)",
    )
    p.add_argument(
        "--concurrency",
        type=_positive,
        default=defaults.total,
        metavar="N",
        help="requests at a time in all (default: %(default)s)",
    )
    p.add_argument(
        "--timeout",
        type=_seconds,
        default=defaults.timeout,
        metavar="S",
        help="seconds per request (default: %(default)s)",
    )
    p.add_argument(
        "--max-wait",
        type=_wait,
        default=defaults.max_wait,
        metavar="S",
        help="longest Retry-After to wait for (default: %(default)s)",
    )


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive number")
    return int(text)


def _seconds(text: str) -> float:
    """A number of seconds above zero (nan, inf, 0 or less would make every check fail or never end)."""
    value = _finite(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive number of seconds")
    return value


def _wait(text: str) -> float:
    value = _finite(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds (0 or more)")
    return value


def _finite(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"{text!r} is not a finite number of seconds")
    return value

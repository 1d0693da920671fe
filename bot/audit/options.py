"""The `audit` command's options (light: the CLI parser is built for every command). Help texts are
catalog codes (bot/locales/*/help.ftl), looked up when help is shown."""

from __future__ import annotations

import argparse
import math
from pathlib import Path

from bot.audit.settings import DEFAULT_DEAD_AFTER, Settings


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=["text", "json"], default="text", help="help-audit-format")
    p.add_argument(
        "--dead-after",
        type=_positive,
        default=DEFAULT_DEAD_AFTER,
        metavar="N",
        help="help-dead-after",
    )
    p.add_argument("--state", type=Path, help="help-state")
    p.add_argument(
        "--github",
        action="store_true",
        help="help-github",
    )
    defaults = Settings()
    p.add_argument(
        "--per-host",
        type=_positive,
        default=defaults.per_host,
        metavar="N",
        help="help-per-host",
    )
    p.add_argument(
        "--concurrency",
        type=_positive,
        default=defaults.total,
        metavar="N",
        help="help-concurrency",
    )
    p.add_argument(
        "--timeout",
        type=_seconds,
        default=defaults.timeout,
        metavar="S",
        help="help-timeout",
    )
    p.add_argument(
        "--max-wait",
        type=_wait,
        default=defaults.max_wait,
        metavar="S",
        help="help-max-wait",
    )


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        from bot import catalog

        raise argparse.ArgumentTypeError(catalog.both("cli-not-positive", {"value": repr(text)}, " / "))
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

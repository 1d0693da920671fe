"""The GitHub Actions entry point (issue #3): not built yet."""

from __future__ import annotations

import datetime as dt

from bot.model import BotError


def main(command: str, now: dt.datetime) -> int:
    raise BotError(f"`{command}` needs the GitHub bot, which is not built yet")

"""The GitHub Actions environment: what the runner provides, and the files the job writes back.

https://docs.github.com/en/actions/reference/variables-reference#default-environment-variables
"""

from __future__ import annotations

import json
import re
import sys
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.model import BotError

REQUIRED = ("GITHUB_EVENT_NAME", "GITHUB_EVENT_PATH", "GITHUB_REPOSITORY", "GITHUB_TOKEN", "GITHUB_SHA")
ACTIONS_BOT = "github-actions[bot]"
"""The account GitHub shows for everything done with a workflow's GITHUB_TOKEN."""
DEFAULT_MAX_WAIT = 300
LOGIN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$")
"""A GitHub account's login, or an app's bot account (`<app-slug>[bot]`)."""


@dataclass(frozen=True)
class Environment:
    event_name: str
    event: dict[str, Any]
    repository: str
    api_url: str
    server_url: str
    token: str
    sha: str
    workspace: Path
    summary: Path | None
    output: Path | None
    run_attempt: int = 1
    """GITHUB_RUN_ATTEMPT: above 1, the job is a re-run carrying an old event payload."""
    bot_login: str = ACTIONS_BOT
    """LEADERBOARD_BOT_LOGIN: the account the token acts as, which is how the bot knows its own comments
    and pull requests. GITHUB_TOKEN acts as github-actions[bot]; a GitHub App token as `<app-slug>[bot]`
    (GET /user cannot tell: installation tokens are refused there)."""
    max_wait: float = DEFAULT_MAX_WAIT
    """LEADERBOARD_MAX_WAIT: seconds the job may spend waiting for rate limits in all."""


def read_environment(environ: Mapping[str, str]) -> Environment:
    missing = [name for name in REQUIRED if not environ.get(name)]
    if missing:
        raise BotError("not-in-actions", missing=", ".join(missing))
    try:
        with open(environ["GITHUB_EVENT_PATH"], encoding="utf-8-sig") as f:  # a BOM is not JSON
            event = json.load(f)
    except (OSError, ValueError) as exc:
        raise BotError("event-unreadable", detail=str(exc)) from None
    login = environ.get("LEADERBOARD_BOT_LOGIN") or ACTIONS_BOT
    if not LOGIN.match(login):
        raise BotError("bad-login", login=repr(login))
    wait = environ.get("LEADERBOARD_MAX_WAIT") or str(DEFAULT_MAX_WAIT)
    if not wait.isdigit():
        raise BotError("bad-wait", wait=repr(wait))
    return Environment(
        event_name=environ["GITHUB_EVENT_NAME"],
        event=event,
        repository=environ["GITHUB_REPOSITORY"],
        api_url=environ.get("GITHUB_API_URL", "https://api.github.com"),
        server_url=environ.get("GITHUB_SERVER_URL", "https://github.com"),
        token=environ["GITHUB_TOKEN"],
        sha=environ["GITHUB_SHA"],
        workspace=Path(environ.get("GITHUB_WORKSPACE") or "."),
        summary=Path(environ["GITHUB_STEP_SUMMARY"]) if environ.get("GITHUB_STEP_SUMMARY") else None,
        output=Path(environ["GITHUB_OUTPUT"]) if environ.get("GITHUB_OUTPUT") else None,
        run_attempt=int(attempt) if (attempt := environ.get("GITHUB_RUN_ATTEMPT", "1")).isdigit() else 1,
        bot_login=login,
        max_wait=float(wait),
    )


def command_text(message: str) -> str:
    """Escape a workflow-command message (`::error::…`): one line, as GitHub's toolkit does."""
    return message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def annotate(level: str, message: str) -> None:
    """An error or warning annotation in the job log and on the run's summary page."""
    print(f"::{level}::{command_text(message)}", file=sys.stderr)


def set_outputs(env: Environment, values: Mapping[str, str]) -> None:
    """Append step outputs; multi-line safe (a random heredoc delimiter, as GitHub documents)."""
    if env.output is None:
        return
    with open(env.output, "a", encoding="utf-8") as f:
        for name, value in values.items():
            delimiter = f"ghadelimiter_{uuid.uuid4()}"
            f.write(f"{name}<<{delimiter}\n{value}\n{delimiter}\n")


def add_summary(env: Environment, markdown: str) -> None:
    if env.summary is not None:
        with open(env.summary, "a", encoding="utf-8") as f:
            f.write(markdown.rstrip("\n") + "\n")

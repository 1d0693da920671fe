"""`python -m bot audit`: read the data file, check every URL, print the report; with `--github`,
keep the tracking issue and the job summary. Never writes the data file."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from bot import columns, dataset
from bot.audit import checker, history, report, state, targets, texts, tracking, verdicts
from bot.audit.checker import Endpoints
from bot.audit.history import Memory, Outcome
from bot.audit.settings import Settings
from bot.files import WorkingTree
from bot.layout import Layout
from bot.model import BotError

if TYPE_CHECKING:
    from github import Github

    from bot.actions_env import Environment
    from bot.audit.issue import Tracker

LAYOUT = Layout()


def endpoints(environ: Mapping[str, str]) -> Endpoints:
    repository, server = (
        environ.get("GITHUB_REPOSITORY"),
        environ.get("GITHUB_SERVER_URL", "https://github.com"),
    )
    return Endpoints(
        github_api=environ.get("GITHUB_API_URL") or Endpoints.github_api,
        github_token=environ.get("GITHUB_TOKEN") or None,
        hub=environ.get("HF_ENDPOINT") or Endpoints.hub,
        home=f"{server}/{repository}" if repository else Endpoints.home,
    )


def audit(
    rows: list[dict[str, str]],
    addresses: Collection[str],
    memory: Mapping[str, Memory],
    settings: Settings,
    where: Endpoints,
    dead_after: int,
) -> tuple[list[report.Line], dict[str, Outcome], int]:
    """Check every URL of the rows once (`addresses`: the fields that are URLs as a whole): the report
    lines, the outcome per URL, the number of checks."""
    found = targets.targets(rows, addresses)
    resource_of = {t.url: targets.resource(t.url) for t in found}
    shared: dict[targets.Resource, list[str]] = {}
    for url, res in resource_of.items():
        shared.setdefault(res, []).append(url)
    answers = asyncio.run(checker.check_all(shared, memory, settings, where))
    outcomes = {
        url: history.settle(url, verdicts.conclude(url, res.kind, answers[res]), memory.get(url), dead_after)
        for url, res in resource_of.items()
    }
    return report.lines(found, outcomes), outcomes, len(shared)


def address_fields(schema_text: str | None) -> tuple[str, ...]:
    """The fields of the columns the schema declares as `url`: their whole value is one address."""
    if schema_text is None:
        raise BotError("file-missing", path=LAYOUT.schema)
    try:
        schema = json.loads(schema_text)
    except ValueError as exc:
        raise BotError("schema-invalid", detail=str(exc)) from None
    return columns.load(schema).fields_as("url")


def run(
    args: argparse.Namespace,
    root: Path,
    environ: Mapping[str, str] | None = None,
    connect: Callable[[Environment], Github] | None = None,
) -> int:
    """The command; `connect` makes the PyGithub client (tests pass one without politeness delays)."""
    environ = os.environ if environ is None else environ
    tree = WorkingTree(root)
    text = tree(LAYOUT.data)
    if text is None:
        raise BotError("file-missing", path=LAYOUT.data)
    rows = dataset.load_rows(text.replace("\r\n", "\n"))
    addresses = address_fields(tree(LAYOUT.schema))
    settings = Settings(
        per_host=args.per_host, total=args.concurrency, timeout=args.timeout, max_wait=args.max_wait
    )
    where = endpoints(environ)

    tracker: Tracker | None = None
    env: Environment | None = None
    existing: tracking.Existing | None = None
    memory: dict[str, Memory] | None = {}
    if args.github:
        from bot import actions_env, github_client
        from bot.audit.issue import Tracker

        env = actions_env.read_environment(environ)
        connect = connect or github_client.from_environment
        tracker = Tracker(connect(env).get_repo(env.repository), env.bot_login)
        from github import GithubException

        try:
            existing = tracker.find()
        except GithubException as exc:
            raise BotError("audit-issue-unreadable", status=exc.status) from None
        memory = state.parse(existing.body) if existing else {}
    elif args.state is not None and args.state.exists():
        memory = state.parse(args.state.read_text(encoding="utf-8"))
    if memory is None:
        from bot.report import severity

        print(f"{severity('warning')}: " + texts.both("audit-state-unreadable"), file=sys.stderr)
        memory = {}

    lines, outcomes, checks = audit(rows, addresses, memory, settings, where, args.dead_after)
    print(report.as_json(lines) if args.format == "json" else report.as_text(lines, checks), end="")
    remembered = history.remember(outcomes.values())

    if args.state is not None:
        new = state.dump(remembered) + "\n"
        if not args.state.exists() or args.state.read_text(encoding="utf-8") != new:
            args.state.write_text(new, encoding="utf-8")
    if tracker is not None and env is not None:
        return _publish(tracker, env, existing, lines, outcomes, checks, remembered, args.dead_after)
    return 0


def _publish(
    tracker: Tracker,
    env: Environment,
    existing: tracking.Existing | None,
    lines: list[report.Line],
    outcomes: dict[str, Outcome],
    checks: int,
    remembered: dict[str, Memory],
    dead_after: int,
) -> int:
    """Keep the tracking issue and write the job summary; exit code 1 when GitHub refused."""
    import requests
    from github import GithubException

    from bot import actions_env

    summary = report.markdown(lines, checks, f"{env.server_url}/{env.repository}", dead_after)
    plan = tracking.plan(existing, tracking.body(summary, remembered), list(outcomes.values()))
    try:
        url = tracker.apply(plan)
    except GithubException as exc:
        actions_env.annotate("error", texts.both("audit-issue-failed", {"detail": f"HTTP {exc.status}"}))
        return 1
    except requests.RequestException as exc:
        actions_env.annotate("error", texts.both("audit-issue-failed", {"detail": str(exc)}))
        return 1
    print(texts.both("audit-issue-done", {"url": url or "—", "action": plan.action}), file=sys.stderr)
    actions_env.add_summary(env, summary + (f"\n{url}\n" if url else ""))
    return 0

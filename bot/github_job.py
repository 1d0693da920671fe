"""`python -m bot action` / `refresh`: the GitHub job, from the Actions environment to its outputs, job
summary and annotations (PyGithub is imported only on this path and by `audit --github`)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping

import requests
from github import GithubException

from bot import actions_env, github_bot, github_client, github_comments, github_submission, messages, pipeline
from bot.files import WorkingTree
from bot.github_client import Options, RateLimited
from bot.layout import Layout, read_snapshot
from bot.model import BotError

LAYOUT = Layout()


def main(
    command: str, now: dt.datetime, environ: Mapping[str, str] | None = None, options: Options | None = None
) -> int:
    options = options or Options()
    env = actions_env.read_environment(os.environ if environ is None else environ)
    budget = options.budget(env.max_wait)
    repo = github_client.from_environment(env, options, budget).get_repo(env.repository)
    default_branch = str((env.event.get("repository") or {}).get("default_branch") or "main")
    bot = github_bot.Bot(
        repo,
        snapshot=read_snapshot(LAYOUT, WorkingTree(env.workspace)),
        layout=LAYOUT,
        base_branch=default_branch,
        event_sha=env.sha,
        now=now,
        rerun=env.run_attempt > 1,
        login=env.bot_login,
        budget=budget,
        links=pipeline.Links(
            repository_url=f"{env.server_url}/{env.repository}", update_form=LAYOUT.update_form
        ),
    )
    submission = github_submission.submission_from_event(env.event) if env.event_name == "issues" else None
    try:
        if command == "refresh" or env.event_name in ("push", "workflow_dispatch"):
            if env.event_name == "push" and env.event.get("ref") != f"refs/heads/{default_branch}":
                print(f"push to {env.event.get('ref')}, not the default branch: nothing to refresh")
                return 0
            results = bot.refresh()
        elif submission is not None:
            results = [bot.handle(submission)]
        else:
            print(
                f"{env.event_name} event ({env.event.get('action')}): not a new-model submission, nothing to do"
            )
            return 0
    except RateLimited as exc:
        fail(env, messages.notice(exc.code, **exc.values))
        if submission is not None:
            github_comments.rate_limited_comment(repo, submission.number, exc, env.bot_login)
        return 1
    except BotError as exc:
        fail(env, messages.notice(exc.code, **exc.values))
        if submission is not None:
            github_comments.setup_error_comment(repo, submission.number, exc, env.bot_login, budget)
        return 1
    except GithubException as exc:
        fail(env, messages.notice("api-error", status=exc.status, detail=str(exc.data)))
        return 1
    except requests.RequestException as exc:  # retries exhausted, timeouts, connection errors
        fail(env, messages.notice("unreachable", detail=str(exc)))
        return 1
    for r in results:
        print(f"issue #{r.issue}: {r.state}{' ' + r.pull_url if r.pull_url else ''}")
    failed = [r for r in results if r.state == "failed"]
    for r in failed:
        pull = (r.pull_url or "").rsplit("/", 1)[-1]
        actions_env.annotate(
            "error", messages.notice("pull-failed", pull=pull, issue=r.issue, detail=r.detail)
        )
    actions_env.set_outputs(
        env,
        {
            "result": ",".join(r.state for r in results),
            "pull-request": ",".join(r.pull_url or "" for r in results),
        },
    )
    actions_env.add_summary(
        env,
        f"### {messages.notice('summary-title')}\n\n"
        f"| issue | {messages.notice('summary-result')} | {messages.notice('summary-pull')} |\n| --- | --- | --- |\n"
        + "".join(f"| #{r.issue} | {cell(r.state, r.detail)} | {r.pull_url or ''} |\n" for r in results),
    )
    return 1 if failed else 0


def cell(state: str, detail: str) -> str:
    """A table cell: one line, no column breaks."""
    text = f"{state}: {detail}" if detail else state
    return " ".join(text.split()).replace("|", "\\|")


def fail(env: actions_env.Environment, text: str) -> None:
    """An error annotation and the job summary say the same thing."""
    actions_env.annotate("error", text)
    actions_env.add_summary(env, f"### {messages.notice('summary-failed')}\n\n{text}")

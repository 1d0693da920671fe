"""`python -m bot action` / `refresh`: the GitHub job (PyGithub is imported only here and in the modules it loads)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping

import requests
from github import Auth, Github, GithubException, GithubRetry

from bot import actions_env, github_bot
from bot.files import WorkingTree
from bot.layout import Layout, read_snapshot
from bot.model import BotError

LAYOUT = Layout()
RERUN = "Re-run the job: the bot checks what already exists and completes the work without duplicates."
Connect = Callable[[actions_env.Environment], Github]


def connect(env: actions_env.Environment) -> Github:
    """PyGithub against GITHUB_API_URL (GitHub Enterprise or a test server work the same way).

    Lazy objects: nothing is fetched until read, so a submission costs only the requests it needs.
    GithubRetry retries 5xx answers and waits out primary and secondary rate limits.
    """
    return Github(
        auth=Auth.Token(env.token), base_url=env.api_url, retry=GithubRetry(total=6), timeout=30, lazy=True
    )


def main(
    command: str, now: dt.datetime, environ: Mapping[str, str] | None = None, connect: Connect = connect
) -> int:
    env = actions_env.read_environment(os.environ if environ is None else environ)
    repo = connect(env).get_repo(env.repository)
    default_branch = str((env.event.get("repository") or {}).get("default_branch") or "main")
    bot = github_bot.Bot(
        repo,
        snapshot=read_snapshot(LAYOUT, WorkingTree(env.workspace)),
        layout=LAYOUT,
        base_branch=default_branch,
        event_sha=env.sha,
        now=now,
        rerun=env.run_attempt > 1,
        form_url=f"{env.server_url}/{env.repository}/issues/new?template={os.path.basename(LAYOUT.form)}",
    )
    submission = github_bot.submission_from_event(env.event) if env.event_name == "issues" else None
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
    except BotError as exc:
        actions_env.annotate("error", str(exc))
        actions_env.add_summary(env, f"### Leaderboard bot failed\n\n{exc}")
        if submission is not None:
            github_bot.setup_error_comment(repo, submission.number, exc)
        return 1
    except GithubException as exc:
        actions_env.annotate("error", f"GitHub API error {exc.status}: {exc.data}. {RERUN}")
        return 1
    except requests.RequestException as exc:  # retries exhausted, timeouts, connection errors
        actions_env.annotate("error", f"GitHub API unreachable: {exc}. {RERUN}")
        return 1
    for r in results:
        print(f"issue #{r.issue}: {r.state}{' ' + r.pull_url if r.pull_url else ''}")
    actions_env.set_outputs(
        env,
        {
            "result": ",".join(r.state for r in results),
            "pull-request": ",".join(r.pull_url or "" for r in results),
        },
    )
    actions_env.add_summary(
        env,
        "### Leaderboard bot\n\n| issue | result | pull request |\n| --- | --- | --- |\n"
        + "".join(f"| #{r.issue} | {r.state} | {r.pull_url or ''} |\n" for r in results),
    )
    return 0

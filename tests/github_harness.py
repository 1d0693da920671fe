"""Drive `python -m bot action` in-process against the fake GitHub, as the Actions runner would."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import time
from pathlib import Path
from typing import Any

from fake_github import FakeGitHub, RecordedRequest
from github import Github

from bot import actions_env, github_client, github_job
from bot.layout import Layout

ROOT = Path(__file__).resolve().parent.parent
LAYOUT = Layout()
NOW = dt.datetime(2026, 11, 25, 8, 0, tzinfo=dt.UTC)
EXAMPLE = (ROOT / "examples/new-model.md").read_text(encoding="utf-8")


def fast_client(env: actions_env.Environment, timeout: int = 5) -> Github:
    """The bot's client minus PyGithub's politeness delays (1 s between writes) and retry back-off."""
    return github_client.from_environment(
        env, github_client.Options(timeout=timeout, paced=False, backoff_factor=0)
    )


def submission(name: str = "Meditron-70B", url: str = "https://github.com/epfLLM/meditron") -> str:
    return EXAMPLE.replace("Meditron-70B", name).replace("https://github.com/epfLLM/meditron\n", url + "\n")


class Harness:
    def __init__(self, fake: FakeGitHub, tmp: Path) -> None:
        self.fake = fake
        self.tmp = tmp
        self.runs = 0
        self._ids = itertools.count(1)
        self.timeout = 5
        self.now = NOW
        self.sleep_cap = 2.0
        """Waits the bot asks for are recorded in `waits`; only this much of each is slept."""
        self.waits: list[float] = []
        self.max_wait = 300
        self.environ: dict[str, str] = {}
        """Extra environment variables for every run (LEADERBOARD_BOT_LOGIN, ...)."""
        files = {p: (ROOT / p).read_text(encoding="utf-8") for p in LAYOUT.paths()}
        fake.commit_files("main", files, "Import the leaderboard")

    def sleep(self, seconds: float) -> None:
        """The bot's client sleeps through this: the wait is recorded, at most `sleep_cap` is slept."""
        self.waits.append(seconds)
        time.sleep(min(seconds, self.sleep_cap))

    def checkout(self, sha: str, run: int = 0) -> Path:
        """What actions/checkout leaves in GITHUB_WORKSPACE: the files of the commit."""
        workspace = self.tmp / f"workspace-{run}"
        for path, text in self.fake.files_at(sha).items():
            (workspace / path).parent.mkdir(parents=True, exist_ok=True)
            (workspace / path).write_text(text, encoding="utf-8")
        return workspace

    def run(
        self,
        event_name: str,
        payload: dict[str, Any],
        command: str = "action",
        *,
        sha: str | None = None,
        attempt: int = 1,
        token: str | None = None,
    ) -> tuple[int, list[RecordedRequest]]:
        """One job: `sha` is the commit the event saw (default: main's head now), `attempt` GITHUB_RUN_ATTEMPT,
        `token` the job's own token (to tell concurrent jobs apart)."""
        self.runs = run = next(self._ids)
        sha = sha or self.fake.branch_sha("main")
        assert sha is not None
        event_path = self.tmp / f"event-{run}.json"
        event_path.write_text(json.dumps(payload), encoding="utf-8")
        self.output = self.tmp / f"output-{run}"
        self.summary = self.tmp / f"summary-{run}"
        environ = {
            "GITHUB_EVENT_NAME": event_name,
            "GITHUB_EVENT_PATH": str(event_path),
            "GITHUB_REPOSITORY": "octo/leaderboard",
            "GITHUB_API_URL": self.fake.url,
            "GITHUB_SERVER_URL": "https://github.com",
            "GITHUB_TOKEN": token or self.fake.token,
            "GITHUB_SHA": sha,
            "GITHUB_WORKSPACE": str(self.checkout(sha, run)),
            "GITHUB_OUTPUT": str(self.tmp / f"output-{run}"),
            "GITHUB_STEP_SUMMARY": str(self.tmp / f"summary-{run}"),
            "GITHUB_RUN_ATTEMPT": str(attempt),
            "LEADERBOARD_MAX_WAIT": str(self.max_wait),
        }
        start = len(self.fake.requests)
        options = github_client.Options(
            timeout=self.timeout, paced=False, backoff_factor=0, settle=self.timeout, sleep=self.sleep
        )
        code = github_job.main(command, self.now, environ | self.environ, options)
        return code, self.fake.requests[start:]

    def open_issue(
        self, body: str, labels: tuple[str, ...] = ("new-model",)
    ) -> tuple[int, int, list[RecordedRequest]]:
        number = self.fake.create_issue("[新模型 / New model] x", body, list(labels))
        code, requests = self.run("issues", self.fake.issue_event_payload(number, "opened"))
        return number, code, requests

    def edit_issue(self, number: int, body: str) -> tuple[int, list[RecordedRequest]]:
        self.fake.edit_issue(number, body)
        return self.run("issues", self.fake.issue_event_payload(number, "edited"))

    def rerun(self, number: int, action_name: str = "edited") -> tuple[int, list[RecordedRequest]]:
        return self.run("issues", self.fake.issue_event_payload(number, action_name))

    def push_main(self) -> tuple[int, list[RecordedRequest]]:
        return self.run("push", self.fake.push_event_payload("main"), command="refresh")

    def assert_conforming(self) -> None:
        """Every request the bot sent was a documented operation with a valid body."""
        assert self.fake.nonconforming() == [], [
            (r.method, r.path, r.rejected) for r in self.fake.nonconforming()
        ]

    def bot_comments(self, number: int) -> list[dict[str, Any]]:
        login = self.environ.get("LEADERBOARD_BOT_LOGIN", self.fake.bot_login)
        return [c for c in self.fake.comments(number) if c["user"]["login"] == login]

    def pulls_for(self, number: int) -> list[dict[str, Any]]:
        return [p for p in self.fake.pulls() if p["head"]["ref"] == f"leaderboard/issue-{number}"]

"""The Actions environment (bot/actions_env.py): the runner's variables, recorded webhook payloads, step outputs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fake_github import FakeGitHub
from github_harness import ROOT, Harness

from bot import actions_env
from bot.github_submission import FORM_LABELS, submission_from_event
from bot.model import BotError

EVENTS = Path(__file__).parent / "fixtures" / "events"


def event(name: str) -> dict[str, object]:
    loaded: dict[str, object] = json.loads((EVENTS / name).read_text(encoding="utf-8"))
    return loaded


def test_a_recorded_opened_event_is_a_submission() -> None:
    sub = submission_from_event(event("issues-opened.json"))
    assert sub is not None and sub.number == 12 and sub.author == "contributor"
    assert "### 模型名称 / Model name\r\n" in sub.body


def test_labeled_counts_only_for_the_form_label() -> None:
    labeled = event("issues-labeled.json")
    assert submission_from_event(labeled) is not None
    assert submission_from_event({**labeled, "label": {"name": "needs-changes"}}) is None


@pytest.mark.parametrize(
    "change",
    [
        {"action": "pinned"},
        {"issue": {"number": 3, "labels": [{"name": "bug"}], "body": "x"}},
        {"issue": {"number": 3, "labels": [{"name": "new-model"}], "state": "closed", "body": "x"}},
        {
            "issue": {
                "number": 3,
                "labels": [{"name": "new-model"}],
                "pull_request": {"url": "x"},
                "body": "x",
            }
        },
    ],
)
def test_events_the_bot_stays_out_of(change: dict[str, object]) -> None:
    assert submission_from_event({**event("issues-opened.json"), **change}) is None


@pytest.mark.parametrize("action", ["deleted", "transferred"])
def test_a_deleted_or_transferred_submission_is_gone(action: str) -> None:
    sub = submission_from_event({**event("issues-opened.json"), "action": action})
    assert sub is not None and sub.gone == action and not sub.open
    other = {**event("issues-opened.json"), "action": action}
    other["issue"] = {**other["issue"], "labels": [{"name": "bug"}]}  # type: ignore[dict-item]
    assert submission_from_event(other) is None


def test_every_form_label_makes_an_issue_a_submission() -> None:
    assert "new-model" in FORM_LABELS
    for label in sorted(FORM_LABELS):
        payload = {**event("issues-labeled.json"), "label": {"name": label}}
        payload["issue"] = {**payload["issue"], "labels": [{"name": label}]}  # type: ignore[dict-item]
        sub = submission_from_event(payload)
        assert sub is not None and sub.open


def test_closing_a_submission_is_a_withdrawal() -> None:
    sub = submission_from_event({**event("issues-opened.json"), "action": "closed"})
    assert sub is not None and not sub.open


def test_a_login_that_is_not_a_login_is_not_mentioned() -> None:
    payload = event("issues-opened.json")
    payload["issue"]["user"]["login"] = "x](javascript:alert(1))"  # type: ignore[index]
    sub = submission_from_event(payload)
    assert sub is not None and sub.author is None


def environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    (tmp_path / "event.json").write_text("{}", encoding="utf-8")
    return {
        "GITHUB_EVENT_NAME": "issues",
        "GITHUB_EVENT_PATH": str(tmp_path / "event.json"),
        "GITHUB_REPOSITORY": "a/b",
        "GITHUB_TOKEN": "t",
        "GITHUB_SHA": "0" * 40,
        **extra,
    }


def test_the_bot_identity_is_github_actions_unless_configured(tmp_path: Path) -> None:
    assert actions_env.read_environment(environment(tmp_path)).bot_login == "github-actions[bot]"
    configured = environment(
        tmp_path, LEADERBOARD_BOT_LOGIN="leaderboard-app[bot]", LEADERBOARD_MAX_WAIT="60"
    )
    env = actions_env.read_environment(configured)
    assert (env.bot_login, env.max_wait) == ("leaderboard-app[bot]", 60)
    with pytest.raises(BotError, match="LEADERBOARD_BOT_LOGIN"):
        actions_env.read_environment(environment(tmp_path, LEADERBOARD_BOT_LOGIN="x](javascript:)"))
    with pytest.raises(BotError, match="LEADERBOARD_MAX_WAIT"):
        actions_env.read_environment(environment(tmp_path, LEADERBOARD_MAX_WAIT="5 minutes"))


def test_missing_variables_are_named() -> None:
    with pytest.raises(BotError, match="GITHUB_TOKEN"):
        actions_env.read_environment(
            {
                "GITHUB_EVENT_NAME": "issues",
                "GITHUB_EVENT_PATH": "x",
                "GITHUB_REPOSITORY": "a/b",
                "GITHUB_SHA": "0",
            }
        )


def test_an_event_file_and_an_issue_body_with_a_bom_are_read(tmp_path: Path) -> None:
    payload = event("issues-opened.json")
    issue = payload["issue"]
    assert isinstance(issue, dict)
    issue["body"] = "\ufeff" + issue["body"]
    (tmp_path / "event.json").write_bytes(b"\xef\xbb\xbf" + json.dumps(payload).encode())
    env = actions_env.read_environment(
        {
            "GITHUB_EVENT_NAME": "issues",
            "GITHUB_EVENT_PATH": str(tmp_path / "event.json"),
            "GITHUB_REPOSITORY": "a/b",
            "GITHUB_TOKEN": "t",
            "GITHUB_SHA": "0" * 40,
        }
    )
    sub = submission_from_event(env.event)
    assert sub is not None
    from bot import issue_body
    from bot.form import parse_form

    form = parse_form((ROOT / ".github/ISSUE_TEMPLATE/new-model.yml").read_text(encoding="utf-8"))
    parsed = issue_body.parse_body(sub.body, form)
    assert parsed.answers["name"] and parsed.extra == []


def test_outputs_use_a_heredoc_delimiter(tmp_path: Path) -> None:
    (tmp_path / "event.json").write_text("{}", encoding="utf-8")
    env = actions_env.read_environment(
        {
            "GITHUB_EVENT_NAME": "issues",
            "GITHUB_EVENT_PATH": str(tmp_path / "event.json"),
            "GITHUB_REPOSITORY": "a/b",
            "GITHUB_TOKEN": "t",
            "GITHUB_SHA": "0" * 40,
            "GITHUB_OUTPUT": str(tmp_path / "out"),
        }
    )
    actions_env.set_outputs(env, {"result": "a\nresult=injected"})
    lines = (tmp_path / "out").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("result<<ghadelimiter_") and lines[1:3] == ["a", "result=injected"]
    assert lines[3] == lines[0].split("<<")[1]


def test_python_m_bot_action_runs_from_the_environment_alone(tmp_path: Path) -> None:
    """The real entry point in a subprocess, configured only by GITHUB_* variables (PyGithub's own pacing)."""
    with FakeGitHub() as fake:
        harness = Harness(fake, tmp_path)
        number = fake.create_issue("x", "### 模型名称 / Model name\n\nOpenBioMed\n", ["new-model"])
        sha = fake.branch_sha("main") or ""
        (tmp_path / "event.json").write_text(json.dumps(fake.issue_event_payload(number)), encoding="utf-8")
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")},
            "PYTHONPATH": str(ROOT),
            "GITHUB_EVENT_NAME": "issues",
            "GITHUB_EVENT_PATH": str(tmp_path / "event.json"),
            "GITHUB_REPOSITORY": "octo/leaderboard",
            "GITHUB_API_URL": fake.url,
            "GITHUB_TOKEN": fake.token,
            "GITHUB_SHA": sha,
            "GITHUB_WORKSPACE": str(harness.checkout(sha)),
        }
        proc = subprocess.run(
            [sys.executable, "-m", "bot", "action"], env=env, capture_output=True, text=True, timeout=120
        )
        assert proc.returncode == 0, proc.stderr
        assert f"issue #{number}: rejected" in proc.stdout
        [comment] = harness.bot_comments(number)
        assert "row 7" in comment["body"]
        assert fake.labels(number) == ["new-model", "needs-changes"]


def test_annotations_stay_on_one_line() -> None:
    assert actions_env.command_text("a\nb\r%c") == "a%0Ab%0D%25c"


def test_removing_the_form_label_is_a_withdrawal() -> None:
    payload = {**event("issues-labeled.json"), "action": "unlabeled"}
    payload["issue"] = {**payload["issue"], "labels": []}  # type: ignore[dict-item]
    sub = submission_from_event(payload)
    assert sub is not None and not sub.open
    assert submission_from_event({**payload, "label": {"name": "bug"}}) is None

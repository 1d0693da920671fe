"""The job (`python -m bot action` / `refresh`): exit codes, annotations, the job summary, and what the
issue is told when GitHub makes the bot wait longer than it may."""

from __future__ import annotations

import pytest
from github_harness import EXAMPLE, Harness

from bot import github_job


def test_a_long_primary_rate_limit_fails_fast_and_says_how_to_go_on(
    gh: Harness, capsys: pytest.CaptureFixture[str]
) -> None:
    gh.max_wait = 120
    gh.fake.fail_with_rate_limit("POST", r"/pulls$", reset_in=3600)
    number, code, _ = gh.open_issue(EXAMPLE)
    assert code == 1 and gh.waits == []  # it did not sleep into the job's timeout
    annotation = capsys.readouterr().err
    assert (
        annotation.startswith("::error::GitHub 限流") and "more than this job may wait (120 s)" in annotation
    )
    assert "Re-run the failed job after that time" in gh.summary.read_text(encoding="utf-8")
    [comment] = gh.bot_comments(number)
    assert "GitHub rate limit" in comment["body"] and "re-run the failed job" in comment["body"]
    code, _ = gh.rerun(number, "opened")  # the advice, followed once the limit has reset
    assert code == 0
    assert [p["state"] for p in gh.pulls_for(number)] == ["open"]
    [comment] = gh.bot_comments(number)
    assert "Accepted" in comment["body"]


def test_a_primary_rate_limit_inside_the_budget_is_waited_out(gh: Harness) -> None:
    gh.fake.fail_with_rate_limit("GET", r"/branches/main$", reset_in=2)
    number, code, _ = gh.open_issue(EXAMPLE)
    assert code == 0 and len(gh.waits) == 1 and 1 < gh.waits[0] <= 4
    assert [p["state"] for p in gh.pulls_for(number)] == ["open"]


def test_the_summary_table_keeps_one_line_per_result() -> None:
    assert github_job.cell("failed", "a | b\nc") == "failed: a \\| b c"

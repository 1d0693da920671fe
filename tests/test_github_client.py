"""The client's retry policy and wait budget, with the real PyGithub against the fake GitHub."""

from __future__ import annotations

import pytest
from fake_github import FakeGitHub
from github import GithubException
from github.Repository import Repository

from bot.github_client import RateLimited, WaitBudget, connect, create_checked


class Waits(WaitBudget):
    """A budget that records the waits (`slept`) instead of sleeping them."""

    def __init__(self, limit: float = 300) -> None:
        self.slept: list[float] = []
        super().__init__(limit=limit, backoff_factor=0.5, settle=0.1, sleep=self.slept.append)


def repo(fake: FakeGitHub, budget: WaitBudget) -> Repository:
    return connect(fake.token, fake.url, budget, timeout=5, paced=False).get_repo("octo/leaderboard")


def sent(fake: FakeGitHub, method: str) -> int:
    return sum(r.method == method for r in fake.requests)


def test_a_post_is_never_sent_twice_by_the_client(fake: FakeGitHub) -> None:
    fake.fail_next("POST", r"/comments$", 502, after_apply=True)
    with pytest.raises(GithubException) as failed:
        repo(fake, Waits()).get_issue(1).create_comment("hello")
    assert failed.value.status == 502 and sent(fake, "POST") == 1
    assert [c["body"] for c in fake.comments(1)] == ["hello"]  # GitHub had applied it


def test_idempotent_writes_are_retried_with_budgeted_back_off(fake: FakeGitHub) -> None:
    budget = Waits()
    comment_id = fake.comment_as(1, "first", "github-actions[bot]")
    fake.fail_next("PATCH", r"/comments/\d+$", 502, times=2)
    repo(fake, budget).get_issue(1).get_comment(comment_id).edit("second")
    assert sent(fake, "PATCH") == 3 and fake.comments(1)[0]["body"] == "second"
    assert budget.slept == [1.0] and budget.spent == 1.0  # urllib3: none before the first retry, then 0.5 × 2


def test_retry_after_is_honoured_and_charged(fake: FakeGitHub) -> None:
    budget = Waits()
    fake.fail_with_too_many_requests("GET", r"/issues/1$", retry_after=7)
    assert repo(fake, budget).get_issue(1).title == "x"
    assert budget.slept == [7.0]


def test_a_wait_past_the_budget_fails_at_once(fake: FakeGitHub) -> None:
    budget = Waits(limit=120)
    fake.fail_with_rate_limit("GET", r"/issues/1$", reset_in=3600)
    with pytest.raises(RateLimited) as limited:
        _ = repo(fake, budget).get_issue(1).title
    assert budget.slept == [] and 3590 < limited.value.wait <= 3602
    assert sent(fake, "GET") == 1


def test_the_budget_is_for_the_whole_job(fake: FakeGitHub) -> None:
    budget = Waits(limit=10)
    client = repo(fake, budget)
    fake.fail_with_too_many_requests("GET", r"/issues/1$", retry_after=6)
    _ = client.get_issue(1).title
    fake.fail_with_too_many_requests("GET", r"/issues/1$", retry_after=6)
    with pytest.raises(RateLimited):
        _ = client.get_issue(1).body
    assert budget.slept == [6.0]


@pytest.mark.parametrize("applied", [True, False], ids=["lost-answer", "lost-request"])
def test_create_checked_looks_before_sending_again(fake: FakeGitHub, applied: bool) -> None:
    budget = Waits()
    issue = repo(fake, budget).get_issue(1)
    fake.fail_next("POST", r"/comments$", 502, after_apply=applied)

    def mine() -> object:
        return next(iter(issue.get_comments()), None)

    create_checked(lambda: issue.create_comment("once"), mine, budget)
    assert [c["body"] for c in fake.comments(1)] == ["once"]
    assert sent(fake, "POST") == (1 if applied else 2)


def test_create_checked_gives_up_on_errors_that_cannot_pass(fake: FakeGitHub) -> None:
    budget = Waits()
    issue = repo(fake, budget).get_issue(1)
    with pytest.raises(GithubException) as refused:
        create_checked(lambda: issue.create_comment("x" * 70_000), lambda: None, budget)
    assert refused.value.status == 422 and sent(fake, "POST") == 1

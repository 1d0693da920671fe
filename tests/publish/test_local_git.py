"""The local publisher: plumbing only, idempotent, and safe against a concurrent writer."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import git

from bot.model import BotError, FileChange
from bot.publish import BranchTaken, Proposal, bot_fingerprint
from bot.publish.local_git import LocalGitPublisher


def proposal(text: str, branch: str = "leaderboard/x") -> Proposal:
    return Proposal(branch, "t", "", "Add x\n", (FileChange("data/a.txt", None, text),), identity=text)


def test_publish_creates_then_updates_then_does_nothing(site_repo: Path) -> None:
    publisher = LocalGitPublisher(site_repo)
    first = publisher.publish(proposal("one\n"))
    assert first.created and git(site_repo, "show", "leaderboard/x:data/a.txt") == "one\n"
    second = publisher.publish(proposal("two\n"))
    assert second.updated and not second.created and second.commit != first.commit
    third = publisher.publish(proposal("two\n"))
    assert (third.created, third.updated, third.commit) == (False, False, second.commit)
    assert not (site_repo / "data").exists()
    assert git(site_repo, "status", "--porcelain") == ""


def test_a_branch_moved_by_someone_else_meanwhile_is_not_overwritten(site_repo: Path) -> None:
    publisher = LocalGitPublisher(site_repo)
    publisher.publish(proposal("one\n"))
    real_run = publisher.git.run

    def racing_run(*args: str, **kw: object) -> str:
        if args and args[0] == "update-ref":  # another writer moves the branch just before we do
            real_run("branch", "-f", "leaderboard/x", "HEAD")
        return real_run(*args, **kw)  # type: ignore[arg-type]

    publisher.git.run = racing_run  # type: ignore[method-assign]
    with pytest.raises(BotError, match="update-ref"):
        publisher.publish(proposal("two\n"))


def test_invalid_branch_names_are_refused(site_repo: Path) -> None:
    with pytest.raises(BotError):
        LocalGitPublisher(site_repo).publish(proposal("x", branch="bad..name"))


def test_a_branch_with_a_human_commit_is_never_moved(site_repo: Path) -> None:
    git(site_repo, "branch", "leaderboard/x")  # a maintainer's branch, no bot trailer
    before = git(site_repo, "rev-parse", "leaderboard/x")
    with pytest.raises(BranchTaken):
        LocalGitPublisher(site_repo).publish(proposal("one\n"))
    assert git(site_repo, "rev-parse", "leaderboard/x") == before


def test_bot_commits_carry_the_fingerprint_trailer(site_repo: Path) -> None:
    published = LocalGitPublisher(site_repo).publish(proposal("one\n"))
    assert bot_fingerprint(git(site_repo, "log", "-1", "--format=%B", published.commit or "")) is not None


def test_the_checked_out_branch_is_never_moved(site_repo: Path) -> None:
    with pytest.raises(BotError, match="checked out"):
        LocalGitPublisher(site_repo).publish(proposal("one\n", branch="main"))
    assert git(site_repo, "status", "--porcelain") == ""

"""Publish to a local git branch with plumbing: no checkout, the working tree and index untouched."""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

from bot.model import BotError
from bot.publish import BranchTaken, Proposal, Published, bot_fingerprint, fingerprint, with_trailer

FALLBACK_IDENTITY = ("leaderboard-bot", "leaderboard-bot@users.noreply.github.com")


class Git:
    """A thin runner for git commands in one repository."""

    def __init__(self, repo: Path) -> None:
        self.repo = repo

    def run(self, *args: str, input: str | None = None, env: dict[str, str] | None = None) -> str:
        proc = subprocess.run(
            ["git", *args],
            cwd=self.repo,
            input=input,
            capture_output=True,
            encoding="utf-8",
            env={**os.environ, **(env or {})},
            check=False,
        )
        if proc.returncode != 0:
            raise BotError(
                "git-failed", command=" ".join(args[:2]), detail=proc.stderr.strip() or proc.stdout.strip()
            )
        return proc.stdout

    def try_run(self, *args: str) -> str | None:
        try:
            return self.run(*args).strip()
        except BotError:
            return None

    def show(self, rev: str, path: str) -> str | None:
        """A file's text at a revision, None when absent."""
        proc = subprocess.run(
            ["git", "cat-file", "blob", f"{rev}:{path}"], cwd=self.repo, capture_output=True, check=False
        )
        return proc.stdout.decode("utf-8") if proc.returncode == 0 else None

    def identity_args(self) -> list[str]:
        """`-c user.*` options when no identity is configured (fresh machines, CI)."""
        if self.try_run("config", "user.email") and self.try_run("config", "user.name"):
            return []
        name, email = FALLBACK_IDENTITY
        return ["-c", f"user.name={name}", "-c", f"user.email={email}"]


class LocalGitPublisher:
    """Commit a proposal on `branch`, parented on `base`, without touching the working tree."""

    def __init__(self, repo: Path, base: str = "HEAD") -> None:
        self.git = Git(repo)
        self.base = self.git.run("rev-parse", "--verify", f"{base}^{{commit}}").strip()

    def publish(self, proposal: Proposal) -> Published:
        ref = f"refs/heads/{proposal.branch}"
        if (
            proposal.branch == "HEAD"
            or self.git.try_run("check-ref-format", "--branch", proposal.branch) is None
        ):
            raise BotError("branch-invalid", branch=repr(proposal.branch))
        if self.git.try_run("symbolic-ref", "-q", "HEAD") == ref:
            raise BotError("branch-checked-out", branch=proposal.branch)
        existing = self.git.try_run("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
        wanted = fingerprint(self.base, proposal)
        if existing:
            current = bot_fingerprint(self.git.run("log", "-1", "--format=%B", existing))
            if current is None:
                raise BranchTaken("branch-taken-local", branch=proposal.branch)
            if current == wanted:
                return Published(proposal.branch, existing, proposal.branch, created=False, updated=False)
        message = with_trailer(proposal.commit_message, wanted)
        tree = self._tree(proposal)
        commit = self.git.run(
            *self.git.identity_args(), "commit-tree", tree, "-p", self.base, input=message
        ).strip()
        # The old value guards against a concurrent writer: create only if absent, else move from `existing`.
        self.git.run("update-ref", "-m", "leaderboard-bot: " + proposal.title, ref, commit, existing or "")
        return Published(
            proposal.branch, commit, proposal.branch, created=existing is None, updated=existing is not None
        )

    def _tree(self, proposal: Proposal) -> str:
        with tempfile.TemporaryDirectory() as tmp:
            env = {"GIT_INDEX_FILE": str(Path(tmp) / "index")}
            self.git.run("read-tree", self.base, env=env)
            for change in proposal.changes:
                blob = self.git.run(
                    "hash-object", "-w", "--stdin", "--path", change.path, input=change.new
                ).strip()
                self.git.run("update-index", "--add", "--cacheinfo", f"100644,{blob},{change.path}", env=env)
            return self.git.run("write-tree", env=env).strip()

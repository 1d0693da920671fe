"""Publish to GitHub through the Git Data API and a pull request (PyGithub).

One atomic commit per proposal: a tree with inline content on the base commit's tree, a commit
(no author given, so GitHub attributes and signs it), then the branch ref is created or force-moved.
Every create is preceded by an idempotency check, so a rerun after a failure completes the work
instead of duplicating it, and a rerun with nothing new sends no write at all: the bot's commit
carries a fingerprint of its base and content in a trailer.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from github import GithubException, UnknownObjectException
from github.GitCommit import GitCommit
from github.GitRef import GitRef
from github.InputGitTreeElement import InputGitTreeElement
from github.PullRequest import PullRequest
from github.Repository import Repository

from bot.model import BotError
from bot.publish import Proposal, Published

TRAILER = "Leaderboard-Bot-Fingerprint"
_TRAILER = re.compile(rf"^{TRAILER}: ([0-9a-f]{{64}})$", re.MULTILINE)
PULLS_DENIED = "not permitted to create or approve pull requests"
SETTING_HELP = (
    "GitHub refused to let the workflow open a pull request. A maintainer must enable "
    "Settings → Actions → General → Workflow permissions → “Allow GitHub Actions to create and approve "
    "pull requests” (and, in an organization, the same setting at the organization level), then re-run the job."
)


class BranchTaken(BotError):
    """The branch has commits that are not the bot's: never overwrite a human's work."""


@dataclass(frozen=True)
class GitHubPublished(Published):
    number: int | None = None


def fingerprint(base: str, proposal: Proposal) -> str:
    digest = hashlib.sha256(base.encode())
    for change in sorted(proposal.changes, key=lambda c: c.path):
        digest.update(b"\0" + change.path.encode() + b"\0" + change.new.encode())
    return digest.hexdigest()


def bot_fingerprint(message: str) -> str | None:
    m = _TRAILER.search(message)
    return m.group(1) if m else None


class GitHubPublisher:
    """Propose changes as a pull request from `branch` into `base_branch`, based on commit `base_sha`."""

    def __init__(self, repo: Repository, *, base_branch: str, base_sha: str) -> None:
        self.repo = repo
        self.base_branch = base_branch
        self.base_sha = base_sha

    def branch_ref(self, branch: str) -> GitRef | None:
        """The branch's ref, fetched (reading `.object` completes a lazy ref, so its URL is the API's own)."""
        ref = self.repo.get_git_ref(f"heads/{branch}")
        try:
            _ = ref.object
        except UnknownObjectException:
            return None
        return ref

    def publish(self, proposal: Proposal) -> GitHubPublished:
        wanted = fingerprint(self.base_sha, proposal)
        ref = self.branch_ref(proposal.branch)
        head = str(ref.object.sha) if ref is not None else None
        if head is not None:
            current = bot_fingerprint(self.repo.get_git_commit(head).message)
            if current is None:
                raise BranchTaken(f"branch {proposal.branch} has commits that are not the bot's")
            if current == wanted:
                pull = self.find_pull(proposal.branch)
                pull = self._ensure_pull(proposal, pull)
                return GitHubPublished(proposal.branch, head, pull.html_url, False, False, pull.number)
        commit = self._commit(proposal, wanted)
        self._move_branch(proposal.branch, commit, ref)
        pull = self.find_pull(proposal.branch) if head is not None else None
        pull = self._ensure_pull(proposal, pull)
        return GitHubPublished(
            proposal.branch, commit, pull.html_url, head is None, head is not None, pull.number
        )

    def _commit(self, proposal: Proposal, wanted: str) -> str:
        base = self.repo.get_git_commit(self.base_sha)
        elements = [InputGitTreeElement(c.path, "100644", "blob", content=c.new) for c in proposal.changes]
        tree = self.repo.create_git_tree(elements, base_tree=base.tree)
        message = f"{proposal.commit_message.rstrip()}\n\n{TRAILER}: {wanted}\n"
        commit: GitCommit = self.repo.create_git_commit(message, tree, [base])
        return str(commit.sha)

    def _move_branch(self, branch: str, sha: str, ref: GitRef | None) -> None:
        if ref is None:
            try:
                self.repo.create_git_ref(f"refs/heads/{branch}", sha)
                return
            except GithubException as exc:  # created meanwhile (a retried POST, a concurrent run)
                if exc.status != 422:
                    raise
            ref = self.branch_ref(branch)
            if ref is None:
                raise BotError(f"branch {branch} could neither be created nor found")
        ref.edit(sha, force=True)

    def find_pull(self, branch: str) -> PullRequest | None:
        """The newest pull request from `branch`, open ones first."""
        owner = self.repo.full_name.split("/")[0]
        pulls = list(self.repo.get_pulls(state="all", head=f"{owner}:{branch}", base=self.base_branch))
        pulls.sort(key=lambda p: (p.state == "open", p.number), reverse=True)
        return pulls[0] if pulls else None

    def _ensure_pull(self, proposal: Proposal, pull: PullRequest | None) -> PullRequest:
        if pull is not None and pull.merged_at is None:
            if pull.state == "open" and pull.body == proposal.body and pull.title == proposal.title:
                return pull
            try:
                pull.edit(title=proposal.title, body=proposal.body, state="open")
                return pull
            except GithubException as exc:  # GitHub cannot reopen a PR whose branch moved while closed
                if exc.status != 422 or pull.state == "open":
                    raise
        try:
            return self.repo.create_pull(
                base=self.base_branch, head=proposal.branch, title=proposal.title, body=proposal.body
            )
        except GithubException as exc:
            if exc.status == 403 and PULLS_DENIED in str(exc.data):
                raise BotError(SETTING_HELP) from None
            existing = self.find_pull(proposal.branch) if exc.status == 422 else None
            if existing is None or existing.state != "open":
                raise
            return existing  # a retried POST had already created it

    def close_pull(self, branch: str) -> PullRequest | None:
        pull = self.find_pull(branch)
        if pull is not None and pull.state == "open":
            pull.edit(state="closed")
            return pull
        return None

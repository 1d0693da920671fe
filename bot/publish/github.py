"""Publish to GitHub through the Git Data API and a pull request (PyGithub).

One atomic commit per proposal: a tree with inline content on the base commit's tree, a commit
(no author given, so GitHub attributes and signs it), then the branch ref is created or force-moved.
Every create is preceded by an idempotency check, so a rerun after a failure completes the work
instead of duplicating it, and a rerun with nothing new sends no write at all: the bot's commit
carries a fingerprint of its base and proposal in a trailer.
"""

from __future__ import annotations

from dataclasses import dataclass

from github import GithubException, UnknownObjectException
from github.GitCommit import GitCommit
from github.GitRef import GitRef
from github.GitTree import GitTree
from github.InputGitTreeElement import InputGitTreeElement
from github.PullRequest import PullRequest
from github.Repository import Repository

from bot.model import BotError
from bot.publish import BranchTaken, Proposal, Published, bot_fingerprint, fingerprint, with_trailer

PULLS_DENIED = "not permitted to create or approve pull requests"
CLOSED_BY_BOT = "<!-- leaderboard-bot:closed-until-fixed -->"
"""Appended to a pull request body when the bot closes it; only such a pull request is reopened."""


class ClosedByMaintainer(BotError):
    """A maintainer closed the bot's pull request: the bot does not reopen it."""


@dataclass(frozen=True)
class Base:
    """The head of the default branch and its tree, as one `GET /branches/{branch}` returns them."""

    sha: str
    tree: str


def fetch_base(repo: Repository, branch: str) -> Base:
    head = repo.get_branch(branch).commit
    return Base(sha=head.sha, tree=head.commit.tree.sha)


class GitHubPublisher:
    """Propose changes as a pull request from a branch into `base_branch`, on top of `base`."""

    def __init__(self, repo: Repository, *, base_branch: str, base: Base) -> None:
        self.repo = repo
        self.base_branch = base_branch
        self.base = base

    def publish(self, proposal: Proposal) -> Published:
        """Create or update the branch and its pull request; send nothing when both are already right.

        The pull request is looked at first, so that nothing is pushed under a pull request a
        maintainer closed, and one the bot closed is reopened before its branch moves (GitHub refuses
        to reopen a pull request whose branch was force-pushed while it was closed).
        """
        wanted = fingerprint(self.base.sha, proposal)
        pull = self.find_pull(proposal.branch)
        if pull is not None and pull.merged_at is not None:
            pull = None
        if pull is not None and pull.state == "closed" and CLOSED_BY_BOT not in (pull.body or ""):
            raise ClosedByMaintainer("pull-closed-by-maintainer", number=str(pull.number))
        # Without a pull request the branch is new, except after a failure: then creating it answers 422.
        ref = self.branch_ref(proposal.branch) if pull is not None else None
        head = str(ref.object.sha) if ref is not None else None
        current = self._fingerprint_of(head) if head is not None else None  # BranchTaken before any write
        if pull is not None and pull.state == "closed":
            pull = self._reopen(pull, proposal)
        if pull is not None and head is not None and current == wanted:
            return Published(proposal.branch, head, self._update_pull(pull, proposal).html_url, False, False)
        commit = self._commit(proposal, wanted)
        created = self._move_branch(proposal.branch, commit, ref)
        pull = self._update_pull(pull, proposal) if pull is not None else self._create_pull(proposal)
        return Published(proposal.branch, commit, pull.html_url, created, not created)

    def branch_ref(self, branch: str) -> GitRef | None:
        """The branch's ref, fetched (reading `.object` completes a lazy ref, so its URL is the API's own)."""
        ref = self.repo.get_git_ref(f"heads/{branch}")
        try:
            _ = ref.object
        except UnknownObjectException:
            return None
        return ref

    def _fingerprint_of(self, head: str) -> str:
        """The bot fingerprint of a branch head; BranchTaken when a human made that commit."""
        current = bot_fingerprint(self.repo.get_git_commit(head).message)
        if current is None:
            raise BranchTaken("branch-taken-github", head=head[:12])
        return current

    def _commit(self, proposal: Proposal, wanted: str) -> str:
        # Objects built from what `fetch_base` returned: known shas, so no request to fetch them again.
        base, url = self.base, f"{self.repo.url}/git"
        parent = GitCommit(
            self.repo.requester, {}, {"sha": base.sha, "url": f"{url}/commits/{base.sha}"}, True
        )
        base_tree = GitTree(
            self.repo.requester, {}, {"sha": base.tree, "url": f"{url}/trees/{base.tree}"}, True
        )
        elements = [InputGitTreeElement(c.path, "100644", "blob", content=c.new) for c in proposal.changes]
        tree = self.repo.create_git_tree(elements, base_tree=base_tree)
        commit = self.repo.create_git_commit(with_trailer(proposal.commit_message, wanted), tree, [parent])
        return str(commit.sha)

    def _move_branch(self, branch: str, sha: str, ref: GitRef | None) -> bool:
        """Point the branch at `sha`; True when it had to be created."""
        if ref is None:
            try:
                self.repo.create_git_ref(f"refs/heads/{branch}", sha)
                return True
            except GithubException as exc:  # it exists: left by a failed run, a retried POST, or a human
                if exc.status != 422:
                    raise
            ref = self.branch_ref(branch)
            if ref is None:
                raise BotError("branch-lost", branch=branch)
            self._fingerprint_of(str(ref.object.sha))
        ref.edit(sha, force=True)
        return False

    def find_pull(self, branch: str) -> PullRequest | None:
        """The newest pull request from `branch`, open ones first."""
        owner = self.repo.full_name.split("/")[0]
        pulls = list(self.repo.get_pulls(state="all", head=f"{owner}:{branch}", base=self.base_branch))
        pulls.sort(key=lambda p: (p.state == "open", p.number), reverse=True)
        return pulls[0] if pulls else None

    def _reopen(self, pull: PullRequest, proposal: Proposal) -> PullRequest | None:
        try:
            pull.edit(title=proposal.title, body=proposal.body, state="open")
            return pull
        except GithubException as exc:  # its branch is gone or moved: a new pull request it is
            if exc.status != 422:
                raise
            return None

    def _update_pull(self, pull: PullRequest, proposal: Proposal) -> PullRequest:
        if pull.body != proposal.body or pull.title != proposal.title:
            pull.edit(title=proposal.title, body=proposal.body)
        return pull

    def _create_pull(self, proposal: Proposal) -> PullRequest:
        try:
            return self.repo.create_pull(
                base=self.base_branch, head=proposal.branch, title=proposal.title, body=proposal.body
            )
        except GithubException as exc:
            if exc.status == 403 and PULLS_DENIED in str(exc.data):
                raise BotError("pulls-denied") from None
            existing = self.find_pull(proposal.branch) if exc.status == 422 else None
            if existing is None or existing.state != "open":
                raise
            return existing  # a retried POST had already created it

    def bot_closed_pull(self, branch: str) -> PullRequest | None:
        """The branch's pull request if the bot closed it (now or earlier), closing it first if open."""
        pull = self.find_pull(branch)
        if pull is None or pull.merged_at is not None:
            return None
        if pull.state == "open":
            pull.edit(state="closed", body=f"{pull.body or ''}\n\n{CLOSED_BY_BOT}")
            return pull
        return pull if CLOSED_BY_BOT in (pull.body or "") else None

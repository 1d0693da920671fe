"""Publish to GitHub through the Git Data API and a pull request (PyGithub). Also two reads: the default
branch's head and tree a commit is built on (`fetch_base`), and a file at a commit (`read_file`, for the
bot's files when the branch moved on).

One atomic commit per proposal: a tree with inline content on the base commit's tree, a commit
(no author given, so GitHub attributes and signs it), then the branch ref is created or force-moved.
Every create is preceded by an idempotency check, so a rerun after a failure completes the work
instead of duplicating it, and a rerun with nothing new sends no write at all: the bot's commit
carries a fingerprint of its base and proposal in a trailer. A create that fails in a way that may
have hidden its effect is only sent again after looking for that effect (`create_checked`).

The pull request description belongs to the maintainers except the bot's marked section; its title is
changed only while it is still the one the bot gave.
"""

from __future__ import annotations

import base64
import datetime as dt
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass

from github import GithubException, UnknownObjectException
from github.GitCommit import GitCommit
from github.GithubObject import NotSet, Opt
from github.GitRef import GitRef
from github.GitTree import GitTree
from github.InputGitTreeElement import InputGitTreeElement
from github.PullRequest import PullRequest
from github.Repository import Repository

from bot import messages
from bot.github_client import WaitBudget, create_checked
from bot.github_submission import normalized
from bot.model import BotError
from bot.publish import BranchTaken, Proposal, bot_fingerprint, fingerprint, with_trailer

PULLS_DENIED = "not permitted to create or approve pull requests"
CLOSED_BY_BOT = "<!-- leaderboard-bot:closed-until-fixed -->"
"""Put in the bot's section of a pull request's description when the bot closes it; only such a pull
request is reopened (reopening replaces the section, so the marker goes with it)."""
DELETION_WINDOW = dt.timedelta(seconds=60)
"""A pull request closed within this time after its branch was deleted was closed by GitHub, not a person."""


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


def read_file(repo: Repository, path: str, ref: str) -> str | None:
    """The text of `path` at `ref`: the contents API, and for files over 1 MB (which it returns without
    content, `encoding: none`) the Git blobs API, which serves blobs up to GitHub's 100 MB file limit."""
    try:
        content = repo.get_contents(path, ref=ref)
    except UnknownObjectException:
        return None
    if isinstance(content, list) or content.type != "file":
        return None
    if content.encoding == "base64":
        data = content.decoded_content
    else:
        data = base64.b64decode(repo.get_git_blob(content.sha).content)
    return data.decode("utf-8")


@dataclass(frozen=True)
class PullOutcome:
    """What publishing did: the pull request, and what the caller must check."""

    pull: PullRequest
    wrote_branch: bool
    created_pull: bool
    """The pull request was created by this call (its `base.sha` is then the base branch's head now)."""
    reopened: bool
    submission_changed: bool
    """The proposal's identity differs from the one on the branch (so the comment may need updating)."""


class GitHubPublisher:
    """Propose changes as a pull request from a branch into `base_branch`, on top of `base`. `pulls` are
    the pull requests of branches the caller already knows (refresh lists them); the others are looked
    up once each (`pull_for`)."""

    def __init__(
        self,
        repo: Repository,
        *,
        base_branch: str,
        base: Base,
        budget: WaitBudget,
        pulls: Mapping[str, PullRequest] | None = None,
    ) -> None:
        self.repo = repo
        self.base_branch = base_branch
        self.base = base
        self.budget = budget
        self._pulls: dict[str, PullRequest | None] = dict(pulls or {})

    def pull_for(self, branch: str) -> PullRequest | None:
        """The branch's pull request (`find_pull`), looked up at most once."""
        if branch not in self._pulls:
            self._pulls[branch] = self.find_pull(branch)
        return self._pulls[branch]

    def publish(self, proposal: Proposal) -> PullOutcome:
        """Create or update the branch and its pull request; send nothing when both are already right.

        The pull request is looked at first, so that nothing is pushed under a pull request a
        maintainer closed, and one the bot closed is reopened before its branch moves (GitHub refuses
        to reopen a pull request whose branch was force-pushed while it was closed).
        """
        wanted = fingerprint(self.base.sha, proposal)
        pull = self.pull_for(proposal.branch)
        if pull is not None and pull.merged_at is not None:
            pull = None
        if pull is not None and pull.state == "closed" and not closed_by_bot(pull):
            if not self.closed_by_branch_deletion(pull):
                raise ClosedByMaintainer("pull-closed-by-maintainer", number=str(pull.number))
            pull = None  # GitHub closed it when its branch was deleted: start afresh
        ref: GitRef | None = None
        if pull is not None and pull.state == "open":  # its head is the branch's: no need to read the ref
            head: str | None = pull.head.sha
            ref = self._known_ref(proposal.branch, pull.head.sha)
        else:  # no pull request: the branch is new, except after a failure (creating it then answers 422)
            ref = self.branch_ref(proposal.branch) if pull is not None else None
            head = str(ref.object.sha) if ref is not None else None
        current, parent = self._fingerprint_of(head) if head is not None else (None, None)
        changed = current is None or parent is None or fingerprint(parent, proposal) != current
        reopened = False
        if pull is not None and pull.state == "closed":
            pull = self._reopen(pull, proposal)
            reopened = pull is not None
        if pull is not None and head is not None and current == wanted:
            return PullOutcome(self._update_pull(pull, proposal), False, False, reopened, changed)
        self._move_branch(proposal.branch, self._commit(proposal, wanted), ref)
        if pull is not None:
            return PullOutcome(self._update_pull(pull, proposal), True, False, reopened, changed)
        return PullOutcome(self._create_pull(proposal), True, True, reopened, changed)

    def branch_ref(self, branch: str) -> GitRef | None:
        """The branch's ref, fetched (reading `.object` completes a lazy ref, so its URL is the API's own)."""
        ref = self.repo.get_git_ref(f"heads/{branch}")
        try:
            _ = ref.object
        except UnknownObjectException:
            return None
        return ref

    def _known_ref(self, branch: str, sha: str) -> GitRef:
        """The branch's ref object from what is known of it (no request)."""
        url = f"{self.repo.url}/git/refs/heads/{urllib.parse.quote(branch)}"
        data = {"ref": f"refs/heads/{branch}", "url": url, "object": {"sha": sha, "type": "commit"}}
        return GitRef(self.repo.requester, {}, data, True)

    def _fingerprint_of(self, head: str) -> tuple[str, str | None]:
        """The bot fingerprint of a branch head and its parent; BranchTaken when a human made that commit."""
        commit = self.repo.get_git_commit(head)
        current = bot_fingerprint(commit.message)
        if current is None:
            raise BranchTaken("branch-taken-github", head=head[:12])
        return current, commit.parents[0].sha if commit.parents else None

    def _commit(self, proposal: Proposal, wanted: str) -> str:
        # Objects built from what `fetch_base` returned: known shas, so no request to fetch them again.
        # Trees and commits are content-addressed and unreferenced until a ref moves: sending one again
        # after a lost answer leaves nothing visible, so `find` is "nothing there".
        base, url = self.base, f"{self.repo.url}/git"
        parent = GitCommit(
            self.repo.requester, {}, {"sha": base.sha, "url": f"{url}/commits/{base.sha}"}, True
        )
        base_tree = GitTree(
            self.repo.requester, {}, {"sha": base.tree, "url": f"{url}/trees/{base.tree}"}, True
        )
        elements = [InputGitTreeElement(c.path, "100644", "blob", content=c.new) for c in proposal.changes]
        tree = create_checked(
            lambda: self.repo.create_git_tree(elements, base_tree=base_tree), lambda: None, self.budget
        )
        message = with_trailer(proposal.commit_message, wanted)
        commit = create_checked(
            lambda: self.repo.create_git_commit(message, tree, [parent]), lambda: None, self.budget
        )
        return str(commit.sha)

    def _move_branch(self, branch: str, sha: str, ref: GitRef | None) -> None:
        """Point the branch at `sha`, creating it when there is none."""
        if ref is None:

            def made() -> GitRef | None:
                found = self.branch_ref(branch)
                return found if found is not None and found.object.sha == sha else None

            try:
                create_checked(
                    lambda: self.repo.create_git_ref(f"refs/heads/{branch}", sha), made, self.budget
                )
                return
            except GithubException as exc:  # it exists: left by a failed run, a lost answer, or a human
                if exc.status != 422:
                    raise
            ref = self.branch_ref(branch)
            if ref is None:
                raise BotError("branch-lost", branch=branch) from None
            self._fingerprint_of(str(ref.object.sha))
        ref.edit(sha, force=True)

    def find_pull(self, branch: str, state: str = "all") -> PullRequest | None:
        """The newest pull request from `branch` of this repository, open ones first."""
        owner = self.repo.full_name.split("/")[0]
        pulls = list(self.repo.get_pulls(state=state, head=f"{owner}:{branch}", base=self.base_branch))
        pulls.sort(key=lambda p: (p.state == "open", p.number), reverse=True)
        return pulls[0] if pulls else None

    def closed_by_branch_deletion(self, pull: PullRequest) -> bool:
        """Whether GitHub closed `pull` because its branch was deleted (events `head_ref_deleted`, then
        `closed` within a minute), rather than a person closing it (and maybe deleting the branch after)."""
        events = list(pull.get_issue_events())
        closes = [i for i, e in enumerate(events) if e.event == "closed"]
        if not closes:
            return False
        closed = events[closes[-1]]
        for event in reversed(events[: closes[-1]]):
            if event.event in ("reopened", "head_ref_restored", "closed"):
                return False
            if event.event == "head_ref_deleted":
                return closed.created_at - event.created_at <= DELETION_WINDOW
        after = events[closes[-1] + 1 : closes[-1] + 2]
        return (
            bool(after) and after[0].event == "head_ref_deleted" and after[0].created_at == closed.created_at
        )

    def _reopen(self, pull: PullRequest, proposal: Proposal) -> PullRequest | None:
        try:
            title, body = self._pull_changes(pull, proposal)
            pull.edit(state="open", title=_opt(title), body=_opt(body))
            return pull
        except GithubException as exc:  # its branch is gone or moved: a new pull request it is
            if exc.status != 422:
                raise
            return None

    def _pull_changes(self, pull: PullRequest, proposal: Proposal) -> tuple[str | None, str | None]:
        """The new title and description, None where nothing changes. The bot owns its section of the
        description, and the title only while it is still the one the bot gave (a maintainer's is kept)."""
        text = pull.body or ""
        section = messages.section_text(text)  # CRLF once a person saved the description in the browser
        same = section is not None and normalized(section) == normalized(proposal.body)
        body = None if same else messages.with_section(text, proposal.body)
        ours = messages.bot_title_digest(text) == messages.title_digest(pull.title)
        title = proposal.title if pull.title != proposal.title and ours else None
        return title, body

    def _update_pull(self, pull: PullRequest, proposal: Proposal) -> PullRequest:
        title, body = self._pull_changes(pull, proposal)
        if title is not None or body is not None:
            pull.edit(title=_opt(title), body=_opt(body))
        return pull

    def _create_pull(self, proposal: Proposal) -> PullRequest:
        def create() -> PullRequest:
            return self.repo.create_pull(
                base=self.base_branch, head=proposal.branch, title=proposal.title, body=proposal.body
            )

        try:
            return create_checked(create, lambda: self.find_pull(proposal.branch, "open"), self.budget)
        except GithubException as exc:
            if exc.status == 403 and PULLS_DENIED in str(exc.data):
                raise BotError("pulls-denied") from None
            existing = self.find_pull(proposal.branch, "open") if exc.status == 422 else None
            if existing is None:
                raise
            return existing  # an earlier attempt had created it

    def bot_closed_pull(self, branch: str) -> tuple[PullRequest | None, bool]:
        """The branch's pull request if the bot closed it (now or earlier), closing it first if open;
        and whether it closed it now. One that is open although the bot closed it was reopened by a
        maintainer (the bot's own reopening rewrites its section, marker and all): it stays open."""
        pull = self.pull_for(branch)
        if pull is None or pull.merged_at is not None:
            return None, False
        if pull.state == "open":
            if closed_by_bot(pull):
                return None, False
            close_as_bot(pull)
            return pull, True
        return (pull if closed_by_bot(pull) else None), False


def _opt(value: str | None) -> Opt[str]:
    return NotSet if value is None else value


def closed_by_bot(pull: PullRequest) -> bool:
    section = messages.section_text(pull.body or "")
    return CLOSED_BY_BOT in (section if section is not None else pull.body or "")


def close_as_bot(pull: PullRequest) -> None:
    """Close a pull request, marking its description's bot section as closed by the bot."""
    body = pull.body or ""
    section = messages.section_text(body)
    if section is None:
        marked = f"{messages.SECTION_START}\n{CLOSED_BY_BOT}\n<!-- leaderboard-bot:end -->"
    else:
        marked = section.replace(messages.SECTION_START, f"{messages.SECTION_START}\n{CLOSED_BY_BOT}", 1)
    pull.edit(state="closed", body=messages.with_section(body, marked))

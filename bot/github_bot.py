"""What the bot does on GitHub: answer an issue-form submission, and rebuild open bot pull requests.

The decisions come from the pure pipeline; this module only turns them into API calls, checking
before every create (existing branch, pull request, comment) so that reruns converge.

The latest issue body wins, whatever order jobs run in or payloads arrive in: a job plans from what it
knows (its payload, or the issue read fresh), writes the branch and pull request, then reads the issue
again (and, after moving the branch, the default branch's head); if either moved, it plans again from
what it just read. So the job that writes last has checked after its last write that it wrote the
current body on the current base, and any later edit starts a new job (see README, Decisions).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import requests
from github import GithubException, UnknownObjectException
from github.Issue import Issue
from github.PullRequest import PullRequest
from github.Repository import Repository

from bot import actions_env, messages, pipeline, update
from bot.form import NEW, UPDATE, parse_form
from bot.github_client import RateLimited, WaitBudget, create_checked
from bot.github_comments import upsert_comment
from bot.github_submission import NEEDS_CHANGES, Submission, gone, is_pull, submission_from_issue
from bot.github_update import UpdatePlanner, conflicts, entry_of
from bot.layout import Layout, Snapshot, read_snapshot
from bot.model import BotError, errors, warnings
from bot.publish import BranchTaken, Proposal
from bot.publish.github import (
    Base,
    ClosedByMaintainer,
    GitHubPublisher,
    PullOutcome,
    close_as_bot,
    fetch_base,
    read_file,
)

BRANCH_PREFIX = "leaderboard/issue-"
MAX_ROUNDS = 3


@dataclass(frozen=True)
class Result:
    issue: int
    state: str
    """accepted, rejected, not-a-form, branch-taken, closed-by-maintainer, withdrawn, issue-gone, failed"""
    pull_url: str | None = None
    detail: str = ""


@dataclass(frozen=True)
class Step:
    """One round of handling a submission: what it wrote, and what the issue should say afterwards."""

    result: Result
    comment: str | None = None
    """The issue comment to converge to; None leaves the comment alone."""
    needs_changes: bool | None = None
    """Whether the issue should carry `needs-changes`; None leaves the labels alone."""
    wrote: bool = False
    pull: PullOutcome | None = None


class Bot:
    """Handle submissions against the default branch as it is now (not as the event saw it)."""

    def __init__(
        self,
        repo: Repository,
        *,
        snapshot: Snapshot,
        layout: Layout,
        base_branch: str,
        event_sha: str,
        now: dt.datetime,
        login: str = actions_env.ACTIONS_BOT,
        budget: WaitBudget | None = None,
        rerun: bool = False,
        links: pipeline.Links = pipeline.LOCAL,
    ) -> None:
        self.repo = repo
        self.layout = layout
        self.base_branch = base_branch
        self.event_sha = event_sha
        self.now = now
        self.login = login
        self.budget = budget or WaitBudget()
        self.rerun = rerun
        self.links = links
        self.refreshing = False
        self.updates = UpdatePlanner(repo, layout, now, links, login)
        self._snapshots = {event_sha: snapshot}
        self._base: Base | None = None

    # -- reading

    def base(self) -> Base:
        if self._base is None:
            self._base = fetch_base(self.repo, self.base_branch)
        return self._base

    def snapshot(self, sha: str) -> Snapshot:
        """The bot's files at `sha`: the checkout's, or read through the API when the branch moved on."""
        if sha not in self._snapshots:
            self._snapshots[sha] = read_snapshot(self.layout, lambda path: read_file(self.repo, path, sha))
        return self._snapshots[sha]

    def current(self, number: int) -> Submission:
        """The issue as it is now (a queued or re-run job carries an old payload): one GET."""
        issue = self.repo.get_issue(number)
        try:
            issue_url = issue.repository_url  # completes the lazy issue
        except UnknownObjectException:  # gone where this token cannot follow (transferred) or never was
            return gone(number, "transferred")
        except GithubException as exc:
            if exc.status == 410:
                return gone(number, "deleted")
            raise
        if not issue_url.rstrip("/").lower().endswith(f"/repos/{self.repo.full_name.lower()}"):
            return gone(number, "transferred")  # followed a 301
        return submission_from_issue(issue)

    # -- one submission

    def handle(self, sub: Submission, *, pull: PullRequest | None = None, fresh: bool = False) -> Result:
        """Bring the issue's pull request and comment in line with the issue as it is now (`pull`: its
        pull request, when the caller has it already)."""
        if not fresh and (self.rerun or self.base().sha != self.event_sha):
            sub, fresh = self.current(sub.number), True
        for _ in range(MAX_ROUNDS):
            step = self._sync(sub, pull)
            if step.wrote or not fresh:  # check that what was written is still what the issue says
                now = self.current(sub.number)
                if not now.same(sub) or self._base_moved(step):
                    sub, pull, fresh = now, None, True
                    continue
                sub, fresh = now, True
            self._answer(sub, step, labels_known=fresh)
            return step.result
        raise BotError("kept-changing", issue=sub.number, rounds=MAX_ROUNDS)

    def _base_moved(self, step: Step) -> bool:
        """After moving a branch: whether the default branch moved since it was read. A new pull request's
        `base.sha` says it; otherwise one GET. Refresh skips it: a push to main queues the next refresh."""
        if step.pull is None or not step.pull.wrote_branch or self.refreshing:
            return False
        if step.pull.created_pull:
            head = step.pull.pull.base.sha
        else:
            head = self.repo.get_git_ref(f"heads/{self.base_branch}").object.sha
        if head == self.base().sha:
            return False
        self._base = None
        return True

    def _sync(self, sub: Submission, pull: PullRequest | None) -> Step:
        """Write the branch and pull request the submission calls for (nothing if they are right)."""
        base = self.base()
        branch = f"{BRANCH_PREFIX}{sub.number}"
        publisher = GitHubPublisher(
            self.repo,
            base_branch=self.base_branch,
            base=base,
            budget=self.budget,
            pulls={branch: pull} if pull is not None else None,
        )
        if sub.gone:
            return self._close_for_gone_issue(sub, publisher, branch)
        if not sub.open:
            closed, wrote = publisher.bot_closed_pull(branch)
            comment = messages.comment("withdrawn", closed_pull=f"#{closed.number}") if closed else None
            return Step(Result(sub.number, "withdrawn"), comment, wrote=wrote)
        snapshot = self.snapshot(base.sha)
        outcome, basis = self._plan(sub, snapshot, publisher, branch)
        if errors(outcome.problems):
            closed, wrote = publisher.bot_closed_pull(branch)
            closed_ref = f"#{closed.number}" if closed is not None else None
            if any(p.code == pipeline.NOT_A_FORM for p in outcome.problems):
                form = "update" if UPDATE.label in sub.labels and NEW.label not in sub.labels else "new"
                form_url = self.links.form(self.layout.update_form if form == "update" else self.layout.form)
                comment = messages.comment("not-a-form", form_url=form_url, closed_pull=closed_ref, form=form)
                return Step(Result(sub.number, "not-a-form"), comment, wrote=wrote)
            shown = conflicts(outcome)
            record = messages.Basis(basis.body, shown, entry_of(outcome)) if basis and shown else None
            kind = "add" if basis is None else "update"  # (a rejected request names no kind of its own)
            comment = messages.comment(
                "rejected", problems=outcome.problems, closed_pull=closed_ref, record=record, kind=kind
            )
            return Step(Result(sub.number, "rejected"), comment, needs_changes=True, wrote=wrote)
        assert outcome.position is not None
        labels = parse_form(snapshot.form).labels
        proposal = Proposal(
            branch=branch,
            title=messages.pull_title(outcome),
            body=messages.pull_body(outcome, issue=sub.number, author=sub.author, labels=labels, basis=basis),
            commit_message=messages.commit_message(outcome, sub.number),
            changes=outcome.changes,
            identity=identity(outcome),
        )
        try:
            published = publisher.publish(proposal)
        except BranchTaken:
            return Step(Result(sub.number, "branch-taken"), messages.comment("branch-taken", branch=branch))
        except ClosedByMaintainer as exc:
            comment = messages.comment("closed-by-maintainer", message=str(exc))
            return Step(Result(sub.number, "closed-by-maintainer"), comment)
        result = Result(sub.number, "accepted", published.pull.html_url)
        unchanged = not (published.submission_changed or published.created_pull or published.reopened)
        if self.refreshing and unchanged:  # same submission on a new base: the comment still holds
            return Step(result, wrote=published.wrote_branch, pull=published)
        comment = messages.comment(
            "accepted",
            problems=outcome.problems,
            pull_url=published.pull.html_url,
            preview=messages.outcome_preview(outcome, labels),
            kind=outcome.kind,
        )
        return Step(result, comment, needs_changes=False, wrote=published.wrote_branch, pull=published)

    def _plan(
        self, sub: Submission, snapshot: Snapshot, publisher: GitHubPublisher, branch: str
    ) -> tuple[pipeline.Outcome, messages.Basis | None]:
        """Plan the request by the form its body was written with (a form label mixed up by hand does
        not change what was asked), and the basis to record. An update or removal is checked against the
        basis recorded in its pull request (`github_update`; the pull request is looked up here, once:
        publishing uses the same lookup)."""
        if not update.is_update(sub.body, snapshot):
            return pipeline.plan_submission(sub.body, snapshot, self.now, self.layout, self.links), None
        return self.updates.plan(sub.number, sub.body, snapshot, publisher.pull_for(branch))

    def _close_for_gone_issue(self, sub: Submission, publisher: GitHubPublisher, branch: str) -> Step:
        """The issue was deleted or transferred: close its bot pull request with a note on it."""
        pull = publisher.pull_for(branch)
        if pull is None or pull.state != "open":
            return Step(Result(sub.number, "issue-gone"))
        close_as_bot(pull)
        note = messages.comment("issue-gone", issue=sub.number)
        upsert_comment(self.repo.get_issue(pull.number), note, self.login, self.budget)
        return Step(Result(sub.number, "issue-gone", pull.html_url), wrote=True)

    def _answer(self, sub: Submission, step: Step, *, labels_known: bool) -> None:
        issue = self.repo.get_issue(sub.number)
        if step.comment is not None:
            upsert_comment(issue, step.comment, self.login, self.budget, known_count=sub.comments)
        if step.needs_changes is not None:
            self._label(issue, sub.labels, present=step.needs_changes, known=labels_known)

    def _label(self, issue: Issue, labels: tuple[str, ...], *, present: bool, known: bool) -> None:
        """Add or remove needs-changes. Labels from a payload may predate the bot's own change, so a
        write they suggest is first confirmed against the issue as it is now (one GET, only then)."""
        if (NEEDS_CHANGES in labels) == present:
            return
        if not known and (NEEDS_CHANGES in {label.name for label in issue.labels}) == present:
            return
        if present:  # the documented body is an object; PyGithub's add_to_labels sends a bare array
            create_checked(
                lambda: issue.requester.requestJsonAndCheck(
                    "POST", f"{issue.url}/labels", input={"labels": [NEEDS_CHANGES]}
                ),
                lambda: None,  # adding a label twice is harmless
                self.budget,
            )
            return
        try:
            issue.remove_from_labels(NEEDS_CHANGES)
        except GithubException as exc:
            if exc.status != 404:
                raise

    # -- every open bot pull request

    def refresh(self) -> list[Result]:
        """Rebuild every open bot pull request on the current base, from its issue's current body. One
        that cannot be handled is reported and skipped; a rate limit past the budget stops them all."""
        self.refreshing = True
        pulls = list(self.open_bot_pulls())  # listed first: handling closes some, shifting pages
        if not pulls:
            return []
        # One listing for the most common form (GitHub's `labels` filter means "all of them", so each
        # label would cost a listing); the issue of any other bot pull request is read on its own.
        listed = {
            issue.number: submission_from_issue(issue)
            for issue in self.repo.get_issues(state="open", labels=[NEW.label])
            if not is_pull(issue)
        }
        results = []
        for number, pull in pulls:
            try:
                sub = listed.get(number) or self.current(number)
                results.append(self.handle(sub, pull=pull, fresh=True))
            except RateLimited:
                raise
            except (GithubException, BotError, requests.RequestException) as exc:
                results.append(Result(number, "failed", pull.html_url, describe(exc)))
        return results

    def open_bot_pulls(self) -> Iterable[tuple[int, PullRequest]]:
        """Open pull requests into the default branch that the bot opened from its own branches here
        (not from a fork, whose branch may have any name; not a person's)."""
        for pull in self.repo.get_pulls(state="open", base=self.base_branch):
            ref, head_repo = pull.head.ref, pull.head.repo
            if head_repo is None or head_repo.full_name.lower() != self.repo.full_name.lower():
                continue
            if pull.user.login != self.login:
                continue
            if ref.startswith(BRANCH_PREFIX) and ref[len(BRANCH_PREFIX) :].isdigit():
                yield int(ref[len(BRANCH_PREFIX) :]), pull


def identity(outcome: pipeline.Outcome) -> str:
    """What a proposal is made of: the change and the warnings shown with it (what the pull request's
    section and the comment say), not when it was made."""
    return outcome.identity + "\0" + "\0".join(sorted(p.message for p in warnings(outcome.problems)))


def describe(exc: Exception) -> str:
    if isinstance(exc, GithubException):
        return f"GitHub API error {exc.status}: {exc.data}"
    return str(exc)

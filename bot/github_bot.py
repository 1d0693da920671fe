"""What the bot does on GitHub: answer an issue-form submission, and rebuild open bot pull requests.

The decisions come from the pure pipeline; this module only turns them into API calls, checking
before every create (existing branch, pull request, comment) so that reruns converge.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from github import GithubException, UnknownObjectException
from github.Issue import Issue
from github.Repository import Repository

from bot import actions_env, messages, pipeline
from bot.form import ISSUE_LABEL, parse_form
from bot.layout import Layout, Snapshot, read_snapshot
from bot.model import BotError, errors
from bot.publish import BranchTaken, Proposal
from bot.publish.github import Base, ClosedByMaintainer, GitHubPublisher, fetch_base

BRANCH_PREFIX = "leaderboard/issue-"
FORM_LABEL = ISSUE_LABEL
HANDLED_ACTIONS = ("opened", "edited", "reopened", "labeled", "unlabeled", "closed")
_LOGIN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$")


@dataclass(frozen=True)
class Submission:
    number: int
    body: str
    labels: tuple[str, ...]
    author: str | None
    open: bool = True


@dataclass(frozen=True)
class Result:
    issue: int
    state: str
    """accepted, rejected, not-a-form, branch-taken, closed-by-maintainer, withdrawn, skipped"""
    pull_url: str | None = None


def submission_from_event(event: dict[str, Any]) -> Submission | None:
    """The submission in an `issues` webhook payload, or None when the bot should stay out of it."""
    issue = event.get("issue") or {}
    labels = tuple(str(label.get("name", "")) for label in issue.get("labels") or ())
    if event.get("action") not in HANDLED_ACTIONS or issue.get("pull_request"):
        return None
    if event.get("action") == "unlabeled" and (event.get("label") or {}).get("name") == FORM_LABEL:
        return Submission(int(issue["number"]), "", labels, _author(issue), open=False)  # taken off the bot
    if FORM_LABEL not in labels or event.get("action") == "unlabeled":
        return None
    if event.get("action") == "labeled" and (event.get("label") or {}).get("name") != FORM_LABEL:
        return None
    closing = event.get("action") == "closed"
    if issue.get("state") == "closed" and not closing:
        return None
    return Submission(
        int(issue["number"]), str(issue.get("body") or ""), labels, _author(issue), open=not closing
    )


def _author(issue: Any) -> str | None:
    login = (issue.get("user") or {}).get("login") if isinstance(issue, dict) else issue.user.login
    return login if isinstance(login, str) and _LOGIN.match(login) else None


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
        form_url: str,
        rerun: bool = False,
    ) -> None:
        self.repo = repo
        self.layout = layout
        self.base_branch = base_branch
        self.event_sha = event_sha
        self.now = now
        self.form_url = form_url
        self.rerun = rerun
        self._snapshots = {event_sha: snapshot}
        self._base: Base | None = None

    def base(self) -> Base:
        if self._base is None:
            self._base = fetch_base(self.repo, self.base_branch)
        return self._base

    def snapshot(self, sha: str) -> Snapshot:
        """The bot's files at `sha`: the checkout's, or read through the API when the branch moved on."""
        if sha not in self._snapshots:

            def read(path: str) -> str | None:
                try:
                    content = self.repo.get_contents(path, ref=sha)
                except UnknownObjectException:
                    return None
                return content.decoded_content.decode("utf-8") if not isinstance(content, list) else None

            self._snapshots[sha] = read_snapshot(self.layout, read)
        return self._snapshots[sha]

    def current(self, number: int) -> Submission | None:
        """The issue as it is now (a queued or re-run job carries an old payload)."""
        issue = self.repo.get_issue(number)
        if issue.pull_request is not None:
            return None
        labels = tuple(label.name for label in issue.labels)
        is_submission = issue.state == "open" and FORM_LABEL in labels
        return Submission(number, issue.body or "", labels, _author(issue), open=is_submission)

    def handle(self, sub: Submission, *, fresh: bool = False) -> Result:
        base = self.base()
        if not fresh and (self.rerun or base.sha != self.event_sha):
            current = self.current(sub.number)
            if current is None:
                return Result(sub.number, "skipped")
            sub = current
        publisher = GitHubPublisher(self.repo, base_branch=self.base_branch, base=base)
        branch = f"{BRANCH_PREFIX}{sub.number}"
        issue = self.repo.get_issue(sub.number)
        if not sub.open:
            closed = publisher.bot_closed_pull(branch)
            if closed is not None:
                upsert_comment(issue, messages.comment("withdrawn", closed_pull=f"#{closed.number}"))
            return Result(sub.number, "withdrawn")
        snapshot = self.snapshot(base.sha)
        outcome = pipeline.plan_submission(sub.body, snapshot, self.now, self.layout)
        if errors(outcome.problems):
            closed = publisher.bot_closed_pull(branch)
            closed_ref = f"#{closed.number}" if closed is not None else None
            if any(p.code == pipeline.NOT_A_FORM for p in outcome.problems):
                upsert_comment(
                    issue, messages.comment("not-a-form", form_url=self.form_url, closed_pull=closed_ref)
                )
                return Result(sub.number, "not-a-form")
            upsert_comment(
                issue, messages.comment("rejected", problems=outcome.problems, closed_pull=closed_ref)
            )
            self._label(issue, sub.labels, present=True)
            return Result(sub.number, "rejected")
        assert outcome.position is not None
        proposal = Proposal(
            branch=branch,
            title=messages.pull_title(outcome),
            body=messages.pull_body(
                outcome, issue=sub.number, author=sub.author, labels=parse_form(snapshot.form).labels
            ),
            commit_message=messages.commit_message(outcome, sub.number),
            changes=outcome.changes,
            identity=outcome.identity,
        )
        try:
            published = publisher.publish(proposal)
        except BranchTaken:
            upsert_comment(issue, messages.comment("branch-taken", branch=branch))
            return Result(sub.number, "branch-taken")
        except ClosedByMaintainer as exc:
            upsert_comment(issue, messages.comment("closed-by-maintainer", message=str(exc)))
            return Result(sub.number, "closed-by-maintainer")
        upsert_comment(
            issue,
            messages.comment(
                "accepted", problems=outcome.problems, pull_url=published.location, preview=outcome.preview()
            ),
        )
        self._label(issue, sub.labels, present=False)
        return Result(sub.number, "accepted", published.location)

    def refresh(self) -> list[Result]:
        """Rebuild every open bot pull request on the current base, from its issue's current body."""
        results = []
        for number in list(self.open_bot_pulls()):  # listed first: handling closes some, shifting pages
            current = self.current(number)
            if current is None:
                results.append(Result(number, "skipped"))
                continue
            results.append(self.handle(current, fresh=True))
        return results

    def open_bot_pulls(self) -> Iterable[int]:
        for pull in self.repo.get_pulls(state="open", base=self.base_branch):
            ref = pull.head.ref
            if ref.startswith(BRANCH_PREFIX) and ref[len(BRANCH_PREFIX) :].isdigit():
                yield int(ref[len(BRANCH_PREFIX) :])

    def _label(self, issue: Issue, labels: tuple[str, ...], *, present: bool) -> None:
        """Add or remove needs-changes. The payload's labels may predate the bot's own change, so a
        write they suggest is first confirmed against the issue as it is now (one GET, only then)."""
        if (messages.NEEDS_CHANGES in labels) == present:
            return
        if (messages.NEEDS_CHANGES in {label.name for label in issue.labels}) == present:
            return
        if present:  # the documented body is an object; PyGithub's add_to_labels sends a bare array
            issue.requester.requestJsonAndCheck(
                "POST", f"{issue.url}/labels", input={"labels": [messages.NEEDS_CHANGES]}
            )
            return
        try:
            issue.remove_from_labels(messages.NEEDS_CHANGES)
        except GithubException as exc:
            if exc.status != 404:
                raise


def _normalized(text: str | None) -> str:
    return (text or "").replace("\r\n", "\n").strip()


def upsert_comment(issue: Issue, body: str) -> None:
    """Keep exactly one bot comment per issue, edited in place (found by its hidden marker)."""
    mine = [
        c for c in issue.get_comments() if messages.COMMENT_MARKER in (c.body or "") and c.user.type == "Bot"
    ]
    if not mine:
        issue.create_comment(body)
        return
    if _normalized(mine[0].body) != _normalized(body):
        mine[0].edit(body)
    for duplicate in mine[1:]:  # left by a POST that GitHub applied but whose answer was lost
        duplicate.delete()


def setup_error_comment(repo: Repository, number: int, error: BotError) -> None:
    """Tell the issue why nothing happened when the repository is not set up for the bot (best effort)."""
    try:
        upsert_comment(repo.get_issue(number), messages.comment("setup-error", message=str(error)))
    except GithubException as exc:
        actions_env.annotate("warning", f"could not comment on issue #{number}: {exc.status}")

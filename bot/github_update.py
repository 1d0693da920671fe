"""An update or removal request on GitHub, checked against what it was planned on.

The bot records, in a hidden line of its section of the pull request description, the digest of the
issue body, the entry's id and its values as the request was planned (`messages.Basis`). Every rebuild
is checked against it: a field another merged change touched since is a conflict, held back until the
contributor, shown it in the bot's comment (which hides the values it showed), edits the issue. A
description that lost the line gives the basis from the data the branch's bot commit was made on.
(README, "Updating or removing an entry".)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from github import UnknownObjectException
from github.PullRequest import PullRequest
from github.Repository import Repository

from bot import messages, pipeline, update
from bot.github_comments import own_comments
from bot.layout import Layout, Snapshot
from bot.model import BotError
from bot.publish import bot_fingerprint
from bot.publish.github import read_file


@dataclass(frozen=True)
class UpdatePlanner:
    repo: Repository
    layout: Layout
    now: dt.datetime
    links: pipeline.Links
    login: str
    """The bot's account: its comment is the one that showed the conflicts."""

    def plan(
        self, number: int, body: str, snapshot: Snapshot, pull: PullRequest | None
    ) -> tuple[pipeline.Outcome, messages.Basis]:
        """Plan issue `number`'s request against the basis recorded in its pull request (`pull`, if it
        has one), and the basis to record now."""
        stored = None
        if pull is not None and pull.merged_at is None:
            stored = messages.read_basis(messages.section_text(pull.body or "") or "")
            if stored is None:  # a person edited the hidden line away
                stored = self._basis_from_branch(body, snapshot, pull)
        digest = messages.body_digest(body)
        recorded = None
        if stored is not None:
            recorded = update.Recorded(stored.fields, stored.entry, edited=stored.body != digest)
        outcome = self._plan(body, snapshot, recorded)
        if recorded is not None and recorded.edited and conflicts(outcome):
            shown = self._conflicts_shown(number)  # rare: one more read, for the confirmation
            if shown is not None and shown.body != digest and shown.entry == entry_of(outcome):
                recorded = dataclasses.replace(recorded, confirmed=shown.fields)
                outcome = self._plan(body, snapshot, recorded)
        return outcome, messages.Basis(digest, outcome.basis, entry_of(outcome))

    def _basis_from_branch(self, body: str, snapshot: Snapshot, pull: PullRequest) -> messages.Basis | None:
        """The basis of a pull request whose description lost it: the request planned on the data its
        branch's bot commit was made on (two reads). The body it was made for is unknown, so it counts
        as edited since: a conflict is held back until the contributor, shown it, edits the issue."""
        try:
            commit = self.repo.get_git_commit(pull.head.sha)
        except UnknownObjectException:  # collected after its branch was deleted
            return None
        if bot_fingerprint(commit.message) is None or not commit.parents:
            return None
        data = read_file(self.repo, self.layout.data, commit.parents[0].sha)
        if data is None:
            return None
        try:
            then = self._plan(body, dataclasses.replace(snapshot, data=data), None)
        except BotError:  # that data cannot be read any more: no basis to go on
            return None
        return messages.Basis("", then.basis, entry_of(then)) if then.basis else None

    def _plan(self, body: str, snapshot: Snapshot, recorded: update.Recorded | None) -> pipeline.Outcome:
        return update.plan_update(body, snapshot, self.now, self.layout, links=self.links, recorded=recorded)

    def _conflicts_shown(self, number: int) -> messages.Basis | None:
        """The conflicts the bot's comment on the issue shows (hidden in it), if it shows any."""
        mine = own_comments(self.repo.get_issue(number), self.login)
        return messages.read_basis(mine[0].body or "", messages.CONFLICT_MARKER) if mine else None


def conflicts(outcome: pipeline.Outcome) -> dict[str, str]:
    """The fields changed meanwhile that an update or removal is held back for, at their values now."""
    before = outcome.before or {}
    return {
        p.field: before.get(p.field, "")
        for p in outcome.problems
        if p.code in update.CONFLICTS and p.field is not None
    }


def entry_of(outcome: pipeline.Outcome) -> str | None:
    return (outcome.before or {}).get("id")

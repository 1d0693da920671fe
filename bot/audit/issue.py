"""The tracking issue on GitHub (PyGithub): find it, then create, edit, close or reopen it as planned."""

from __future__ import annotations

from github.Issue import Issue
from github.Repository import Repository

from bot.audit.tracking import LABEL, MARKER, TITLE, Existing, Plan
from bot.github_comments import written_by
from bot.github_submission import is_pull


class Tracker:
    def __init__(self, repo: Repository, login: str) -> None:
        self.repo = repo
        self.login = login
        """The account the token acts as (LEADERBOARD_BOT_LOGIN): the bot knows its issue by its author."""
        self.issue: Issue | None = None

    def find(self) -> Existing | None:
        """The oldest issue labelled `link-health` that this bot wrote (its login and marker, as for its
        comments): an issue another account wrote, even another app, is never taken for it nor its hidden
        memory trusted. One listing: nothing read here completes a listed issue."""
        for issue in self.repo.get_issues(state="all", labels=[LABEL], sort="created", direction="asc"):
            if not is_pull(issue) and written_by(issue, self.login, MARKER):
                self.issue = issue
                return Existing(issue.number, issue.state == "open", issue.body or "")
        return None

    def apply(self, plan: Plan) -> str | None:
        """Carry out the plan; the issue's address, or None when there is no issue."""
        if plan.action == "create":
            self.issue = self.repo.create_issue(title=TITLE, body=plan.body, labels=[LABEL])
        elif plan.action == "edit" and self.issue is not None:
            if plan.open is None:
                self.issue.edit(body=plan.body)
            else:
                state, reason = ("open", "reopened") if plan.open else ("closed", "completed")
                self.issue.edit(body=plan.body, state=state, state_reason=reason)
        return self.issue.html_url if self.issue is not None else None

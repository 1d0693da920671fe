"""What the bot answers: a submission, as an `issues` webhook payload or the issue itself shows it.

Generic over the issue forms: an issue is a submission while it is open and carries one of FORM_LABELS.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.actions_env import LOGIN
from bot.form import NEW, UPDATE

if TYPE_CHECKING:
    from github.Issue import Issue

FORM_LABELS = (NEW.label, UPDATE.label)
"""The labels of the issue forms the bot answers (each form's `labels:`), in the order its comments name
them; a new form adds its label here (and to the condition in .github/workflows/new-model.yml, which a
test checks)."""
NEEDS_CHANGES = "needs-changes"
"""The label the bot puts on a submission it cannot accept yet (and takes off again)."""
HANDLED_ACTIONS = ("opened", "edited", "reopened", "labeled", "unlabeled", "closed", "deleted", "transferred")


@dataclass(frozen=True)
class Submission:
    number: int
    body: str
    labels: tuple[str, ...]
    author: str | None
    open: bool = True
    gone: str | None = None
    """"deleted" or "transferred": the issue is no longer in this repository."""
    comments: int | None = None
    """How many comments the issue has, when known (0 spares listing them)."""

    def same(self, other: Submission) -> bool:
        """Whether the two are the same submission for the bot (body, open or not, gone or not)."""
        if self.gone or other.gone:
            return bool(self.gone) == bool(other.gone)
        return (normalized(self.body), self.open) == (normalized(other.body), other.open)


def submission_from_event(event: dict[str, Any]) -> Submission | None:
    """The submission in an `issues` webhook payload, or None when the bot should stay out of it."""
    issue = event.get("issue") or {}
    action = event.get("action")
    if action not in HANDLED_ACTIONS or issue.get("pull_request"):
        return None
    labels = tuple(str(label.get("name", "")) for label in issue.get("labels") or ())
    is_form = is_form_issue(labels)
    if action in ("labeled", "unlabeled") and (event.get("label") or {}).get("name") not in FORM_LABELS:
        return None  # another label, such as the bot's own needs-changes
    if not is_form and action != "unlabeled":
        return None
    number, body, login = int(issue["number"]), str(issue.get("body") or ""), author(issue)
    if action in ("deleted", "transferred"):
        return Submission(number, body, labels, login, open=False, gone=action)
    if issue.get("state") == "closed" and action != "closed":
        return None
    count = issue.get("comments")  # when the event was sent; the bot re-reads the issue after writing
    comments = count if isinstance(count, int) and not isinstance(count, bool) else None
    return Submission(number, body, labels, login, open=is_form and action != "closed", comments=comments)


def is_form_issue(labels: tuple[str, ...]) -> bool:
    """Whether an issue's labels make it one the bot answers."""
    return any(label in FORM_LABELS for label in labels)


def author(issue: Any) -> str | None:
    login = (issue.get("user") or {}).get("login") if isinstance(issue, dict) else issue.user.login
    return login if isinstance(login, str) and LOGIN.match(login) else None


def normalized(text: str | None) -> str:
    """A body as the bot compares it with what GitHub gives back: line breaks as LF (a browser saves
    CRLF) and no surrounding whitespace. One rule for issue bodies (and their digest), comments, pull
    request sections and the audit's tracking issue, so "changed" means the same everywhere."""
    return (text or "").replace("\r\n", "\n").strip()


def submission_from_issue(issue: Issue) -> Submission:
    """The submission an issue (read or listed through the API) is now."""
    labels = tuple(label.name for label in issue.labels)
    is_submission = not is_pull(issue) and issue.state == "open" and is_form_issue(labels)
    return Submission(
        issue.number, issue.body or "", labels, author(issue), is_submission, None, issue.comments
    )


def gone(number: int, how: str) -> Submission:
    """A submission whose issue was deleted or transferred away."""
    return Submission(number, "", (), None, open=False, gone=how)


def is_pull(issue: Issue) -> bool:
    """Whether an issue is a pull request, without completing a listed issue (`pull_request` is absent
    from an issue's JSON, so reading it would fetch the issue again)."""
    return "/pull/" in (issue.html_url or "")

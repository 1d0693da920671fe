"""The bot's one comment per issue: found by its login and hidden marker, edited in place.

`written_by` is how the bot knows anything it wrote on GitHub (its comments, the audit's tracking issue).
"""

from __future__ import annotations

import requests
from github import GithubException
from github.Issue import Issue
from github.IssueComment import IssueComment
from github.Repository import Repository

from bot import actions_env, messages
from bot.github_client import RateLimited, WaitBudget, create_checked
from bot.github_submission import normalized
from bot.model import BotError


def written_by(item: Issue | IssueComment, login: str, marker: str) -> bool:
    """Whether the bot wrote `item`: its own login (not any other app's, whose text may carry the same
    marker) and its hidden marker (not something else the same account wrote). Both are in a listing,
    so reading them sends no request."""
    return item.user.login == login and marker in (item.body or "")


def own_comments(issue: Issue, login: str) -> list[IssueComment]:
    """The bot's comments on an issue."""
    return [c for c in issue.get_comments() if written_by(c, login, messages.COMMENT_MARKER)]


def upsert_comment(
    issue: Issue, body: str, login: str, budget: WaitBudget, known_count: int | None = None
) -> None:
    """Keep exactly one bot comment per issue, edited in place (found by its login and hidden marker).
    A comment that may have been posted although its answer was lost is looked for before posting again."""
    mine = [] if known_count == 0 else own_comments(issue, login)
    if not mine:

        def posted() -> IssueComment | None:
            found = own_comments(issue, login)
            return found[0] if found else None

        comment = create_checked(lambda: issue.create_comment(body), posted, budget)
        mine = [comment]
    if normalized(mine[0].body) != normalized(body):
        mine[0].edit(body)
    for duplicate in mine[1:]:  # left by a POST that GitHub applied but whose answer was lost
        duplicate.delete()


def setup_error_comment(
    repo: Repository, number: int, error: BotError, login: str, budget: WaitBudget
) -> None:
    """Tell the issue why nothing happened when the repository is not set up for the bot (best effort)."""
    comment(repo, number, messages.comment("setup-error", message=str(error)), login, budget)


def rate_limited_comment(repo: Repository, number: int, error: RateLimited, login: str) -> None:
    """Tell the issue when the bot can go on and how to make it (best effort: the limit may refuse it)."""
    body = messages.comment("rate-limited", resume_at=f"{error.resume_at:%Y-%m-%d %H:%M}")
    comment(repo, number, body, login, WaitBudget(limit=0))


def comment(repo: Repository, number: int, body: str, login: str, budget: WaitBudget) -> None:
    try:
        upsert_comment(repo.get_issue(number), body, login, budget)
    except (GithubException, BotError, requests.RequestException) as exc:
        status = exc.status if isinstance(exc, GithubException) else type(exc).__name__
        actions_env.annotate("warning", messages.notice("comment-failed", issue=number, status=status))

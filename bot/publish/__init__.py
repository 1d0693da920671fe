"""Publishing a planned change: the one small interface the local git and GitHub publishers share."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from bot.model import FileChange


@dataclass(frozen=True)
class Proposal:
    """A change to propose for review: files on a branch, with a title and a description."""

    branch: str
    title: str
    body: str
    commit_message: str
    changes: tuple[FileChange, ...]


@dataclass(frozen=True)
class Published:
    branch: str
    commit: str | None
    """The commit the branch points at; None when nothing needed publishing."""
    location: str
    """Where to review it: a pull request URL, or the local branch name."""
    created: bool
    updated: bool


class Publisher(Protocol):
    def publish(self, proposal: Proposal) -> Published: ...

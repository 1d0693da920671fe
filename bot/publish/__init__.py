"""Publishing a planned change: what the local git and GitHub publishers share: the proposal, and the
fingerprint trailer by which the bot knows its own commits and a rerun knows there is nothing to do."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.model import BotError, FileChange

TRAILER = "Leaderboard-Bot-Fingerprint"
"""Every bot commit ends with this trailer: it marks the commit as the bot's, and fingerprints the base
and the proposal's identity, so a rerun (at another time, hence another `lastmod`) can tell
“nothing to do” without comparing trees."""
_TRAILER = re.compile(rf"^{TRAILER}: ([0-9a-f]{{64}})$", re.MULTILINE)


@dataclass(frozen=True)
class Proposal:
    """A change to propose for review: files on a branch, with a title and a description."""

    branch: str
    title: str
    body: str
    commit_message: str
    changes: tuple[FileChange, ...]
    identity: str
    """What the change is made of, apart from when it was made (e.g. the new row as JSON): two
    proposals with the same identity on the same base are the same change."""


@dataclass(frozen=True)
class Published:
    """What the local publisher did (`submit`)."""

    branch: str
    commit: str | None
    """The commit the branch points at; None when nothing needed publishing."""
    location: str
    """Where to review it: a pull request URL, or the local branch name."""
    created: bool
    updated: bool


class BranchTaken(BotError):
    """The branch has commits that are not the bot's: never overwrite a human's work."""


def fingerprint(base: str, proposal: Proposal) -> str:
    import hashlib  # publishing only: keeps `check` start-up lean

    return hashlib.sha256(f"{base}\0{proposal.identity}".encode()).hexdigest()


def with_trailer(message: str, print_: str) -> str:
    return f"{message.rstrip()}\n\n{TRAILER}: {print_}\n"


def bot_fingerprint(message: str) -> str | None:
    """The fingerprint in a bot commit's message; None for a commit the bot did not make."""
    m = _TRAILER.search(message)
    return m.group(1) if m else None

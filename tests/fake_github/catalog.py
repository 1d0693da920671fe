"""Other repositories and accounts on the fake GitHub, as the link audit asks about them.

The served repository is the one in ``state``; these are the repositories a leaderboard links to:
each can be archived, renamed or transferred (the old name then answers 301 to ``/repositories/{id}``,
as GitHub does), or deleted (404). Their JSON carries an ETag that changes when they do.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from .formats import JsonDict, node_id


@dataclass
class ListedRepo:
    id: int
    full_name: str
    archived: bool = False

    @property
    def owner(self) -> str:
        return self.full_name.partition("/")[0]

    @property
    def name(self) -> str:
        return self.full_name.partition("/")[2]


def etag(payload: JsonDict) -> str:
    """A weak validator of the JSON, as GitHub sends: it changes exactly when the answer does."""
    return 'W/"' + hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest() + '"'


class Catalog:
    def __init__(self) -> None:
        self.repos: dict[int, ListedRepo] = {}
        self.names: dict[str, int] = {}  # lower-cased current full name -> id
        self.former: dict[str, int] = {}  # lower-cased old full name -> id (renamed or transferred)
        self.accounts: set[str] = set()
        self._next_id = 500_000

    def add(self, full_name: str, *, archived: bool = False) -> ListedRepo:
        self._next_id += 1
        repo = ListedRepo(self._next_id, full_name, archived)
        self.repos[repo.id] = repo
        self.names[full_name.lower()] = repo.id
        self.accounts.add(repo.owner.lower())
        return repo

    def rename(self, old: str, new: str) -> None:
        repo = self.repos[self.names.pop(old.lower())]
        repo.full_name = new
        self.names[new.lower()] = repo.id
        self.former[old.lower()] = repo.id
        self.accounts.add(repo.owner.lower())

    def archive(self, full_name: str, archived: bool = True) -> None:
        self.repos[self.names[full_name.lower()]].archived = archived

    def delete(self, full_name: str) -> None:
        repo_id = self.names.pop(full_name.lower())
        del self.repos[repo_id]
        self.former = {old: i for old, i in self.former.items() if i != repo_id}

    def find(self, full_name: str) -> ListedRepo | None:
        repo_id = self.names.get(full_name.lower())
        return self.repos.get(repo_id) if repo_id is not None else None

    def moved(self, full_name: str) -> ListedRepo | None:
        repo_id = self.former.get(full_name.lower())
        return self.repos.get(repo_id) if repo_id is not None else None

    def view(self, repo: ListedRepo, api: str, html: str) -> JsonDict:
        return {
            "id": repo.id,
            "node_id": node_id("R", repo.id),
            "name": repo.name,
            "full_name": repo.full_name,
            "owner": {"login": repo.owner, "type": "User"},
            "private": False,
            "html_url": f"{html}/{repo.full_name}",
            "url": f"{api}/repos/{repo.full_name}",
            "archived": repo.archived,
            "disabled": False,
        }

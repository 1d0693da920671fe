"""A fake GitHub REST API (the subset the leaderboard bot uses) served over real HTTP on 127.0.0.1.

The tests drive it with the real PyGithub client: everything PyGithub sends must be understood and
everything it reads must be there. One concern per module:

* ``objects``: an in-memory git object database with real SHA-1s (blobs, trees, commits), so the
  shas match what ``git`` computes for the same objects and identical content gives identical shas.
* ``state``: refs, issues, pull requests, comments and labels of one repository and the operations
  on them (commit, merge, ...). Anything GitHub would refuse raises ``errors.ApiError``.
* ``views``: that state rendered as GitHub-shaped JSON.
* ``routes/``: one module per REST resource (``git``, ``contents``, ``pulls``, ``issues``, ``comments``,
  ``labels``, ``repos``, ``branches``, ``commits``, ...) and the router that maps method + path to them.
* ``faults``: scripted failures and delays.
* ``server``: ``FakeGitHub`` serves it all with a ``ThreadingHTTPServer`` and adds authentication,
  request recording, state seeding and inspection, and webhook payloads.
* ``formats``: ids, node ids and timestamps as GitHub writes them; ``errors``: error answers.
* ``conformance``: every request and answer checked against GitHub's REST API description, a subset of
  which ``description/extract.py`` takes from ``@octokit/openapi`` (see that script).

Usage::

    with FakeGitHub() as fake:
        fake.commit_files("main", {"README.md": "hi\\n"}, "init")
        gh = Github(auth=Auth.Token(fake.token), base_url=fake.url, seconds_between_requests=0,
                    seconds_between_writes=0)
        ...

Deliberate simplifications: one repository with git data (others exist as ``catalog`` entries, and forks
only as the heads of pull requests, ``open_fork_pull``); a deleted issue answers 410, a transferred one 301
to a repository this token cannot read; timestamps come from a fake clock (one second per event from
2024-01-01) so shas are reproducible; merges are three-way at the file level; the "rebase" merge method is
refused.
"""

from __future__ import annotations

from .errors import ApiError
from .faults import Fault, FaultInjector
from .objects import GitError, MergeConflict, ObjectStore
from .routes import Call, Reply, Router
from .server import FakeGitHub, RecordedRequest
from .state import RepoState
from .views import Views

__all__ = [
    "ApiError",
    "Call",
    "FakeGitHub",
    "Fault",
    "FaultInjector",
    "GitError",
    "MergeConflict",
    "ObjectStore",
    "RecordedRequest",
    "Reply",
    "RepoState",
    "Router",
    "Views",
]

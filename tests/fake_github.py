"""A fake GitHub REST API (the subset the leaderboard bot uses) served over real HTTP on 127.0.0.1.

The tests drive it with the real PyGithub client: everything PyGithub sends must be understood and
everything it reads must be there. The module has four layers:

* ``ObjectStore``: an in-memory git object database with real SHA-1s (blobs, trees, commits), so the
  shas match what ``git`` computes for the same objects and identical content gives identical shas.
* ``RepoState``: refs, issues, pull requests, comments and labels of one repository and the operations
  on them (commit, merge, ...). Anything GitHub would refuse raises ``ApiError``.
* ``Views`` renders that state as GitHub-shaped JSON; ``Router`` maps method + path to a handler.
* ``FakeGitHub`` serves them with a ``ThreadingHTTPServer`` and adds authentication, request recording,
  fault injection and webhook payloads.

Usage::

    with FakeGitHub() as fake:
        fake.commit_files("main", {"README.md": "hi\\n"}, "init")
        gh = Github(auth=Auth.Token(fake.token), base_url=fake.url, seconds_between_requests=0,
                    seconds_between_writes=0)
        ...

Deliberate simplifications: one repository, no forks; timestamps come from a fake clock (one second per
event from 2024-01-01) so shas are reproducible; merges are three-way at the file level; the "rebase"
merge method is refused.
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import json
import math
import re
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self

JsonDict = dict[str, Any]
FileMap = dict[str, tuple[str, str]]  # path -> (mode, blob sha): a tree flattened to its files

ZERO_SHA = "0" * 40
TREE_MODE = "40000"
SUBMODULE_MODE = "160000"
BLOB_MODES = frozenset({"100644", "100755", "120000"})
EPOCH = 1_704_067_200  # 2024-01-01T00:00:00Z, start of the fake clock
DOCS_URL = "https://docs.github.com/rest"
MAX_BODY_CHARS = 65536
RATE_LIMIT = 5000
KNOWN_USER_IDS = {"github-actions[bot]": 41898282, "web-flow": 19864447}
CLOSING_KEYWORDS = re.compile(r"\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?):?\s+#(\d+)\b", re.IGNORECASE)


def iso(timestamp: int) -> str:
    return datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(text: str) -> int:
    return int(datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp())


def user_id(login: str) -> int:
    return KNOWN_USER_IDS.get(login) or int(hashlib.sha1(login.encode()).hexdigest()[:7], 16)


def node_id(kind: str, ident: object) -> str:
    return f"{kind}_" + base64.b64encode(f"{kind}:{ident}".encode()).decode().rstrip("=")


def wrapped_base64(data: bytes) -> str:
    """Base64 with a newline every 60 characters, as the contents and blobs APIs return it."""
    encoded = base64.b64encode(data).decode()
    return "".join(encoded[i : i + 60] + "\n" for i in range(0, len(encoded), 60))


# --------------------------------------------------------------------------------------------------
# git objects


class GitError(ValueError):
    """A missing or malformed git object."""


@dataclass(frozen=True)
class TreeEntry:
    mode: str  # as stored in git: "100644", "100755", "120000", "40000" or "160000"
    name: str
    sha: str

    @property
    def type(self) -> str:
        return {TREE_MODE: "tree", SUBMODULE_MODE: "commit"}.get(self.mode, "blob")

    @property
    def sort_key(self) -> bytes:
        # git orders a tree's entries by name, comparing a subtree as if its name ended with "/"
        return (self.name + "/" if self.mode == TREE_MODE else self.name).encode()


@dataclass(frozen=True)
class Signature:
    name: str
    email: str
    timestamp: int

    def to_git(self) -> str:
        return f"{self.name} <{self.email}> {self.timestamp} +0000"

    def to_json(self) -> JsonDict:
        return {"name": self.name, "email": self.email, "date": iso(self.timestamp)}


@dataclass(frozen=True)
class Commit:
    tree: str
    parents: tuple[str, ...]
    author: Signature
    committer: Signature
    message: str

    def to_git(self) -> bytes:
        lines = [f"tree {self.tree}", *(f"parent {parent}" for parent in self.parents)]
        lines += [f"author {self.author.to_git()}", f"committer {self.committer.to_git()}"]
        return ("\n".join(lines) + "\n\n" + self.message).encode()


class ObjectStore:
    """Content-addressed git objects: ``sha1("<type> <len>\\0" + payload)``, exactly as git stores them."""

    def __init__(self) -> None:
        self._objects: dict[str, tuple[str, bytes]] = {}
        self._commits: dict[str, Commit] = {}

    def _put(self, kind: str, payload: bytes) -> str:
        sha = hashlib.sha1(f"{kind} {len(payload)}\0".encode() + payload).hexdigest()
        self._objects[sha] = (kind, payload)
        return sha

    def _get(self, sha: str, kind: str) -> bytes:
        obj = self._objects.get(sha)
        if obj is None or obj[0] != kind:
            raise GitError(f"{sha} is not a {kind}")
        return obj[1]

    def kind(self, sha: str) -> str | None:
        obj = self._objects.get(sha)
        return obj[0] if obj else None

    def put_blob(self, data: bytes) -> str:
        return self._put("blob", data)

    def put_tree(self, entries: Iterable[TreeEntry]) -> str:
        ordered = sorted(entries, key=lambda entry: entry.sort_key)
        payload = b"".join(f"{e.mode} {e.name}".encode() + b"\0" + bytes.fromhex(e.sha) for e in ordered)
        return self._put("tree", payload)

    def put_commit(self, commit: Commit) -> str:
        sha = self._put("commit", commit.to_git())
        self._commits[sha] = commit
        return sha

    def blob(self, sha: str) -> bytes:
        return self._get(sha, "blob")

    def tree(self, sha: str) -> list[TreeEntry]:
        payload, entries, i = self._get(sha, "tree"), [], 0
        while i < len(payload):
            space = payload.index(b" ", i)
            nul = payload.index(b"\0", space)
            entries.append(
                TreeEntry(
                    payload[i:space].decode(),
                    payload[space + 1 : nul].decode(),
                    payload[nul + 1 : nul + 21].hex(),
                )
            )
            i = nul + 21
        return entries

    def commit(self, sha: str) -> Commit:
        try:
            return self._commits[sha]
        except KeyError:
            raise GitError(f"{sha} is not a commit") from None

    def walk(self, tree_sha: str, prefix: str = "") -> Iterator[tuple[str, TreeEntry]]:
        """Every entry below a tree with its path, each subtree before its contents."""
        for entry in self.tree(tree_sha):
            yield prefix + entry.name, entry
            if entry.type == "tree":
                yield from self.walk(entry.sha, prefix + entry.name + "/")

    def files(self, tree_sha: str) -> FileMap:
        return {path: (entry.mode, entry.sha) for path, entry in self.walk(tree_sha) if entry.type != "tree"}

    def build(self, files: Mapping[str, tuple[str, str]]) -> str:
        """Write the nested trees holding ``files`` and return the root tree's sha."""
        entries: list[TreeEntry] = []
        subdirs: dict[str, dict[str, tuple[str, str]]] = {}
        for path, (mode, sha) in files.items():
            head, slash, rest = path.partition("/")
            if slash:
                subdirs.setdefault(head, {})[rest] = (mode, sha)
            else:
                entries.append(TreeEntry(mode, head, sha))
        clash = {entry.name for entry in entries} & subdirs.keys()
        if clash:
            raise GitError(f"{min(clash)!r} is both a file and a directory")
        entries += [TreeEntry(TREE_MODE, name, self.build(sub)) for name, sub in subdirs.items()]
        return self.put_tree(entries)

    def lookup(self, tree_sha: str, path: str) -> TreeEntry | None:
        entry: TreeEntry | None = TreeEntry(TREE_MODE, "", tree_sha)
        for part in filter(None, path.split("/")):
            if entry is None or entry.type != "tree":
                return None
            entry = next((e for e in self.tree(entry.sha) if e.name == part), None)
        return entry

    def ancestors(self, sha: str) -> set[str]:
        """``sha`` and every commit reachable from it."""
        seen: set[str] = set()
        stack = [sha]
        while stack:
            current = stack.pop()
            if current not in seen:
                seen.add(current)
                stack.extend(self.commit(current).parents)
        return seen

    def merge_base(self, a: str, b: str) -> str | None:
        common = self.ancestors(a) & self.ancestors(b)
        shadowed: set[str] = set()  # common ancestors of other common ancestors
        for sha in common:
            for parent in self.commit(sha).parents:
                shadowed |= self.ancestors(parent)
        best = common - shadowed
        return max(best, key=lambda sha: (self.commit(sha).committer.timestamp, sha), default=None)


def diff_files(old: FileMap, new: FileMap) -> list[tuple[str, str]]:
    """``(path, status)`` for every file that differs, status being added, removed or modified."""
    changes = []
    for path in sorted(old.keys() | new.keys()):
        if path not in old:
            changes.append((path, "added"))
        elif path not in new:
            changes.append((path, "removed"))
        elif old[path] != new[path]:
            changes.append((path, "modified"))
    return changes


class MergeConflict(Exception):
    """Both sides of a merge changed the same files differently."""

    def __init__(self, paths: list[str]) -> None:
        super().__init__(f"merge conflict in {', '.join(paths)}")
        self.paths = paths


# --------------------------------------------------------------------------------------------------
# repository state


class ApiError(Exception):
    """An error response: status and GitHub's JSON error body."""

    def __init__(self, status: int, message: str, errors: list[JsonDict] | None = None) -> None:
        super().__init__(f"{status} {message}")
        self.status = status
        self.message = message
        self.errors = errors

    def body(self) -> JsonDict:
        body: JsonDict = {"message": self.message, "documentation_url": DOCS_URL, "status": str(self.status)}
        if self.errors:
            body["errors"] = self.errors
        return body


def not_found(message: str = "Not Found") -> ApiError:
    return ApiError(404, message)


def validation_failed(
    resource: str, message: str | None = None, *, field: str | None = None, code: str = "custom"
) -> ApiError:
    error: JsonDict = {"resource": resource, "code": code}
    if field:
        error["field"] = field
    if message:
        error["message"] = message
    return ApiError(422, "Validation Failed", [error])


def check_body_length(resource: str, body: str | None) -> None:
    if body is not None and len(body) > MAX_BODY_CHARS:
        raise validation_failed(
            resource, f"body is too long (maximum is {MAX_BODY_CHARS} characters)", field="body"
        )


@dataclass
class IssueRecord:
    number: int
    id: int
    title: str
    body: str | None
    user: str
    labels: list[str]
    created_at: int
    updated_at: int
    is_pull: bool = False
    state: str = "open"
    state_reason: str | None = None
    closed_at: int | None = None
    previous_body: str | None = None  # for the "changes" of an "edited" webhook payload


@dataclass
class PullRecord:
    number: int
    id: int
    head: str
    base: str
    head_sha: str
    base_sha: str
    draft: bool
    maintainer_can_modify: bool
    merged_at: int | None = None
    merge_commit_sha: str | None = None
    merged_by: str | None = None
    closed_head: str | None = None  # the head branch's commit when the pull request was closed


@dataclass
class CommentRecord:
    id: int
    issue: int
    body: str
    user: str
    created_at: int
    updated_at: int


@dataclass
class LabelRecord:
    id: int
    name: str
    color: str = "ededed"
    description: str | None = None


@dataclass(frozen=True)
class CommitMeta:
    """What GitHub knows about a commit beyond the git object: who made it, whether it is signed."""

    author_login: str | None
    committer_login: str | None
    verified: bool


class RepoState:
    """One repository: git objects and refs, issues and pull requests (one number sequence), comments."""

    def __init__(self, owner: str, name: str, default_branch: str, bot_login: str) -> None:
        self.owner = owner
        self.name = name
        self.default_branch = default_branch
        self.bot_login = bot_login
        self.collaborators = {owner, "maintainer"}
        self.store = ObjectStore()
        self.refs: dict[str, str] = {}  # "refs/heads/main" -> commit sha
        self.reflog: dict[str, list[str]] = {}  # branch -> its successive heads, ZERO_SHA when deleted
        self.commit_meta: dict[str, CommitMeta] = {}
        self.issues: dict[int, IssueRecord] = {}
        self.pulls: dict[int, PullRecord] = {}
        self.comments: dict[int, CommentRecord] = {}
        self.labels: dict[str, LabelRecord] = {}  # lower-cased name -> label
        self.deny_pulls = False
        self._clock = EPOCH
        self._next_number = 1
        self._next_id = 1000

    # -- bookkeeping

    def tick(self) -> int:
        self._clock += 1
        return self._clock

    def new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    @property
    def full_name(self) -> str:
        return f"{self.owner}/{self.name}"

    def identity(self, login: str, timestamp: int | None = None) -> Signature:
        email = f"{user_id(login)}+{login}@users.noreply.github.com"
        return Signature(login, email, self.tick() if timestamp is None else timestamp)

    def author_association(self, login: str) -> str:
        if login == self.owner:
            return "OWNER"
        return "COLLABORATOR" if login in self.collaborators else "NONE"

    # -- refs

    def branch_head(self, branch: str) -> str | None:
        return self.refs.get(f"refs/heads/{branch}")

    def resolve(self, ref: str) -> str | None:
        """A commit sha for a branch name, ``heads/x``, ``refs/heads/x``, tag or full commit sha."""
        for candidate in (ref, f"refs/{ref}", f"refs/heads/{ref}", f"refs/tags/{ref}"):
            if candidate in self.refs:
                return self.refs[candidate]
        return ref if self.store.kind(ref) == "commit" else None

    def set_ref(self, ref: str, sha: str) -> None:
        self.refs[ref] = sha
        if ref.startswith("refs/heads/"):
            branch = ref.removeprefix("refs/heads/")
            self.reflog.setdefault(branch, []).append(sha)
            for pull in self.pulls.values():
                if self.issues[pull.number].state == "open":
                    if pull.head == branch:
                        pull.head_sha = sha
                    if pull.base == branch:
                        pull.base_sha = sha

    def create_ref(self, ref: str, sha: str) -> None:
        validate_ref_name(ref)
        if ref in self.refs:
            raise ApiError(422, "Reference already exists")
        if self.store.kind(sha) != "commit":
            raise ApiError(422, "Object does not exist")
        self.set_ref(ref, sha)

    def update_ref(self, ref: str, sha: str, force: bool) -> None:
        if ref not in self.refs:
            raise ApiError(422, "Reference does not exist")
        if self.store.kind(sha) != "commit":
            raise ApiError(422, "Object does not exist")
        if not force and self.refs[ref] not in self.store.ancestors(sha):
            raise ApiError(422, "Update is not a fast forward")
        self.set_ref(ref, sha)

    def delete_ref(self, ref: str) -> None:
        if ref not in self.refs:
            raise ApiError(422, "Reference does not exist")
        del self.refs[ref]
        if ref.startswith("refs/heads/"):
            branch = ref.removeprefix("refs/heads/")
            self.reflog.setdefault(branch, []).append(ZERO_SHA)
            for pull in self.pulls.values():  # GitHub closes the pull requests of a deleted head branch
                issue = self.issues[pull.number]
                if pull.head == branch and issue.state == "open":
                    issue.state, issue.closed_at = "closed", self.tick()

    # -- commits and trees

    def write_commit(
        self,
        tree: str,
        parents: Iterable[str],
        message: str,
        author: Signature,
        committer: Signature,
        meta: CommitMeta,
    ) -> str:
        sha = self.store.put_commit(Commit(tree, tuple(parents), author, committer, message))
        self.commit_meta[sha] = meta
        return sha

    def tree_of(self, commit_sha: str | None) -> FileMap:
        return self.store.files(self.store.commit(commit_sha).tree) if commit_sha else {}

    def commit_files(self, branch: str, files: Mapping[str, str | None], message: str, login: str) -> str:
        """Commit ``files`` (None deletes) on ``branch`` as ``login``; a new branch starts from the default one."""
        parent = self.branch_head(branch) or self.branch_head(self.default_branch)
        tree = self.tree_of(parent)
        for path, text in files.items():
            if text is None:
                tree.pop(path, None)
            else:
                set_file(tree, path, ("100644", self.store.put_blob(text.encode())))
        signature = self.identity(login)
        meta = CommitMeta(login, login, verified=False)
        sha = self.write_commit(
            self.store.build(tree), [parent] if parent else [], message, signature, signature, meta
        )
        self.set_ref(f"refs/heads/{branch}", sha)
        return sha

    def apply_tree_changes(self, base_tree: str | None, changes: list[JsonDict]) -> str:
        """POST /git/trees: entries with content, with a sha, or with ``sha: null`` (delete) on a base tree."""
        if base_tree is not None and self.store.kind(base_tree) != "tree":
            raise ApiError(422, "base_tree is not a valid tree oid")
        files = self.store.files(base_tree) if base_tree else {}
        for change in changes:
            path, mode, kind = change.get("path"), change.get("mode"), change.get("type")
            if not isinstance(path, str) or not path or path.startswith("/") or "//" in path:
                raise ApiError(422, f"tree.path {path!r} is invalid")
            if "content" in change and "sha" in change:
                raise ApiError(422, "Only one of 'content' or 'sha' may be specified for a tree entry")
            if "content" in change:
                if mode not in BLOB_MODES or kind not in (None, "blob"):
                    raise ApiError(422, f"tree.mode {mode!r} is invalid for content")
                set_file(files, path, (str(mode), self.store.put_blob(str(change["content"]).encode())))
            elif change.get("sha") is None:
                removed = [p for p in files if p == path or p.startswith(path + "/")]
                if not removed:
                    raise ApiError(422, "GitRPC::BadObject")  # documented: deleting a missing file fails
                for p in removed:
                    del files[p]
            elif mode in ("040000", TREE_MODE):
                if self.store.kind(change["sha"]) != "tree":
                    raise ApiError(422, f"tree.sha {change['sha']} is not a valid tree")
                for p in [p for p in files if p == path or p.startswith(path + "/")]:
                    del files[p]
                for sub, value in self.store.files(change["sha"]).items():
                    files[f"{path}/{sub}"] = value
            elif mode in BLOB_MODES:
                if self.store.kind(change["sha"]) != "blob":
                    raise ApiError(422, f"tree.sha {change['sha']} is not a valid blob")
                set_file(files, path, (str(mode), change["sha"]))
            else:
                raise ApiError(422, f"tree.mode {mode!r} is invalid")
        return self.store.build(files)

    def merge_trees(self, base: str | None, ours: str, theirs: str) -> str:
        """File-level three-way merge of two commits; returns the merged tree sha or raises MergeConflict."""
        base_files, our_files, their_files = self.tree_of(base), self.tree_of(ours), self.tree_of(theirs)
        merged: FileMap = {}
        conflicts = []
        for path in sorted(base_files.keys() | our_files.keys() | their_files.keys()):
            old, mine, yours = base_files.get(path), our_files.get(path), their_files.get(path)
            if mine == yours or yours == old:
                value = mine
            elif mine == old:
                value = yours
            else:
                conflicts.append(path)
                continue
            if value is not None:
                merged[path] = value
        if conflicts:
            raise MergeConflict(conflicts)
        return self.store.build(merged)

    # -- issues, comments, labels

    def issue(self, number: int) -> IssueRecord:
        if number not in self.issues:
            raise not_found()
        return self.issues[number]

    def pull(self, number: int) -> PullRecord:
        if number not in self.pulls:
            raise not_found()
        return self.pulls[number]

    def comment(self, comment_id: int) -> CommentRecord:
        if comment_id not in self.comments:
            raise not_found()
        return self.comments[comment_id]

    def create_issue(self, title: str, body: str | None, labels: Iterable[str], user: str) -> int:
        number, now = self._next_number, self.tick()
        self._next_number += 1
        self.issues[number] = IssueRecord(number, self.new_id(), title, body, user, [], now, now)
        self.add_labels(number, labels)
        return number

    def edit_issue(self, number: int, changes: JsonDict) -> None:
        issue = self.issue(number)
        if "body" in changes:
            check_body_length("Issue", changes["body"])
            issue.previous_body, issue.body = issue.body, changes["body"]
        if "title" in changes:
            issue.title = changes["title"]
        if "labels" in changes:
            issue.labels = []
            self.add_labels(
                number, [label if isinstance(label, str) else label["name"] for label in changes["labels"]]
            )
        if changes.get("state") in ("open", "closed") and changes["state"] != issue.state:
            pull = self.pulls.get(number)
            if pull and pull.merged_at is not None:
                raise validation_failed("PullRequest", "state cannot be changed. The pull request is merged.")
            if pull and changes["state"] == "open" and self.branch_head(pull.head) is None:
                raise validation_failed(
                    "PullRequest", "state cannot be changed. The head branch was deleted."
                )
            if pull and changes["state"] == "open" and self.branch_head(pull.head) != pull.closed_head:
                raise validation_failed(  # as GitHub: a branch force-pushed while closed blocks reopening
                    "PullRequest", "state cannot be changed. The branch was force-pushed or recreated."
                )
            if pull and changes["state"] == "closed":
                pull.closed_head = self.branch_head(pull.head)
            issue.state = changes["state"]
            issue.closed_at = self.tick() if issue.state == "closed" else None
            issue.state_reason = changes.get("state_reason") or (
                "completed" if issue.state == "closed" else "reopened"
            )
        issue.updated_at = self.tick()

    def add_comment(self, number: int, body: str, user: str) -> int:
        self.issue(number)
        check_body_length("IssueComment", body)
        now = self.tick()
        comment = CommentRecord(self.new_id(), number, body, user, now, now)
        self.comments[comment.id] = comment
        return comment.id

    def edit_comment(self, comment_id: int, body: str) -> None:
        check_body_length("IssueComment", body)
        comment = self.comment(comment_id)
        comment.body, comment.updated_at = body, self.tick()

    def label(self, name: str) -> LabelRecord:
        """The repository's label of that name (case-insensitive), created on first use as GitHub does."""
        key = name.lower()
        if key not in self.labels:
            self.labels[key] = LabelRecord(self.new_id(), name)
        return self.labels[key]

    def add_labels(self, number: int, names: Iterable[str]) -> None:
        issue = self.issue(number)
        for name in names:
            label = self.label(name).name
            if label not in issue.labels:
                issue.labels.append(label)

    def remove_label(self, number: int, name: str) -> None:
        issue = self.issue(number)
        match = next((label for label in issue.labels if label.lower() == name.lower()), None)
        if match is None:
            raise not_found("Label does not exist")
        issue.labels.remove(match)

    # -- pull requests

    def create_pull(self, head: str, base: str, title: str | None, body: str | None, draft: bool) -> int:
        if self.deny_pulls:
            raise ApiError(403, "GitHub Actions is not permitted to create or approve pull requests.")
        owner, _, branch = head.rpartition(":")
        if owner and owner.lower() != self.owner.lower():
            raise validation_failed("PullRequest", field="head", code="invalid")
        if not title:
            raise validation_failed("PullRequest", field="title", code="missing_field")
        check_body_length("PullRequest", body)
        base_sha, head_sha = self.branch_head(base), self.branch_head(branch)
        if base_sha is None:
            raise validation_failed("PullRequest", field="base", code="invalid")
        if head_sha is None:
            raise validation_failed("PullRequest", field="head", code="invalid")
        for pull in self.pulls.values():
            if pull.head == branch and pull.base == base and self.issues[pull.number].state == "open":
                raise validation_failed(
                    "PullRequest", f"A pull request already exists for {self.owner}:{branch}."
                )
        if head_sha in self.store.ancestors(base_sha):
            raise validation_failed("PullRequest", f"No commits between {base} and {branch}")
        number = self.create_issue(title, body, [], self.bot_login)
        self.issues[number].is_pull = True
        self.pulls[number] = PullRecord(number, self.new_id(), branch, base, head_sha, base_sha, draft, True)
        return number

    def merge_pull(
        self,
        number: int,
        by: str,
        method: str = "merge",
        title: str | None = None,
        message: str | None = None,
        expected_sha: str | None = None,
    ) -> str:
        """Merge as GitHub does (raises MergeConflict on conflicting changes) and return the new commit."""
        pull, issue = self.pull(number), self.issue(number)
        if issue.state != "open":
            raise ApiError(405, "Pull Request is not mergeable")
        if expected_sha is not None and expected_sha != pull.head_sha:
            raise ApiError(409, "Head branch was modified. Review and try the merge again.")
        if method not in ("merge", "squash"):
            raise ApiError(422, f"merge_method {method!r} is not supported by the fake")
        base_sha = self.branch_head(pull.base)
        assert base_sha is not None, f"base branch {pull.base} is gone"
        tree = self.merge_trees(self.store.merge_base(base_sha, pull.head_sha), base_sha, pull.head_sha)
        if method == "merge":
            parents = [base_sha, pull.head_sha]
            summary = title or f"Merge pull request #{number} from {self.owner}/{pull.head}"
        else:
            parents = [base_sha]
            summary = title or f"{issue.title} (#{number})"
        full_message = f"{summary}\n\n{message if message is not None else issue.title}"
        now = self.tick()
        committer = Signature("GitHub", "noreply@github.com", now)
        sha = self.write_commit(
            tree, parents, full_message, self.identity(by, now), committer, CommitMeta(by, "web-flow", True)
        )
        pull.merged_at, pull.merge_commit_sha, pull.merged_by = now, sha, by
        issue.state, issue.closed_at, issue.updated_at = "closed", now, now  # before the ref: keeps base_sha
        self.set_ref(f"refs/heads/{pull.base}", sha)
        if pull.base == self.default_branch:  # "Closes #12" in the body closes issue 12
            for match in CLOSING_KEYWORDS.finditer(issue.body or ""):
                linked = self.issues.get(int(match.group(1)))
                if linked and not linked.is_pull and linked.state == "open":
                    linked.state, linked.state_reason, linked.closed_at = "closed", "completed", now
        return sha


def set_file(files: FileMap, path: str, value: tuple[str, str]) -> None:
    """Put a file at ``path``, replacing a directory there or files where its parent directories go."""
    for p in [p for p in files if p.startswith(path + "/")]:
        del files[p]
    parts = path.split("/")
    for i in range(1, len(parts)):
        files.pop("/".join(parts[:i]), None)
    files[path] = value


INVALID_REF = re.compile(r"[\x00-\x20~^:?*\[\\\x7f]|\.\.|@\{|//|/\.|\.lock(/|$)|[/.]$")


def validate_ref_name(ref: str) -> None:
    if not ref.startswith("refs/") or ref.count("/") < 2:
        raise ApiError(422, "Reference name must start with 'refs/' and have at least two slashes.")
    if INVALID_REF.search(ref):
        raise ApiError(422, f"{ref} is not a valid ref name.")


# --------------------------------------------------------------------------------------------------
# JSON views


class Views:
    """Renders repository state as the JSON GitHub's REST API returns."""

    def __init__(self, state: RepoState, api_url: str, html_url: str = "https://github.com") -> None:
        self.state = state
        self.root_url = api_url
        self.prefix = ""  # "/api/v3" while answering a request that used it: PyGithub checks URLs have it
        self.html = html_url
        self.repo_html = f"{html_url}/{state.owner}/{state.name}"

    @property
    def api(self) -> str:
        return self.root_url + self.prefix

    @property
    def repo_api(self) -> str:
        return f"{self.api}/repos/{self.state.owner}/{self.state.name}"

    def user(self, login: str) -> JsonDict:
        bot = login.endswith("[bot]")
        return {
            "login": login,
            "id": user_id(login),
            "node_id": node_id("U", login),
            "avatar_url": f"https://avatars.githubusercontent.com/u/{user_id(login)}?v=4",
            "url": f"{self.api}/users/{urllib.parse.quote(login)}",
            "html_url": f"{self.html}/apps/{login.removesuffix('[bot]')}" if bot else f"{self.html}/{login}",
            "type": "Bot" if bot else "User",
            "site_admin": False,
        }

    def repo(self) -> JsonDict:
        s = self.state
        return {
            "id": user_id(s.full_name),
            "node_id": node_id("R", s.full_name),
            "name": s.name,
            "full_name": s.full_name,
            "owner": self.user(s.owner),
            "private": False,
            "visibility": "public",
            "fork": False,
            "description": None,
            "html_url": self.repo_html,
            "url": self.repo_api,
            "clone_url": f"{self.repo_html}.git",
            "pulls_url": f"{self.repo_api}/pulls{{/number}}",
            "issues_url": f"{self.repo_api}/issues{{/number}}",
            "default_branch": s.default_branch,
            "permissions": {"admin": False, "maintain": False, "push": True, "triage": True, "pull": True},
            "allow_merge_commit": True,
            "allow_squash_merge": True,
            "allow_rebase_merge": False,
            "delete_branch_on_merge": False,
            "archived": False,
            "disabled": False,
            "created_at": iso(EPOCH),
            "updated_at": iso(EPOCH),
        }

    def ref(self, ref: str) -> JsonDict:
        sha = self.state.refs[ref]
        return {
            "ref": ref,
            "node_id": node_id("REF", ref),
            "url": f"{self.repo_api}/git/{urllib.parse.quote(ref)}",
            "object": {"sha": sha, "type": "commit", "url": f"{self.repo_api}/git/commits/{sha}"},
        }

    def verification(self, sha: str) -> JsonDict:
        if self.state.commit_meta[sha].verified:
            return {
                "verified": True,
                "reason": "valid",
                "signature": "-----BEGIN PGP SIGNATURE-----\n...",
                "payload": self.state.store.commit(sha).to_git().decode(),
                "verified_at": None,
            }
        return {
            "verified": False,
            "reason": "unsigned",
            "signature": None,
            "payload": None,
            "verified_at": None,
        }

    def git_commit(self, sha: str) -> JsonDict:
        commit = self.state.store.commit(sha)
        return {
            "sha": sha,
            "node_id": node_id("C", sha),
            "url": f"{self.repo_api}/git/commits/{sha}",
            "html_url": f"{self.repo_html}/commit/{sha}",
            "author": commit.author.to_json(),
            "committer": commit.committer.to_json(),
            "message": commit.message,
            "tree": {"sha": commit.tree, "url": f"{self.repo_api}/git/trees/{commit.tree}"},
            "parents": [self.parent(parent) for parent in commit.parents],
            "verification": self.verification(sha),
        }

    def parent(self, sha: str) -> JsonDict:
        return {
            "sha": sha,
            "url": f"{self.repo_api}/git/commits/{sha}",
            "html_url": f"{self.repo_html}/commit/{sha}",
        }

    def tree_entry(self, path: str, entry: TreeEntry) -> JsonDict:
        kind = entry.type
        item: JsonDict = {
            "path": path,
            "mode": "040000" if kind == "tree" else entry.mode,
            "type": kind,
            "sha": entry.sha,
        }
        if kind == "blob":
            item["size"] = len(self.state.store.blob(entry.sha))
        if kind != "commit":
            item["url"] = f"{self.repo_api}/git/{kind}s/{entry.sha}"
        return item

    def tree(self, sha: str, recursive: bool = False) -> JsonDict:
        store = self.state.store
        entries = store.walk(sha) if recursive else ((e.name, e) for e in store.tree(sha))
        return {
            "sha": sha,
            "url": f"{self.repo_api}/git/trees/{sha}",
            "tree": [self.tree_entry(path, entry) for path, entry in entries],
            "truncated": False,
        }

    def blob(self, sha: str) -> JsonDict:
        data = self.state.store.blob(sha)
        return {
            "sha": sha,
            "node_id": node_id("B", sha),
            "size": len(data),
            "url": f"{self.repo_api}/git/blobs/{sha}",
            "content": wrapped_base64(data),
            "encoding": "base64",
        }

    def content_item(self, path: str, entry: TreeEntry, ref: str, with_content: bool) -> JsonDict:
        kind = {"tree": "dir", "commit": "submodule"}.get(entry.type, "file")
        quoted = urllib.parse.quote(path)
        url = f"{self.repo_api}/contents/{quoted}?ref={urllib.parse.quote(ref)}"
        git_url = f"{self.repo_api}/git/{'trees' if kind == 'dir' else 'blobs'}/{entry.sha}"
        html_url = f"{self.repo_html}/{'tree' if kind == 'dir' else 'blob'}/{ref}/{quoted}"
        item: JsonDict = {
            "type": kind,
            "name": path.rsplit("/", 1)[-1],
            "path": path,
            "sha": entry.sha,
            "size": len(self.state.store.blob(entry.sha)) if kind == "file" else 0,
            "url": url,
            "html_url": html_url,
            "git_url": git_url,
            "download_url": None
            if kind == "dir"
            else f"https://raw.githubusercontent.com/{self.state.full_name}/{ref}/{quoted}",
            "_links": {"self": url, "git": git_url, "html": html_url},
        }
        if with_content and kind == "file":
            item["content"] = wrapped_base64(self.state.store.blob(entry.sha))
            item["encoding"] = "base64"
        return item

    def contents(self, path: str, ref: str | None) -> JsonDict | list[JsonDict]:
        ref = ref or self.state.default_branch
        commit = self.state.resolve(ref)
        if commit is None:
            raise not_found(f"No commit found for the ref {ref}")
        path = path.strip("/")
        entry = self.state.store.lookup(self.state.store.commit(commit).tree, path)
        if entry is None:
            raise not_found()
        if entry.type == "tree":
            prefix = path + "/" if path else ""
            return [
                self.content_item(prefix + e.name, e, ref, False) for e in self.state.store.tree(entry.sha)
            ]
        return self.content_item(path, entry, ref, True)

    def label(self, name: str) -> JsonDict:
        label = self.state.label(name)
        return {
            "id": label.id,
            "node_id": node_id("LA", label.id),
            "url": f"{self.repo_api}/labels/{urllib.parse.quote(label.name)}",
            "name": label.name,
            "color": label.color,
            "default": False,
            "description": label.description,
        }

    def issue(self, number: int) -> JsonDict:
        issue = self.state.issue(number)
        url = f"{self.repo_api}/issues/{number}"
        data: JsonDict = {
            "url": url,
            "repository_url": self.repo_api,
            "labels_url": f"{url}/labels{{/name}}",
            "comments_url": f"{url}/comments",
            "events_url": f"{url}/events",
            "html_url": f"{self.repo_html}/{'pull' if issue.is_pull else 'issues'}/{number}",
            "id": issue.id,
            "node_id": node_id("PR" if issue.is_pull else "I", issue.id),
            "number": number,
            "title": issue.title,
            "user": self.user(issue.user),
            "labels": [self.label(name) for name in issue.labels],
            "state": issue.state,
            "state_reason": issue.state_reason,
            "locked": False,
            "assignee": None,
            "assignees": [],
            "milestone": None,
            "comments": sum(1 for c in self.state.comments.values() if c.issue == number),
            "created_at": iso(issue.created_at),
            "updated_at": iso(issue.updated_at),
            "closed_at": iso(issue.closed_at) if issue.closed_at else None,
            "author_association": self.state.author_association(issue.user),
            "active_lock_reason": None,
            "body": issue.body,
        }
        if issue.is_pull:
            merged_at = self.state.pulls[number].merged_at
            data["pull_request"] = {
                "url": f"{self.repo_api}/pulls/{number}",
                "html_url": data["html_url"],
                "diff_url": f"{data['html_url']}.diff",
                "patch_url": f"{data['html_url']}.patch",
                "merged_at": iso(merged_at) if merged_at else None,
            }
        return data

    def comment(self, comment_id: int) -> JsonDict:
        comment = self.state.comment(comment_id)
        prefix = "pull" if self.state.issues[comment.issue].is_pull else "issues"
        return {
            "id": comment.id,
            "node_id": node_id("IC", comment.id),
            "url": f"{self.repo_api}/issues/comments/{comment.id}",
            "html_url": f"{self.repo_html}/{prefix}/{comment.issue}#issuecomment-{comment.id}",
            "issue_url": f"{self.repo_api}/issues/{comment.issue}",
            "body": comment.body,
            "user": self.user(comment.user),
            "created_at": iso(comment.created_at),
            "updated_at": iso(comment.updated_at),
            "author_association": self.state.author_association(comment.user),
        }

    def pull_part(self, branch: str, sha: str) -> JsonDict:
        s = self.state
        return {
            "label": f"{s.owner}:{branch}",
            "ref": branch,
            "sha": sha,
            "user": self.user(s.owner),
            "repo": self.repo(),
        }

    def pull(self, number: int, full: bool = True) -> JsonDict:
        """A pull request; list items (``full=False``) lack the merge and diff fields, as on GitHub."""
        s, pull, issue = self.state, self.state.pull(number), self.issue(number)
        url = f"{self.repo_api}/pulls/{number}"
        data: JsonDict = {
            "url": url,
            "id": pull.id,
            "node_id": node_id("PR", pull.id),
            "html_url": issue["html_url"],
            "diff_url": f"{issue['html_url']}.diff",
            "patch_url": f"{issue['html_url']}.patch",
            "issue_url": issue["url"],
            "commits_url": f"{url}/commits",
            "review_comments_url": f"{url}/comments",
            "review_comment_url": f"{self.repo_api}/pulls/comments{{/number}}",
            "comments_url": issue["comments_url"],
            "statuses_url": f"{self.repo_api}/statuses/{pull.head_sha}",
            "number": number,
            "state": issue["state"],
            "locked": False,
            "title": issue["title"],
            "user": issue["user"],
            "body": issue["body"],
            "labels": issue["labels"],
            "milestone": None,
            "active_lock_reason": None,
            "created_at": issue["created_at"],
            "updated_at": issue["updated_at"],
            "closed_at": issue["closed_at"],
            "merged_at": iso(pull.merged_at) if pull.merged_at else None,
            "merge_commit_sha": pull.merge_commit_sha,
            "assignee": None,
            "assignees": [],
            "requested_reviewers": [],
            "requested_teams": [],
            "head": self.pull_part(pull.head, pull.head_sha),
            "base": self.pull_part(pull.base, pull.base_sha),
            "author_association": issue["author_association"],
            "auto_merge": None,
            "draft": pull.draft,
        }
        if not full:
            return data
        mergeable: bool | None = None
        if issue["state"] == "open":
            try:
                base = s.store.merge_base(pull.base_sha, pull.head_sha)
                s.merge_trees(base, pull.base_sha, pull.head_sha)
                mergeable = True
            except MergeConflict:
                mergeable = False
        files = self.pull_files(number)
        data.update(
            merged=pull.merged_at is not None,
            mergeable=mergeable,
            rebaseable=mergeable,
            mergeable_state={True: "clean", False: "dirty", None: "unknown"}[mergeable],
            merged_by=self.user(pull.merged_by) if pull.merged_by else None,
            comments=issue["comments"],
            review_comments=0,
            maintainer_can_modify=pull.maintainer_can_modify,
            commits=len(self.pull_commit_shas(number)),
            additions=sum(f["additions"] for f in files),
            deletions=sum(f["deletions"] for f in files),
            changed_files=len(files),
        )
        return data

    def pull_commit_shas(self, number: int) -> list[str]:
        pull, store = self.state.pull(number), self.state.store
        base = (
            pull.base_sha if pull.merged_at is None else store.commit(pull.merge_commit_sha or "").parents[0]
        )
        shas = store.ancestors(pull.head_sha) - store.ancestors(base)
        return sorted(shas, key=lambda sha: (store.commit(sha).committer.timestamp, sha))

    def pull_files(self, number: int) -> list[JsonDict]:
        pull, store = self.state.pull(number), self.state.store
        commits = self.pull_commit_shas(number)
        if not commits:
            return []
        base = store.merge_base(pull.base_sha, pull.head_sha)
        return self.file_changes(base, pull.head_sha)

    def file_changes(self, old_commit: str | None, new_commit: str) -> list[JsonDict]:
        s = self.state
        old, new = s.tree_of(old_commit), s.tree_of(new_commit)
        result = []
        for path, status in diff_files(old, new):
            before = s.store.blob(old[path][1]).decode(errors="replace").splitlines() if path in old else []
            after = s.store.blob(new[path][1]).decode(errors="replace").splitlines() if path in new else []
            patch = list(difflib.unified_diff(before, after, lineterm="", n=3))[2:]
            additions = sum(1 for line in patch if line.startswith("+"))
            deletions = sum(1 for line in patch if line.startswith("-"))
            sha = new[path][1] if path in new else old[path][1]
            result.append(
                {
                    "sha": sha,
                    "filename": path,
                    "status": status,
                    "additions": additions,
                    "deletions": deletions,
                    "changes": additions + deletions,
                    "patch": "\n".join(patch),
                    "blob_url": f"{self.repo_html}/blob/{new_commit}/{urllib.parse.quote(path)}",
                    "raw_url": f"{self.repo_html}/raw/{new_commit}/{urllib.parse.quote(path)}",
                    "contents_url": f"{self.repo_api}/contents/{urllib.parse.quote(path)}?ref={new_commit}",
                }
            )
        return result

    def commit(self, sha: str, with_files: bool = False) -> JsonDict:
        """The REST ``commit`` (GET /commits/{ref}), which adds GitHub users to the git commit."""
        git, meta = self.git_commit(sha), self.state.commit_meta[sha]
        data: JsonDict = {
            "sha": sha,
            "node_id": git["node_id"],
            "url": f"{self.repo_api}/commits/{sha}",
            "html_url": git["html_url"],
            "comments_url": f"{self.repo_api}/commits/{sha}/comments",
            "commit": {key: git[key] for key in ("author", "committer", "message", "tree", "verification")}
            | {"url": git["url"], "comment_count": 0},
            "author": self.user(meta.author_login) if meta.author_login else None,
            "committer": self.user(meta.committer_login) if meta.committer_login else None,
            "parents": [
                {"sha": p, "url": f"{self.repo_api}/commits/{p}", "html_url": f"{self.repo_html}/commit/{p}"}
                for p in self.state.store.commit(sha).parents
            ],
        }
        if with_files:
            parents = self.state.store.commit(sha).parents
            data["files"] = self.file_changes(parents[0] if parents else None, sha)
            additions = sum(f["additions"] for f in data["files"])
            deletions = sum(f["deletions"] for f in data["files"])
            data["stats"] = {"additions": additions, "deletions": deletions, "total": additions + deletions}
        return data

    def branch(self, name: str) -> JsonDict:
        sha = self.state.branch_head(name)
        if sha is None:
            raise not_found("Branch not found")
        return {
            "name": name,
            "commit": self.commit(sha),
            "_links": {"self": f"{self.repo_api}/branches/{name}", "html": f"{self.repo_html}/tree/{name}"},
            "protected": False,
            "protection": {
                "enabled": False,
                "required_status_checks": {"enforcement_level": "off", "contexts": []},
            },
            "protection_url": f"{self.repo_api}/branches/{name}/protection",
        }

    def push_commit(self, sha: str) -> JsonDict:
        """A commit as listed in a ``push`` webhook payload."""
        commit, meta = self.state.store.commit(sha), self.state.commit_meta[sha]
        parent = commit.parents[0] if commit.parents else None
        changes = diff_files(self.state.tree_of(parent), self.state.tree_of(sha))
        return {
            "id": sha,
            "tree_id": commit.tree,
            "distinct": True,
            "message": commit.message,
            "timestamp": iso(commit.committer.timestamp),
            "url": f"{self.repo_html}/commit/{sha}",
            "author": {
                "name": commit.author.name,
                "email": commit.author.email,
                "username": meta.author_login,
            },
            "committer": {
                "name": commit.committer.name,
                "email": commit.committer.email,
                "username": meta.committer_login,
            },
            "added": [path for path, status in changes if status == "added"],
            "removed": [path for path, status in changes if status == "removed"],
            "modified": [path for path, status in changes if status == "modified"],
        }


# --------------------------------------------------------------------------------------------------
# routing


@dataclass
class Call:
    """A request as handlers see it: path parameters are already percent-decoded."""

    method: str
    path: str  # decoded, without the optional /api/v3 prefix
    raw_path: str  # as sent (percent-encoded), without the prefix
    query: dict[str, str]
    body: Any
    params: dict[str, str] = field(default_factory=dict)

    def json(self) -> JsonDict:
        if not isinstance(self.body, dict):
            raise ApiError(400, "Problems parsing JSON")
        return self.body

    def arg(
        self, name: str, kind: type[Any] | tuple[type[Any], ...], required: bool = True, default: Any = None
    ) -> Any:
        body = self.json()
        if name not in body or body[name] is None:
            if required:
                raise ApiError(422, f'Invalid request.\n\n"{name}" wasn\'t supplied.')
            return default
        if not isinstance(body[name], kind) or (kind is int and isinstance(body[name], bool)):
            raise ApiError(
                422, f"Invalid request.\n\nFor 'properties/{name}', {body[name]!r} is not of the right type."
            )
        return body[name]

    def int_param(self, name: str) -> int:
        try:
            return int(self.params[name])
        except ValueError:
            raise not_found() from None


@dataclass
class Reply:
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


Handler = Callable[[Call], Reply]


@dataclass(frozen=True)
class Route:
    method: str
    template: str  # e.g. "/repos/{owner}/{repo}/git/refs/{ref+}", also the route's name in recordings
    pattern: re.Pattern[str]
    handler: Handler


def compile_template(template: str) -> re.Pattern[str]:
    """``{name}`` matches one path segment, ``{name+}`` one or more, ``{name*}`` zero or more."""
    parts = re.split(r"\{(\w+)([+*]?)\}", template)
    regex = ""
    for i, part in enumerate(parts):
        if i % 3 == 0:
            regex += re.escape(part)
        elif i % 3 == 1:
            regex += f"(?P<{part}>"
        else:
            regex += {"": "[^/]+)", "+": ".+)", "*": ".*)"}[part]
    return re.compile(regex)


class Router:
    """Maps method and path to handlers acting on a RepoState and rendering with Views."""

    def __init__(self, state: RepoState, views: Views) -> None:
        self.state = state
        self.views = views
        self.routes: list[Route] = []
        add = self.add
        add("GET", "/", self.root)
        add("GET", "/rate_limit", self.rate_limit)
        add("GET", "/user", self.authenticated_user)
        repo = "/repos/{owner}/{repo}"
        add("GET", repo, self.get_repo)
        add("GET", repo + "/git/ref/{ref+}", self.get_ref)
        add("GET", repo + "/git/refs/{ref+}", self.get_ref)
        add("GET", repo + "/git/matching-refs/{ref*}", self.matching_refs)
        add("POST", repo + "/git/refs", self.create_ref)
        add("PATCH", repo + "/git/refs/{ref+}", self.update_ref)
        add("DELETE", repo + "/git/refs/{ref+}", self.delete_ref)
        add("GET", repo + "/git/commits/{sha}", self.get_git_commit)
        add("POST", repo + "/git/commits", self.create_commit)
        add("GET", repo + "/git/trees/{sha+}", self.get_tree)
        add("POST", repo + "/git/trees", self.create_tree)
        add("GET", repo + "/git/blobs/{sha}", self.get_blob)
        add("POST", repo + "/git/blobs", self.create_blob)
        add("GET", repo + "/contents", self.get_contents)
        add("GET", repo + "/contents/{path+}", self.get_contents)
        add("GET", repo + "/branches/{branch+}", self.get_branch)
        add("GET", repo + "/commits", self.list_commits)
        add("GET", repo + "/commits/{ref+}", self.get_commit)
        add("GET", repo + "/compare/{basehead+}", self.compare)
        add("GET", repo + "/pulls", self.list_pulls)
        add("POST", repo + "/pulls", self.create_pull)
        add("GET", repo + "/pulls/{number}", self.get_pull)
        add("PATCH", repo + "/pulls/{number}", self.update_pull)
        add("GET", repo + "/pulls/{number}/merge", self.is_merged)
        add("PUT", repo + "/pulls/{number}/merge", self.merge_pull)
        add("GET", repo + "/pulls/{number}/commits", self.pull_commits)
        add("GET", repo + "/pulls/{number}/files", self.pull_files)
        add("GET", repo + "/issues", self.list_issues)
        add("GET", repo + "/issues/comments/{id}", self.get_comment)
        add("PATCH", repo + "/issues/comments/{id}", self.update_comment)
        add("DELETE", repo + "/issues/comments/{id}", self.delete_comment)
        add("GET", repo + "/issues/{number}", self.get_issue)
        add("PATCH", repo + "/issues/{number}", self.update_issue)
        add("GET", repo + "/issues/{number}/comments", self.list_comments)
        add("POST", repo + "/issues/{number}/comments", self.create_comment)
        add("GET", repo + "/issues/{number}/labels", self.list_issue_labels)
        add("POST", repo + "/issues/{number}/labels", self.add_labels)
        add("PUT", repo + "/issues/{number}/labels", self.set_labels)
        add("DELETE", repo + "/issues/{number}/labels", self.clear_labels)
        add("DELETE", repo + "/issues/{number}/labels/{name+}", self.remove_label)
        add("GET", repo + "/labels", self.list_labels)
        add("POST", repo + "/labels", self.create_label)
        add("GET", repo + "/labels/{name+}", self.get_label)

    def add(self, method: str, template: str, handler: Handler) -> None:
        self.routes.append(Route(method, template, compile_template(template), handler))

    def dispatch(self, call: Call) -> tuple[str | None, Reply]:
        """The matched route's template (None if no route matched) and the reply."""
        for route in self.routes:
            match = route.pattern.fullmatch(call.raw_path)
            if route.method != call.method or match is None:
                continue
            call.params = {key: urllib.parse.unquote(value) for key, value in match.groupdict().items()}
            if "owner" in call.params and (call.params["owner"].lower(), call.params["repo"].lower()) != (
                self.state.owner.lower(),
                self.state.name.lower(),
            ):
                return route.template, Reply(404, not_found().body())
            try:
                return route.template, route.handler(call)
            except ApiError as error:
                return route.template, Reply(error.status, error.body())
            except MergeConflict:
                return route.template, Reply(405, ApiError(405, "Pull Request is not mergeable").body())
            except GitError as error:
                return route.template, Reply(422, ApiError(422, str(error)).body())
        return None, Reply(404, not_found().body())

    def paginate(self, call: Call, items: list[Any]) -> Reply:
        """One page of ``items`` with the Link header PyGithub follows (``per_page`` default 30, max 100)."""
        try:
            per_page = min(max(int(call.query.get("per_page", 30)), 1), 100)
            page = max(int(call.query.get("page", 1)), 1)
        except ValueError:
            raise ApiError(400, "Invalid pagination parameters") from None
        last = max(math.ceil(len(items) / per_page), 1)

        def link(number: int, rel: str) -> str:
            query = urllib.parse.urlencode({**call.query, "page": number})
            return f'<{self.views.api}{call.raw_path}?{query}>; rel="{rel}"'

        links = []
        if page > 1:
            links += [link(page - 1, "prev"), link(1, "first")]
        if page < last:
            links += [link(page + 1, "next"), link(last, "last")]
        headers = {"Link": ", ".join(links)} if links else {}
        return Reply(200, items[(page - 1) * per_page : page * per_page], headers)

    # -- misc

    def root(self, call: Call) -> Reply:
        api = self.views.api
        return Reply(
            200,
            {
                "current_user_url": f"{api}/user",
                "rate_limit_url": f"{api}/rate_limit",
                "repository_url": f"{api}/repos/{{owner}}/{{repo}}",
            },
        )

    def rate_limit(self, call: Call) -> Reply:
        rate = {"limit": RATE_LIMIT, "remaining": RATE_LIMIT, "reset": int(time.time()) + 3600, "used": 0}
        resources = {name: dict(rate, resource=name) for name in ("core", "search", "graphql")}
        return Reply(200, {"resources": resources, "rate": rate})

    def authenticated_user(self, call: Call) -> Reply:
        # what GitHub answers for an Actions GITHUB_TOKEN (an installation token, not a user)
        return Reply(403, ApiError(403, "Resource not accessible by integration").body())

    def get_repo(self, call: Call) -> Reply:
        return Reply(200, self.views.repo())

    # -- git data

    def get_ref(self, call: Call) -> Reply:
        ref = "refs/" + call.params["ref"]
        if ref not in self.state.refs:
            raise not_found()
        return Reply(200, self.views.ref(ref))

    def matching_refs(self, call: Call) -> Reply:
        prefix = "refs/" + call.params["ref"]
        return self.paginate(
            call, [self.views.ref(ref) for ref in sorted(self.state.refs) if ref.startswith(prefix)]
        )

    def create_ref(self, call: Call) -> Reply:
        ref = call.arg("ref", str)
        self.state.create_ref(ref, call.arg("sha", str))
        return Reply(201, self.views.ref(ref))

    def update_ref(self, call: Call) -> Reply:
        ref = "refs/" + call.params["ref"]
        self.state.update_ref(ref, call.arg("sha", str), bool(call.arg("force", bool, False, False)))
        return Reply(200, self.views.ref(ref))

    def delete_ref(self, call: Call) -> Reply:
        self.state.delete_ref("refs/" + call.params["ref"])
        return Reply(204)

    def get_git_commit(self, call: Call) -> Reply:
        if self.state.store.kind(call.params["sha"]) != "commit":
            raise not_found()
        return Reply(200, self.views.git_commit(call.params["sha"]))

    def signature(self, call: Call, name: str) -> Signature | None:
        given = call.arg(name, dict, required=False)
        if given is None:
            return None
        if not isinstance(given.get("name"), str) or not isinstance(given.get("email"), str):
            raise ApiError(422, f"Invalid request.\n\n{name} needs a name and an email.")
        timestamp = parse_iso(given["date"]) if given.get("date") else self.state.tick()
        return Signature(given["name"], given["email"], timestamp)

    def create_commit(self, call: Call) -> Reply:
        s = self.state
        message, tree = call.arg("message", str), call.arg("tree", str)
        parents = call.arg("parents", list, required=False, default=[])
        if s.store.kind(tree) != "tree":
            raise ApiError(422, "Tree SHA does not exist")
        for parent in parents:
            if not isinstance(parent, str) or s.store.kind(parent) != "commit":
                raise ApiError(422, "Parent SHA does not exist or is not a commit object")
        bot = s.identity(s.bot_login)
        author = self.signature(call, "author") or bot
        committer = self.signature(call, "committer") or author
        sha = s.write_commit(
            tree, parents, message, author, committer, CommitMeta(s.bot_login, s.bot_login, True)
        )
        return Reply(201, self.views.git_commit(sha))

    def get_tree(self, call: Call) -> Reply:
        s, sha = self.state, call.params["sha"]
        if s.store.kind(sha) != "tree":
            commit = s.resolve(sha)
            if commit is None:
                raise not_found()
            sha = s.store.commit(commit).tree
        return Reply(200, self.views.tree(sha, recursive="recursive" in call.query))

    def create_tree(self, call: Call) -> Reply:
        changes = call.arg("tree", list)
        if not all(isinstance(change, dict) for change in changes):
            raise ApiError(422, "Invalid request.\n\ntree entries must be objects.")
        sha = self.state.apply_tree_changes(call.arg("base_tree", str, required=False), changes)
        return Reply(201, self.views.tree(sha))

    def get_blob(self, call: Call) -> Reply:
        if self.state.store.kind(call.params["sha"]) != "blob":
            raise not_found()
        return Reply(200, self.views.blob(call.params["sha"]))

    def create_blob(self, call: Call) -> Reply:
        content = call.arg("content", str)
        encoding = call.arg("encoding", str, required=False, default="utf-8")
        if encoding not in ("utf-8", "base64"):
            raise ApiError(422, f"encoding {encoding!r} is not supported")
        data = base64.b64decode(content) if encoding == "base64" else content.encode()
        sha = self.state.store.put_blob(data)
        return Reply(201, {"url": f"{self.views.repo_api}/git/blobs/{sha}", "sha": sha})

    def get_contents(self, call: Call) -> Reply:
        return Reply(200, self.views.contents(call.params.get("path", ""), call.query.get("ref")))

    def get_branch(self, call: Call) -> Reply:
        return Reply(200, self.views.branch(call.params["branch"]))

    def resolve(self, ref: str) -> str:
        sha = self.state.resolve(ref)
        if sha is None:
            raise ApiError(422, f"No commit found for SHA: {ref}")
        return sha

    def list_commits(self, call: Call) -> Reply:
        store = self.state.store
        head = self.resolve(call.query.get("sha") or self.state.default_branch)
        shas = sorted(
            store.ancestors(head), key=lambda sha: (store.commit(sha).committer.timestamp, sha), reverse=True
        )
        if "path" in call.query:
            path = call.query["path"].strip("/")
            shas = [sha for sha in shas if self.touches(sha, path)]
        return self.paginate(call, [self.views.commit(sha) for sha in shas])

    def touches(self, sha: str, path: str) -> bool:
        store = self.state.store
        commit = store.commit(sha)
        parent_tree = store.commit(commit.parents[0]).tree if commit.parents else None
        new = store.lookup(commit.tree, path)
        old = store.lookup(parent_tree, path) if parent_tree else None
        return new != old

    def get_commit(self, call: Call) -> Reply:
        return Reply(200, self.views.commit(self.resolve(call.params["ref"]), with_files=True))

    def compare(self, call: Call) -> Reply:
        store = self.state.store
        base_ref, dots, head_ref = call.params["basehead"].partition("...")
        if not dots:
            raise not_found()
        base, head = self.resolve(base_ref), self.resolve(head_ref)
        ahead = store.ancestors(head) - store.ancestors(base)
        behind = store.ancestors(base) - store.ancestors(head)
        status = (
            "identical" if base == head else "behind" if not ahead else "ahead" if not behind else "diverged"
        )
        merge_base = store.merge_base(base, head)
        commits = sorted(ahead, key=lambda sha: (store.commit(sha).committer.timestamp, sha))
        return Reply(
            200,
            {
                "url": f"{self.views.repo_api}/compare/{call.params['basehead']}",
                "html_url": f"{self.views.repo_html}/compare/{call.params['basehead']}",
                "status": status,
                "ahead_by": len(ahead),
                "behind_by": len(behind),
                "total_commits": len(ahead),
                "base_commit": self.views.commit(base),
                "merge_base_commit": self.views.commit(merge_base) if merge_base else None,
                "commits": [self.views.commit(sha) for sha in commits],
                "files": self.views.file_changes(merge_base, head),
            },
        )

    # -- pull requests

    def list_pulls(self, call: Call) -> Reply:
        state = call.query.get("state", "open")
        head = call.query.get("head")
        base = call.query.get("base")
        items = []
        for number in sorted(self.state.pulls, reverse=True):  # newest first, as GitHub sorts by default
            pull, issue = self.state.pulls[number], self.state.issues[number]
            if state != "all" and issue.state != state:
                continue
            if head is not None and f"{self.state.owner}:{pull.head}".lower() != head.lower():
                continue
            if base is not None and pull.base != base:
                continue
            items.append(self.views.pull(number, full=False))
        return self.paginate(call, items)

    def create_pull(self, call: Call) -> Reply:
        number = self.state.create_pull(
            call.arg("head", str),
            call.arg("base", str),
            call.arg("title", str, required=False),
            call.arg("body", str, required=False),
            bool(call.arg("draft", bool, required=False, default=False)),
        )
        self.state.pulls[number].maintainer_can_modify = call.arg("maintainer_can_modify", bool, False, True)
        return Reply(201, self.views.pull(number))

    def get_pull(self, call: Call) -> Reply:
        return Reply(200, self.views.pull(call.int_param("number")))

    def update_pull(self, call: Call) -> Reply:
        number = call.int_param("number")
        pull = self.state.pull(number)
        body = call.json()
        if "base" in body:
            if self.state.branch_head(str(body["base"])) is None:
                raise validation_failed("PullRequest", field="base", code="invalid")
            pull.base = str(body["base"])
            pull.base_sha = self.state.branch_head(pull.base) or pull.base_sha
        if "maintainer_can_modify" in body:
            pull.maintainer_can_modify = bool(body["maintainer_can_modify"])
        self.state.edit_issue(number, {k: v for k, v in body.items() if k in ("title", "body", "state")})
        return Reply(200, self.views.pull(number))

    def is_merged(self, call: Call) -> Reply:
        merged = self.state.pull(call.int_param("number")).merged_at is not None
        return Reply(204) if merged else Reply(404, not_found().body())

    def merge_pull(self, call: Call) -> Reply:
        body = call.body if isinstance(call.body, dict) else {}
        sha = self.state.merge_pull(
            call.int_param("number"),
            by=self.state.bot_login,
            method=str(body.get("merge_method", "merge")),
            title=body.get("commit_title"),
            message=body.get("commit_message"),
            expected_sha=body.get("sha"),
        )
        return Reply(200, {"sha": sha, "merged": True, "message": "Pull Request successfully merged"})

    def pull_commits(self, call: Call) -> Reply:
        number = call.int_param("number")
        return self.paginate(call, [self.views.commit(sha) for sha in self.views.pull_commit_shas(number)])

    def pull_files(self, call: Call) -> Reply:
        return self.paginate(call, self.views.pull_files(call.int_param("number")))

    # -- issues, comments, labels

    def list_issues(self, call: Call) -> Reply:
        state = call.query.get("state", "open")
        wanted = {name.lower() for name in call.query.get("labels", "").split(",") if name}
        items = []
        for number in sorted(self.state.issues, reverse=True):
            issue = self.state.issues[number]
            if (state == "all" or issue.state == state) and wanted <= {
                label.lower() for label in issue.labels
            }:
                items.append(self.views.issue(number))
        return self.paginate(call, items)

    def get_issue(self, call: Call) -> Reply:
        return Reply(200, self.views.issue(call.int_param("number")))

    def update_issue(self, call: Call) -> Reply:
        number = call.int_param("number")
        self.state.edit_issue(number, call.json())
        return Reply(200, self.views.issue(number))

    def list_comments(self, call: Call) -> Reply:
        number = call.int_param("number")
        self.state.issue(number)
        ids = sorted(c.id for c in self.state.comments.values() if c.issue == number)
        return self.paginate(call, [self.views.comment(comment_id) for comment_id in ids])

    def create_comment(self, call: Call) -> Reply:
        comment_id = self.state.add_comment(
            call.int_param("number"), call.arg("body", str), self.state.bot_login
        )
        return Reply(201, self.views.comment(comment_id))

    def get_comment(self, call: Call) -> Reply:
        return Reply(200, self.views.comment(call.int_param("id")))

    def update_comment(self, call: Call) -> Reply:
        comment_id = call.int_param("id")
        self.state.edit_comment(comment_id, call.arg("body", str))
        return Reply(200, self.views.comment(comment_id))

    def delete_comment(self, call: Call) -> Reply:
        del self.state.comments[self.state.comment(call.int_param("id")).id]
        return Reply(204)

    def label_names(self, call: Call) -> list[str]:
        body = call.body.get("labels") if isinstance(call.body, dict) else call.body
        if not isinstance(body, list):
            raise ApiError(422, 'Invalid request.\n\n"labels" wasn\'t supplied.')
        return [label if isinstance(label, str) else str(label.get("name")) for label in body]

    def issue_labels(self, number: int) -> list[JsonDict]:
        return [self.views.label(name) for name in self.state.issue(number).labels]

    def list_issue_labels(self, call: Call) -> Reply:
        return self.paginate(call, self.issue_labels(call.int_param("number")))

    def add_labels(self, call: Call) -> Reply:
        number = call.int_param("number")
        self.state.add_labels(number, self.label_names(call))
        return Reply(200, self.issue_labels(number))

    def set_labels(self, call: Call) -> Reply:
        number = call.int_param("number")
        self.state.edit_issue(number, {"labels": self.label_names(call)})
        return Reply(200, self.issue_labels(number))

    def clear_labels(self, call: Call) -> Reply:
        self.state.edit_issue(call.int_param("number"), {"labels": []})
        return Reply(204)

    def remove_label(self, call: Call) -> Reply:
        number = call.int_param("number")
        self.state.remove_label(number, call.params["name"])
        return Reply(200, self.issue_labels(number))

    def list_labels(self, call: Call) -> Reply:
        return self.paginate(call, [self.views.label(label.name) for label in self.state.labels.values()])

    def create_label(self, call: Call) -> Reply:
        name = call.arg("name", str)
        if name.lower() in self.state.labels:
            raise validation_failed("Label", field="name", code="already_exists")
        label = self.state.label(name)
        label.color = call.arg("color", str, required=False, default="ededed").lstrip("#")
        label.description = call.arg("description", str, required=False)
        return Reply(201, self.views.label(name))

    def get_label(self, call: Call) -> Reply:
        if call.params["name"].lower() not in self.state.labels:
            raise not_found()
        return Reply(200, self.views.label(call.params["name"]))


# --------------------------------------------------------------------------------------------------
# the server


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str  # percent-decoded, without query and without the optional /api/v3 prefix
    query: dict[str, str]
    json: Any  # the parsed JSON body, or None
    status: int
    route: str | None  # the matched route template, None for unknown routes
    headers: dict[str, str]


@dataclass
class Fault:
    method: str
    pattern: re.Pattern[str]
    times: int
    status: int = 0
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = None
    delay: float = 0.0
    after_apply: bool = False

    def matches(self, method: str, path: str) -> bool:
        return self.times > 0 and self.method == method.upper() and self.pattern.search(path) is not None


class FaultInjector:
    """Scripted failures and delays, consumed by the requests they match."""

    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self._lock = threading.Lock()

    def add(self, fault: Fault) -> None:
        with self._lock:
            self._faults.append(fault)

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def _take(self, accept: Callable[[Fault], bool]) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                if accept(fault):
                    fault.times -= 1
                    return fault
        return None

    def take_delay(self, method: str, path: str) -> float:
        fault = self._take(lambda f: f.delay > 0 and f.matches(method, path))
        return fault.delay if fault else 0.0

    def take_failure(self, method: str, path: str, after_apply: bool) -> Reply | None:
        fault = self._take(
            lambda f: f.status > 0 and f.after_apply == after_apply and f.matches(method, path)
        )
        if fault is None:
            return None
        body = (
            fault.body
            if fault.body is not None
            else ApiError(fault.status, HTTPStatus(fault.status).phrase).body()
        )
        return Reply(fault.status, body, dict(fault.headers))


class _RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes: avoid 40 ms delayed-ACK stalls
    server: _Server

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        headers = {key.lower(): value for key, value in self.headers.items()}
        status, reply_headers, payload = self.server.fake.handle(self.command, self.path, headers, raw)
        try:
            self.send_response(status)
            for key, value in reply_headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout test)
            self.close_connection = True

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _serve

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, fake: FakeGitHub) -> None:
        super().__init__(("127.0.0.1", 0), _RequestHandler)
        self.fake = fake


class FakeGitHub:
    """A GitHub REST API for one repository on 127.0.0.1 (a context manager; bound on construction).

    Pass ``url`` as PyGithub's ``base_url`` (or GITHUB_API_URL); an ``/api/v3`` prefix is accepted too.
    Requests need ``Authorization: token <token>`` or ``Bearer <token>``.
    """

    def __init__(
        self,
        owner: str = "octo",
        repo: str = "leaderboard",
        default_branch: str = "main",
        token: str = "test-token",
        bot_login: str = "github-actions[bot]",
    ) -> None:
        self.token = token
        self.bot_login = bot_login
        self.requests: list[RecordedRequest] = []
        self.state = RepoState(owner, repo, default_branch, bot_login)
        self._server = _Server(self)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self.views = Views(self.state, self.url)
        self.router = Router(self.state, self.views)
        self.faults = FaultInjector()
        self._lock = threading.RLock()
        self._thread: threading.Thread | None = None
        self._rate_reset = int(time.time()) + 3600

    # -- lifecycle

    def start(self) -> Self:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._server.serve_forever,
                kwargs={"poll_interval": 0.02},
                name="fake-github",
                daemon=True,
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join()
            self._thread = None
        self._server.server_close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # -- HTTP

    def handle(
        self, method: str, target: str, headers: Mapping[str, str], raw: bytes
    ) -> tuple[int, dict[str, str], bytes]:
        """Answer one request: (status, headers, body bytes). Called from the server's threads."""
        split = urllib.parse.urlsplit(target)
        prefix = "/api/v3" if split.path.startswith("/api/v3/") or split.path == "/api/v3" else ""
        raw_path = split.path.removeprefix(prefix) or "/"
        path = urllib.parse.unquote(raw_path)
        query = {
            key: values[-1]
            for key, values in urllib.parse.parse_qs(split.query, keep_blank_values=True).items()
        }
        body: Any = None
        bad_json = False
        if raw:
            try:
                body = json.loads(raw)
            except ValueError:
                bad_json = True
        delay = self.faults.take_delay(method, path)
        if delay:
            time.sleep(delay)
        route: str | None = None
        with self._lock:
            reply = self._check_auth(headers.get("authorization", ""))
            if reply is None:
                reply = self.faults.take_failure(method, path, after_apply=False)
            if reply is None and bad_json:
                reply = Reply(400, ApiError(400, "Problems parsing JSON").body())
            if reply is None:
                self.views.prefix = prefix
                try:
                    route, reply = self.router.dispatch(Call(method, path, raw_path, query, body))
                finally:
                    self.views.prefix = ""
                reply = self.faults.take_failure(method, path, after_apply=True) or reply
            self.requests.append(
                RecordedRequest(method, path, query, body, reply.status, route, dict(headers))
            )
            used = len(self.requests)
        response_headers = {
            "Content-Type": "application/json; charset=utf-8",
            "X-GitHub-Api-Version-Selected": "2022-11-28",
            "X-GitHub-Request-Id": f"FAKE:{used}",
            "X-RateLimit-Limit": str(RATE_LIMIT),
            "X-RateLimit-Remaining": str(max(RATE_LIMIT - used, 0)),
            "X-RateLimit-Reset": str(self._rate_reset),
            "X-RateLimit-Used": str(used),
            "X-RateLimit-Resource": "core",
        } | reply.headers
        payload = b"" if reply.body is None else json.dumps(reply.body).encode()
        return reply.status, response_headers, payload

    def _check_auth(self, authorization: str) -> Reply | None:
        if not authorization:
            return Reply(401, ApiError(401, "Requires authentication").body())
        scheme, _, credential = authorization.partition(" ")
        if scheme.lower() not in ("token", "bearer") or credential.strip() != self.token:
            return Reply(401, ApiError(401, "Bad credentials").body())
        return None

    def writes(self) -> list[RecordedRequest]:
        """The recorded requests that were not GETs."""
        return [request for request in self.requests if request.method not in ("GET", "HEAD")]

    def unrouted(self) -> list[RecordedRequest]:
        """The recorded requests no route matched (they were answered 404)."""
        return [request for request in self.requests if request.route is None and request.status == 404]

    # -- seeding state

    def commit_files(
        self, branch: str, files: Mapping[str, str | None], message: str, author: str = "maintainer"
    ) -> str:
        """Commit on ``branch`` (created from the default branch's head if absent); a None content deletes."""
        with self._lock:
            return self.state.commit_files(branch, files, message, author)

    def push_as_human(
        self, branch: str, files: Mapping[str, str | None], message: str, author: str = "maintainer"
    ) -> str:
        """A commit on an existing branch by a person (not the bot), as a ``git push`` would add it."""
        with self._lock:
            if self.state.branch_head(branch) is None:
                raise ValueError(f"no branch {branch!r}")
            return self.state.commit_files(branch, files, message, author)

    def create_issue(self, title: str, body: str, labels: list[str], user: str = "contributor") -> int:
        with self._lock:
            return self.state.create_issue(title, body, labels, user)

    def edit_issue(self, number: int, body: str) -> None:
        with self._lock:
            self.state.edit_issue(number, {"body": body})

    def delete_branch(self, branch: str) -> None:
        """Delete a branch as a maintainer would (its open pull requests get closed)."""
        with self._lock:
            self.state.delete_ref(f"refs/heads/{branch}")

    def set_state(self, number: int, state: str) -> None:
        """Close or reopen an issue or a pull request, as a maintainer would in the web UI."""
        with self._lock:
            self.state.edit_issue(number, {"state": state})

    def label_issue(self, number: int, *labels: str) -> None:
        with self._lock:
            self.state.add_labels(number, labels)

    def deny_pull_creation(self, denied: bool = True) -> None:
        """Answer POST /pulls with GitHub's 403 for "Allow GitHub Actions to create pull requests" off."""
        with self._lock:
            self.state.deny_pulls = denied

    def merge_pull(self, number: int, by: str = "maintainer", method: str = "merge") -> str:
        """Merge as a maintainer would in the web UI; raises MergeConflict when both sides changed a file."""
        with self._lock:
            return self.state.merge_pull(number, by=by, method=method)

    # -- inspecting state

    def file_at(self, ref: str, path: str) -> str | None:
        """The text of ``path`` at a branch or commit, None if the ref or the file does not exist."""
        with self._lock:
            commit = self.state.resolve(ref)
            if commit is None:
                return None
            entry = self.state.store.lookup(self.state.store.commit(commit).tree, path)
            if entry is None or entry.type != "blob":
                return None
            return self.state.store.blob(entry.sha).decode()

    def files_at(self, ref: str) -> dict[str, str]:
        """Every file at a branch or commit: path -> text."""
        with self._lock:
            commit = self.state.resolve(ref)
            if commit is None:
                raise KeyError(ref)
            store = self.state.store
            return {path: store.blob(sha).decode() for path, (_, sha) in self.state.tree_of(commit).items()}

    def branch_sha(self, branch: str) -> str | None:
        with self._lock:
            return self.state.branch_head(branch)

    def branches(self) -> list[str]:
        with self._lock:
            return sorted(
                ref.removeprefix("refs/heads/") for ref in self.state.refs if ref.startswith("refs/heads/")
            )

    def commit(self, sha: str) -> JsonDict:
        """The git commit as GET /git/commits/{sha} returns it."""
        with self._lock:
            return self.views.git_commit(sha)

    def pulls(self) -> list[JsonDict]:
        """Every pull request (any state) as GET /pulls/{number} returns it, oldest first."""
        with self._lock:
            return [self.views.pull(number) for number in sorted(self.state.pulls)]

    def issue(self, number: int) -> JsonDict:
        with self._lock:
            return self.views.issue(number)

    def comments(self, issue: int) -> list[JsonDict]:
        with self._lock:
            ids = sorted(c.id for c in self.state.comments.values() if c.issue == issue)
            return [self.views.comment(comment_id) for comment_id in ids]

    def labels(self, issue: int) -> list[str]:
        with self._lock:
            return list(self.state.issue(issue).labels)

    # -- webhook payloads

    def issue_event_payload(
        self, number: int, action: str = "opened", label: str | None = None, *, sender: str | None = None
    ) -> JsonDict:
        """The payload of an ``issues`` event. For labeled/unlabeled, ``label`` is required and is added to
        (removed from) the issue first if needed, since the event reports a change that has happened."""
        with self._lock:
            issue = self.state.issue(number)
            payload: JsonDict = {"action": action}
            if action in ("labeled", "unlabeled"):
                if label is None:
                    raise ValueError(f"an {action!r} event needs a label")
                if action == "labeled":
                    self.state.add_labels(number, [label])
                elif label in issue.labels:
                    issue.labels.remove(label)
                payload["label"] = self.views.label(label)
            if action == "edited" and issue.previous_body is not None:
                payload["changes"] = {"body": {"from": issue.previous_body}}
            payload["issue"] = self.views.issue(number)
            payload["repository"] = self.views.repo()
            default_sender = "maintainer" if action in ("labeled", "unlabeled") else issue.user
            payload["sender"] = self.views.user(sender or default_sender)
            return payload

    def push_event_payload(self, branch: str = "main") -> JsonDict:
        """The payload of the ``push`` event for the latest update of ``branch``."""
        with self._lock:
            s, store = self.state, self.state.store
            log = s.reflog.get(branch)
            if not log:
                raise ValueError(f"branch {branch!r} was never pushed")
            after, before = log[-1], log[-2] if len(log) > 1 else ZERO_SHA
            new: set[str] = set()
            if after != ZERO_SHA:
                new = store.ancestors(after) - (store.ancestors(before) if before != ZERO_SHA else set())
            commits = sorted(new, key=lambda sha: (store.commit(sha).committer.timestamp, sha))
            pusher = s.commit_meta[after].author_login if after != ZERO_SHA else None
            pusher = pusher or s.bot_login
            forced = ZERO_SHA not in (before, after) and before not in store.ancestors(after)
            return {
                "ref": f"refs/heads/{branch}",
                "before": before,
                "after": after,
                "created": before == ZERO_SHA,
                "deleted": after == ZERO_SHA,
                "forced": forced,
                "base_ref": None,
                "compare": f"{self.views.repo_html}/compare/{before[:12]}...{after[:12]}",
                "commits": [self.views.push_commit(sha) for sha in commits[-20:]],
                "head_commit": self.views.push_commit(after) if after != ZERO_SHA else None,
                "repository": self.views.repo(),
                "pusher": {"name": pusher, "email": s.identity(pusher, 0).email},
                "sender": self.views.user(pusher),
            }

    # -- fault injection

    def fail_next(
        self,
        method: str,
        path_regex: str,
        status: int = 502,
        times: int = 1,
        headers: dict[str, str] | None = None,
        body: Any = None,
        *,
        after_apply: bool = False,
    ) -> None:
        """Answer the next ``times`` requests whose decoded path matches ``path_regex`` (re.search) with
        ``status``. With ``after_apply`` the request takes effect first (a write whose response was lost)."""
        self.faults.add(
            Fault(
                method.upper(),
                re.compile(path_regex),
                times,
                status,
                dict(headers or {}),
                body,
                after_apply=after_apply,
            )
        )

    def clear_faults(self) -> None:
        """Forget every scripted failure and delay not yet consumed."""
        self.faults.clear()

    def delay_next(self, method: str, path_regex: str, seconds: float, times: int = 1) -> None:
        """Hold the next matching request ``seconds`` before handling it (it still takes effect)."""
        self.faults.add(Fault(method.upper(), re.compile(path_regex), times, delay=seconds))

    def fail_with_rate_limit(self, method: str, path_regex: str, reset_in: int = 1) -> None:
        """GitHub's primary rate limit answer: 403, X-RateLimit-Remaining 0, reset ``reset_in`` s from now."""
        headers = {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(int(time.time()) + reset_in)}
        body = {"message": "API rate limit exceeded for installation ID 1.", "documentation_url": DOCS_URL}
        self.fail_next(method, path_regex, 403, headers=headers, body=body)

    def fail_with_too_many_requests(self, method: str, path_regex: str, retry_after: int = 1) -> None:
        """A 429 with Retry-After, as GitHub's secondary rate limit may answer."""
        body = {
            "message": "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
            "documentation_url": DOCS_URL,
        }
        self.fail_next(method, path_regex, 429, headers={"Retry-After": str(retry_after)}, body=body)

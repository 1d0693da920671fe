"""Git objects: an in-memory object database with real SHA-1s (blobs, trees, commits).

The shas match what ``git`` computes for the same objects, so identical content gives identical shas.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from .formats import JsonDict, iso

FileMap = dict[str, tuple[str, str]]  # path -> (mode, blob sha): a tree flattened to its files

ZERO_SHA = "0" * 40
TREE_MODE = "40000"
SUBMODULE_MODE = "160000"
BLOB_MODES = frozenset({"100644", "100755", "120000"})


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


def set_file(files: FileMap, path: str, value: tuple[str, str]) -> None:
    """Put a file at ``path``, replacing a directory there or files where its parent directories go."""
    for p in [p for p in files if p.startswith(path + "/")]:
        del files[p]
    parts = path.split("/")
    for i in range(1, len(parts)):
        files.pop("/".join(parts[:i]), None)
    files[path] = value

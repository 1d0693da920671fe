"""Repository state: refs, issues, pull requests, comments and labels, and the operations on them.

Anything GitHub would refuse raises ``ApiError``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .catalog import Catalog
from .errors import ApiError, not_found, validation_failed
from .formats import EPOCH, JsonDict, user_id
from .objects import (
    BLOB_MODES,
    TREE_MODE,
    ZERO_SHA,
    Commit,
    FileMap,
    MergeConflict,
    ObjectStore,
    Signature,
    set_file,
)

MAX_BODY_CHARS = 65536
CLOSING_KEYWORDS = re.compile(r"\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?):?\s+#(\d+)\b", re.IGNORECASE)


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
    head_owner: str | None = None  # the owner of the fork the head branch is in; None: this repository


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
class EventRecord:
    """An issue event (``GET /issues/{n}/events``): closed, reopened, head_ref_deleted, ..."""

    id: int
    issue: int
    event: str
    actor: str
    created_at: int
    commit_id: str | None = None


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
        self.events: list[EventRecord] = []
        self.deleted: set[int] = set()  # issues a maintainer deleted: 410 Gone
        self.transferred: dict[int, tuple[str, int]] = {}  # issue -> (owner/repo, number): 301 there
        self.deny_pulls = False
        self.catalog = Catalog()  # the other repositories and accounts (what a leaderboard links to)
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

    def record_event(self, number: int, event: str, actor: str, commit_id: str | None = None) -> None:
        self.events.append(EventRecord(self.new_id(), number, event, actor, self.tick(), commit_id))

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
                    if pull.head == branch and pull.head_owner is None:
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

    def delete_ref(self, ref: str, actor: str) -> None:
        if ref not in self.refs:
            raise ApiError(422, "Reference does not exist")
        del self.refs[ref]
        if ref.startswith("refs/heads/"):
            branch = ref.removeprefix("refs/heads/")
            self.reflog.setdefault(branch, []).append(ZERO_SHA)
            for pull in self.pulls.values():  # GitHub closes the pull requests of a deleted head branch
                issue = self.issues[pull.number]
                if pull.head == branch and pull.head_owner is None and pull.merged_at is None:
                    self.record_event(pull.number, "head_ref_deleted", actor)
                    if issue.state == "open":
                        pull.closed_head = None
                        issue.state, issue.state_reason, issue.closed_at = "closed", None, self.tick()
                        self.record_event(pull.number, "closed", actor)

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
        """The issue (or pull request); 410 for a deleted issue, 301 for a transferred one, as GitHub."""
        if number in self.deleted:
            raise ApiError(410, "This issue was deleted")
        if number in self.transferred:
            where, new_number = self.transferred[number]
            raise ApiError(301, "Moved Permanently", location=f"/repos/{where}/issues/{new_number}")
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

    def edit_issue(self, number: int, changes: JsonDict, actor: str) -> None:
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
            self.record_event(number, "closed" if issue.state == "closed" else "reopened", actor)
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

    def create_pull(
        self, head: str, base: str, title: str | None, body: str | None, draft: bool, user: str
    ) -> int:
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
        number = self.create_issue(title, body, [], user)
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


INVALID_REF = re.compile(r"[\x00-\x20~^:?*\[\\\x7f]|\.\.|@\{|//|/\.|\.lock(/|$)|[/.]$")


def validate_ref_name(ref: str) -> None:
    if not ref.startswith("refs/") or ref.count("/") < 2:
        raise ApiError(422, "Reference name must start with 'refs/' and have at least two slashes.")
    if INVALID_REF.search(ref):
        raise ApiError(422, f"{ref} is not a valid ref name.")

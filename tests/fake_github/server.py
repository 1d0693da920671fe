"""The HTTP server: ``FakeGitHub`` serves the routes on 127.0.0.1 with authentication, request
recording, fault injection, state seeding and inspection helpers, and webhook payloads."""

from __future__ import annotations

import copy
import json
import re
import threading
import time
import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

from loopback import Loopback

from . import conformance
from .catalog import Catalog
from .errors import DOCS_URL, ApiError
from .faults import Fault, FaultInjector
from .formats import JsonDict
from .objects import ZERO_SHA, set_file
from .routes import Call, Reply, Router
from .routes.meta import RATE_LIMIT
from .state import CommitMeta, PullRecord, RepoState
from .views import Views


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str  # percent-decoded, without query and without the optional /api/v3 prefix
    query: dict[str, str]
    json: Any  # the parsed JSON body, or None
    status: int
    route: str | None  # the matched route template, None for unknown routes
    headers: dict[str, str]
    rejected: str | None = None  # why GitHub's API description rejects the request, if it does
    actor: str = ""  # the login of the token that sent it


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


class FakeGitHub(Loopback):
    """A GitHub REST API for one repository on 127.0.0.1 (a context manager; bound on construction).

    Pass ``url`` as PyGithub's ``base_url`` (or GITHUB_API_URL); an ``/api/v3`` prefix is accepted too.
    Requests need ``Authorization: token <token>`` or ``Bearer <token>``; ``token`` acts as ``bot_login``,
    ``add_token`` adds more identities (another app, or one token per concurrent job).
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
        self.tokens = {token: bot_login}
        self.gate: Callable[[str, str, str], None] | None = None
        """Called with (token, method, path) before each request is handled, outside the fake's lock:
        a test scheduler blocks there to interleave concurrent jobs request by request."""
        self.requests: list[RecordedRequest] = []
        self.violations: list[str] = []
        """Answers of the fake that GitHub's API description does not allow: bugs in the fake."""
        self.state = RepoState(owner, repo, default_branch, bot_login)
        super().__init__(_Server(self), poll_interval=0.02)  # many tests: stop quickly
        self.url = f"http://127.0.0.1:{self.port}"
        self.views = Views(self.state, self.url)
        self.router = Router(self.state, self.views)
        self.faults = FaultInjector()
        self._lock = threading.RLock()
        self._rate_reset = int(time.time()) + 3600
        self._rate_used = 0

    # -- lifecycle (start, stop: Loopback)

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        super().__exit__(exc_type, exc, tb)
        if exc_type is None and self.violations:
            shown = "\n  ".join(dict.fromkeys(self.violations))
            raise AssertionError(f"the fake answered outside GitHub's API description:\n  {shown}")

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
        token = headers.get("authorization", "").partition(" ")[2].strip()
        if self.gate is not None:
            self.gate(token, method, path)
        delay = self.faults.take_delay(method, path)
        if delay:
            time.sleep(delay)
        route: str | None = None
        with self._lock:
            reply = self._check_auth(headers.get("authorization", ""))
            actor = self.tokens.get(token, "")
            if reply is None:
                reply = self.faults.take_failure(method, path, after_apply=False)
            if reply is None and bad_json:
                reply = Reply(400, ApiError(400, "Problems parsing JSON").body())
            if reply is None:
                self.views.prefix = prefix
                try:
                    route, reply = self.router.dispatch(
                        Call(method, path, raw_path, query, body, headers=dict(headers), actor=actor)
                    )
                finally:
                    self.views.prefix = ""
                if route is not None and reply.rejected is None:
                    self.violations += conformance.check_response(method, route, reply.status, reply.body)
                reply = self.faults.take_failure(method, path, after_apply=True) or reply
            self.requests.append(
                RecordedRequest(
                    method,
                    path,
                    query,
                    body,
                    reply.status,
                    route,
                    dict(headers),
                    rejected=reply.rejected,
                    actor=actor,
                )
            )
            used = self._rate_used = self._rate_used + (reply.status != 304)  # as GitHub: a 304 is free
            request_id = len(self.requests)
        response_headers = {
            "Content-Type": "application/json; charset=utf-8",
            "X-GitHub-Api-Version-Selected": "2022-11-28",
            "X-GitHub-Request-Id": f"FAKE:{request_id}",
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
        if scheme.lower() not in ("token", "bearer") or credential.strip() not in self.tokens:
            return Reply(401, ApiError(401, "Bad credentials").body())
        return None

    def writes(self) -> list[RecordedRequest]:
        """The recorded requests that were not GETs."""
        return [request for request in self.requests if request.method not in ("GET", "HEAD")]

    def nonconforming(self) -> list[RecordedRequest]:
        """Requests GitHub's API description rejects, and requests to no documented operation."""
        return [r for r in self.requests if r.rejected is not None or (r.route is None and r.status == 404)]

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

    @property
    def catalog(self) -> Catalog:
        """Other repositories and accounts: add, rename, archive or delete them (see catalog.py)."""
        return self.state.catalog

    def create_issue(self, title: str, body: str, labels: list[str], user: str = "contributor") -> int:
        with self._lock:
            return self.state.create_issue(title, body, labels, user)

    def edit_issue(self, number: int, body: str, by: str = "contributor") -> None:
        with self._lock:
            self.state.edit_issue(number, {"body": body}, by)

    def edit_pull(self, number: int, *, title: str | None = None, body: str | None = None) -> None:
        """A maintainer retitles a pull request or edits its description in the web UI."""
        changes = {k: v for k, v in (("title", title), ("body", body)) if v is not None}
        with self._lock:
            self.state.edit_issue(number, changes, "maintainer")

    def delete_branch(self, branch: str, by: str = "maintainer") -> None:
        """Delete a branch as a maintainer would (GitHub closes its open pull requests)."""
        with self._lock:
            self.state.delete_ref(f"refs/heads/{branch}", by)

    def set_state(self, number: int, state: str, by: str = "maintainer") -> None:
        """Close or reopen an issue or a pull request, as a maintainer would in the web UI."""
        with self._lock:
            self.state.edit_issue(number, {"state": state}, by)

    def delete_issue(self, number: int) -> None:
        """A maintainer deletes an issue: from then on GitHub answers 410 Gone for it."""
        with self._lock:
            self.state.issue(number)
            self.state.deleted.add(number)

    def transfer_issue(self, number: int, to: str = "elsewhere/archive", new_number: int = 1) -> None:
        """A maintainer transfers an issue to another repository (which this token cannot read): GitHub
        answers 301 to its new address, where this fake answers 404."""
        with self._lock:
            self.state.issue(number)
            self.state.transferred[number] = (to, new_number)

    def comment_as(self, number: int, body: str, user: str) -> int:
        """A comment by someone else: a person, or another app (``name[bot]``)."""
        with self._lock:
            return self.state.add_comment(number, body, user)

    def snapshot(self) -> RepoState:
        """A copy of the repository's whole state, for `restore`."""
        with self._lock:
            return copy.deepcopy(self.state)

    def restore(self, state: RepoState) -> None:
        """Put the repository back as `snapshot` took it (a copy, so it can be restored again)."""
        with self._lock:
            self.state = copy.deepcopy(state)
            self.views.state = self.router.context.state = self.state
            self.requests.clear()

    def add_token(self, token: str, login: str) -> None:
        """Accept another token, acting as ``login``."""
        with self._lock:
            self.tokens[token] = login

    def open_fork_pull(
        self, owner: str, branch: str, files: Mapping[str, str], title: str = "From a fork", body: str = ""
    ) -> int:
        """A pull request from ``owner``'s fork (branch ``branch`` there) into the default branch."""
        with self._lock:
            s = self.state
            base = s.branch_head(s.default_branch)
            assert base is not None
            tree = s.tree_of(base)
            for path, text in files.items():
                set_file(tree, path, ("100644", s.store.put_blob(text.encode())))
            signature = s.identity(owner)
            head = s.write_commit(
                s.store.build(tree), [base], title, signature, signature, CommitMeta(owner, owner, False)
            )
            number = s.create_issue(title, body, [], owner)
            s.issues[number].is_pull = True
            s.pulls[number] = PullRecord(
                number, s.new_id(), branch, s.default_branch, head, base, False, True, head_owner=owner
            )
            return number

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
            if action in ("deleted", "transferred"):
                return self._gone_payload(number, action, sender or "maintainer")
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

    def _gone_payload(self, number: int, action: str, sender: str) -> JsonDict:
        """``deleted`` / ``transferred``: the issue as it was (delete_issue / transfer_issue first)."""
        if (action == "deleted") != (number in self.state.deleted) or (
            (action == "transferred") != (number in self.state.transferred)
        ):
            raise ValueError(f"issue #{number} was not {action}")
        payload: JsonDict = {"action": action, "issue": self.views.issue(number, gone_ok=True)}
        if action == "transferred":
            where, new_number = self.state.transferred[number]
            owner, name = where.split("/")
            new_repo = self.views.repository(owner, name)
            new_issue = dict(payload["issue"], number=new_number, repository_url=new_repo["url"])
            new_issue |= {"url": f"{new_repo['url']}/issues/{new_number}"}
            new_issue |= {"html_url": f"{new_repo['html_url']}/issues/{new_number}"}
            payload["changes"] = {"new_issue": new_issue, "new_repository": new_repo}
        payload["repository"] = self.views.repo()
        payload["sender"] = self.views.user(sender)
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

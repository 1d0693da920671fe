"""The fake GitHub server, driven by the real PyGithub client."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from fake_github import FakeGitHub, MergeConflict  # tests/ is on sys.path (rootdir-less test dir)
from github import (
    Auth,
    BadCredentialsException,
    Github,
    GithubException,
    GithubRetry,
    InputGitAuthor,
    InputGitTreeElement,
    RateLimitExceededException,
    UnknownObjectException,
)
from github.Repository import Repository

POST = "content/posts/leaderboard/index.md"
DATA = "content/posts/leaderboard/data.yaml"

MakeClient = Callable[..., Github]


@pytest.fixture
def fake() -> Iterator[FakeGitHub]:
    with FakeGitHub() as server:
        server.commit_files(
            "main", {"README.md": "# Leaderboard\n", POST: "# Models\n", DATA: "rows: []\n"}, "init"
        )
        yield server


@pytest.fixture
def client(fake: FakeGitHub) -> MakeClient:
    def make(**kwargs: Any) -> Github:
        options: dict[str, Any] = {
            "auth": Auth.Token(fake.token),
            "base_url": fake.url,
            # PyGithub throttles to 4 requests/s and 1 write/s by default: far too slow for tests
            "seconds_between_requests": 0,
            "seconds_between_writes": 0,
            "retry": GithubRetry(total=3, backoff_factor=0),
        }
        return Github(**(options | kwargs))

    return make


@pytest.fixture
def repo(client: MakeClient) -> Repository:
    return client().get_repo("octo/leaderboard")


def commit_on(repo: Repository, branch: str, files: dict[str, str], message: str = "update") -> str:
    """The bot's way of writing: tree on base_tree, commit, then move (or create) the branch."""
    parent = repo.get_git_commit(repo.get_git_ref("heads/main").object.sha)
    elements = [InputGitTreeElement(path, "100644", "blob", content=text) for path, text in files.items()]
    tree = repo.create_git_tree(elements, base_tree=parent.tree)
    commit = repo.create_git_commit(message, tree, [parent])
    repo.create_git_ref(f"refs/heads/{branch}", commit.sha)
    return commit.sha


def test_pull_request_flow(fake: FakeGitHub, repo: Repository) -> None:
    assert repo.full_name == "octo/leaderboard"
    assert repo.default_branch == "main"
    main = repo.get_git_ref("heads/main")
    assert main.object.sha == fake.branch_sha("main")

    parent = repo.get_git_commit(main.object.sha)
    tree = repo.create_git_tree(
        [InputGitTreeElement(DATA, "100644", "blob", content="rows:\n- model: tiny\n")], base_tree=parent.tree
    )
    commit = repo.create_git_commit("Add tiny", tree, [parent])
    assert commit.author.name == "github-actions[bot]"
    assert commit.verification.verified is True
    assert [p.sha for p in commit.parents] == [parent.sha]
    repo.create_git_ref("refs/heads/leaderboard/tiny", commit.sha)
    assert fake.file_at("leaderboard/tiny", DATA) == "rows:\n- model: tiny\n"
    assert fake.file_at("leaderboard/tiny", POST) == "# Models\n"  # base_tree kept the rest

    issue_number = fake.create_issue("[model] tiny", "### Model\ntiny", ["new-model"])
    pr = repo.create_pull(
        base="main", head="leaderboard/tiny", title="Add tiny", body=f"Closes #{issue_number}"
    )
    assert (pr.user.login, pr.head.ref, pr.head.sha, pr.base.ref) == (
        "github-actions[bot]",
        "leaderboard/tiny",
        commit.sha,
        "main",
    )
    assert pr.mergeable is True
    assert [p.number for p in repo.get_pulls(state="open", head="octo:leaderboard/tiny")] == [pr.number]
    assert list(repo.get_pulls(state="closed")) == []

    issue = repo.get_issue(issue_number)
    comment = issue.create_comment("Thanks! Opened a pull request.")
    comment.edit("Thanks! Opened #2.")
    assert [c["body"] for c in fake.comments(issue_number)] == ["Thanks! Opened #2."]
    assert fake.comments(issue_number)[0]["user"]["login"] == "github-actions[bot]"
    assert [c.body for c in issue.get_comments()] == ["Thanks! Opened #2."]

    with pytest.raises(
        GithubException
    ) as bare:  # PyGithub sends a bare array; the description wants an object
        issue.add_to_labels("needs review")
    assert (
        bare.value.status == 422
        and fake.nonconforming()[-1].rejected == "(root): ['needs review'] is not of type 'object'"
    )
    issue.requester.requestJsonAndCheck(
        "POST", f"{issue.url}/labels", input={"labels": ["needs review", "bot/processed"]}
    )
    issue.remove_from_labels("needs review")  # sent as needs%20review
    issue.remove_from_labels("bot/processed")
    assert fake.labels(issue_number) == ["new-model"]
    with pytest.raises(GithubException) as missing:
        issue.remove_from_labels("never-added")
    assert missing.value.status == 404

    content = repo.get_contents(DATA, ref="leaderboard/tiny")
    assert not isinstance(content, list)
    assert content.decoded_content == b"rows:\n- model: tiny\n"
    assert content.sha == fake.state.store.lookup(tree.sha, DATA).sha  # type: ignore[union-attr]

    status = pr.merge()
    assert status.merged
    assert repo.get_contents(DATA, ref="main").decoded_content == b"rows:\n- model: tiny\n"  # type: ignore[union-attr]
    merged = repo.get_pull(pr.number)
    assert (merged.state, merged.merged, merged.merge_commit_sha) == ("closed", True, fake.branch_sha("main"))
    assert [p.sha for p in repo.get_git_commit(status.sha).parents] == [parent.sha, commit.sha]
    assert repo.get_issue(issue_number).state == "closed"  # "Closes #1" on the default branch

    assert fake.unrouted() == [] and len(fake.nonconforming()) == 1
    assert {r.route for r in fake.writes()} >= {
        "/repos/{owner}/{repo}/git/trees",
        "/repos/{owner}/{repo}/pulls",
    }


def test_same_content_gives_same_tree_sha(fake: FakeGitHub, repo: Repository) -> None:
    base = repo.get_git_tree(fake.branch_sha("main") or "")
    element = InputGitTreeElement(DATA, "100644", "blob", content="rows: []\n")
    first = repo.create_git_tree([element], base_tree=base)
    second = repo.create_git_tree([element], base_tree=base)
    assert first.sha == second.sha == base.sha  # rewriting a file with its content changes nothing

    changed = repo.create_git_tree([InputGitTreeElement(DATA, "100644", "blob", content="rows: [1]\n")], base)
    assert changed.sha != base.sha
    deleted = repo.create_git_tree([InputGitTreeElement(DATA, "100644", "blob", sha=None)], base_tree=base)
    assert DATA not in {e.path for e in repo.get_git_tree(deleted.sha, recursive=True).tree}
    with pytest.raises(GithubException) as error:  # deleting a path that is not there
        repo.create_git_tree([InputGitTreeElement("nope.txt", "100644", "blob", sha=None)], base_tree=base)
    assert error.value.status == 422

    fake.commit_files("other", {DATA: "rows: []\n"}, "no-op commit")
    assert repo.get_git_commit(fake.branch_sha("other") or "").tree.sha == base.sha


def git(cwd: Path, *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None) -> str:
    environment = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", **(env or {})}
    result = subprocess.run(
        ["git", *args], cwd=cwd, input=stdin, capture_output=True, check=True, env=environment
    )
    return result.stdout.decode().strip()


def test_shas_match_real_git(fake: FakeGitHub, repo: Repository, tmp_path: Path) -> None:
    files = {
        "foo.txt": "dot sorts before slash\n",
        "foo/bar.txt": "nested\n",
        "foo-bar": "dash\n",
        POST: "# Models\n\n| model | score |\n",
        "unicode.md": "café ✓\n",
    }
    tree = repo.create_git_tree(
        [InputGitTreeElement(p, "100644", "blob", content=t) for p, t in files.items()]
    )

    git(tmp_path, "init", "-q")
    for path, text in files.items():
        blob = git(tmp_path, "hash-object", "-w", "--stdin", stdin=text.encode())
        assert fake.state.store.lookup(tree.sha, path).sha == blob  # type: ignore[union-attr]
        git(tmp_path, "update-index", "--add", "--cacheinfo", f"100644,{blob},{path}")
    assert git(tmp_path, "write-tree") == tree.sha

    top = repo.get_git_tree(tree.sha)  # one level, checked with mktree
    listing = "".join(f"{e.mode.lstrip('0')} {e.type} {e.sha}\t{e.path}\n" for e in top.tree)
    assert git(tmp_path, "mktree", stdin=listing.encode()) == tree.sha

    parent = repo.get_git_commit(fake.branch_sha("main") or "")
    when = "2024-05-01T12:00:00Z"
    person = InputGitAuthor("Ada", "ada@example.com", when)
    commit = repo.create_git_commit("Add rows\n", tree, [parent], author=person, committer=person)
    person_env = {"GIT_AUTHOR_NAME": "Ada", "GIT_AUTHOR_EMAIL": "ada@example.com", "GIT_AUTHOR_DATE": when}
    person_env |= {
        "GIT_COMMITTER_NAME": "Ada",
        "GIT_COMMITTER_EMAIL": "ada@example.com",
        "GIT_COMMITTER_DATE": when,
    }
    # git needs the parent object to exist, so rebuild it in the temporary repository too
    assert _rebuild_commit(fake, tmp_path, parent.sha) == parent.sha
    assert (
        git(tmp_path, "commit-tree", tree.sha, "-p", parent.sha, "-m", "Add rows", env=person_env)
        == commit.sha
    )


def _rebuild_commit(fake: FakeGitHub, cwd: Path, sha: str) -> str:
    """Write the fake's commit ``sha`` (root commits only) into a real repository with git plumbing."""
    commit = fake.state.store.commit(sha)
    assert not commit.parents
    git(cwd, "read-tree", "--empty")
    for path, text in fake.files_at(sha).items():
        blob = git(cwd, "hash-object", "-w", "--stdin", stdin=text.encode())
        git(cwd, "update-index", "--add", "--cacheinfo", f"100644,{blob},{path}")
    tree = git(cwd, "write-tree")
    env = {
        "GIT_AUTHOR_NAME": commit.author.name,
        "GIT_AUTHOR_EMAIL": commit.author.email,
        "GIT_AUTHOR_DATE": f"@{commit.author.timestamp} +0000",
        "GIT_COMMITTER_NAME": commit.committer.name,
        "GIT_COMMITTER_EMAIL": commit.committer.email,
        "GIT_COMMITTER_DATE": f"@{commit.committer.timestamp} +0000",
    }
    return git(cwd, "commit-tree", tree, stdin=commit.message.encode(), env=env)


def test_5xx_is_retried(fake: FakeGitHub, repo: Repository) -> None:
    fake.fail_next("POST", r"/git/commits$", status=502)
    sha = commit_on(repo, "retried", {DATA: "rows: [1]\n"})
    assert fake.branch_sha("retried") == sha
    assert [r.status for r in fake.requests if r.path.endswith("/git/commits")] == [502, 201]


def test_5xx_exhausting_retries(fake: FakeGitHub, repo: Repository) -> None:
    fake.fail_next("GET", r"/issues/1$", status=503, times=10)
    fake.create_issue("t", "b", [])
    with pytest.raises(requests.exceptions.RetryError):
        repo.get_issue(1).title  # noqa: B018
    assert [r.status for r in fake.requests if r.path.endswith("/issues/1")] == [503] * 4  # 1 + 3 retries


def test_lost_response_of_a_write_duplicates_it(fake: FakeGitHub, repo: Repository) -> None:
    """A write that succeeded but whose response was a 502 is retried: a bot must not rely on POST being once."""
    number = fake.create_issue("t", "b", [])
    fake.fail_next("POST", rf"/issues/{number}/comments$", status=502, after_apply=True)
    repo.get_issue(number).create_comment("once?")
    assert [c["body"] for c in fake.comments(number)] == ["once?", "once?"]


def test_primary_rate_limit_waits_for_reset(fake: FakeGitHub, client: MakeClient) -> None:
    fake.fail_with_rate_limit("GET", r"/git/ref/heads/main$", reset_in=1)
    repo = client().get_repo("octo/leaderboard")
    start = time.monotonic()
    assert repo.get_git_ref("heads/main").object.sha == fake.branch_sha("main")
    assert time.monotonic() - start >= 1
    limited = [r for r in fake.requests if r.status == 403]
    assert len(limited) == 1

    fake.fail_with_rate_limit("GET", r"/git/ref/heads/main$", reset_in=1)
    with pytest.raises(RateLimitExceededException) as error:
        client(retry=None).get_repo("octo/leaderboard").get_git_ref("heads/main")
    assert error.value.headers is not None
    assert error.value.headers["x-ratelimit-remaining"] == "0"


def test_429_honours_retry_after(fake: FakeGitHub, repo: Repository) -> None:
    number = fake.create_issue("t", "b", [])
    fake.fail_with_too_many_requests("POST", r"/comments$", retry_after=1)
    start = time.monotonic()
    repo.get_issue(number).create_comment("hi")
    assert time.monotonic() - start >= 1
    assert [r.status for r in fake.writes()] == [429, 201]
    assert len(fake.comments(number)) == 1


def test_timeout(fake: FakeGitHub, client: MakeClient) -> None:
    number = fake.create_issue("t", "b", [])
    repo = client(timeout=1, retry=None).get_repo("octo/leaderboard")
    issue = repo.get_issue(number)
    fake.delay_next("POST", r"/comments$", seconds=1.5)
    with pytest.raises(requests.exceptions.Timeout):
        issue.create_comment("slow")
    time.sleep(0.8)
    assert [c["body"] for c in fake.comments(number)] == ["slow"]  # the server still did it


def test_pull_creation_denied(fake: FakeGitHub, repo: Repository) -> None:
    commit_on(repo, "denied", {DATA: "rows: [1]\n"})
    fake.deny_pull_creation()
    with pytest.raises(GithubException) as error:
        repo.create_pull(base="main", head="denied", title="t", body="b")
    assert error.value.status == 403
    assert error.value.message == "GitHub Actions is not permitted to create or approve pull requests."
    assert fake.pulls() == []


def test_authentication_required(fake: FakeGitHub, client: MakeClient) -> None:
    with pytest.raises(GithubException) as anonymous:
        Github(base_url=fake.url, retry=None).get_repo("octo/leaderboard")
    assert anonymous.value.status == 401
    with pytest.raises(BadCredentialsException):
        client(auth=Auth.Token("wrong")).get_repo("octo/leaderboard")
    assert client(auth=Auth.Token(fake.token)).get_repo("octo/leaderboard").name == "leaderboard"
    assert [r.status for r in fake.requests] == [401, 401, 200]


def test_ref_rules(fake: FakeGitHub, repo: Repository) -> None:
    sha = commit_on(repo, "bot/a", {DATA: "rows: [1]\n"})
    with pytest.raises(GithubException) as exists:
        repo.create_git_ref("refs/heads/bot/a", sha)
    assert (exists.value.status, exists.value.message) == (422, "Reference already exists")
    with pytest.raises(GithubException) as invalid:
        repo.create_git_ref("refs/heads/has space", sha)
    assert invalid.value.status == 422
    with pytest.raises(UnknownObjectException):
        repo.get_git_ref("heads/absent")
    assert [r.ref for r in repo.get_git_matching_refs("heads/bot/")] == ["refs/heads/bot/a"]

    human = fake.push_as_human("main", {"README.md": "# Edited\n"}, "edit readme")
    ref = repo.get_git_ref("heads/bot/a")
    with pytest.raises(GithubException) as not_ff:
        ref.edit(human)
    assert (not_ff.value.status, not_ff.value.message) == (422, "Update is not a fast forward")
    ref.edit(human, force=True)
    assert fake.branch_sha("bot/a") == human
    ref.delete()
    assert fake.branch_sha("bot/a") is None
    assert fake.requests[-1].status == 204


def test_pull_request_rules(fake: FakeGitHub, repo: Repository) -> None:
    commit_on(repo, "bot/b", {DATA: "rows: [2]\n"})
    pr = repo.create_pull(base="main", head="octo:bot/b", title="t", body="b", draft=True)
    assert pr.draft is True
    with pytest.raises(GithubException) as duplicate:
        repo.create_pull(base="main", head="bot/b", title="t", body="b")
    assert duplicate.value.status == 422
    assert duplicate.value.data["errors"][0]["message"] == "A pull request already exists for octo:bot/b."

    pr.edit(title="new title", body="new body")
    assert (fake.pulls()[0]["title"], fake.pulls()[0]["body"]) == ("new title", "new body")
    listed = next(iter(repo.get_pulls(head="octo:bot/b")))
    assert listed.merged is False  # not in list items: PyGithub fetches the pull request for it
    assert fake.requests[-1].path == f"/repos/octo/leaderboard/pulls/{pr.number}"

    human = fake.push_as_human("bot/b", {POST: "# Models (edited by hand)\n"}, "fix typo")
    assert repo.get_pull(pr.number).head.sha == human
    rest_commit = repo.get_commit(human)
    assert rest_commit.author.login == "maintainer"
    assert rest_commit.commit.verification.verified is False
    assert [c.author.login for c in repo.get_pull(pr.number).get_commits()] == [
        "github-actions[bot]",
        "maintainer",
    ]

    pr.edit(state="closed")
    assert repo.get_pull(pr.number).state == "closed"
    assert [p.number for p in repo.get_pulls(state="all")] == [pr.number]


def test_merge_conflict(fake: FakeGitHub, repo: Repository) -> None:
    commit_on(repo, "bot/c", {DATA: "rows: [bot]\n"})
    pr = repo.create_pull(base="main", head="bot/c", title="t", body="b")
    fake.push_as_human("main", {DATA: "rows: [human]\n"}, "conflicting edit")
    assert repo.get_pull(pr.number).mergeable is False
    with pytest.raises(MergeConflict) as conflict:
        fake.merge_pull(pr.number)
    assert conflict.value.paths == [DATA]
    with pytest.raises(GithubException) as error:
        pr.merge()
    assert error.value.status == 405

    fake.push_as_human("bot/c", {DATA: "rows: [human]\n"}, "resolve")  # same content on both sides
    merge = fake.merge_pull(pr.number)
    assert fake.file_at(merge, DATA) == "rows: [human]\n"
    assert fake.pulls()[0]["merged"] is True


def test_comment_pagination(fake: FakeGitHub, client: MakeClient) -> None:
    number = fake.create_issue("t", "b", [])
    for i in range(25):
        fake.state.add_comment(number, f"comment {i}", "someone")
    issue = client(per_page=10).get_repo("octo/leaderboard").get_issue(number)
    assert [c.body for c in issue.get_comments()] == [f"comment {i}" for i in range(25)]
    pages = [r.query.get("page", "1") for r in fake.requests if r.path.endswith("/comments")]
    assert pages == ["1", "2", "3"]
    assert issue.get_comments().totalCount == 25


def test_api_v3_prefix(fake: FakeGitHub, client: MakeClient) -> None:
    repo = client(base_url=fake.url + "/api/v3").get_repo("octo/leaderboard")
    sha = commit_on(repo, "prefixed", {DATA: "rows: [3]\n"})
    repo.get_git_ref("heads/prefixed").edit(sha)
    assert fake.unrouted() == []


def test_unknown_routes_are_recorded(fake: FakeGitHub, repo: Repository) -> None:
    with pytest.raises(UnknownObjectException):
        repo.get_collaborators()[0]
    assert [(r.method, r.path, r.status) for r in fake.unrouted()] == [
        ("GET", "/repos/octo/leaderboard/collaborators", 404)
    ]


def test_webhook_payloads(fake: FakeGitHub) -> None:
    number = fake.create_issue("[model] tiny", "### Model\ntiny", ["new-model"])
    opened = fake.issue_event_payload(number)
    assert opened["action"] == "opened"
    assert opened["issue"]["number"] == number
    assert opened["issue"]["user"]["login"] == "contributor"
    assert [label["name"] for label in opened["issue"]["labels"]] == ["new-model"]
    assert opened["repository"]["full_name"] == "octo/leaderboard"
    assert opened["repository"]["default_branch"] == "main"
    assert opened["sender"]["login"] == "contributor"

    fake.edit_issue(number, "### Model\ntinier")
    edited = fake.issue_event_payload(number, "edited")
    assert edited["changes"] == {"body": {"from": "### Model\ntiny"}}
    assert edited["issue"]["body"] == "### Model\ntinier"

    labeled = fake.issue_event_payload(number, "labeled", label="approved")
    assert labeled["label"]["name"] == "approved"
    assert fake.labels(number) == ["new-model", "approved"]

    before = fake.branch_sha("main")
    after = fake.commit_files("main", {DATA: "rows: [9]\n", "README.md": None}, "push")
    push = fake.push_event_payload("main")
    assert (push["ref"], push["before"], push["after"], push["forced"]) == (
        "refs/heads/main",
        before,
        after,
        False,
    )
    assert push["head_commit"]["modified"] == [DATA]
    assert push["head_commit"]["removed"] == ["README.md"]
    assert [c["id"] for c in push["commits"]] == [after]

"""``/repos/{owner}/{repo}/pulls``: pull requests, their commits and files, merging."""

from __future__ import annotations

from ..errors import not_found, validation_failed
from .base import REPO, Call, Context, Reply, Routes

routes = Routes()


@routes.get(REPO + "/pulls")
def list_pulls(ctx: Context, call: Call) -> Reply:
    s = ctx.state
    state = call.query.get("state", "open")
    head = call.query.get("head")
    base = call.query.get("base")
    items = []
    for number in sorted(s.pulls, reverse=True):  # newest first, as GitHub sorts by default
        pull, issue = s.pulls[number], s.issues[number]
        if state != "all" and issue.state != state:
            continue
        if head is not None and f"{s.owner}:{pull.head}".lower() != head.lower():
            continue
        if base is not None and pull.base != base:
            continue
        items.append(ctx.views.pull(number, full=False))
    return ctx.paginate(call, items)


@routes.post(REPO + "/pulls")
def create_pull(ctx: Context, call: Call) -> Reply:
    number = ctx.state.create_pull(
        call.arg("head", str),
        call.arg("base", str),
        call.arg("title", str, required=False),
        call.arg("body", str, required=False),
        bool(call.arg("draft", bool, required=False, default=False)),
        call.actor,
    )
    ctx.state.pulls[number].maintainer_can_modify = call.arg("maintainer_can_modify", bool, False, True)
    return Reply(201, ctx.views.pull(number))


@routes.get(REPO + "/pulls/{pull_number}")
def get_pull(ctx: Context, call: Call) -> Reply:
    return Reply(200, ctx.views.pull(call.int_param("pull_number")))


@routes.patch(REPO + "/pulls/{pull_number}")
def update_pull(ctx: Context, call: Call) -> Reply:
    number = call.int_param("pull_number")
    pull = ctx.state.pull(number)
    body = call.json()
    if "base" in body:
        if ctx.state.branch_head(str(body["base"])) is None:
            raise validation_failed("PullRequest", field="base", code="invalid")
        pull.base = str(body["base"])
        pull.base_sha = ctx.state.branch_head(pull.base) or pull.base_sha
    if "maintainer_can_modify" in body:
        pull.maintainer_can_modify = bool(body["maintainer_can_modify"])
    ctx.state.edit_issue(
        number, {k: v for k, v in body.items() if k in ("title", "body", "state")}, call.actor
    )
    return Reply(200, ctx.views.pull(number))


@routes.get(REPO + "/pulls/{pull_number}/merge")
def is_merged(ctx: Context, call: Call) -> Reply:
    merged = ctx.state.pull(call.int_param("pull_number")).merged_at is not None
    return Reply(204) if merged else Reply(404, not_found().body())


@routes.put(REPO + "/pulls/{pull_number}/merge")
def merge_pull(ctx: Context, call: Call) -> Reply:
    body = call.body if isinstance(call.body, dict) else {}
    sha = ctx.state.merge_pull(
        call.int_param("pull_number"),
        by=call.actor,
        method=str(body.get("merge_method", "merge")),
        title=body.get("commit_title"),
        message=body.get("commit_message"),
        expected_sha=body.get("sha"),
    )
    return Reply(200, {"sha": sha, "merged": True, "message": "Pull Request successfully merged"})


@routes.get(REPO + "/pulls/{pull_number}/commits")
def pull_commits(ctx: Context, call: Call) -> Reply:
    number = call.int_param("pull_number")
    return ctx.paginate(call, [ctx.views.commit(sha) for sha in ctx.views.pull_commit_shas(number)])


@routes.get(REPO + "/pulls/{pull_number}/files")
def pull_files(ctx: Context, call: Call) -> Reply:
    return ctx.paginate(call, ctx.views.pull_files(call.int_param("pull_number")))

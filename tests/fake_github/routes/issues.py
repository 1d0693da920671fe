"""``/repos/{owner}/{repo}/issues``: issues (and pull requests seen as issues)."""

from __future__ import annotations

from .base import REPO, Call, Context, Reply, Routes

routes = Routes()


@routes.get(REPO + "/issues")
def list_issues(ctx: Context, call: Call) -> Reply:
    state = call.query.get("state", "open")
    wanted = {name.lower() for name in call.query.get("labels", "").split(",") if name}
    items = []
    for number in sorted(ctx.state.issues, reverse=True):
        if number in ctx.state.deleted or number in ctx.state.transferred:
            continue
        issue = ctx.state.issues[number]
        if (state == "all" or issue.state == state) and wanted <= {label.lower() for label in issue.labels}:
            items.append(ctx.views.issue(number))
    return ctx.paginate(call, items)


@routes.post(REPO + "/issues")
def create_issue(ctx: Context, call: Call) -> Reply:
    labels = [label if isinstance(label, str) else label["name"] for label in call.json().get("labels") or []]
    number = ctx.state.create_issue(call.arg("title", str), call.json().get("body"), labels, call.actor)
    return Reply(201, ctx.views.issue(number))


@routes.get(REPO + "/issues/{issue_number}")
def get_issue(ctx: Context, call: Call) -> Reply:
    return Reply(200, ctx.views.issue(call.int_param("issue_number")))


@routes.patch(REPO + "/issues/{issue_number}")
def update_issue(ctx: Context, call: Call) -> Reply:
    number = call.int_param("issue_number")
    ctx.state.edit_issue(number, call.json(), call.actor)
    return Reply(200, ctx.views.issue(number))

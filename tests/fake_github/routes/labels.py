"""``/repos/{owner}/{repo}/labels`` and ``/issues/{issue_number}/labels``: labels and labelling."""

from __future__ import annotations

from ..errors import ApiError, not_found, validation_failed
from ..formats import JsonDict
from .base import REPO, Call, Context, Reply, Routes

routes = Routes()


def label_names(call: Call) -> list[str]:
    body = call.body.get("labels") if isinstance(call.body, dict) else call.body
    if not isinstance(body, list):
        raise ApiError(422, 'Invalid request.\n\n"labels" wasn\'t supplied.')
    return [label if isinstance(label, str) else str(label.get("name")) for label in body]


def issue_labels(ctx: Context, number: int) -> list[JsonDict]:
    return [ctx.views.label(name) for name in ctx.state.issue(number).labels]


@routes.get(REPO + "/issues/{issue_number}/labels")
def list_issue_labels(ctx: Context, call: Call) -> Reply:
    return ctx.paginate(call, issue_labels(ctx, call.int_param("issue_number")))


@routes.post(REPO + "/issues/{issue_number}/labels")
def add_labels(ctx: Context, call: Call) -> Reply:
    number = call.int_param("issue_number")
    ctx.state.add_labels(number, label_names(call))
    return Reply(200, issue_labels(ctx, number))


@routes.put(REPO + "/issues/{issue_number}/labels")
def set_labels(ctx: Context, call: Call) -> Reply:
    number = call.int_param("issue_number")
    ctx.state.edit_issue(number, {"labels": label_names(call)}, call.actor)
    return Reply(200, issue_labels(ctx, number))


@routes.delete(REPO + "/issues/{issue_number}/labels")
def clear_labels(ctx: Context, call: Call) -> Reply:
    ctx.state.edit_issue(call.int_param("issue_number"), {"labels": []}, call.actor)
    return Reply(204)


@routes.delete(REPO + "/issues/{issue_number}/labels/{name+}")
def remove_label(ctx: Context, call: Call) -> Reply:
    number = call.int_param("issue_number")
    ctx.state.remove_label(number, call.params["name"])
    return Reply(200, issue_labels(ctx, number))


@routes.get(REPO + "/labels")
def list_labels(ctx: Context, call: Call) -> Reply:
    return ctx.paginate(call, [ctx.views.label(label.name) for label in ctx.state.labels.values()])


@routes.post(REPO + "/labels")
def create_label(ctx: Context, call: Call) -> Reply:
    name = call.arg("name", str)
    if name.lower() in ctx.state.labels:
        raise validation_failed("Label", field="name", code="already_exists")
    label = ctx.state.label(name)
    label.color = call.arg("color", str, required=False, default="ededed").lstrip("#")
    label.description = call.arg("description", str, required=False)
    return Reply(201, ctx.views.label(name))


@routes.get(REPO + "/labels/{name+}")
def get_label(ctx: Context, call: Call) -> Reply:
    if call.params["name"].lower() not in ctx.state.labels:
        raise not_found()
    return Reply(200, ctx.views.label(call.params["name"]))

"""``/repos/{owner}/{repo}/issues/…/comments``: issue comments."""

from __future__ import annotations

from .base import REPO, Call, Context, Reply, Routes

routes = Routes()


@routes.get(REPO + "/issues/{issue_number}/comments")
def list_comments(ctx: Context, call: Call) -> Reply:
    number = call.int_param("issue_number")
    ctx.state.issue(number)
    ids = sorted(c.id for c in ctx.state.comments.values() if c.issue == number)
    return ctx.paginate(call, [ctx.views.comment(comment_id) for comment_id in ids])


@routes.post(REPO + "/issues/{issue_number}/comments")
def create_comment(ctx: Context, call: Call) -> Reply:
    comment_id = ctx.state.add_comment(call.int_param("issue_number"), call.arg("body", str), call.actor)
    return Reply(201, ctx.views.comment(comment_id))


@routes.get(REPO + "/issues/comments/{comment_id}")
def get_comment(ctx: Context, call: Call) -> Reply:
    return Reply(200, ctx.views.comment(call.int_param("comment_id")))


@routes.patch(REPO + "/issues/comments/{comment_id}")
def update_comment(ctx: Context, call: Call) -> Reply:
    comment_id = call.int_param("comment_id")
    ctx.state.edit_comment(comment_id, call.arg("body", str))
    return Reply(200, ctx.views.comment(comment_id))


@routes.delete(REPO + "/issues/comments/{comment_id}")
def delete_comment(ctx: Context, call: Call) -> Reply:
    del ctx.state.comments[ctx.state.comment(call.int_param("comment_id")).id]
    return Reply(204)

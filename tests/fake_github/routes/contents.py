"""``/repos/{owner}/{repo}/contents``: files and directories at a ref."""

from __future__ import annotations

from .base import REPO, Call, Context, Reply, Routes

routes = Routes()


@routes.get(REPO + "/contents/{path*}")
def get_contents(ctx: Context, call: Call) -> Reply:
    return Reply(200, ctx.views.contents(call.params.get("path", ""), call.query.get("ref")))

"""``/repos/{owner}/{repo}/branches``: a branch with its head commit."""

from __future__ import annotations

from .base import REPO, Call, Context, Reply, Routes

routes = Routes()


@routes.get(REPO + "/branches/{branch+}")
def get_branch(ctx: Context, call: Call) -> Reply:
    return Reply(200, ctx.views.branch(call.params["branch"]))

"""``/repos/{owner}/{repo}``: the repository itself."""

from __future__ import annotations

from .base import REPO, Call, Context, Reply, Routes

routes = Routes()


@routes.get(REPO)
def get_repo(ctx: Context, call: Call) -> Reply:
    return Reply(200, ctx.views.repo())

"""``GET /`` (the API root) and ``GET /rate_limit``."""

from __future__ import annotations

import time

from .base import Call, Context, Reply, Routes

RATE_LIMIT = 5000

routes = Routes()


@routes.get("/")
def root(ctx: Context, call: Call) -> Reply:
    api = ctx.views.api
    return Reply(
        200,
        {
            "current_user_url": f"{api}/user",
            "rate_limit_url": f"{api}/rate_limit",
            "repository_url": f"{api}/repos/{{owner}}/{{repo}}",
        },
    )


@routes.get("/rate_limit")
def rate_limit(ctx: Context, call: Call) -> Reply:
    rate = {"limit": RATE_LIMIT, "remaining": RATE_LIMIT, "reset": int(time.time()) + 3600, "used": 0}
    resources = {name: dict(rate, resource=name) for name in ("core", "search", "graphql")}
    return Reply(200, {"resources": resources, "rate": rate})

"""``/user``: the authenticated user."""

from __future__ import annotations

from ..errors import ApiError
from .base import Call, Context, Reply, Routes

routes = Routes()


@routes.get("/user")
def authenticated_user(ctx: Context, call: Call) -> Reply:
    # what GitHub answers for an Actions GITHUB_TOKEN (an installation token, not a user)
    return Reply(403, ApiError(403, "Resource not accessible by integration").body())

"""Repositories other than the served one (``catalog``), as the link audit reads them:
``GET /repos/{owner}/{repo}`` with 301 for a renamed one, ``GET /repositories/{id}``, and
``GET /users/{username}``. Answers carry an ETag; ``If-None-Match`` with it gets 304 (no rate limit).

``/repositories/{id}`` is not in GitHub's API description: it is where GitHub's 301s point, so a client
that follows them asks for it (conformance.UNDOCUMENTED)."""

from __future__ import annotations

from ..catalog import ListedRepo, etag
from ..errors import ApiError, not_found
from . import repos
from .base import Call, Context, Reply, Routes

routes = Routes()


def _conditional(call: Call, payload: dict[str, object]) -> Reply:
    tag = etag(payload)
    if call.headers.get("if-none-match") == tag:
        return Reply(304, None, {"ETag": tag})
    return Reply(200, payload, {"ETag": tag})


def _view(ctx: Context, repo: ListedRepo) -> dict[str, object]:
    """A listed repository as ``GET /repos/{owner}/{repo}`` answers (the full-repository schema)."""
    full = ctx.views.repository(repo.owner, repo.name) | {"network_count": 0, "subscribers_count": 0}
    listed = ctx.state.catalog.view(repo, ctx.views.api, ctx.views.html)
    return full | listed | {"owner": ctx.views.user(repo.owner)}


# Registered before ``repos`` (see routes/__init__.py): it answers for any repository; the served one is
# answered by ``repos.get_repo``.
@routes.get("/repos/{owner}/{repo}", any_repository=True)
def get_any_repo(ctx: Context, call: Call) -> Reply:
    account, name = call.params["owner"], call.params["repo"]
    if (account.lower(), name.lower()) == (ctx.state.owner.lower(), ctx.state.name.lower()):
        return repos.get_repo(ctx, call)
    catalog = ctx.state.catalog
    repo = catalog.find(f"{account}/{name}")
    if repo is not None:
        return _conditional(call, _view(ctx, repo))
    moved = catalog.moved(f"{account}/{name}")
    if moved is not None:
        location = f"{ctx.views.api}/repositories/{moved.id}"
        body = {
            "message": "Moved Permanently",
            "url": location,
            "documentation_url": "https://docs.github.com",
        }
        return Reply(301, body, {"Location": location})
    raise not_found()


@routes.get("/repositories/{id}")
def get_repo_by_id(ctx: Context, call: Call) -> Reply:
    repo = ctx.state.catalog.repos.get(call.int_param("id"))
    if repo is None:
        raise not_found()
    return _conditional(call, _view(ctx, repo))


@routes.get("/users/{username}")
def get_user(ctx: Context, call: Call) -> Reply:
    login = call.params["username"]
    known = ctx.state.catalog.accounts | {ctx.state.owner.lower()}
    if login.lower() not in known:
        raise ApiError(404, "Not Found")
    return _conditional(call, ctx.views.public_user(login))

"""Repositories other than the served one (``catalog``), as the link audit reads them:
``GET /repos/{owner}/{repo}`` with 301 for a renamed one, ``GET /repositories/{id}``, and
``GET /users/{login}``. Answers carry an ETag; ``If-None-Match`` with it gets 304 (no rate limit)."""

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
    return ctx.state.catalog.view(repo, ctx.views.api, ctx.views.html)


# Registered before ``repos`` (see routes/__init__.py). Its parameters are not named owner/repo, so the
# router lets other repositories through; the served repository is answered by ``repos.get_repo``.
@routes.get("/repos/{account}/{name}")
def get_any_repo(ctx: Context, call: Call) -> Reply:
    account, name = call.params["account"], call.params["name"]
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


@routes.get("/users/{login}")
def get_user(ctx: Context, call: Call) -> Reply:
    login = call.params["login"]
    known = ctx.state.catalog.accounts | {ctx.state.owner.lower()}
    if login.lower() not in known:
        raise ApiError(404, "Not Found")
    return _conditional(call, ctx.views.user(login))

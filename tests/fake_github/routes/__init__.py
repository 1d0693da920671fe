"""REST routes, one module per resource (named as in GitHub's REST documentation), and the router.

A route is ``METHOD`` + a path template: ``{name}`` is one path segment, ``{name+}`` one or more.
To find the handler of ``GET /repos/o/r/pulls/1``, open ``pulls.py``.
"""

from __future__ import annotations

import urllib.parse

from .. import conformance
from ..errors import ApiError, not_found
from ..objects import GitError, MergeConflict
from ..state import RepoState
from ..views import Views
from . import (
    branches,
    comments,
    commits,
    contents,
    events,
    git,
    issues,
    labels,
    meta,
    pulls,
    repos,
    repositories,
    users,
)
from .base import Call, Context, Reply, Route

# `repositories` before `repos`: it answers GET /repos/{owner}/{repo} for any repository.
MODULES = (
    meta,
    users,
    repositories,
    repos,
    git,
    contents,
    branches,
    commits,
    pulls,
    issues,
    comments,
    events,
    labels,
)

__all__ = ["Call", "Reply", "Route", "Router"]


class Router:
    """Maps method and path to the handlers of the route modules."""

    def __init__(self, state: RepoState, views: Views) -> None:
        self.context = Context(state, views)
        self.routes: list[Route] = [route for module in MODULES for route in module.routes.routes]

    def dispatch(self, call: Call) -> tuple[str | None, Reply]:
        """The matched route's template (None if no route matched) and the reply."""
        state = self.context.state
        for route in self.routes:
            match = route.pattern.fullmatch(call.raw_path)
            if route.method != call.method or match is None:
                continue
            call.params = {key: urllib.parse.unquote(value) for key, value in match.groupdict().items()}
            theirs = (call.params.get("owner", "").lower(), call.params.get("repo", "").lower())
            if (
                "owner" in call.params
                and not route.any_repository
                and theirs
                != (
                    state.owner.lower(),
                    state.name.lower(),
                )
            ):
                return route.template, Reply(404, not_found().body())
            try:
                conformance.check_request(call.method, route.template, call.params, call.query, call.body)
                return route.template, route.handler(self.context, call)
            except conformance.Rejected as error:
                return route.template, Reply(error.status, error.body(), rejected=error.reason)
            except ApiError as error:
                headers = {"Location": self.context.views.api + error.location} if error.location else {}
                return route.template, Reply(error.status, error.body(), headers)
            except MergeConflict:
                return route.template, Reply(405, ApiError(405, "Pull Request is not mergeable").body())
            except GitError as error:
                return route.template, Reply(422, ApiError(422, str(error)).body())
        return None, Reply(404, not_found().body())

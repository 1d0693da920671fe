"""What every route module shares: the request and reply types, path templates, pagination."""

from __future__ import annotations

import math
import re
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..errors import ApiError, not_found
from ..formats import JsonDict
from ..state import RepoState
from ..views import Views

REPO = "/repos/{owner}/{repo}"


@dataclass
class Call:
    """A request as handlers see it: path parameters are already percent-decoded."""

    method: str
    path: str  # decoded, without the optional /api/v3 prefix
    raw_path: str  # as sent (percent-encoded), without the prefix
    query: dict[str, str]
    body: Any
    params: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)  # lower-cased names
    actor: str = "github-actions[bot]"
    """The login of the token that sent the request."""

    def json(self) -> JsonDict:
        if not isinstance(self.body, dict):
            raise ApiError(400, "Problems parsing JSON")
        return self.body

    def arg(
        self, name: str, kind: type[Any] | tuple[type[Any], ...], required: bool = True, default: Any = None
    ) -> Any:
        body = self.json()
        if name not in body or body[name] is None:
            if required:
                raise ApiError(422, f'Invalid request.\n\n"{name}" wasn\'t supplied.')
            return default
        if not isinstance(body[name], kind) or (kind is int and isinstance(body[name], bool)):
            raise ApiError(
                422, f"Invalid request.\n\nFor 'properties/{name}', {body[name]!r} is not of the right type."
            )
        return body[name]

    def int_param(self, name: str) -> int:
        try:
            return int(self.params[name])
        except ValueError:
            raise not_found() from None


@dataclass
class Reply:
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    rejected: str | None = None
    """Why GitHub's API description rejects the request, when it does."""


@dataclass
class Context:
    """What a handler works on: the repository state and its JSON views."""

    state: RepoState
    views: Views

    def paginate(self, call: Call, items: list[Any]) -> Reply:
        """One page of ``items`` with the Link header PyGithub follows (``per_page`` default 30, max 100)."""
        try:
            per_page = min(max(int(call.query.get("per_page", 30)), 1), 100)
            page = max(int(call.query.get("page", 1)), 1)
        except ValueError:
            raise ApiError(400, "Invalid pagination parameters") from None
        last = max(math.ceil(len(items) / per_page), 1)

        def link(number: int, rel: str) -> str:
            query = urllib.parse.urlencode({**call.query, "page": number})
            return f'<{self.views.api}{call.raw_path}?{query}>; rel="{rel}"'

        links = []
        if page > 1:
            links += [link(page - 1, "prev"), link(1, "first")]
        if page < last:
            links += [link(page + 1, "next"), link(last, "last")]
        headers = {"Link": ", ".join(links)} if links else {}
        return Reply(200, items[(page - 1) * per_page : page * per_page], headers)


Handler = Callable[[Context, Call], Reply]


@dataclass(frozen=True)
class Route:
    method: str
    template: str  # e.g. "/repos/{owner}/{repo}/git/refs/{ref+}", also the route's name in recordings
    pattern: re.Pattern[str]
    handler: Handler
    any_repository: bool = False
    """Serves other repositories than the fake's own (``catalog``); others answer 404 for them."""


def compile_template(template: str) -> re.Pattern[str]:
    """``{name}`` matches one path segment, ``{name+}`` one or more, ``{name*}`` zero or more."""
    parts = re.split(r"\{(\w+)([+*]?)\}", template)
    regex = ""
    for i, part in enumerate(parts):
        if i % 3 == 0:
            regex += re.escape(part)
        elif i % 3 == 1:
            regex += f"(?P<{part}>"
        else:
            regex += {"": "[^/]+)", "+": ".+)", "*": ".*)"}[part]
    return re.compile(regex)


class Routes:
    """A route module's table, filled by decorators: ``@routes.get(REPO + "/pulls")``."""

    def __init__(self) -> None:
        self.routes: list[Route] = []

    def add(self, method: str, template: str, any_repository: bool = False) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            self.routes.append(Route(method, template, compile_template(template), handler, any_repository))
            return handler

        return register

    def get(self, template: str, *, any_repository: bool = False) -> Callable[[Handler], Handler]:
        return self.add("GET", template, any_repository)

    def post(self, template: str) -> Callable[[Handler], Handler]:
        return self.add("POST", template)

    def patch(self, template: str) -> Callable[[Handler], Handler]:
        return self.add("PATCH", template)

    def put(self, template: str) -> Callable[[Handler], Handler]:
        return self.add("PUT", template)

    def delete(self, template: str) -> Callable[[Handler], Handler]:
        return self.add("DELETE", template)

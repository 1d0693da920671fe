"""Conformance with GitHub's published REST API description (OpenAPI 3.0, ``description/``).

Every route of the fake is a documented operation (``description/extract.py`` refuses to extract
otherwise). For each request the router matched, the fake checks what GitHub's description checks:
path parameters (a non-integer issue number is answered 404), query parameters and the JSON body
against the operation's request schema (answered 422 "Invalid request", as GitHub does). For each
answer it gives, it checks the body against the response schema of that status; an answer outside
the description is a bug in the fake, collected in ``FakeGitHub.violations`` and failing the test.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import referencing
import referencing.jsonschema

from .errors import ApiError


class Rejected(ApiError):
    """A request GitHub's description rejects (the bot sent something undocumented or malformed)."""

    def __init__(self, status: int, message: str, *, reason: str | None = None) -> None:
        super().__init__(status, message)
        self.reason = reason or message.removeprefix("Invalid request.\n\n")


SUBSET = Path(__file__).parent / "description" / "api.github.com.subset.json"
UNDOCUMENTED = frozenset({("GET", "/repositories/{id}")})
"""Served though not in the description: where GitHub's 301 for a renamed or transferred repository points,
so a client that follows redirects asks for it. Not checked, and not counted as nonconforming."""
BASE_URI = "https://api.github.com/openapi/api.github.com.subset.json"


def spec_path(template: str) -> str:
    """A route template in the fake's notation (``{ref+}``, ``{path*}``) as the description writes it."""
    return re.sub(r"\{(\w+)[+*]\}", r"{\1}", template)


def _json_schema(node: Any) -> Any:
    """OpenAPI 3.0 schema objects as JSON Schema (draft 4): ``nullable: true`` also admits null."""
    if isinstance(node, list):
        return [_json_schema(v) for v in node]
    if not isinstance(node, dict):
        return node
    converted = {k: _json_schema(v) for k, v in node.items()}
    if converted.get("nullable") is True:
        del converted["nullable"]
        return {"anyOf": [converted, {"type": "null"}]}
    return converted


def _pointer(*parts: str) -> str:
    return "".join("/" + p.replace("~", "~0").replace("/", "~1") for p in parts)


def _date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    try:
        dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return "T" in value


FORMATS = jsonschema.FormatChecker(formats=["uri", "email"])
FORMATS.checks("date-time")(_date_time)


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str
    required: bool
    schema: dict[str, Any]


class Description:
    """The extracted operations, with validators built on first use."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = _json_schema(document)
        resource = referencing.jsonschema.DRAFT4.create_resource(self.document)
        self.registry: referencing.Registry[Any] = referencing.Registry().with_resource(BASE_URI, resource)

    def operation(self, method: str, template: str) -> dict[str, Any] | None:
        item = self.document["paths"].get(spec_path(template), {})
        op = item.get(method.lower())
        return op if isinstance(op, dict) else None

    def _resolve(self, node: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
        """Follow a ``$ref`` to a component: the object and its JSON pointer (None if inline)."""
        ref = node.get("$ref")
        if not isinstance(ref, str):
            return node, None
        target: Any = self.document
        for part in ref.removeprefix("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        return target, ref.removeprefix("#")

    def parameters(self, method: str, template: str) -> list[Parameter]:
        path = spec_path(template)
        item = self.document["paths"][path]
        found: dict[tuple[str, str], Parameter] = {}
        for raw in [*item.get("parameters", []), *item[method.lower()].get("parameters", [])]:
            param, _ = self._resolve(raw)
            found[(param["name"], param["in"])] = Parameter(
                param["name"], param["in"], bool(param.get("required")), param.get("schema", {})
            )
        return list(found.values())

    @functools.cache  # noqa: B019 (one Description per process)
    def validator(self, pointer: str) -> jsonschema.protocols.Validator:
        schema = {"$ref": f"{BASE_URI}#{pointer}"}
        return jsonschema.Draft4Validator(schema, registry=self.registry, format_checker=FORMATS)

    def request_body_pointer(self, method: str, template: str) -> tuple[bool, str | None]:
        """(required, pointer to the JSON request schema) of an operation."""
        op = self.operation(method, template) or {}
        body = op.get("requestBody")
        if not isinstance(body, dict):
            return False, None
        body, at = self._resolve(body)
        base = at or _pointer("paths", spec_path(template), method.lower(), "requestBody")
        if "application/json" not in body.get("content", {}):
            return bool(body.get("required")), None
        return bool(body.get("required")), base + _pointer("content", "application/json", "schema")

    def response_pointer(self, method: str, template: str, status: int) -> tuple[bool, str | None]:
        """(documented, pointer to the JSON schema of that status' body, None when it has none)."""
        op = self.operation(method, template) or {}
        response = op.get("responses", {}).get(str(status))
        if not isinstance(response, dict):
            return False, None
        response, at = self._resolve(response)
        base = at or _pointer("paths", spec_path(template), method.lower(), "responses", str(status))
        content = response.get("content", {})
        for media in ("application/json", "application/scim+json"):
            if media in content and "schema" in content[media]:
                return True, base + _pointer("content", media, "schema")
        return True, None


@functools.cache
def description() -> Description:
    return Description(json.loads(SUBSET.read_text(encoding="utf-8")))


def _message(error: jsonschema.ValidationError) -> str:
    where = "/".join(str(p) for p in error.absolute_path)
    return f"{where or '(root)'}: {error.message}"


def _coerce(value: str, schema: dict[str, Any]) -> Any:
    """A query or path string as the type its schema declares (what GitHub's router does)."""
    kind = schema.get("type")
    if kind == "integer" and re.fullmatch(r"-?\d+", value):
        return int(value)
    if kind == "boolean" and value in ("true", "false"):
        return value == "true"
    return value


def check_request(
    method: str, template: str, params: dict[str, str], query: dict[str, str], body: Any
) -> None:
    """Raise ApiError for what GitHub's description rejects: bad path parameters (404), bad query
    parameters or body (422)."""
    if (method, template) in UNDOCUMENTED:
        return
    spec = description()
    for param in spec.parameters(method, template):
        if param.location == "path":
            value = params.get(param.name)
            if value is None or not jsonschema.Draft4Validator(param.schema).is_valid(
                _coerce(value, param.schema)
            ):
                raise Rejected(404, "Not Found", reason=f"path parameter {param.name!r} = {value!r}")
        elif param.location == "query" and param.name in query:
            value = _coerce(query[param.name], param.schema)
            error = jsonschema.exceptions.best_match(
                jsonschema.Draft4Validator(param.schema).iter_errors(value)
            )
            if error is not None:
                raise Rejected(422, f"Invalid request.\n\nquery parameter {param.name!r}: {error.message}")
        elif param.location == "query" and param.required:
            raise Rejected(422, f"Invalid request.\n\nquery parameter {param.name!r} wasn't supplied.")
    required, pointer = spec.request_body_pointer(method, template)
    if pointer is None:
        return
    if body is None:
        if required:
            raise Rejected(422, "Invalid request.\n\nThe request body wasn't supplied.")
        return
    error = jsonschema.exceptions.best_match(spec.validator(pointer).iter_errors(body))
    if error is not None:
        raise Rejected(422, f"Invalid request.\n\n{_message(error)}")


def check_response(method: str, template: str, status: int, body: Any) -> list[str]:
    """What is wrong with an answer according to the description (empty when it conforms)."""
    if (method, template) in UNDOCUMENTED:
        return []
    documented, pointer = description().response_pointer(method, template, status)
    where = f"{method} {spec_path(template)} → {status}"
    if not documented:
        return [f"{where}: status not documented"] if 200 <= status < 300 else []
    if pointer is None:
        return [] if body is None else [f"{where}: documented without a body, but one was sent"]
    errors = sorted(description().validator(pointer).iter_errors(body), key=lambda e: list(e.absolute_path))
    return [f"{where}: {_message(e)}" for e in errors[:20]]

"""Error answers: GitHub's status codes and JSON error bodies."""

from __future__ import annotations

from .formats import JsonDict

DOCS_URL = "https://docs.github.com/rest"


class ApiError(Exception):
    """An error response: status and GitHub's JSON error body."""

    def __init__(
        self, status: int, message: str, errors: list[JsonDict] | None = None, *, location: str | None = None
    ) -> None:
        super().__init__(f"{status} {message}")
        self.status = status
        self.message = message
        self.errors = errors
        self.location = location
        """For a 301: where the resource went, as a path below the API root."""

    def body(self) -> JsonDict:
        body: JsonDict = {"message": self.message, "documentation_url": DOCS_URL, "status": str(self.status)}
        if self.errors:
            body["errors"] = self.errors
        return body


def not_found(message: str = "Not Found") -> ApiError:
    return ApiError(404, message)


def validation_failed(
    resource: str, message: str | None = None, *, field: str | None = None, code: str = "custom"
) -> ApiError:
    error: JsonDict = {"resource": resource, "code": code}
    if field:
        error["field"] = field
    if message:
        error["message"] = message
    return ApiError(422, "Validation Failed", [error])

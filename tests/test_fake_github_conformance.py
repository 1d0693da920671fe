"""The fake GitHub against GitHub's published REST API description (tests/fake_github/description/)."""

from __future__ import annotations

import json
from typing import Any

import pytest
import requests
from fake_github import FakeGitHub, conformance
from fake_github.routes import MODULES


def call(fake: FakeGitHub, method: str, path: str, body: Any = None) -> requests.Response:
    return requests.request(
        method,
        fake.url + path,
        data=None if body is None else json.dumps(body),
        headers={"Authorization": f"token {fake.token}"},
        timeout=5,
    )


def test_every_route_is_a_documented_operation() -> None:
    routes = [(r.method, r.template) for m in MODULES for r in m.routes.routes]
    routes = [route for route in routes if route not in conformance.UNDOCUMENTED]
    assert len(routes) >= 40
    spec = conformance.description()
    assert [(m, t) for m, t in routes if spec.operation(m, t) is None] == []


def test_an_undocumented_operation_is_answered_404_and_reported(fake: FakeGitHub) -> None:
    assert call(fake, "GET", "/repos/octo/leaderboard/git/refs/heads/main").status_code == 404
    [request] = fake.nonconforming()
    assert request.route is None


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "reason"),
    [
        (
            "POST",
            "/repos/octo/leaderboard/issues/1/comments",
            {"text": "hi"},
            422,
            "'body' is a required property",
        ),
        ("POST", "/repos/octo/leaderboard/issues/1/labels", ["bug"], 422, "is not of type 'object'"),
        ("PATCH", "/repos/octo/leaderboard/issues/1", {"state": "done"}, 422, "'done' is not one of"),
        ("POST", "/repos/octo/leaderboard/git/trees", {"tree": [{"path": "a", "mode": "644"}]}, 422, "'644'"),
        ("GET", "/repos/octo/leaderboard/pulls?state=merged", None, 422, "'merged' is not one of"),
        ("GET", "/repos/octo/leaderboard/issues/first", None, 404, "path parameter 'issue_number'"),
    ],
)
def test_requests_the_description_rejects_are_refused(
    fake: FakeGitHub, method: str, path: str, body: Any, status: int, reason: str
) -> None:
    before = fake.issue(1)
    answer = call(fake, method, path, body)
    assert answer.status_code == status
    [request] = fake.nonconforming()
    assert request.rejected is not None and reason in request.rejected
    assert fake.issue(1) == before and fake.comments(1) == []  # refused before any effect


def test_valid_requests_pass_and_their_answers_are_checked(fake: FakeGitHub) -> None:
    assert (
        call(fake, "POST", "/repos/octo/leaderboard/issues/1/labels", {"labels": ["bug"]}).status_code == 200
    )
    assert call(fake, "GET", "/repos/octo/leaderboard/pulls?state=all&per_page=100").status_code == 200
    assert fake.nonconforming() == [] and fake.violations == []


def test_an_answer_outside_the_description_is_a_violation() -> None:
    pull = "/repos/{owner}/{repo}/pulls/{pull_number}"
    assert conformance.check_response("GET", pull, 200, {"number": 1}) != []
    assert conformance.check_response("GET", pull, 404, {"message": "Not Found"}) == []
    assert conformance.check_response("GET", pull, 404, {"message": 404}) != []
    assert conformance.check_response("GET", pull, 299, {}) == [f"GET {pull} → 299: status not documented"]
    with pytest.raises(AssertionError, match="outside GitHub's API description"), FakeGitHub() as fake:
        fake.violations.append("for example")

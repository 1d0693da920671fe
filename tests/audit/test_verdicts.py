"""Answers → states, on plain data (pure): the rules the behaviour tests exercise over HTTP."""

from __future__ import annotations

import pytest

from bot.audit.verdicts import ApiAnswer, Hop, WebAnswer, github, hub, web

U = "https://x.example/a"


@pytest.mark.parametrize(
    ("hops", "state", "suggestion"),
    [
        ([Hop(U, 200)], "ok", None),
        (
            [Hop(U, 301, "https://x.example/b"), Hop("https://x.example/b", 200)],
            "moved",
            "https://x.example/b",
        ),
        ([Hop(U, 302, "https://x.example/b"), Hop("https://x.example/b", 200)], "ok", None),
        ([Hop(U, 308, "https://x.example/(b)"), Hop("https://x.example/(b)", 200)], "moved", None),
        ([Hop(U, 301, "https://x.example/b"), Hop("https://x.example/b", 410)], "dead", None),
        ([Hop(U, 404)], "dead", None),
        ([Hop(U, 403)], "unverified", None),
        ([Hop(U, 429)], "unverified", None),
        ([Hop(U, 503)], "unverified", None),
        ([Hop(U, 401)], "unverified", None),
    ],
)
def test_web(hops: list[Hop], state: str, suggestion: str | None) -> None:
    verdict = web(WebAnswer(tuple(hops)))
    assert (verdict.state, verdict.suggestion) == (state, suggestion)


@pytest.mark.parametrize(
    ("error", "state"),
    [("dns", "dead"), ("dns-temporary", "unverified"), ("timeout", "unverified"), ("tls", "unverified")],
)
def test_only_a_name_that_does_not_resolve_proves_anything(error: str, state: str) -> None:
    assert web(WebAnswer(error=error)).state == state  # type: ignore[arg-type]


def test_api_trouble_never_proves_a_repository_gone() -> None:
    for answer in (ApiAnswer(error="dns"), ApiAnswer(status=502), ApiAnswer(status=403, wait=3600)):
        assert github(answer, "https://github.com/a/b").state == "unverified"
        assert hub(answer, "https://huggingface.co/a/b").state == "unverified"


def test_github() -> None:
    url = "https://github.com/a/b/issues"
    assert github(ApiAnswer(status=200, name="a/b"), url).state == "ok"
    assert github(ApiAnswer(status=200, name="a/b", archived=True), url).state == "archived"
    moved = github(ApiAnswer(status=200, name="c/d", moved_to="c/d"), url)
    assert (moved.state, moved.suggestion) == ("moved", "https://github.com/c/d/issues")
    assert github(ApiAnswer(status=404), url).state == "dead"


def test_hub() -> None:
    url = "https://huggingface.co/a/b"
    assert hub(ApiAnswer(status=401, error_code="RepoNotFound"), url).state == "dead"
    assert hub(ApiAnswer(status=200, gated="auto"), url).state == "gated"
    assert hub(ApiAnswer(status=403, error_code="GatedRepo"), url).state == "gated"
    ok = hub(ApiAnswer(status=200, license="mit"), url)
    assert (ok.state, ok.args) == ("ok", {"license": "mit"})

"""bot/issue_body.py against GitHub's own parser (@github/issue-parser under Node) on generated bodies.

The bot must split a body exactly where GitHub splits it, whatever an answer holds; `values` is
compared with GitHub's result for the repository's form, a form with every field kind, and no form.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from form_bodies import FORM, FORM_TEXT, HOSTILE, RICH_FORM, RICH_FORM_TEXT, bodies
from github_parser.oracle import Oracle, OracleUnavailable, expected
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.issue_body import parse_body

EXAMPLES = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def github() -> Iterator[Oracle]:
    try:
        oracle = Oracle()
    except OracleUnavailable as exc:
        pytest.fail(str(exc))
    yield oracle
    oracle.close()


@pytest.mark.parametrize(
    "body",
    [
        # The cases from issue 8, each once as GitHub writes it.
        "### 模型名称 / Model name\n\nFoo\n\n### 简介 / Summary\n\n~~~ 约70亿参数 ~~~\n\n### 所在机构 / Organization\n\n某医院",
        "### 模型名称 / Model name\n\n```\n\n### 简介 / Summary\n\ns\n\n### 所在机构 / Organization\n\n某医院",
        "### 模型名称 / Model name\n\n<!--\n\n### 简介 / Summary\n\ns\n\n### 所在机构 / Organization\n\n某医院",
        "### 模型名称 / Model name\n\nA ### 所在机构 / Organization\n\n### 简介 / Summary\n\ns",
        "### 所用数据 / Training data and method\n\n    - indented\n  - less\n\n### 简介 / Summary\n\nNone",
        "### 所用数据 / Training data and method\n\n- a\n\nEdit: 已修正发布时间，谢谢！@maintainer\n\n### 备注 / Notes\n\nx",
        "\ufeff### 模型名称 / Model name\r\n\r\nFoo\r\n\r\n### 简介 / Summary\r\n\r\n_No response_",
        "Hello\n### 模型名称 / Model name\n\nFoo\n###",
    ],
)
def test_issue_8_bodies_read_as_github_reads_them(github: Oracle, body: str) -> None:
    assert parse_body(body, FORM).values == expected(github.parse(body, FORM_TEXT), FORM)


@EXAMPLES
@given(bodies(FORM))
def test_the_repository_form_splits_like_github(github: Oracle, body: str) -> None:
    assert parse_body(body, FORM).values == expected(github.parse(body, FORM_TEXT), FORM)


@EXAMPLES
@given(bodies(RICH_FORM))
def test_every_field_kind_splits_like_github(github: Oracle, body: str) -> None:
    assert parse_body(body, RICH_FORM).values == expected(github.parse(body, RICH_FORM_TEXT), RICH_FORM)


@settings(max_examples=100, deadline=None)
@given(bodies(FORM))
def test_without_a_form_headings_are_slugged_like_github(github: Oracle, body: str) -> None:
    assert parse_body(body).values == github.parse(body, None, slugify=True)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(HOSTILE), min_size=1, max_size=4))
def test_answers_written_by_github_come_back_as_typed(github: Oracle, pieces: list[str]) -> None:
    """A form filled in on GitHub and not edited: each answer is what was typed (GitHub's trimming),
    unless it holds a `###`, which GitHub's parser cuts at (the cut is reported, bot/body_review.py)."""
    typed = "\n".join(pieces)
    body = (
        f"### Title\n\n{typed}\n\n### Logs\n\n```shell\n{typed}\n```\n\n"
        f"### Kinds\n\n_No response_\n\n### Terms\n\n- [X] Public\n- [ ] Accurate\n\n### Notes\n\n{typed}"
    )
    parsed = parse_body(body, RICH_FORM)
    assert parsed.values == expected(github.parse(body, RICH_FORM_TEXT), RICH_FORM)
    if "###" not in typed:
        assert parsed.answers["logs"] == typed  # GitHub's own fence is removed, nothing else
        assert parsed.answers["terms"] == {"selected": ["Public"], "unselected": ["Accurate"]}

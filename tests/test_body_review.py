"""Content after the form (issue 8, item 3): text that is not an answer is never published.

Left out with a warning naming it; an error only when a heading looks like a form label but is not one.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from form_bodies import FORM, edited
from hypothesis import given, settings

from bot import body_review, pipeline
from bot.files import WorkingTree
from bot.issue_body import parse_body
from bot.layout import Layout, read_snapshot
from bot.model import Problem, errors, warnings

ROOT = Path(__file__).resolve().parent.parent
LAYOUT = Layout()
TODAY = dt.date(2026, 11, 25)
EXAMPLE = (ROOT / "examples/new-model.md").read_text(encoding="utf-8")
CTX = pipeline.context(read_snapshot(LAYOUT, WorkingTree(ROOT)))


def review(body: str) -> tuple[dict[str, str], list[Problem]]:
    return pipeline.review_submission(body, CTX, TODAY)


def test_an_edit_note_after_the_last_answer_is_left_out_with_a_warning_in_both_languages() -> None:
    row, problems = review(EXAMPLE + "\n\nEdit: 已修正发布时间，谢谢！@maintainer")
    assert "Edit" not in row["data"] and "maintainer" not in row["data"]
    assert row["data"].endswith("PubMed论文与摘要")
    [warning] = warnings(problems)
    assert not errors(problems)
    assert "“Edit: 已修正发布时间，谢谢！@maintainer”" in warning.message
    assert "没有发布" in warning.message and "it was left out" in warning.message
    assert "所用数据 / Training data and method" in warning.message


def test_an_extra_notes_section_is_left_out_with_a_warning_naming_it() -> None:
    row, problems = review(EXAMPLE + "\n\n### 备注 / Notes\n\n论文即将发表")
    assert row["data"].endswith("PubMed论文与摘要")
    [warning] = warnings(problems)
    assert "“### 备注 / Notes”" in warning.message and "“论文即将发表”" in warning.message
    assert "不是表单的字段" in warning.message and "is not a field of the form" in warning.message


def test_text_before_the_form_is_left_out_with_a_warning() -> None:
    row, problems = review("请收录这个模型！\n\n" + EXAMPLE)
    assert row["name"] == "Meditron-70B"
    [warning] = warnings(problems)
    assert "“请收录这个模型！”" in warning.message and "before the first field" in warning.message


def test_a_heading_that_looks_like_a_label_is_an_error_naming_the_label() -> None:
    body = EXAMPLE.replace("### 发布时间 / Release date", "### Release Date")
    row, problems = review(body)
    assert "released" not in row
    [error] = errors(problems)
    assert error.field == "released" and error.label == "发布时间 / Release date"
    assert "“### Release Date”" in error.message
    assert "请把标题改回“### 发布时间 / Release date”" in error.message
    assert "change it back to “### 发布时间 / Release date”" in error.message


def test_a_deeper_heading_of_a_label_is_an_error_too() -> None:
    body = EXAMPLE.replace("### 开源地址", "#### 开源地址")
    _row, problems = review(body)
    assert [p.field for p in errors(problems)] == ["url"]


def test_the_issue_8_one_line_answers_do_not_swallow_the_form() -> None:
    for summary in ("~~~ 约70亿参数 ~~~", "```", "<!--"):
        row, _problems = review(EXAMPLE.replace("基于Llama-2的开源医学大模型", summary))
        assert row["organization"] == "洛桑联邦理工学院（EPFL）", summary
        assert row["released"] == "2023-11-27" and row["url"] == "https://github.com/epfLLM/meditron"


def test_resembled_reads_case_width_spacing_and_either_language() -> None:
    for heading in (
        "模型名称",
        "Model name",
        "MODEL NAME:",
        "模型名称/Model name",
        "# 模型名称 / Model name",
        "ｍｏｄｅｌ ｎａｍｅ",
    ):
        spec = body_review.resembled(heading, FORM)
        assert spec is not None and spec.id == "name", heading
    assert body_review.resembled("备注 / Notes", FORM) is None
    assert body_review.resembled("###", FORM) is None


@settings(max_examples=200, deadline=None)
@given(edited(FORM))
def test_whatever_the_bot_cuts_from_githubs_reading_is_named_in_a_problem(body: str) -> None:
    """The published answer is GitHub's answer, or its beginning with the rest reported."""
    parsed = parse_body(body, FORM)
    problems = body_review.problems(parsed, FORM)
    assert len(problems) == len(parsed.extra)
    cut = {e.after for e in parsed.extra}
    for spec in FORM.fields:
        published, github = parsed.answers[spec.id], parsed.values[spec.id]
        assert isinstance(published, str) and isinstance(github, str)
        if published != github:
            assert spec.id in cut, (spec.id, published, github)
            assert github.startswith(published) or github.lower().startswith(("none", "_no response_"))


def test_html_in_one_answer_is_quoted_alone_not_with_the_fields_after_it() -> None:
    for html in ("<SCRIPT>", "<pre>", "<!--"):
        row, problems = review(EXAMPLE.replace("基于Llama-2的开源医学大模型", html))
        [problem] = [p for p in problems if p.code == "text-html"]
        assert problem.field == "summary" and problem.values == {"html": f"“{html}”"}
        assert row["organization"] == "洛桑联邦理工学院（EPFL）"

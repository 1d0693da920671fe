"""Parsing GitHub's rendered issue-form bodies (the shape @github/issue-parser returns)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from bot.form import Form, parse_form
from bot.issue_body import Extra, js_trim, parse_body

ROOT = Path(__file__).resolve().parent.parent
FORM = parse_form((ROOT / ".github/ISSUE_TEMPLATE/new-model.yml").read_text(encoding="utf-8"))
RICH_FORM = parse_form(
    """
name: t
description: t
body:
  - type: input
    id: title
    attributes: {label: Title}
  - type: textarea
    id: logs
    attributes: {label: Logs, render: shell}
  - type: dropdown
    id: kinds
    attributes: {label: Kinds, multiple: true, options: [LLM, Vision, Audio]}
  - type: checkboxes
    id: terms
    attributes:
      label: Terms
      options:
        - label: Public
        - label: Accurate
"""
)


def body(*pairs: tuple[str, str], newline: str = "\n") -> str:
    return newline.join(f"### {label}{newline}{newline}{answer}{newline}" for label, answer in pairs)


def test_labels_map_to_field_ids_and_no_response_is_empty() -> None:
    parsed = parse_body(body(("模型名称 / Model name", "Foo"), ("简介 / Summary", "_No response_")), FORM)
    assert parsed.values["name"] == "Foo"
    assert parsed.values["summary"] == ""
    assert parsed.values["url"] == ""  # absent fields are empty, not missing


def test_crlf_bodies_parse_like_lf() -> None:
    pairs = (("模型名称 / Model name", "Foo"), ("所用数据 / Training data and method", "- a\n- b"))
    assert parse_body(body(*pairs, newline="\r\n"), FORM).values == parse_body(body(*pairs), FORM).values


def test_a_label_inside_a_fenced_code_block_splits_the_body_as_on_github() -> None:
    # GitHub's parser does not read markdown: the fence does not hide the heading.
    answer = "```\n### 开源地址 / Repository or homepage URL\nhttps://evil.example\n```"
    parsed = parse_body(body(("所用数据 / Training data and method", answer)), FORM)
    assert parsed.values["data"] == "```"
    assert parsed.values["url"] == "https://evil.example\n```"


def test_an_unclosed_fence_or_comment_does_not_swallow_the_next_fields() -> None:
    for opener in ("```", "~~~ 约70亿参数 ~~~", "<!--", "<pre>"):
        parsed = parse_body(
            body(
                ("简介 / Summary", opener),
                ("所在机构 / Organization", "某医院"),
                ("发布时间 / Release date", "2024"),
            ),
            FORM,
        )
        assert parsed.answers["summary"] == opener
        assert parsed.answers["organization"] == "某医院" and parsed.answers["released"] == "2024"


def test_a_heading_that_is_not_a_label_is_glued_on_by_github_and_left_out_of_the_answer() -> None:
    answer = "line one\n### not a field\nline two"
    parsed = parse_body(
        body(("所用数据 / Training data and method", answer), ("模型名称 / Model name", "X")), FORM
    )
    assert parsed.values["data"] == answer  # what GitHub's parser returns
    assert parsed.answers["data"] == "line one"  # what the bot publishes
    assert parsed.extra == [Extra("section", "line two", "data", heading="not a field")]
    assert parsed.answers["name"] == "X"


def test_a_label_in_the_middle_of_a_line_starts_that_field() -> None:
    parsed = parse_body(body(("模型名称 / Model name", "A ### 所在机构 / Organization\nB")), FORM)
    assert parsed.answers["name"] == "A"
    assert parsed.answers["organization"] == "B"


def test_text_before_the_first_field_and_a_stray_heading_are_reported() -> None:
    text = "Hi!\n" + body(("模型名称 / Model name", "A C### x"))
    parsed = parse_body(text, FORM)
    assert parsed.answers["name"] == "A C"
    assert parsed.extra == [Extra("text", "Hi!", None), Extra("section", "", "name", heading="x")]


def test_notes_added_after_an_answer_are_not_part_of_it() -> None:
    for note in (
        "Edit: 已修正发布时间，谢谢！@maintainer",
        "编辑：改了日期",
        "谢谢！",
        "感谢 @maintainer 的审核",
        "---\nanything after a rule",
        "PS the paper is out",
    ):
        parsed = parse_body(body(("所用数据 / Training data and method", f"- a\n- b\n\n{note}")), FORM)
        assert parsed.answers["data"] == "- a\n- b", note
        assert parsed.extra == [Extra("note", note, "data")], note


def test_a_note_after_no_response_leaves_the_field_empty() -> None:
    parsed = parse_body(body(("简介 / Summary", "_No response_\n\nEdit: forgot this")), FORM)
    assert parsed.values["summary"] == "_No response_\n\nEdit: forgot this"  # GitHub: not empty
    assert parsed.answers["summary"] == ""


def test_lines_that_merely_mention_thanks_or_emails_stay_in_the_answer() -> None:
    answer = "- 基于Llama\n- 联系 a@b.org\n- 谢谢大家的数据集\n- update of v1"
    assert parse_body(body(("所用数据 / Training data and method", answer)), FORM).answers["data"] == answer


def test_leading_indentation_is_trimmed_like_github() -> None:
    parsed = parse_body(body(("所用数据 / Training data and method", "    - a\n    - b")), FORM)
    assert parsed.answers["data"] == "- a\n    - b"


def test_none_in_any_case_is_no_answer() -> None:
    for empty in ("None", "none", "NONE", "_No response_", "_no response_"):
        assert parse_body(body(("简介 / Summary", empty)), FORM).answers["summary"] == ""


def test_a_bom_before_the_body_is_ignored() -> None:
    parsed = parse_body("\ufeff" + body(("模型名称 / Model name", "Foo")), FORM)
    assert parsed.answers["name"] == "Foo" and parsed.extra == []


def test_a_repeated_label_is_reported_and_the_last_answer_counts_as_on_github() -> None:
    parsed = parse_body(body(("模型名称 / Model name", "A"), ("模型名称 / Model name", "B")), FORM)
    assert parsed.values["name"] == "B"
    assert parsed.repeated == ["模型名称 / Model name"]


def test_dropdown_checkboxes_and_rendered_textarea() -> None:
    text = body(
        ("Title", "T"),
        ("Logs", "```shell\n$ make\n  ok\n```"),
        ("Kinds", "LLM, Vision"),
        ("Terms", "- [x] Public\n- [ ] Accurate"),
    )
    assert parse_body(text, RICH_FORM).answers == {
        "title": "T",
        "logs": "$ make\n  ok",
        "kinds": ["LLM", "Vision"],
        "terms": {"selected": ["Public"], "unselected": ["Accurate"]},
    }


def test_a_rendered_answer_is_unwrapped_only_when_githubs_fence_is_there() -> None:
    def logs(answer: str) -> object:
        return parse_body(body(("Logs", answer)), RICH_FORM).answers["logs"]

    assert (
        logs("```shell\n```python\nx\n```\n```") == "```python\nx\n```"
    )  # GitHub's fence, typed fence inside
    assert logs("```shell\n\n```") == ""  # an empty answer, as GitHub writes it
    assert logs("```python\nx\n```") == "```python\nx\n```"  # not GitHub's fence: as written
    assert logs("~~~shell\nx\n~~~") == "~~~shell\nx\n~~~"
    assert logs("```shell\nx") == "```shell\nx"  # cut by a `###` or edited: not unwrapped


def test_dropdown_none_is_an_empty_list_and_capital_x_is_checked() -> None:
    values = parse_body(body(("Kinds", "None"), ("Terms", "- [X] Public\n- [X] Accurate")), RICH_FORM).values
    assert values["kinds"] == []
    assert values["terms"] == {"selected": ["Public", "Accurate"], "unselected": []}


def test_without_a_form_every_heading_is_a_field_keyed_by_its_slug() -> None:
    values = parse_body(body(("Model Name", "A"), ("Release date", "_No response_"))).values
    assert values == {"model_name": "A", "release_date": "_No response_"}  # as GitHub's slugify option


def test_a_free_text_issue_has_no_fields_present() -> None:
    assert parse_body("Please add Foo, it is great.\n\n## Details\nhttps://x.org", FORM).present == []


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_any_single_line_answer_without_a_heading_comes_back_trimmed(answer: str) -> None:
    line = " ".join(answer.split())
    parsed = parse_body(
        body(("模型名称 / Model name", line), ("简介 / Summary", "s")), Form(fields=FORM.fields)
    )
    if "###" in line:
        return  # GitHub's parser cuts there (compared with GitHub in test_github_parser.py)
    expected = js_trim(line)
    assert parsed.answers["name"] == ("" if expected.lower() in ("", "none", "_no response_") else expected)
    assert parsed.answers["summary"] == "s"

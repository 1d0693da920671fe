"""Parsing GitHub's rendered issue-form bodies (the shape @github/issue-parser returns)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from bot.form import Form, parse_form
from bot.issue_body import parse_body

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


def test_heading_inside_a_fenced_code_block_stays_in_the_answer() -> None:
    answer = "```\n### 开源地址 / Repository or homepage URL\nhttps://evil.example\n```"
    parsed = parse_body(body(("所用数据 / Training data and method", answer)), FORM)
    assert parsed.values["data"] == answer
    assert parsed.values["url"] == ""


def test_heading_that_is_not_a_label_stays_in_a_textarea_answer() -> None:
    answer = "line one\n### not a field\nline two"
    parsed = parse_body(
        body(("所用数据 / Training data and method", answer), ("模型名称 / Model name", "X")), FORM
    )
    assert parsed.values["data"] == answer
    assert parsed.values["name"] == "X"


def test_a_repeated_label_keeps_the_first_answer_and_is_reported() -> None:
    parsed = parse_body(body(("模型名称 / Model name", "A"), ("模型名称 / Model name", "B")), FORM)
    assert parsed.values["name"] == "A"
    assert parsed.repeated == ["模型名称 / Model name"]


def test_dropdown_checkboxes_and_rendered_textarea() -> None:
    text = body(
        ("Title", "T"),
        ("Logs", "```shell\n$ make\n### ok\n```"),
        ("Kinds", "LLM, Vision"),
        ("Terms", "- [x] Public\n- [ ] Accurate"),
    )
    assert parse_body(text, RICH_FORM).values == {
        "title": "T",
        "logs": "$ make\n### ok",
        "kinds": ["LLM", "Vision"],
        "terms": {"selected": ["Public"], "unselected": ["Accurate"]},
    }


def test_dropdown_none_is_an_empty_list_and_capital_x_is_checked() -> None:
    values = parse_body(body(("Kinds", "None"), ("Terms", "- [X] Public\n- [X] Accurate")), RICH_FORM).values
    assert values["kinds"] == []
    assert values["terms"] == {"selected": ["Public", "Accurate"], "unselected": []}


def test_without_a_form_every_heading_is_a_field_keyed_by_its_slug() -> None:
    values = parse_body(body(("Model Name", "A"), ("Release date", "_No response_"))).values
    assert values == {"model_name": "A", "release_date": ""}


def test_a_free_text_issue_has_no_fields_present() -> None:
    assert parse_body("Please add Foo, it is great.\n\n## Details\nhttps://x.org", FORM).present == []


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_any_single_line_answer_comes_back_trimmed(answer: str) -> None:
    line = " ".join(answer.split())
    # Answers are sliced from the source, so whatever markdown the line holds comes back as typed.
    parsed = parse_body(
        body(("模型名称 / Model name", line), ("简介 / Summary", "s")), Form(fields=FORM.fields)
    )
    assert parsed.values["name"] == ("" if line == "_No response_" else line)
    assert parsed.values["summary"] == "s"

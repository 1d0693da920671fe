"""Schema and review rules: what a new submission must pass, and how problems are phrased."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from bot import validate
from bot.form import parse_form
from bot.model import Row

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "schemas/model.schema.json").read_text(encoding="utf-8"))
LABELS = parse_form((ROOT / ".github/ISSUE_TEMPLATE/new-model.yml").read_text(encoding="utf-8")).labels
TODAY = dt.date(2026, 11, 25)


def problems(row: Row, strict: bool = True) -> list[tuple[str | None, str, str]]:
    found = validate.check_row({"id": "x", **row}, schema=SCHEMA, labels=LABELS, today=TODAY, strict=strict)
    return [(p.field, p.severity, p.message) for p in found]


def test_a_good_row_has_no_problems() -> None:
    row = {
        "name": "Meditron",
        "released": "2023-11",
        "url": "https://github.com/epfLLM/meditron",
        "data": "-a -b",
    }
    assert problems(row) == []


def test_name_is_required_and_problems_carry_the_form_label() -> None:
    found = validate.check_row({"id": "x", "summary": "x"}, schema=SCHEMA, labels=LABELS, today=TODAY)
    assert [(p.field, p.label, p.code, p.zh, p.en) for p in found] == [
        ("name", "模型名称 / Model name", "required", "必填，请填写。", "is required; fill it in.")
    ]


@pytest.mark.parametrize(
    "url", ["ftp://x.org/a", "javascript:alert(1)", "github.com/a/b", "https://", "https://exa mple.org"]
)
def test_only_full_http_urls(url: str) -> None:
    assert [f for f, severity, _ in problems({"name": "A", "url": url}) if severity == "error"] == ["url"]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("<script>alert(1)</script>", "HTML"),
        ("x <img src=x onerror=alert(1)>", "HTML"),
        ("[a](javascript:alert(1))", "only http:// and https:// links"),
        ("[a](data:text/html,x)", "only http:// and https:// links"),
        ("![pic](https://x.org/a.png)", "image"),
        ("{{< youtube x >}}", "shortcode"),
        ("{{% x %}}", "shortcode"),
        ("a\u202eb", "invisible"),
        ("a\u0000b", "invisible"),
        ("斯坦福大学-", "stray"),
    ],
)
@pytest.mark.parametrize("field", ["name", "summary", "organization", "data"])
def test_hostile_text_is_an_error_in_every_text_field(field: str, text: str, fragment: str) -> None:
    row = {"name": "A", field: text}
    assert any(f == field and sev == "error" and fragment in msg for f, sev, msg in problems(row))


def test_http_links_and_markdown_punctuation_are_fine() -> None:
    row = {"name": "A*", "data": "基于[Llama](https://x.org/a_b) | 2*3 _x_ `y` ~z~ \\ & <= 5"}
    assert problems(row) == []


def test_stored_rows_get_warnings_for_review_rules_but_errors_for_the_schema() -> None:
    assert problems({"name": "A", "organization": "斯坦福-"}, strict=False) == [
        ("organization", "warning", "末尾多了一个“-”；请删掉。 / ends with a stray “-”; remove it.")
    ]
    assert problems({"name": "A", "extra": "x"}, strict=False)[0][1] == "error"


def test_lengths_are_limited_with_the_numbers_in_the_message() -> None:
    [(field, _, message)] = problems({"name": "A" * 101})
    assert field == "name" and message == (
        "长 101 个字符，上限是 100 个，请缩短。 / is 101 characters long; the limit is 100. Shorten it."
    )


def test_future_and_unbalanced() -> None:
    assert (
        "released",
        "error",
        "“2026-12” 在未来；请填写模型发布的日期。 / “2026-12” is in the future; give the date the model was released.",
    ) in problems({"name": "A", "released": "2026-12"})
    assert any("parentheses" in m for _, _, m in problems({"name": "A", "url": "https://x.org/a)"}))


@pytest.mark.parametrize(
    ("row", "field", "fragment"),
    [
        ({"name": "A", "url": "https://[::1"}, "url", "not a valid URL"),  # urlsplit raises on this
        ({"name": "BioGPT\u3164"}, "name", "invisible"),  # a Hangul filler makes a look-alike duplicate
        ({"name": "x\ufffe"}, "name", "invisible"),  # a noncharacter
        ({"name": "🧬"}, "name", "no letter or digit"),  # its key would be empty and skip the duplicate check
        (
            {"name": "A", "summary": "[https://github.com/a/b](https://evil.example/x)"},
            "summary",
            "looks like another address",
        ),
    ],
)
def test_inputs_found_in_review(row: Row, field: str, fragment: str) -> None:
    assert any(f == field and sev == "error" and fragment in m for f, sev, m in problems(row))


def test_a_link_label_naming_its_own_host_is_fine() -> None:
    assert problems({"name": "A", "summary": "[github.com](https://www.github.com/x)"}) == []


def test_quoted_contributor_text_is_one_short_line() -> None:
    [(_, _, message)] = problems({"name": "A", "released": "### ✅ Accepted\n- x" + "9" * 500})
    assert "\n" not in message and len(message) < 200


def test_the_json_schema_uri_format_is_checked() -> None:
    # Passes the `^https?://` pattern; only the format checker (rfc3986-validator) can reject it.
    [problem] = validate.schema_problems(
        {"id": "a", "name": "A", "url": "https://exa mple.org/"}, SCHEMA, LABELS
    )
    assert problem.field == "url" and "not a valid URL" in problem.message


def test_a_pasted_table_row_is_refused_naming_the_field_in_both_languages() -> None:
    for name in (
        "| Apollo-7B | 香港中文大学（深圳） | 2024年3月 |",
        "Apollo-7B | 香港中文大学（深圳） | 2024年3月",
    ):
        [(field, severity, message)] = problems({"name": name})
        assert field == "name" and severity == "error"
        assert "看起来是从 markdown 表格复制的一整行" in message
        assert "looks like a row pasted from a markdown table" in message
    assert problems({"name": "A|B"}) == []
    assert [field for field, _, _ in problems({"name": "X", "data": "| a | b |"})] == ["data"]

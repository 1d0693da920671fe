"""Schema and review rules: what a new submission must pass, and how problems are phrased."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot import columns, validate
from bot.form import parse_form
from bot.model import Row

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "schemas/model.schema.json").read_text(encoding="utf-8"))
LABELS = parse_form((ROOT / ".github/ISSUE_TEMPLATE/new-model.yml").read_text(encoding="utf-8")).labels
TODAY = dt.date(2026, 11, 25)
FORMATS = columns.load(SCHEMA).formats


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
        "“2026-12” 是未来的日期；请填写模型实际发布的日期。 / “2026-12” is in the future; give the date the model was released.",
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
            "shows “github.com” but which goes to “evil.example”",
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
        {"id": "a", "name": "A", "url": "https://exa^mple.org/"}, SCHEMA, LABELS
    )
    assert problem.field == "url" and "not a valid URL" in problem.message


def test_a_pasted_table_row_is_refused_naming_the_field_in_both_languages() -> None:
    for name in (
        "| Apollo-7B | 香港中文大学（深圳） | 2024年3月 |",
        "Apollo-7B | 香港中文大学（深圳） | 2024年3月",
    ):
        [(field, severity, message)] = problems({"name": name})
        assert field == "name" and severity == "error"
        assert "看起来是从表格复制的一整行" in message
        assert "looks like a row pasted from a table" in message
    assert problems({"name": "A|B"}) == []
    assert [field for field, _, _ in problems({"name": "X", "data": "| a | b |"})] == ["data"]


# --- issue 8, item 4: specific help for common mistakes, in both languages ----------------------


@pytest.mark.parametrize(
    ("url", "zh", "en"),
    [
        (
            "github.com/x/y",
            "请写成 https://github.com/x/y",
            "has no https:// in front; write https://github.com/x/y",
        ),
        ("www.x.org", "请写成 https://www.x.org", "write https://www.x.org"),
        ("https://a.org/x https://b.org/y", "包含 2 个网址", "holds 2 addresses; give one"),
        ("https://a.org/x，b.org/y", "包含 2 个网址", "holds 2 addresses"),
        (
            "[x](https://github.com/a/b)",
            "请只写网址：https://github.com/a/b",
            "write only the address: https://github.com/a/b",
        ),
        (
            "<https://github.com/a/b>",
            "两边带有尖括号",
            "has angle brackets around it; write only the address: https://github.com/a/b",
        ),
        (
            "https://github.com/a/b。",
            "以“。”结尾",
            "ends with “。”, probably punctuation from the sentence around it; write https://github.com/a/b.",
        ),
        ("https://github.com/a/b，", "请写成 https://github.com/a/b", "ends with “，”"),
        ("https://user:pw@github.com/a", "“@”前带有用户名或密码", "goes to “github.com”"),
        (
            "https://github.com@evil.example/",
            "实际指向 “evil.example”",
            "goes to “evil.example”, which the text before “@” hides",
        ),
        ("https://exa mple.org/", "中间有空格", "has a space in it"),
    ],
)
def test_each_url_mistake_gets_its_own_fix(url: str, zh: str, en: str) -> None:
    [(field, severity, message)] = problems({"name": "A", "url": url})
    assert field == "url" and severity == "error"
    assert zh in message and en in message, message


def test_an_invisible_character_is_named_with_its_code_point_and_where_it_is() -> None:
    [(field, _, message)] = problems({"name": "Bio\u200bGPT"})
    assert field == "name"
    assert "U+200B ZERO WIDTH SPACE" in message and "“Bio⟦U+200B⟧GPT”" in message
    assert "含有看不见的字符" in message and "contains an invisible character" in message


def test_a_zero_width_joiner_inside_an_emoji_is_part_of_it_but_not_between_letters() -> None:
    for name in ("Doc 👩\u200d⚕\ufe0f", "🧑🏽\u200d💻 Coder", "👨\u200d👩\u200d👧 Family"):
        assert problems({"name": name}) == [], name
    [(_, _, message)] = problems({"name": "Bio\u200dGPT"})
    assert "U+200D ZERO WIDTH JOINER" in message
    [(_, _, message)] = problems({"name": "Doc 👩\u200d"})  # joins nothing
    assert "U+200D" in message


def test_a_tab_pasted_from_a_spreadsheet_is_a_space() -> None:
    from bot.pipeline import row_from_answers

    form = parse_form((ROOT / ".github/ISSUE_TEMPLATE/new-model.yml").read_text(encoding="utf-8"))
    row, found = row_from_answers({"name": "Bio\tGPT", "organization": "清华\t大学"}, form, FORMATS)
    assert row == {"name": "Bio GPT", "organization": "清华 大学"} and found == []
    assert problems(row) == []


def test_words_the_page_cannot_wrap_are_refused_with_the_reason() -> None:
    word = "A" * (validate.LONGEST_WORD + 1)
    [(field, severity, message)] = problems({"name": "A", "data": f"基于 {word}"})
    assert field == "data" and severity == "error"
    assert f"{validate.LONGEST_WORD + 1} characters without a space; the page cannot wrap it" in message
    assert "页面无法在其中换行" in message
    url = "https://example.org/" + "a" * 40
    [(_, _, message)] = problems({"name": "A", "data": url})
    assert "Write it as a link with a short text instead: [name](https://…)" in message
    # Hyphens, spaces and Chinese text are places to wrap; a long link's address is not shown.
    fine = "-".join(["Llama"] * 20) + " " + "医" * 300 + f" [数据]({url})"
    assert problems({"name": "A", "data": fine}) == []
    assert problems({"name": "A", "data": "x" * validate.LONGEST_WORD}) == []
    assert problems({"name": "A", "data": word}, strict=False)[0][1] == "warning"  # stored rows


def test_the_longest_word_breaks_where_chromium_breaks() -> None:
    # Measured in Chromium (headless): it wraps after `-` and around CJK, not at `/ . , _ :`.
    assert validate.longest_word("aaaa-bbbbbb-cc") == "bbbbbb-"
    assert validate.longest_word("aaaa/bbbb.cccc_dd,ee:ff") == "aaaa/bbbb.cccc_dd,ee:ff"
    assert validate.longest_word("基于Llama继续") == "Llama"


def test_a_date_stored_by_hand_in_an_accepted_spelling_is_a_warning_with_the_stored_form() -> None:
    [(field, severity, message)] = problems({"name": "A", "released": "2023年2月1日"}, strict=False)
    assert (field, severity) == ("released", "warning")
    assert "“2023年2月1日” is a date, but not in the form the data file keeps; write 2023-02-01" in message
    assert "请写成 2023-02-01" in message
    [(_, severity, _)] = problems({"name": "A", "released": "sometime"}, strict=False)
    assert severity == "error"


def test_an_ambiguous_date_names_both_readings() -> None:
    from bot.pipeline import row_from_answers

    form = parse_form((ROOT / ".github/ISSUE_TEMPLATE/new-model.yml").read_text(encoding="utf-8"))
    _row, [problem] = row_from_answers({"name": "A", "released": "03/04/2024"}, form, FORMATS)
    assert "month first (2024-03-04) or the day first (2024-04-03)" in problem.message
    assert "月在前（2024-03-04）" in problem.message


# --- issue 8, item 5: one link model -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("`[github.com](https://evil.example/x)`", "text-link-spoof"),  # a code span is not one for `inline`
        ("\\[github.com](https://evil.example/x)", "text-link-spoof"),  # nor is an escaped bracket
        ("[github.com.](https://evil.example/x)", "text-link-spoof"),
        ("[see github.com/x](https://evil.example/x)", "text-link-spoof"),
        ("[github。com](https://evil.example/x)", "text-link-spoof"),
        ("[ｇｉｔｈｕｂ．ｃｏｍ](https://evil.example/x)", "text-link-spoof"),
        ("[GITHUB.COM](https://evil.example/x)", "text-link-spoof"),
        ("[github.com](https://github.com@evil.example/)", "link-userinfo"),
        ("[x](https://user:pass@example.org/)", "link-userinfo"),
        ("[   ](https://evil.example/x)", "link-empty-label"),
        ("[\u3000](https://evil.example/x)", "link-empty-label"),
    ],
)
def test_links_are_checked_as_they_are_rendered(text: str, code: str) -> None:
    assert [found for found, _ in validate.text_problems(text)] == [code]


@pytest.mark.parametrize(
    "text",
    [
        "[GitHub](https://github.com/x)",
        "[www.github.com](https://github.com/x)",
        "[github.com/x/y](https://www.github.com/x/y)",
        "[例子.中国](https://xn--fsqu00a.xn--fiqs8s/)",
        "[Llama-2.0 论文](https://arxiv.org/abs/2307.09288)",
        "`code` and [a](https://x.org/)",
    ],
)
def test_honest_links_pass(text: str) -> None:
    assert validate.text_problems(text) == []


# --- review round: more cases of each class ------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "code", "fix"),
    [
        ("（https://github.com/x/y）", "url-with-text", "https://github.com/x/y"),  # full-width brackets
        ("(https://github.com/x/y)", "url-with-text", "https://github.com/x/y"),
        ('"https://github.com/x/y"', "url-with-text", "https://github.com/x/y"),
        ("`https://github.com/x/y`", "url-with-text", "https://github.com/x/y"),
        ("仓库：https://github.com/x/y", "url-with-text", "https://github.com/x/y"),
        ("https://github.com/x/y 模型仓库", "url-with-text", "https://github.com/x/y"),
        ("https://github.com/x/y（官方）", "url-with-text", "https://github.com/x/y"),
        ("https://github．com/x/y", "url-full-width", "https://github.com/x/y"),
        ("ｈｔｔｐｓ：／／github.com/x/y", "url-full-width", "https://github.com/x/y"),
        ("https:/github.com/x/y", "url-scheme-typo", "https://github.com/x/y"),
        ("https//github.com/x/y", "url-scheme-typo", "https://github.com/x/y"),
        ("https:github.com/x/y", "url-scheme-typo", "https://github.com/x/y"),
        ("https:///github.com/x/y", "url-scheme-typo", "https://github.com/x/y"),
        ("'https://github.com/x/y'", "url-with-text", "https://github.com/x/y"),
        ('https://github.com/x/y"', "url-trailing-punct", "https://github.com/x/y"),
    ],
)
def test_an_address_with_something_around_it_gets_the_address_to_write(url: str, code: str, fix: str) -> None:
    found = validate.check_row(
        {"id": "x", "name": "A", "url": url}, schema=SCHEMA, labels=LABELS, today=TODAY
    )
    assert [(p.field, p.code) for p in found] == [("url", code)]
    assert fix in found[0].zh and fix in found[0].en


@pytest.mark.parametrize(
    "url",
    [
        "https://en.wikipedia.org/wiki/Foo_(bar)",
        "https://example.org/a?b='c'",
        "https://example.org/it's",
        "https://example.org/a,b;c=d",
        "https://mp.weixin.qq.com/s/l5iE9NCA2v0fC_wg3S5DTw",
    ],
)
def test_addresses_with_quotes_commas_or_parentheses_inside_are_fine(url: str) -> None:
    assert validate.url_problems(url) == []


def test_an_invisible_character_in_an_address_is_named() -> None:
    [problem] = validate.check_row(
        {"id": "x", "name": "A", "url": "https://github.com/x/y\u200b"},
        schema=SCHEMA,
        labels=LABELS,
        today=TODAY,
    )
    assert (problem.field, problem.code) == ("url", "text-invisible")
    assert "U+200B ZERO WIDTH SPACE" in problem.en and "U+200B ZERO WIDTH SPACE" in problem.zh


def test_an_impossible_port_is_not_an_address() -> None:
    [problem] = validate.check_row(
        {"id": "x", "name": "A", "url": "https://example.com:99999/x"},
        schema=SCHEMA,
        labels=LABELS,
        today=TODAY,
    )
    assert (problem.field, problem.code) == ("url", "url-invalid")


def test_an_address_with_chinese_in_its_path_is_stored_percent_encoded() -> None:
    stored = validate.normalize_url("https://zh.wikipedia.org/wiki/文心一言")
    assert stored == "https://zh.wikipedia.org/wiki/%E6%96%87%E5%BF%83%E4%B8%80%E8%A8%80"
    assert problems({"name": "A", "url": stored}) == []
    assert validate.normalize_url("https://a.org/x\u200by") == "https://a.org/x\u200by"  # still found


@pytest.mark.parametrize(
    "text",
    [
        "[127.0.0.1](https://10.0.0.1/x)",  # an IP address shown is a host shown
        "[下载 1.2.3.4](https://evil.example/)",
    ],
)
def test_a_link_showing_an_ip_address_must_go_there(text: str) -> None:
    assert [code for code, _ in validate.text_problems(text)] == ["text-link-spoof"]


def test_a_link_showing_its_own_ip_address_or_a_version_is_fine() -> None:
    assert validate.text_problems("[10.0.0.1](https://10.0.0.1/x)") == []
    assert validate.text_problems("[v1.2.3.4](https://github.com/x/y/releases)") == []


@pytest.mark.parametrize(
    "name",
    [
        "｜Apollo-7B｜香港中文大学（深圳）｜2024年3月｜",  # a full-width pipe, as a Chinese input method types it
        "Apollo-7B ｜ 香港中文大学 ｜ 2024年3月",
    ],
)
def test_a_table_row_typed_with_full_width_pipes_is_a_table_row(name: str) -> None:
    assert [(f, s) for f, s, _ in problems({"name": name})] == [("name", "error")]


def test_cells_pasted_from_a_spreadsheet_are_a_table_row_but_one_tab_is_a_space() -> None:
    from bot.pipeline import row_from_answers

    form = parse_form((ROOT / ".github/ISSUE_TEMPLATE/new-model.yml").read_text(encoding="utf-8"))
    _row, found = row_from_answers({"name": "Apollo-7B\t香港中文大学（深圳）\t2024年3月"}, form, {})
    assert [(p.field, p.code) for p in found] == [("name", "text-table-row")]
    assert "Apollo-7B" in found[0].zh and "Apollo-7B" in found[0].en
    _row, found = row_from_answers({"data": "语料\tPubMed\n论文\tarXiv\t2023"}, form, {})
    assert [(p.field, p.code) for p in found] == [("data", "text-table-row")]


@pytest.mark.parametrize("value", ["－", "美国斯坦福大学－", "清华大学，", "清华大学﹐"])
def test_a_stray_dash_or_comma_of_any_width_is_found(value: str) -> None:
    assert [(f, s) for f, s, m in problems({"name": "A", "organization": value}) if "“" in m] == [
        ("organization", "error")
    ]


@given(
    st.one_of(
        st.text(max_size=40),
        st.builds(
            lambda a, b, c: a + "https://github.com/" + b + c,
            st.text(max_size=4),
            st.text(max_size=8),
            st.text(max_size=4),
        ),
    )
)
def test_any_address_text_gets_problems_never_a_crash_and_the_fix_offered_works(url: str) -> None:
    found = validate.check_row(
        {"id": "x", "name": "A", "url": url}, schema=SCHEMA, labels=LABELS, today=TODAY
    )
    for p in found:
        assert p.zh and p.en
        if p.code in ("url-with-text", "url-full-width", "url-scheme-typo"):
            assert validate.url_problems(str(p.values["suggestion"])) == []

"""Reading the data file: rows as text, their positions, and problems named by row and line."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from test_edit import Layout, layouts

from bot import catalog
from bot.datafile.parse import parse, read
from bot.model import BotError


def test_positions_count_characters_of_the_text_as_given() -> None:
    text = "\ufeff# 注释\r\n- name: 模型\r\n  data: |+\r\n    x\r\n\r\n- {name: b}  # c\r\n"
    df = read(text)
    assert df.rows == ({"name": "模型", "data": "x\n\n"}, {"name": "b"})
    assert text[df.start(0) : df.end(0)] == "name: 模型\r\n  data: |+\r\n    x\r\n\r\n"
    assert text[df.start(1) : df.end(1)] == "{name: b}"
    assert df.newline == "\r\n" and df.bom == 1 and df.line(1) == 6


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layouts())
def test_the_python_composer_agrees_with_libyaml(layout: Layout) -> None:
    fast, pure = read(layout.text), read(layout.text, pure=True)
    assert fast.rows == pure.rows
    assert [(fast.start(i), fast.end(i)) for i in range(len(fast.rows))] == [
        (pure.start(i), pure.end(i)) for i in range(len(pure.rows))
    ]


@pytest.mark.parametrize(
    ("text", "code", "where"),
    [
        ("- name: [\n", "data-not-yaml", "line 2"),
        ("- name: a\n---\n- name: b\n", "data-several-documents", "line 2"),
        ("name: a\n", "data-not-list", ""),
        ("- name: a\n- just text\n", "data-row-not-mapping", "row 2 of models.yaml (line 2)"),
        ("- name: a\n  ? [x]\n  : y\n", "data-key-not-text", "row 1"),
        ("- name: a\n  data:\n    - x\n", "data-row-not-text", "`data`"),
        ("- name: !!int 3\n", "data-tag", "`name` with the YAML tag `tag:yaml.org,2002:int`"),
        ("- name: !custom a\n", "data-tag", "`!custom`"),
        ("- name: a\n  url: x\n  name: b\n", "data-duplicate-key", "the field `name` more than once"),
        ("- name: a\x07\n", "data-not-yaml", "line 1"),
        ("- name: a\n- name: \ud800\n", "data-not-unicode", "line 2"),
        ("- name: a\n  <<: {url: x}\n", "data-row-not-text", "`<<`"),
    ],
)
def test_problems_name_the_row_and_line(text: str, code: str, where: str) -> None:
    with pytest.raises(BotError) as caught:
        read(text)
    assert caught.value.code == code
    assert where in str(caught.value)
    zh, en = str(caught.value).split("\n")
    assert zh != en and zh == catalog.say(code, "zh", caught.value.values)


def test_tags_that_still_mean_text_are_read_as_text() -> None:
    assert read("- name: !!str 2023\n  url: ! x\n").rows == ({"name": "2023", "url": "x"},)


def test_aliases_are_found_within_and_across_rows() -> None:
    df = read("- name: &a A\n  data: *a\n- name: B\n- name: *a\n")
    assert df.aliases_within == {0}
    assert df.aliases_across == ((2, 0),)
    assert df.rows[2] == {"name": "A"}


def test_empty_files_and_empty_values() -> None:
    for text in ("", "# c\n", "---\n", "\ufeff", "[]"):
        assert read(text).rows == ()
    assert read("- name: a\n  url:\n  data: ''\n").rows == ({"name": "a"},)


def test_parse_is_memoized_for_the_same_text() -> None:
    text = "- name: memo\n"
    assert parse(text) is parse(text)

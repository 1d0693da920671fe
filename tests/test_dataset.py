"""The data file: rows are added, replaced and removed as text, so what maintainers wrote stays byte-for-byte."""

from __future__ import annotations

import pytest

from bot import dataset
from bot.model import BotError

ORDER = ("name", "summary", "organization", "released", "url", "data")
"""A declared field order (the real one comes from the schema's `x-table`)."""

MAINTAINED = """# Maintainers' notes stay.
- name: "BioGPT"   # quoted on purpose
  organization: 微软
  released: 2023          # unquoted year
  url: 'https://github.com/microsoft/BioGPT'

# A section comment.
- name: Med-PaLM2
  released: 2023-04-19
"""


def test_load_reads_every_value_as_text() -> None:
    assert dataset.load_rows(MAINTAINED) == [
        {
            "name": "BioGPT",
            "organization": "微软",
            "released": "2023",
            "url": "https://github.com/microsoft/BioGPT",
        },
        {"name": "Med-PaLM2", "released": "2023-04-19"},
    ]


def test_loaded_rows_are_copies() -> None:
    dataset.load_rows(MAINTAINED)[0]["name"] = "changed"
    assert dataset.load_rows(MAINTAINED)[0]["name"] == "BioGPT"
    assert dataset.append_row(MAINTAINED, {"name": "X"}, order=ORDER).startswith(MAINTAINED)


def test_append_keeps_existing_text_byte_for_byte() -> None:
    new = dataset.append_row(MAINTAINED, {"name": "yes", "released": "2024", "data": "-a: b #c"}, order=ORDER)
    assert new.startswith(MAINTAINED)
    assert dataset.load_rows(new)[-1] == {"name": "yes", "released": "2024", "data": "-a: b #c"}


def test_append_matches_an_indented_list_and_a_missing_final_newline() -> None:
    text = "  - name: A\n    url: https://a.org\n  - name: B"
    new = dataset.append_row(text, {"name": "C", "url": "https://c.org"}, order=ORDER)
    assert new == text + "\n  - name: C\n    url: https://c.org\n"


def test_the_reported_corruption_dash_alone_and_a_block_of_dashes() -> None:
    """The issue's case: the first `- ` at the start of a line is inside `data: |`; the row still goes at column 0."""
    text = "-\n  name: A\n  data: |\n    - based on LLaMA\n    - 52K dialogues\n"
    new = dataset.append_row(text, {"name": "B"}, order=ORDER)
    assert new == text + "- name: B\n"
    assert dataset.load_rows(new) == [
        {"name": "A", "data": "- based on LLaMA\n- 52K dialogues\n"},
        {"name": "B"},
    ]


@pytest.mark.parametrize("text", ["", "# only a comment\n", "[]\n", "---\n", "\ufeff", "# no newline"])
def test_append_to_an_empty_file(text: str) -> None:
    new = dataset.append_row(text, {"name": "A"}, order=ORDER)
    assert dataset.load_rows(new) == [{"name": "A"}]
    assert new.startswith(text.replace("[]", "").rstrip("\n"))


@pytest.mark.parametrize(
    ("text", "message"),
    [("name: A\n", "list of rows"), ("- [a, b]\n", "row 1"), ("- name: [\n", "not valid YAML")],
)
def test_wrong_shapes_are_clear_errors(text: str, message: str) -> None:
    with pytest.raises(BotError, match=message):
        dataset.load_rows(text)


def test_fields_are_written_in_the_declared_order_then_the_undeclared_ones_by_name() -> None:
    row = {"zeta": "z", "data": "d", "alpha": "a", "url": "https://u.org", "name": "n", "released": "2023"}
    text = dataset.row_yaml(row, order=ORDER)
    assert [line.split(":")[0].strip("- ") for line in text.splitlines()] == [
        "name",
        "released",
        "url",
        "data",
        "alpha",
        "zeta",
    ]
    assert dataset.row_yaml(row, order=("url", "name"), indent=0).startswith(
        "- url: https://u.org\n  name: n\n"
    )
    assert (
        dataset.row_yaml({"name": "n", "data": "a\nb"}, 2, order=ORDER) == '  - name: n\n    data: "a\\nb"\n'
    )


def test_field_order_is_a_parameter() -> None:
    new = dataset.append_row("", {"name": "n", "id": "x", "added": "2026-01-01"}, order=("id", "name"))
    assert new == "- id: x\n  name: n\n  added: '2026-01-01'\n"


def test_append_keeps_trailing_newlines_of_a_keep_chomped_last_value() -> None:
    text = "- name: A\n  data: |+\n    line\n\n\n"
    assert dataset.load_rows(dataset.append_row(text, {"name": "B"}, order=ORDER)) == [
        {"name": "A", "data": "line\n\n\n"},
        {"name": "B"},
    ]


SHAPES = """\
# header
- name: A   # a
  data: |
    - x
    # y

# about B
-
  name: B
  data: >+
    folded

- {name: C, url: 'https://c.org'}  # flow row
# the end
"""


@pytest.mark.parametrize(
    ("index", "expected"),
    [
        (0, SHAPES.replace("- name: A   # a\n  data: |\n    - x\n    # y\n", "- name: Z\n")),
        (1, SHAPES.replace("-\n  name: B\n  data: >+\n    folded\n\n", "- name: Z\n")),
        (2, SHAPES.replace("- {name: C, url: 'https://c.org'}  # flow row\n", "- name: Z\n")),
    ],
)
def test_replace_rewrites_only_that_rows_lines(index: int, expected: str) -> None:
    assert dataset.replace_row(SHAPES, index, {"name": "Z"}, order=ORDER) == expected


@pytest.mark.parametrize(
    ("index", "expected"),
    [
        (0, SHAPES.replace("- name: A   # a\n  data: |\n    - x\n    # y\n\n", "")),
        (1, SHAPES.replace("-\n  name: B\n  data: >+\n    folded\n\n", "")),
        (2, SHAPES.replace("- {name: C, url: 'https://c.org'}  # flow row\n", "")),
    ],
)
def test_remove_takes_out_only_that_rows_lines(index: int, expected: str) -> None:
    assert dataset.remove_row(SHAPES, index) == expected


def test_a_flow_sequence_file_stays_a_flow_sequence() -> None:
    text = "[\n  {name: a},  # first\n  {name: b},\n]\n"
    assert (
        dataset.append_row(text, {"name": "c"}, order=ORDER)
        == '[\n  {name: a},  # first\n  {name: b},\n  {name: "c"},\n]\n'
    )
    assert (
        dataset.replace_row(text, 1, {"name": "z"}, order=ORDER)
        == '[\n  {name: a},  # first\n  {name: "z"},\n]\n'
    )
    assert dataset.remove_row(text, 0) == "[\n  {name: b},\n]\n"
    assert dataset.remove_row(text, 1) == "[\n  {name: a},  # first\n]\n"


def test_crlf_and_bom_stay() -> None:
    text = "\ufeff# c\r\n- name: A\r\n\r\n- name: B\r\n"
    assert (
        dataset.append_row(text, {"name": "C", "data": "x\ny"}, order=ORDER)
        == text + '- name: C\r\n  data: "x\\ny"\r\n'
    )
    assert (
        dataset.replace_row(text, 0, {"name": "Z"}, order=ORDER)
        == "\ufeff# c\r\n- name: Z\r\n\r\n- name: B\r\n"
    )
    assert dataset.remove_row(text, 0) == "\ufeff# c\r\n- name: B\r\n"


def test_a_row_the_readable_form_cannot_hold_is_written_quoted() -> None:
    row = {"name": "a\u2028b", "data": "line\n\n"}
    new = dataset.replace_row("- name: A\n\n\n- name: B\n", 0, row, order=ORDER)
    assert new == '- name: "a\\u2028b"\n  data: "line\\n\\n"\n\n\n- name: B\n'
    assert dataset.load_rows(new)[0] == row


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("- name: A\n...\n", "data-doc-marker"),
        ("- name: A\n  data: |\n    no final newline", "data-final-newline"),
        ("- name: &n A\n- name: *n\n", "data-alias-across-rows"),
        ("- name: A\r- name: B\n", "data-line-break"),
        ("- name: A\u2028- name: B\n", "data-line-break"),
    ],
)
def test_append_refuses_what_it_cannot_prove(text: str, code: str) -> None:
    with pytest.raises(BotError) as caught:
        dataset.append_row(text, {"name": "B"}, order=ORDER)
    assert caught.value.code == code
    zh, en = str(caught.value).split("\n")  # Chinese, then English
    assert zh != en and "models.yaml" in en


def test_an_alias_inside_a_row_blocks_only_edits_of_that_row() -> None:
    text = "- name: A\n  summary: &s same\n  data: *s\n- name: B\n"
    with pytest.raises(BotError, match=r"row 1 .* alias"):
        dataset.replace_row(text, 0, {"name": "Z"}, order=ORDER)
    with pytest.raises(BotError, match="alias"):
        dataset.remove_row(text, 0)
    assert dataset.remove_row(text, 1) == "- name: A\n  summary: &s same\n  data: *s\n"
    assert dataset.load_rows(dataset.append_row(text, {"name": "C"}, order=ORDER))[-1] == {"name": "C"}


def test_a_tagged_or_anchored_list_is_edited_like_any_other() -> None:
    for text in ("--- !!seq\n- name: A\n", "&list\n- name: A\n"):
        assert dataset.load_rows(dataset.append_row(text, {"name": "B"}, order=ORDER)) == [
            {"name": "A"},
            {"name": "B"},
        ]
        assert dataset.replace_row(text, 0, {"name": "Z"}, order=ORDER) == text.replace("A", "Z")


def test_no_such_row_and_rows_that_are_not_text() -> None:
    with pytest.raises(BotError, match="has no row 3"):
        dataset.remove_row(MAINTAINED, 2)
    with pytest.raises(BotError, match="has no row 0"):
        dataset.replace_row(MAINTAINED, -1, {"name": "x"}, order=ORDER)
    with pytest.raises(BotError, match="`data`"):
        dataset.append_row(MAINTAINED, {"name": "x", "data": "\ud800"}, order=ORDER)


def test_empty_values_are_not_written() -> None:
    assert dataset.append_row("", {"name": "A", "url": ""}, order=ORDER) == "- name: A\n"

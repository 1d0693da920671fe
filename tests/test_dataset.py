"""The data file: rows are appended as text, so what maintainers wrote stays byte-for-byte."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot import dataset, yamlio
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


def test_append_keeps_existing_text_byte_for_byte() -> None:
    new = dataset.append_row(MAINTAINED, {"name": "yes", "released": "2024", "data": "-a: b #c"}, order=ORDER)
    assert new.startswith(MAINTAINED)
    assert dataset.load_rows(new)[-1] == {"name": "yes", "released": "2024", "data": "-a: b #c"}


def test_append_matches_an_indented_list_and_a_missing_final_newline() -> None:
    text = "  - name: A\n    url: https://a.org\n  - name: B"
    new = dataset.append_row(text, {"name": "C", "url": "https://c.org"}, order=ORDER)
    assert new == text + "\n  - name: C\n    url: https://c.org\n"


@pytest.mark.parametrize("text", ["", "# only a comment\n", "[]\n"])
def test_append_to_an_empty_file(text: str) -> None:
    assert dataset.load_rows(dataset.append_row(text, {"name": "A"}, order=ORDER)) == [{"name": "A"}]


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


texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x85\u2028\u2029"),
    min_size=1,
    max_size=60,
)


@given(st.lists(st.dictionaries(st.sampled_from(ORDER), texts, min_size=1), min_size=1, max_size=5))
def test_any_text_survives_append_and_load(rows: list[dict[str, str]]) -> None:
    text = dataset.dump_rows([], order=ORDER)
    for row in rows:
        text = dataset.append_row(text, row, order=ORDER)
    assert yamlio.load_safe(text) == rows


def test_append_keeps_trailing_newlines_of_a_keep_chomped_last_value() -> None:
    text = "- name: A\n  data: |+\n    line\n\n\n"
    assert dataset.load_rows(dataset.append_row(text, {"name": "B"}, order=ORDER)) == [
        {"name": "A", "data": "line\n\n\n"},
        {"name": "B"},
    ]


@pytest.mark.parametrize("marker", ["...", "---"])
def test_append_refuses_a_file_with_a_document_marker_after_the_rows(marker: str) -> None:
    with pytest.raises(BotError, match="document marker"):
        dataset.append_row(f"- name: A\n{marker}\n", {"name": "B"}, order=ORDER)

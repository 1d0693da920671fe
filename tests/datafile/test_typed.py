"""Which unquoted values a typed YAML reader (Hugo) would not read back as written; the verdicts are
judged against real Hugo in tests/test_page_typed.py."""

from __future__ import annotations

import pytest

from bot.datafile import parse, typed


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("1.10", "number"),
        ("1.0", "number"),
        ("0123", "number"),
        ("+5", "number"),
        ("1_000", "number"),
        ("0x1F", "number"),
        ("0o17", "number"),
        ("-0", "number"),
        (".inf", "number"),
        ("-.NaN", "number"),
        ("True", "boolean"),
        ("FALSE", "boolean"),
        ("~", "null"),
        ("null", "null"),
        ("NULL", "null"),
    ],
)
def test_values_a_typed_reader_changes(text: str, kind: str) -> None:
    assert typed.kind(text) == kind


@pytest.mark.parametrize(
    "text",
    ["2023", "-1", "0", "1.5", "278.92", "true", "false", "2023-04", "2023-04-19", "1.5B", "7B", "yes", "on",
     "No", "v1.0", "1.0.0", "GPT-4", "-基于Llama", "1:20", "Null pointer", "~/x", "", "18446744073709551616"],
)  # fmt: skip
def test_values_read_as_written(text: str) -> None:
    assert typed.kind(text) is None


def test_the_parse_lists_plain_values_only_with_their_row_field_and_line() -> None:
    text = "- id: a\n  name: 1.10\n  summary: '1.10'\n  data: \"~\"\n- {id: b, name: 0123, released: 2023}\n"
    for pure in (False, True):
        assert parse.read(text, pure=pure).typed == (
            parse.Typed(1, "name", 2, "1.10", "number"),
            parse.Typed(2, "name", 5, "0123", "number"),
        )

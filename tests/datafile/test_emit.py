"""A row's YAML text: the quoted and flow forms hold any text on one line; placing keeps the values."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from test_edit import hostile, new_rows

from bot.datafile import emit
from bot.datafile.parse import read

ORDER = ("name", "summary", "organization", "released", "url", "data")


@settings(max_examples=300, deadline=None)
@given(hostile)
def test_a_quoted_scalar_holds_any_text_on_one_line(text: str) -> None:
    line = emit.quoted(text)
    assert "\n" not in line and "\r" not in line and "\u2028" not in line and "\x85" not in line
    for pure in (False, True):
        assert read(f"- k: {line}\n", pure=pure).rows == (({"k": text} if text else {}),)


@settings(max_examples=200, deadline=None)
@given(new_rows, st.sampled_from([0, 2, 5]), st.sampled_from(["\n", "\r\n"]))
def test_plain_and_flow_rows_read_back_at_any_column(row: dict[str, str], column: int, newline: str) -> None:
    written = {k: v for k, v in row.items() if v}
    assert read(emit.place(emit.plain(row, ORDER), column, newline)).rows == (written,)
    assert read(f"[{emit.flow(row, ORDER)}]").rows == (written,)


def test_place_shifts_every_line_but_empty_ones() -> None:
    text = "- name: a\n  data: |\n    x\n\n     y\n"
    placed = emit.place(text, 2, "\r\n")
    assert placed == "  - name: a\r\n    data: |\r\n      x\r\n\r\n       y\r\n"
    assert read(placed).rows == read(text).rows


def test_keys_that_are_not_words_are_quoted() -> None:
    assert emit.plain({"a: b": "x", "id": "y"}, ["id"]) == '- id: "y"\n  "a: b": "x"\n'
    assert emit.plain({}, ORDER) == "- {}\n"

"""Cell text: minimal escaping that the importer can undo."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot import inline


def test_seed_style_text_is_left_alone() -> None:
    text = "-基于Llama2 -从[S2ORC语料库中](https://github.com/allenai/s2orc)的论文 &20+ (Instruct-tuning)"
    assert inline.to_markdown(text) == text


def test_markup_characters_are_escaped() -> None:
    assert inline.to_markdown("a|b *c* _d_ `e` <f> [g] ~h~ {{i}} &amp; \\") == (
        "a\\|b \\*c\\* \\_d\\_ \\`e\\` \\<f\\> \\[g\\] \\~h\\~ \\{\\{i\\}\\} \\&amp; \\\\"
    )


def test_list_items_fold_into_the_seed_style() -> None:
    assert inline.fold("- 基于X\n* 数据Y\n\n1. 第三\nplain line") == "-基于X -数据Y -第三 plain line"


def test_link_destinations_are_percent_encoded_where_unsafe() -> None:
    assert inline.to_markdown("[a](https://x.org/a|b)") == "[a](https://x.org/a%7Cb)"


@given(st.text(max_size=80))
def test_from_markdown_undoes_to_markdown(text: str) -> None:
    folded = inline.fold(text)
    assert inline.from_markdown(inline.to_markdown(folded)) == folded.strip()


@given(st.text(max_size=80))
def test_escaped_text_has_no_bare_pipe_or_line_break(text: str) -> None:
    out = inline.to_markdown(text)
    assert "\n" not in out and "\r" not in out
    assert all(out[i - 1] == "\\" for i, ch in enumerate(out) if ch == "|")

"""The generated table: markers, determinism, escaping of every field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot import columns, importer, render
from bot.model import BotError

TABLE = columns.load(
    json.loads(
        (Path(__file__).resolve().parents[1] / "schemas" / "model.schema.json").read_text(encoding="utf-8")
    )
)

ROWS = [
    {
        "name": "A",
        "summary": "一个模型",
        "organization": "Org",
        "released": "2023-04",
        "url": "https://a.org",
        "data": "-x -y",
    },
    {"name": "B"},
]


def test_table_has_the_seed_header_and_one_line_per_row() -> None:
    table = render.render_table(ROWS, TABLE)
    assert table.splitlines() == [
        "| 模型 | 所在机构 | 发布时间 | 开源地址 | 所用数据 |",
        "| :--- | --- | --- | --- | --- |",
        "| A 一个模型 | Org | 2023年4月 | https://a.org | -x -y |",
        "| B |  |  |  |  |",
    ]


def test_rendering_is_deterministic() -> None:
    assert render.render_table(ROWS, TABLE) == render.render_table([dict(r) for r in ROWS], TABLE)


@pytest.mark.parametrize("field", ["name", "summary", "organization", "data", "released"])
@pytest.mark.parametrize("text", ["a | b", "a\\|b", "a\nb | c", "`a|b`", "x\r\n- y"])
def test_no_field_can_add_a_cell_or_a_line(field: str, text: str) -> None:
    row = {"name": "N", field: text}
    line = render.render_table([row], TABLE).splitlines()[2]
    assert len(importer.split_cells(line)) == 5


def test_urls_cannot_break_the_row_either() -> None:
    line = render.render_table([{"name": "N", "url": "https://a.org/x|y z\n<b>"}], TABLE).splitlines()[2]
    assert importer.split_cells(line)[3] == "https://a.org/x%7Cy%20z%0A%3Cb%3E"


def test_replace_keeps_text_around_the_markers() -> None:
    body = f"above\n\n{render.START}\nold\n{render.END}\n\nbelow\n"
    new = render.replace_table(body, render.render_table(ROWS, TABLE))
    assert new.startswith("above\n\n" + render.START) and new.endswith(render.END + "\n\nbelow\n")
    assert render.replace_table(new, render.render_table(ROWS, TABLE)) == new


@pytest.mark.parametrize(
    "body",
    [
        "no markers",
        f"{render.START}\n",
        f"{render.END}\n{render.START}\n",
        f"{render.START}\n{render.START}\n{render.END}\n",
    ],
)
def test_missing_or_misplaced_markers_are_an_error(body: str) -> None:
    with pytest.raises(BotError, match="exactly one"):
        render.replace_table(body, "t")


def test_a_marker_inside_user_text_is_not_a_marker() -> None:
    row = {"name": "N", "data": render.END}
    body = render.generated_block(render.render_table([row], TABLE))
    assert render.find_block(body) == (0, len(body))

"""The seed post survives the import: every cell, every link, the front matter."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import columns, dataset, importer, render, validate
from bot.layout import Layout
from bot.model import BotError

SEED = (Path(__file__).parent / "fixtures" / "seed-post.md").read_text(encoding="utf-8")
ROOT = Path(__file__).resolve().parent.parent
LAYOUT = Layout()
TABLE = columns.load(validate.load_schema((ROOT / LAYOUT.schema).read_text(encoding="utf-8")))


def seed_cells() -> list[list[str]]:
    _start, _end, header, rows = importer.find_table(SEED)
    assert header == list(TABLE.headers)
    return rows


def test_seed_has_31_rows_of_five_cells() -> None:
    rows = seed_cells()
    assert len(rows) == 31
    assert all(len(r) == 5 for r in rows)


def test_rendering_the_import_reproduces_every_seed_cell_exactly() -> None:
    imported = importer.import_post(SEED, TABLE)
    assert [render.cells(row, TABLE) for row in imported.rows] == seed_cells()


def test_links_inside_cells_are_kept_as_links() -> None:
    rows = importer.import_post(SEED, TABLE).rows
    by_name = {r["name"]: r for r in rows}
    assert "[ChatGLM-6B-Med](https://github.com/SCIR-HI/Med-ChatGLM)" in by_name
    assert any(
        r.get("organization") == "[复旦大学数据智能与社会计算实验室](http://fudan-disc.com/)" for r in rows
    )
    assert any(
        "[S2ORC语料库中](https://github.com/allenai/s2orc/blob/master/README.md)" in r.get("data", "")
        for r in rows
    )


def test_names_and_summaries_are_split_where_the_seed_put_a_space_before_the_description() -> None:
    rows = importer.import_post(SEED, TABLE).rows
    pairs = {(r["name"], r.get("summary")) for r in rows}
    assert ("BioMedLM（原PubMed GPT 2.7B）", "用于生物医学文本的特定领域大型语言模型") in pairs
    assert ("Med-PaLM2", "5400亿参数的转换器语言模型") in pairs
    assert ("ChatDD-FM 100B", "全球首个千亿参数多模态生物医药对话大模型") in pairs
    assert ("Almanac：临床医学检索增强语言模型", None) in pairs


def test_dates_are_stored_normalized() -> None:
    released = [r.get("released") for r in importer.import_post(SEED, TABLE).rows if r.get("released")]
    assert released == [
        "2022-12",
        "2023-02",
        "2023-04-19",
        "2023-08-14",
        "2023-03-31",
        "2023-04-26",
        "2023-04-28",
    ]


def test_seed_flaws_are_kept_not_fixed() -> None:
    rows = importer.import_post(SEED, TABLE).rows
    assert rows[0]["organization"] == "美国斯坦福大学-"
    assert rows[13]["url"].endswith("performance-medical.md)")
    assert [r["name"] for r in rows].count("OpenBioMed") == 2


def test_front_matter_and_text_outside_the_table_are_kept() -> None:
    table = SEED.split("+++\n", 2)[2].strip("\n")
    head, tail = "+++\ntitle = 'x'\n# note\n+++\nintro\n\n", "\n\noutro\n"
    imported = importer.import_post(head + table + tail, TABLE)
    assert imported.post == head + render.generated_block(render.render_table(imported.rows, TABLE)) + tail


def test_the_committed_data_and_post_are_the_import_of_the_seed() -> None:
    imported = importer.import_post(SEED, TABLE)
    assert dataset.load_rows((ROOT / LAYOUT.data).read_text(encoding="utf-8")) == imported.rows
    committed_post = (ROOT / LAYOUT.post).read_text(encoding="utf-8")
    assert render.current_table(committed_post) == render.current_table(imported.post)
    assert committed_post.split("+++")[1] == SEED.split("+++")[1]


def test_a_cell_the_renderer_would_change_is_refused() -> None:
    post = "| 模型 | 所在机构 | 发布时间 | 开源地址 | 所用数据 |\n|---|---|---|---|---|\n| a | b | 2023年04月 | | |\n"
    with pytest.raises(BotError, match="would change"):
        importer.import_post(post, TABLE)


def test_unknown_columns_are_refused_rather_than_dropped() -> None:
    with pytest.raises(BotError, match="unknown column"):
        importer.import_post("| 模型 | 评分 |\n|---|---|\n| a | 1 |\n", TABLE)


def test_tables_without_outer_pipes_import_and_end_at_a_blank_line() -> None:
    post = "模型 | 所在机构 | 发布时间 | 开源地址 | 所用数据\n--- | --- | --- | --- | ---\nA | B | 2023年 | https://a.org | d\n\nafter\n"
    imported = importer.import_post(post, TABLE)
    assert imported.rows == [
        {"id": "a", "name": "A", "organization": "B", "released": "2023", "url": "https://a.org", "data": "d"}
    ]
    assert imported.post.endswith(render.END + "\n\nafter\n")


@pytest.mark.parametrize(
    ("post", "message"),
    [
        ("| 模型 | 模型 |\n|---|---|\n| a | b |\n", "repeats a column"),
        ("| 模型 | 所在机构 |\n|---|---|\n\ntext\n", "no rows"),
    ],
)
def test_tables_that_cannot_import_losslessly_are_refused(post: str, message: str) -> None:
    with pytest.raises(BotError, match=message):
        importer.import_post(post, TABLE)


def test_a_column_of_more_than_two_fields_cannot_be_imported() -> None:
    wide = columns.Table((columns.Column("模型", ("name", "summary", "organization")),))
    with pytest.raises(BotError, match="at most two") as raised:
        importer.import_post("| 模型 |\n|---|\n| a b c |\n", wide)
    assert raised.value.code == "import-column-fields"


def test_a_row_without_a_name_is_imported_for_check_to_report_not_a_crash() -> None:
    post = SEED.replace("| Med-Flamingo 一种适用于医学领域的多模态少样本学习器          |", "|  |", 1)
    assert post != SEED
    rows = importer.import_post(post, TABLE).rows
    assert "name" not in rows[0] and rows[0]["id"] == "model"

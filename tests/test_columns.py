"""The columns declared in the schema's `x-table`: loaded, checked against the schema, followed by the
renderer and the data file, and extended by a maintainer without a Python edit."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import read, run_bot

from bot import columns, dataset, render
from bot.layout import Layout
from bot.model import BotError

LAYOUT = Layout()
ROOT = Path(__file__).resolve().parent.parent
SCHEMA: dict[str, Any] = json.loads((ROOT / LAYOUT.schema).read_text(encoding="utf-8"))


def test_the_repository_declares_the_seed_columns() -> None:
    table = columns.load(SCHEMA)
    assert table.headers == ("模型", "所在机构", "发布时间", "开源地址", "所用数据")
    assert table.delimiters == (":---", "---", "---", "---", "---")
    assert table.columns[0].fields == ("name", "summary") and table.columns[0].join == " "
    assert [c.header for c in table.columns if c.search] == ["模型", "所在机构", "所用数据"]
    assert table.not_shown == ("id", "added", "updated") and table.anchor == "id"
    assert table.field_order == (
        "id",
        "name",
        "summary",
        "organization",
        "released",
        "url",
        "data",
        "added",
        "updated",
    )
    assert columns.problems(table, SCHEMA) == []


def test_the_anchor_comes_first_in_the_field_order_wherever_it_is_declared() -> None:
    table = columns.Table(columns.load(SCHEMA).columns, not_shown=("added", "id"), anchor="id")
    assert table.field_order[:2] == ("id", "name") and table.field_order[-1] == "added"
    assert columns.Table(table.columns, not_shown=("added", "id")).field_order[-2:] == ("added", "id")


def test_a_schema_field_in_no_column_and_not_marked_is_named() -> None:
    schema = copy.deepcopy(SCHEMA)
    schema["properties"]["params"] = {"type": "string"}
    [problem] = columns.problems(columns.load(schema), schema, schema_path="schemas/model.schema.json")
    assert (problem.code, problem.field) == ("columns-field-unplaced", "params")
    assert problem.en.startswith("schemas/model.schema.json: property `params` is in no column of `x-table`")
    assert "`params`" in problem.zh and "notShown" in problem.zh


@pytest.mark.parametrize(
    ("change", "field", "code", "message"),
    [
        (
            lambda d: d["columns"][1]["fields"].append("ghost"),
            "ghost",
            "columns-field-unknown",
            "does not have",
        ),
        (lambda d: d["notShown"].append("name"), "name", "columns-field-twice", "more than once"),
        (lambda d: d["columns"][2].update(header="模型"), None, "columns-header-twice", "headed `模型`"),
        (lambda d: d.update(anchor="slug"), "slug", "columns-field-unknown", "`slug`"),
    ],
)
def test_declarations_that_disagree_with_the_schema_are_problems(
    change: Any, field: str | None, code: str, message: str
) -> None:
    schema = copy.deepcopy(SCHEMA)
    change(schema[columns.KEY])
    found = columns.problems(columns.load(schema), schema)
    assert [(p.code, p.field) for p in found] == [(code, field)]
    assert message in found[0].en


@pytest.mark.parametrize(
    ("declaration", "message"),
    [
        (None, "has no `x-table`"),
        ({"columns": []}, "`x-table.columns` is malformed"),
        ({"columns": [{"header": "a|b", "fields": ["name"]}]}, "`x-table.columns[0].header`"),
        ({"columns": [{"header": "A", "fields": ["name"], "align": "middle"}]}, "columns[0].align"),
        ({"columns": [{"header": "A", "fields": ["name"], "format": "html"}]}, "columns[0].format"),
        ({"columns": [{"header": "A", "fields": ["name"], "colour": "red"}]}, "colour"),
    ],
)
def test_a_malformed_declaration_is_a_clear_error(declaration: Any, message: str) -> None:
    schema = copy.deepcopy(SCHEMA)
    if declaration is None:
        del schema[columns.KEY]
    else:
        schema[columns.KEY] = declaration
    with pytest.raises(BotError, match=message.replace("[", r"\[").replace("|", r"\|")) as raised:
        columns.load(schema)
    assert raised.value.code in ("columns-missing", "columns-malformed")


def test_the_renderer_and_the_data_file_follow_the_declaration() -> None:
    schema = copy.deepcopy(SCHEMA)
    declaration = schema[columns.KEY]
    declaration["columns"] = [
        {"header": "时间", "fields": ["released"], "format": "date", "align": "right"},
        {"header": "名称 · 机构", "fields": ["name", "organization"], "join": " · ", "align": "center"},
    ]
    declaration["notShown"] = ["summary", "url", "data", "id", "added", "updated"]
    table = columns.load(schema)
    assert columns.problems(table, schema) == []
    row = {"data": "d", "name": "A*", "organization": "Org", "released": "2023-04", "id": "a"}
    assert render.render_table([row, {"name": "B"}], table).splitlines() == [
        "| 时间 | 名称 · 机构 |",
        "| ---: | :---: |",
        "| 2023年4月 | A\\* · Org |",
        "|  | B |",
    ]
    assert [
        line.split(":")[0].strip("- ") for line in dataset.row_yaml(row, order=table.field_order).splitlines()
    ] == [
        "id",
        "released",
        "name",
        "organization",
        "data",
    ]


PARAMS_FIELD = """\
  - type: input
    id: params
    attributes:
      label: 参数量 / Parameters
      description: 例如 7B、70B / e.g. 7B, 70B
    validations:
      required: false
"""


def test_a_maintainer_adds_a_field_with_no_python_edit(site_repo: Path) -> None:
    """Schema, the two forms, declaration: `check` names the field until it has a column, then the table
    shows it."""
    schema = json.loads(read(site_repo, LAYOUT.schema))
    schema["properties"]["params"] = {"description": "参数量 / Parameters", "type": "string", "maxLength": 40}
    (site_repo / LAYOUT.schema).write_text(json.dumps(schema, ensure_ascii=False, indent=2), encoding="utf-8")
    form = read(site_repo, LAYOUT.form)
    form = form.replace("  - type: input\n    id: url\n", PARAMS_FIELD + "  - type: input\n    id: url\n")
    (site_repo / LAYOUT.form).write_text(form, encoding="utf-8")
    update_form = read(site_repo, LAYOUT.update_form)
    update_form = update_form.replace(
        "  - type: input\n    id: url\n", PARAMS_FIELD + "  - type: input\n    id: url\n"
    )
    (site_repo / LAYOUT.update_form).write_text(update_form, encoding="utf-8")

    unshown = run_bot(site_repo, "check")
    assert unshown.code == 1 and "property `params` is in no column" in unshown.out

    schema[columns.KEY]["columns"].insert(3, {"header": "参数量", "fields": ["params"], "align": "right"})
    (site_repo / LAYOUT.schema).write_text(json.dumps(schema, ensure_ascii=False, indent=2), encoding="utf-8")
    stale = run_bot(site_repo, "check")
    assert stale.code == 1 and "python -m bot render" in stale.out
    assert run_bot(site_repo, "render").code == 0
    assert run_bot(site_repo, "check").code == 0
    header, delimiter, first = render.current_table(read(site_repo, LAYOUT.post)).splitlines()[:3]
    assert header == "| 模型 | 所在机构 | 发布时间 | 参数量 | 开源地址 | 所用数据 |"
    assert delimiter == "| :--- | --- | --- | ---: | --- | --- |"
    assert first.count(" | ") == 5

    body = read(site_repo, "examples/new-model.md").replace(
        "### 开源地址", "### 参数量 / Parameters\n\n70B\n\n### 开源地址"
    )
    (site_repo / "body.md").write_text(body, encoding="utf-8")
    result = run_bot(site_repo, "submit", "--write", "body.md")
    assert result.code == 0, result.out + result.err
    assert "| 2023年11月27日 | 70B | https://github.com/epfLLM/meditron |" in read(site_repo, LAYOUT.post)
    assert "  released: '2023-11-27'\n  params: 70B\n  url:" in read(site_repo, LAYOUT.data)
    assert "\n- id: meditron-70b\n  name: Meditron-70B\n" in read(site_repo, LAYOUT.data)
    assert run_bot(site_repo, "check").code == 0

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.form import parse_form, schema_agreement
from bot.model import BotError

ROOT = Path(__file__).resolve().parent.parent
FORM_TEXT = (ROOT / ".github/ISSUE_TEMPLATE/new-model.yml").read_text(encoding="utf-8")
SCHEMA = json.loads((ROOT / "schemas/model.schema.json").read_text(encoding="utf-8"))


def test_the_repository_form_and_schema_agree() -> None:
    assert schema_agreement(parse_form(FORM_TEXT), SCHEMA) == []


def test_labels_are_bilingual_chinese_first_and_the_issue_label_is_new_model() -> None:
    form = parse_form(FORM_TEXT)
    assert [f.id for f in form.fields] == ["name", "summary", "organization", "released", "url", "data"]
    for f in form.fields:
        chinese, english = f.label.split(" / ")
        assert any("\u4e00" <= ch <= "\u9fff" for ch in chinese) and english.isascii()
    assert form.labels_on_issue == ("new-model",)


def test_a_field_missing_from_the_schema_is_reported() -> None:
    schema = {**SCHEMA, "properties": {k: v for k, v in SCHEMA["properties"].items() if k != "data"}}
    [problem] = schema_agreement(parse_form(FORM_TEXT), schema, form_path="f.yml", schema_path="s.json")
    assert (problem.code, problem.values["field"]) == ("form-field-unknown", "data")
    assert problem.zh == "f.yml：字段 `data` 不是 s.json 中的属性；请在 schema 中添加，或从表单中删除。"
    assert (
        problem.en
        == "f.yml: the field `data` is not a property of s.json; add it to the schema or remove it from the form."
    )


def test_a_property_missing_from_the_form_is_reported() -> None:
    schema = {**SCHEMA, "properties": {**SCHEMA["properties"], "paper": {"type": "string"}}}
    assert [(p.code, p.values["field"]) for p in schema_agreement(parse_form(FORM_TEXT), schema)] == [
        ("schema-field-not-in-form", "paper")
    ]


def test_a_required_mismatch_is_reported() -> None:
    schema = {**SCHEMA, "required": ["name", "url"]}
    [problem] = schema_agreement(parse_form(FORM_TEXT), schema)
    assert problem.code == "form-required-mismatch" and problem.values["field"] == "url"
    assert "is required in the schema" in problem.en and "在 the schema 中是必填" in problem.zh
    relaxed = {**SCHEMA, "required": []}
    [problem] = schema_agreement(parse_form(FORM_TEXT), relaxed)
    assert "is optional in the schema" in problem.en and "中是选填" in problem.zh


def test_not_a_form() -> None:
    with pytest.raises(BotError, match="body"):
        parse_form("name: x\n")
    with pytest.raises(BotError, match="YAML"):
        parse_form("body: [\n")


def test_fields_the_bot_manages_are_not_asked_for_by_the_form() -> None:
    managed = [k for k, v in SCHEMA["properties"].items() if v.get("readOnly")]
    assert managed == ["id", "added", "updated"]
    asking = FORM_TEXT + "  - type: input\n    id: id\n    attributes:\n      label: 标识 / Id\n"
    assert [(p.code, p.values["field"]) for p in schema_agreement(parse_form(asking), SCHEMA)] == [
        ("form-field-managed", "id")
    ]

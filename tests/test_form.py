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
    assert [p.message for p in schema_agreement(parse_form(FORM_TEXT), schema)] == [
        "the form has field `data` but the schema has no such property"
    ]


def test_a_property_missing_from_the_form_is_reported() -> None:
    schema = {**SCHEMA, "properties": {**SCHEMA["properties"], "paper": {"type": "string"}}}
    assert [p.message for p in schema_agreement(parse_form(FORM_TEXT), schema)] == [
        "the schema has property `paper` but the form has no field with that id"
    ]


def test_a_required_mismatch_is_reported() -> None:
    schema = {**SCHEMA, "required": ["name", "url"]}
    messages = [p.message for p in schema_agreement(parse_form(FORM_TEXT), schema)]
    assert messages == ["field `url` is required in the schema but not in the form; make them agree"]
    relaxed = {**SCHEMA, "required": []}
    assert "optional in the schema" in schema_agreement(parse_form(FORM_TEXT), relaxed)[0].message


def test_not_a_form() -> None:
    with pytest.raises(BotError, match="body"):
        parse_form("name: x\n")
    with pytest.raises(BotError, match="YAML"):
        parse_form("body: [\n")


def test_fields_the_bot_manages_are_not_asked_for_by_the_form() -> None:
    managed = [k for k, v in SCHEMA["properties"].items() if v.get("readOnly")]
    assert managed == ["id", "added", "updated"]
    asking = FORM_TEXT + "  - type: input\n    id: id\n    attributes:\n      label: 标识 / Id\n"
    assert [p.message for p in schema_agreement(parse_form(asking), SCHEMA)] == [
        "the form has field `id`, which the schema marks readOnly (the bot manages it)"
    ]

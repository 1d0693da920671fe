"""The issue form (.github/ISSUE_TEMPLATE/*.yml): its fields, and whether it agrees with the schema."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bot import yamlio
from bot.layout import Layout
from bot.model import BotError, Problem

INPUT_TYPES = ("input", "textarea", "dropdown", "checkboxes")


@dataclass(frozen=True)
class Kind:
    """What a form asks for: its label (the Action acts only on issues carrying it), the fields that
    describe the request rather than the entry, and whether the schema's required fields are required."""

    label: str
    request_fields: tuple[str, ...] = ()
    data_required: bool = True


NEW = Kind("new-model")
UPDATE = Kind("update-model", request_fields=("entry", "change", "reason"), data_required=False)


@dataclass(frozen=True)
class Field:
    id: str
    label: str
    type: str
    required: bool = False
    options: tuple[str, ...] = ()
    render: str | None = None


@dataclass(frozen=True)
class Form:
    fields: tuple[Field, ...]
    labels_on_issue: tuple[str, ...] = ()

    @property
    def labels(self) -> dict[str, str]:
        return {f.id: f.label for f in self.fields}


def parse_form(text: str, path: str = Layout().form) -> Form:
    """Read an issue-form YAML text; BotError when it is not one (naming `path`, not ruamel's
    `<unicode string>`)."""
    try:
        doc = yamlio.load_safe(text)
    except Exception as exc:  # ruamel raises many YAMLError subclasses
        raise BotError("form-not-yaml", detail=str(exc).replace('"<unicode string>"', path)) from None
    if not isinstance(doc, Mapping) or not isinstance(doc.get("body"), list):
        raise BotError("form-no-body")
    fields = tuple(_field(item) for item in doc["body"] if _is_input(item))
    labels = doc.get("labels") or ()
    if isinstance(labels, str):
        labels = [s.strip() for s in labels.split(",")]
    return Form(fields=fields, labels_on_issue=tuple(str(x) for x in labels))


def _is_input(item: Any) -> bool:
    return isinstance(item, Mapping) and item.get("type") in INPUT_TYPES


def _field(item: Mapping[str, Any]) -> Field:
    attrs = item.get("attributes") or {}
    validations = item.get("validations") or {}
    raw_options = attrs.get("options") or ()
    options = tuple(str(o.get("label", "")) if isinstance(o, Mapping) else str(o) for o in raw_options)
    label = str(attrs.get("label", ""))
    field_id = str(item.get("id") or label)
    return Field(
        id=field_id,
        label=label,
        type=str(item["type"]),
        required=bool(validations.get("required", False)),
        options=options,
        render=attrs.get("render"),
    )


def managed_fields(schema: Mapping[str, Any]) -> list[str]:
    """Properties the bot fills in itself (`"readOnly": true`): never asked for by a form."""
    return [
        k for k, v in schema.get("properties", {}).items() if isinstance(v, Mapping) and v.get("readOnly")
    ]


def schema_agreement(
    form: Form,
    schema: Mapping[str, Any],
    *,
    kind: Kind = NEW,
    form_path: str = "the form",
    schema_path: str = "the schema",
) -> list[Problem]:
    """Problems where the form and the row schema disagree on fields or on what is required."""
    managed = set(managed_fields(schema))
    properties = set(schema.get("properties", {})) - managed
    required = set(schema.get("required", [])) if kind.data_required else set()
    where = {"form": form_path, "schema": schema_path}
    problems: list[Problem] = []
    for f in form.fields:
        if f.id in kind.request_fields:
            if not f.required:
                problems.append(
                    Problem("form-required-mismatch", {**where, "field": f.id, "side": "required"})
                )
        elif f.id in managed:
            problems.append(Problem("form-field-managed", {**where, "field": f.id}))
        elif f.id not in properties:
            problems.append(Problem("form-field-unknown", {**where, "field": f.id}))
        elif (f.id in required) != f.required:
            side = "required" if f.id in required else "optional"
            problems.append(Problem("form-required-mismatch", {**where, "field": f.id, "side": side}))
    if kind.label not in form.labels_on_issue:
        problems.append(Problem("form-needs-label", {**where, "label": kind.label}))
    form_ids = {f.id for f in form.fields}
    missing = sorted(properties - form_ids) + [f for f in kind.request_fields if f not in form_ids]
    problems.extend(Problem("schema-field-not-in-form", {**where, "field": p}) for p in missing)
    return problems

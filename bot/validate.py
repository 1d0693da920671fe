"""Validation: the JSON Schema of a row, plus the rules a reviewer applies to untrusted text.

`check_row` is used both for new submissions (problems are errors) and for rows already stored
(`strict=False`: review rules become warnings, so hand-written history is reported, never rewritten).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any
from urllib.parse import SplitResult, urlsplit, urlunsplit

import jsonschema
import mistune

from bot import dates, inline
from bot.model import Problem, Row, Severity, quote

TEXT_FIELDS = ("name", "summary", "organization", "data")
_TEMPLATE = re.compile(r"\{\{|\}\}|\{%|%\}")
_INVISIBLE = {"Cc", "Cf", "Cn", "Co", "Cs", "Zl", "Zp"}
# Letters that render as nothing (Hangul fillers, the braille blank): invisible names and look-alike duplicates.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
Found = tuple[str, str, dict[str, object]]
"""A review finding: field, catalog code, values of the message."""
# `| a | b |`: a markdown table row (a name with two `|` is one too: `a | b | c`).
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")


def load_schema(text: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(text)
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


def validator_for(schema: Mapping[str, Any]) -> jsonschema.Draft202012Validator:
    """One compiled validator per schema text (rows are checked by the thousand)."""
    return _compiled(json.dumps(schema, sort_keys=True))


@cache
def _compiled(schema_json: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        json.loads(schema_json), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def schema_problems(
    row: Row,
    schema: Mapping[str, Any],
    labels: Mapping[str, str],
    validator: jsonschema.Draft202012Validator | None = None,
) -> list[Problem]:
    """JSON Schema errors, each rephrased as what to do."""
    problems: list[Problem] = []
    errors = (validator or validator_for(schema)).iter_errors(row)
    for err in sorted(errors, key=lambda e: (list(e.path), e.validator)):
        field = str(err.path[0]) if err.path else None
        if err.validator == "required":
            field = str(err.message).split("'")[1]
        code, values = _schema_message(err, field, schema)
        if field is None or field not in {p.field for p in problems}:  # one message per field
            problems.append(Problem(code, values, field=field, label=labels.get(field or "", field)))
    return problems


def _schema_message(
    err: jsonschema.ValidationError, field: str | None, schema: Mapping[str, Any]
) -> tuple[str, dict[str, object]]:
    """The catalog code and values for one JSON Schema error."""
    keyword = str(err.validator)
    value = quote(err.instance) if isinstance(err.instance, str) else ""
    if keyword == "required":
        return "required", {}
    if keyword == "additionalProperties" and isinstance(err.instance, Mapping):
        known = list(schema.get("properties", {}))
        unknown = [str(k) for k in err.instance if k not in known]
        return "unknown-fields", {"fields": ", ".join(unknown), "known": ", ".join(known)}
    if keyword == "maxLength" and isinstance(err.instance, str):
        return "too-long", {"actual": len(err.instance), "limit": err.validator_value}
    if keyword == "minLength":
        return "empty", {}
    if keyword == "type":
        return "not-text", {}
    if field == "url":
        return ("url-scheme", {}) if keyword == "pattern" else ("url-invalid", {"value": value})
    if field == "released" and keyword == "pattern":
        return "date-pattern", {"forms": dates.ACCEPTED_FORMS}
    if field == "id" and keyword in ("pattern", "maxLength"):
        return "id-pattern", {"value": value}
    if field in ("added", "updated") and keyword in ("pattern", "format"):
        return "stamp-invalid", {"value": value}
    return "schema-other", {"detail": err.message}


def check_row(
    row: Row,
    *,
    schema: Mapping[str, Any],
    labels: Mapping[str, str],
    today: dt.date,
    strict: bool = True,
    number: int | None = None,
    validator: jsonschema.Draft202012Validator | None = None,
) -> list[Problem]:
    """Every problem with one row: schema errors (always errors) and review rules."""
    severity: Severity = "error" if strict else "warning"
    problems = [
        Problem(p.code, p.values, p.field, p.label, p.severity, number)
        for p in schema_problems(row, schema, labels, validator)
    ]
    flagged = {p.field for p in problems}
    for field, code, values in _review(row, today):
        if field in flagged:
            continue
        problems.append(
            Problem(code, values, field=field, label=labels.get(field, field), severity=severity, row=number)
        )
    return problems


Message = tuple[str, dict[str, object]]
"""A catalog code and the values of its message."""


def _review(row: Row, today: dt.date) -> Iterable[Found]:
    for field in TEXT_FIELDS:
        if field in row:
            yield from ((field, code, values) for code, values in text_problems(row[field]))
    if row.get("name") and not letters_or_digits(row["name"]):
        yield "name", "name-no-letter", {}
    for field in TEXT_FIELDS:
        text = inline.plain(row.get(field, ""))
        if _TABLE_ROW.match(text) or (field == "name" and text.count("|") >= 2):
            yield field, "text-table-row", {"value": quote(row[field])}
    if "url" in row:
        yield from (("url", code, values) for code, values in url_problems(row["url"]))
    if "released" in row:
        try:
            released = dates.parse(row["released"])
        except dates.DateError as exc:
            yield "released", exc.code, exc.values
        else:
            if dates.is_future(released, today):
                yield "released", "date-future", {"value": quote(row["released"])}


def letters_or_digits(name: str) -> bool:
    return any(unicodedata.category(ch)[0] in "LN" for ch in inline.plain(name))


def text_problems(text: str) -> list[Message]:
    """Why a text field could not be published as is (empty when it can)."""
    found: list[Message] = []
    if any(unicodedata.category(ch) in _INVISIBLE or ch in _BLANK_LETTERS for ch in text.replace("\n", "")):
        found.append(("text-invisible", {}))
    if _TEMPLATE.search(text):
        found.append(("text-template", {}))
    for kind, detail in _markup(text):
        if kind == "html":
            found.append(("text-html", {"html": quote(detail)}))
        elif kind == "image":
            found.append(("text-image", {}))
        elif kind == "link":
            found.append(("text-link-scheme", {"url": quote(detail)}))
        elif kind == "spoof":
            found.append(("text-link-spoof", {"url": quote(detail)}))
    stripped = inline.plain(text).strip()
    if stripped.endswith(("-", "—", "–", "，", ",")):
        found.append(("text-trailing", {"char": stripped[-1]}))
    return found


@cache
def _markdown() -> mistune.Markdown:
    return mistune.create_markdown(renderer=None)


def _markup(text: str) -> Iterable[tuple[str, str]]:
    if "<" not in text and "[" not in text:
        return  # no HTML, autolink, link or image can start without one of these
    tokens, _ = _markdown().parse(text)
    stack = list(reversed(tokens))
    while stack:
        tok = stack.pop()
        kind = tok.get("type")
        if kind in ("inline_html", "block_html"):
            yield "html", str(tok.get("raw", "")).strip()[:40]
        elif kind == "image":
            yield "image", ""
        elif kind == "link":
            url = str(tok.get("attrs", {}).get("url", ""))
            parts = _split(url)
            if parts is None or parts.scheme.lower() not in ("http", "https"):
                yield "link", url
            elif _spoofed(_text_of(tok), parts):
                yield "spoof", url
        stack.extend(reversed(tok.get("children") or ()))


def _split(url: str) -> SplitResult | None:
    try:
        return urlsplit(url)
    except ValueError:  # e.g. an unclosed IPv6 bracket: https://[::1
        return None


_DOMAIN = re.compile(r"^(?:https?://)?((?:[\w-]+\.)+[a-z]{2,})(?:[/:?#]\S*)?$", re.IGNORECASE)


def _text_of(token: dict[str, Any]) -> str:
    children = token.get("children") or ()
    return "".join(str(c.get("raw", "")) if c.get("type") == "text" else _text_of(c) for c in children)


def _spoofed(label: str, target: SplitResult) -> bool:
    """A link label that reads as an address of another host than the link's own."""
    m = _DOMAIN.match(label.strip())
    if m is None:
        return False
    shown = m.group(1).lower().removeprefix("www.")
    actual = (target.hostname or "").lower().removeprefix("www.")
    return shown != actual


def url_problems(url: str) -> list[Message]:
    found: list[Message] = []
    parts = _split(url)
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        found.append(("url-not-full", {}))
    if url.count("(") != url.count(")"):
        found.append(("url-parens", {}))
    elif url.endswith((".", ",", ";")):
        found.append(("url-trailing-punct", {"char": url[-1]}))
    elif not found and (linked := inline.autolink_end(url)) != len(url):
        found.append(("url-partial-link", {"linked": quote(url[:linked])}) if linked else ("url-no-link", {}))
    return found


def normalize_url(url: str) -> str:
    """Lowercase the scheme and host (case-insensitive anyway, and linkify links only lowercase hosts)."""
    parts = _split(url.strip())
    if parts is None or not parts.netloc:
        return url.strip()
    return urlunsplit(parts._replace(scheme=parts.scheme.lower(), netloc=parts.netloc.lower()))

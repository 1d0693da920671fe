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
_FIX = {
    "maxLength": "is {actual} characters long; the limit is {limit}. Shorten it.",
    "minLength": "is empty; fill it in.",
    "format": "is not a valid URL; paste the full address, e.g. https://github.com/owner/repo.",
    "type": "must be text.",
}


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
        message = _schema_message(err, schema)
        if err.validator == "required":
            field = str(err.message).split("'")[1]
            message = "is required; fill it in."
        elif err.validator == "additionalProperties":
            message = f"unknown field(s): {err.message}"
        if field is None or field not in {p.field for p in problems}:  # one message per field
            problems.append(Problem(message, field=field, label=labels.get(field or "", field)))
    return problems


def _schema_message(err: jsonschema.ValidationError, schema: Mapping[str, Any]) -> str:
    keyword = str(err.validator)
    if keyword == "maxLength" and isinstance(err.instance, str):
        return _FIX[keyword].format(actual=len(err.instance), limit=err.validator_value)
    if keyword == "pattern" and err.path and err.path[0] == "url":
        return "must start with http:// or https://; other kinds of link are not accepted."
    if keyword == "pattern" and err.path and err.path[0] == "released":
        return f"must be a date such as {dates.ACCEPTED_FORMS}."
    return _FIX.get(keyword, err.message)


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
    problems = [_at(p, number, p.severity) for p in schema_problems(row, schema, labels, validator)]
    flagged = {p.field for p in problems}
    for field, message in _review(row, today):
        if field in flagged:
            continue
        problems.append(
            Problem(message, field=field, label=labels.get(field, field), severity=severity, row=number)
        )
    return problems


def _at(problem: Problem, number: int | None, severity: Severity) -> Problem:
    return Problem(problem.message, problem.field, problem.label, severity, number)


def _review(row: Row, today: dt.date) -> Iterable[tuple[str, str]]:
    for field in TEXT_FIELDS:
        if field in row:
            yield from ((field, m) for m in text_problems(row[field]))
    if row.get("name") and not name_key(row["name"]):
        yield "name", "has no letter or digit; write the model's name."
    if "url" in row:
        yield from (("url", m) for m in url_problems(row["url"]))
    if "released" in row:
        try:
            released = dates.parse(row["released"])
        except ValueError as exc:
            yield "released", str(exc)
        else:
            if dates.is_future(released, today):
                yield (
                    "released",
                    f"{quote(row['released'])} is in the future; give the date the model was released.",
                )


def text_problems(text: str) -> list[str]:
    """Why a text field could not be published as is (empty when it can)."""
    found: list[str] = []
    if any(unicodedata.category(ch) in _INVISIBLE or ch in _BLANK_LETTERS for ch in text.replace("\n", "")):
        found.append("contains invisible control or formatting characters; retype it as plain text.")
    if _TEMPLATE.search(text):
        found.append("contains template or shortcode syntax (`{{`, `{%`); remove the braces.")
    for kind, detail in _markup(text):
        if kind == "html":
            found.append(f"contains HTML ({quote(detail)}); write plain text, HTML is not shown.")
        elif kind == "image":
            found.append("contains an image; images are not accepted, link to the page instead.")
        elif kind == "link":
            found.append(f"contains a link to {quote(detail)}; only http:// and https:// links are allowed.")
        elif kind == "spoof":
            found.append(
                f"has a link whose text looks like another address than where it goes ({quote(detail)}); "
                "make the link text a name, or the same address."
            )
    stripped = inline.plain(text).strip()
    if stripped.endswith(("-", "—", "–", "，", ",")):
        found.append(f"ends with a stray “{stripped[-1]}”; remove it.")
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


def url_problems(url: str) -> list[str]:
    found: list[str] = []
    parts = _split(url)
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        found.append("must be a full http:// or https:// address, e.g. https://github.com/owner/repo.")
    if url.count("(") != url.count(")"):
        found.append("has unbalanced parentheses; remove the stray “(” or “)”.")
    elif url.endswith((".", ",", ";")):
        found.append(f"ends with “{url[-1]}”, probably punctuation from the sentence around it; remove it.")
    elif not found and (linked := inline.autolink_end(url)) != len(url):
        shown = f"only {quote(url[:linked])} of it" if linked else "none of it"
        found.append(
            f"would not work as a link on the page (Hugo links {shown}); remove trailing punctuation, "
            "or use the address of a public host name."
        )
    return found


def normalize_url(url: str) -> str:
    """Lowercase the scheme and host (case-insensitive anyway, and linkify links only lowercase hosts)."""
    parts = _split(url.strip())
    if parts is None or not parts.netloc:
        return url.strip()
    return urlunsplit(parts._replace(scheme=parts.scheme.lower(), netloc=parts.netloc.lower()))


def name_key(name: str) -> str:
    """What makes two names the same model: NFKC, case folding, no spaces or punctuation."""
    text = unicodedata.normalize("NFKC", inline.plain(name)).casefold()
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")


def duplicate_problems(rows: list[Row], labels: Mapping[str, str]) -> list[Problem]:
    """Warnings for stored rows: repeated names (after `name_key`) and URLs used more than once."""
    problems: list[Problem] = []
    first_name: dict[str, int] = {}
    first_url: dict[str, int] = {}
    for number, row in enumerate(rows, start=1):
        key = name_key(row.get("name", ""))
        if key and key in first_name:
            problems.append(
                Problem(
                    f"{quote(inline.plain(row['name']))} repeats row {first_name[key]}; merge the two rows.",
                    "name",
                    labels.get("name"),
                    "warning",
                    number,
                )
            )
        first_name.setdefault(key, number)
        url = row.get("url", "").rstrip("/")
        if url and url in first_url:
            problems.append(
                Problem(
                    f"{quote(row['url'])} is also the URL of row {first_url[url]}.",
                    "url",
                    labels.get("url"),
                    "warning",
                    number,
                )
            )
        first_url.setdefault(url, number)
    return problems


def find_duplicate(row: Row, rows: list[Row], labels: Mapping[str, str]) -> list[Problem]:
    """A new row against stored ones: same name is an error, a shared URL a warning."""
    key = name_key(row.get("name", ""))
    url = row.get("url", "").rstrip("/")
    problems: list[Problem] = []
    for number, other in enumerate(rows, start=1):
        if key and name_key(other.get("name", "")) == key:
            problems.append(
                Problem(
                    f"{quote(inline.plain(row['name']))} is already on the leaderboard as row {number} "
                    f"({quote(inline.plain(other['name']))}); to correct that row, say so in a comment instead.",
                    "name",
                    labels.get("name"),
                    "error",
                )
            )
        if url and other.get("url", "").rstrip("/") == url:
            problems.append(
                Problem(
                    f"{quote(row['url'])} is already listed for row {number} ({quote(inline.plain(other.get('name', '')))}); "
                    "fine if both models share it.",
                    "url",
                    labels.get("url"),
                    "warning",
                )
            )
    return problems

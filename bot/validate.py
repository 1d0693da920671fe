"""Validation: the JSON Schema of a row, plus the rules a reviewer applies to untrusted text.

`check_row` is used both for new submissions (problems are errors) and for rows already stored
(`strict=False`: review rules become warnings, so hand-written history is reported, never rewritten).
Which rules a field gets follows the columns declared in the schema (`x-table`): a field in a `text`
column gets the text rules, in a `url` column the address rules, in a `date` column the date rules.
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
from urllib.parse import quote as urlquote

import jsonschema
import mistune

from bot import columns, dates, inline
from bot.model import Problem, Row, Severity, quote

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


def declared(schema: Mapping[str, Any]) -> columns.Table:
    """The columns a schema declares (one load per declaration: rows are checked by the thousand)."""
    return _declared(json.dumps(schema.get(columns.KEY), sort_keys=True))


@cache
def _declared(declaration: str) -> columns.Table:
    return columns.load({columns.KEY: json.loads(declaration)})


def schema_problems(
    row: Row,
    schema: Mapping[str, Any],
    labels: Mapping[str, str],
    validator: jsonschema.Draft202012Validator | None = None,
    table: columns.Table | None = None,
) -> list[Problem]:
    """JSON Schema errors, each rephrased as what to do."""
    problems: list[Problem] = []
    formats = (table or declared(schema)).formats
    errors = (validator or validator_for(schema)).iter_errors(row)
    for err in sorted(errors, key=lambda e: (list(e.path), e.validator)):
        field = str(err.path[0]) if err.path else None
        if err.validator == "required":
            field = str(err.message).split("'")[1]
        code, values = _schema_message(err, field, schema, formats.get(field or ""))
        severity: Severity = "error"
        if code == "date-pattern" and (stored := _stored_form(err.instance)) is not None:
            # Written by hand in another accepted spelling: a date all the same (render shows it).
            code, values, severity = (
                "date-not-stored-form",
                {"value": value_of(err), "stored": stored},
                "warning",
            )
        if field is None or field not in {p.field for p in problems}:  # one message per field
            label = labels.get(field or "", field)
            problems.append(Problem(code, values, field=field, label=label, severity=severity))
    return problems


def value_of(err: jsonschema.ValidationError) -> str:
    return quote(err.instance) if isinstance(err.instance, str) else ""


def _stored_form(value: object) -> str | None:
    try:
        return dates.parse(value).stored() if isinstance(value, str) else None
    except dates.DateError:
        return None


def _schema_message(
    err: jsonschema.ValidationError, field: str | None, schema: Mapping[str, Any], format: str | None
) -> tuple[str, dict[str, object]]:
    """The catalog code and values for one JSON Schema error."""
    keyword = str(err.validator)
    value = value_of(err)
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
    if format == "url":
        specific = url_problems(err.instance) if isinstance(err.instance, str) else []
        if specific and specific[0][0] in SPECIFIC_URL_CODES:
            return specific[0]
        return ("url-scheme", {}) if keyword == "pattern" else ("url-invalid", {"value": value})
    if format == "date" and keyword == "pattern":
        return "date-pattern", {}
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
    table: columns.Table | None = None,
) -> list[Problem]:
    """Every problem with one row: schema errors (always errors) and review rules, by the columns
    `table` declares (the schema's own declaration when not given)."""
    severity: Severity = "error" if strict else "warning"
    table = table or declared(schema)
    problems = [
        Problem(p.code, p.values, p.field, p.label, p.severity, number)
        for p in schema_problems(row, schema, labels, validator, table)
    ]
    flagged = {p.field for p in problems}
    for field, code, values in _review(row, today, table):
        if field in flagged:
            continue
        problems.append(
            Problem(code, values, field=field, label=labels.get(field, field), severity=severity, row=number)
        )
    return problems


Message = tuple[str, dict[str, object]]
"""A catalog code and the values of its message."""


def _review(row: Row, today: dt.date, table: columns.Table) -> Iterable[Found]:
    texts = [f for f in table.fields_as("text") if f in row]
    for field in texts:
        yield from ((field, code, values) for code, values in text_problems(row[field]))
    if row.get("name") and not letters_or_digits(row["name"]):
        yield "name", "name-no-letter", {}
    for field in texts:
        text = inline.plain(row.get(field, ""))
        if is_table_row(text, field):
            yield field, "text-table-row", {"value": quote(row[field])}
        word = longest_word(text)
        if len(word) > LONGEST_WORD:
            values = {"word": quote(word), "length": len(word), "limit": LONGEST_WORD}
            yield field, "text-long-word-url" if "://" in word or "www." in word else "text-long-word", values
    for field in table.fields_as("url"):
        if field in row:
            yield from ((field, code, values) for code, values in url_problems(row[field]))
    for field in table.fields_as("date"):
        if field not in row:
            continue
        try:
            day = dates.parse(row[field])
        except dates.DateError as exc:
            yield field, exc.code, exc.values
        else:
            if dates.is_future(day, today):
                yield field, "date-future", {"value": quote(row[field])}


def is_table_row(text: str, field: str) -> bool:
    """`| a | b |` (full-width `｜` too), or a name with two `|`: cells pasted from a markdown table."""
    bars = unicodedata.normalize("NFKC", text)
    return bool(_TABLE_ROW.match(bars)) or (field == "name" and bars.count("|") >= 2)


def pasted_cells(raw: str) -> bool:
    """An answer with a line of three tab-separated cells: a row pasted from a spreadsheet (before tabs
    are folded to spaces)."""
    return any(line.count("\t") >= 2 and len(line.strip("\t ").split("\t")) >= 3 for line in raw.splitlines())


def letters_or_digits(name: str) -> bool:
    return any(unicodedata.category(ch)[0] in "LN" for ch in inline.plain(name))


def text_problems(text: str) -> list[Message]:
    """Why a text field could not be published as is (empty when it can). Links are judged as
    `inline` renders them: the text that is rendered is the text that is checked."""
    found: list[Message] = []
    if (invisible := _invisible(text)) is not None:
        found.append(invisible)
    if _TEMPLATE.search(text):
        found.append(("text-template", {}))
    parts = inline.segments(text)
    for i, part in enumerate(parts):
        if isinstance(part, inline.Link):
            found += _link_problems(part)
            if i and isinstance(parts[i - 1], str) and str(parts[i - 1]).endswith("!"):
                found.append(("text-image", {}))  # `![x](…)`: shown as ! and a link, not an image
            continue
        for kind, detail in _markup(part):
            if kind == "html":
                found.append(("text-html", {"html": quote(detail)}))
            elif kind == "image":
                found.append(("text-image", {}))
            elif kind == "link":
                found.append(("text-link-scheme", {"url": quote(detail)}))
    stripped = inline.plain(text).strip()
    if unicodedata.normalize("NFKC", stripped).endswith(("-", "—", "–", ",")):  # `－`, `，`, `﹐` too
        found.append(("text-trailing", {"char": stripped[-1]}))
    unique: list[Message] = []
    for message in found:  # the same link twice is one problem
        if message not in unique:
            unique.append(message)
    return unique


def _link_problems(link: inline.Link) -> list[Message]:
    """A link as it is rendered: its label is what readers see, its URL where it goes."""
    if not any(_visible(ch) for ch in link.label):
        return [("link-empty-label", {"url": quote(link.url)})]
    parts = _split(link.url)
    host = inline.host_of(link.url)
    if parts is not None and "@" in parts.netloc:
        return [("link-userinfo", {"url": quote(link.url), "host": quote(host)})]
    named = [h for h in inline.hosts_named(link.label) if not inline.same_host(h, host)]
    if named:
        return [("text-link-spoof", {"url": quote(link.url), "shown": quote(named[0]), "host": quote(host)})]
    return []


def _visible(ch: str) -> bool:
    return (
        not ch.isspace()
        and unicodedata.category(ch) not in _INVISIBLE | {"Mn", "Me"}
        and ch not in _BLANK_LETTERS
    )


def invisible_characters(text: str) -> list[int]:
    """Offsets of characters a reader cannot see (a zero-width joiner inside an emoji is part of it)."""
    found = []
    for i, ch in enumerate(text):
        if ch in "\n\t":  # line breaks and tabs are folded to spaces (inline.fold)
            continue
        if unicodedata.category(ch) in _INVISIBLE or ch in _BLANK_LETTERS:
            if ch == ZWJ and _joins_emoji(text, i):
                continue
            found.append(i)
    return found


def _invisible(text: str) -> Message | None:
    """The first character of `text` a reader cannot see, where it is, and how many there are."""
    invisible = invisible_characters(text)
    if not invisible:
        return None
    i = invisible[0]
    return "text-invisible", {
        "char": describe(text[i]),
        "near": quote(_marked(text, i)),
        "count": len(invisible),
    }


ZWJ = "\u200d"
_EMOJI_TAIL = frozenset("\ufe0f\ufe0e") | frozenset(map(chr, range(0x1F3FB, 0x1F400)))  # VS16/15, skin tones


def _joins_emoji(text: str, i: int) -> bool:
    """A zero-width joiner between two emoji (👩‍⚕️, 🧑‍💻): it makes them one picture."""
    before = i - 1
    while before >= 0 and text[before] in _EMOJI_TAIL:
        before -= 1
    if before < 0 or i + 1 >= len(text):
        return False
    import icu  # PyICU: Extended_Pictographic, the property emoji ZWJ sequences are made of

    def pictographic(ch: str) -> bool:
        return bool(icu.Char.hasBinaryProperty(ch, icu.UProperty.EXTENDED_PICTOGRAPHIC))

    return pictographic(text[before]) and pictographic(text[i + 1])


def describe(ch: str) -> str:
    """U+200B ZERO WIDTH SPACE: what to look for, whatever font shows the message."""
    return f"U+{ord(ch):04X} {unicodedata.name(ch, unicodedata.category(ch))}"


def _marked(text: str, i: int, around: int = 12) -> str:
    """The text around offset i, the character itself shown as ⟦U+XXXX⟧."""
    start = max(0, i - around)
    shown = text[start:i] + f"⟦U+{ord(text[i]):04X}⟧" + text[i + 1 : i + 1 + around]
    return ("…" if start else "") + shown.replace("\n", " ") + ("…" if i + 1 + around < len(text) else "")


LONGEST_WORD = 40
"""Characters in a row with no place the page can wrap the line (see `longest_word`). More than this
and the column grows as wide as the word: 40 is about 20em (320 px at 16 px), wider than any word of
the seed (24: `ClueAI/ChatYuan-large-v2`) and than model ids such as `meta-llama/Llama-2-70b-chat-hf`."""


def longest_word(text: str) -> str:
    """The longest piece of `text` a browser cannot wrap: browsers (Chromium measured) wrap at spaces,
    around Chinese, Japanese and Korean characters and after a hyphen, not at `/`, `.`, `,` or `_`."""
    best, current = "", ""
    for ch in text:
        if ch.isspace() or unicodedata.east_asian_width(ch) in ("W", "F"):
            current = ""
            continue
        current += ch
        if len(current) > len(best):
            best = current
        if ch == "-":
            current = ""
    return best


@cache
def _markdown() -> mistune.Markdown:
    return mistune.create_markdown(renderer=None)


def _markup(text: str) -> Iterable[tuple[str, str]]:
    """Markup in text that `inline` shows as typed: HTML, images, links to other schemes (the
    contributor meant them to work; they would not)."""
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
        stack.extend(reversed(tok.get("children") or ()))


def _split(url: str) -> SplitResult | None:
    try:
        return urlsplit(url)
    except ValueError:  # e.g. an unclosed IPv6 bracket: https://[::1
        return None


SPECIFIC_URL_CODES = frozenset(
    (
        "text-invisible",
        "url-markdown-link",
        "url-angle-brackets",
        "url-full-width",
        "url-scheme-typo",
        "url-several",
        "url-with-text",
        "url-space",
        "url-userinfo",
        "url-no-scheme",
        "url-trailing-punct",
    )
)
"""Diagnoses that say more than the schema's “not a valid URL” (they replace it)."""
_MARKDOWN_LINK = re.compile(r"^\[[^\]]*\]\(\s*<?(\S+?)>?\s*\)$")
_ANGLE_BRACKETS = re.compile(r"^<(\S+)>$")
_SCHEME = re.compile(r"https?://", re.IGNORECASE)
# https:/x, https//x, https:x, https:///x: the scheme mistyped (the address after it is judged on its own).
_SCHEME_TYPO = re.compile(r"^(https?)(?::/?|/{1,2}|:/{3,}|;/*)(?=[^/\s])", re.IGNORECASE)
_LABEL = r"[^\W_](?:[\w-]*[^\W_])?"
# github.com/owner/repo, www.example.org: an address without its scheme.
_BARE_ADDRESS = re.compile(rf"^(?:{_LABEL}\.)+[^\W\d_]{{2,}}(?::\d+)?(?:[/?#]\S*)?$")
_SEPARATORS = re.compile(r"[\s,，、;；]+")
# Sentence punctuation that stuck to an address: ASCII and full-width, and quotes that are never part of one
# (a `)` is judged by balance; `'` may be part of an address).
_TRAILING = '.,;:!?。，；：！？、）」』》"”’'
# One address inside other text: it ends at a space, a quote or a bracket no address holds unescaped.
_ADDRESS_IN_TEXT = re.compile(r"https?://[^\s<>\"`（）「」『』《》【】“”‘’，。；、！？]+", re.IGNORECASE)


def url_problems(url: str) -> list[Message]:
    """What is wrong with the 开源地址 answer, as specifically as it can be said."""
    value = url.strip()
    if (invisible := _invisible(value)) is not None:
        return [invisible]
    if m := _MARKDOWN_LINK.match(value):
        return [("url-markdown-link", {"suggestion": m.group(1)})]
    if m := _ANGLE_BRACKETS.match(value):
        return [("url-angle-brackets", {"suggestion": m.group(1)})]
    wide = unicodedata.normalize("NFKC", value)
    if wide != value and not url_problems(wide):
        return [("url-full-width", {"suggestion": wide})]
    typo = _SCHEME_TYPO.match(value)
    if typo and not re.match(r"https?://(?!/)", value, re.IGNORECASE):
        fixed = f"{typo.group(1).lower()}://{value[typo.end() :].lstrip('/')}"
        if not url_problems(fixed):
            return [("url-scheme-typo", {"suggestion": fixed})]
    tokens = _SEPARATORS.split(value)
    addresses = [t for t in tokens if _BARE_ADDRESS.match(_SCHEME.sub("", t, count=1).rstrip(_TRAILING))]
    if len(addresses) > 1 or len(_SCHEME.findall(value)) > 1:
        return [("url-several", {"count": max(len(addresses), len(_SCHEME.findall(value)))})]
    if (inside := _address_inside(value)) is not None:
        return [("url-with-text", {"suggestion": inside})]
    if re.search(r"\s", value):
        return [("url-space", {})]
    parts = _split(value)
    if parts is not None and parts.scheme.lower() in ("http", "https") and "@" in parts.netloc:
        return [("url-userinfo", {"host": quote(inline.host_of(value))})]
    if not _SCHEME.match(value) and _BARE_ADDRESS.match(value.rstrip(_TRAILING)):
        return [("url-no-scheme", {"suggestion": "https://" + value.rstrip(_TRAILING)})]
    found: list[Message] = []
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        found.append(("url-not-full", {}))
    elif _bad_port(parts):
        return [("url-invalid", {"value": quote(value)})]
    if value.count("(") != value.count(")"):
        found.append(("url-parens", {}))
    elif value.endswith(tuple(_TRAILING)):
        found.append(("url-trailing-punct", {"char": value[-1], "suggestion": value.rstrip(_TRAILING)}))
    elif not found and (linked := inline.autolink_end(value)) != len(value):
        found.append(
            ("url-partial-link", {"linked": quote(value[:linked])}) if linked else ("url-no-link", {})
        )
    return found


def _address_inside(value: str) -> str | None:
    """The one address in `value` when other text surrounds it (not only sentence punctuation after it)."""
    m = _ADDRESS_IN_TEXT.search(value)
    if m is None:
        return None
    address = m.group(0).rstrip(_TRAILING)
    if value[: m.start()].endswith("'") and address.endswith("'"):  # 'https://…': quotes around it
        address = address[:-1].rstrip(_TRAILING)
    if address.endswith(")") and address.count(")") > address.count("("):
        address = address[:-1].rstrip(_TRAILING)
    before, after = value[: m.start()], value[m.start() + len(address) :]
    if not before.strip() and not after.strip(_TRAILING + ")"):
        return None  # nothing but punctuation after it: said more precisely below
    parts = _split(address)
    if parts is None or not parts.netloc or url_problems(address):
        return None
    return address


def _bad_port(parts: SplitResult) -> bool:
    try:
        parts.port  # noqa: B018 - raises for a port out of range or not a number
    except ValueError:
        return True
    return False


def normalize_url(url: str) -> str:
    """Lowercase the scheme and host (case-insensitive anyway, and linkify links only lowercase hosts);
    letters and digits of other scripts in the path, query or fragment are percent-encoded, as browsers
    send them (`/wiki/文心一言` → `/wiki/%E6%96%87…`)."""
    parts = _split(url.strip())
    if parts is None or not parts.netloc:
        return url.strip()
    rest = {
        name: _NON_ASCII_TEXT.sub(_percent_text, getattr(parts, name))
        for name in ("path", "query", "fragment")
    }
    return urlunsplit(parts._replace(scheme=parts.scheme.lower(), netloc=parts.netloc.lower(), **rest))


_NON_ASCII_TEXT = re.compile(r"[^\x00-\x7f]")


def _percent_text(m: re.Match[str]) -> str:
    """A letter, mark or digit percent-encoded; anything else (an invisible character) left for the checks."""
    ch = m.group(0)
    return urlquote(ch) if unicodedata.category(ch)[0] in "LMN" else ch

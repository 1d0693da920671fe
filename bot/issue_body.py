"""Read the markdown body GitHub writes for an issue form, exactly as GitHub's own parser reads it.

GitHub writes each field as `### <label>`, a blank line and the answer (`_No response_` when it is
empty; a textarea with `render: x` inside a ```` ```x ```` fence). Its parser, `@github/issue-parser`
(npm, pinned in tests/github_parser/), is not a markdown parser: one regular expression cuts the body
at every `###`, inside code fences, HTML comments or the middle of a line alike, and a piece whose
heading is not a form label is glued back onto the answer before it. `values` is that result, to the
character (tests/test_github_parser.py runs both on generated bodies). A markdown parser such as
mistune would disagree on purpose (an unclosed fence or `<!--` in one answer hides every later
heading), so splitting follows GitHub's rule and mistune is left to reading markup inside answers.

`answers` is what the bot publishes: each field's own answer, without the sections GitHub glued on,
without notes added after it (`Edit: …`, `@maintainer`, a `---` line), and with GitHub's `render:`
fence removed when it is really there. Everything else that was typed in the body is in `extra`,
so that nothing is dropped without the contributor being told (see bot/body_review.py).
Shapes follow @github/issue-parser: input/textarea → str ("" for no answer), dropdown → list[str],
checkboxes → {"selected": [...], "unselected": [...]}.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from bot.form import Field, Form

NO_RESPONSE = "_No response_"
Value = str | list[str] | dict[str, list[str]]

# ECMAScript's \s and String.prototype.trim(): WhiteSpace and LineTerminator. Python's own \s and
# str.strip() differ (they include U+001C–U+001F and U+0085, and leave out U+FEFF).
JS_SPACE = (
    "\t\n\v\f\r \xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "\u2028\u2029\u202f\u205f\u3000\ufeff"
)
_S = "[" + "".join(f"\\u{ord(c):04x}" for c in JS_SPACE) + "]"
# @github/issue-parser 2.0.0, src/index.ts: /### *(?<key>.*?)\s*[\r\n]+(?<value>[\s\S]*?)(?=\n?###|\n?$)/g
# in Python: JavaScript's `.` stops at \n, \r, U+2028 and U+2029, and `$` (no m flag) is the end.
_SECTION = re.compile(
    rf"### *(?P<key>[^\n\r\u2028\u2029]*?){_S}*[\r\n]+(?P<value>.*?)(?=\n?###|\n?\Z)", re.DOTALL
)
# src/format.ts: a checked box (`m` flag: also after U+2028/U+2029, the line terminators left in a line).
_CHECKED = re.compile(rf"(?:^|(?<=[\u2028\u2029]))-{_S}\[[xX]\]{_S}")
_CHECKED_MARK = re.compile(rf"-{_S}\[[xX]\]{_S}")
_UNCHECKED_MARK = re.compile(rf"-{_S}\[{_S}\]{_S}")

# Lines that start a note to people rather than an answer (bot/body_review.py reports them).
_NOTE = re.compile(
    r"^(?:edit(?:ed)?|update[ds]?|upd|p\.?\s?s\.?|cc|thanks|thank\s+you|thx"
    r"|编辑|更新|已更新|修改|已修改|修正|已修正|附言|谢谢|感谢|多谢)\s*(?:[:：!！,，.。]|\s|$)",
    re.IGNORECASE,
)
_MENTION = re.compile(r"(?<![\w@/.`])@[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}(?![\w-])")
_THEMATIC_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")


def js_trim(text: str) -> str:
    return text.strip(JS_SPACE)


@dataclass(frozen=True)
class Section:
    """One match of GitHub's expression: `### heading`, then the text up to the next `###`."""

    heading: str
    text: str
    start: int
    end: int
    source: str
    """The whole match as written (GitHub glues exactly this onto the previous answer)."""


ExtraKind = Literal["section", "note", "text"]


@dataclass(frozen=True)
class Extra:
    """Text of the body that is not a field's answer."""

    kind: ExtraKind
    """section: under a `###` heading that is not a form label; note: added after an answer
    (`Edit: …`, a line with an @mention, after a `---` line); text: anything else outside the answers."""
    text: str
    after: str | None
    """Id of the field whose answer it follows; None when it comes before the first field."""
    heading: str | None = None


@dataclass(frozen=True)
class ParsedBody:
    values: dict[str, Value]
    """What @github/issue-parser returns (absent fields: "" / [] / no boxes)."""
    answers: dict[str, Value] = field(default_factory=dict)
    """Each field's own answer: what the bot publishes."""
    repeated: list[str] = field(default_factory=list)
    """Labels that appear more than once (like GitHub, the last one counts)."""
    present: list[str] = field(default_factory=list)
    """Ids (or slugs) of the fields whose heading is in the body."""
    extra: list[Extra] = field(default_factory=list)


def sections(body: str) -> Iterator[Section]:
    for m in _SECTION.finditer(body):
        yield Section(m.group("key"), m.group("value"), m.start(), m.end(), m.group(0))


def format_key(name: str) -> str:
    """src/format.ts formatKey: the slug GitHub's parser uses for a heading without a form."""
    slug = re.sub(r"[^a-z0-9]", "_", js_trim(name).lower())
    return re.sub(r"_+", "_", re.sub(r"^_+|_+$", "", slug))


def _clean(text: str) -> str:
    return js_trim(text).replace("\r", "")


def _is_empty(value: str) -> bool:
    return value.lower() in ("none", NO_RESPONSE.lower(), "")


def format_value(raw: str, spec: Field | None) -> Value:
    """src/format.ts formatValue, with "" for GitHub's `undefined`."""
    value = _clean(raw)
    if spec is None:
        return value
    if spec.type == "dropdown":
        return [] if _is_empty(value) else re.split(r", *", value)
    if spec.type == "checkboxes":
        boxes: dict[str, list[str]] = {"selected": [], "unselected": []}
        if _is_empty(value):
            return boxes
        for line in value.split("\n"):
            line = js_trim(line)
            if _CHECKED.search(line):
                boxes["selected"].append(_CHECKED_MARK.sub("", line, count=1))
            else:
                boxes["unselected"].append(_UNCHECKED_MARK.sub("", line, count=1))
        return boxes
    return "" if _is_empty(value) else value


def empty_value(spec: Field) -> Value:
    return format_value("", spec)


def parse_body(body: str, form: Form | None = None) -> ParsedBody:
    """Map a rendered issue-form body to field id → answer, as GitHub's parser does."""
    matches = list(sections(body))
    found = [s for s in matches if s.heading and s.text]  # GitHub skips empty headings and answers
    if form is None:
        values: dict[str, Value] = {format_key(s.heading): format_value(s.text, None) for s in found}
        return ParsedBody(values=values, answers=dict(values), present=list(values))
    by_label: dict[str, Field] = {}
    for f in form.fields:
        by_label.setdefault(f.label, f)
    values = {f.id: empty_value(f) for f in form.fields}
    answers = dict(values)
    kept = [s for s in found if s.heading in by_label]
    if not kept:
        return ParsedBody(values=values, answers=answers)
    extra = _leftover(body, 0, kept[0].start, None, matches, by_label)
    seen: list[str] = []
    repeated: list[str] = []
    for i, section in enumerate(kept):
        spec = by_label[section.heading]
        stop = kept[i + 1].start if i + 1 < len(kept) else len(body)
        glued = [s for s in found if section.end <= s.start < stop]  # none is a label: those are kept
        values[spec.id] = format_value(section.text + "".join("\n" + s.source for s in glued), spec)
        answers[spec.id], note = _own_answer(section.text, spec)
        if note:
            extra.append(Extra("note", note, spec.id))
        extra += _leftover(body, section.end, stop, spec.id, matches, by_label)
        if spec.id in seen and section.heading not in repeated:
            repeated.append(section.heading)
        seen.append(spec.id)
    return ParsedBody(
        values=values, answers=answers, repeated=repeated, present=list(dict.fromkeys(seen)), extra=extra
    )


def _leftover(
    body: str, start: int, stop: int, after: str | None, matches: list[Section], labels: dict[str, Field]
) -> list[Extra]:
    """The text in body[start:stop], which is outside every answer: sections, and whatever is left."""
    out: list[Extra] = []
    pos = start
    for s in (s for s in matches if start <= s.start < stop):
        if js_trim(body[pos : s.start]):
            out.append(Extra("text", _clean(body[pos : s.start]), after))
        if s.heading and s.heading not in labels:
            out.append(Extra("section", _clean(s.text), after, heading=s.heading))
        elif not s.heading and js_trim(s.text):  # `###` alone on its line: GitHub drops what follows
            out.append(Extra("text", _clean(s.source), after))
        pos = s.end
    if js_trim(body[pos:stop]):
        out.append(Extra("text", _clean(body[pos:stop]), after))
    return out


def _own_answer(text: str, spec: Field) -> tuple[Value, str]:
    """A field's answer without a note added after it; GitHub's `render:` fence removed."""
    if spec.render:
        value = _clean(text)
        fence = re.fullmatch(rf"```{re.escape(spec.render)}\n(?:(.*)\n)?```", value, re.DOTALL)
        if fence:
            return fence.group(1) or "", ""
        return format_value(text, spec), ""
    if spec.type != "input" and spec.type != "textarea":
        return format_value(text, spec), ""
    lines = _clean(text).split("\n")
    for i, line in enumerate(lines[1:], start=1):
        if _NOTE.match(line.strip()) or _MENTION.search(line) or _THEMATIC_BREAK.match(line):
            return format_value("\n".join(lines[:i]), spec), _clean("\n".join(lines[i:]))
    return format_value(text, spec), ""

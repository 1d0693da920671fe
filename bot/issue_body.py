"""Parse the markdown body GitHub renders from an issue form.

GitHub writes each field as `### <label>` followed by the answer, `_No response_` for an empty one.
Headings are found with mistune's block parser, so a `###` line inside a fenced code block is never
taken for a field. With the form at hand, only headings whose text is one of its labels start a
field, so a `### …` line typed inside a textarea answer stays in that answer.
Output has the shape of GitHub's own @github/issue-parser: input/textarea → str,
dropdown → list[str], checkboxes → {"selected": [...], "unselected": [...]}.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from re import Match

import mistune

from bot.form import Form, normalize_label

NO_RESPONSE = "_No response_"
Value = str | list[str] | dict[str, list[str]]
_CHECKBOX = re.compile(r"^\s*[-*+]\s+\[([ xX])\]\s+(.*?)\s*$")
_FENCE = re.compile(r"^(`{3,}|~{3,})[^\n]*\n(.*?)\n?\1\s*$", re.DOTALL)


class _BlockParser(mistune.BlockParser):
    """mistune's block parser, also recording where each top-level ATX heading sits in the source."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[tuple[str, int, int, int]] = []
        """(text, level, start, end) of each top-level ATX heading."""

    def parse_atx_heading(self, m: Match[str], state: mistune.BlockState) -> int:
        end: int = super().parse_atx_heading(m, state)
        if state.parent is None:
            token = state.tokens[-1]
            self.headings.append((token["text"], token["attrs"]["level"], m.start(), end))
        return end


@dataclass(frozen=True)
class ParsedBody:
    values: dict[str, Value]
    repeated: list[str] = field(default_factory=list)
    """Labels that appeared more than once (the first answer is kept)."""
    present: list[str] = field(default_factory=list)
    """Ids (or slugs) of the fields whose heading is in the body."""


def _headings(body: str) -> tuple[str, list[tuple[str, int, int]]]:
    parser = _BlockParser()
    state = parser.state_cls()
    mistune.Markdown(renderer=None, block=parser).parse(body, state)
    return state.src, [(text, start, end) for text, level, start, end in parser.headings if level == 3]


def parse_body(body: str, form: Form | None = None) -> ParsedBody:
    """Map a rendered issue-form body to field id → answer."""
    src, headings = _headings(body)
    if form is not None:
        starts = [(t, s, e) for t, s, e in headings if form.by_label(t) is not None]
    else:
        starts = headings
    values: dict[str, Value] = {}
    repeated: list[str] = []
    for i, (title, _start, end) in enumerate(starts):
        stop = starts[i + 1][1] if i + 1 < len(starts) else len(src)
        answer = src[end:stop].strip("\n").rstrip()
        spec = form.by_label(title) if form is not None else None
        key = spec.id if spec is not None else _slug(title)
        if key in values:
            repeated.append(normalize_label(title))
            continue
        kind = spec.type if spec is not None else "textarea"
        values[key] = _convert(answer, kind, spec.render if spec is not None else None)
    present = list(values)
    if form is not None:
        for f in form.fields:
            values.setdefault(f.id, _convert("", f.type, None))
    return ParsedBody(values=values, repeated=repeated, present=present)


def _convert(answer: str, kind: str, render: str | None) -> Value:
    text = "" if answer.strip() == NO_RESPONSE else answer
    if kind == "dropdown":
        return [] if text.strip() in ("", "None") else [s.strip() for s in text.split(", ") if s.strip()]
    if kind == "checkboxes":
        selected: list[str] = []
        unselected: list[str] = []
        for line in text.splitlines():
            m = _CHECKBOX.match(line)
            if m:
                (unselected if m.group(1) == " " else selected).append(m.group(2))
        return {"selected": selected, "unselected": unselected}
    if render:
        fenced = _FENCE.match(text.strip())
        if fenced:
            return fenced.group(2)
    return text


def _slug(label: str) -> str:
    return re.sub(r"\W+", "_", label.strip().lower()).strip("_")

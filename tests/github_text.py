"""What GitHub makes of the markdown the bot writes: the mentions and references it would find."""

from __future__ import annotations

import html
import re

import mistune

_RENDER = mistune.create_markdown(escape=False, plugins=["table", "url", "strikethrough"])
"""CommonMark with GitHub's tables and bare-URL links; raw HTML (the bot's comments) passed through."""


def reaches_people(markdown: str) -> set[str]:
    """The @mentions and issue references GitHub finds in `markdown`. It scans the rendered text (so
    backslash escapes and character references are resolved: `\\@x` and `&#64;x` mention x) outside
    links and code, and an HTML comment splits that text."""
    rendered = str(_RENDER(markdown))
    rendered = re.sub(r"<(a|code)\b.*?</\1>", " ", rendered, flags=re.DOTALL)
    rendered = re.sub(r"<!--.*?-->", "\n", rendered, flags=re.DOTALL)
    text = html.unescape(re.sub(r"<[^>]*>", "\n", rendered))
    return set(re.findall(r"(?<![\w/])@[A-Za-z0-9][\w-]*|(?:\b[\w.-]+/[\w.-]+)?#\d+|\bGH-\d+", text, re.I))

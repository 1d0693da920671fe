"""What GitHub makes of the markdown the bot writes: the mentions and references it would find."""

from __future__ import annotations

import html
import re


def reaches_people(markdown: str) -> set[str]:
    """The @mentions and issue references GitHub finds in `markdown`: it scans the rendered text (escapes
    and character references resolved, so `\\@x` and `&#64;x` mention x), where an HTML comment splits
    the text, and not inside links."""
    text = re.sub(r"\]\([^)\s]*\)", "]", markdown)  # a link's destination
    text = re.sub(r"<!--.*?-->", "\n", text, flags=re.DOTALL)
    text = html.unescape(re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text))
    text = re.sub(r"(?:https?|ftp)://[^\s|<>]*", " ", text)  # autolinked
    return set(re.findall(r"(?<![\w/])@[A-Za-z0-9][\w-]*|(?:\b[\w.-]+/[\w.-]+)?#\d+|\bGH-\d+", text, re.I))

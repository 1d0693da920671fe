"""The ruamel.yaml modes: a fast safe loader (the issue forms), a round-trip one for writing (a row's
readable form, YAML front matter), and a text-only safe loader with which the tests check the data
file's own reader (bot.datafile)."""

from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.resolver import BaseResolver


class _TextResolver(BaseResolver):
    """Resolve every plain scalar to a string: `2023`, `1.10`, `yes` stay as written (the data file
    holds text)."""

    def __init__(self, version: Any = None, loadumper: Any = None) -> None:
        super().__init__(loadumper)


def load_safe(text: str) -> Any:
    """Plain Python data from YAML text (C loader when ruamel.yaml.clib is installed)."""
    return YAML(typ="safe", pure=False).load(text)


def load_text(text: str) -> Any:
    """Like `load_safe`, but every scalar is a string (the bot reads models.yaml with bot.datafile; the tests
    use this independent loader to check it)."""
    yaml = YAML(typ="safe", pure=False)
    yaml.Resolver = _TextResolver
    return yaml.load(text)


def round_trip() -> YAML:
    """A loader/dumper that keeps comments, key order and quoting."""
    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.allow_unicode = True
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=2, offset=0)
    return yaml

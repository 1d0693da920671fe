"""The two ruamel.yaml modes the bot uses: a fast safe loader and a round-trip one for writing."""

from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML


def load_safe(text: str) -> Any:
    """Plain Python data from YAML text (C loader when ruamel.yaml.clib is installed)."""
    return YAML(typ="safe", pure=False).load(text)


def round_trip() -> YAML:
    """A loader/dumper that keeps comments, key order and quoting."""
    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.allow_unicode = True
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=2, offset=0)
    return yaml

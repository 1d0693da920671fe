"""What the bot says, in Chinese and English: one message catalog per language, keyed by stable codes.

Code decides *which* message (a code and named values, e.g. `url-no-scheme` with `value`); the
catalog decides *how it is said*. The catalogs are Project Fluent files, bot/locales/<lang>/*.ftl,
read with `fluent.runtime` (imported only when a message is actually shown). Every message exists in
both languages with the same variables (tests/test_catalog.py checks the files and every call site).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from fluent.runtime import FluentBundle

Language = Literal["zh", "en"]
LANGUAGES: tuple[Language, ...] = ("zh", "en")
LOCALES = {"zh": "zh-CN", "en": "en-US"}
DIRECTORY = Path(__file__).parent / "locales"


class CatalogError(LookupError):
    """A code missing from a catalog, or values that do not fit its message: a bug, caught by the tests."""


_MESSAGE_ID = re.compile(r"^([a-zA-Z][\w-]*)\s*=", re.MULTILINE)


@cache
def _files(lang: Language) -> dict[str, Path]:
    """Message id → the file defining it (a line scan: Fluent's parser is the slow part, so a command
    parses only the files whose messages it shows)."""
    found: dict[str, Path] = {}
    for path in sorted((DIRECTORY / lang).glob("*.ftl")):
        for m in _MESSAGE_ID.finditer(path.read_text(encoding="utf-8")):
            found.setdefault(m.group(1), path)
    return found


@cache
def bundle(lang: Language) -> FluentBundle:
    from fluent.runtime import FluentBundle

    return FluentBundle([LOCALES[lang]], use_isolating=False)


@cache
def _load(lang: Language, path: Path) -> None:
    from fluent.runtime import FluentResource

    bundle(lang).add_resource(FluentResource(path.read_text(encoding="utf-8")))


def say(code: str, lang: Language, values: Mapping[str, object] | None = None) -> str:
    """The message `code` in `lang`, with `values` filled in."""
    path = _files(lang).get(code)
    if path is None:
        raise CatalogError(f"no message {code!r} in the {lang} catalog")
    _load(lang, path)
    messages = bundle(lang)
    if not messages.has_message(code):
        raise CatalogError(f"no message {code!r} in the {lang} catalog")
    pattern = messages.get_message(code).value
    if pattern is None:
        raise CatalogError(f"message {code!r} has no value in the {lang} catalog")
    text, errors = messages.format_pattern(pattern, dict(values or {}))
    if errors:
        raise CatalogError(f"message {code!r} ({lang}): {'; '.join(map(str, errors))}")
    return str(text)


def both(code: str, values: Mapping[str, object] | None = None, sep: str = "\n") -> str:
    """The message in Chinese, then in English."""
    return sep.join(say(code, lang, values) for lang in LANGUAGES)

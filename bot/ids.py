"""Entry ids: the stable, URL-safe handle of a row (page anchors, update requests, audit reports).

An id is derived once from the name when the row is created and never changes afterwards, so a
rename keeps links to `…/#<id>` working. Transliteration is python-slugify's (text-unidecode), so
Chinese names read as pinyin: 文心一言 → `wen-xin-yi-yan`.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from slugify import slugify

from bot import inline

MAX_LENGTH = 48
SHAPE = r"[a-z0-9]+(?:-[a-z0-9]+)*"
PATTERN = re.compile(rf"^{SHAPE}$")
"""What an id looks like (the schema's `id.pattern` says the same)."""
_ASIDE = re.compile(r"\s*[（(][^（）()]*[）)]\s*|\s*[：:].*$")
"""A bracketed aside or a description after a colon: BioMedLM（原PubMed GPT 2.7B） is `biomedlm`,
Almanac：临床医学检索增强语言模型 is `almanac`."""


def derive(name: str, taken: Collection[str]) -> str:
    """A new id for a row named `name`, unique among `taken` (`-2`, `-3`, … when needed)."""
    text = inline.plain(name)
    short = _ASIDE.sub(" ", text).strip()
    base = slugify(short, max_length=MAX_LENGTH, word_boundary=True) or slugify(text, max_length=MAX_LENGTH)
    base = base or "model"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        suffix = f"-{n}"
        candidate = base[: MAX_LENGTH - len(suffix)].rstrip("-") + suffix
    return candidate


def assign(names: list[str]) -> list[str]:
    """Ids for rows named `names`, in order (the importer's deterministic assignment)."""
    ids: list[str] = []
    taken: set[str] = set()
    for name in names:
        ids.append(derive(name, taken))
        taken.add(ids[-1])
    return ids

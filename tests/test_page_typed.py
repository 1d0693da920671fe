"""Hugo reads models.yaml typed; the bot reads every value as text. Judged by real Hugo (the page's
models.json): every unquoted value `check` lets through is published exactly as the bot reads it, the
ones it asks to quote are the ones Hugo changes, and every value the bot writes itself is published
as written."""

from __future__ import annotations

import json
import random
import re

import pytest
from hugo_site import build_site
from page_site import build_source, repo_schema

from bot import dataset
from bot.datafile import parse, typed

SLUG = "medical-llm-leaderboard"
KNOWN = [
    "1.10",
    "1.0",
    "0123",
    "0755",
    "+5",
    "-0",
    "1_000",
    "0x1F",
    "0o17",
    "0b101",
    ".inf",
    "-.Inf",
    ".nan",
    "1.5e3",
    "1.e3",
    "0.",
    "5.",
    ".5",
    "+.5",
    "007.5",
    "True",
    "TRUE",
    "False",
    "FALSE",
    "true",
    "false",
    "~",
    "null",
    "Null",
    "NULL",
    "0",
    "2023",
    "-1",
    "-9223372036854775808",
    "18446744073709551615",
    "18446744073709551616",
    "1.5",
    "278.92",
    "0.1",
    "2023-04",
    "2023-04-19",
    "1.5B",
    "7B",
    "yes",
    "no",
    "on",
    "off",
    "Y",
    "n",
    "1:20",
    "v1.0",
    "1.0.0",
    "1e3",
    "1E3",
    "08",
    "09",
    "0x",
    "1,000",
]
CHANGED_BY_HUGO = ["1.10", "1.0", "0123", "+5", "1_000", "0x1F", ".inf", "True", "~", "null"]


def tokens(count: int = 500, seed: int = 20231220) -> list[str]:
    """Number-like words: digits, signs, dots, underscores, exponents, radix prefixes."""
    rng = random.Random(seed)
    pieces = [*"0123456789", "0", "1", ".", "_", "e", "E", "+", "-", "0x", "0o", "0b", "inf", "nan"]
    found = set(KNOWN)
    while len(found) < count:
        found.add("".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))))
    return sorted(found)


def plain_rows(values: list[str]) -> tuple[str, list[str]]:
    """Hand-written rows with each value unquoted; the values the bot reads back as written."""
    kept = []
    for value in values:
        line = f"- id: t\n  name: {value}\n"
        try:
            if parse.read(line).rows == ({"id": "t", "name": value},):
                kept.append(value)
        except Exception:  # not a plain scalar here (`- x`, `-`): no maintainer writes it unquoted
            continue
    text = "".join(f"- id: plain-{i}\n  name: {v}\n" for i, v in enumerate(kept))
    return text, kept


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], list[str]]:
    """id → the name models.json publishes, for bot-written rows (`bot-N`) and hand-written ones."""
    values = tokens()
    written = [{"id": f"bot-{i}", "name": v} for i, v in enumerate(values)]
    hand, kept = plain_rows(values)
    root = tmp_path_factory.mktemp("typed")
    source = build_source(root / "site", {SLUG: ("t", [])}, repo_schema())
    data = dataset.dump_rows(written, order=("id", "name")) + hand
    (source / "content" / "posts" / SLUG / "models.yaml").write_text(data, encoding="utf-8")
    build_site(source, root / "public")
    entries = json.loads((root / "public" / "posts" / SLUG / "models.json").read_text(encoding="utf-8"))
    return {e["id"]: e.get("name", "") for e in entries}, kept


def test_every_value_the_bot_writes_is_published_as_written(
    published: tuple[dict[str, str], list[str]],
) -> None:
    names, _kept = published
    values = tokens()
    assert [names[f"bot-{i}"] for i in range(len(values))] == values


def test_unquoted_values_check_accepts_are_published_as_the_bot_reads_them(
    published: tuple[dict[str, str], list[str]],
) -> None:
    names, kept = published
    assert len(kept) > 300
    accepted = [(v, names[f"plain-{i}"]) for i, v in enumerate(kept) if typed.kind(v) is None]
    assert [(v, shown) for v, shown in accepted if shown != v] == []
    assert {"0", "2023", "-1", "1.5", "false", "2023-04", "1.5B", "yes"} <= {v for v, _ in accepted}


def test_the_values_check_asks_to_quote_are_changed_by_hugo(
    published: tuple[dict[str, str], list[str]],
) -> None:
    names, kept = published
    shown = {v: names[f"plain-{i}"] for i, v in enumerate(kept)}
    assert all(typed.kind(v) is not None for v in CHANGED_BY_HUGO)
    assert {v: shown[v] for v in CHANGED_BY_HUGO} == {
        "1.10": "1.1",
        "1.0": "1",
        "0123": "83",
        "+5": "5",
        "1_000": "1000",
        "0x1F": "31",
        ".inf": "+Inf",
        "True": "true",
        "~": "",
        "null": "",
    }
    # Quotes asked for but Hugo (0.168) would keep the text: number-like oddities that other YAML
    # readers (YAML 1.1, PyYAML) type, and no maintainer writes as data.
    kept_by_hugo = [v for v in kept if typed.kind(v) is not None and shown[v] == v]
    assert [v for v in kept_by_hugo if not ODDITY.fullmatch(v)] == []


ODDITY = re.compile(
    r"[-+]*[0-9_]+[eE][-+]?[0-9_]+"  # an exponent without a point: 1e3
    r"|[-+]*0[xXoObB]_*"  # a radix prefix and no digits: 0x
    r"|[-+]*0[0-9_]*[89][0-9_]*"  # a leading zero and an 8 or 9: not octal, 09
    r"|_[0-9_]*"  # a leading underscore
    r"|(--|\+\+|\+-|-\+)[0-9_.]*"  # two signs
)

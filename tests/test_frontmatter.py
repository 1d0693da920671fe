"""Front matter is edited key by key: comments, order and unknown keys survive, in all three formats."""

from __future__ import annotations

import datetime as dt

import pytest
import tomlkit

from bot import frontmatter
from bot.model import BotError

NOW = dt.datetime(2026, 11, 25, 8, 30, 15, 999, tzinfo=dt.UTC)
TOML = "+++\n# kept\ntitle = '医学大模型榜单'\ndate = 2023-12-20T19:37:38+08:00\ndraft = true\n[params]\nx = 1 # c\n+++\n\nbody\n"
YAML = (
    '---\n# kept\ntitle: "医学"  # c\ndate: 2023-12-20T19:37:38+08:00\ndraft: true\ntags: [a, b]\n---\nbody\n'
)
JSON = '{\n  "title": "医学",\n  "date": "2023-12-20T19:37:38+08:00",\n  "draft": true,\n  "custom": {"a": 1}\n}\nbody\n'


@pytest.mark.parametrize("text", [TOML, YAML, JSON, "no front matter\n"])
def test_split_and_join_round_trip_byte_for_byte(text: str) -> None:
    assert frontmatter.join(frontmatter.split(text)) == text


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (TOML, "lastmod = 2026-11-25T16:30:15+08:00\n"),
        (YAML, "lastmod: 2026-11-25 16:30:15+08:00\n"),
        (JSON, '  "lastmod": "2026-11-25T16:30:15+08:00"\n'),
    ],
)
def test_touch_adds_lastmod_in_the_offset_of_date_and_changes_nothing_else(text: str, line: str) -> None:
    touched = frontmatter.touch(text, NOW)
    assert line in touched
    # tomlkit puts a new top-level key before the first table, separated by a blank line.
    removed = touched.replace(line, "").replace("\n\n[params]", "\n[params]")
    if text is JSON:
        removed = removed.replace('"custom": {\n    "a": 1\n  }', '"custom": {"a": 1}').replace(
            "},\n}", "}\n}"
        )
    assert removed == text


def test_touch_twice_is_stable_and_date_never_moves() -> None:
    once = frontmatter.touch(TOML, NOW)
    assert frontmatter.touch(once, NOW) == once
    later = frontmatter.touch(once, NOW + dt.timedelta(days=1))
    assert "lastmod = 2026-11-26T16:30:15+08:00" in later
    assert "date = 2023-12-20T19:37:38+08:00" in later
    assert later.count("lastmod") == 1


def test_lastmod_is_utc_when_date_has_no_offset() -> None:
    assert "lastmod = 2026-11-25T08:30:15Z" in frontmatter.touch("+++\ntitle = 'x'\n+++\n", NOW)


def test_publish_and_draft_change_only_draft_unless_redate() -> None:
    published = frontmatter.set_draft(TOML, False, NOW)
    assert published == TOML.replace("draft = true", "draft = false")
    assert frontmatter.set_draft(published, True, NOW) == TOML
    redated = tomlkit.parse(frontmatter.split(frontmatter.set_draft(TOML, False, NOW, redate=True)).front)
    assert redated["date"].isoformat() == "2026-11-25T16:30:15+08:00"
    assert frontmatter.set_draft(TOML, True, NOW) == TOML  # already a draft: byte-identical


def test_yaml_draft_keeps_comments() -> None:
    assert frontmatter.set_draft(YAML, False, NOW) == YAML.replace("draft: true", "draft: false")


def test_broken_front_matter_is_a_clear_error() -> None:
    with pytest.raises(BotError, match="toml front matter"):
        frontmatter.touch("+++\ntitle = \n+++\n", NOW)
    with pytest.raises(BotError, match="JSON"):
        frontmatter.split("{ not json\n")


def test_front_matter_that_is_not_a_mapping_is_a_clear_error() -> None:
    with pytest.raises(BotError, match="not a mapping"):
        frontmatter.touch("---\n- a\n- b\n---\nbody\n", NOW)


@pytest.mark.parametrize("text", [TOML, YAML, JSON, "no front matter\n"])
@pytest.mark.parametrize("bom", ["", "\ufeff"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_bom_and_crlf_are_read_like_lf_and_kept(text: str, bom: str, newline: str) -> None:
    stored = bom + text.replace("\n", newline)
    post = frontmatter.split(stored)
    assert (post.format, post.front, post.body) == (
        (p := frontmatter.split(text)).format,
        p.front,
        p.body,
    )
    assert frontmatter.join(post) == stored
    if post.format is not None:
        touched = frontmatter.touch(stored, NOW)
        assert touched == bom + frontmatter.touch(text, NOW).replace("\n", newline)

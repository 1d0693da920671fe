"""What people and programs read: JSON, terminal text, markdown tables, prefilled form links (pure)."""

from __future__ import annotations

import json
import urllib.parse
from typing import Any

import mistune
from github_text import reaches_people
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.audit import report
from bot.audit.history import settle
from bot.audit.targets import Entry, Target
from bot.audit.verdicts import Verdict

FORM = "https://github.com/octo/leaderboard"


def line(
    state: str = "dead",
    *,
    name: str = "M",
    url: str = "https://x.example/a",
    field: str = "url",
    **verdict: Any,
) -> report.Line:
    v = Verdict(state, verdict.pop("code", "link-gone"), verdict.pop("args", {"status": 404}), **verdict)  # type: ignore[arg-type]
    text = verdict.pop("text", url if field == "url" else f"[link]({url})")
    return report.Line(Target(Entry("m-1", 1, name), field, url, text), settle(url, v, None, 1))


def test_json_one_object_per_url_and_place() -> None:
    moved = line("moved", code="link-moved", args={"status": 301}, suggestion="https://x.example/b")
    items = json.loads(report.as_json([line(), moved]))
    assert items[0] == {
        "id": "m-1",
        "field": "url",
        "url": "https://x.example/a",
        "state": "dead",
        "code": "link-gone",
        "detail": "页面不存在（HTTP 404） / not found (HTTP 404)",
    }
    assert items[1]["suggestion"] == "https://x.example/b"
    assert json.loads(report.as_json([])) == []


def test_form_links_for_moved_and_dead_only() -> None:
    moved = line("moved", code="link-moved", args={"status": 301}, suggestion="https://x.example/b?c=1&d=2")
    link = report.form_link(FORM, moved)
    assert link is not None and link.startswith(f"{FORM}/issues/new?template=update-model.yml&entry=m-1&url=")
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(link).query)
    assert query["url"] == ["https://x.example/b?c=1&d=2"] and "moved" in query["reason"][0]
    in_text = line(
        "moved", field="data", code="link-moved", args={"status": 301}, suggestion="https://x.example/b"
    )
    assert "url" not in urllib.parse.parse_qs(
        urllib.parse.urlsplit(report.form_link(FORM, in_text) or "").query
    )
    assert report.form_link(FORM, line("archived", code="github-archived", args={})) is None


def test_text_report_separates_attention_from_information() -> None:
    text = report.as_text([line(), line("unverified", code="link-timeout", args={}), line("ok")], 3)
    assert "3 links (3 checks)" in text
    attention, info = text.split("For information")
    assert "[已失效 / dead]" in attention and "[待确认 / unverified]" in info


def rows_of(markdown: str) -> list[list[str]]:
    parse = mistune.create_markdown(renderer=None, plugins=["table"])
    tables = [t for t in parse(markdown) if t["type"] == "table"]
    return [
        [cell["children"] for cell in row["children"]]
        for t in tables
        for part in t["children"]
        if part["type"] == "table_body"
        for row in part["children"]
    ]


@settings(max_examples=60)
@given(
    name=st.text(max_size=40),
    path=st.text(st.characters(exclude_categories=("Cs",)), max_size=30),
    license_=st.text(max_size=20),
)
def test_hostile_text_stays_in_its_cell(name: str, path: str, license_: str) -> None:
    url = "https://x.example/" + urllib.parse.quote(path, safe="|()[]<>`@#!*_")
    found = [
        line(name=name, url=url),
        line("gated", name=name, url=url, code="hub-gated", args={"mode": "manual", "license": license_}),
    ]
    markdown = report.markdown(found, 2, FORM, 2)
    body = rows_of(markdown)
    assert len(body) == 2 and all(len(cells) == 6 for cells in body)
    assert "<script" not in markdown.lower() and "{{" not in markdown
    for row in markdown.splitlines()[8:10]:  # the two body rows: outside link destinations,
        assert reaches_people(row) == set(), row  # no @mention and no #reference survives


def test_long_tables_are_cut_with_a_count() -> None:
    many = [line(url=f"https://x.example/{i}") for i in range(500)]
    table = report.table(many, FORM, budget=5_000)
    assert len(table) < 5_200 and "more not listed" in table

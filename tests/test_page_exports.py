"""The page's open data, built by real Hugo from the bundle's models.yaml: models.json (valid against the
schema), models.csv (BOM, header of field ids), feed.xml (Atom), their <link rel="alternate"> and visible
links; the columns the schema declares reach the page and the exports with no Python edit."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hugo_site import build_site, extract_tables, post_html_path
from page_site import REPO_ROOT, build_source, repo_schema, seed_rows, with_ids

from bot import columns, dataset
from bot.model import Row

SLUG = "medical-llm-leaderboard"
ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE: Row = {
    "name": 'A & B <i>x</i> "q"',
    "summary": "a, b; c\nd",
    "organization": "+1 (555) 0100",
    "url": "https://example.org/a?x=1&y=%3C2%3E",
    "data": '=HYPERLINK("https://evil.example/","click") </content><script>alert(1)</script>',
    "id": "hostile",
    "added": "2024-03-01",
    "updated": "2024-05-02",
}


def rows_with_dates() -> list[Row]:
    """The seed with ids; rows 1–25 added on successive days of January 2024, the hostile row last."""
    rows = with_ids(seed_rows(), "2023-12-20")
    for n, row in enumerate(rows[1:26], start=1):
        row["added"] = f"2024-01-{n:02d}"
    return [*rows, HOSTILE]


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return repo_schema()


@pytest.fixture(scope="module")
def public(tmp_path_factory: pytest.TempPathFactory, schema: dict[str, Any]) -> Path:
    root = tmp_path_factory.mktemp("exports")
    source = build_source(root / "site", {SLUG: ("医学大模型榜单", rows_with_dates())}, schema)
    build_site(source, root / "public")
    return root / "public" / "posts" / SLUG


def test_the_bundle_publishes_the_page_and_its_open_data_not_the_data_file(public: Path) -> None:
    assert sorted(p.name for p in public.iterdir()) == ["feed.xml", "index.html", "models.csv", "models.json"]


def test_json_is_every_entry_with_the_declared_fields_and_valid_against_the_schema(
    public: Path, schema: dict[str, Any]
) -> None:
    entries = json.loads((public / "models.json").read_text(encoding="utf-8"))
    assert entries == rows_with_dates()
    order = columns.load(schema).field_order
    assert list(entries[-1]) == [f for f in order if f in HOSTILE]  # the declared order
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    for entry in entries:
        assert list(validator.iter_errors(entry)) == [], entry
    assert {"id", "added"} <= set(entries[0])


def test_csv_has_a_bom_a_header_of_field_ids_and_every_value_quoted(
    public: Path, schema: dict[str, Any]
) -> None:
    raw = (public / "models.csv").read_bytes()
    assert raw.startswith("\ufeff".encode())
    text = raw.decode("utf-8-sig")
    assert text.endswith("\r\n") and "\r\n" in text.split("\n", 1)[0] + "\n"
    header, *lines = list(csv.reader(io.StringIO(text, newline="")))
    assert tuple(header) == columns.load(schema).field_order
    expected = rows_with_dates()
    assert len(lines) == len(expected)
    for line, row in zip(lines, expected, strict=True):
        shown = {f: v for f, v in zip(header, line, strict=True) if v}
        assert {f: v.removeprefix("'") for f, v in shown.items()} == row


def test_csv_values_that_a_spreadsheet_would_run_as_formulas_are_text(public: Path) -> None:
    text = (public / "models.csv").read_bytes().decode("utf-8-sig")
    header, *lines = list(csv.reader(io.StringIO(text, newline="")))
    last = dict(zip(header, lines[-1], strict=True))
    assert last["data"].startswith("'=HYPERLINK(")
    assert last["organization"] == "'+1 (555) 0100"
    assert last["summary"] == "a, b; c\nd"  # quoted: commas and line breaks stay inside the value
    assert any(v.startswith("'-基于") for v in text.split('"'))  # the seed's "-基于…" cells too


def test_the_feed_lists_the_20_latest_additions_and_updates_newest_first(public: Path) -> None:
    feed = ET.parse(public / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 20
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated[0] == "2024-05-02T00:00:00Z" and updated == sorted(updated, reverse=True)
    assert updated[1:] == [f"2024-01-{d:02d}T00:00:00Z" for d in range(25, 6, -1)]
    assert feed.findtext(f"{ATOM}updated") == "2024-05-02T00:00:00Z"
    page = "https://example.org/posts/medical-llm-leaderboard/"
    assert feed.findtext(f"{ATOM}id") == page
    assert {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")} == {
        "alternate": page,
        "self": page + "feed.xml",
    }
    first = entries[0]
    assert first.findtext(f"{ATOM}id") == page + "#hostile"
    assert first.find(f"{ATOM}link").get("href") == page + "#hostile"  # type: ignore[union-attr]
    assert first.find(f"{ATOM}category").get("term") == "updated"  # type: ignore[union-attr]
    assert entries[1].find(f"{ATOM}category").get("term") == "added"  # type: ignore[union-attr]
    assert first.findtext(f"{ATOM}published") == "2024-03-01T00:00:00Z"


def test_feed_text_is_escaped_plain_text(public: Path) -> None:
    entry = ET.parse(public / "feed.xml").getroot().find(f"{ATOM}entry")
    assert entry is not None
    assert entry.findtext(f"{ATOM}title") == HOSTILE["name"]
    content = entry.find(f"{ATOM}content")
    assert content is not None and content.get("type") == "text" and len(content) == 0  # no child elements
    assert content.text is not None
    assert content.text.strip().splitlines()[:2] == [f"模型: {HOSTILE['name']} a, b; c", "d"]
    assert f"所用数据: {HOSTILE['data']}" in content.text
    chatglm = [
        e for e in ET.parse(public / "feed.xml").getroot() if e.findtext(f"{ATOM}title") == "ChatGLM-6B-Med"
    ]
    assert chatglm  # a name that is a [label](url) link is titled by its label


def test_the_page_links_its_open_data_in_the_head_and_visibly(public: Path) -> None:
    html = (public / "index.html").read_text(encoding="utf-8")
    head = html.split("</head>")[0]
    alternates = re.findall(r'<link rel="alternate" type="([^"]+)" href="([^"]+)"', head)
    base = "/posts/medical-llm-leaderboard/"
    assert [(t.replace("&#43;", "+"), h) for t, h in alternates] == [
        ("application/json", base + "models.json"),
        ("text/csv", base + "models.csv"),
        ("application/atom+xml", base + "feed.xml"),
    ]
    body = html.split("</head>")[1]
    for name in ("models.json", "models.csv", "feed.xml"):
        assert f'<a href="{base}{name}"' in body


def test_the_page_marks_rows_with_their_ids_and_sortable_dates(public: Path) -> None:
    html = (public / "index.html").read_text(encoding="utf-8")
    rows = rows_with_dates()
    assert re.findall(r'<tr id="([^"]+)"', html) == [r["id"] for r in rows]
    assert re.findall(r'<td data-v="([^"]+)"', html) == [r["released"] for r in rows if r.get("released")]
    # entries dated long before the build are not marked new, and 更新于 is the latest change
    assert "data-new" not in html and '更新于 <time datetime="2024-05-02' in html


def test_a_declared_column_reaches_the_page_and_the_exports_with_no_python_edit(tmp_path: Path) -> None:
    """A maintainer adds `params` to the schema and its declaration: the page, JSON and CSV show it."""
    schema = repo_schema()
    schema["properties"]["params"] = {"type": "string", "maxLength": 40}
    schema[columns.KEY]["columns"].insert(
        3, {"header": "参数量", "fields": ["params"], "align": "right", "search": True}
    )
    rows = with_ids(seed_rows()[:3], "2023-12-20")
    rows[1]["params"] = "2.7B"
    source = build_source(tmp_path / "site", {SLUG: ("t", rows)}, schema)
    build_site(source, tmp_path / "public")
    html = post_html_path(tmp_path / "public").read_text(encoding="utf-8")
    [table] = extract_tables(html)
    assert [c.text for c in table.header] == [
        "模型",
        "所在机构",
        "发布时间",
        "参数量",
        "开源地址",
        "所用数据",
    ]
    assert table.column("参数量")[1].text == "2.7B"
    assert html.count("minmax(min(7em,16.6") == 6 and 'td:nth-child(4){--l:"参数量"}' in html
    # searched, and the search box says so
    assert (
        html.count("data-search") == 4
        and '<th scope="col" data-search style="text-align:right">参数量' in html
    )
    assert (
        'title="在模型、所在机构、参数量、所用数据中查找 / looks in the columns 模型、所在机构、参数量、所用数据"'
        in html
    )
    page = tmp_path / "public" / "posts" / SLUG
    assert json.loads((page / "models.json").read_text(encoding="utf-8"))[1]["params"] == "2.7B"
    header = (page / "models.csv").read_bytes().decode("utf-8-sig").split("\r\n")[0]
    assert header == '"id","name","summary","organization","released","params","url","data","added","updated"'


def test_the_script_and_styles_stay_within_10_kb_before_compression() -> None:
    assets = [*(REPO_ROOT / "assets").glob("*.js"), *(REPO_ROOT / "assets").glob("*.css")]
    assert {p.name for p in assets} == {"leaderboard.js", "site.css"}
    assert sum(p.stat().st_size for p in assets) <= 10 * 1024


def test_a_page_whose_table_is_not_the_declared_one_renders_a_plain_table(tmp_path: Path) -> None:
    rows = with_ids(seed_rows()[:2], "2023-12-20")
    source = build_source(tmp_path / "site", {SLUG: ("t", rows)}, repo_schema())
    bundle = source / "content" / "posts" / SLUG
    (bundle / "models.yaml").write_text(dataset.dump_rows(rows[:1], order=("name",)), encoding="utf-8")
    build_site(source, tmp_path / "public")
    body = post_html_path(tmp_path / "public").read_text(encoding="utf-8").split("</head>")[1]
    assert "<table>" in body and "lb-table" not in body and "lb-find" not in body
    [table] = extract_tables(body)
    assert len(table.rows) == 2 and 'id="' not in body.split("<table>")[1]


def test_the_feed_stays_well_formed_xml_whatever_characters_the_data_holds(tmp_path: Path) -> None:
    """XML 1.0 has no place for most control characters (a hand-written `"\\v"` in models.yaml, which
    `check` only warns about): the feed leaves them out rather than become unreadable to every reader."""
    rows = with_ids(seed_rows()[:1], "2024-01-01")
    rows.append(
        {
            "id": "control",
            "name": "Ctl\x0bname\x01",
            "summary": "tab\tand \x1b[31m escape",
            "data": "bell\x07 [link\x0c](https://example.org/\x08) \ufffe",
            "added": "2024-02-02",
        }
    )
    source = build_source(tmp_path / "site", {SLUG: ("t", rows)}, repo_schema())
    build_site(source, tmp_path / "public")
    feed = ET.parse(tmp_path / "public" / "posts" / SLUG / "feed.xml").getroot()
    entry = feed.find(f"{ATOM}entry")
    assert entry is not None and entry.findtext(f"{ATOM}id", "").endswith("#control")
    assert entry.findtext(f"{ATOM}title") == "Ctlname"
    content = entry.findtext(f"{ATOM}content", "")
    assert (
        "模型: Ctlname tab\tand [31m escape" in content
        and "所用数据: bell link (https://example.org/)" in content
    )

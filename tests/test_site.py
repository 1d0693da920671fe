"""Build the site with real Hugo and check what readers get: drafts, the table, links, text as typed."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from hugo_site import (
    Table,
    build_site,
    copy_site,
    extract_tables,
    hugo_warnings,
    post_html_path,
)

REPO_ROOT = Path(__file__).resolve().parents[1]
SEED_POST = Path(__file__).parent / "fixtures" / "seed-post.md"
SLUG = "medical-llm-leaderboard"
HEADER = ["模型", "所在机构", "发布时间", "开源地址", "所用数据"]
SEED_ROWS = 31

TYPOGRAPHY_POST = """\
+++
title = 'typography'
date = 2024-01-01T00:00:00+08:00
lastmod = 2024-02-03T04:05:06+08:00
+++

<!-- leaderboard:start -->
| 模型 | 所用数据 |
| --- | --- |
| "quotes" -- and ... | it's 'single' --- << x >> |
<!-- leaderboard:end -->
"""

RAW_HTML_POST = """\
+++
title = 'raw html'
date = 2024-01-01T00:00:00+08:00
+++

<!-- leaderboard:start -->
| 模型 | 所用数据 |
| --- | --- |
| <script>alert(1)</script> | <b>x</b> |
| <img src=x onerror=alert(1)> | <a href="javascript:alert(2)">y</a> |
| [z](javascript:alert(3)) | <!-- note --> <em>e</em> |
<!-- leaderboard:end -->
"""


@dataclass(frozen=True)
class Build:
    destination: Path
    result: subprocess.CompletedProcess[str]


def write_post(site: Path, slug: str, text: str) -> Path:
    bundle = site / "content" / "posts" / slug
    bundle.mkdir(parents=True, exist_ok=True)
    (bundle / "index.md").write_text(text, encoding="utf-8")
    return bundle


def only_table(html: str) -> Table:
    tables = extract_tables(html)
    assert len(tables) == 1, f"expected one table, found {len(tables)}"
    return tables[0]


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = copy_site(REPO_ROOT, tmp_path_factory.mktemp("seed") / "site", content=False)
    bundle = write_post(site, SLUG, SEED_POST.read_text(encoding="utf-8"))
    # The real bundle keeps its data file beside the post.
    (bundle / "models.yaml").write_text("models: []\n", encoding="utf-8")
    return site


@pytest.fixture(scope="module")
def seed_builds(seed_site: Path) -> dict[bool, Build]:
    builds = {}
    for drafts in (False, True):
        destination = seed_site.parent / f"public-drafts-{drafts}"
        builds[drafts] = Build(destination, build_site(seed_site, destination, drafts=drafts))
    return builds


@pytest.fixture(scope="module")
def seed_table(seed_builds: dict[bool, Build]) -> Table:
    html = post_html_path(seed_builds[True].destination).read_text(encoding="utf-8")
    return only_table(html)


@pytest.fixture(scope="module")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = copy_site(REPO_ROOT, tmp_path_factory.mktemp("samples") / "site", content=False)
    write_post(site, "typography", TYPOGRAPHY_POST)
    write_post(site, "raw-html", RAW_HTML_POST)
    destination = site.parent / "public"
    build_site(site, destination)
    return destination


def test_draft_post_is_hidden_without_build_drafts(seed_builds: dict[bool, Build]) -> None:
    build = seed_builds[False]
    assert (build.destination / "index.html").is_file()
    assert not post_html_path(build.destination).exists()
    home = (build.destination / "index.html").read_text(encoding="utf-8")
    assert f"/posts/{SLUG}/" not in home


def test_draft_post_is_built_with_build_drafts(seed_builds: dict[bool, Build]) -> None:
    build = seed_builds[True]
    page = post_html_path(build.destination).read_text(encoding="utf-8")
    assert "<h1>医学大模型榜单</h1>" in page
    assert '<time datetime="2023-12-20T19:37:38' in page
    assert "更新于" not in page  # no lastmod in the seed
    home = (build.destination / "index.html").read_text(encoding="utf-8")
    assert f'href="/posts/{SLUG}/"' in home
    # Every kind has a layout (Hugo warns "found no layout file" otherwise) and nothing is deprecated.
    assert hugo_warnings(build.result) == []


def test_bundle_data_file_is_not_published(seed_builds: dict[bool, Build]) -> None:
    post_dir = post_html_path(seed_builds[True].destination).parent
    # The page and its open data (tests/test_page_exports.py), never models.yaml itself.
    assert sorted(p.name for p in post_dir.iterdir()) == [
        "feed.xml",
        "index.html",
        "models.csv",
        "models.json",
    ]


def test_seed_table_shape(seed_table: Table) -> None:
    assert [cell.text for cell in seed_table.header] == HEADER
    assert len(seed_table.rows) == SEED_ROWS
    assert all(len(row) == len(HEADER) for row in seed_table.rows)
    assert seed_table.rows[0][0].text == "Med-Flamingo 一种适用于医学领域的多模态少样本学习器"
    assert seed_table.rows[-1][0].text == "Clinical Camel"


def test_markdown_links_in_cells_are_links(seed_table: Table) -> None:
    models = {link for cell in seed_table.column("模型") for link in cell.links}
    assert ("https://github.com/SCIR-HI/Med-ChatGLM", "ChatGLM-6B-Med") in models
    institutions = {link for cell in seed_table.column("所在机构") for link in cell.links}
    assert ("http://fudan-disc.com/", "复旦大学数据智能与社会计算实验室") in institutions
    data = {link for cell in seed_table.column("所用数据") for link in cell.links}
    assert ("https://github.com/allenai/s2orc/blob/master/README.md", "S2ORC语料库中") in data


def test_bare_urls_are_linkified(seed_table: Table) -> None:
    urls = [cell for cell in seed_table.column("开源地址") if cell.text]
    assert len(urls) == 21
    for cell in urls:
        assert len(cell.links) == 1, cell
        href, text = cell.links[0]
        assert href == text, cell
        # GFM leaves an unbalanced ")" outside the link (the Chinese-Vicuna row).
        assert cell.text in (href, href + ")"), cell


def test_text_is_shown_as_typed(sample_build: Path) -> None:
    html = post_html_path(sample_build, "typography").read_text(encoding="utf-8")
    table = only_table(html)
    assert [cell.text for cell in table.rows[0]] == ['"quotes" -- and ...', "it's 'single' --- << x >>"]
    assert all(cell.tags == [] for cell in table.rows[0])
    assert '<time datetime="2024-02-03T04:05:06' in html  # lastmod shown when set


def test_raw_html_in_cells_is_not_rendered(sample_build: Path) -> None:
    html = post_html_path(sample_build, "raw-html").read_text(encoding="utf-8")
    table = only_table(html)
    assert len(table.rows) == 3
    for row in table.rows:
        for cell in row:
            assert cell.tags == [], cell
            assert all(not href.startswith("javascript:") for href, _ in cell.links), cell
    assert table.rows[0][1].text == "x"
    assert table.rows[2][1].text == "e"
    lowered = html.lower()
    injected = ("<script", "<img", "<b>", "<em>", "onerror", "javascript:")
    comments = ("leaderboard:start", "<!-- note")  # HTML comments are omitted like any raw HTML
    for needle in injected + comments:
        assert needle not in lowered

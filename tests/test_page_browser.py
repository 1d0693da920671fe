"""The readers' page in a real browser: Debian's headless Chromium (Playwright) on the site real Hugo
built, served on 127.0.0.1. Search, sort, count, #row highlight, the 新 mark, layout at 390 and 1400 px
(also with a 233-character URL and a 1,500-character word), no request off the origin, no console
error, and the page without JavaScript."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from hugo_site import build_site
from page_site import launch, repo_schema, seed_rows, serve, with_ids
from playwright.sync_api import Browser, Page, sync_playwright

from bot import inline
from bot.model import Row

SLUG = "medical-llm-leaderboard"
OLD = "2023-12-20"
RECENT = (dt.date.today() - dt.timedelta(days=3)).isoformat()
LONG_URL = "https://example.org/" + "a" * 213
LONG_WORD = ("Pneumonoultramicroscopicsilicovolcanoconiosis" * 40)[:1500]
DESKTOP = {"width": 1400, "height": 900}
PHONE = {"width": 390, "height": 844}
HIGHLIGHT = "rgb(255, 248, 197)"  # site.css: tr:target


def leaderboard_rows() -> list[Row]:
    rows = with_ids(seed_rows(), OLD)
    rows[4]["updated"] = RECENT  # 文心一言, updated three days ago
    rows[30]["added"] = RECENT  # Clinical Camel, added three days ago
    return rows


def long_rows() -> list[Row]:
    return [
        {"name": "Long URL", "url": LONG_URL, "data": f"see [the paper]({LONG_URL})", "id": "long-url"},
        {"name": "Long word", "organization": LONG_WORD[:120], "data": LONG_WORD, "id": "long-word"},
        {"name": "Short", "summary": "一行", "released": "2024-01", "id": "short"},
        {"name": "LB Q", "id": "lb-q"},  # an id a name may well get: the page's own ids must not clash
    ]


def many_rows(count: int = 250) -> list[Row]:
    """Enough rows for three groups of rows (tbody elements of 100, skipped by the browser off screen)."""
    return [
        {
            "id": f"m-{i}",
            "name": f"Model {i}",
            "summary": "十一" if i in (5, 205) else "",
            "released": f"{2000 + i % 23}-{1 + i % 12:02d}" if i % 7 else "",
            "data": "x " * (i % 40),
        }
        for i in range(count)
    ]


@dataclass
class Site:
    origin: str
    rows: list[Row]

    def url(self, slug: str = SLUG, rest: str = "") -> str:
        return f"{self.origin}/posts/{slug}/{rest}"


@dataclass
class Watched:
    """A page and everything it logged or requested."""

    page: Page
    origin: str
    problems: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def ready(self, url: str) -> Page:
        self.page.goto(url)
        self.page.wait_for_selector(".lb-table[data-ready]", state="attached")
        return self.page


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    root = tmp_path_factory.mktemp("page")
    rows = leaderboard_rows()
    posts = {
        SLUG: ("医学大模型榜单", rows),
        "long-cells": ("long cells", long_rows()),
        "many": ("many", many_rows()),
    }
    from page_site import build_source

    source = build_source(root / "site", posts, repo_schema())
    build_site(source, root / "public")
    with serve(root / "public") as origin:
        yield Site(origin, rows)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


def watch(browser: Browser, origin: str, **options: Any) -> Watched:
    context = browser.new_context(**options)
    watched = Watched(context.new_page(), origin)
    watched.page.on("console", lambda m: m.type in ("error", "warning") and watched.problems.append(m.text))
    watched.page.on("pageerror", lambda e: watched.problems.append(str(e)))
    watched.page.on("request", lambda r: watched.requests.append(r.url))
    return watched


@pytest.fixture
def desktop(browser: Browser, site: Site) -> Iterator[Watched]:
    watched = watch(browser, site.origin, viewport=DESKTOP)
    yield watched
    watched.page.context.close()


@pytest.fixture
def phone(browser: Browser, site: Site) -> Iterator[Watched]:
    watched = watch(browser, site.origin, viewport=PHONE, is_mobile=True, has_touch=True)
    yield watched
    watched.page.context.close()


def searched_text(row: Row) -> str:
    """What the declaration says the search box looks in (name, summary, organization, data), as shown."""
    return " ".join(inline.plain(row.get(f, "")) for f in ("name", "summary", "organization", "data"))


def visible_names(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        ".lb-table tbody tr:not([hidden])", "rows => rows.map(r => r.cells[0].textContent.trim())"
    )


def count_text(page: Page) -> str:
    return page.locator(".lb-count").inner_text()


def test_search_narrows_rows_and_count_as_you_type_and_is_kept_in_the_url(
    desktop: Watched, site: Site
) -> None:
    page = desktop.ready(site.url())
    assert count_text(page) == "31 个模型 / 31 models"
    search = page.get_by_label("搜索 / Search")
    search.press_sequentially("清华")
    assert count_text(page) == "3 / 31"
    assert [n.split()[0] for n in visible_names(page)] == ["BioMedGPT-1.6B", "OpenBioMed", "BioMedGPT-10B"]
    page.wait_for_url("**/?q=%E6%B8%85%E5%8D%8E")
    search.fill("对话")  # a CJK substring, found in names and in the 所用数据 column
    assert count_text(page) == "8 / 31"
    assert [n.split()[0] for n in visible_names(page)] == [
        inline.plain(r["name"]).split()[0] for r in site.rows if "对话" in searched_text(r)
    ]
    search.fill("ＣＨＡＴ 德克萨斯")  # full-width letters fold to ASCII; every word must match
    assert visible_names(page) == ["ChatDoctor"]
    search.fill("huggingface.co")  # only in the 开源地址 column, which the declaration does not search
    assert count_text(page) == "0 / 31"
    search.fill("")
    assert count_text(page) == "31 个模型 / 31 models" and len(visible_names(page)) == 31
    page.wait_for_url(site.url())


def test_a_shared_search_url_opens_the_filtered_view(desktop: Watched, site: Site) -> None:
    page = desktop.ready(site.url(rest="?q=%E6%B8%85%E5%8D%8E"))
    assert page.get_by_label("搜索 / Search").input_value() == "清华"
    assert count_text(page) == "3 / 31" and len(visible_names(page)) == 3


def dates_in_order(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        ".lb-table tbody tr", "rows => rows.map(r => r.cells[2].dataset.v || '')"
    )


def test_sorting_by_date_puts_the_newest_first_and_undated_rows_last(desktop: Watched, site: Site) -> None:
    page = desktop.ready(site.url())
    header = page.locator("th[data-type=date]")
    header.get_by_role("button").click()
    assert header.get_attribute("aria-sort") == "descending"
    order = dates_in_order(page)
    dated = [d for d in order if d]
    assert dated == sorted(dated, reverse=True) and dated[0] == "2023-08-14" and len(dated) == 7
    assert order == dated + [""] * 24
    assert page.locator(".lb-table tbody tr").first.locator("td").nth(2).inner_text() == "2023年8月14日"
    header.get_by_role("button").press("Enter")  # keyboard: the header is a button
    assert header.get_attribute("aria-sort") == "ascending"
    order = dates_in_order(page)
    assert order[:7] == sorted(dated) and order[0] == "2022-12" and order[7:] == [""] * 24
    assert page.locator("th[aria-sort]").count() == 1


def test_sorting_by_a_text_column_keeps_empty_cells_last(desktop: Watched, site: Site) -> None:
    page = desktop.ready(site.url())
    org = page.locator("th").nth(1)
    org.get_by_role("button").focus()
    page.keyboard.press("Space")
    assert org.get_attribute("aria-sort") == "ascending"
    orgs = page.eval_on_selector_all(".lb-table tbody tr", "rows => rows.map(r => r.cells[1].textContent)")
    filled = [o for o in orgs if o]
    assert len(filled) == sum(1 for r in site.rows if r.get("organization")) == 20
    assert orgs == filled + [""] * 11
    assert page.locator("th").first.get_attribute("aria-sort") is None


def test_opening_an_id_scrolls_to_the_row_and_highlights_it(desktop: Watched, site: Site) -> None:
    target = site.rows[26]["id"]
    page = desktop.ready(site.url(rest=f"#{target}"))
    row = page.locator(f"[id='{target}']")
    assert row.evaluate("r => r.matches(':target')")
    assert row.locator("td").first.evaluate("td => getComputedStyle(td).backgroundColor") == HIGHLIGHT
    box = row.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= DESKTOP["height"]
    other = page.locator(f"[id='{site.rows[0]['id']}'] td").first
    assert other.evaluate("td => getComputedStyle(td).backgroundColor") != HIGHLIGHT


def test_an_id_hidden_by_the_search_clears_the_search(desktop: Watched, site: Site) -> None:
    target = site.rows[30]["id"]  # Clinical Camel: not a 清华 row
    page = desktop.ready(site.url(rest=f"?q=%E6%B8%85%E5%8D%8E#{target}"))
    assert count_text(page) == "31 个模型 / 31 models"
    assert page.locator(f"[id='{target}']").is_visible()
    assert page.locator(f"[id='{target}']").evaluate("r => r.getBoundingClientRect().top") >= 0


def test_rows_added_or_updated_in_the_last_30_days_are_marked_new(desktop: Watched, site: Site) -> None:
    page = desktop.ready(site.url())
    marked = page.eval_on_selector_all(
        "td[data-new]",
        "cells => cells.map(c => [c.textContent.trim(), getComputedStyle(c, '::after').content])",
    )
    assert marked == [["文心一言", '"新 new"'], ["Clinical Camel", '"新 new"']]
    assert page.locator(".lb-legend").inner_text().startswith("新 new")
    meta = page.locator(".meta").inner_text()
    assert meta == f"发布于 2023-12-20 · 更新于 {RECENT}"


def overflow(page: Page) -> dict[str, Any]:
    """How far the page scrolls sideways, and the elements sticking out of the viewport."""
    result: dict[str, Any] = page.evaluate(
        """() => {
        const width = document.documentElement.clientWidth;
        const out = [...document.querySelectorAll('body *')]
          .filter(e => e.getBoundingClientRect().right > width + 0.5)
          .map(e => e.tagName + (e.id ? '#' + e.id : ''));
        return {scroll: document.documentElement.scrollWidth, width, out: out.slice(0, 5)};
    }"""
    )
    return result


@pytest.mark.parametrize("slug", [SLUG, "long-cells"])
def test_nothing_overflows_on_a_wide_screen_and_no_column_is_squeezed(
    desktop: Watched, site: Site, slug: str
) -> None:
    page = desktop.ready(site.url(slug))
    found = overflow(page)
    assert found["scroll"] == found["width"] and found["out"] == [], found
    widths = page.eval_on_selector_all("thead th", "ths => ths.map(th => th.getBoundingClientRect().width)")
    assert len(widths) == 5 and min(widths) >= 120, widths  # at least 7 characters of 16 px
    if slug == "long-cells":
        url_cell = page.locator("[id='long-url'] td").nth(3)
        assert url_cell.inner_text().replace("\n", "") == LONG_URL  # wrapped inside its cell, not cut
        assert url_cell.locator("a").get_attribute("href") == LONG_URL


@pytest.mark.parametrize("slug", [SLUG, "long-cells"])
def test_a_phone_shows_one_card_per_model_and_never_scrolls_sideways(
    phone: Watched, site: Site, slug: str
) -> None:
    page = phone.ready(site.url(slug))
    found = overflow(page)
    assert found["scroll"] == found["width"] == PHONE["width"] and found["out"] == [], found
    cells = page.eval_on_selector_all(
        ".lb-table tbody td:not(:empty)", "tds => tds.map(td => td.getBoundingClientRect().width)"
    )
    assert min(cells) >= 300, min(cells)  # each field spans the card: nothing squeezed to a few characters
    label = page.locator(".lb-table tbody tr").nth(1).locator("td").nth(1)
    assert label.evaluate("td => getComputedStyle(td, '::before').content") == '"所在机构"'


def test_sort_and_search_work_on_a_phone(phone: Watched, site: Site) -> None:
    page = phone.ready(site.url())
    page.locator("th[data-type=date] button").tap()
    assert dates_in_order(page)[0] == "2023-08-14"
    page.get_by_label("搜索 / Search").fill("清华")
    assert count_text(page) == "3 / 31"


def test_no_request_leaves_the_origin_and_the_console_stays_clean(browser: Browser, site: Site) -> None:
    for options in ({"viewport": DESKTOP}, {"viewport": PHONE, "is_mobile": True}):
        watched = watch(browser, site.origin, **options)
        page = watched.ready(site.url(rest=f"?q=gpt#{site.rows[2]['id']}"))
        page.get_by_label("搜索 / Search").fill("")
        page.locator("th button").first.click()
        page.locator("th[data-type=date] button").click()
        page.goto(site.url("long-cells"))
        page.wait_for_selector(".lb-table[data-ready]", state="attached")
        watched.page.context.close()
        assert watched.problems == []
        assert watched.requests and all(u.startswith(site.origin + "/") for u in watched.requests), (
            watched.requests
        )
        assert any(u.endswith(".js") for u in watched.requests) and any(
            u.endswith(".css") for u in watched.requests
        )


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1400px", "390px"])
def test_without_javascript_the_whole_table_is_readable(
    browser: Browser, site: Site, viewport: dict[str, int]
) -> None:
    watched = watch(browser, site.origin, viewport=viewport, java_script_enabled=False)
    page = watched.page
    page.goto(site.url())
    try:
        rows = page.locator(".lb-table tbody tr")
        assert rows.count() == 31
        assert all(rows.nth(i).is_visible() for i in range(31))
        assert page.locator(".lb-count").inner_text() == "31 个模型 / 31 models"
        assert not page.locator(".lb-find").is_visible()  # a search box that cannot work is not shown
        assert page.locator("th button").count() == 0
        assert rows.nth(30).locator("td").first.inner_text() == "Clinical Camel"
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width == viewport["width"]
    finally:
        page.context.close()


def group_sizes(page: Page) -> list[tuple[int, bool]]:
    groups = page.eval_on_selector_all(".lb-table tbody", "gs => gs.map(g => [g.rows.length, g.hidden])")
    return [(size, hidden) for size, hidden in groups]


def test_a_long_table_comes_in_groups_that_sort_filter_and_reveal_as_one(
    desktop: Watched, site: Site
) -> None:
    page = desktop.ready(site.url("many"))
    assert group_sizes(page) == [(100, False), (100, False), (50, False)]
    page.locator("th[data-type=date] button").click()
    order = dates_in_order(page)
    dated = [d for d in order if d]
    assert order == sorted(dated, reverse=True) + [""] * (250 - len(dated))
    assert [n for n, _ in group_sizes(page)] == [100, 100, 50]
    page.get_by_label("搜索 / Search").fill("十一")  # rows 5 and 205, now in the last two groups
    assert count_text(page) == "2 / 250"
    assert sorted(visible_names(page)) == ["Model 205 十一", "Model 5 十一"]
    assert [hidden for _, hidden in group_sizes(page)].count(True) >= 1
    found = overflow(page)
    assert found["scroll"] == found["width"]
    page.goto(site.url("many", "#m-240"))
    page.wait_for_selector(".lb-table[data-ready]", state="attached")
    row = page.locator("[id='m-240']")
    box = row.bounding_box()
    assert row.evaluate("r => r.matches(':target')")
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= DESKTOP["height"]


def test_a_new_mark_goes_away_when_the_reader_is_30_days_past_the_change(
    browser: Browser, site: Site
) -> None:
    """The mark is written at build time; a page built once and read weeks later drops it itself."""
    watched = watch(browser, site.origin, viewport=DESKTOP)
    later = dt.datetime.combine(dt.date.fromisoformat(RECENT) + dt.timedelta(days=31), dt.time(12))
    watched.page.clock.install(time=later)
    try:
        page = watched.ready(site.url())
        assert page.locator("tr[data-changed]").count() == 2  # marked at build time
        assert page.locator("td[data-new]").count() == 0
    finally:
        watched.page.context.close()


@pytest.mark.parametrize("fragment", ["%", "%E0%A4%A", "100%", "no-such-row", "lb_q", "a%20b"])
def test_an_odd_fragment_neither_breaks_the_script_nor_touches_the_search(
    desktop: Watched, site: Site, fragment: str
) -> None:
    """A mistyped or hand-edited `#…` (a stray `%` is not valid percent-encoding) is not a row: nothing
    happens, and the page keeps working (no uncaught error, search and sort still alive)."""
    page = desktop.ready(site.url(rest=f"?q=gpt#{fragment}"))
    page.evaluate("dispatchEvent(new HashChangeEvent('hashchange'))")
    assert desktop.problems == []
    assert page.get_by_label("搜索 / Search").input_value() == "gpt"
    page.get_by_label("搜索 / Search").fill("清华")
    assert count_text(page) == "3 / 31"
    assert page.evaluate("performance.getEntriesByName('lb-ready').length") == 1


def test_a_card_opened_by_its_id_is_highlighted_once(phone: Watched, site: Site) -> None:
    """On a phone the card carries the highlight; its first field does not get the table's bar too."""
    target = site.rows[26]["id"]
    page = phone.ready(site.url(rest=f"#{target}"))
    card = page.locator(f"[id='{target}']")
    assert card.evaluate("r => getComputedStyle(r).backgroundColor") == HIGHLIGHT
    assert card.evaluate("r => getComputedStyle(r).boxShadow") != "none"
    first = card.locator("td").first
    assert first.evaluate("td => getComputedStyle(td).boxShadow") == "none"


def cells_per_row(page: Page) -> list[int]:
    """Cells per row as assistive technology gets them (Chromium's accessibility tree)."""
    snapshot = page.locator(".lb-table").aria_snapshot()
    counts: list[int] = []
    for line in snapshot.splitlines():
        stripped = line.strip()
        if stripped.startswith("- row ") and "columnheader" not in stripped:
            counts.append(0)
        elif stripped.startswith("- cell") and counts:
            counts[-1] += 1
    return counts


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1400px", "390px"])
def test_every_row_keeps_one_cell_per_column_for_screen_readers(
    browser: Browser, site: Site, viewport: dict[str, int]
) -> None:
    """A card leaves empty fields out of sight, not out of the table: a screen reader's cell n stays
    under column header n (an empty 开源地址 must not put 所用数据 under the 开源地址 header)."""
    watched = watch(browser, site.origin, viewport=viewport)
    try:
        page = watched.ready(site.url())
        assert cells_per_row(page)[1:] == [5] * 31  # the header row aside
        if viewport is PHONE:  # …and out of sight: Med-Flamingo's card shows no 开源地址 line
            empty = page.locator(f"[id='{site.rows[0]['id']}'] td").nth(3)
            assert empty.evaluate("td => [td.textContent, td.getBoundingClientRect().height]") == ["", 0]
    finally:
        watched.page.context.close()


@pytest.mark.parametrize("width", [768, 900, 1024])
def test_between_a_phone_and_a_wide_screen_no_column_is_squeezed(
    browser: Browser, site: Site, width: int
) -> None:
    """Tablets and narrow windows get the table: every column keeps room for a header or a date
    (7em) and the page still does not scroll sideways."""
    watched = watch(browser, site.origin, viewport={"width": width, "height": 900})
    try:
        page = watched.ready(site.url())
        found = overflow(page)
        assert found["scroll"] == found["width"] == width and found["out"] == [], found
        widths = page.eval_on_selector_all(
            "thead th", "ths => ths.map(th => th.getBoundingClientRect().width)"
        )
        assert len(widths) == 5 and min(widths) >= 7 * 16, widths
        assert (
            page.locator("th[data-type=date] button").evaluate(
                "b => { const r = document.createRange(); r.selectNodeContents(b.firstChild);"
                " return r.getClientRects().length; }"
            )
            == 1
        )  # 发布时间 on one line, not 发布时 / 间
    finally:
        watched.page.context.close()


def test_keyboard_focus_is_never_hidden_under_the_sticky_header(desktop: Watched, site: Site) -> None:
    """Tabbing backwards up the table scrolls each link into view below the header that sticks to the
    top of the window, not under it (WCAG 2.4.11, focus not obscured)."""
    page = desktop.ready(site.url())
    links = page.locator(".lb-table tbody a")
    links.last.focus()
    hidden = []
    for _ in range(25):
        page.keyboard.press("Shift+Tab")
        where = page.evaluate(
            """() => {
            const a = document.activeElement, head = document.querySelector('.lb-table thead');
            return [!!a.closest('tbody'), a.getBoundingClientRect().top, head.getBoundingClientRect().bottom];
        }"""
        )
        if where[0] and where[1] < where[2] - 1:
            hidden.append(where)
    assert hidden == []


def test_every_entry_id_is_free_on_the_page(desktop: Watched, site: Site) -> None:
    """Entry ids are slugs of names (`lb-q` for “LB Q”); the page's own ids are not slugs, so an entry's
    `#id` always reaches its row and the search box keeps its label."""
    page = desktop.ready(site.url("long-cells", "#lb-q"))
    assert page.locator("[id='lb-q']").count() == 1
    assert page.locator("[id='lb-q']").evaluate("r => r.matches('tr:target')")
    assert page.get_by_label("搜索 / Search").count() == 1
    ids = page.eval_on_selector_all("[id]:not(.lb-table tr)", "es => es.map(e => e.id)")
    assert [i for i in ids if re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i)] == []

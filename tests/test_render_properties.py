"""Property tests of the cell escaping (bot/inline.py), judged by real Hugo.

The promise: any row `check_row` accepts, whatever its text, renders as exactly one table row of
five cells that show the text as typed, with exactly the links of the stored text (and, in the URL
column, the link Hugo's linkify makes), no other markup, and the Hugo build succeeds.
Stored rows are rendered even when they only carry warnings, so the text escaping is also checked
on rows that never went through the validator.

A Hugo build takes a few tenths of a second, so each Hypothesis example renders a whole table and
builds it once; the pure properties of `to_markdown` / `from_markdown` run without Hugo.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from hugo_site import (
    Cell,
    build_site,
    collapse_whitespace,
    copy_site,
    extract_tables,
    hugo_warnings,
    post_html_path,
)
from hypothesis import HealthCheck, Phase, assume, example, given, settings
from hypothesis import strategies as st

from bot import columns, dates, importer, inline, render, validate
from bot.form import parse_form
from bot.model import Row, errors
from bot.pipeline import row_from_answers

REPO_ROOT = Path(__file__).resolve().parents[1]
SLUG = "medical-llm-leaderboard"
POST = (REPO_ROOT / "content" / "posts" / SLUG / "index.md").read_text(encoding="utf-8")
SEED_POST = Path(__file__).parent / "fixtures" / "seed-post.md"
FORM = parse_form((REPO_ROOT / ".github" / "ISSUE_TEMPLATE" / "new-model.yml").read_text(encoding="utf-8"))
SCHEMA = validate.load_schema((REPO_ROOT / "schemas" / "model.schema.json").read_text(encoding="utf-8"))
TABLE = columns.load(SCHEMA)
TODAY = dt.date(2025, 6, 30)

# --- hostile text ----------------------------------------------------------------------------

METACHARS = "|\\`*_~[](){}<>!#&;:/.@$%^\"'=+-?,"
CJK = "模型医学大数据训练清华中文"
LATIN = "abcxyzABCXYZ0189é"
# Combining acute, Hebrew and Arabic letters (right-to-left), emoji, NBSP, ideographic space.
UNICODE = "\u0301\u05d0\u05d1\u0627\u0644😀🧬\u00a0\u3000"

PAYLOADS = (
    # breaking the table
    "|", "\\|", "\\", "\\\\|", "a | b", "`a|b`", "``a|b``", "| --- |", "\n| x | y |\n",
    # HTML and character references
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<b>x</b>", "</td></tr>",
    "&lt;script&gt;", "&#x3C;b&#x3E;", "&#60;", "&amp;", "&nbsp;", "&copy", "AT&T",
    # links and images
    "[x](javascript:alert(1))", "![x](https://example.com/a.png)", "<http://example.com>",
    "<a@b.co>", "[x][1]", "\n[1]: http://example.com\n", "[x]", "[]()", "[x](https://example.com \"t\")",
    "[x](<https://example.com>)", "https://example.com/a_b_", "http://example.com", "www.example.com",
    "WWW.EXAMPLE.COM", "a@b.co", "ftp://example.com/x", "mailto:a@b.co", "(https://example.com)",
    # emphasis, strikethrough, code
    "*em*", "_em_", "**b**", "__b__", "~~del~~", "~s~", "`code`", "``", "***",
    # Hugo shortcodes, template syntax, front matter, the generated block's markers
    "{{< x >}}", "{{% x %}}", "{{/* c */}}", "{{ .Title }}", "{%", "%}", "{x}", "$x$", "$$",
    "\n+++\n", "\n---\n", "+++", "---", "<!-- leaderboard:end -->", "\n<!-- leaderboard:start -->\n",
    "<!--more-->",
    # block syntax that must stay inline, and escapes
    "# h", "> q", "\n- item\n- item", "\n1. item", "    code", "\\*", "\\\\", ":smile:", "\\n",
    # unicode and spaces
    "医学大模型", "\u05e9\u05dc\u05d5\u05dd", "e\u0301", "👩🏽", "\u00a0", "  ", " x ",
)  # fmt: skip


def _chars(extra: str = "", without: str = "") -> st.SearchStrategy[str]:
    """One character, as likely a markup character as a CJK, latin or other unicode one."""
    groups = (METACHARS, CJK, LATIN, UNICODE + " " + extra)
    return st.one_of(*(st.sampled_from([c for c in group if c not in without]) for group in groups))


# http(s) URLs as a link destination in text: anything `inline.LINK` takes.
_LINK_URL_TAIL = st.lists(
    st.one_of(
        _chars(without="()<> \u00a0\u3000"),
        st.sampled_from(("&lt;", "&amp;", "&#60;", "%41", "%zz", "%", "?a=1&b=2")),
    ),
    max_size=12,
).map("".join)
link_urls = st.builds(
    lambda scheme, host, tail: f"{scheme}://{host}/{tail}",
    st.sampled_from(("http", "https")),
    st.sampled_from(("example.com", "github.com", "例子.中国", "EXAMPLE.COM")),
    _LINK_URL_TAIL,
)
link_labels = st.text(_chars(without="[]"), min_size=1, max_size=10)
links = st.builds(lambda label, url: f"[{label}]({url})", link_labels, link_urls)


def hostile_text(max_pieces: int, extra: str = "", min_pieces: int = 0) -> st.SearchStrategy[str]:
    piece = st.one_of(
        st.text(_chars(extra), min_size=1, max_size=6),
        st.sampled_from(PAYLOADS),
        links,
    )
    return st.lists(piece, min_size=min_pieces, max_size=max_pieces).map("".join)


# --- URLs and dates ----------------------------------------------------------------------------

PCHAR = "abcxyzABCXYZ0189-._~!$&'()*+,;=:@"
hosts = st.sampled_from((
    "example.com", "github.com", "x.co", "a-b.example.cn", "EXAMPLE.COM", "Example.Org", "192.168.0.1",
    "localhost", "localhost:8080", "[::1]", "user:pw@example.com", "example.com:8080", "xn--fiqs8s.cn",
))  # fmt: skip


def url_part(max_size: int) -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(PCHAR + "/"), st.sampled_from(("%41", "%E5%8C%BB", "&lt;", "&amp;")))
    return st.lists(piece, max_size=max_size).map("".join)


well_formed_urls = st.builds(
    lambda scheme, host, path, query, frag, pad: f"{pad}{scheme}://{host}/{path}{query}{frag}{pad}",
    st.sampled_from(("http", "https")),
    hosts,
    url_part(16),
    st.one_of(st.just(""), url_part(8).map(lambda s: "?" + s)),
    st.one_of(st.just(""), url_part(6).map(lambda s: "#" + s)),
    st.sampled_from(("", " ", "\n")),
)
odd_urls = st.sampled_from((
    "javascript:alert(1)", "https://例子.中国/", "https://x.com/a b", "https://x.com/a|b",
    "HTTPS://X.COM", "https://x.com/<script>", "https://x.com/`a|b`", "ftp://x.com/",
    "https://x.com/{{< x >}}", "https://github.com/stanford-crfm/BioMedLM",
))  # fmt: skip
# Well-formed URLs four times as often as odd ones.
urls = st.sampled_from((well_formed_urls,) * 4 + (odd_urls,)).flatmap(lambda strategy: strategy)


def _date_spelling(day: dt.date, form: int) -> str:
    return (
        f"{day.year}",
        f"{day.year}-{day.month:02d}",
        f"{day.year}-{day.month:02d}-{day.day:02d}",
        f"{day.year}/{day.month}/{day.day}",
        f"{day.year}.{day.month:02d}.{day.day:02d}",
        f"{day.year}年{day.month}月{day.day}日",
        f" {day.year}年{day.month}月 ",
    )[form]


released = st.builds(_date_spelling, st.dates(dt.date(1990, 1, 1), TODAY), st.integers(0, 6))


def optional(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(st.just(""), strategy)


answers = st.fixed_dictionaries({
    "name": hostile_text(4, min_pieces=1),
    "summary": optional(hostile_text(5)),
    "organization": optional(hostile_text(4)),
    "released": optional(released),
    "url": optional(urls),
    "data": optional(hostile_text(12)),
})  # fmt: skip

# Rows as stored, never validated: text the validator would reject, raw newlines, C1/line separators.
stored_rows = st.fixed_dictionaries(
    {"name": hostile_text(4, "\t\u2028\u0085")},
    optional={
        "summary": hostile_text(5, "\t\u2028"),
        "organization": hostile_text(4),
        "released": st.one_of(released, hostile_text(2)),
        "url": urls,
        "data": hostile_text(12, "\r\n\t"),
    },
)


def accepted(values: dict[str, str]) -> Row | None:
    """The row a submission with these answers becomes, or None when the bot would reject it."""
    row, problems = row_from_answers(dict(values), FORM, TABLE.formats)
    problems += validate.check_row({"id": "x", **row}, schema=SCHEMA, labels=FORM.labels, today=TODAY)
    return None if errors(problems) else row


# --- what a reader must see ------------------------------------------------------------------

# goldmark's util.URLEscape: bytes kept as they are in an href; `%XX` is kept too.
_HREF_SAFE = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$&'()*+,-./:;=?@_~")
_URL_UNSAFE = re.compile(r"[\s<>|\\`\"{}^]")


def goldmark_href(url: str) -> str:
    """The href goldmark writes for a destination that reads as `url` (percent-encoding only)."""
    raw, out, i = url.encode(), [], 0
    while i < len(raw):
        byte = raw[i]
        if byte in _HREF_SAFE:
            out.append(chr(byte))
        elif byte == ord("%") and re.fullmatch(rb"%[0-9A-Fa-f]{2}", raw[i : i + 3]):
            out.append(raw[i : i + 3].decode("ascii", "replace"))
            i += 2
        else:
            out.append(f"%{byte:02X}")
        i += 1
    return "".join(out)


def expected_text(*values: str) -> tuple[str, list[tuple[str, str]]]:
    """Visible text and links of a cell made of these stored text values (joined by a space)."""
    folded = [inline.fold(v) for v in values]
    text = " ".join(inline.plain(f) for f in folded)
    found = [
        (goldmark_href(part.url), collapse_whitespace(part.label))
        for f in folded
        for part in inline.segments(f)
        if isinstance(part, inline.Link)
    ]
    return collapse_whitespace(text), found


def expected_cells(row: Row) -> list[tuple[str, list[tuple[str, str]]]]:
    name, summary = row.get("name", ""), row.get("summary", "")
    model = expected_text(name, summary) if inline.fold(summary) else expected_text(name)
    try:
        when: tuple[str, list[tuple[str, str]]] = (dates.parse(row.get("released", "")).display(), [])
    except ValueError:
        when = expected_text(row.get("released", ""))
    return [
        model,
        expected_text(row.get("organization", "")),
        when,
        ("", []),
        expected_text(row.get("data", "")),
    ]


def expected_url(url: str) -> tuple[str, list[tuple[str, str]]]:
    """The URL as shown (what no URL may contain raw is percent-encoded) and the link linkify makes
    of the start of the cell's markdown, which must be the start of the URL as it is."""
    shown = _URL_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), url.strip())
    markdown = inline.safe_url(url)
    end = inline.autolink_end(markdown)
    assert markdown[:end] == shown[:end], (url, markdown)
    return shown, [(goldmark_href(shown[:end]), shown[:end])] if end else []


class Page:
    """A Hugo site with the leaderboard post; `build(rows)` renders them into the post and builds."""

    def __init__(self, root: Path) -> None:
        self.site = copy_site(REPO_ROOT, root / "site", content=False)
        self.bundle = self.site / "content" / "posts" / SLUG
        self.bundle.mkdir(parents=True)
        (self.bundle / "models.yaml").write_text("models: []\n", encoding="utf-8")
        self.destination = root / "public"
        self.outside = self._outside(self.build([]))

    def build(self, rows: list[Row]) -> str:
        table = render.render_table(rows, TABLE)
        post = render.replace_table(POST, table)
        assert render.current_table(post) == table.strip("\n"), "the generated block moved"
        assert table.count("\n") == len(rows) + 2, "a row spans more than one line"
        (self.bundle / "index.md").write_text(post, encoding="utf-8")
        result = build_site(self.site, self.destination, drafts=True)
        assert not hugo_warnings(result), result.stderr
        return post_html_path(self.destination).read_text(encoding="utf-8")

    @staticmethod
    def _outside(html: str) -> tuple[str, str]:
        return html[: html.index("<table>")], html[html.index("</table>") :]

    def check(self, rows: list[Row]) -> None:
        """Build the rows and assert each one reads back exactly as stored."""
        html = self.build(rows)
        assert self._outside(html) == self.outside, "something outside the table changed"
        assert "<script" not in html
        [table] = extract_tables(html)
        assert [c.text for c in table.header] == list(TABLE.headers)
        assert all(not c.links and not c.tags for c in table.header)
        assert len(table.rows) == len(rows)
        for row, cells in zip(rows, table.rows, strict=True):
            check_row_cells(row, cells)


def check_row_cells(row: Row, cells: list[Cell]) -> None:
    markdown = render.cells(row, TABLE)
    assert len(cells) == 5, (row, markdown)
    expected = expected_cells(row)
    expected[3] = expected_url(row.get("url", ""))
    for column, cell, (text, links), md in zip(TABLE.headers, cells, expected, markdown, strict=True):
        where = f"{column}: {row!r} → {md!r}"
        assert cell.tags == [], where
        assert cell.text == text, where
        assert cell.links == links, where
    url_cell = cells[3]
    # Whatever linkify links in the URL column is the start of the URL, shown as it is.
    for href, label in url_cell.links:
        assert url_cell.text.startswith(label) and href == goldmark_href(label)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Page:
    return Page(tmp_path_factory.mktemp("properties"))


# Every shrinking step would be a Hugo build of a whole table (minutes in all); the failure message
# names the row, its stored values and its markdown instead.
HUGO = settings(
    max_examples=15,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)


@HUGO
@given(st.lists(answers, min_size=40, max_size=40))
def test_accepted_submissions_render_as_typed(page: Page, submissions: list[dict[str, str]]) -> None:
    rows = [row for row in map(accepted, submissions) if row is not None]
    assume(len(rows) >= 10)
    page.check(rows)


@HUGO
@given(st.lists(stored_rows, min_size=25, max_size=25))
def test_unvalidated_stored_rows_render_safely(page: Page, rows: list[Row]) -> None:
    page.check(rows)


PAYLOAD_URLS = (
    "https://github.com/stanford-crfm/BioMedLM", "https://x.com/a_b_", "https://x.com/*a*", "https://EXAMPLE.COM/_a_",
    "https://x.com/~~a~~", "https://x.com/?a=1&amp;b=2", "https://x.com/?a=1&lt;", "https://x.com/a(b)c",
    "https://x.com/a)b)", "https://x.com/a*(https://y.com)", "https://EXAMPLE.COM/a@b.com", "http://[::1]/",
    "javascript:alert(1)", "https://x.com/a|b", "https://x.com/`a|b`", "https://x.com/{{< x >}}",
)  # fmt: skip


def payload_rows() -> Iterable[Row]:
    for number, payload in enumerate(PAYLOADS):
        yield {
            "name": f"P{number} {payload}",
            "summary": payload,
            "organization": payload,
            "released": payload,
            "url": PAYLOAD_URLS[number % len(PAYLOAD_URLS)],
            "data": f"- {payload}\n- {payload}{payload}\n",
        }
    for number, link in enumerate(
        ("[a](https://x.com/&lt;)", "[b](https://x.com/&#60;)", "x![i](https://x.com/)")
    ):
        yield {"name": f"L{number}", "data": f"{link} {link}"}


def test_known_payloads_render_as_typed(page: Page) -> None:
    """Every payload in every column, validated or not, in one build."""
    page.check(list(payload_rows()))


# --- pure properties, no Hugo ------------------------------------------------------------------


def unescaped(markdown: str, chars: str) -> list[int]:
    """Offsets of `chars` in `markdown` that no backslash escapes."""
    found, i = [], 0
    while i < len(markdown):
        if markdown[i] == "\\":
            i += 2
            continue
        if markdown[i] in chars:
            found.append(i)
        i += 1
    return found


@settings(max_examples=600, deadline=None)
@given(hostile_text(12, "\r\n\t\u2028"))
def test_to_markdown_is_one_line_with_no_bare_pipe(text: str) -> None:
    md = inline.to_markdown(text)
    assert "\n" not in md and "\r" not in md
    assert not unescaped(md, "|"), md
    assert "{{" not in md and "}}" not in md  # Hugo's shortcode delimiters
    assert md == md.strip()
    # Outside the links, every markup character is escaped.
    plain_md = inline.LINK.sub("", md)
    assert not unescaped(plain_md, "\\`*_[]<>|~{}$@"), md


# What `to_markdown` rewrites in a link destination: percent-encoded bytes, `&` → `&amp;`.
_REWRITTEN_IN_DEST = re.compile(r"[\s<>|\\`\"{}\[\]^()]|&#?[0-9A-Za-z]+;")


@settings(max_examples=600, deadline=None)
@given(hostile_text(12, "\r\n\t"))
@example("AT&T &amp; &lt;x&gt; \\| \\\\ [a](https://x.com/a_b) ![b](https://x.com/) www.x.com a@b.co")
def test_from_markdown_inverts_to_markdown(text: str) -> None:
    """The true round trip: `from_markdown(to_markdown(x)) == fold(x)` unless a link's URL had to be
    rewritten for goldmark (percent-encoding, `&amp;`), which `from_markdown` does not undo."""
    folded = inline.fold(text)
    links = [p.url for p in inline.segments(folded) if isinstance(p, inline.Link)]
    assume(not any(_REWRITTEN_IN_DEST.search(url) for url in links))
    assert inline.from_markdown(inline.to_markdown(text)) == folded


@settings(max_examples=300, deadline=None)
@given(urls)
def test_safe_url_is_one_cell_and_reads_back(url: str) -> None:
    md = inline.safe_url(url)
    assert not unescaped(md, "|") and not re.search(r"\s", md)
    if not _URL_UNSAFE.search(url.strip()):
        assert inline.from_markdown(md) == url.strip()


def test_seed_still_imports_byte_identically() -> None:
    # import_post raises when rendering the imported rows would change any cell of the seed.
    imported = importer.import_post(SEED_POST.read_text(encoding="utf-8"), TABLE)
    assert len(imported.rows) == 31


# URLs that Hugo's linkify would link only in part (or not at all): the cell would show the URL as typed
# but the link would be cut short. The validator rejects them; form answers get scheme and host lowercased.
PARTLY_LINKED_URLS = (
    "https://example.com/a_", "https://example.com/a?", "https://example.com/a:", "https://example.com/a!",
    "https://example.com/a*b", "https://example.com/~a~", "https://EXAMPLE.COM/", "https://192.168.0.1/",
    "http://localhost:8000/", "https://Example.Org/",
)  # fmt: skip


@pytest.mark.parametrize("url", PARTLY_LINKED_URLS)
def test_accepted_urls_are_linked_whole(url: str) -> None:
    problems = validate.check_row(
        {"id": "x", "name": "x", "url": url}, schema=SCHEMA, labels=FORM.labels, today=TODAY
    )
    assert errors(problems) or inline.autolink_end(url) == len(url)


@pytest.mark.parametrize("url", ["https://EXAMPLE.COM/Path", "HTTPS://Example.Org/A_b"])
def test_form_answers_get_a_lowercase_host_and_are_then_linked_whole(url: str) -> None:
    row, _ = row_from_answers({"name": "x", "url": url}, FORM, TABLE.formats)
    assert row["url"].startswith(("https://example.com/Path", "https://example.org/A_b"))
    assert not errors(validate.check_row({"id": "x", **row}, schema=SCHEMA, labels=FORM.labels, today=TODAY))
    assert inline.autolink_end(row["url"]) == len(row["url"])


# --- one link model (issue 8, item 5): what a link's text shows is where it goes -----------------

SHOWN_HOSTS = (
    "github.com", "evil.example", "GitHub.com.", "github。com", "ｇｉｔｈｕｂ．ｃｏｍ", "www.github.com",
    "docs.github.com", "例子.中国", "see github.com/x", "https://github.com", "GitHub", "模型", " ", "\u3000", "",
)  # fmt: skip
TARGETS = (
    "https://github.com/x", "https://evil.example/", "https://github.com@evil.example/", "https://u:p@github.com/",
    "https://www.github.com/", "https://例子.中国/", "https://GITHUB.COM/x", "https://github。com/x",
    "https://evil.example/github.com",
)  # fmt: skip
WRAPPERS = ("{}", "`{}`", "\\{}", "{} `", "*{}*", "!{}", "<{}>", "({})")
link_texts = st.builds(
    lambda wrapper, label, target: wrapper.format(f"[{label}]({target})"),
    st.sampled_from(WRAPPERS),
    st.sampled_from(SHOWN_HOSTS),
    st.sampled_from(TARGETS),
)
_HOST_SHOWN = re.compile(r"[^\W_][\w-]*(?:\.[\w-]+)*\.[^\W\d_]{2,}")


def hosts_in(text: str) -> set[str]:
    """Host names a reader sees in a link's text (this test's own reading: NFKC, 。 as a dot)."""
    normal = unicodedata.normalize("NFKC", text).replace("\u3002", ".").casefold()
    return {h.removeprefix("www.").encode("idna").decode() for h in _HOST_SHOWN.findall(normal)}


def href_host(href: str) -> str:
    host = urlsplit(unquote(href)).hostname or ""
    return unicodedata.normalize("NFKC", host).replace("\u3002", ".").casefold().removeprefix("www.")


@HUGO
@given(st.lists(st.lists(link_texts, min_size=1, max_size=3).map(" ".join), min_size=40, max_size=40))
def test_every_accepted_link_goes_where_its_text_says(page: Page, texts: list[str]) -> None:
    rows = [row for row in (accepted({"name": "x", "data": t}) for t in texts) if row is not None]
    assume(rows)
    [table] = extract_tables(page.build(rows))
    shown = 0
    for cell in table.column("所用数据"):
        for href, text in cell.links:
            for host in hosts_in(text):
                shown += 1
                assert href_host(href).encode("idna").decode() == host, (text, href, cell.text)
    labels = [
        part.label for row in rows for part in inline.segments(row["data"]) if isinstance(part, inline.Link)
    ]
    assert shown or not any(hosts_in(label) for label in labels)  # not vacuous when a label shows a host


@pytest.mark.parametrize(
    "text",
    [
        "`[github.com](https://evil.example/x)`",
        "\\[github.com](https://evil.example/x)",
        "[github.com.](https://evil.example/)",
        "[github。com](https://evil.example/)",
        "[github.com](https://github.com@evil.example/)",
        "[   ](https://evil.example/)",
    ],
)
def test_the_issue_8_links_are_refused(text: str) -> None:
    assert accepted({"name": "x", "data": text}) is None

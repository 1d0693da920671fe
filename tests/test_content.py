"""The repository's own post, built by real Hugo, shows exactly what the hand-written seed showed."""

from __future__ import annotations

import shutil
from pathlib import Path

from hugo_site import Table, build_site, copy_site, extract_tables, post_html_path

ROOT = Path(__file__).resolve().parent.parent
SEED = Path(__file__).parent / "fixtures" / "seed-post.md"
BUNDLE = "content/posts/medical-llm-leaderboard"


def only_table(site: Path, out: Path, *, drafts: bool) -> Table | None:
    build_site(site, out, drafts=drafts)
    page = post_html_path(out)
    if not page.exists():
        return None
    [table] = extract_tables(page.read_text(encoding="utf-8"))
    return table


def cells(table: Table) -> list[list[tuple[str, list[tuple[str, str]], list[str]]]]:
    return [[(c.text, c.links, c.tags) for c in row] for row in table.rows]


def test_generated_post_renders_the_seed_table_cell_for_cell(tmp_path: Path) -> None:
    ours = copy_site(ROOT, tmp_path / "ours")
    seed = copy_site(ROOT, tmp_path / "seed")
    shutil.copy2(SEED, seed / BUNDLE / "index.md")
    mine = only_table(ours, tmp_path / "ours-public", drafts=True)
    theirs = only_table(seed, tmp_path / "seed-public", drafts=True)
    assert mine is not None and theirs is not None
    assert [c.text for c in mine.header] == [c.text for c in theirs.header]
    assert len(mine.rows) == 31
    assert cells(mine) == cells(theirs)


def test_the_post_is_a_draft_until_published(tmp_path: Path) -> None:
    site = copy_site(ROOT, tmp_path / "site")
    assert only_table(site, tmp_path / "public", drafts=False) is None
    index = site / BUNDLE / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8").replace("draft = true", "draft = false"), encoding="utf-8"
    )
    published = only_table(site, tmp_path / "public2", drafts=False)
    assert published is not None and len(published.rows) == 31
    assert not (tmp_path / "public2" / "posts" / "medical-llm-leaderboard" / "models.yaml").exists()

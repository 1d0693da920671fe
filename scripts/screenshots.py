"""Screenshots of the readers' page for the README (docs/page-*.png), from the repository's own site.

Run: python scripts/screenshots.py. Builds the site with real Hugo (drafts included, as `hugo server -D`
shows it), serves it on 127.0.0.1 and photographs it in Debian's headless Chromium: the wide table, a
search sorted by date with one row opened by its #id, and a phone. Needs the `test` extra and
`apt-get install chromium fonts-noto-cjk`.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from hugo_site import build_site, copy_site  # noqa: E402
from page_site import launch, serve  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

DOCS = ROOT / "docs"
PAGE = "/posts/medical-llm-leaderboard/"
SHOTS = (
    # file, viewport, device scale, path on the site, what to do before the picture
    ("page-desktop.png", {"width": 1400, "height": 900}, 1, PAGE, ""),
    ("page-search.png", {"width": 1400, "height": 620}, 1, PAGE + "?q=%E5%AF%B9%E8%AF%9D#chatdoctor", "date"),
    ("page-phone.png", {"width": 390, "height": 844}, 2, PAGE, ""),
)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        site = copy_site(ROOT, Path(tmp) / "site")
        build_site(site, Path(tmp) / "public", drafts=True)
        browser = launch(playwright)
        with serve(Path(tmp) / "public") as origin:
            for name, viewport, scale, path, action in SHOTS:
                page = browser.new_page(viewport=viewport, device_scale_factor=scale)
                page.goto(origin + path)
                page.wait_for_selector(".lb-table[data-ready]", state="attached")
                if action == "date":
                    page.locator("th[data-type=date] button").click()
                    page.evaluate(
                        "document.getElementById(location.hash.slice(1)).scrollIntoView({block: 'end'})"
                    )
                page.evaluate("document.fonts.ready")
                page.screenshot(path=str(DOCS / name))
                page.close()
                print(f"wrote docs/{name}")
        browser.close()


if __name__ == "__main__":
    main()

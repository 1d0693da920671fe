"""`python -m bot audit` as a user runs it: the real CLI in a subprocess on a git checkout."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import git, run_bot
from link_servers import LinkServer

from bot import dataset
from bot.layout import Layout

LAYOUT = Layout()


@pytest.fixture(scope="module")
def links() -> Iterator[LinkServer]:
    with LinkServer("127.0.0.10") as server:
        yield server


@pytest.fixture
def repo(site_repo: Path, links: LinkServer) -> Path:
    rows = [
        {"id": "fine", "name": "Fine", "url": links.url("/ok"), "data": f"[moved]({links.url('/moved')})"},
        {"id": "gone", "name": "Gone", "url": links.url("/gone")},
        {"id": "nowhere", "name": "Nowhere", "url": "https://nowhere.invalid/"},
    ]
    (site_repo / LAYOUT.data).write_text(
        dataset.dump_rows(rows, order=("id", "name", "url", "data")), encoding="utf-8"
    )
    git(site_repo, "commit", "-qam", "rows pointing at the test servers")
    return site_repo


def test_json_report_and_the_data_file_untouched(repo: Path, links: LinkServer) -> None:
    result = run_bot(repo, "audit", "--format", "json", "--timeout", "5")
    assert result.code == 0, result.err
    items = json.loads(result.out)
    assert [(i["id"], i["field"], i["state"]) for i in items] == [
        ("fine", "url", "ok"),
        ("fine", "data", "moved"),
        ("gone", "url", "unverified"),
        ("nowhere", "url", "unverified"),
    ]
    assert items[1]["suggestion"] == links.url("/ok")
    assert git(repo, "status", "--porcelain") == ""


def test_a_state_file_carries_the_failure_count_between_local_runs(repo: Path, tmp_path: Path) -> None:
    saved = tmp_path / "audit-state.txt"
    first = run_bot(repo, "audit", "--state", str(saved), "--timeout", "5")
    assert first.code == 0 and "1/2" in first.out and "已失效 / dead" not in first.out
    second = run_bot(repo, "audit", "--state", str(saved), "--timeout", "5")
    assert "[已失效 / dead] Gone" in second.out and "[已失效 / dead] Nowhere" in second.out
    assert "the domain name does not resolve" in second.out
    saved.write_text("garbage", encoding="utf-8")
    third = run_bot(repo, "audit", "--state", str(saved), "--timeout", "5")
    assert third.code == 0 and "could not be read" in third.err


def test_bad_options_are_usage_errors(repo: Path) -> None:
    assert run_bot(repo, "audit", "--per-host", "0").code == 2
    assert run_bot(repo, "audit", "--format", "xml").code == 2
    # A timeout that fails every request, or a wait without end, would report nothing while seeming to run.
    for option, value in (
        ("--timeout", "nan"),
        ("--timeout", "0"),
        ("--timeout", "-1"),
        ("--max-wait", "inf"),
    ):
        result = run_bot(repo, "audit", option, value)
        assert result.code == 2 and "seconds" in result.err, (option, value)

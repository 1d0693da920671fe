"""Update and remove requests on GitHub: the same machinery as submissions (branch per issue, one commit,
idempotent reruns, one comment, needs-changes, refresh), plus changes merged meanwhile."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_github import FakeGitHub
from github_harness import EXAMPLE, LAYOUT, ROOT, Harness

from bot import dataset, messages

UPDATE = (ROOT / "examples/update-model.md").read_text(encoding="utf-8")
REMOVE = (ROOT / "examples/remove-model.md").read_text(encoding="utf-8")
LABELS = ("update-model",)


@pytest.fixture
def gh(tmp_path: Path) -> Iterator[Harness]:
    with FakeGitHub() as fake:
        harness = Harness(fake, tmp_path)
        yield harness
        harness.assert_conforming()


def row(gh: Harness, ref: str, entry: str) -> dict[str, str] | None:
    rows = dataset.load_rows(gh.fake.file_at(ref, LAYOUT.data) or "")
    return next((r for r in rows if r["id"] == entry), None)


def request(organization: str, reason: str = "见 https://example.org/source") -> str:
    """An update of biogpt's organization only."""
    return (
        UPDATE.replace("\n微软研究院\n", f"\n{organization}\n")
        .replace("\n2022-09\n", "\n_No response_\n")
        .replace(UPDATE.split("### 原因 / Reason\n\n")[1], reason + "\n")
    )


def test_an_accepted_update_is_one_pull_request_in_at_most_8_requests_and_reruns_write_nothing(
    gh: Harness,
) -> None:
    number, code, requests = gh.open_issue(UPDATE, LABELS)
    assert code == 0 and len(requests) <= 8, [(r.method, r.path) for r in requests]
    [pull] = gh.pulls_for(number)
    assert pull["title"] == "更新榜单条目 BioGPT / Update BioGPT on the leaderboard"
    assert "| 所在机构 / Organization | 微软 | 微软研究院 |" in pull["body"]
    assert "<https://doi.org/10.1093/bib/bbac409>" in pull["body"]
    branch = f"leaderboard/issue-{number}"
    changed = row(gh, branch, "biogpt")
    assert (
        changed is not None and changed["organization"] == "微软研究院" and changed["released"] == "2022-09"
    )
    [comment] = gh.bot_comments(number)
    assert "**原来 / Before**" in comment["body"] and pull["html_url"] in comment["body"]
    code, again = gh.rerun(number)
    assert code == 0 and [r for r in again if r.method != "GET"] == []
    gh.fake.merge_pull(pull["number"])
    merged = row(gh, "main", "biogpt")
    assert merged is not None and merged["organization"] == "微软研究院"


def test_a_removal_takes_the_row_out_and_quotes_the_reason(gh: Harness) -> None:
    number, code, _ = gh.open_issue(REMOVE, LABELS)
    assert code == 0
    [pull] = gh.pulls_for(number)
    assert "Removes **OpenBioMed** (`openbiomed-2`, row 15)" in pull["body"]
    assert "与条目 \\`openbiomed\\`" in pull["body"]  # quoted as text: markdown escaped
    assert row(gh, f"leaderboard/issue-{number}", "openbiomed-2") is None
    assert row(gh, f"leaderboard/issue-{number}", "openbiomed") is not None


def test_an_unknown_entry_is_rejected_with_suggestions_and_needs_changes(gh: Harness) -> None:
    number, code, _ = gh.open_issue(UPDATE.replace("\nbiogpt\n", "\nBioGTP\n"), LABELS)
    assert code == 0 and gh.pulls_for(number) == []
    [comment] = gh.bot_comments(number)
    assert "不是榜单上的条目" in comment["body"] and "“BioGPT” (\\`biogpt\\`)" in comment["body"]
    assert "needs-changes" in [label["name"] for label in gh.fake.issue(number)["labels"]]


def test_a_duplicate_submission_links_to_the_update_form_prefilled(gh: Harness) -> None:
    body = EXAMPLE.replace("Meditron-70B", "BiоGPT")  # Cyrillic о
    number, _, _ = gh.open_issue(body)
    [comment] = gh.bot_comments(number)
    assert "/issues/new?template=update-model.yml&entry=biogpt" in comment["body"]


def test_a_field_changed_by_a_merged_request_is_not_overwritten_by_the_other(gh: Harness) -> None:
    first, _, _ = gh.open_issue(request("微软研究院"), LABELS)
    second, _, _ = gh.open_issue(request("Microsoft Research"), LABELS)
    gh.fake.merge_pull(gh.pulls_for(first)[0]["number"])
    code, _ = gh.push_main()
    assert code == 0
    [pull] = gh.pulls_for(second)
    assert pull["state"] == "closed"  # closed until the contributor confirms
    [comment] = gh.bot_comments(second)
    assert "“微软”" in comment["body"] and "“微软研究院”" in comment["body"]
    assert "“Microsoft Research”" in comment["body"] and "Edit this issue to confirm" in comment["body"]
    assert "needs-changes" in [label["name"] for label in gh.fake.issue(second)["labels"]]
    code, _ = gh.push_main()  # a rerun does not count as the contributor's confirmation
    assert code == 0 and gh.pulls_for(second)[0]["state"] == "closed"
    gh.edit_issue(second, request("Microsoft Research", reason="确认：以论文署名为准 https://example.org/s"))
    assert [p["state"] for p in gh.pulls_for(second)][-1] == "open"
    confirmed = row(gh, f"leaderboard/issue-{second}", "biogpt")
    assert confirmed is not None and confirmed["organization"] == "Microsoft Research"
    assert "Accepted" in gh.bot_comments(second)[0]["body"]


def test_requests_changing_other_fields_of_the_same_entry_are_rebuilt_together(gh: Harness) -> None:
    first, _, _ = gh.open_issue(request("微软研究院"), LABELS)
    summary = UPDATE.replace("\n微软研究院\n", "\n_No response_\n").replace(
        "\n2022-09\n", "\n_No response_\n"
    )
    summary = summary.replace(
        "### 简介 / Summary\n\n_No response_", "### 简介 / Summary\n\n生物医学文本生成模型"
    )
    second, _, _ = gh.open_issue(summary, LABELS)
    gh.fake.merge_pull(gh.pulls_for(first)[0]["number"])
    assert gh.push_main()[0] == 0
    [pull] = gh.pulls_for(second)
    assert pull["state"] == "open"
    both = row(gh, f"leaderboard/issue-{second}", "biogpt")
    assert (
        both is not None
        and both["organization"] == "微软研究院"
        and both["summary"] == "生物医学文本生成模型"
    )


def test_the_recorded_basis_survives_hostile_text_and_is_ignored_when_forged() -> None:
    basis = messages.Basis("d" * 32, {"organization": "--> <!-- x", "summary": ""})
    marker = messages.basis_marker(basis)
    assert "-->" not in marker[:-3] and messages.read_basis("text\n" + marker) == basis
    assert messages.read_basis("<!-- leaderboard-bot:basis bm90IGpzb24= -->") is None
    assert messages.read_basis("<!-- leaderboard-bot:basis e30= -->") is None

"""The GitHub job end to end: real PyGithub over HTTP against the fake GitHub in tests/fake_github/."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_github import FakeGitHub
from github_harness import EXAMPLE, LAYOUT, Harness, submission

from bot import dataset, messages


@pytest.fixture
def gh(tmp_path: Path) -> Iterator[Harness]:
    with FakeGitHub() as fake:
        yield Harness(fake, tmp_path)


def rows_on(gh: Harness, ref: str) -> list[str]:
    text = gh.fake.file_at(ref, LAYOUT.data)
    assert text is not None
    return [r["name"] for r in dataset.load_rows(text)]


def test_a_valid_submission_becomes_one_pull_request_in_at_most_8_requests(gh: Harness) -> None:
    number, code, requests = gh.open_issue(EXAMPLE)
    assert code == 0
    assert len(requests) <= 8, [(r.method, r.path) for r in requests]
    assert gh.fake.unrouted() == []
    [pull] = gh.pulls_for(number)
    assert pull["state"] == "open" and f"Closes #{number}" in pull["body"]
    assert "| Meditron-70B 基于Llama-2的开源医学大模型 |" in pull["body"]
    branch = f"leaderboard/issue-{number}"
    assert rows_on(gh, branch)[-1] == "Meditron-70B" and len(rows_on(gh, branch)) == 32
    head = gh.fake.commit(gh.fake.branch_sha(branch) or "")
    assert [p["sha"] for p in head["parents"]] == [gh.fake.branch_sha("main")]
    [comment] = gh.bot_comments(number)
    assert pull["html_url"] in comment["body"] and messages.COMMENT_MARKER in comment["body"]
    assert "result<<" in gh.output.read_text() and "accepted" in gh.summary.read_text()
    merged = gh.fake.merge_pull(pull["number"])
    post = gh.fake.file_at(merged, LAYOUT.post) or ""
    assert (
        "| Meditron-70B 基于Llama-2的开源医学大模型 |" in post
        and "lastmod = 2026-11-25T16:00:00+08:00" in post
    )


def test_rerun_with_no_change_writes_nothing(gh: Harness) -> None:
    number, _, _ = gh.open_issue(EXAMPLE)
    code, requests = gh.rerun(number)
    assert code == 0
    assert [r for r in requests if r.method != "GET"] == []
    assert len(gh.pulls_for(number)) == 1 and len(gh.bot_comments(number)) == 1


def test_invalid_then_edited_to_valid(gh: Harness) -> None:
    bad = submission(url="javascript:alert(1)").replace("2023-11-27", "2031-01-01")
    number, code, _ = gh.open_issue(bad)
    assert code == 0
    assert gh.pulls_for(number) == [] and gh.fake.branches() == ["main"]
    [comment] = gh.bot_comments(number)
    assert (
        "开源地址 / Repository or homepage URL" in comment["body"]
        and "发布时间 / Release date" in comment["body"]
    )
    assert "needs-changes" in gh.fake.labels(number)
    code, _ = gh.edit_issue(number, EXAMPLE)
    assert code == 0
    assert len(gh.pulls_for(number)) == 1
    [comment] = gh.bot_comments(number)
    assert "Accepted" in comment["body"]
    assert "needs-changes" not in gh.fake.labels(number)


def test_a_duplicate_is_rejected_pointing_at_the_existing_row(gh: Harness) -> None:
    number, _, _ = gh.open_issue(submission(name="open-biomed"))
    assert gh.pulls_for(number) == []
    [comment] = gh.bot_comments(number)
    assert "row 7" in comment["body"] and "模型名称 / Model name" in comment["body"]


def test_editing_an_accepted_submission_updates_the_same_branch_and_pull(gh: Harness) -> None:
    number, _, _ = gh.open_issue(EXAMPLE)
    first = gh.fake.branch_sha(f"leaderboard/issue-{number}")
    gh.edit_issue(number, submission(url="https://huggingface.co/epfl-llm/meditron-70b"))
    [pull] = gh.pulls_for(number)
    assert gh.fake.branch_sha(f"leaderboard/issue-{number}") != first
    assert "huggingface.co/epfl-llm/meditron-70b" in (
        gh.fake.file_at(f"leaderboard/issue-{number}", LAYOUT.post) or ""
    )
    assert "huggingface.co/epfl-llm/meditron-70b" in pull["body"]
    assert len(gh.bot_comments(number)) == 1


def test_an_edit_that_breaks_an_accepted_submission_closes_its_pull_until_fixed(gh: Harness) -> None:
    number, _, _ = gh.open_issue(EXAMPLE)
    gh.edit_issue(number, submission(url="ftp://x.org"))
    [pull] = gh.pulls_for(number)
    assert pull["state"] == "closed"
    [comment] = gh.bot_comments(number)
    assert f"#{pull['number']}" in comment["body"] and "Needs changes" in comment["body"]
    gh.edit_issue(number, EXAMPLE)
    assert [p["state"] for p in gh.pulls_for(number)].count("open") == 1


def test_a_free_text_issue_gets_a_link_to_the_form(gh: Harness) -> None:
    number, _, _ = gh.open_issue("Please add Meditron, it's great: https://github.com/epfLLM/meditron")
    [comment] = gh.bot_comments(number)
    assert "issues/new?template=new-model.yml" in comment["body"]
    assert gh.pulls_for(number) == []


def test_issues_without_the_label_are_ignored_without_a_request(gh: Harness) -> None:
    _number, code, requests = gh.open_issue(EXAMPLE, labels=("bug",))
    assert code == 0 and requests == []


def test_refresh_rebuilds_the_second_pull_after_the_first_is_merged(gh: Harness) -> None:
    first, _, _ = gh.open_issue(EXAMPLE)
    second, _, _ = gh.open_issue(submission(name="Clinical-LLaMA", url="https://github.com/x/clinical-llama"))
    gh.fake.merge_pull(gh.pulls_for(first)[0]["number"])
    code, _ = gh.push_main()
    assert code == 0
    branch = f"leaderboard/issue-{second}"
    assert rows_on(gh, branch)[-2:] == ["Meditron-70B", "Clinical-LLaMA"]
    merged = gh.fake.merge_pull(gh.pulls_for(second)[0]["number"])
    assert rows_on(gh, merged)[-2:] == ["Meditron-70B", "Clinical-LLaMA"]
    post = gh.fake.file_at(merged, LAYOUT.post) or ""
    assert "| Meditron-70B " in post and "| Clinical-LLaMA " in post


def test_a_branch_a_human_pushed_to_is_left_alone(gh: Harness) -> None:
    number, _, _ = gh.open_issue(EXAMPLE)
    branch = f"leaderboard/issue-{number}"
    human = gh.fake.push_as_human(branch, {"NOTE.md": "maintainer fix\n"}, "Tweak by hand")
    gh.edit_issue(number, submission(url="https://huggingface.co/epfl-llm/meditron-70b"))
    assert gh.fake.branch_sha(branch) == human
    [comment] = gh.bot_comments(number)
    assert "not the bot's" in comment["body"]


WRITES = [
    ("POST", r"/git/trees$"),
    ("POST", r"/git/commits$"),
    ("POST", r"/git/refs$"),
    ("POST", r"/pulls$"),
    ("POST", r"/issues/\d+/comments$"),
]


@pytest.mark.parametrize(("method", "path"), WRITES)
@pytest.mark.parametrize("after_apply", [False, True], ids=["lost-request", "lost-answer"])
def test_a_fault_on_any_write_then_a_rerun_converges(
    gh: Harness, method: str, path: str, after_apply: bool
) -> None:
    gh.fake.fail_next(method, path, 500, times=10, after_apply=after_apply)  # more than the client retries
    number, code, _ = gh.open_issue(EXAMPLE)
    assert code == 1  # the run fails loudly...
    gh.fake.clear_faults()
    code, _ = gh.rerun(number)  # ...and the next one completes the work
    assert code == 0
    assert len([p for p in gh.pulls_for(number) if p["state"] == "open"]) == 1
    assert len(gh.bot_comments(number)) == 1
    assert rows_on(gh, f"leaderboard/issue-{number}")[-1] == "Meditron-70B"
    assert gh.fake.unrouted() == []


def test_missing_pull_request_permission_is_explained(
    gh: Harness, capsys: pytest.CaptureFixture[str]
) -> None:
    gh.fake.deny_pull_creation()
    number, code, _ = gh.open_issue(EXAMPLE)
    assert code == 1
    assert "Allow GitHub Actions to create and approve pull requests" in capsys.readouterr().err
    [comment] = gh.bot_comments(number)
    assert "Allow GitHub Actions to create and approve pull requests" in comment["body"]


def test_a_rate_limit_is_waited_out(gh: Harness) -> None:
    gh.fake.fail_with_rate_limit("POST", r"/pulls$", reset_in=1)
    number, code, _ = gh.open_issue(EXAMPLE)
    assert code == 0 and len(gh.pulls_for(number)) == 1


def test_a_pull_a_maintainer_closed_is_not_reopened(gh: Harness) -> None:
    number, _, _ = gh.open_issue(EXAMPLE)
    [pull] = gh.pulls_for(number)
    gh.fake.set_state(pull["number"], "closed")
    gh.edit_issue(number, submission(url="https://huggingface.co/epfl-llm/meditron-70b"))
    assert [p["state"] for p in gh.pulls_for(number)] == ["closed"]
    [comment] = gh.bot_comments(number)
    assert "closed by a maintainer" in comment["body"]


def test_turning_an_accepted_submission_into_free_text_closes_its_pull(gh: Harness) -> None:
    number, _, _ = gh.open_issue(EXAMPLE)
    gh.edit_issue(number, "never mind, see https://example.org")
    assert [p["state"] for p in gh.pulls_for(number)] == ["closed"]


def test_closing_the_issue_closes_the_pull_and_reopening_reopens_it(gh: Harness) -> None:
    number, _, _ = gh.open_issue(EXAMPLE)
    gh.fake.set_state(number, "closed")
    gh.rerun(number, "closed")
    assert [p["state"] for p in gh.pulls_for(number)] == ["closed"]
    gh.fake.set_state(number, "open")
    gh.rerun(number, "reopened")
    assert [p["state"] for p in gh.pulls_for(number)] == ["open"]


def test_an_event_that_saw_an_older_main_is_planned_on_main_as_it_is_now(gh: Harness) -> None:
    old_main = gh.fake.branch_sha("main")
    first, _, _ = gh.open_issue(EXAMPLE)
    gh.fake.merge_pull(gh.pulls_for(first)[0]["number"])
    second = gh.fake.create_issue(
        "x", submission(name="Clinical-LLaMA", url="https://github.com/x/c"), ["new-model"]
    )
    code, _ = gh.run("issues", gh.fake.issue_event_payload(second), sha=old_main)  # queued behind the merge
    assert code == 0
    branch = f"leaderboard/issue-{second}"
    assert [p["sha"] for p in gh.fake.commit(gh.fake.branch_sha(branch) or "")["parents"]] == [
        gh.fake.branch_sha("main")
    ]
    assert rows_on(gh, branch)[-2:] == ["Meditron-70B", "Clinical-LLaMA"]
    gh.fake.merge_pull(gh.pulls_for(second)[0]["number"])  # no conflict


def test_a_rerun_job_uses_the_issue_as_it_is_now_not_its_old_payload(gh: Harness) -> None:
    number, _, _ = gh.open_issue(submission(url="ftp://broken"))
    stale_payload = gh.fake.issue_event_payload(number, "opened")
    gh.edit_issue(number, EXAMPLE)
    code, _ = gh.run("issues", stale_payload, attempt=2)
    assert code == 0
    [pull] = [p for p in gh.pulls_for(number) if p["state"] == "open"]
    assert "github.com/epfLLM/meditron" in pull["body"]


def test_a_queued_edit_after_the_merge_does_not_open_a_second_pull(gh: Harness) -> None:
    old_main = gh.fake.branch_sha("main")
    number, _, _ = gh.open_issue(EXAMPLE)
    stale = gh.fake.issue_event_payload(number, "edited")
    gh.fake.merge_pull(gh.pulls_for(number)[0]["number"])  # closes the issue ("Closes #N")
    code, _ = gh.run("issues", stale, sha=old_main)
    assert code == 0
    assert len(gh.pulls_for(number)) == 1


def test_a_timed_out_create_is_retried_and_finds_what_it_created(gh: Harness) -> None:
    gh.timeout = 1
    gh.fake.delay_next("POST", r"/pulls$", 2)  # GitHub creates the pull request, the answer comes too late
    number, code, _ = gh.open_issue(EXAMPLE)
    assert code == 0  # PyGithub re-sent the POST; the bot took GitHub's "already exists" for the one it made
    time.sleep(1.5)  # let the delayed request finish on the server
    assert len(gh.pulls_for(number)) == 1 and len(gh.bot_comments(number)) == 1
    _, again = gh.rerun(number)
    assert [r for r in again if r.method != "GET"] == []


def test_the_labeled_event_after_opened_writes_nothing_even_minutes_later(gh: Harness) -> None:
    number, _, _ = gh.open_issue(EXAMPLE)
    gh.now += dt.timedelta(minutes=3)  # lastmod would differ: the fingerprint is of the row, not the post
    _, requests = gh.run("issues", gh.fake.issue_event_payload(number, "labeled", "new-model"))
    assert [r for r in requests if r.method != "GET"] == []


def test_nothing_is_pushed_under_a_pull_a_maintainer_closed(gh: Harness) -> None:
    number, _, _ = gh.open_issue(EXAMPLE)
    branch = f"leaderboard/issue-{number}"
    head = gh.fake.branch_sha(branch)
    gh.fake.set_state(gh.pulls_for(number)[0]["number"], "closed")
    gh.edit_issue(number, submission(url="https://huggingface.co/epfl-llm/meditron-70b"))
    assert gh.fake.branch_sha(branch) == head


def test_a_closed_pull_with_its_branch_deleted_is_not_replaced(gh: Harness) -> None:
    number, _, _ = gh.open_issue(EXAMPLE)
    [pull] = gh.pulls_for(number)
    gh.fake.set_state(pull["number"], "closed")
    gh.fake.delete_branch(f"leaderboard/issue-{number}")
    gh.edit_issue(number, submission(url="https://huggingface.co/epfl-llm/meditron-70b"))
    assert [p["number"] for p in gh.pulls_for(number)] == [pull["number"]]


def test_fixing_with_different_content_reopens_the_same_pull(gh: Harness) -> None:
    number, _, _ = gh.open_issue(EXAMPLE)
    [pull] = gh.pulls_for(number)
    gh.edit_issue(number, submission(url="ftp://x.org"))
    gh.edit_issue(number, submission(url="ftp://still.broken"))
    [comment] = gh.bot_comments(number)
    assert f"#{pull['number']}" in comment["body"]  # the second rejection still says the PR waits
    gh.edit_issue(number, submission(url="https://huggingface.co/epfl-llm/meditron-70b"))
    [again] = gh.pulls_for(number)
    assert again["number"] == pull["number"] and again["state"] == "open"
    assert "huggingface.co/epfl-llm/meditron-70b" in (
        gh.fake.file_at(f"leaderboard/issue-{number}", LAYOUT.post) or ""
    )


def test_mentions_and_references_in_contributor_text_are_defanged(gh: Harness) -> None:
    number, _, _ = gh.open_issue(
        submission().replace("基于Llama-2的开源医学大模型", "联系 a@b.org closes #1 @octocat")
    )
    [pull] = gh.pulls_for(number)
    assert "@octocat" not in pull["body"] and "closes #1" not in pull["body"]
    assert "a&#64;b.org" in pull["body"] and "&&#35;" not in pull["body"]


def test_a_rejected_submission_rerun_writes_nothing(gh: Harness) -> None:
    number, _, _ = gh.open_issue(submission(url="ftp://x.org"))
    # GitHub sends `labeled` right after `opened`; its payload may predate the bot's needs-changes label.
    payload = gh.fake.issue_event_payload(number, "labeled", "new-model")
    payload["issue"]["labels"] = [{"name": "new-model"}]
    _, requests = gh.run("issues", payload)
    assert [r for r in requests if r.method != "GET"] == []


def test_a_bot_closed_pull_on_a_branch_a_human_pushed_to_stays_closed(gh: Harness) -> None:
    number, _, _ = gh.open_issue(EXAMPLE)
    branch = f"leaderboard/issue-{number}"
    human = gh.fake.push_as_human(branch, {"NOTE.md": "by hand\n"}, "Tweak")
    gh.edit_issue(number, submission(url="ftp://x.org"))  # the bot closes the pull request
    gh.edit_issue(number, submission(url="https://huggingface.co/epfl-llm/meditron-70b"))
    [pull] = gh.pulls_for(number)
    assert pull["state"] == "closed" and "huggingface" not in pull["body"]
    assert gh.fake.branch_sha(branch) == human
    assert "not the bot's" in gh.bot_comments(number)[0]["body"]


def test_closing_the_issue_updates_the_comment(gh: Harness) -> None:
    number, _, _ = gh.open_issue(EXAMPLE)
    gh.fake.set_state(number, "closed")
    gh.rerun(number, "closed")
    [comment] = gh.bot_comments(number)
    assert "Withdrawn" in comment["body"] and "Accepted" not in comment["body"]


def test_refresh_reaches_every_open_pull_past_the_first_page(gh: Harness) -> None:
    first, _, _ = gh.open_issue(EXAMPLE)
    others = [
        gh.open_issue(submission(name=f"Model-{i}", url=f"https://github.com/x/m{i}"))[0] for i in range(30)
    ]
    duplicate, _, _ = gh.open_issue(submission(name="Meditron 70B", url="https://github.com/x/dup"))
    gh.fake.merge_pull(gh.pulls_for(first)[0]["number"])
    code, _ = gh.push_main()
    assert code == 0
    main = gh.fake.branch_sha("main")
    for number in others:
        head = gh.fake.commit(gh.fake.branch_sha(f"leaderboard/issue-{number}") or "")
        assert [p["sha"] for p in head["parents"]] == [main], number
    assert [p["state"] for p in gh.pulls_for(duplicate)] == ["closed"]


def test_taking_the_label_off_withdraws_and_putting_it_back_resumes(gh: Harness) -> None:
    number, _, _ = gh.open_issue(EXAMPLE)
    gh.run("issues", gh.fake.issue_event_payload(number, "unlabeled", "new-model"))
    assert [p["state"] for p in gh.pulls_for(number)] == ["closed"]
    assert "Withdrawn" in gh.bot_comments(number)[0]["body"]
    gh.run("issues", gh.fake.issue_event_payload(number, "labeled", "new-model"))
    assert [p["state"] for p in gh.pulls_for(number)] == ["open"]
    assert "Accepted" in gh.bot_comments(number)[0]["body"]


def test_a_bom_crlf_body_with_a_note_is_accepted_and_the_note_named_not_published(gh: Harness) -> None:
    body = "\ufeff" + (EXAMPLE + "\n\n### 备注 / Notes\n\n谢谢 @maintainer").replace("\n", "\r\n")
    number, code, _ = gh.open_issue(body)
    assert code == 0
    [pull] = gh.pulls_for(number)
    assert rows_on(gh, f"leaderboard/issue-{number}")[-1] == "Meditron-70B"
    data = gh.fake.file_at(f"leaderboard/issue-{number}", LAYOUT.data) or ""
    assert "maintainer" not in data and "备注" not in data
    [comment] = gh.bot_comments(number)
    for text in (comment["body"], pull["body"]):
        assert "### 备注 / Notes" in text.replace("&#35;", "#") and "it was left out" in text

"""The GitHub job end to end: real PyGithub over HTTP against the fake GitHub in tests/fake_github/."""

from __future__ import annotations

import datetime as dt
import re
import time

import pytest
from fake_github import RecordedRequest
from github_harness import EXAMPLE, LAYOUT, Harness, submission
from github_text import reaches_people

from bot import dataset, messages


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


WRITES = [  # every write of a submission's life: opened invalid, fixed, edited
    ("POST", r"/issues/\d+/comments$"),
    ("POST", r"/issues/\d+/labels$"),
    ("POST", r"/git/trees$"),
    ("POST", r"/git/commits$"),
    ("POST", r"/git/refs$"),
    ("POST", r"/pulls$"),
    ("PATCH", r"/issues/comments/\d+$"),
    ("DELETE", r"/issues/\d+/labels/"),
    ("PATCH", r"/git/refs/"),
    ("PATCH", r"/pulls/\d+$"),
]
SECONDARY = {
    "message": "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
    "documentation_url": "https://docs.github.com/rest",
}
FAULTS = {  # (status, headers, body, applied)
    "lost-answer": (502, {}, None, True),
    "lost-request": (502, {}, None, False),
    "secondary-limit-applied": (403, {"Retry-After": "1"}, SECONDARY, True),
    "secondary-limit": (429, {"Retry-After": "1"}, SECONDARY, False),
}


def life_of_a_submission(gh: Harness) -> int:
    """Opened invalid, fixed, edited: every kind of write the bot sends; each run must succeed."""
    number, code, _ = gh.open_issue(submission(url="ftp://x.org"))
    assert code == 0
    assert gh.edit_issue(number, EXAMPLE)[0] == 0
    assert gh.edit_issue(number, submission(url="https://huggingface.co/epfl-llm/meditron-70b"))[0] == 0
    return number


@pytest.mark.parametrize("fault", sorted(FAULTS))
@pytest.mark.parametrize(("method", "path"), WRITES, ids=[f"{m} {p}" for m, p in WRITES])
def test_a_lost_answer_or_rate_limit_on_any_write_is_survived_in_the_same_run(
    gh: Harness, method: str, path: str, fault: str
) -> None:
    status, headers, body, applied = FAULTS[fault]
    gh.sleep_cap = 0.01
    gh.fake.fail_next(method, path, status, headers=headers, body=body, after_apply=applied)
    number = life_of_a_submission(gh)
    hit = [
        r for r in gh.fake.requests if r.method == method and re.search(path, r.path) and r.status == status
    ]
    assert len(hit) == 1  # the fault happened, once
    [pull] = gh.pulls_for(number)
    assert pull["state"] == "open" and "huggingface.co/epfl-llm/meditron-70b" in pull["body"]
    assert len(gh.bot_comments(number)) == 1 and "Accepted" in gh.bot_comments(number)[0]["body"]
    assert gh.fake.labels(number) == ["new-model"]
    assert "huggingface.co" in (gh.fake.file_at(f"leaderboard/issue-{number}", LAYOUT.post) or "")
    if status in (403, 429):
        assert gh.waits == [1.0]  # GitHub's Retry-After, honoured (and charged to the job's wait budget)


@pytest.mark.parametrize(("method", "path"), [w for w in WRITES if w[0] == "POST"][2:])
def test_a_write_that_keeps_failing_fails_the_run_and_a_rerun_converges(
    gh: Harness, method: str, path: str
) -> None:
    gh.fake.fail_next(method, path, 500, times=10)
    number, code, _ = gh.open_issue(EXAMPLE)
    assert code == 1  # the run fails loudly...
    gh.fake.clear_faults()
    code, _ = gh.rerun(number)  # ...and the next one completes the work
    assert code == 0
    assert len([p for p in gh.pulls_for(number) if p["state"] == "open"]) == 1
    assert len(gh.bot_comments(number)) == 1
    assert rows_on(gh, f"leaderboard/issue-{number}")[-1] == "Meditron-70B"


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
    assert reaches_people(pull["body"]) == {f"#{number}", "@contributor"}  # the bot's own: "Closes #N"
    [comment] = gh.bot_comments(number)
    assert reaches_people(comment["body"]) == set()
    assert "联系 a@<!-- -->b.org closes #<!-- -->1 @<!-- -->octocat" in pull["body"]  # shown as written


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
        assert "### 备注 / Notes" in text.replace("<!-- -->", "") and "it was left out" in text


# --- request budgets ------------------------------------------------------------------------------


def counts(requests: list[RecordedRequest]) -> tuple[int, int]:
    return len(requests), sum(r.method != "GET" for r in requests)


def test_the_request_counts_in_the_readme(gh: Harness) -> None:
    """README, "Requests": (requests, writes) per job."""
    number, _, requests = gh.open_issue(EXAMPLE)
    assert counts(requests) == (8, 5)
    assert counts(gh.rerun(number)[1]) == (5, 0)
    assert counts(gh.run("issues", gh.fake.issue_event_payload(number, "labeled", "new-model"))[1]) == (5, 0)
    assert counts(
        gh.edit_issue(number, submission(url="https://huggingface.co/epfl-llm/meditron-70b"))[1]
    ) == (11, 5)
    assert counts(gh.open_issue(submission(name="Other", url="ftp://x.org"))[2]) == (5, 2)
    same_url, _, _ = gh.open_issue(
        submission(name="Model-B", url="https://huggingface.co/epfl-llm/meditron-70b")
    )
    gh.fake.merge_pull(gh.pulls_for(same_url)[0]["number"])  # now the first one's URL is another row's too
    assert counts(gh.push_main()[1]) == (3 + 8, 5)  # its warnings changed: description and comment too
    gh.fake.commit_files("main", {"NOTE.md": "moved on\n"}, "Something else lands")
    assert counts(gh.push_main()[1]) == (3 + 5, 3)
    assert counts(gh.push_main()[1]) == (3 + 1, 0)


def test_refresh_costs_at_most_6_requests_per_rebuilt_pull_and_no_write_for_one_on_the_head(
    gh: Harness,
) -> None:
    first, _, _ = gh.open_issue(EXAMPLE)
    others = [
        gh.open_issue(submission(name=f"Model-{i}", url=f"https://github.com/x/m{i}"))[0] for i in range(3)
    ]
    gh.fake.merge_pull(gh.pulls_for(first)[0]["number"])
    code, requests = gh.push_main()
    assert code == 0
    shared = 3  # the open pull requests, the open submissions, the default branch's head
    assert len(requests) <= shared + 6 * len(others), [(r.method, r.route) for r in requests]
    code, again = gh.push_main()
    assert code == 0 and [r for r in again if r.method != "GET"] == []
    assert len(again) == shared + len(others)  # one GET each: the fingerprint of its head commit


# --- forks, deleted and transferred issues ---------------------------------------------------------


def test_refresh_ignores_pulls_from_forks_and_pulls_it_did_not_open(gh: Harness) -> None:
    number, _, _ = gh.open_issue(EXAMPLE)
    second, _, _ = gh.open_issue(submission(name="Clinical-LLaMA", url="https://github.com/x/c"))
    gh.fake.open_fork_pull("mallory", f"leaderboard/issue-{number}", {"README.md": "hijacked\n"})
    gh.fake.open_fork_pull("mallory", "leaderboard/issue-99999", {"README.md": "no such issue\n"})
    gh.fake.commit_files("leaderboard/issue-77", {"NOTE.md": "by hand\n"}, "A maintainer's branch")
    gh.fake.state.create_pull("leaderboard/issue-77", "main", "By hand", "", False, "maintainer")
    gh.fake.merge_pull(gh.pulls_for(number)[0]["number"])
    code, requests = gh.push_main()
    assert code == 0
    assert rows_on(gh, f"leaderboard/issue-{second}")[-2:] == ["Meditron-70B", "Clinical-LLaMA"]
    assert {r.path for r in requests if r.method != "GET"} <= {
        "/repos/octo/leaderboard/git/trees",
        "/repos/octo/leaderboard/git/commits",
        f"/repos/octo/leaderboard/git/refs/heads/leaderboard/issue-{second}",
    }


@pytest.mark.parametrize("how", ["deleted", "transferred"])
def test_refresh_closes_the_pull_of_a_gone_issue_and_rebuilds_the_others(gh: Harness, how: str) -> None:
    gone, _, _ = gh.open_issue(EXAMPLE)
    kept, _, _ = gh.open_issue(submission(name="Clinical-LLaMA", url="https://github.com/x/c"))
    if how == "deleted":
        gh.fake.delete_issue(gone)
    else:
        gh.fake.transfer_issue(gone)
    gh.fake.commit_files("main", {"NOTE.md": "moved on\n"}, "Something else lands")
    code, _ = gh.push_main()
    assert code == 0
    [pull] = gh.pulls_for(gone)
    assert pull["state"] == "closed"
    [note] = [c for c in gh.fake.comments(pull["number"]) if c["user"]["login"] == "github-actions[bot]"]
    assert f"#{gone}" in note["body"] and "closed this pull request" in note["body"]
    head = gh.fake.commit(gh.fake.branch_sha(f"leaderboard/issue-{kept}") or "")
    assert [p["sha"] for p in head["parents"]] == [gh.fake.branch_sha("main")]
    assert "issue-gone" in gh.summary.read_text(encoding="utf-8")
    code, again = gh.push_main()
    assert code == 0 and [r for r in again if r.method != "GET"] == []


@pytest.mark.parametrize("how", ["deleted", "transferred"])
def test_the_deleted_or_transferred_event_closes_the_pull(gh: Harness, how: str) -> None:
    number, _, _ = gh.open_issue(EXAMPLE)
    if how == "deleted":
        gh.fake.delete_issue(number)
    else:
        gh.fake.transfer_issue(number)
    code, _ = gh.run("issues", gh.fake.issue_event_payload(number, how))
    assert code == 0
    [pull] = gh.pulls_for(number)
    assert pull["state"] == "closed"
    assert len([c for c in gh.fake.comments(pull["number"]) if messages.COMMENT_MARKER in c["body"]]) == 1


def test_one_pull_that_cannot_be_handled_is_reported_and_the_others_are_rebuilt(gh: Harness) -> None:
    broken, _, _ = gh.open_issue(EXAMPLE)
    fine, _, _ = gh.open_issue(submission(name="Clinical-LLaMA", url="https://github.com/x/c"))
    gh.fake.commit_files("main", {"NOTE.md": "moved on\n"}, "Something else lands")
    head = gh.fake.branch_sha(f"leaderboard/issue-{broken}") or ""
    gh.fake.fail_next("GET", rf"/git/commits/{head}$", 500, times=20)  # its head cannot be read
    code, _ = gh.push_main()
    assert code == 1  # the run is red...
    tip = gh.fake.commit(gh.fake.branch_sha(f"leaderboard/issue-{fine}") or "")
    assert [p["sha"] for p in tip["parents"]] == [gh.fake.branch_sha("main")]  # ...the other was rebuilt
    summary = gh.summary.read_text(encoding="utf-8")
    assert f"| #{broken} | failed: " in summary and "500 error responses" in summary
    assert f"| #{fine} | accepted |" in summary


# --- advice that works ----------------------------------------------------------------------------


def test_deleting_a_branch_a_maintainer_pushed_to_and_editing_gives_a_working_pull(gh: Harness) -> None:
    number, _, _ = gh.open_issue(EXAMPLE)
    branch = f"leaderboard/issue-{number}"
    gh.fake.push_as_human(branch, {"NOTE.md": "maintainer fix\n"}, "Tweak by hand")
    gh.edit_issue(number, submission(url="https://huggingface.co/epfl-llm/meditron-70b"))
    assert "delete the branch and edit this issue" in gh.bot_comments(number)[0]["body"]  # the advice...
    gh.fake.delete_branch(branch)  # ...followed: GitHub closes the pull request
    assert [p["state"] for p in gh.pulls_for(number)] == ["closed"]
    code, _ = gh.edit_issue(number, submission(url="https://huggingface.co/epfl-llm/meditron-70b-v2"))
    assert code == 0
    [old, new] = gh.pulls_for(number)
    assert old["state"] == "closed" and new["state"] == "open"
    assert "meditron-70b-v2" in (gh.fake.file_at(branch, LAYOUT.post) or "")
    assert new["html_url"] in gh.bot_comments(number)[0]["body"]
    gh.fake.merge_pull(new["number"])  # a working pull request


def test_the_setup_advice_works_enable_the_setting_then_rerun(gh: Harness) -> None:
    gh.fake.deny_pull_creation()
    number, code, _ = gh.open_issue(EXAMPLE)
    assert code == 1 and "then re-run the job" in gh.bot_comments(number)[0]["body"]
    gh.fake.deny_pull_creation(False)
    code, _ = gh.rerun(number, "opened")
    assert code == 0
    assert [p["state"] for p in gh.pulls_for(number)] == ["open"]
    assert "Accepted" in gh.bot_comments(number)[0]["body"]


# --- maintainers' pull request edits -------------------------------------------------------------


def test_a_maintainers_title_and_text_survive_reruns_and_edits(gh: Harness) -> None:
    number, _, _ = gh.open_issue(EXAMPLE)
    [pull] = gh.pulls_for(number)
    held = "WIP: Add Meditron-70B — hold until the license is confirmed"
    gh.fake.edit_pull(pull["number"], title=held, body="**DO NOT MERGE** (license)\n\n" + pull["body"])
    _, requests = gh.run("issues", gh.fake.issue_event_payload(number, "labeled", "new-model"))
    assert [r for r in requests if r.method != "GET"] == []  # a no-op rerun sends nothing...
    gh.edit_issue(number, submission(name="Meditron-70B-v2", url="https://huggingface.co/epfl-llm/meditron"))
    [pull] = gh.pulls_for(number)
    assert pull["title"] == held  # ...and a change of the submission keeps the maintainer's title
    assert pull["body"].startswith("**DO NOT MERGE** (license)\n\n")  # and their text
    assert "Meditron-70B-v2" in pull["body"] and pull["body"].count(messages.SECTION_START) == 1


def test_the_bots_own_title_follows_the_submission(gh: Harness) -> None:
    number, _, _ = gh.open_issue(EXAMPLE)
    [pull] = gh.pulls_for(number)
    gh.fake.edit_pull(pull["number"], body=pull["body"] + "\n\nReviewed: the numbers check out.")
    gh.edit_issue(number, submission(name="Meditron-70B-v2"))
    [pull] = gh.pulls_for(number)
    assert pull["title"] == "榜单新增 Meditron-70B-v2 / Add Meditron-70B-v2 to the leaderboard"
    assert pull["body"].endswith("Reviewed: the numbers check out.")


# --- big files --------------------------------------------------------------------------------------


def test_a_10000_row_data_file_read_after_main_moved(gh: Harness) -> None:
    rows = "".join(  # as benchmarks/bench.py makes them; written as dataset.dump_rows would, 5 s faster
        f"- name: Model-{i:05d}\n  summary: 第{i}个合成模型\n  organization: 机构 {i % 97}\n"
        f"  released: {2019 + i % 5}-{1 + i % 12:02d}\n  url: https://github.com/org{i % 89}/model-{i}\n"
        f"  data: -基于Llama-{i % 70}B -{i}条医患对话 -[数据集](https://example.org/d/{i})\n"
        for i in range(10_000)
    )
    assert len(rows.encode()) > 1024 * 1024  # more than the contents API returns
    post = gh.fake.file_at("main", LAYOUT.post) or ""
    gh.fake.commit_files("main", {LAYOUT.data: rows, LAYOUT.post: post}, "Ten thousand rows")
    old_main = gh.fake.branch_sha("main")
    number = gh.fake.create_issue("x", EXAMPLE, ["new-model"])
    gh.fake.commit_files("main", {"NOTE.md": "moved on\n"}, "main moves after the event")
    code, requests = gh.run("issues", gh.fake.issue_event_payload(number), sha=old_main)
    assert code == 0
    assert any(r.route and r.route.endswith("/git/blobs/{file_sha}") for r in requests)
    branch = rows_on(gh, f"leaderboard/issue-{number}")
    assert (len(branch), branch[-1], branch[-2]) == (10_001, "Meditron-70B", "Model-09999")


# --- identity --------------------------------------------------------------------------------------


def test_another_apps_comment_with_the_marker_is_left_alone(gh: Harness) -> None:
    number = gh.fake.create_issue("x", EXAMPLE, ["new-model"])
    imitation = f"{messages.COMMENT_MARKER}\nI am another app quoting the leaderboard bot."
    other = gh.fake.comment_as(number, imitation, "copycat[bot]")
    code, _ = gh.run("issues", gh.fake.issue_event_payload(number))
    assert code == 0 and gh.rerun(number)[0] == 0
    comments = gh.fake.comments(number)
    assert [c["id"] for c in comments if c["user"]["login"] == "copycat[bot]"] == [other]
    assert comments[0]["body"] == imitation
    assert len(gh.bot_comments(number)) == 1


def test_a_github_app_identity_is_configured_by_its_login(gh: Harness) -> None:
    gh.fake.add_token("app-token", "leaderboard-app[bot]")
    gh.fake.token = "app-token"
    gh.environ["LEADERBOARD_BOT_LOGIN"] = "leaderboard-app[bot]"
    number = gh.fake.create_issue("x", EXAMPLE, ["new-model"])
    gh.fake.comment_as(number, f"{messages.COMMENT_MARKER}\nleft by github-actions", "github-actions[bot]")
    gh.run("issues", gh.fake.issue_event_payload(number))
    gh.rerun(number)
    [mine] = gh.bot_comments(number)
    assert "Accepted" in mine["body"] and len(gh.fake.comments(number)) == 2
    gh.fake.commit_files("main", {"NOTE.md": "moved on\n"}, "Something else lands")
    assert gh.push_main()[0] == 0  # refresh recognises the app's pull request as the bot's
    head = gh.fake.commit(gh.fake.branch_sha(f"leaderboard/issue-{number}") or "")
    assert [p["sha"] for p in head["parents"]] == [gh.fake.branch_sha("main")]

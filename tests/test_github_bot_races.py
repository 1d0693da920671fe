"""The latest issue body wins: every interleaving of two jobs, every order of late payloads.

Switch points (tests/interleavings.py) are the requests through which two jobs can affect each other:
every write to shared state (refs, pull requests, comments, labels; the contributor's edit), and the
reads of the issue by a job whose view of the issue the other job can change. Requests in between
(reading the pull request or the branch, creating git objects) run right after the point before them,
that is as early, and so as stale, as they can; reordering them with requests of the other job that
touch other things gives the same execution, so these are all the interleavings that differ.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

import pytest
from github_harness import EXAMPLE, LAYOUT, Harness, submission
from interleavings import Choose, Interleaver, every_schedule
from test_github_update import LABELS as UPDATE_LABELS
from test_github_update import request as org_request

from bot import dataset

SHARED_WRITE = re.compile(r"/git/refs|/pulls|/comments|/labels")
ISSUE_READ = re.compile(r"/issues(/\d+)?$")


def writes(method: str, path: str) -> bool:
    """A write another job can see (git objects are invisible until a ref points at them)."""
    return method != "GET" and bool(SHARED_WRITE.search(path))


def points(readers: set[str]) -> Callable[[str, str, str], bool]:
    """Switch points: every write to shared state, and the issue reads of `readers`, the jobs whose
    reads of the issue the other job's actions can change (the contributor's edit runs in the other)."""

    def is_point(job: str, method: str, path: str) -> bool:
        return writes(method, path) or (job in readers and method == "GET" and bool(ISSUE_READ.search(path)))

    return is_point


V2 = "https://huggingface.co/epfl-llm/meditron-70b"


def assert_reflects(gh: Harness, number: int, url: str) -> None:
    """One open pull request on main's head with the row of the issue's current body; one comment."""
    [pull] = [p for p in gh.pulls_for(number) if p["state"] == "open"]
    branch = f"leaderboard/issue-{number}"
    head = gh.fake.commit(gh.fake.branch_sha(branch) or "")
    assert [p["sha"] for p in head["parents"]] == [gh.fake.branch_sha("main")]
    rows = dataset.load_rows(gh.fake.file_at(branch, LAYOUT.data) or "")
    assert rows[-1]["url"] == url
    assert url in pull["body"]
    [comment] = gh.bot_comments(number)
    assert url in comment["body"] and "Accepted" in comment["body"]


def test_refresh_and_an_edit_in_every_interleaving(gh: Harness) -> None:
    """The issue's story: refresh reads body v1, the contributor edits to v2, the new-model job publishes
    v2, refresh writes v1 — in whatever order their requests land, v2 is what stays."""
    number, _, _ = gh.open_issue(EXAMPLE)
    gh.fake.commit_files("main", {"NOTE.md": "something else lands\n"}, "Move main")
    start = gh.fake.snapshot()
    sched = Interleaver(gh.fake, points(readers=set()))
    tokens = {job: sched.token(job) for job in ("refresh", "edit")}

    def execute(choose: Choose) -> None:
        gh.fake.restore(start)
        codes: dict[str, int] = {}

        def refresh() -> None:
            payload = gh.fake.push_event_payload("main")
            codes["refresh"] = gh.run("push", payload, "refresh", token=tokens["refresh"])[0]

        def edit_then_job() -> None:
            gh.fake.edit_issue(number, submission(url=V2))
            payload = gh.fake.issue_event_payload(number, "edited")
            codes["edit"] = gh.run("issues", payload, token=tokens["edit"])[0]

        sched.run({"refresh": refresh, "edit": edit_then_job}, choose)
        assert codes == {"refresh": 0, "edit": 0}
        assert_reflects(gh, number, V2)

    schedules = list(every_schedule(execute))
    assert len(schedules) >= 50  # every interleaving at this granularity (printed with -s)
    assert len({tuple(s) for s in schedules}) == len(schedules)
    print(f"{len(schedules)} schedules of refresh × edit")


def test_a_new_submission_and_a_merge_with_its_refresh_in_every_interleaving(gh: Harness) -> None:
    """A submission's first job reads main, a maintainer merges another one and refresh runs: the new pull
    request ends on main's final head (not the one its job read), holding both rows."""
    merged_first, _, _ = gh.open_issue(submission(name="Clinical-LLaMA", url="https://github.com/x/c"))
    number = gh.fake.create_issue("x", EXAMPLE, ["new-model"])
    start = gh.fake.snapshot()
    sched = Interleaver(gh.fake, points(readers=set()))
    tokens = {job: sched.token(job) for job in ("merge", "submit")}
    other = gh.pulls_for(merged_first)[0]["number"]

    def execute(choose: Choose) -> None:
        gh.fake.restore(start)
        codes: dict[str, int] = {}
        seen = gh.fake.branch_sha("main")

        def merge_then_refresh() -> None:
            gh.fake.merge_pull(other)
            codes["merge"] = gh.run(
                "push", gh.fake.push_event_payload("main"), "refresh", token=tokens["merge"]
            )[0]

        def submit() -> None:
            payload = gh.fake.issue_event_payload(number, "opened")
            codes["submit"] = gh.run("issues", payload, sha=seen, token=tokens["submit"])[0]

        sched.run({"merge": merge_then_refresh, "submit": submit}, choose)
        assert codes == {"merge": 0, "submit": 0}
        assert_reflects(gh, number, "https://github.com/epfLLM/meditron")
        names = [
            r["name"]
            for r in dataset.load_rows(gh.fake.file_at(f"leaderboard/issue-{number}", LAYOUT.data) or "")
        ]
        assert names[-2:] == ["Clinical-LLaMA", "Meditron-70B"]

    schedules = list(every_schedule(execute))
    assert len(schedules) >= 5
    print(f"{len(schedules)} schedules of merge+refresh × new submission")


BODIES = {
    "v1": submission(url="https://github.com/epfLLM/meditron"),
    "v2": submission(url="ftp://not-a-web-address"),  # an invalid version in between
    "v3": submission(url=V2),
}


@pytest.mark.parametrize("order", list(itertools.permutations(BODIES)), ids="-".join)
def test_payloads_delivered_in_any_order_leave_the_latest_body(gh: Harness, order: tuple[str, ...]) -> None:
    """Three edits, their jobs queued one after the other (one concurrency group per issue) but with
    their payloads in any order: once the last has run, the issue's current body (v3) is what shows."""
    number, _, _ = gh.open_issue(submission(name="Meditron-70B", url="https://github.com/x/v0"))
    payloads = {}
    for version, body in BODIES.items():
        gh.fake.edit_issue(number, body)
        payloads[version] = gh.fake.issue_event_payload(number, "edited")
    for version in order:
        assert gh.run("issues", payloads[version])[0] == 0
    assert_reflects(gh, number, V2)
    assert "needs-changes" not in gh.fake.labels(number)


def test_an_update_edited_after_a_merge_of_the_same_field_with_refresh_in_every_interleaving(
    gh: Harness,
) -> None:
    """Requests A and B change biogpt's organization; A is merged, and B's contributor edits B (not having
    seen A's change) before refresh runs. Whichever order B's job and refresh take, B ends held back with
    the conflict shown, never applied over A; the next edit, after that comment, confirms it."""
    first, _, _ = gh.open_issue(org_request("微软研究院"), UPDATE_LABELS)
    second, _, _ = gh.open_issue(org_request("Microsoft Research"), UPDATE_LABELS)
    gh.fake.merge_pull(gh.pulls_for(first)[0]["number"])
    gh.fake.edit_issue(second, org_request("Microsoft Research", "见 https://example.org/typo"))
    start = gh.fake.snapshot()
    sched = Interleaver(gh.fake, points(readers=set()))
    tokens = {job: sched.token(job) for job in ("refresh", "edit")}

    def execute(choose: Choose) -> None:
        gh.fake.restore(start)
        codes: dict[str, int] = {}

        def refresh() -> None:
            payload = gh.fake.push_event_payload("main")
            codes["refresh"] = gh.run("push", payload, "refresh", token=tokens["refresh"])[0]

        def edit_job() -> None:
            payload = gh.fake.issue_event_payload(second, "edited")
            codes["edit"] = gh.run("issues", payload, token=tokens["edit"])[0]

        sched.run({"refresh": refresh, "edit": edit_job}, choose)
        assert codes == {"refresh": 0, "edit": 0}
        assert [p["state"] for p in gh.pulls_for(second)] == ["closed"]
        [comment] = gh.bot_comments(second)
        assert "“微软研究院”" in comment["body"] and "(another change was merged)" in comment["body"]
        assert "needs-changes" in gh.fake.labels(second)
        gh.edit_issue(second, org_request("Microsoft Research", "确认 https://example.org/ok"))
        [pull] = gh.pulls_for(second)
        rows = dataset.load_rows(gh.fake.file_at(f"leaderboard/issue-{second}", LAYOUT.data) or "")
        head = gh.fake.commit(gh.fake.branch_sha(f"leaderboard/issue-{second}") or "")
        assert pull["state"] == "open" and rows[2]["organization"] == "Microsoft Research"
        assert [p["sha"] for p in head["parents"]] == [gh.fake.branch_sha("main")]

    schedules = list(every_schedule(execute))
    assert len(schedules) >= 5
    print(f"{len(schedules)} schedules of refresh × an edited update request")

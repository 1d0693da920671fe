"""Update and remove requests on GitHub: the same machinery as submissions (branch per issue, one commit,
idempotent reruns, one comment, needs-changes, refresh), plus changes merged meanwhile."""

from __future__ import annotations

import re

import pytest
from fake_github import RecordedRequest
from github_harness import EXAMPLE, LAYOUT, ROOT, Harness
from test_github_bot import WRITES

from bot import dataset, messages

UPDATE = (ROOT / "examples/update-model.md").read_text(encoding="utf-8")
REMOVE = (ROOT / "examples/remove-model.md").read_text(encoding="utf-8")
LABELS = ("update-model",)


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
    assert "| 所在机构 / Organization | 微软 | 微软研究院 |" in comment["body"]  # what changes, at a glance
    code, again = gh.rerun(number)
    assert code == 0 and [r for r in again if r.method != "GET"] == []
    gh.fake.merge_pull(pull["number"])
    merged = row(gh, "main", "biogpt")
    assert merged is not None and merged["organization"] == "微软研究院"


def test_a_removal_takes_the_row_out_and_quotes_the_reason(gh: Harness) -> None:
    number, code, _ = gh.open_issue(REMOVE, LABELS)
    assert code == 0
    [pull] = gh.pulls_for(number)
    assert "Removes **OpenBioMed** (`openbiomed-2`)" in pull["body"]
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
    link = "https://github.com/octo/leaderboard/issues/new?template=update-model.yml&entry=biogpt"
    assert f"update form instead: {link}" in comment["body"]  # the bot's own link is left a link...
    assert "id `biogpt`" in comment["body"]  # ...the catalog's code spans stay code...
    number, _, _ = gh.open_issue(EXAMPLE.replace("Meditron-70B", "**BiоGPT**"))
    [comment] = gh.bot_comments(number)
    assert "“\\*\\*BiоGPT\\*\\*”" in comment["body"]  # ...and contributor text shows literally


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


# --- changes merged meanwhile: an edit is a confirmation only after the conflict was shown -----------


def change(body: str, choice: str) -> str:
    """The request with the change dropdown set to `choice` ("更新此条目 / Update this entry", …)."""
    return body.replace("更新此条目 / Update this entry", choice).replace(
        "删除此条目 / Remove this entry", choice
    )


REMOVE_CHOICE = "删除此条目 / Remove this entry"


def summary_of(entry: str, text: str) -> str:
    """An update of `entry`'s summary only."""
    body = request("_No response_").replace("\nbiogpt\n", f"\n{entry}\n")
    return body.replace("### 简介 / Summary\n\n_No response_", f"### 简介 / Summary\n\n{text}")


def held_back(gh: Harness, number: int) -> bool:
    """The request's pull request is closed and its comment asks to confirm a change merged meanwhile."""
    [comment] = gh.bot_comments(number)
    return (
        [p["state"] for p in gh.pulls_for(number)] == ["closed"]
        and "(another change was merged)" in comment["body"]
        and messages.read_basis(comment["body"], messages.CONFLICT_MARKER) is not None
        and "needs-changes" in gh.fake.labels(number)
    )


def test_an_edit_made_before_the_conflict_was_shown_is_not_the_confirmation(gh: Harness) -> None:
    """A merges; B's contributor fixes a typo in the reason before refresh runs: B's job must not apply
    B's value over A's. Only an edit after the comment that shows the conflict confirms it."""
    first, _, _ = gh.open_issue(request("微软研究院"), LABELS)
    second, _, _ = gh.open_issue(request("Microsoft Research"), LABELS)
    gh.fake.merge_pull(gh.pulls_for(first)[0]["number"])
    assert gh.edit_issue(second, request("Microsoft Research", reason="见 https://example.org/fixed"))[0] == 0
    assert held_back(gh, second)
    assert "“微软研究院”" in gh.bot_comments(second)[0]["body"]
    assert gh.push_main()[0] == 0 and held_back(gh, second)
    code, requests = gh.edit_issue(
        second, request("Microsoft Research", reason="确认 https://example.org/ok")
    )
    assert code == 0 and [p["state"] for p in gh.pulls_for(second)] == ["open"]
    comment_reads = [r for r in requests if r.method == "GET" and r.path.endswith("/comments")]
    assert len(comment_reads) == 2  # one more than usual: the comment that showed the conflict
    confirmed = row(gh, f"leaderboard/issue-{second}", "biogpt")
    assert confirmed is not None and confirmed["organization"] == "Microsoft Research"
    assert "Accepted" in gh.bot_comments(second)[0]["body"]
    assert "needs-changes" not in gh.fake.labels(second)


def test_a_stale_payload_is_no_confirmation_either(gh: Harness) -> None:
    """Edits v2 and v3 queue up after A merged; their jobs run late, v2's payload first. The conflict is
    first shown by the v2 job (for v3, the body it reads after writing); v3's own job confirms nothing."""
    first, _, _ = gh.open_issue(request("微软研究院"), LABELS)
    second, _, _ = gh.open_issue(request("Microsoft Research"), LABELS)
    gh.fake.merge_pull(gh.pulls_for(first)[0]["number"])
    payloads = []
    for reason in ("见 https://example.org/v2", "见 https://example.org/v3"):
        gh.fake.edit_issue(second, request("Microsoft Research", reason=reason))
        payloads.append(gh.fake.issue_event_payload(second, "edited"))
    for payload in payloads:
        assert gh.run("issues", payload)[0] == 0
        assert held_back(gh, second)
    gh.edit_issue(second, request("Microsoft Research", reason="确认 https://example.org/v4"))
    assert [p["state"] for p in gh.pulls_for(second)] == ["open"]


def test_a_removal_of_an_entry_updated_meanwhile_is_held_back_until_confirmed(gh: Harness) -> None:
    updating, _, _ = gh.open_issue(UPDATE, LABELS)
    removal = REMOVE.replace("\nopenbiomed-2\n", "\nbiogpt\n")
    removing, _, _ = gh.open_issue(removal, LABELS)
    gh.fake.merge_pull(gh.pulls_for(updating)[0]["number"])
    assert gh.push_main()[0] == 0
    assert held_back(gh, removing)
    body = gh.bot_comments(removing)[0]["body"]
    assert "confirm that the entry should still be removed" in body and "“微软研究院”" in body
    assert row(gh, "main", "biogpt") is not None
    gh.edit_issue(removing, removal.replace("Duplicate of", "Still a duplicate of"))
    [pull] = gh.pulls_for(removing)
    assert pull["state"] == "open" and row(gh, f"leaderboard/issue-{removing}", "biogpt") is None
    gh.fake.merge_pull(pull["number"])
    assert row(gh, "main", "biogpt") is None


def test_an_update_whose_entry_was_removed_meanwhile_never_moves_to_another_entry(gh: Harness) -> None:
    """`openbiomed` names that entry by its id; once that is removed, the same words would
    name the other OpenBioMed row. The request stays with the entry it was accepted for."""
    updating, _, _ = gh.open_issue(summary_of("openbiomed", "开源多模态生物医学大模型"), LABELS)
    assert row(gh, f"leaderboard/issue-{updating}", "openbiomed") is not None
    removing, _, _ = gh.open_issue(REMOVE.replace("\nopenbiomed-2\n", "\nopenbiomed\n"), LABELS)
    gh.fake.merge_pull(gh.pulls_for(removing)[0]["number"])
    assert gh.push_main()[0] == 0
    assert [p["state"] for p in gh.pulls_for(updating)] == ["closed"]
    body = gh.bot_comments(updating)[0]["body"]
    assert "the entry \\`openbiomed\\` this request was accepted for has since been removed" in body
    other = row(gh, f"leaderboard/issue-{updating}", "openbiomed-2")
    assert other is not None and "summary" not in other


def test_a_request_switched_from_update_to_removal_and_back(gh: Harness) -> None:
    number, _, _ = gh.open_issue(UPDATE, LABELS)
    branch = f"leaderboard/issue-{number}"
    gh.edit_issue(number, change(UPDATE, REMOVE_CHOICE))
    [pull] = gh.pulls_for(number)
    assert pull["title"] == "从榜单删除 BioGPT / Remove BioGPT from the leaderboard"
    assert row(gh, branch, "biogpt") is None and "Removes **BioGPT**" in pull["body"]
    [comment] = gh.bot_comments(number)
    assert (
        "the entry is removed from the leaderboard" in comment["body"]
        and "**删除 / Removed**" in comment["body"]
    )
    assert "are ignored" in comment["body"]  # the fields still filled in
    gh.edit_issue(number, UPDATE)
    [pull] = gh.pulls_for(number)
    assert pull["title"].startswith("更新榜单条目 BioGPT") and pull["state"] == "open"
    changed = row(gh, branch, "biogpt")
    assert changed is not None and changed["organization"] == "微软研究院"


def test_refresh_after_an_earlier_row_is_removed_leaves_the_update_description_alone(gh: Harness) -> None:
    """The description names the entry by id, not by its row number, which the removal shifts."""
    number, _, _ = gh.open_issue(UPDATE.replace("\nbiogpt\n", "\nchatdoctor\n"), LABELS)
    before = gh.pulls_for(number)[0]["body"]
    removing, _, _ = gh.open_issue(REMOVE.replace("\nopenbiomed-2\n", "\nbiogpt\n"), LABELS)  # row 3 < 13
    gh.fake.merge_pull(gh.pulls_for(removing)[0]["number"])
    code, requests = gh.push_main()
    assert code == 0 and len(requests) <= 3 + 6, [(r.method, r.route) for r in requests]
    assert [r.method for r in requests if r.route and "pulls/{pull_number}" in r.route] == []
    assert gh.pulls_for(number)[0]["body"] == before
    head = gh.fake.commit(gh.fake.branch_sha(f"leaderboard/issue-{number}") or "")
    assert [p["sha"] for p in head["parents"]] == [gh.fake.branch_sha("main")]


# --- what a maintainer does to the pull request and the issue ------------------------------------------


def test_a_description_saved_in_the_browser_is_not_rewritten_and_keeps_its_basis(gh: Harness) -> None:
    """The web UI saves a description with CRLF line ends: reruns write nothing, the basis still counts."""
    first, _, _ = gh.open_issue(request("微软研究院"), LABELS)
    second, _, _ = gh.open_issue(request("Microsoft Research"), LABELS)
    pull = gh.pulls_for(second)[0]
    saved = ("Reviewed, waiting for the paper.\n\n" + pull["body"]).replace("\n", "\r\n")
    gh.fake.edit_pull(pull["number"], body=saved)
    _, requests = gh.run("issues", gh.fake.issue_event_payload(second, "labeled", "update-model"))
    assert [r for r in requests if r.method != "GET"] == []
    gh.fake.merge_pull(gh.pulls_for(first)[0]["number"])
    assert gh.push_main()[0] == 0 and held_back(gh, second)
    assert gh.pulls_for(second)[0]["body"].startswith("Reviewed, waiting for the paper.\r\n")


def lose_basis(body: str, how: str) -> str:
    line = next(x for x in body.splitlines() if x.startswith(f"<!-- {messages.BASIS_MARKER} "))
    if how == "deleted":
        return body.replace(line + "\n", "")
    if how == "garbled":
        return body.replace(line, line[:30] + "!!" + line[32:])
    return "Rewritten by a maintainer: the bot's section is gone."


@pytest.mark.parametrize("how", ["deleted", "garbled", "section-replaced"])
def test_a_basis_line_a_maintainer_removed_is_recovered_from_the_branch(gh: Harness, how: str) -> None:
    first, _, _ = gh.open_issue(request("微软研究院"), LABELS)
    second, _, _ = gh.open_issue(request("Microsoft Research"), LABELS)
    pull = gh.pulls_for(second)[0]
    gh.fake.edit_pull(pull["number"], body=lose_basis(pull["body"], how))
    gh.fake.merge_pull(gh.pulls_for(first)[0]["number"])
    assert gh.push_main()[0] == 0
    assert held_back(gh, second)  # the values the branch was made from say what changed meanwhile
    _, requests = gh.rerun(second)
    assert [r for r in requests if r.method != "GET"] == []
    gh.edit_issue(second, request("Microsoft Research", reason="确认 https://example.org/ok"))
    [pull] = gh.pulls_for(second)
    assert pull["state"] == "open"
    basis = messages.read_basis(messages.section_text(pull["body"]) or "")
    assert basis is not None and basis.fields["organization"] == "微软研究院" and basis.entry == "biogpt"


def test_an_update_request_labelled_with_the_other_forms_label_is_still_an_update(gh: Harness) -> None:
    """`update-model` did not exist when the request was filed (GitHub drops unknown labels), and a
    maintainer added `new-model`, the label that makes the bot look at an issue."""
    number, code, _ = gh.open_issue(UPDATE, ("new-model",))
    assert code == 0
    [pull] = gh.pulls_for(number)
    assert pull["title"].startswith("更新榜单条目 BioGPT") and pull["state"] == "open"
    gh.fake.commit_files("main", {"NOTE.md": "moved on\n"}, "Something else lands")
    assert gh.push_main()[0] == 0
    head = gh.fake.commit(gh.fake.branch_sha(f"leaderboard/issue-{number}") or "")
    assert [p["sha"] for p in head["parents"]] == [gh.fake.branch_sha("main")]


def test_the_texts_of_an_update_request_name_its_own_form_and_label(gh: Harness) -> None:
    number, _, _ = gh.open_issue(UPDATE, LABELS)
    assert "once merged, the entry is updated on the leaderboard" in gh.bot_comments(number)[0]["body"]
    gh.run("issues", gh.fake.issue_event_payload(number, "unlabeled", "update-model"))
    body = gh.bot_comments(number)[0]["body"]
    assert "Withdrawn" in body and "`update-model`" in body
    gh.run("issues", gh.fake.issue_event_payload(number, "labeled", "update-model"))
    assert [p["state"] for p in gh.pulls_for(number)] == ["open"]  # the same pull request, resumed
    free, _, _ = gh.open_issue("请把 BioGPT 的机构改成微软研究院", LABELS)
    body = gh.bot_comments(free)[0]["body"]
    assert "“update or remove an entry” form" in body and "“new model”" not in body
    assert "template=update-model.yml" in body
    removing, _, _ = gh.open_issue(REMOVE, LABELS)
    body = gh.bot_comments(removing)[0]["body"]
    assert "the entry is removed from the leaderboard" in body and "appears on the leaderboard" not in body


def test_closing_and_reopening_an_update_request(gh: Harness) -> None:
    number, _, _ = gh.open_issue(UPDATE, LABELS)
    gh.fake.set_state(number, "closed")
    gh.rerun(number, "closed")
    assert [p["state"] for p in gh.pulls_for(number)] == ["closed"]
    gh.fake.set_state(number, "open")
    _, requests = gh.rerun(number, "reopened")
    [pull] = gh.pulls_for(number)
    assert pull["state"] == "open" and "Accepted" in gh.bot_comments(number)[0]["body"]
    assert [r.route for r in requests if r.method == "POST"] == []  # reopened, not rebuilt


@pytest.mark.parametrize("how", ["deleted", "transferred"])
def test_a_deleted_or_transferred_update_request_closes_its_pull(gh: Harness, how: str) -> None:
    number, _, _ = gh.open_issue(REMOVE, LABELS)
    getattr(gh.fake, f"{'delete' if how == 'deleted' else 'transfer'}_issue")(number)
    assert gh.run("issues", gh.fake.issue_event_payload(number, how))[0] == 0
    [pull] = gh.pulls_for(number)
    assert pull["state"] == "closed"
    assert gh.push_main()[0] == 0 and [p["state"] for p in gh.pulls_for(number)] == ["closed"]


def test_deleting_a_branch_a_maintainer_pushed_to_then_editing_gives_a_working_update(gh: Harness) -> None:
    number, _, _ = gh.open_issue(UPDATE, LABELS)
    branch = f"leaderboard/issue-{number}"
    gh.fake.push_as_human(branch, {"NOTE.md": "by hand\n"}, "Tweak by hand")
    gh.edit_issue(number, request("微软亚洲研究院"))
    assert "delete the branch and edit this issue" in gh.bot_comments(number)[0]["body"]
    gh.fake.delete_branch(branch)
    assert gh.edit_issue(number, request("微软研究院"))[0] == 0
    [old, new] = gh.pulls_for(number)
    assert old["state"] == "closed" and new["state"] == "open"
    changed = row(gh, branch, "biogpt")
    assert changed is not None and changed["organization"] == "微软研究院"
    assert messages.read_basis(messages.section_text(new["body"]) or "") is not None
    gh.fake.merge_pull(new["number"])


def test_a_maintainers_title_and_text_survive_the_rebuild_of_an_update(gh: Harness) -> None:
    number, _, _ = gh.open_issue(request("微软研究院"), LABELS)
    pull = gh.pulls_for(number)[0]
    held = "WIP: BioGPT — wait for the paper"
    gh.fake.edit_pull(pull["number"], title=held, body="**DO NOT MERGE**\n\n" + pull["body"])
    other, _, _ = gh.open_issue(summary_of("biogpt", "生物医学文本生成模型"), LABELS)
    gh.fake.merge_pull(gh.pulls_for(other)[0]["number"])  # another field of the same entry
    assert gh.push_main()[0] == 0
    [pull] = gh.pulls_for(number)
    assert pull["state"] == "open" and pull["title"] == held
    assert pull["body"].startswith("**DO NOT MERGE**\n\n") and "生物医学文本生成模型" in pull["body"]


# --- lost answers and failing writes -----------------------------------------------------------------


def life_of_a_request(gh: Harness) -> int:
    """Opened naming no entry, fixed, edited: every kind of write; each run must succeed."""
    number, code, _ = gh.open_issue(UPDATE.replace("\nbiogpt\n", "\nBioGTP\n"), LABELS)
    assert code == 0
    assert gh.edit_issue(number, UPDATE)[0] == 0
    assert gh.edit_issue(number, request("微软亚洲研究院"))[0] == 0
    return number


@pytest.mark.parametrize(("method", "path"), WRITES, ids=[f"{m} {p}" for m, p in WRITES])
def test_a_lost_answer_on_any_write_of_an_update_is_survived(gh: Harness, method: str, path: str) -> None:
    gh.fake.fail_next(method, path, 502, after_apply=True)
    number = life_of_a_request(gh)
    assert (
        len(
            [
                r
                for r in gh.fake.requests
                if r.method == method and re.search(path, r.path) and r.status == 502
            ]
        )
        == 1
    )
    [pull] = gh.pulls_for(number)
    assert pull["state"] == "open" and "微软亚洲研究院" in pull["body"]
    assert len(gh.bot_comments(number)) == 1 and "Accepted" in gh.bot_comments(number)[0]["body"]
    assert gh.fake.labels(number) == ["update-model"]
    changed = row(gh, f"leaderboard/issue-{number}", "biogpt")
    assert changed is not None and changed["organization"] == "微软亚洲研究院"
    assert [r for r in gh.rerun(number)[1] if r.method != "GET"] == []


@pytest.mark.parametrize(("method", "path"), [w for w in WRITES if w[0] == "POST"][2:])
def test_an_update_whose_write_keeps_failing_is_completed_by_the_rerun(
    gh: Harness, method: str, path: str
) -> None:
    gh.fake.fail_next(method, path, 500, times=10)
    number, code, _ = gh.open_issue(REMOVE, LABELS)
    assert code == 1
    gh.fake.clear_faults()
    assert gh.rerun(number, "opened")[0] == 0
    assert [p["state"] for p in gh.pulls_for(number)] == ["open"] and len(gh.bot_comments(number)) == 1
    assert row(gh, f"leaderboard/issue-{number}", "openbiomed-2") is None
    assert [r for r in gh.rerun(number)[1] if r.method != "GET"] == []


# --- request budgets ---------------------------------------------------------------------------------


def counts(requests: list[RecordedRequest]) -> tuple[int, int]:
    return len(requests), sum(r.method != "GET" for r in requests)


def test_the_request_counts_of_update_requests_in_the_readme(gh: Harness) -> None:
    """README, "Requests": (requests, writes) per job, for update and removal requests."""
    first, _, requests = gh.open_issue(request("微软研究院"), LABELS)
    assert counts(requests) == (8, 5)
    second, _, _ = gh.open_issue(request("Microsoft Research"), LABELS)
    assert counts(gh.rerun(second)[1]) == (5, 0)
    assert counts(gh.run("issues", gh.fake.issue_event_payload(second, "labeled", "update-model"))[1]) == (
        5,
        0,
    )
    assert counts(gh.edit_issue(second, request("微软亚洲研究院"))[1]) == (11, 5)
    gh.fake.merge_pull(gh.pulls_for(first)[0]["number"])
    assert counts(gh.push_main()[1]) == (3 + 6, 3)  # held back: closed, the comment, needs-changes
    assert counts(gh.rerun(second)[1]) == (4, 0)
    confirmed = gh.edit_issue(second, request("微软亚洲研究院", reason="确认 https://example.org/ok"))[1]
    assert counts(confirmed) == (14, 6)  # reopened and rebuilt; one more read: the comment that showed it
    gh.fake.commit_files("main", {"NOTE.md": "moved on\n"}, "Something else lands")
    assert counts(gh.push_main()[1]) == (3 + 6, 3)  # rebuilt: its issue is read on its own
    assert counts(gh.push_main()[1]) == (3 + 2, 0)
    _, _, requests = gh.open_issue(REMOVE, LABELS)
    assert counts(requests) == (8, 5)
    other, _, _ = gh.open_issue(summary_of("biogpt", "生物医学文本生成模型"), LABELS)
    gh.fake.merge_pull(gh.pulls_for(other)[0]["number"])  # another field of the entry: its rows change
    assert counts(gh.push_main()[1]) == (3 + 9 + 6, 5 + 3)  # description and comment too; the removal


def test_a_rename_is_titled_by_the_name_listed_now_and_shown_as_a_change(gh: Harness) -> None:
    renamed = UPDATE.replace(
        "### 模型名称 / Model name\n\n_No response_", "### 模型名称 / Model name\n\nBioGPT-Large"
    )
    number, _, _ = gh.open_issue(renamed, LABELS)
    [pull] = gh.pulls_for(number)
    assert pull["title"] == "更新榜单条目 BioGPT / Update BioGPT on the leaderboard"
    assert "Updates **BioGPT** (`biogpt`)" in pull["body"]
    assert "| 模型名称 / Model name | BioGPT | BioGPT-Large |" in pull["body"]
    nothing, _, _ = gh.open_issue(
        request("_No response_").replace("\n2022-09\n", "\n_No response_\n"), LABELS
    )
    assert "- **请求 / Request**: " in gh.bot_comments(nothing)[0]["body"]  # a problem of no one field


def test_a_reason_that_fills_the_description_leaves_room_for_the_basis(gh: Harness) -> None:
    """Every `#` of a reason is shown defanged (9 characters): a long reason is cut, never the hidden basis
    after it, which holds the entry's values (here a 1,500-character text) and must fit in too."""
    data = gh.fake.file_at("main", LAYOUT.data) or ""
    line = next(x for x in data.splitlines() if x.startswith("  data: -GPT2"))
    gh.fake.commit_files("main", {LAYOUT.data: data.replace(line, "  data: " + "数据集" * 500)}, "Long text")
    number, code, _ = gh.open_issue(
        request("微软研究院", reason="见 https://example.org/s " + "#1 " * 20_000), LABELS
    )
    assert code == 0
    [pull] = gh.pulls_for(number)
    assert 55_000 < len(pull["body"]) <= 60_000 and pull["state"] == "open"  # room for maintainers' text
    basis = messages.read_basis(messages.section_text(pull["body"]) or "")
    assert basis is not None and basis.fields["data"] == "数据集" * 500


def test_a_conflict_line_forged_in_someone_elses_comment_confirms_nothing(gh: Harness) -> None:
    """The contributor (or another app) writes the bot's marker and a conflict line for the values now,
    then edits: only the bot's own comment, found by its login, says what the contributor was shown."""
    first, _, _ = gh.open_issue(request("微软研究院"), LABELS)
    second, _, _ = gh.open_issue(request("Microsoft Research"), LABELS)
    gh.fake.merge_pull(gh.pulls_for(first)[0]["number"])
    forged = messages.Basis("0" * 32, {"organization": "微软研究院"}, "biogpt")
    line = messages.basis_marker(forged, messages.CONFLICT_MARKER)
    for login in ("contributor", "copycat[bot]"):
        gh.fake.comment_as(second, f"{messages.COMMENT_MARKER}\n{line}\n", login)
    gh.edit_issue(second, request("Microsoft Research", reason="见 https://example.org/forged"))
    assert held_back(gh, second)


def test_a_pull_request_a_maintainer_reopened_after_the_bot_held_it_back_stays_open(gh: Harness) -> None:
    """The maintainer decided the request's value is right: refresh and reruns do not close it again."""
    first, _, _ = gh.open_issue(request("微软研究院"), LABELS)
    second, _, _ = gh.open_issue(request("Microsoft Research"), LABELS)
    gh.fake.merge_pull(gh.pulls_for(first)[0]["number"])
    assert gh.push_main()[0] == 0 and held_back(gh, second)
    gh.fake.set_state(gh.pulls_for(second)[0]["number"], "open")
    gh.fake.commit_files("main", {"NOTE.md": "moved on\n"}, "Something else lands")
    assert gh.push_main()[0] == 0
    assert [p["state"] for p in gh.pulls_for(second)] == ["open"]
    assert "(another change was merged)" in gh.bot_comments(second)[0]["body"]  # still said
    assert [r for r in gh.rerun(second)[1] if r.method != "GET"] == []

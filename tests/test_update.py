"""Update and remove requests through the second form, on the repository's real files."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot import dataset, messages, pipeline, update
from bot.files import WorkingTree
from bot.form import parse_form
from bot.layout import Layout, Snapshot, read_snapshot
from bot.model import errors

ROOT = Path(__file__).resolve().parent.parent
LAYOUT = Layout()
NOW = dt.datetime(2026, 11, 25, 8, 0, tzinfo=dt.UTC)
SNAPSHOT = read_snapshot(LAYOUT, WorkingTree(ROOT))
ROWS = dataset.load_rows(SNAPSHOT.data)
ORDER = pipeline.context(SNAPSHOT).table.field_order
FORM = parse_form(SNAPSHOT.update_form)
LABELS = {f.id: f.label for f in FORM.fields}
FIELDS = ("name", "summary", "organization", "released", "url", "data")


def body(entry: str, change: int = 0, reason: str = "见论文 https://example.org/paper", **fields: str) -> str:
    """An update-form body as GitHub renders it."""
    answers = {"entry": entry, "change": FORM.fields[1].options[change], **fields, "reason": reason}
    return "\n\n".join(f"### {f.label}\n\n{answers.get(f.id) or '_No response_'}" for f in FORM.fields) + "\n"


def plan(text: str, snapshot: Snapshot = SNAPSHOT, **kwargs: object) -> pipeline.Outcome:
    return update.plan_update(text, snapshot, NOW, LAYOUT, **kwargs)  # type: ignore[arg-type]


def codes(outcome: pipeline.Outcome) -> list[tuple[str | None, str]]:
    return [(p.field, p.code) for p in outcome.problems]


def test_the_example_update_changes_two_fields_of_one_row_and_touches_no_other_line() -> None:
    outcome = plan((ROOT / "examples/update-model.md").read_text(encoding="utf-8"))
    assert outcome.accepted and outcome.kind == "update" and outcome.position == 3
    assert outcome.row == {
        **ROWS[2],
        "organization": "微软研究院",
        "released": "2022-09",
        "updated": "2026-11-25",
    }
    data = outcome.changes[0]
    new_rows = dataset.load_rows(data.new)
    assert new_rows == [*ROWS[:2], outcome.row, *ROWS[3:]]
    old_lines, new_lines = data.old.splitlines(), data.new.splitlines()  # type: ignore[union-attr]
    changed = [line for line in new_lines if line not in old_lines]
    assert changed == ["  organization: 微软研究院", "  released: 2022-09", "  updated: '2026-11-25'"]
    assert (
        "| BioGPT 大规模" in outcome.changes[1].new and "| 微软研究院 | 2022年9月 |" in outcome.changes[1].new
    )
    assert outcome.basis == {f: ROWS[2].get(f, "") for f in FIELDS}  # what the contributor is shown


def test_the_example_removal_takes_out_exactly_one_row() -> None:
    outcome = plan((ROOT / "examples/remove-model.md").read_text(encoding="utf-8"))
    assert outcome.accepted and outcome.kind == "remove" and outcome.row["id"] == "openbiomed-2"
    assert dataset.load_rows(outcome.changes[0].new) == ROWS[:14] + ROWS[15:]
    assert outcome.changes[1].new.count("\n| ") == SNAPSHOT.post.count("\n| ") - 1


@pytest.mark.parametrize(
    "entry",
    ["biogpt", "BioGPT", "`biogpt`", "https://example.org/posts/medical-llm-leaderboard/#biogpt", "BiоGPT"],
)
def test_the_entry_is_found_by_id_link_or_name(entry: str) -> None:
    assert plan(body(entry, organization="微软研究院")).position == 3


def test_an_unknown_entry_gets_the_closest_names_in_both_languages() -> None:
    outcome = plan(body("BioGTP", organization="x"))
    [problem] = outcome.problems
    assert (problem.field, problem.code) == ("entry", "entry-unknown")
    assert "`biogpt`" in problem.zh and "最接近" in problem.zh and "Closest" in problem.en
    assert codes(plan(body("qqqqqqqq", organization="x"))) == [("entry", "entry-unknown-none")]


def test_a_name_shared_by_two_entries_asks_for_the_id() -> None:
    assert plan(body("openbiomed", organization="x")).position == 7  # an id as written wins over names
    for entry in ("Open BioMed", "OpenBioMed"):  # the name as listed is not the id `openbiomed`
        [problem] = plan(body(entry, organization="x")).problems
        assert problem.code == "entry-ambiguous" and "`openbiomed`, `openbiomed-2`" in problem.en
    assert plan(body("https://example.org/x/#OpenBioMed-2", organization="x")).position == 15


@pytest.mark.parametrize("dash", ["-", "－", "—", "–", " - "])
def test_a_lone_dash_of_any_width_clears_a_field(dash: str) -> None:
    outcome = plan(body("biogpt", summary=dash))
    assert outcome.accepted and "summary" not in outcome.row


def test_a_dash_clears_a_field_but_never_the_name() -> None:
    outcome = plan(body("biogpt", url="-"))
    assert outcome.accepted and "url" not in outcome.row
    assert codes(plan(body("biogpt", name="-"))) == [("name", "clear-required")]


def test_renaming_onto_another_entry_is_a_duplicate_and_onto_itself_is_fine() -> None:
    [problem] = plan(body("biogpt", name="Med-PaLM2")).problems
    assert problem.code == "duplicate-name" and problem.values["id"] == "med-palm2"
    assert problem.values["row"] == 1 + next(i for i, r in enumerate(ROWS) if r["id"] == "med-palm2")
    [later] = plan(body("med-palm2", name="BioGPT")).problems  # the entry before it keeps its number too
    assert later.code == "duplicate-name" and later.values["id"] == "biogpt" and later.values["row"] == 3
    renamed = plan(body("biogpt", name="BioGPT-Large"))
    assert renamed.accepted and renamed.row["id"] == "biogpt"  # ids never change


def test_requests_that_change_nothing_are_rejected_as_such() -> None:
    assert codes(plan(body("biogpt"))) == [(None, "update-nothing")]
    assert codes(plan(body("biogpt", organization="微软"))) == [(None, "update-no-change")]


def test_changed_fields_pass_the_submission_rules_untouched_history_does_not_block() -> None:
    assert codes(plan(body("biogpt", url="javascript:alert(1)")))[0] == ("url", "url-scheme")
    assert codes(plan(body("biogpt", released="2031")))[0] == ("released", "date-future")
    # Row 1 keeps its hand-written trailing “-” (a warning in `check`); changing its summary is fine.
    assert plan(body("med-flamingo", summary="多模态少样本学习器")).accepted


def test_the_change_must_be_one_of_the_choices_and_a_reason_is_required() -> None:
    text = body("biogpt", organization="x").replace(FORM.fields[1].options[0], "改一下")
    assert ("change", "change-unknown") in codes(plan(text))
    assert ("reason", "required") in codes(plan(body("biogpt", organization="x", reason="")))


def test_fields_filled_in_on_a_removal_are_a_warning() -> None:
    outcome = plan(body("openbiomed-2", change=1, organization="x"))
    assert outcome.accepted and [(p.code, p.severity) for p in outcome.problems] == [
        ("remove-ignores-fields", "warning")
    ]


def test_a_field_changed_meanwhile_is_a_conflict_to_confirm_not_an_overwrite() -> None:
    request = body("biogpt", organization="微软研究院")
    first = plan(request)
    merged = dataclasses.replace(
        SNAPSHOT,
        data=dataset.replace_row(SNAPSHOT.data, 2, {**ROWS[2], "organization": "Microsoft"}, order=ORDER),
    )
    again = plan(request, merged, recorded=update.Recorded(first.basis))
    [problem] = errors(again.problems)
    assert (problem.field, problem.code) == ("organization", "update-conflict")
    assert "“微软”" in problem.en and "“Microsoft”" in problem.en and "“微软研究院”" in problem.en
    assert plan(request, merged).accepted  # the contributor confirmed by editing: a fresh plan
    untouched = dataclasses.replace(
        SNAPSHOT, data=dataset.replace_row(SNAPSHOT.data, 2, {**ROWS[2], "summary": "x"}, order=ORDER)
    )
    assert plan(
        request, untouched, recorded=update.Recorded(first.basis)
    ).accepted  # another field moved: no conflict


def test_a_request_stays_with_its_entry_and_an_edit_confirms_only_the_values_it_was_shown() -> None:
    request = body("biogpt", organization="微软研究院")
    first = plan(request)
    merged = dataclasses.replace(
        SNAPSHOT,
        data=dataset.replace_row(SNAPSHOT.data, 2, {**ROWS[2], "organization": "Microsoft"}, order=ORDER),
    )
    edited = update.Recorded(first.basis, "biogpt", edited=True)
    assert codes(plan(request, merged, recorded=edited)) == [("organization", "update-conflict")]
    shown = dataclasses.replace(edited, confirmed={"organization": "Microsoft"})
    assert plan(request, merged, recorded=shown).accepted
    older = dataclasses.replace(edited, confirmed={"organization": "Microsoft Research"})
    assert not plan(request, merged, recorded=older).accepted  # it changed again since it was shown
    removal = body("biogpt", change=1)
    again = plan(removal, merged, recorded=update.Recorded(plan(removal).basis, "biogpt"))
    assert codes(again) == [("organization", "remove-conflict")] and again.changes == ()
    gone = dataclasses.replace(SNAPSHOT, data=dataset.remove_row(SNAPSHOT.data, 2))
    assert codes(plan(request, gone, recorded=update.Recorded(first.basis, "biogpt"))) == [
        ("entry", "entry-removed")
    ]


def test_the_form_is_recognised_from_the_body() -> None:
    assert update.is_update(body("biogpt"), SNAPSHOT)
    assert not update.is_update((ROOT / "examples/new-model.md").read_text(encoding="utf-8"), SNAPSHOT)
    outcome = update.plan_request(body("biogpt", organization="微软研究院"), SNAPSHOT, NOW, LAYOUT)
    assert outcome.kind == "update"


def test_the_pull_request_shows_each_field_before_and_after_and_the_reason_defanged() -> None:
    outcome = plan(
        body("biogpt", organization="微软研究院", reason="@octocat fixes #1 see https://x.org/p#s")
    )
    text = messages.pull_body(outcome, issue=9, author="alice", labels=LABELS)
    assert "| 所在机构 / Organization | 微软 | 微软研究院 |" in text
    assert "**原来 / Before**" in text and "**修改后 / After**" in text
    assert "@<!-- -->octocat fixes #<!-- -->1" in text  # shown as written, but no mention or reference
    assert "<https://x.org/p>" in text
    assert messages.pull_title(outcome) == "更新榜单条目 BioGPT / Update BioGPT on the leaderboard"
    removal = plan(body("openbiomed-2", change=1, reason="duplicate of `openbiomed`"))
    assert "Removes **OpenBioMed** (`openbiomed-2`)" in messages.pull_body(
        removal, issue=9, author=None, labels=LABELS
    )


def test_the_repository_forms_agree_with_the_schema() -> None:
    problems, _ = pipeline.check(SNAPSHOT, NOW.date(), LAYOUT)
    assert [p for p in problems if p.code.startswith(("form-", "schema-field"))] == []
    broken = dataclasses.replace(SNAPSHOT, update_form=SNAPSHOT.update_form.replace("id: reason", "id: why"))
    found = [(p.code, p.values.get("field")) for p in pipeline.check(broken, NOW.date(), LAYOUT)[0]]
    assert ("form-field-unknown", "why") in found and ("schema-field-not-in-form", "reason") in found


answers = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30).map(str.strip)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, len(ROWS) - 1), st.dictionaries(st.sampled_from(FIELDS), answers, max_size=4))
def test_any_accepted_update_rewrites_exactly_that_row(index: int, fields: dict[str, str]) -> None:
    outcome = plan(body(ROWS[index]["id"], **fields))
    if not outcome.accepted:
        assert errors(outcome.problems)
        return
    new_rows = dataset.load_rows(outcome.changes[0].new)
    assert new_rows == [*ROWS[:index], outcome.row, *ROWS[index + 1 :]]
    assert outcome.row["id"] == ROWS[index]["id"] and outcome.row["added"] == ROWS[index]["added"]


def test_notes_after_a_field_are_left_out_but_the_reason_keeps_everything() -> None:
    text = (
        body("biogpt", organization="微软研究院\n\nEdit: 谢谢 @maintainer")
        + "\n### 备注 / Notes\n\n见论文第 3 页\n"
    )
    outcome = plan(text)
    assert outcome.accepted and outcome.row["organization"] == "微软研究院"
    assert [(p.code, p.severity) for p in outcome.problems] == [("extra-note", "warning")]
    assert "见论文第 3 页" in outcome.reason


def test_cells_pasted_from_a_spreadsheet_into_an_update_are_a_table_row() -> None:
    assert codes(plan(body("biogpt", organization="微软\t美国\t2022"))) == [
        ("organization", "text-table-row")
    ]


def test_a_factual_change_without_a_source_link_is_a_warning_not_an_error() -> None:
    outcome = plan(body("biogpt", organization="微软研究院", reason="官网上写的是微软研究院"))
    assert outcome.accepted
    [problem] = outcome.problems
    assert (problem.field, problem.code, problem.severity) == ("reason", "reason-no-source", "warning")
    assert "来源" in problem.zh and "source" in problem.en
    assert not plan(body("biogpt", organization="微软研究院")).problems  # the default reason links one
    assert not plan(body("openbiomed-2", change=1, reason="与 openbiomed 重复")).problems  # a removal

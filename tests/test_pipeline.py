"""The pure pipeline on the repository's real files."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import dataset, frontmatter, pipeline, render
from bot.files import WorkingTree
from bot.layout import Layout, Snapshot, read_snapshot
from bot.model import errors

ROOT = Path(__file__).resolve().parent.parent
LAYOUT = Layout()
NOW = dt.datetime(2026, 11, 25, 8, 0, tzinfo=dt.UTC)
EXAMPLE = (ROOT / "examples/new-model.md").read_text(encoding="utf-8")


def snapshot() -> Snapshot:
    return read_snapshot(LAYOUT, WorkingTree(ROOT))


def test_an_accepted_submission_appends_one_row_and_regenerates_the_post() -> None:
    before = snapshot()
    outcome = pipeline.plan_submission(EXAMPLE, before, NOW, LAYOUT)
    assert outcome.accepted and outcome.position == 32
    data, post = outcome.changes
    assert data.path == LAYOUT.data and data.new.startswith(before.data)
    assert (
        dataset.load_rows(data.new)[-1]
        == outcome.row
        == {
            "id": "meditron-70b",
            "name": "Meditron-70B",
            "summary": "基于Llama-2的开源医学大模型",
            "organization": "洛桑联邦理工学院（EPFL）",
            "released": "2023-11-27",
            "url": "https://github.com/epfLLM/meditron",
            "data": "-基于Llama-2-70B继续预训练 -使用[GAP-Replay](https://github.com/epfLLM/meditron)医学语料：临床指南、PubMed论文与摘要",
            "added": "2026-11-25",
        }
    )
    old_lines, new_lines = before.post.splitlines(), post.new.splitlines()
    added = [line for line in new_lines if line not in old_lines]
    assert added == [
        "lastmod = 2026-11-25T16:00:00+08:00",
        render.render_table([outcome.row], pipeline.context(before).table).splitlines()[2],
    ]
    assert frontmatter.get(frontmatter.split(post.new), "date") == frontmatter.get(
        frontmatter.split(before.post), "date"
    )


def test_the_same_submission_again_is_a_duplicate() -> None:
    first = pipeline.plan_submission(EXAMPLE, snapshot(), NOW, LAYOUT)
    s = snapshot()
    after = Snapshot(s.form, s.schema, first.changes[0].new, first.changes[1].new)
    again = pipeline.plan_submission(EXAMPLE, after, NOW, LAYOUT)
    assert not again.accepted and again.changes == ()
    assert "row 32" in again.problems[0].message


def test_render_of_unchanged_data_changes_nothing_not_even_lastmod() -> None:
    change, _warnings = pipeline.plan_render(snapshot(), NOW + dt.timedelta(days=3), LAYOUT)
    assert change is not None and not change.changed


def test_render_refuses_data_check_rejects_with_the_same_messages() -> None:
    s = snapshot()
    bad = s.data + "- organisation: 某医院\n  summary: 没有名字\n"
    broken = Snapshot(s.form, s.schema, bad, s.post)
    change, problems = pipeline.plan_render(broken, NOW, LAYOUT)
    checked, _count = pipeline.check(broken, NOW.date(), LAYOUT)
    assert change is None
    assert errors(problems) and errors(problems) == [
        p for p in errors(checked) if "out of date" not in p.message
    ]
    assert {p.row for p in errors(problems)} == {32}
    assert [(p.code, p.field) for p in errors(problems)] == [
        ("unknown-fields", None),
        ("required", "id"),
        ("required", "name"),
    ]
    assert "organisation" in errors(problems)[0].message


def test_check_passes_on_the_repository_with_the_seed_warnings() -> None:
    problems, count = pipeline.check(snapshot(), NOW.date(), LAYOUT)
    assert count == 31
    assert [p.severity for p in problems] == ["warning"] * 5
    assert [(p.row, p.field) for p in problems] == [
        (1, "organization"),
        (14, "url"),
        (15, "name"),
        (20, "url"),
        (26, "url"),
    ]


def test_check_fails_when_the_post_is_out_of_date_or_a_row_breaks_the_schema() -> None:
    s = snapshot()
    stale = Snapshot(s.form, s.schema, s.data + "- name: New\n", s.post)
    assert any("out of date" in p.message for p in pipeline.check(stale, NOW.date(), LAYOUT)[0])
    broken = Snapshot(s.form, s.schema, s.data + "- name: X\n  colour: red\n", s.post)
    assert any(p.severity == "error" and p.row == 32 for p in pipeline.check(broken, NOW.date(), LAYOUT)[0])


def test_a_free_text_issue_is_told_to_use_the_form() -> None:
    outcome = pipeline.plan_submission("Please add Foo!", snapshot(), NOW, LAYOUT)
    assert [p.code for p in outcome.problems] == ["not-a-form"]
    assert "用表单" in outcome.problems[0].zh and "with the form" in outcome.problems[0].en


def test_problems_are_in_form_order_and_name_their_field() -> None:
    body = (ROOT / "examples/invalid.md").read_text(encoding="utf-8")
    outcome = pipeline.plan_submission(body, snapshot(), NOW, LAYOUT)
    fields = [p.field for p in outcome.problems]
    assert fields == sorted(fields, key=["name", "summary", "organization", "released", "url", "data"].index)
    assert {"name", "summary", "released", "url", "data"} <= set(fields)
    assert all(p.label and " / " in p.label for p in outcome.problems)


def test_the_future_is_judged_in_the_posts_time_zone() -> None:
    body = EXAMPLE.replace("2023-11-27", "2026-11-26")
    # 2026-11-25T17:00Z is already the 26th in +08:00, the offset of the post's `date`.
    assert pipeline.plan_submission(
        body, snapshot(), dt.datetime(2026, 11, 25, 17, 0, tzinfo=dt.UTC), LAYOUT
    ).accepted
    assert not pipeline.plan_submission(
        body, snapshot(), dt.datetime(2026, 11, 25, 15, 0, tzinfo=dt.UTC), LAYOUT
    ).accepted


def test_check_fails_on_a_missing_or_repeated_id() -> None:
    s = snapshot()
    missing = Snapshot(s.form, s.schema, s.data + "- name: New\n", s.post)
    assert [
        (p.row, p.field) for p in pipeline.check(missing, NOW.date(), LAYOUT)[0] if p.severity == "error"
    ][:1] == [(32, "id")]
    repeated = Snapshot(s.form, s.schema, s.data + "- id: biogpt\n  name: Another\n", s.post)
    found = [p for p in pipeline.check(repeated, NOW.date(), LAYOUT)[0] if p.field == "id"]
    assert [(p.row, p.severity) for p in found] == [(32, "error")] and "row 3" in found[0].message


def test_a_new_row_gets_a_fresh_id_and_the_day_it_was_accepted() -> None:
    body = EXAMPLE.replace("Meditron-70B", "BioGPT 2").replace("epfLLM/meditron", "x/y")
    outcome = pipeline.plan_submission(body, snapshot(), NOW, LAYOUT)
    assert outcome.accepted and outcome.row["id"] == "biogpt-2" and outcome.row["added"] == "2026-11-25"
    taken = Snapshot(
        snapshot().form,
        snapshot().schema,
        snapshot().data + "- id: biogpt-2\n  name: Other\n",
        snapshot().post,
    )
    assert pipeline.plan_submission(body, taken, NOW, LAYOUT).row["id"] == "biogpt-2-2"


def test_a_bom_and_crlf_data_file_and_post_keep_their_convention_and_lastmod_moves() -> None:
    """The issue's report: with a BOM, lastmod was silently not bumped. Both files also stay CRLF."""
    s = snapshot()
    crlf = replace(
        s, data="\ufeff" + s.data.replace("\n", "\r\n"), post="\ufeff" + s.post.replace("\n", "\r\n")
    )
    outcome = pipeline.plan_submission(EXAMPLE, crlf, NOW, LAYOUT)
    lf = pipeline.plan_submission(EXAMPLE, s, NOW, LAYOUT)
    assert outcome.accepted and outcome.row == lf.row
    for change, plain in zip(outcome.changes, lf.changes, strict=True):
        assert change.new.startswith("\ufeff") and change.new.count("\n") == change.new.count("\r\n")
        assert change.new == "\ufeff" + plain.new.replace("\n", "\r\n")
    assert "lastmod = 2026-11-25T16:00:00+08:00\r\n" in outcome.changes[1].new
    after = replace(s, data=outcome.changes[0].new, post=outcome.changes[1].new)
    assert pipeline.check(after, NOW.date(), LAYOUT)[1] == 32


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_body_for_either_form_is_accepted_or_answered_in_both_languages(data: st.DataObject) -> None:
    from form_bodies import bodies

    from bot import update
    from bot.form import parse_form

    snap = snapshot()
    form = parse_form(data.draw(st.sampled_from([snap.form, snap.update_form or snap.form])))
    outcome = update.plan_request(data.draw(bodies(form)), snap, NOW, LAYOUT)
    assert all(p.zh and p.en for p in outcome.problems)
    assert outcome.accepted == bool(outcome.changes)
    if outcome.accepted:
        assert dataset.load_rows(outcome.changes[0].new) != dataset.load_rows(snap.data)

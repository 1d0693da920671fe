"""The pure pipeline on the repository's real files."""

from __future__ import annotations

import datetime as dt
import json
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


def test_check_and_render_refuse_unquoted_values_that_hugo_would_publish_as_another_text() -> None:
    """The bot reads `1.10` as text; Hugo, which builds the page's JSON, CSV and feed, reads it as the
    number 1.1 (and `0123` as 83, `~` as nothing). A hand-written row like that is an error naming
    the row, field and line, with the quoted spelling to write; values Hugo reads as written are not."""
    s = snapshot()
    rows = "- id: quirks\n  name: 1.10\n  summary: ~\n  organization: 0123\n  released: 2023\n- id: fine\n  name: true\n  released: 2023-04\n  summary: 7B\n"
    data = s.data + rows
    post = render.replace_table(
        s.post, render.render_table(dataset.load_rows(data), pipeline.context(s).table)
    )
    typed = Snapshot(s.form, s.schema, data, post)
    problems, _count = pipeline.check(typed, NOW.date(), LAYOUT)
    found = [(p.row, p.field, p.severity) for p in problems if p.code == "data-typed"]
    assert found == [(32, "name", "error"), (32, "summary", "error"), (32, "organization", "error")]
    first = next(p for p in problems if p.code == "data-typed")
    line = s.data.count("\n") + 2
    assert f"`name: 1.10` (line {line})" in first.en and "`name: '1.10'`" in first.en and "数字" in first.zh
    change, refused = pipeline.plan_render(typed, NOW, LAYOUT)
    assert change is None and [p.code for p in errors(refused)] == ["data-typed"] * 3
    quoted = Snapshot(
        s.form, s.schema, data.replace("1.10", "'1.10'").replace("~", "'~'").replace("0123", "'0123'"), post
    )
    assert not [p for p in pipeline.check(quoted, NOW.date(), LAYOUT)[0] if p.code == "data-typed"]


def with_new_columns(s: Snapshot) -> Snapshot:
    """The repository as a maintainer leaves it after adding three fields: `params` (text), `paper` (an
    address) and `trained` (a date), each in the schema, both forms and a column of `x-table`."""
    schema = json.loads(s.schema)
    properties = list(schema["properties"].items())
    at = [k for k, _ in properties].index("url")
    properties[at:at] = [
        ("params", {"description": "参数量 / Parameters", "type": "string", "maxLength": 40}),
        ("paper", {"description": "论文 / Paper", "type": "string", "format": "uri", "maxLength": 500}),
        (
            "trained",
            {"description": "训练时间 / Trained", "type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}){0,2}$"},
        ),
    ]
    schema["properties"] = dict(properties)
    schema["x-table"]["columns"][3:3] = [
        {"header": "参数量", "fields": ["params"]},
        {"header": "论文", "fields": ["paper"], "format": "url"},
        {"header": "训练时间", "fields": ["trained"], "format": "date"},
    ]
    fields = "".join(
        f"  - type: input\n    id: {f}\n    attributes:\n      label: {label}\n    validations:\n      required: false\n"
        for f, label in (
            ("params", "参数量 / Parameters"),
            ("paper", "论文 / Paper"),
            ("trained", "训练时间 / Trained"),
        )
    )
    anchor = "  - type: input\n    id: url\n"
    return replace(
        s,
        schema=json.dumps(schema, ensure_ascii=False, indent=2),
        form=s.form.replace(anchor, fields + anchor),
        update_form=s.update_form.replace(anchor, fields + anchor),
    )


def test_a_new_column_gets_the_review_rules_of_its_declared_format() -> None:
    """Adding a field needs no Python edit, and no rule is lost: a text column's field is refused HTML,
    template syntax and invisible characters like `summary`; an address column's like `url` (and its
    host lowercased); a date column's is read and stored like `released`."""
    s = with_new_columns(snapshot())
    assert not errors(pipeline.check(s, NOW.date(), LAYOUT)[0][:-1])  # the post only needs `render`
    extra = (
        "### 参数量 / Parameters\n\n<b>70B</b> {{.Site}} 7\u200bB\n\n"
        "### 论文 / Paper\n\nhttps://arxiv.org/abs/2311.16079).\n\n"
        "### 训练时间 / Trained\n\n2023年13月\n\n"
    )
    body = EXAMPLE.replace("### 开源地址", extra + "### 开源地址")
    outcome = pipeline.plan_submission(body, s, NOW, LAYOUT)
    found = {(p.field, p.code) for p in outcome.problems}
    assert {("params", "text-html"), ("params", "text-template"), ("params", "text-invisible")} <= found
    assert ("paper", "url-parens") in found and any(f == "trained" for f, _ in found)
    fine = (
        "### 参数量 / Parameters\n\n70B\n\n### 论文 / Paper\n\nhttps://ArXiv.org/abs/2311.16079\n\n"
        "### 训练时间 / Trained\n\n2023年8月\n\n"
    )
    accepted = pipeline.plan_submission(
        EXAMPLE.replace("### 开源地址", fine + "### 开源地址"), s, NOW, LAYOUT
    )
    assert accepted.accepted, accepted.problems
    assert {k: accepted.row[k] for k in ("params", "paper", "trained")} == {
        "params": "70B",
        "paper": "https://arxiv.org/abs/2311.16079",
        "trained": "2023-08",
    }
    stored = replace(
        s, data=s.data + "- id: hand\n  name: Hand\n  params: <i>x</i>\n  paper: https://x.org/a).\n"
    )
    warned = {(p.row, p.field, p.code, p.severity) for p in pipeline.check(stored, NOW.date(), LAYOUT)[0]}
    assert {(32, "params", "text-html", "warning"), (32, "paper", "url-parens", "warning")} <= warned


def test_an_update_request_gets_the_rules_of_the_declared_formats_too() -> None:
    from bot import update

    s = with_new_columns(snapshot())
    body = (ROOT / "examples/update-model.md").read_text(encoding="utf-8")
    body = body.replace(
        "### 开源地址",
        "### 参数量 / Parameters\n\n<script>x</script>\n\n### 论文 / Paper\n\nHTTPS://X.ORG/p\n\n### 开源地址",
    )
    outcome = update.plan_update(body, s, NOW, LAYOUT)
    assert ("params", "text-html") in {(p.field, p.code) for p in outcome.problems}
    fixed = update.plan_update(body.replace("<script>x</script>", "1.6B"), s, NOW, LAYOUT)
    assert fixed.accepted and fixed.row["paper"] == "https://x.org/p" and fixed.row["params"] == "1.6B"


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

"""The pure pipeline: an issue body and the repository's files in, a decision and new file texts out.

No clock, network or filesystem here: `now` and the files are passed in, so every outcome can be
reproduced, and the same code serves the local CLI and the GitHub Action.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from bot import (
    body_review,
    columns,
    dataset,
    dates,
    duplicates,
    frontmatter,
    ids,
    inline,
    issue_body,
    render,
    validate,
)
from bot.form import UPDATE, Form, parse_form, schema_agreement
from bot.layout import Layout, Snapshot
from bot.model import BotError, FileChange, Problem, Row, errors, quote


@dataclass(frozen=True)
class Links:
    """Where contributors are sent: the update form, prefilled with an entry (GitHub issue forms take
    field ids as query parameters). Without a repository URL (local runs), the form's file path."""

    repository_url: str | None = None
    update_form: str = Layout().update_form

    def update(self, entry_id: str) -> str:
        if self.repository_url is None:
            return f"{self.update_form} (entry: {entry_id})"
        return f"{self.form(self.update_form)}&entry={entry_id}"

    def form(self, path: str) -> str:
        """Where to open a new issue with the form at `path` (its file path, locally)."""
        if self.repository_url is None:
            return path
        return f"{self.repository_url}/issues/new?template={path.rsplit('/', 1)[-1]}"


LOCAL = Links()
"""Links for local runs: no repository URL, the form's path."""


@dataclass(frozen=True)
class Context:
    """The parsed, shared inputs of every command."""

    form: Form
    update_form: Form | None
    schema: dict[str, Any]
    rows: list[Row]
    table: columns.Table
    """The columns declared in the schema's `x-table`."""
    links: Links = LOCAL
    typed: tuple[dataset.Typed, ...] = ()
    """Unquoted values of the data file that Hugo would read as numbers, true/false or nothing."""

    @property
    def labels(self) -> dict[str, str]:
        return self.form.labels


def load_schema(text: str) -> dict[str, Any]:
    try:
        return validate.load_schema(text)
    except Exception as exc:
        raise BotError("schema-invalid", detail=str(exc).splitlines()[0]) from None


def context(snapshot: Snapshot, links: Links = LOCAL) -> Context:
    schema = load_schema(snapshot.schema)
    update_form = parse_form(snapshot.update_form) if snapshot.update_form else None
    rows = dataset.load_rows(snapshot.data)
    typed = dataset.typed_values(snapshot.data)
    return Context(parse_form(snapshot.form), update_form, schema, rows, columns.load(schema), links, typed)


Kind = Literal["add", "update", "remove"]


@dataclass(frozen=True)
class Outcome:
    """What a request leads to: accepted with changes, or rejected with problems."""

    row: Row
    """The new row (add), the row after the change (update), the row taken out (remove)."""
    problems: list[Problem]
    changes: tuple[FileChange, ...] = ()
    position: int | None = None
    """1-based row number of the row in the data file, when accepted."""
    kind: Kind = "add"
    before: Row | None = None
    """The row as it was, for updates and removals."""
    reason: str = ""
    basis: dict[str, str] = field(default_factory=dict)
    """Update and removal: the entry's values of every field a request may change, as they were when it
    was planned (what the contributor is shown). A later rebuild compares the fields the request
    changes (a removal: all) with the data then: a change merged meanwhile is not silently overwritten."""
    table: columns.Table | None = None
    """The declared columns, for previews of the rows (accepted outcomes have them)."""

    @property
    def accepted(self) -> bool:
        return not errors(self.problems)

    def preview(self, row: Row | None = None) -> str:
        """The table's header and `row` (the outcome's own by default) as the post will show them."""
        if self.table is None:
            return ""
        return render.render_table([self.row if row is None else row], self.table)

    @property
    def identity(self) -> str:
        """The change, apart from when it was made: same identity on the same base, same commit."""
        row = {k: v for k, v in self.row.items() if k not in STAMPS}
        return json.dumps({"kind": self.kind, "row": row}, sort_keys=True, ensure_ascii=False)


def answer_text(raw: issue_body.Value) -> str:
    """An answer as one line of text (dropdown choices joined)."""
    text = ", ".join(raw) if isinstance(raw, list) else raw if isinstance(raw, str) else ""
    return inline.fold(text)


def _normalized(
    field_id: str, text: str, label: str, formats: Mapping[str, str]
) -> tuple[str | None, list[Problem]]:
    """A field's answer as stored, by its column's declared format: URLs with a lowercase host, dates
    normalized (2023年8月 → 2023-08), text as it is."""
    format = formats.get(field_id, "text")
    if format == "url":
        return validate.normalize_url(text), []
    if format == "date":
        try:
            return dates.parse(text).stored(), []
        except dates.DateError as exc:
            return None, [Problem(exc.code, exc.values, field=field_id, label=label)]
    return text, []


def _pasted(raw: issue_body.Value, text: str, field_id: str, label: str) -> list[Problem]:
    """A row of cells pasted from a spreadsheet into one answer (seen before its tabs become spaces)."""
    if isinstance(raw, str) and validate.pasted_cells(raw):
        return [Problem("text-table-row", {"value": quote(text)}, field=field_id, label=label)]
    return []


def read_answers(
    values: Mapping[str, issue_body.Value],
    fields: Iterable[tuple[str, str]],
    formats: Mapping[str, str],
    clear: Callable[[str], bool] | None = None,
) -> tuple[dict[str, str | None], list[Problem]]:
    """The answers to `fields` (id, label) as stored: text trimmed and folded onto one line, URLs and
    dates normalized by each field's declared format (`formats`: columns.Table.formats). Fields left
    empty are absent; an answer that `clear` accepts is None (the field is to be cleared)."""
    answers: dict[str, str | None] = {}
    problems: list[Problem] = []
    for field_id, label in fields:
        raw = values.get(field_id, "")
        text = answer_text(raw)
        if not text:
            continue
        problems += _pasted(raw, text, field_id, label)
        if clear is not None and clear(text):
            answers[field_id] = None
            continue
        value, more = _normalized(field_id, text, label, formats)
        problems += more
        if value is not None:
            answers[field_id] = value
    return answers, problems


def row_from_answers(
    values: dict[str, issue_body.Value], form: Form, formats: Mapping[str, str]
) -> tuple[Row, list[Problem]]:
    """Form answers → a row (see `read_answers`)."""
    answers, problems = read_answers(values, ((f.id, f.label) for f in form.fields), formats)
    return {k: v for k, v in answers.items() if v is not None}, problems


def read_body(body: str, form: Form) -> tuple[issue_body.ParsedBody, list[Problem]]:
    """The body read with `form`, and what is wrong with its headings: a label given twice, or none of
    the form's labels at all (NOT_A_FORM, and then nothing else is worth saying)."""
    parsed = issue_body.parse_body(body, form)
    if not parsed.present:
        return parsed, [Problem(NOT_A_FORM)]
    return parsed, [Problem("label-repeated", {"label": label}, label=label) for label in parsed.repeated]


NOT_A_FORM = "not-a-form"


def ordered(problems: list[Problem], form: Form) -> list[Problem]:
    """Problems in the order of the form's fields (those of no field first), as the contributor reads it."""
    order = [f.id for f in form.fields]
    return sorted(problems, key=lambda p: order.index(p.field) if p.field in order else -1)


def local_today(post_text: str, now: dt.datetime) -> dt.date:
    """Today where the post lives (the UTC offset of its `date`): the day “not in the future” is judged by."""
    return frontmatter.in_zone_of_date(frontmatter.split(post_text), now).date()


def review_submission(body: str, ctx: Context, today: dt.date) -> tuple[Row, list[Problem]]:
    """Parse and check an issue body against the form, the schema, the rules and the stored rows."""
    parsed, problems = read_body(body, ctx.form)
    if not parsed.present:
        return {}, problems
    problems += body_review.problems(parsed, ctx.form)
    answers, more = row_from_answers(parsed.answers, ctx.form, ctx.table.formats)
    problems += more
    taken = {r["id"] for r in ctx.rows if "id" in r}
    row = {"id": ids.derive(answers.get("name", ""), taken), **answers, "added": today.isoformat()}
    flagged = {p.field for p in problems if p.field is not None}
    checked = validate.check_row(row, schema=ctx.schema, labels=ctx.labels, today=today, table=ctx.table)
    problems += [p for p in checked if p.field not in flagged]
    problems += duplicates.find_duplicate(row, ctx.rows, ctx.labels, ctx.links)
    return row, ordered(problems, ctx.form)


def plan_submission(
    body: str, snapshot: Snapshot, now: dt.datetime, layout: Layout, links: Links = LOCAL
) -> Outcome:
    """Accept or reject a submission; when accepted, the new data file and post."""
    ctx = context(snapshot, links)
    row, problems = review_submission(body, ctx, local_today(snapshot.post, now))
    if errors(problems):
        return Outcome(row=row, problems=problems)
    data = dataset.append_row(snapshot.data, row, order=ctx.table.field_order)
    rows = [*ctx.rows, row]
    changes = file_changes(snapshot, layout, data, rows, ctx.table, now)
    return Outcome(row=row, problems=problems, changes=changes, position=len(rows), table=ctx.table)


def file_changes(
    snapshot: Snapshot, layout: Layout, data: str, rows: list[Row], table: columns.Table, now: dt.datetime
) -> tuple[FileChange, ...]:
    """What a request changes: the data file's new text `data`, and the post regenerated from `rows`
    (the rows `data` holds)."""
    post = regenerate(snapshot.post, rows, table, now)
    return (FileChange(layout.data, snapshot.data, data), FileChange(layout.post, snapshot.post, post))


STAMPS = ("added", "updated")
"""Row fields that record when the bot made a change, like `lastmod` for the post."""


def regenerate(post_text: str, rows: list[Row], declared: columns.Table, now: dt.datetime) -> str:
    """The post with the table rendered from `rows`; `lastmod` moves only if the table changed."""
    post = frontmatter.split(post_text)
    table = render.render_table(rows, declared)
    if render.in_sync(post.body, table):
        return post_text
    body = render.replace_table(post.body, table)
    return frontmatter.touch(frontmatter.join(replace(post, body=body)), now)


def plan_render(
    snapshot: Snapshot, now: dt.datetime, layout: Layout
) -> tuple[FileChange | None, list[Problem]]:
    """The regenerated post, or None and the errors when `check` would reject the data."""
    ctx = context(snapshot)
    problems = check_data(ctx, now.date(), layout)
    if errors(problems):
        return None, problems
    return FileChange(
        layout.post, snapshot.post, regenerate(snapshot.post, ctx.rows, ctx.table, now)
    ), problems


def check_data(ctx: Context, today: dt.date, layout: Layout) -> list[Problem]:
    """Problems of the data, the form and the schema (everything `check` reports but the post)."""
    problems = schema_agreement(ctx.form, ctx.schema, form_path=layout.form, schema_path=layout.schema)
    if ctx.update_form is not None:
        problems += schema_agreement(
            ctx.update_form, ctx.schema, kind=UPDATE, form_path=layout.update_form, schema_path=layout.schema
        )
    problems += columns.problems(ctx.table, ctx.schema, schema_path=layout.schema)
    validator = validate.validator_for(ctx.schema)
    for number, row in enumerate(ctx.rows, start=1):
        problems += validate.check_row(
            row,
            schema=ctx.schema,
            labels=ctx.labels,
            today=today,
            strict=False,
            number=number,
            validator=validator,
            table=ctx.table,
        )
    problems += duplicates.stored_problems(ctx.rows, ctx.labels)
    problems += id_problems(ctx.rows)
    problems += typed_problems(ctx.typed, ctx.labels)
    return problems


def typed_problems(typed: tuple[dataset.Typed, ...], labels: dict[str, str]) -> list[Problem]:
    """Unquoted values Hugo reads typed: the page's JSON, CSV and feed would publish another text (an
    error, like a stale post: the published data would not be the data)."""
    return [
        Problem(
            "data-typed",
            {"field": t.field, "value": t.value, "line": t.line, "kind": t.kind},
            field=t.field,
            label=labels.get(t.field, t.field),
            row=t.row,
        )
        for t in typed
    ]


def check(snapshot: Snapshot, today: dt.date, layout: Layout) -> tuple[list[Problem], int]:
    """Everything `python -m bot check` reports (errors fail it, warnings do not), and the row count."""
    ctx = context(snapshot)
    problems = check_data(ctx, today, layout)
    post = frontmatter.split(snapshot.post)
    try:
        in_sync = render.in_sync(post.body, render.render_table(ctx.rows, ctx.table))
    except BotError as exc:
        problems.append(Problem(exc.code, exc.values))
    else:
        if not in_sync:
            problems.append(Problem("post-stale", {"post": layout.post, "data": layout.data}))
    return problems, len(ctx.rows)


def id_problems(rows: list[Row]) -> list[Problem]:
    """Stored rows: every id once (a missing one is a schema error already)."""
    first: dict[str, int] = {}
    problems = []
    for number, row in enumerate(rows, start=1):
        entry_id = row.get("id")
        if entry_id is None:
            continue
        if entry_id in first:
            values = {"id": quote(entry_id), "row": first[entry_id]}
            problems.append(Problem("id-repeated", values, "id", row=number))
        first.setdefault(entry_id, number)
    return problems

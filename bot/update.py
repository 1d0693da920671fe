"""Update and remove requests (the second issue form): which entry, what changes, and why.

An update changes the entry field by field: an empty answer keeps a field, a single `-` clears it.
The changed fields are held to the same rules as a new submission (renaming onto another entry's name
is a duplicate); fields the request does not touch are left alone, even if hand-written history would
not pass today's rules. A removal takes the row out. Either way the entry keeps its id, and only the
lines of that row change in the data file.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

from bot import body_review, dataset, duplicates, ids, inline, issue_body, validate
from bot.form import Form, managed_fields, parse_form
from bot.layout import Layout, Snapshot
from bot.model import Problem, Row, errors, quote
from bot.pipeline import (
    LOCAL,
    Context,
    Links,
    Outcome,
    answer_text,
    context,
    file_changes,
    local_today,
    ordered,
    plan_submission,
    read_answers,
    read_body,
)

CLEAR = "-"
"""The answer that clears an optional field (a lone dash of any width or length: `－`, `—` too)."""
Change = Literal["update", "remove"]
_ID_IN_TEXT = re.compile(rf"#({ids.SHAPE})\s*$")
"""An id at the end of a link into the page (`…/#biogpt`)."""


@dataclass(frozen=True)
class Request:
    entry: str
    change: Change | None
    fields: dict[str, str | None]
    """Field id → the new text, or None to clear it; fields left empty are absent."""
    reason: str


@dataclass(frozen=True)
class Recorded:
    """What an earlier plan of the same request recorded (its basis), and what happened since."""

    fields: Mapping[str, str]
    """The entry's values as that plan saw them (Outcome.basis): what the contributor was shown."""
    entry: str | None = None
    """The id of the entry that plan applied to."""
    edited: bool = False
    """The issue body changed since: the entry is looked up afresh instead of being held to `entry`."""
    confirmed: Mapping[str, str] = field(default_factory=dict)
    """Field → value: a conflict the contributor was shown with the field at that value, and then edited
    the issue (the confirmation)."""


CONFLICTS = frozenset({"update-conflict", "remove-conflict"})
"""The codes of problems that are a change merged meanwhile, which the contributor confirms by editing."""


def read_request(
    values: Mapping[str, issue_body.Value], form: Form, editable: list[str], formats: Mapping[str, str]
) -> tuple[Request, list[Problem]]:
    """The answers of the update form, normalized like a submission's (by each field's declared format)."""
    labels = form.labels
    asked = ((f, labels.get(f, f)) for f in editable)
    fields, problems = read_answers(values, asked, formats, clear=is_clear)
    choice = answer_text(values.get("change", ""))
    options = next((f.options for f in form.fields if f.id == "change"), ())
    change: Change | None = None
    if choice in options[:2]:
        change = "update" if choice == options[0] else "remove"
    else:
        shown = "、".join(f"“{o}”" for o in options[:2])
        value = quote(choice) if choice else "—"
        problems.append(
            Problem("change-unknown", {"value": value, "options": shown}, "change", labels.get("change"))
        )
    entry = answer_text(values.get("entry", ""))
    reason = issue_body_text(values.get("reason", ""))
    for field_id, text in (("entry", entry), ("reason", reason)):
        if not text:
            problems.append(Problem("required", {}, field_id, labels.get(field_id)))
    return Request(entry, change, fields, reason), problems


def is_clear(text: str) -> bool:
    """Whether an answer is the clear token: one dash, as typed in any input method (`－` full width, `—`)."""
    return text == CLEAR or (len(text) == 1 and unicodedata.category(text) == "Pd")


def issue_body_text(raw: issue_body.Value) -> str:
    return raw.strip() if isinstance(raw, str) else ""


def find_entry(entry: str, rows: list[Row], label: str | None) -> tuple[int | None, list[Problem]]:
    """The 0-based index of the entry named by id (also `…/#id`) or by its name as listed.

    An id as written wins; then names (a name shared by several entries asks for the id, even when it
    also reads as an id in another case: `OpenBioMed` is the name of two entries, not the id `openbiomed`);
    then an id in another case (`…/#BioGPT`)."""
    text = inline.plain(entry).strip().strip("`").strip()
    linked = _ID_IN_TEXT.search(text.casefold())
    by_id = {row.get("id"): index for index, row in enumerate(rows)}
    for candidate in (text, text[linked.start(1) :].rstrip() if linked else None):
        if candidate and candidate in by_id:
            return by_id[candidate], []
    same = [i for i, row in enumerate(rows) if duplicates.same_model(text, row)] if text else []
    if len(same) == 1:
        return same[0], []
    if same:
        ids = ", ".join(f"`{rows[i].get('id', '')}`" for i in same)
        return None, [Problem("entry-ambiguous", {"entry": quote(text), "ids": ids}, "entry", label)]
    for candidate in (text.casefold(), linked.group(1) if linked else None):
        if candidate and candidate in by_id:
            return by_id[candidate], []
    near = duplicates.closest(text, rows)
    if not near:
        return None, [Problem("entry-unknown-none", {"entry": quote(text or "—")}, "entry", label)]
    suggestions = ", ".join(f"{quote(inline.plain(r.get('name', '')))} (`{r.get('id', '')}`)" for r in near)
    return None, [
        Problem("entry-unknown", {"entry": quote(text), "suggestions": suggestions}, "entry", label)
    ]


def plan_update(
    body: str,
    snapshot: Snapshot,
    now: dt.datetime,
    layout: Layout,
    *,
    links: Links = LOCAL,
    recorded: Recorded | None = None,
) -> Outcome:
    """Accept or reject an update or removal request; when accepted, the new data file and post.

    `recorded` is the basis of an earlier plan of the same request: while the body is the same, the
    request stays with the entry it was applied to (gone: an error, never another entry that now has
    that name); a field it changes (a removal: any field) whose value moved since then is a conflict to
    confirm, not a silent overwrite, unless the contributor confirmed that value."""
    ctx = context(snapshot, links)
    assert ctx.update_form is not None, "plan_update needs the update form"
    form = ctx.update_form
    parsed, problems = read_body(body, form)
    if not parsed.present:
        return Outcome(row={}, problems=problems)
    # Fields take only their own answers (as in a submission); the reason keeps everything GitHub reads
    # into it, notes and extra sections included: it is never published, only quoted in the pull request.
    problems += [p for p in body_review.problems(parsed, form) if not _in_reason(p, parsed)]
    answers = {**parsed.answers, "reason": parsed.values.get("reason", "")}
    request, more = read_request(answers, form, _editable(ctx), ctx.table.formats)
    problems += more
    pinned = recorded.entry if recorded is not None and not recorded.edited else None
    index, more = _resolve(request.entry, ctx.rows, form.labels.get("entry"), pinned)
    problems += more
    if index is None or request.change is None or errors(problems):
        return Outcome(row={}, problems=ordered(problems, form), reason=request.reason)
    before = ctx.rows[index]
    if recorded is not None and recorded.entry not in (None, before.get("id")):
        recorded = None  # an edit named another entry: what was recorded was about that one
    if request.change == "remove":
        return _removal(ctx, snapshot, now, layout, index, request, problems, form, recorded)
    today = local_today(snapshot.post, now)
    after, basis, more = _updated(ctx, before, request, form, today, recorded)
    problems += more
    outcome = Outcome(
        row=after,
        problems=ordered(problems, form),
        position=index + 1,
        kind="update",
        before=before,
        reason=request.reason,
        basis=basis,
    )
    if errors(problems):
        return outcome
    rows = [*ctx.rows[:index], after, *ctx.rows[index + 1 :]]
    data = dataset.replace_row(snapshot.data, index, after, order=ctx.table.field_order)
    return replace(
        outcome, changes=file_changes(snapshot, layout, data, rows, ctx.table, now), table=ctx.table
    )


def _resolve(
    text: str, rows: list[Row], label: str | None, pinned: str | None
) -> tuple[int | None, list[Problem]]:
    """The entry a request names; the `pinned` id when an earlier plan of the same body applied to it."""
    if pinned is None:
        return find_entry(text, rows, label) if text else (None, [])
    index = next((i for i, row in enumerate(rows) if row.get("id") == pinned), None)
    if index is None:
        return None, [Problem("entry-removed", {"entry": f"`{pinned}`"}, "entry", label)]
    return index, []


def _basis(ctx: Context, row: Row) -> dict[str, str]:
    """The entry's values the request is checked against later: every field a request may change."""
    return {f: row.get(f, "") for f in _editable(ctx)}


def _conflicts(
    fields: list[str], before: Row, recorded: Recorded | None, after: Row | None, labels: Mapping[str, str]
) -> list[Problem]:
    """Fields among `fields` changed since `recorded` and not confirmed since (after None: a removal)."""
    if recorded is None:
        return []
    problems = []
    for f in fields:
        now = before.get(f, "")
        if f not in recorded.fields or recorded.fields[f] == now or recorded.confirmed.get(f) == now:
            continue
        values = {"was": _shown(recorded.fields[f]), "now": _shown(now)}
        if after is None:
            problems.append(Problem("remove-conflict", values, f, labels.get(f)))
        else:
            values["wanted"] = _shown(after.get(f, ""))
            problems.append(Problem("update-conflict", values, f, labels.get(f)))
    return problems


def _in_reason(problem: Problem, parsed: issue_body.ParsedBody) -> bool:
    """Whether a body-review warning is about text that follows the reason (and so stays in it)."""
    return problem.severity == "warning" and any(
        extra.after == "reason" and quote(extra.text) in problem.values.values() for extra in parsed.extra
    )


def _editable(ctx: Context) -> list[str]:
    """The row fields a request may change: the schema's, less those the bot manages."""
    managed = set(managed_fields(ctx.schema))
    return [p for p in ctx.schema.get("properties", {}) if p not in managed]


def _updated(
    ctx: Context,
    before: Row,
    request: Request,
    form: Form,
    today: dt.date,
    recorded: Recorded | None,
) -> tuple[Row, dict[str, str], list[Problem]]:
    labels = form.labels
    problems: list[Problem] = []
    after = dict(before)
    for field_id, value in request.fields.items():
        if value is None:
            if field_id in ctx.schema.get("required", []):
                problems.append(Problem("clear-required", {}, field_id, labels.get(field_id)))
            else:
                after.pop(field_id, None)
        else:
            after[field_id] = value
    changed = [f for f in request.fields if after.get(f) != before.get(f)]
    if not request.fields:
        problems.append(Problem("update-nothing"))
    elif not changed and not problems:
        problems.append(Problem("update-no-change"))
    problems += _conflicts(changed, before, recorded, after, labels)
    if changed:
        after["updated"] = today.isoformat()
    checked = validate.check_row(after, schema=ctx.schema, labels=labels, today=today, table=ctx.table)
    problems += [p for p in checked if p.field in changed or p.field not in after or p.code in _SCHEMA_WIDE]
    if any(f == "name" or ctx.table.formats.get(f) == "url" for f in changed):  # what duplicates compare
        dups = duplicates.find_duplicate(after, ctx.rows, labels, ctx.links, own=before)
        problems += [p for p in dups if p.field in changed]
    if changed and request.reason and not _SOURCE.search(request.reason):
        problems.append(Problem("reason-no-source", {}, "reason", labels.get("reason"), "warning"))
    return after, _basis(ctx, before), problems


_SOURCE = re.compile(r"https?://\S")
"""A link in the reason: the form asks for a source for factual changes (a maintainer may ask for one)."""


_SCHEMA_WIDE = frozenset({"unknown-fields", "required"})


def _shown(value: str) -> str:
    return quote(inline.plain(value)) if value else "—"


def _removal(
    ctx: Context,
    snapshot: Snapshot,
    now: dt.datetime,
    layout: Layout,
    index: int,
    request: Request,
    problems: list[Problem],
    form: Form,
    recorded: Recorded | None,
) -> Outcome:
    """Take the row out; a field changed since the removal was recorded is a conflict to confirm."""
    before = ctx.rows[index]
    if request.fields:
        shown = ", ".join(form.labels.get(f, f) for f in request.fields)
        problems = [*problems, Problem("remove-ignores-fields", {"fields": shown}, severity="warning")]
    problems = [*problems, *_conflicts(_editable(ctx), before, recorded, None, form.labels)]
    outcome = Outcome(
        row=before,
        problems=ordered(problems, form),
        position=index + 1,
        kind="remove",
        before=before,
        reason=request.reason,
        basis=_basis(ctx, before),
    )
    if errors(problems):
        return outcome
    rows = [*ctx.rows[:index], *ctx.rows[index + 1 :]]
    data = dataset.remove_row(snapshot.data, index)
    return replace(
        outcome, changes=file_changes(snapshot, layout, data, rows, ctx.table, now), table=ctx.table
    )


def is_update(body: str, snapshot: Snapshot) -> bool:
    """Whether a body was written with the update form (its own `entry` or `change` heading is there)."""
    if not snapshot.update_form:
        return False
    present = issue_body.parse_body(body, parse_form(snapshot.update_form)).present
    return "entry" in present or "change" in present


def plan_request(
    body: str,
    snapshot: Snapshot,
    now: dt.datetime,
    layout: Layout,
    *,
    links: Links = LOCAL,
    recorded: Recorded | None = None,
) -> Outcome:
    """Whichever form the body was written with: a new submission, or an update or removal."""
    if is_update(body, snapshot):
        return plan_update(body, snapshot, now, layout, links=links, recorded=recorded)
    return plan_submission(body, snapshot, now, layout, links)

"""Texts the bot writes on GitHub: its issue comment and its section of the pull request description
(jinja2), titles and commit messages, the job's annotations and summary lines (`notice`, from the
catalog); contributor text in them defanged (`defang`); and the hidden parts it reads back: its
section's markers (with the digest of the title it gave) and the basis an update was checked against."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bot import catalog, inline, render
from bot.github_submission import FORM_LABELS, normalized
from bot.model import Problem, Row, Verbatim
from bot.pipeline import Outcome

COMMENT_MARKER = "<!-- leaderboard-bot:comment -->"
SECTION_START = "<!-- leaderboard-bot:start -->"
SECTION_END = re.compile(r"<!-- leaderboard-bot:end(?: title=([0-9a-f]{16}))? -->")
"""The bot owns the part of a pull request's description between these markers; the end marker carries
a digest of the title the bot last gave the pull request, so a title a maintainer changed is left alone."""


MAX_BODY = 60_000
"""GitHub refuses comment and pull request bodies over 65,536 characters."""
_NOT_IN_TITLES = re.compile(r"[^\w\s.+\-()（）·]")
_GH_REFERENCE = re.compile(r"(?<!\w)([Gg][Hh])-(?=\d)")


def _render(template: str, reserve: int = 0, **values: Any) -> str:
    """A template's text, cut to fit GitHub's limit with `reserve` characters to spare."""
    body = render.template(template).render(**values).strip() + "\n"
    limit = MAX_BODY - reserve
    return body if len(body) <= limit else body[: limit - 2] + "…\n"


def defang(markdown: str) -> str:
    """Contributor text shown on GitHub: no @mentions (notifications) and no `#123`, `GH-123` or
    `fixes #1` references (cross-links, closing keywords). GitHub finds those in the rendered text,
    after backslash escapes and character references are resolved (`\\@x` and `&#64;x` still mention
    x), so an empty HTML comment goes after the `@`, `#` or `GH-`: it splits the text GitHub scans and
    renders as nothing. Link destinations and bare URLs are left as they are (GitHub scans no link)."""
    out, start = [], 0
    for url in _URL_SPAN.finditer(markdown):
        out += [_REFERENCE.sub(_broken, markdown[start : url.start()]), url.group(0)]
        start = url.end()
    return "".join([*out, _REFERENCE.sub(_broken, markdown[start:])])


_URL_SPAN = re.compile(r"(?<!\\)(?:\\\\)*\]\([^)\s]*\)|(?<![\w\\])(?:https?|ftp)://[^\s|<>]*")
"""A link's destination (`inline.link_destination` leaves no space or parenthesis in it; the `]` before
it not escaped: an even run of backslashes) or a bare URL."""
_REFERENCE = re.compile(r"\\?@|#|(?<!\w)[Gg][Hh]-(?=\d)")


def _broken(m: re.Match[str]) -> str:
    return m.group(0).lstrip("\\") + "<!-- -->"


def _shown_values(problem: Problem) -> dict[str, object]:
    return {
        k: v if isinstance(v, Verbatim | int) and not isinstance(v, bool) else defang(inline.escape(str(v)))
        for k, v in problem.values.items()
    }


@dataclass(frozen=True)
class Shown:
    """A problem as a GitHub comment shows it: both languages, contributor text escaped and defanged."""

    message: str
    field: str | None
    label: str | None
    severity: str
    row: int | None


def safe_problems(problems: list[Problem]) -> list[Shown]:
    """Problems as a comment shows them: the catalog's text is markdown of ours (code spans stay code);
    every value is escaped and defanged, so quoted contributor text shows literally, except values the
    bot made itself (`Verbatim`: its own links stay links)."""
    return [
        Shown(
            "<br>".join(catalog.say(p.code, lang, _shown_values(p)) for lang in catalog.LANGUAGES),
            p.field,
            p.label,
            p.severity,
            p.row,
        )
        for p in problems
    ]


def title_name(row: Row) -> str:
    """The model's name for titles and commit messages, which GitHub scans for `[skip ci]`, `#1`, `GH-1`,
    `@user`."""
    kept = _GH_REFERENCE.sub(r"\1 ", _NOT_IN_TITLES.sub(" ", inline.plain(row.get("name", ""))))
    cleaned = " ".join(kept.split())
    return cleaned[:80] or "a new model"


def comment(
    state: str,
    *,
    problems: Sequence[Problem] = (),
    pull_url: str | None = None,
    preview: str = "",
    closed_pull: str | None = None,
    form_url: str = "",
    branch: str = "",
    message: str = "",
    resume_at: str = "",
    issue: int | None = None,
    kind: str = "add",
    form: str = "new",
    record: Basis | None = None,
) -> str:
    """The bot's issue comment in `state`. `kind` is the request's (add, update, remove), `form` the
    form a free-text issue is sent to (new, update); `record` is hidden in it (the conflicts shown)."""
    shown = safe_problems(list(problems))
    hidden = f"{basis_marker(record, CONFLICT_MARKER)}\n" if record is not None else ""
    return (
        _render(
            "comment.md.j2",
            reserve=len(hidden),
            marker=COMMENT_MARKER,
            state=state,
            errors=[p for p in shown if p.severity == "error"],
            warnings=[p for p in shown if p.severity == "warning"],
            pull_url=pull_url,
            preview=defang(preview),
            closed_pull=closed_pull,
            form_url=form_url,
            branch=branch,
            message=message,
            resume_at=resume_at,
            issue=issue,
            kind=kind,
            form=form,
            form_labels=" / ".join(f"`{label}`" for label in FORM_LABELS),
            whole="提交 / Submission" if kind == "add" else "请求 / Request",
        )
        + hidden
    )


def pull_body(
    outcome: Outcome,
    *,
    issue: int,
    author: str | None,
    labels: Mapping[str, str],
    basis: Basis | None = None,
) -> str:
    """The bot's section of a pull request description, between its markers: what changes (per field for
    updates), why, and the rows as shown. It depends on the request and the entry only, not on the rest of
    the base (no row position, which every merge before it shifts), so rebuilding on a new base leaves it
    alone. The end marker carries the digest of the title the bot gives (`pull_title`)."""
    recorded = f"\n{basis_marker(basis)}" if basis is not None else ""
    end = f"\n<!-- leaderboard-bot:end title={title_digest(pull_title(outcome))} -->"
    text = _render(
        "pull_request.md.j2",
        reserve=len(SECTION_START) + 1 + len(recorded) + len(end),  # the markers are never cut off
        kind=outcome.kind,
        whole="提交 / Submission" if outcome.kind == "add" else "请求 / Request",
        issue=issue,
        name=defang(inline.escape(inline.plain(entry_name(outcome)))),
        entry=outcome.row.get("id", ""),
        author=author,
        preview=defang(rows_shown(outcome, labels)),
        reason=defang(inline.escape(outcome.reason)).replace("\n", "<br>"),
        sources=source_links(outcome.reason),
        warnings=[p for p in safe_problems(outcome.problems) if p.severity == "warning"],
    )
    return f"{SECTION_START}\n{text.strip()}{recorded}{end}"


def title_digest(title: str) -> str:
    import hashlib  # GitHub side only

    return hashlib.sha256(title.encode()).hexdigest()[:16]


def section_span(body: str) -> tuple[int, int] | None:
    """Where the bot's section is in a pull request description (start, end offsets), if it is."""
    start = body.find(SECTION_START)
    end = SECTION_END.search(body, start) if start >= 0 else None
    return (start, end.end()) if start >= 0 and end is not None else None


def bot_title_digest(body: str) -> str | None:
    """The digest of the title the bot last set, from its section of the description."""
    span = section_span(body)
    match = SECTION_END.search(body, span[0]) if span else None
    return match.group(1) if match else None


def with_section(body: str, section: str) -> str:
    """`body` with the bot's section replaced by `section` (appended when a maintainer removed it);
    everything else a maintainer wrote stays as it is."""
    span = section_span(body)
    if span is None:
        return f"{body.rstrip()}\n\n{section}" if body.strip() else section
    return body[: span[0]] + section + body[span[1] :]


def section_text(body: str) -> str | None:
    span = section_span(body)
    return body[span[0] : span[1]] if span else None


def notice(code: str, **values: object) -> str:
    """A job annotation or summary line, “中文 / English” (bot/locales/*/github.ftl)."""
    return catalog.both(code, values, sep=" / ")


def field_changes(outcome: Outcome, labels: Mapping[str, str]) -> str:
    """An update's changed fields, each with its old and new value, as a markdown table ("" otherwise)."""
    before = outcome.before or {}
    fields = [f for f in labels if outcome.kind == "update" and before.get(f) != outcome.row.get(f)]
    if not fields:
        return ""
    rows = "".join(
        f"| {labels[f]} | {_cell(before.get(f, ''))} | {_cell(outcome.row.get(f, ''))} |\n" for f in fields
    )
    return f"| 字段 / Field | 原值 / Before | 新值 / After |\n| --- | --- | --- |\n{rows}"


def _cell(text: str) -> str:
    return inline.to_markdown(text) if text else "—"


_URL = re.compile(r"https?://[^\s<>()\[\]（）【】，。、；！？\"'`]+")


def source_links(text: str) -> list[str]:
    """The http(s) addresses in a request's reason, as links a maintainer can follow (no fragment, no
    trailing punctuation; only addresses the URL rules accept)."""
    from bot import validate

    found: list[str] = []
    for m in _URL.finditer(text):
        url = m.group(0).split("#", 1)[0].rstrip(".,;:!?")
        if url not in found and not validate.url_problems(url):
            found.append(url)
    return found[:10]


_TITLE = {"add": "pull-title-add", "update": "pull-title-update", "remove": "pull-title-remove"}


def pull_title(outcome: Outcome) -> str:
    """“中文 / English” (GitHub scans titles for `[skip ci]`, `#1`, `@user`: the name is cleaned)."""
    return catalog.both(_TITLE[outcome.kind], {"name": title_name({"name": entry_name(outcome)})}, sep=" / ")


def entry_name(outcome: Outcome) -> str:
    """The name a request is known by: the new row's, or the entry's as listed now (a rename shows as a
    change, not in the title)."""
    row = outcome.before if outcome.kind != "add" and outcome.before else outcome.row
    return row.get("name", "")


def commit_message(outcome: Outcome, issue: int | None) -> str:
    title = catalog.say(_TITLE[outcome.kind], "en", {"name": title_name({"name": entry_name(outcome)})})
    return f"{title}\n\nCloses #{issue}\n" if issue is not None else f"{title}\n"


BASIS_MARKER = "leaderboard-bot:basis"
CONFLICT_MARKER = "leaderboard-bot:conflict"


@dataclass(frozen=True)
class Basis:
    """What an update or removal request was checked against: the digest of the issue body it was
    planned from, the entry it applied to and the entry's values then (pipeline.Outcome.basis).
    Recorded in the bot's section of the pull request description (BASIS_MARKER). The same shape, with
    the values a conflict showed, is hidden in the comment that shows it (CONFLICT_MARKER): an edit of
    the issue after that comment is the contributor's confirmation of those values."""

    body: str
    fields: Mapping[str, str]
    entry: str | None = None


def body_digest(body: str) -> str:
    import hashlib

    return hashlib.sha256(normalized(body).encode()).hexdigest()[:32]


def basis_marker(basis: Basis, marker: str = BASIS_MARKER) -> str:
    """A hidden line (base64: contributor text never closes the HTML comment)."""
    import base64
    import json

    payload = {"body": basis.body, "fields": dict(basis.fields)}
    if basis.entry is not None:
        payload["entry"] = basis.entry
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    return f"<!-- {marker} {base64.b64encode(text.encode()).decode()} -->"


def read_basis(text: str, marker: str = BASIS_MARKER) -> Basis | None:
    """The basis hidden in `text` (the bot's section, or its comment for CONFLICT_MARKER); None when
    there is none (or it is not the bot's shape)."""
    import base64
    import binascii
    import json

    m = re.search(rf"^<!-- {re.escape(marker)} ([A-Za-z0-9+/=]+) -->\r?$", text, re.MULTILINE)
    if m is None:
        return None
    try:
        data = json.loads(base64.b64decode(m.group(1), validate=True))
    except (binascii.Error, ValueError):
        return None
    fields = data.get("fields") if isinstance(data, dict) else None
    if not isinstance(fields, dict) or not isinstance(data.get("body"), str):
        return None
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in fields.items()):
        return None
    entry = data.get("entry")
    return Basis(data["body"], fields, entry if isinstance(entry, str) else None)


def outcome_preview(outcome: Outcome, labels: Mapping[str, str] | None = None) -> str:
    """What the comment on an accepted request shows: the rows (`rows_shown`), a removal saying so."""
    shown = rows_shown(outcome, labels)
    return f"**删除 / Removed**\n\n{shown}" if outcome.kind == "remove" else shown


def rows_shown(outcome: Outcome, labels: Mapping[str, str] | None = None) -> str:
    """The rows as the post will show them, in the comment and the pull request alike: the new row, the
    removed one, or an update's before and after (after the changed fields, old and new, when the form's
    `labels` are given)."""
    if outcome.kind != "update" or outcome.before is None:
        return outcome.preview()
    changes = field_changes(outcome, labels) + "\n" if labels else ""
    return (
        f"{changes}**原来 / Before**\n\n{outcome.preview(outcome.before)}\n"
        f"**修改后 / After**\n\n{outcome.preview()}"
    )

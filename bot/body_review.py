"""What the bot says about how an issue body is written, as opposed to what its answers say.

Only the form's answers are published. Whatever else is in the body (a `### 备注 / Notes` section,
`Edit: …` added after an answer, text before the first field) is left out, and the contributor is
told exactly what was left out, as a warning: the submission goes ahead without it. It is an error
only when the bot cannot tell what was meant: a heading that looks like one of the form's labels but
is not exactly one (the answer under it is probably the one meant for that field). The messages are
in bot/locales/*/submission.ftl.
"""

from __future__ import annotations

import unicodedata

from bot.form import Field, Form
from bot.issue_body import Extra, ParsedBody
from bot.model import Problem, quote


def _key(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] in "LN")


def resembled(heading: str, form: Form) -> Field | None:
    """The field whose label `heading` reads as (case, width, spacing, punctuation, one language half)."""
    key = _key(heading)
    if not key:
        return None
    for f in form.fields:
        if key == _key(f.label) or key in (_key(half) for half in f.label.split("/")):
            return f
    return None


def problems(parsed: ParsedBody, form: Form) -> list[Problem]:
    """Errors and warnings about text in the body that is not an answer to the form."""
    return [_extra_problem(extra, form) for extra in parsed.extra]


def _extra_problem(extra: Extra, form: Form) -> Problem:
    where = "before" if extra.after is None else "after"
    field = form.labels.get(extra.after, extra.after) if extra.after is not None else ""
    text = quote(extra.text)
    if extra.kind == "section":
        heading = quote(f"### {extra.heading}")
        like = resembled(extra.heading or "", form)
        if like is not None:
            values = {"heading": heading, "label": like.label}
            return Problem("extra-heading-like-label", values, field=like.id, label=like.label)
        if not extra.text:
            return Problem(
                "extra-heading", {"heading": heading, "where": where, "field": field}, severity="warning"
            )
        values = {"heading": heading, "where": where, "field": field, "text": text}
        return Problem("extra-section", values, severity="warning")
    if extra.kind == "note":
        return Problem("extra-note", {"text": text, "where": where, "field": field}, severity="warning")
    return Problem("extra-text", {"text": text, "where": where, "field": field}, severity="warning")

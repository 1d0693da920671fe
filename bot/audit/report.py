"""The audit's findings as people and programs read them: terminal text, JSON, markdown tables (pure)."""

from __future__ import annotations

import json
import urllib.parse
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from bot import catalog, inline
from bot.audit import texts
from bot.audit.history import UNVERIFIED_CAP, Outcome
from bot.audit.targets import Target
from bot.audit.verdicts import STATES
from bot.messages import defang

COLUMNS = (
    "audit-col-entry",
    "audit-col-field",
    "audit-col-state",
    "audit-col-link",
    "audit-col-detail",
    "audit-col-action",
)
TABLE_BUDGET = 36_000
"""Characters of tables in the tracking issue; the rest is counted as "more not listed"."""


@dataclass(frozen=True)
class Line:
    """One URL where it occurs, and what the audit found."""

    target: Target
    outcome: Outcome

    @property
    def state(self) -> str:
        return self.outcome.state

    @property
    def suggestion(self) -> str | None:
        return self.outcome.verdict.suggestion

    @property
    def detail(self) -> str:
        o = self.outcome
        pending = (o.memory.dead, o.dead_after) if o.pending else None
        repeated = o.memory.unverified if o.state == "unverified" else 0
        return texts.detail(
            o.verdict.code, o.verdict.args, pending=pending, repeated=repeated, cap=UNVERIFIED_CAP
        )


def lines(found: Sequence[Target], outcomes: Mapping[str, Outcome]) -> list[Line]:
    return [Line(t, outcomes[t.url]) for t in found]


def counts(found: Iterable[Line]) -> Counter[str]:
    return Counter(line.state for line in found)


def as_json(found: Iterable[Line]) -> str:
    """A JSON array, one object per URL and place, one per line."""
    items = []
    for line in found:
        item: dict[str, str] = {
            "id": line.target.entry.id,
            "field": line.target.field,
            "url": line.target.url,
            "state": line.state,
            "code": line.outcome.verdict.code,
            "detail": line.detail,
        }
        if line.suggestion:
            item["suggestion"] = line.suggestion
        items.append(json.dumps(item, ensure_ascii=False))
    return "[\n" + ",\n".join(items) + "\n]\n" if items else "[]\n"


def summary(found: Sequence[Line], checks: int) -> str:
    tally = counts(found)
    said = []
    for lang in catalog.LANGUAGES:
        comma = "，" if lang == "zh" else ", "
        tallied = comma.join(
            f"{texts.say(texts.STATE_CODES[s], lang)} {tally[s]}" for s in STATES if tally[s]
        )
        values = {"links": len(found), "checks": checks, "counts": tallied or "—"}
        said.append(texts.say("audit-summary", lang, values))
    return " / ".join(said)


def _where(line: Line) -> str:
    entry = line.target.entry
    ident = f"{entry.id}, " if entry.has_id else ""
    return f"{entry.name} ({ident}#{entry.position}) {line.target.field}"


def groups(found: Sequence[Line]) -> tuple[list[Line], list[Line]]:
    """What needs attention, and what is for information only (both reports list these two)."""
    attention = [line for line in found if line.outcome.attention]
    informational = [
        line for line in found if line.state in ("unverified", "gated") and not line.outcome.attention
    ]
    return attention, informational


def as_text(found: Sequence[Line], checks: int) -> str:
    """The terminal report: a summary, then what needs attention and what is for information."""
    out = [texts.both("audit-heading") + ": " + summary(found, checks)]
    attention, informational = groups(found)
    for key, group in (("audit-attention", attention), ("audit-informational", informational)):
        if not group:
            continue
        out.append(f"\n{texts.both(key)}:")
        for line in group:
            out.append(f"  [{texts.state(line.state)}] {_where(line)}: {line.target.url}")
            out.append(f"      {line.detail}")
            if line.suggestion:
                out.append(f"      {texts.both('audit-suggested')}: {line.suggestion}")
    if not attention:
        out.append("\n" + texts.both("audit-all-clear"))
    return "\n".join(out) + "\n"


# --- markdown (tracking issue, job summary) --------------------------------------------------------


def _md(text: str) -> str:
    """Untrusted text in a table cell: shown literally, no mentions or issue references."""
    return defang(inline.escape(" ".join(text.split())))


def _link(url: str, label: str | None = None) -> str:
    return f"[{_md(label if label is not None else url)}]({inline.link_destination(url)})"


FORM_LINK_MAX = 6_000
"""Longest prefilled form link: a field whose new text would make it longer is left for the contributor."""


def form_link(form_base: str, line: Line) -> str | None:
    """The update form prefilled for this entry, for moved and dead links; for a moved one also the
    field with the suggested URL: the address itself, or the text with its link pointing there."""
    target = line.target
    if line.state not in ("moved", "dead") or not target.entry.has_id:
        return None
    from bot.pipeline import Links  # the one place that knows the form and how it is prefilled

    reason = texts.both("audit-reason-moved" if line.state == "moved" else "audit-reason-dead")
    start = Links(form_base).update(target.entry.id)
    link = f"{start}&{_query({'reason': reason})}"
    if line.suggestion:
        if target.address:
            value = line.suggestion
        else:
            value = target.text.replace(f"]({target.url})", f"]({line.suggestion})")
        prefilled = f"{start}&{_query({target.field: value, 'reason': reason})}"
        if value != target.text and len(prefilled) <= FORM_LINK_MAX:
            link = prefilled
    return link


def _query(params: Mapping[str, str]) -> str:
    return urllib.parse.urlencode(params, quote_via=urllib.parse.quote)


def _row(line: Line, form_base: str | None) -> str:
    entry = line.target.entry
    name = _md(entry.name) + (f" (`{_md(entry.id)}`)" if entry.has_id else f" (#{entry.position})")
    link = _link(line.target.url)
    if line.suggestion:
        link += f" → {_link(line.suggestion)}"
    action = form_link(form_base, line) if form_base else None
    cells = [
        name,
        f"`{line.target.field}`",
        texts.state(line.state),
        link,
        _md(line.detail),
        _link(action, texts.both("audit-update")) if action else "",
    ]
    return "| " + " | ".join(cells) + " |"


def table(found: Sequence[Line], form_base: str | None, budget: int = TABLE_BUDGET) -> str:
    header = "| " + " | ".join(texts.both(c) for c in COLUMNS) + " |\n" + "| --- " * 6 + "|\n"
    rows: list[str] = []
    used = len(header)
    for i, line in enumerate(found):
        row = _row(line, form_base) + "\n"
        if used + len(row) > budget:
            return header + "".join(rows) + "\n" + texts.both("audit-more", {"count": len(found) - i}) + "\n"
        rows.append(row)
        used += len(row)
    return header + "".join(rows)


def markdown(found: Sequence[Line], checks: int, form_base: str | None, dead_after: int) -> str:
    """The report as markdown: summary, attention table, informational table (collapsed), footer."""
    attention, informational = groups(found)
    out = [f"### {texts.both('audit-heading')}", "", summary(found, checks), ""]
    if attention:
        out += [f"**{texts.both('audit-attention')}**", "", table(attention, form_base), ""]
    else:
        out += [texts.both("audit-all-clear"), ""]
    if informational:
        budget = max(TABLE_BUDGET - sum(len(x) for x in out), 2_000)
        out += [
            f"<details><summary>{texts.both('audit-informational')} ({len(informational)})</summary>",
            "",
            table(informational, form_base, budget),
            "</details>",
            "",
        ]
    out.append(texts.both("audit-footer", {"needed": dead_after}))
    return "\n".join(out) + "\n"

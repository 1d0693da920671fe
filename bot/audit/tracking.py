"""The tracking issue: its body, and what to do with the issue after a run (pure).

One issue, labelled `link-health` and found by `MARKER`, holds the report and, hidden, the audit's
memory. It is created when first needed, edited in place, closed when nothing needs attention and
reopened when something new does. A maintainer who closes it while problems are listed has seen
them: it stays closed until a problem appears that was not listed then.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from bot.audit import state, texts
from bot.audit.history import Memory, Outcome, attention_keys, listed
from bot.audit.verdicts import State
from bot.github_submission import normalized

MARKER = "<!-- leaderboard-bot:link-health -->"
LABEL = "link-health"
TITLE = texts.both("audit-title")


@dataclass(frozen=True)
class Existing:
    """The tracking issue as GitHub has it now."""

    number: int
    open: bool
    body: str


@dataclass(frozen=True)
class Plan:
    action: Literal["create", "edit", "none"]
    body: str
    open: bool | None = None
    """For `edit`: the state to set, None to leave it."""


def body(report: str, memory: Mapping[str, Memory]) -> str:
    """The issue's text: the marker, the report (`report.markdown`), a note, the hidden memory."""
    return f"{MARKER}\n{report}\n{texts.both('audit-closed-note')}\n\n{state.dump(memory)}\n"


def plan(
    existing: Existing | None,
    new_body: str,
    outcomes: Sequence[Outcome],
) -> Plan:
    """What to do with the issue, given this run's outcomes and the memory the issue held."""
    now: set[tuple[str, State]] = attention_keys(outcomes)
    if existing is None:
        return Plan("create", new_body, True) if _needs_issue(outcomes) else Plan("none", new_body)
    before = listed(state.parse(existing.body) or {})
    changed = normalized(existing.body) != normalized(new_body)
    if existing.open and not now:
        return Plan("edit", new_body, False)
    if not existing.open and now - before:
        return Plan("edit", new_body, True)
    return Plan("edit", new_body, None) if changed else Plan("none", new_body)


def _needs_issue(outcomes: Sequence[Outcome]) -> bool:
    return any(o.attention for o in outcomes)

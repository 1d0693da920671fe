"""The tracking issue's plan: create, edit, close, reopen, or leave it (pure)."""

from __future__ import annotations

from bot.audit import report, state, tracking
from bot.audit.history import Memory, Outcome, remember, settle
from bot.audit.verdicts import Verdict

ARCHIVED = Verdict("archived", "github-archived")
DEAD = Verdict("dead", "link-gone", {"status": 404})
OK = Verdict("ok", "link-ok", {"status": 200})


def outcomes(**verdicts: Verdict) -> list[Outcome]:
    return [settle(f"https://{name}.example/", v, None, 1) for name, v in verdicts.items()]


def issue(found: list[Outcome], *, open: bool) -> tracking.Existing:
    return tracking.Existing(1, open, f"{tracking.MARKER}\nold\n{state.dump(remember(found))}")


def test_no_issue_until_something_needs_attention() -> None:
    assert tracking.plan(None, "b", outcomes(a=OK)).action == "none"
    assert tracking.plan(None, "b", outcomes(a=ARCHIVED)) == tracking.Plan("create", "b", True)
    pending = [settle("https://p.example/", DEAD, None, 2)]
    assert tracking.plan(None, "b", pending).action == "create"  # a first 404 must be remembered


def test_closed_when_clear_reopened_when_something_new_breaks() -> None:
    before = outcomes(a=ARCHIVED)
    assert tracking.plan(issue(before, open=True), "b", outcomes(a=OK)) == tracking.Plan("edit", "b", False)
    assert tracking.plan(issue(outcomes(a=OK), open=False), "b", before) == tracking.Plan("edit", "b", True)


def test_a_maintainers_close_holds_for_what_was_listed() -> None:
    before = outcomes(a=ARCHIVED)
    closed = issue(before, open=False)
    assert tracking.plan(closed, "new text", before) == tracking.Plan("edit", "new text", None)
    assert tracking.plan(closed, closed.body, before).action == "none"
    assert tracking.plan(closed, "b", outcomes(a=ARCHIVED, b=DEAD)).open is True


def test_an_unchanged_body_is_not_written() -> None:
    found = outcomes(a=ARCHIVED)
    existing = issue(found, open=True)
    assert tracking.plan(existing, existing.body.replace("\n", "\r\n"), found).action == "none"


def test_body_holds_marker_report_and_memory() -> None:
    found = outcomes(a=ARCHIVED)
    text = tracking.body(report.markdown([], 1, None, 2), {"https://a.example/": Memory("archived")})
    assert text.startswith(tracking.MARKER) and state.parse(text) == {
        "https://a.example/": Memory("archived")
    }
    assert found[0].attention

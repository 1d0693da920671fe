"""The texts the bot writes on GitHub: both languages, contributor text defanged, and its markers (the
section of the pull request description, the hidden basis and conflict lines) out of contributors' reach."""

from __future__ import annotations

import re
from pathlib import Path

from github_text import reaches_people
from hypothesis import given, settings
from hypothesis import strategies as st

from bot import messages, pipeline
from bot.files import WorkingTree
from bot.form import parse_form
from bot.layout import Layout, read_snapshot
from bot.model import Problem, quote

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = read_snapshot(Layout(), WorkingTree(ROOT))
CTX = pipeline.context(SNAPSHOT)
LABELS = parse_form(SNAPSHOT.update_form).labels
BIOGPT = CTX.rows[2]
HOSTILE = [
    "<!-- leaderboard-bot:end -->",
    "<!-- leaderboard-bot:start -->",
    "\n<!-- leaderboard-bot:basis e30= -->\n",
    "<!-- leaderboard-bot:conflict e30= -->",
    "<!-- leaderboard-bot:comment -->",
    "<!--",
    "-->",
    "@octocat",
    "\\@octocat",
    "&#64;octocat",
    "fixes #1",
    "Closes &#35;2",
    "octo/leaderboard#3",
    "GH-4",
    "gh-12 [skip ci]",
    "[x](https://example.org/#5)",
    "](#6)",
    "\\](#7)",
    "[@y](https://example.org/@y#8)",
    "https://example.org/@z#9",
    "`code`",
    "|",
    "\n",
    "\r\n",
    "\\",
    "&amp;",
    "<br>",
    "### 条目 / Entry",
]
MARKER = re.compile(r"(?<!\\)<!-- leaderboard-bot:[^<>\n]*-->")  # an escaped `\<` opens no comment
hostile = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=6)), max_size=6).map("".join)


@settings(max_examples=60, deadline=None)
@given(hostile, hostile, hostile, hostile, st.sampled_from(["update", "remove"]))
def test_nothing_a_contributor_writes_mentions_references_or_breaks_the_bots_markers(
    name: str, organization: str, reason: str, recorded: str, kind: str
) -> None:
    after = {**BIOGPT, "name": name or "x", "organization": organization, "updated": "2026-11-25"}
    warning = Problem(
        "extra-note", {"text": quote(reason), "where": "before", "field": ""}, severity="warning"
    )
    outcome = pipeline.Outcome(
        row=after if kind == "update" else BIOGPT,
        problems=[warning],
        position=3,
        kind="update" if kind == "update" else "remove",
        before={**BIOGPT, "summary": organization},
        reason=reason,
        table=CTX.table,
    )
    basis = messages.Basis("d" * 32, {"organization": recorded, "name": name}, "biogpt")
    section = messages.pull_body(outcome, issue=9, author=None, labels=LABELS, basis=basis)
    assert messages.section_span(section) == (0, len(section))
    assert (
        len(MARKER.findall(section)) == 3
    )  # start, basis, end: no other (escaped text shows, hides nothing)
    assert messages.read_basis(section) == basis
    assert messages.bot_title_digest(section) == messages.title_digest(messages.pull_title(outcome))
    assert reaches_people(section) == {"#9"}  # "Closes #9", "from #9": the bot's own
    wrapped = messages.with_section("**DO NOT MERGE**\r\n\r\nold section", section)
    assert messages.section_text(wrapped) == section
    conflict = Problem("update-conflict", {"was": quote(recorded), "now": quote(organization), "wanted": "—"})
    comments = {
        2: messages.comment("rejected", problems=[conflict, warning], closed_pull="#10", record=basis),
        1: messages.comment(
            "accepted", problems=[warning], preview=messages.outcome_preview(outcome), kind=kind
        ),
    }
    for markers, comment in comments.items():
        assert len(MARKER.findall(comment)) == markers and comment.startswith(messages.COMMENT_MARKER + "\n")
        assert reaches_people(comment) <= {"#10"}
    rejected = messages.comment("rejected", problems=[conflict], closed_pull="#10", record=basis)
    assert messages.read_basis(rejected, messages.CONFLICT_MARKER) == basis


def test_every_comment_is_in_both_languages() -> None:
    pairs = {
        "accepted": {"pull_url": "https://github.com/o/r/pull/2"},
        "rejected": {"problems": [Problem("required", {}, "name", "模型名称 / Model name")]},
        "not-a-form": {"form_url": "https://github.com/o/r/issues/new?template=update-model.yml"},
        "branch-taken": {"branch": "leaderboard/issue-1"},
        "closed-by-maintainer": {"message": "x"},
        "withdrawn": {"closed_pull": "#2"},
        "rate-limited": {"resume_at": "2026-11-25 09:00"},
        "issue-gone": {"issue": 1},
        "setup-error": {"message": "x"},
    }
    for state, values in pairs.items():
        for extra in ({}, {"kind": "update", "form": "update"}, {"kind": "remove"}):
            text = messages.comment(state, **values, **extra)  # type: ignore[arg-type]
            body = text.removeprefix(messages.COMMENT_MARKER).strip()
            head, *lines = body.splitlines()
            assert " / " in head, (state, head)  # "### ✅ 已通过检查 / Accepted"
            prose = [line for line in lines if line.strip() and not line.startswith(("|", "-", "**", "x"))]
            for line in prose:
                assert any("\u4e00" <= c <= "\u9fff" for c in line) and any(
                    c.isascii() and c.isalpha() for c in line
                ), (state, line)


@settings(max_examples=60, deadline=None)
@given(hostile, st.sampled_from(["add", "update", "remove"]))
def test_titles_and_commit_messages_carry_no_mention_reference_or_ci_command(name: str, kind: str) -> None:
    row = {**BIOGPT, "name": name}
    outcome = pipeline.Outcome(row=row, problems=[], kind=kind, before=row if kind != "add" else None)  # type: ignore[arg-type]
    title = messages.pull_title(outcome)
    assert reaches_people(title) == set() and "[skip" not in title.lower()
    message = messages.commit_message(outcome, 9)
    assert reaches_people(message) == {"#9"} and message.endswith("\n\nCloses #9\n")


def test_a_reference_after_a_hyphen_is_broken_too() -> None:
    """GitHub links `GH-4` at a word boundary, and `-` is one (found by hypothesis: `<!--GH-4`)."""
    assert reaches_people(messages.defang("<!--GH-4 model-GH-5")) == set()
    assert "GH-6" not in messages.title_name({"name": "model-GH-6"})

"""The local commands, wiring the pure pipeline to the working tree and to local git."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from bot import catalog, columns, dataset, frontmatter, pipeline, report
from bot.files import WorkingTree
from bot.form import parse_form
from bot.layout import Layout, Snapshot, as_lf, read_snapshot
from bot.model import BotError, FileChange, errors, warnings
from bot.publish.local_git import Git

LAYOUT = Layout()


def run(args: argparse.Namespace, now: dt.datetime) -> int:
    root = _root(args.repo)
    handler = {
        "submit": submit,
        "parse-issue": parse_issue,
        "render": render_post,
        "check": check,
        "import": import_post,
        "post": post_state,
        "action": github,
        "refresh": github,
        "audit": audit,
    }[args.command]
    if args.command in ("submit", "render", "check", "post"):
        _require_leaderboard(root)
    return handler(args, root, now)


def _root(repo: Path | None) -> Path:
    if repo is not None:
        return repo.resolve()
    top = Git(Path.cwd()).try_run("rev-parse", "--show-toplevel")
    return Path(top) if top else Path.cwd()


def _require_leaderboard(root: Path) -> None:
    """Say plainly when the command runs somewhere else (a file missing from a real one is reported later)."""
    if not any((root / path).is_file() for path in LAYOUT.paths()):
        raise BotError("not-a-leaderboard", root=str(root), form=LAYOUT.form, data=LAYOUT.data)


def _read_body(name: str) -> str:
    """The issue body; a byte order mark (Windows editors save one) is not part of it."""
    if name == "-":
        return decode(sys.stdin.buffer.read(), "-")
    return read_text(Path(name))


def read_text(path: Path) -> str:
    """A file the user named, as text; what is wrong with it said in both languages (not Python's English)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise BotError("file-not-found", path=str(path)) from None
    except IsADirectoryError:
        raise BotError("file-is-directory", path=str(path)) from None
    except OSError as exc:
        raise BotError("file-unreadable", path=str(path), detail=exc.strerror or str(exc)) from None
    return decode(data, str(path))


def decode(data: bytes, path: str) -> str:
    """UTF-8 with or without a byte order mark, or UTF-16 with one (Windows Notepad's “Unicode”)."""
    import codecs

    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise BotError("file-not-utf8", path=path, line=line) from None


def branch_name(outcome: pipeline.Outcome, issue: int | None) -> str:
    """leaderboard/issue-N, or leaderboard/<entry id> (update-<id>, remove-<id> for those requests)."""
    if issue is not None:
        return f"leaderboard/issue-{issue}"
    prefix = "" if outcome.kind == "add" else f"{outcome.kind}-"
    return f"leaderboard/{prefix}{outcome.row['id']}"


def submit(args: argparse.Namespace, root: Path, now: dt.datetime) -> int:
    body = _read_body(args.body)
    git = Git(root)
    if args.write:
        print(say("cli-reading-tree"))
        snapshot = read_snapshot(LAYOUT, WorkingTree(root))
    else:
        head = git.try_run("rev-parse", "--verify", "--quiet", "HEAD^{commit}")
        if head is None:
            raise BotError("submit-needs-git", root=str(root))
        print(say("cli-reading-head", commit=head[:12]))
        snapshot = read_snapshot(LAYOUT, lambda path: git.show(head, path))
        _warn_uncommitted(snapshot, root)
    from bot import update

    outcome = update.plan_request(body, snapshot, now, LAYOUT)
    if not outcome.accepted:
        print(say("cli-rejected"))
        print(report.problems_text(errors(outcome.problems)))
        if warnings(outcome.problems):
            print(report.problems_text(warnings(outcome.problems)))
        return 1
    print(report.outcome_text(outcome, parse_form(snapshot.form).labels))
    if warnings(outcome.problems):
        print(say("cli-warnings") + "\n" + report.problems_text(warnings(outcome.problems)) + "\n")
    if args.dry_run:
        print(report.diff(outcome.changes), end="")
        return 0
    print(say("cli-changes") + "\n" + report.diff_stat(outcome.changes))
    if args.write:
        written = WorkingTree(root).write(outcome.changes)
        print("\n" + say("cli-wrote", paths=", ".join(written)))
        return 0
    branch = args.branch or branch_name(outcome, args.issue)
    from bot import messages
    from bot.publish import Proposal

    proposal = Proposal(
        branch=branch,
        title=messages.pull_title(outcome),
        body="",
        commit_message=messages.commit_message(outcome, args.issue),
        changes=outcome.changes,
        identity=outcome.identity,
    )
    from bot.publish.local_git import LocalGitPublisher

    published = LocalGitPublisher(root).publish(proposal)
    state = "created" if published.created else "updated" if published.updated else "unchanged"
    print("\n" + say("cli-branch", branch=branch, state=state, commit=(published.commit or "")[:12]))
    for code, command in (
        ("cli-review", f"git log -p HEAD..{branch}"),
        ("cli-merge", f"git merge --ff-only {branch}"),
        ("cli-drop", f"git branch -D {branch}"),
    ):
        print(f"  {catalog.both(code, sep=' ')}: {command}")
    return 0


def say(code: str, **values: object) -> str:
    """A catalog message for the terminal: Chinese, then English, on two lines."""
    return catalog.both(code, values)


def _warn_uncommitted(snapshot: Snapshot, root: Path) -> None:
    tree = WorkingTree(root)
    for path, text in ((LAYOUT.data, snapshot.data), (LAYOUT.post, snapshot.post)):
        current = tree(path)
        if current is None or as_lf(current) != as_lf(text):  # a CRLF checkout of LF files is not a change
            print(say("cli-uncommitted", path=path))


def parse_issue(args: argparse.Namespace, root: Path, now: dt.datetime) -> int:
    form_path = args.form or (root / LAYOUT.form)
    form = parse_form(read_text(form_path), str(form_path)) if args.form or form_path.is_file() else None
    from bot import body_review, issue_body

    parsed = issue_body.parse_body(_read_body(args.body), form)
    print(json.dumps(parsed.answers, ensure_ascii=False, indent=2))
    if form is not None and parsed.extra:
        print(report.problems_text(body_review.problems(parsed, form)), file=sys.stderr)
    return 0


def render_post(args: argparse.Namespace, root: Path, now: dt.datetime) -> int:
    snapshot = read_snapshot(LAYOUT, WorkingTree(root))
    change, problems = pipeline.plan_render(snapshot, now, LAYOUT)
    if change is None:
        print(say("cli-not-rendering", data=LAYOUT.data))
        print(report.problems_text(errors(problems)))
        return 1
    if not change.changed:
        print(say("cli-render-current", post=LAYOUT.post))
        return 0
    if args.check:
        print(say("cli-render-stale", post=LAYOUT.post) + "\n" + report.diff([change]), end="")
        return 1
    WorkingTree(root).write([change])
    print(say("cli-rendered", post=LAYOUT.post))
    return 0


def check(args: argparse.Namespace, root: Path, now: dt.datetime) -> int:
    try:
        snapshot = read_snapshot(LAYOUT, WorkingTree(root))
        problems, rows = pipeline.check(
            snapshot, now.date(), LAYOUT
        )  # stored rows: the UTC day is close enough
    except BotError as exc:
        if args.format != "json":
            raise
        print(json.dumps(report.error_json(exc), ensure_ascii=False, indent=2))
        return 2
    failed = errors(problems)
    if args.format == "json":
        print(json.dumps(report.check_json(problems, rows), ensure_ascii=False, indent=2))
        return 1 if failed else 0
    if problems:
        print(report.problems_text(problems))
    counts = {"rows": rows, "errors": len(failed), "warnings": len(warnings(problems))}
    print(say("cli-check-summary", failed="yes" if failed else "no", **counts))
    return 1 if failed else 0


def import_post(args: argparse.Namespace, root: Path, now: dt.datetime) -> int:
    tree = WorkingTree(root)
    existing = [path for path in (LAYOUT.data, LAYOUT.post) if tree(path) is not None]
    if existing and not args.force:
        raise BotError("import-exists", paths=" & ".join(existing))
    from bot import importer

    schema = tree(LAYOUT.schema)
    if schema is None:
        raise BotError("file-missing", path=LAYOUT.schema)
    table = columns.load(pipeline.load_schema(schema))
    result = importer.import_post(read_text(args.post), table)
    data = dataset.dump_rows(result.rows, order=table.field_order)
    tree.write(
        [
            FileChange(LAYOUT.data, tree(LAYOUT.data), data),
            FileChange(LAYOUT.post, tree(LAYOUT.post), result.post),
        ]
    )
    print(say("cli-imported", rows=len(result.rows), data=LAYOUT.data, post=LAYOUT.post))
    return 0


def post_state(args: argparse.Namespace, root: Path, now: dt.datetime) -> int:
    tree = WorkingTree(root)
    text = tree(LAYOUT.post)
    if text is None:
        raise BotError("post-missing", path=LAYOUT.post)
    if args.redate and args.action != "publish":
        raise BotError("redate-publish-only")
    new = frontmatter.set_draft(text, args.action == "draft", now, redate=args.redate)
    written = tree.write([FileChange(LAYOUT.post, text, new)])
    state = "draft" if args.action == "draft" else "published"
    print(say("cli-post-state", post=LAYOUT.post, state=state, changed="yes" if written else "no"))
    return 0


def github(args: argparse.Namespace, root: Path, now: dt.datetime) -> int:
    from bot import github_job  # PyGithub is imported only on this path

    return github_job.main(args.command, now)


def audit(args: argparse.Namespace, root: Path, now: dt.datetime) -> int:
    from bot.audit import command  # httpx is imported only on this path

    return command.run(args, root)

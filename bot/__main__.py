"""The command line: `python -m bot COMMAND`. Reads the clock (the core gets `now` passed in);
the Actions environment is read by bot/actions_env.py.

Exit codes: 0 accepted / fine, 1 rejected / check failed, 2 usage or setup error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.model import BotError


def _now(value: str | None) -> dt.datetime:
    if value is None:
        return dt.datetime.now(dt.UTC)
    moment = dt.datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _issue_number(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not an issue number")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot", description=__doc__.splitlines()[0] if __doc__ else None
    )
    parser.add_argument(
        "--repo", type=Path, default=None, help="repository root (default: the current git repository)"
    )
    parser.add_argument("--now", default=None, help=argparse.SUPPRESS)  # ISO time, for reproducible runs
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("submit", help="run the whole pipeline on an issue body; commit on a new local branch")
    p.add_argument("body", help="file with the issue body (as GitHub renders the form), or - for stdin")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help="edit the working tree instead of committing")
    mode.add_argument("--dry-run", action="store_true", help="only print the diff")
    p.add_argument("--branch", help="branch name (default: leaderboard/issue-N or leaderboard/<model>)")
    p.add_argument(
        "--issue", type=_issue_number, help="issue number, used in the branch name and commit message"
    )

    p = sub.add_parser("parse-issue", help="print an issue body's answers as JSON")
    p.add_argument("body", help="file with the issue body, or - for stdin")
    p.add_argument("--form", type=Path, help="issue form YAML (default: the repository's new-model form)")

    p = sub.add_parser("render", help="regenerate the post's table from the data file")
    p.add_argument(
        "--check", action="store_true", help="only report whether the post is up to date (exit 1 if not)"
    )

    sub.add_parser("check", help="validate data, post, form and schema; print data-quality warnings")

    p = sub.add_parser("import", help="import a hand-written post's table into the data file")
    p.add_argument("post", type=Path, help="the markdown post to import")
    p.add_argument("--force", action="store_true", help="overwrite an existing data file and post")

    p = sub.add_parser("post", help="publish the post or turn it back into a draft")
    p.add_argument("action", choices=["publish", "draft"])
    p.add_argument("--redate", action="store_true", help="with publish: set `date` to now")

    p = sub.add_parser("audit", help="check every link of the data file (network); never changes the data")
    from bot.audit.options import add_arguments

    add_arguments(p)

    sub.add_parser("action", help="run as the GitHub Action (reads the GITHUB_* environment)")
    sub.add_parser("refresh", help="rebuild every open bot pull request on the default branch's head")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from bot import cli  # after parsing, so `--help` stays fast

    try:
        return cli.run(args, _now(args.now))
    except (BotError, OSError, ValueError) as exc:  # ValueError covers bad --now and JSON errors
        print(f"error: {str(exc).replace(chr(10), chr(10) + '       ')}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())

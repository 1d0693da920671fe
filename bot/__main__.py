"""The command line: `python -m bot COMMAND`. Reads the clock (the core gets `now` passed in);
the Actions environment is read by bot/actions_env.py. The texts users see are DESCRIPTION, EPILOG
and each command's help below.

Exit codes: 0 accepted / fine, 1 rejected / check failed, 2 usage or setup error, 141 when the
output's reader went away (as a command stopped by SIGPIPE).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
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


DESCRIPTION = """\
医学大模型榜单的维护命令：检查投稿、由数据重新生成表格、发布文章。
Maintainer commands for the leaderboard: check a submission and commit it, regenerate the post's
table from models.yaml, check the whole repository, publish the post."""

EPILOG = """\
examples / 示例:
  python -m bot submit issue.md     check an issue body and commit the row on a new local branch
  python -m bot check               validate data, post, issue form and schema
  python -m bot render              regenerate the table after editing models.yaml
  python -m bot post publish        make the post visible on the site (it starts as a draft)

Run it inside a clone of the leaderboard repository, or pass --repo PATH.
exit status: 0 ok, 1 rejected or problems found, 2 usage or setup error.
More: README.md and docs/github-setup.md."""

SUBMIT = """\
Check an issue body (the markdown GitHub writes for the "新模型 / New model" form) and add the row.

By default the files are read at HEAD and the change is committed on a new local branch;
your checkout, index and working tree are untouched (uncommitted edits are not included, and
the command says so). --write reads and edits the working tree instead. --dry-run prints the
diff of what either mode would do and changes nothing."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--repo", type=Path, default=None, help="the leaderboard repository (default: the one you are in)"
    )
    parser.add_argument("--now", default=None, help=argparse.SUPPRESS)  # ISO time, for reproducible runs
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser(
        "submit",
        help="检查投稿并提交到新分支 / check an issue body, commit the row on a new local branch",
        description=SUBMIT,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("body", help="file with the issue body, or - for stdin")
    p.add_argument(
        "--write", action="store_true", help="read and edit the working tree instead of committing"
    )
    p.add_argument("--dry-run", action="store_true", help="only print the diff; change nothing")
    p.add_argument("--branch", help="branch name (default: leaderboard/issue-N or leaderboard/<model>)")
    p.add_argument(
        "--issue", type=_issue_number, help="issue number, used in the branch name and commit message"
    )

    p = sub.add_parser(
        "parse-issue",
        help="打印投稿的回答 / print what the bot reads from an issue body, as JSON",
        description="Print the answers the bot reads from an issue body, as JSON; "
        "text it leaves out (not part of any answer) is listed on stderr.",
    )
    p.add_argument("body", help="file with the issue body, or - for stdin")
    p.add_argument("--form", type=Path, help="issue form YAML (default: the repository's new-model form)")

    p = sub.add_parser(
        "render",
        help="由数据重新生成表格 / regenerate the post's table from models.yaml",
        description="Regenerate the post's table from models.yaml (the file is written only if it "
        "changes). Refuses, with the problems `check` reports, when the data has errors.",
    )
    p.add_argument(
        "--check", action="store_true", help="only report whether the post is up to date (exit 1 if not)"
    )

    sub.add_parser(
        "check",
        help="检查数据、文章、表单与 schema / validate data, post, form and schema",
        description="Validate models.yaml against the schema and the review rules, check that the post's "
        "table is up to date and that the issue form agrees with the schema. Errors exit 1; warnings "
        "(hand-written history) are printed only.",
    )

    p = sub.add_parser(
        "import",
        help="导入手写文章的表格 / import a hand-written post's table into models.yaml",
        description="Import the table of a hand-written post into models.yaml and replace the table with "
        "a generated one. Refuses unless the import is lossless.",
    )
    p.add_argument("post", type=Path, help="the markdown post to import")
    p.add_argument("--force", action="store_true", help="overwrite an existing data file and post")

    p = sub.add_parser(
        "post",
        help="发布文章或改回草稿 / publish the post or turn it back into a draft",
        description="Set the post's `draft` (and with --redate its `date`); the only commands that do.",
    )
    p.add_argument("action", choices=["publish", "draft"])
    p.add_argument("--redate", action="store_true", help="with publish: set `date` to now")

    p = sub.add_parser("audit", help="check every link of the data file (network); never changes the data")
    from bot.audit.options import add_arguments

    add_arguments(p)

    sub.add_parser(
        "action",
        help="GitHub Action 入口 / run as the GitHub Action (new-model.yml)",
        description="Entry point of .github/workflows/new-model.yml; reads the GITHUB_* environment.",
    )
    sub.add_parser(
        "refresh",
        help="重建机器人的拉取请求 / rebuild open bot pull requests (refresh.yml)",
        description="Entry point of .github/workflows/refresh.yml; rebuilds every open bot pull request "
        "on the default branch's head.",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        try:
            args = build_parser().parse_args(argv)
        except SystemExit as exc:  # --help (0) or a usage error (2), already printed
            sys.stdout.flush()
            return exc.code if isinstance(exc.code, int) else 2
        from bot import cli  # after parsing, so `--help` stays fast

        try:
            code = cli.run(args, _now(args.now))
        except BrokenPipeError:
            raise
        except (BotError, OSError, ValueError) as exc:  # ValueError covers bad --now and JSON errors
            print(f"error: {str(exc).replace(chr(10), chr(10) + '       ')}", file=sys.stderr)
            code = 2
        sys.stdout.flush()  # inside the try: a reader that went away is noticed here, not at exit
        return code
    except BrokenPipeError:
        return _reader_gone()


SIGPIPE_EXIT = 128 + 13
"""What a shell reports for a command stopped by SIGPIPE (`git log | head -1`, `yes | head`)."""


def _reader_gone() -> int:
    """The output was piped to a reader that stopped (`python -m bot check | head -1`): stop quietly,
    with the conventional status, instead of a traceback or `error: [Errno 32] Broken pipe`."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())  # Python flushes stdout again at exit
    os.close(devnull)
    return SIGPIPE_EXIT


if __name__ == "__main__":
    sys.exit(main())

"""The command line: `python -m bot COMMAND`. Reads the clock (the core gets `now` passed in);
the Actions environment is read by bot/actions_env.py. The help users see is in the catalog
(bot/locales/*/help.ftl); the parser below names it by code.

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

from bot import catalog
from bot.model import BotError


def _now(value: str | None) -> dt.datetime:
    if value is None:
        return dt.datetime.now(dt.UTC)
    moment = dt.datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _issue_number(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(catalog.both("cli-not-issue-number", {"value": repr(text)}, " / "))
    return int(text)


class CatalogHelp(argparse.RawDescriptionHelpFormatter):
    """Help texts are catalog codes (bot/locales/*/help.ftl), looked up only when help is shown, so a
    command that prints no help never loads the catalog for it. One-line helps read “中文 / English”;
    descriptions and the epilog show the Chinese text, then the English one."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        code = action.help
        if code is None or code == argparse.SUPPRESS or not code.startswith("help-"):
            return code
        return catalog.both(code, {"default": str(action.default)}, " / ").replace("%", "%%")

    def _format_text(self, text: str) -> str:
        if text.startswith("help-"):
            text = catalog.both(text, None, "\n\n").replace("%", "%%")
        return super()._format_text(text)


def command(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str, summary: str, description: str
) -> argparse.ArgumentParser:
    """A subcommand, its one-line help and its description (catalog codes)."""
    p = sub.add_parser(
        name, help=summary, description=description, formatter_class=CatalogHelp, add_help=False
    )
    p.add_argument("-h", "--help", action="help", help="help-help")
    return p


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="help-description",
        epilog="help-epilog",
        formatter_class=CatalogHelp,
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help="help-help")
    parser.add_argument("--repo", type=Path, default=None, help="help-repo")
    parser.add_argument("--now", default=None, help=argparse.SUPPRESS)  # ISO time, for reproducible runs
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = command(sub, "submit", "help-cmd-submit", "help-submit")
    p.add_argument("body", help="help-body")
    p.add_argument("--write", action="store_true", help="help-write")
    p.add_argument("--dry-run", action="store_true", help="help-dry-run")
    p.add_argument("--branch", help="help-branch")
    p.add_argument("--issue", type=_issue_number, help="help-issue")

    p = command(sub, "parse-issue", "help-cmd-parse-issue", "help-parse-issue")
    p.add_argument("body", help="help-body")
    p.add_argument("--form", type=Path, help="help-form")

    p = command(sub, "render", "help-cmd-render", "help-render")
    p.add_argument("--check", action="store_true", help="help-render-check")

    p = command(sub, "check", "help-cmd-check", "help-check")
    p.add_argument("--format", choices=["text", "json"], default="text", help="help-format")

    p = command(sub, "import", "help-cmd-import", "help-import")
    p.add_argument("post", type=Path, help="help-post-file")
    p.add_argument("--force", action="store_true", help="help-force")

    p = command(sub, "post", "help-cmd-post", "help-post")
    p.add_argument("action", choices=["publish", "draft"], help="help-post-action")
    p.add_argument("--redate", action="store_true", help="help-redate")

    p = command(sub, "audit", "help-cmd-audit", "help-audit")
    from bot.audit.options import add_arguments

    add_arguments(p)

    command(sub, "action", "help-cmd-action", "help-action")
    command(sub, "refresh", "help-cmd-refresh", "help-refresh")
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
            from bot.report import severity

            label = f"{severity('error')}: "
            print(label + str(exc).replace("\n", "\n" + " " * _width(label)), file=sys.stderr)
            code = 2
        sys.stdout.flush()  # inside the try: a reader that went away is noticed here, not at exit
        return code
    except BrokenPipeError:
        return _reader_gone()


def _width(text: str) -> int:
    """Columns `text` takes in a terminal (a Chinese character takes two)."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


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

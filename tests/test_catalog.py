"""The message catalogs: every message in both languages with the same values, and every code the bot
raises exists there with exactly the values its call site passes."""

from __future__ import annotations

import argparse
import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from fluent.syntax import FluentParser
from fluent.syntax import ast as fluent_ast
from fluent.syntax.visitor import Visitor

from bot import catalog
from bot.model import BotError, Problem

BOT = Path(__file__).resolve().parent.parent / "bot"
RAISERS = {"Problem", "BotError", "DateError", "BranchTaken", "ClosedByMaintainer", "notice"}


class _Variables(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def visit_VariableReference(self, node: fluent_ast.VariableReference) -> None:
        self.names.add(node.id.name)


def messages(lang: str) -> dict[str, set[str]]:
    """Message id → the variables it uses, from the .ftl files of one language."""
    found: dict[str, set[str]] = {}
    for path in sorted((catalog.DIRECTORY / lang).glob("*.ftl")):
        resource = FluentParser(with_spans=False).parse(path.read_text(encoding="utf-8"))
        junk = [entry for entry in resource.body if isinstance(entry, fluent_ast.Junk)]
        assert not junk, f"{path}: {junk[0].annotations}"
        for entry in resource.body:
            if isinstance(entry, fluent_ast.Message):
                assert entry.id.name not in found, f"{entry.id.name} defined twice in {lang}"
                visitor = _Variables()
                visitor.visit(entry)
                found[entry.id.name] = visitor.names
    return found


ZH, EN = messages("zh"), messages("en")


def test_both_languages_have_the_same_messages_with_the_same_values() -> None:
    assert ZH.keys() == EN.keys()
    assert {k: v for k, v in ZH.items() if v != EN[k]} == {}


def _call_sites() -> Iterator[tuple[str, str, set[str] | None]]:
    """(where, code, value names) of every literal code in bot/: raisers' calls and (code, {…}) pairs."""
    for path in sorted(BOT.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            where = f"{path.relative_to(BOT.parent)}:{getattr(node, 'lineno', 0)}"
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", "")) in RAISERS
            ):
                first = node.args[0] if node.args else None
                if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                    continue
                names: set[str] | None = {k.arg for k in node.keywords if k.arg}
                if getattr(node.func, "id", "") == "Problem":
                    names = set()  # its keywords are the problem's field, label, severity, row
                if len(node.args) > 1:
                    values = node.args[1]
                    names = (
                        {k.value for k in values.keys if isinstance(k, ast.Constant)}
                        if isinstance(values, ast.Dict) and all(k is not None for k in values.keys)
                        else None
                    )
                yield where, first.value, names
            elif (
                isinstance(node, ast.Tuple)
                and len(node.elts) >= 2
                and isinstance(node.elts[-2], ast.Constant)
                and isinstance(node.elts[-2].value, str)
                and node.elts[-2].value in EN
                and isinstance(node.elts[-1], ast.Dict)
            ):
                keys = node.elts[-1].keys
                if all(isinstance(k, ast.Constant) for k in keys):
                    yield where, node.elts[-2].value, {k.value for k in keys if isinstance(k, ast.Constant)}


SITES = list(_call_sites())


def test_call_sites_were_found() -> None:
    assert len(SITES) > 60


@pytest.mark.parametrize(("where", "code", "names"), SITES, ids=[f"{w}:{c}" for w, c, _ in SITES])
def test_every_code_raised_is_in_the_catalog_with_the_values_passed(
    where: str, code: str, names: set[str] | None
) -> None:
    assert code in EN, f"{where}: {code!r} is not in the catalog"
    if names is not None:
        assert names == EN[code], f"{where}: {code!r} is given {sorted(names)}, uses {sorted(EN[code])}"


def test_codes_are_written_out_never_built() -> None:
    """A code built at run time (an f-string, `+`) escapes the checks above and fails only when shown:
    `BotError(f"{path} is missing")` was a traceback in `import`."""
    built = []
    for path in sorted(BOT.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", "")) in RAISERS
                and node.args
                and isinstance(node.args[0], ast.JoinedStr | ast.BinOp)
            ):
                built.append(f"{path.relative_to(BOT.parent)}:{node.lineno}")
    assert built == []


def test_every_help_code_is_in_the_catalog() -> None:
    from bot.__main__ import build_parser

    parsers = [build_parser()]
    codes = set()
    while parsers:
        parser = parsers.pop()
        codes |= {parser.description, parser.epilog} - {None}
        for action in parser._actions:
            if action.help and action.help.startswith("help-"):
                codes.add(action.help)
            for choice in getattr(action, "_choices_actions", ()):
                codes.add(choice.help)
            if isinstance(action.choices, dict):
                parsers += [v for v in action.choices.values() if isinstance(v, argparse.ArgumentParser)]
    assert codes and not [code for code in codes if code not in EN]


def test_every_message_is_used_somewhere() -> None:
    sources = "".join(p.read_text(encoding="utf-8") for p in BOT.rglob("*.py"))
    sources += "".join(p.read_text(encoding="utf-8") for p in (BOT / "templates").glob("*"))
    unused = [code for code in EN if f'"{code}"' not in sources and f"'{code}'" not in sources]
    assert unused == []


def test_problems_and_errors_read_in_both_languages() -> None:
    problem = Problem("too-long", {"actual": 120, "limit": 100}, "name", "模型名称 / Model name")
    assert problem.zh == "长 120 个字符，上限是 100 个，请缩短。"
    assert problem.en == "is 120 characters long; the limit is 100. Shorten it."
    error = BotError("file-missing", path="schemas/x.json")
    assert str(error).splitlines() == [
        "仓库中缺少 schemas/x.json（机器人按默认目录结构查找）。",
        "schemas/x.json is missing from the repository (the bot expects the default layout).",
    ]


def test_a_message_given_the_wrong_values_is_a_catalog_error_not_a_silent_blank() -> None:
    with pytest.raises(catalog.CatalogError):
        catalog.say("too-long", "en", {"actual": 1})
    with pytest.raises(catalog.CatalogError):
        catalog.say("no-such-code", "zh")

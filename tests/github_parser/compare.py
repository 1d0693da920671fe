"""Figures for the parser comparison: how many generated bodies bot/issue_body.py reads as GitHub does.

    .venv/bin/python tests/github_parser/compare.py [BODIES_PER_FORM]

Draws bodies from tests/form_bodies.py (the repository's form, a form with every field kind, no
form), runs GitHub's parser and the bot's on each, prints a table and the first disagreements.
The test suite runs the same comparison with fewer examples (tests/test_github_parser.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parents[2])]

from form_bodies import FORM, FORM_TEXT, RICH_FORM, RICH_FORM_TEXT, bodies  # noqa: E402
from github_parser.oracle import Oracle, expected, version  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402

from bot.form import Form  # noqa: E402
from bot.issue_body import parse_body  # noqa: E402


def compare(
    oracle: Oracle, form: Form | None, template: str | None, count: int
) -> tuple[int, int, set[str], list[str]]:
    seen: set[str] = set()
    agreed = 0
    total = 0
    disagreements: list[str] = []

    @settings(max_examples=count, database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(bodies(form or FORM))
    def run(body: str) -> None:
        nonlocal agreed, total
        total += 1
        seen.add(body)
        if form is None:
            same = parse_body(body).values == oracle.parse(body, None, slugify=True)
        else:
            same = parse_body(body, form).values == expected(oracle.parse(body, template), form)
        if same:
            agreed += 1
        elif len(disagreements) < 5:
            disagreements.append(body)

    run()
    return total, agreed, seen, disagreements


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    oracle = Oracle()
    print(f"@github/issue-parser {version()} vs bot/issue_body.py, {count} generated bodies per form\n")
    print("| form | bodies compared | distinct | agreeing |")
    print("| --- | ---: | ---: | ---: |")
    failed = False
    for name, form, template in (
        ("new-model.yml", FORM, FORM_TEXT),
        ("every field kind", RICH_FORM, RICH_FORM_TEXT),
        ("no form (slugs)", None, None),
    ):
        total, agreed, seen, bad = compare(oracle, form, template, count)
        print(f"| {name} | {total} | {len(seen)} | {agreed} |")
        for body in bad:
            print(f"  disagrees: {body!r}")
        failed |= agreed != total
    oracle.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

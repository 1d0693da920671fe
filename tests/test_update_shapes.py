"""Update and remove requests through the whole pipeline, on data files written in every shape a
maintainer may use (hypothesis): dash on its own line, comments between and inside rows, block scalars
`|`, `|-`, `|+`, `>`, quoted values, flow rows, an indented list, CRLF, a BOM, no final newline.

Whatever the layout and the request: an accepted request's data file reads back (with an independent
loader) as exactly the stored rows with that one row changed or taken out, in one contiguous change;
the post shows exactly those rows; a rejected request changes nothing; nothing raises but a BotError
that names the file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from bot import frontmatter, render, update, yamlio
from bot.files import WorkingTree
from bot.form import parse_form
from bot.layout import Layout, read_snapshot
from bot.model import BotError, Row, errors

ROOT = Path(__file__).resolve().parent.parent
LAYOUT = Layout()
NOW = dt.datetime(2026, 11, 25, 8, 0, tzinfo=dt.UTC)
SNAPSHOT = read_snapshot(LAYOUT, WorkingTree(ROOT))
FORM = parse_form(SNAPSHOT.update_form or "")
BOM = "\ufeff"
OPTIONAL = ("summary", "organization", "released", "url", "data")

# --- stored values, in every style ------------------------------------------------------------------------

plain_text = st.from_regex(
    r"[A-Za-z\u4e00-\u4e10][A-Za-z0-9\u4e00-\u4e10 ./()+-]{0,12}[A-Za-z0-9)]", fullmatch=True
)
line_text = st.text(
    st.characters(exclude_categories=["Cs", "Cc", "Zl", "Zp"], exclude_characters=BOM + "\x85\ufffe\uffff"),
    min_size=1,
    max_size=12,
).filter(lambda s: s.strip() != "")
block_line = st.one_of(line_text, st.sampled_from(["- x", "# not a comment", "a: b", "---", "..."]))


@st.composite
def value_lines(draw: st.DrawFn) -> tuple[list[str], str]:
    """The text after `key:` and the continuation lines (at column 0), and the block header ("" if none)."""
    kind = draw(st.sampled_from(["plain", "single", "double", "block"]))
    comment = draw(st.sampled_from(["", "  # note"]))
    if kind == "plain":
        return [" " + draw(plain_text) + comment], ""
    if kind == "single":
        return [" '" + draw(line_text).replace("'", "''") + "'" + comment], ""
    if kind == "double":
        tag = draw(st.sampled_from(["", "", " !!str"]))
        return [tag + " " + json.dumps(draw(line_text), ensure_ascii=False) + comment], ""
    header = draw(st.sampled_from(["|", "|-", "|+", ">", ">-"]))
    first = draw(block_line).lstrip(" ")
    rest = draw(st.lists(st.one_of(block_line, st.just("")), max_size=2))
    tail = [""] * draw(st.integers(0, 1)) if header == "|+" else []
    return [f" {header}", first, *rest, *tail], header


@st.composite
def row_text(draw: st.DrawFn, number: int, column: int) -> tuple[str, str]:
    """Row `number`'s lines at `column` (id `m<number>`, name `Model <number>`), and its last block header."""
    keys = ["id", "name", *draw(st.lists(st.sampled_from(OPTIONAL), unique=True, max_size=3))]
    fixed = {"id": f"m{number}", "name": f"Model {number}"}
    if draw(st.booleans()):  # a flow row
        fields = [f"{k}: {json.dumps(fixed.get(k) or draw(line_text), ensure_ascii=False)}" for k in keys]
        return " " * column + "- {" + ", ".join(fields) + "}\n", ""
    keys = draw(st.permutations(keys))
    lines: list[str] = []
    last = ""
    for key in keys:
        if lines and draw(st.integers(0, 5)) == 0:
            lines.append(draw(st.sampled_from(["# a comment inside the row", "  # indented comment"])))
        if key in fixed:
            quoted = draw(st.booleans())
            text, last = ([f" '{fixed[key]}'" if quoted else f" {fixed[key]}"], "")
        else:
            text, last = draw(value_lines())
        lines.append(f"{key}:{text[0]}")
        lines += ["  " + line if line else "" for line in text[1:]]
    under = ["  " + line if line else "" for line in lines]
    dash = draw(st.sampled_from(["same", "own", "comment"]))
    head = {"same": ["- " + lines[0], *under[1:]], "own": ["-", *under], "comment": ["- # c", *under]}[dash]
    return "".join((" " * column + line if line else "") + "\n" for line in head), last


@st.composite
def data_files(draw: st.DrawFn) -> str:
    if draw(st.integers(0, 7)) == 0:  # the whole file one flow sequence
        rows = [
            {
                "id": f"m{n}",
                "name": f"Model {n}",
                **draw(st.dictionaries(st.sampled_from(OPTIONAL), line_text)),
            }
            for n in range(1, draw(st.integers(1, 3)) + 1)
        ]
        joint = draw(st.sampled_from([", ", ",\n  "]))
        return "[" + joint.join(json.dumps(row, ensure_ascii=False) for row in rows) + "]\n"
    column = draw(st.sampled_from([0, 0, 2]))
    out = draw(st.sampled_from(["", "# data\n", "---\n# data\n\n"]))
    last = ""
    for number in range(1, draw(st.integers(1, 4)) + 1):
        separator = draw(st.sampled_from(["", "\n", "# between\n", "\n# between\n\n"]))
        if number > 1 and not (last == "|+" and "\n" in separator.replace("# between\n", "")):
            out += separator
        text, last = draw(row_text(number, column))
        out += text
    out += draw(st.sampled_from(["", "# the end\n"])) if last != "|+" else ""
    if not draw(st.booleans()):
        out = out.rstrip("\n") if last in ("", "|-", ">-") else out
    if draw(st.booleans()):
        out = out.replace("\n", "\r\n")
    return (BOM if draw(st.booleans()) else "") + out


# --- requests ---------------------------------------------------------------------------------------------

safe_text = st.from_regex(
    r"[A-Za-z\u4e00-\u4e10][A-Za-z0-9\u4e00-\u4e10 ,.()+]{0,20}[A-Za-z0-9)\u4e00-\u4e10]", fullmatch=True
)
ANSWERS = {
    "name": st.one_of(safe_text, st.just("Model 1"), line_text),
    "released": st.sampled_from(["2023", "2023-04", "2023年4月19日", "March 2024", "-", "sometime"]),
    "url": st.sampled_from(["https://github.com/a/b", "https://example.org/x?y=1", "github.com/a/b", "-"]),
}
answer = st.one_of(safe_text, safe_text, st.sampled_from(["-", "－", "多行\n数据", "- a\n- b"]), line_text)
requests = st.tuples(
    st.booleans(),  # remove?
    st.lists(st.sampled_from(("name", *OPTIONAL)), min_size=1, max_size=3, unique=True).flatmap(
        lambda keys: st.fixed_dictionaries({k: ANSWERS.get(k, answer) for k in keys})
    ),
)


def body(entry: str, remove: bool, fields: dict[str, str]) -> str:
    given = {"entry": entry, "change": FORM.fields[1].options[1 if remove else 0], **fields, "reason": "见 x"}
    return "\n\n".join(f"### {f.label}\n\n{given.get(f.id) or '_No response_'}" for f in FORM.fields) + "\n"


def oracle(text: str) -> list[Row]:
    """The rows as ruamel's safe constructor reads them (not the bot's reader)."""
    return [{k: v for k, v in row.items() if v != ""} for row in yamlio.load_text(text) or []]


def one_change(old: str, new: str) -> str:
    """What `new` has in place of `old`'s middle, after checking the rest is the same bytes."""
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return new[head : len(new) - tail]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data_files(), st.data(), requests)
def test_any_request_on_any_layout_writes_exactly_the_intended_rows(
    text: str, data: st.DataObject, request: tuple[bool, dict[str, str]]
) -> None:
    stored = oracle(text)
    index = data.draw(st.integers(0, len(stored) - 1))
    remove, fields = request
    snapshot = dataclasses.replace(SNAPSHOT, data=text)
    try:
        outcome = update.plan_update(body(stored[index]["id"], remove, fields), snapshot, NOW, LAYOUT)
    except BotError as exc:
        event(f"refused: {exc.code}")
        assert exc.code.startswith("data-"), exc.code
        return
    if not outcome.accepted:
        event(f"rejected: {errors(outcome.problems)[0].code}")
        assert errors(outcome.problems) and outcome.changes == ()
        return
    event(f"accepted: {outcome.kind}")
    data_change, post_change = outcome.changes
    assert data_change.old == text
    if remove:
        expected = [*stored[:index], *stored[index + 1 :]]
    else:
        expected = [*stored[:index], outcome.row, *stored[index + 1 :]]
        assert outcome.row["id"] == stored[index]["id"]
        assert {k: v for k, v in outcome.row.items() if k not in fields and k != "updated"} == {
            k: v for k, v in stored[index].items() if k not in fields
        }
    assert oracle(data_change.new) == expected
    assert data_change.new.startswith(BOM) == text.startswith(BOM)
    if "\r\n" in text:
        assert data_change.new.count("\n") == data_change.new.count("\r\n")
    inserted = one_change(text, data_change.new)
    assert f"m{index + 2}" not in inserted or remove  # the next row's lines are not rewritten
    body_text = frontmatter.split(post_change.new).body
    assert render.in_sync(body_text, render.render_table(expected, outcome.table))  # type: ignore[arg-type]


NEW_FORM = parse_form(SNAPSHOT.form)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data_files(), st.fixed_dictionaries({"summary": answer, "data": answer}))
def test_any_submission_on_any_layout_appends_exactly_one_row(text: str, fields: dict[str, str]) -> None:
    from bot import pipeline

    stored = oracle(text)
    given = {"name": "Brand-new Model", **fields}
    issue = "\n\n".join(f"### {f.label}\n\n{given.get(f.id) or '_No response_'}" for f in NEW_FORM.fields)
    snapshot = dataclasses.replace(SNAPSHOT, data=text)
    try:
        outcome = pipeline.plan_submission(issue + "\n", snapshot, NOW, LAYOUT)
    except BotError as exc:
        event(f"refused: {exc.code}")
        assert exc.code.startswith("data-"), exc.code
        return
    if not outcome.accepted:
        event(f"rejected: {errors(outcome.problems)[0].code}")
        assert outcome.changes == ()
        return
    event("accepted")
    data_change, _post = outcome.changes
    assert oracle(data_change.new) == [*stored, outcome.row]
    if not text.lstrip(BOM).startswith("["):  # a flow sequence gets the row inside its brackets
        assert data_change.new.startswith(text)  # every byte before is kept

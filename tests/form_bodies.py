"""Hypothesis strategies for issue-form bodies: the repository's real form, hostile answers.

GitHub writes a submitted form as `### <label>`, a blank line and the answer (`_No response_` when
empty, a ```` ```<render> ```` fence around a `render:` textarea), sections joined by a blank line.
Contributors then edit that text freely, so bodies here are also reordered, repeated, edited headings,
notes before and after, CRLF line ends and a BOM. Answers are built from pieces that trip up markdown
readers (unclosed fences, `~~~` lines, `<!--`, `###` mid-line, indentation, Unicode spaces).
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import strategies as st

from bot.form import Field, Form, parse_form

ROOT = Path(__file__).resolve().parent.parent
FORM_TEXT = (ROOT / ".github/ISSUE_TEMPLATE/new-model.yml").read_text(encoding="utf-8")
FORM = parse_form(FORM_TEXT)
# The repository's form has only inputs and a textarea; this one covers the other kinds GitHub writes.
RICH_FORM_TEXT = """\
name: t
description: t
body:
  - type: markdown
    attributes: {value: "### Not a field"}
  - type: input
    id: title
    attributes: {label: Title}
  - type: textarea
    id: logs
    attributes: {label: Logs, render: shell}
  - type: dropdown
    id: kinds
    attributes: {label: Kinds, multiple: true, options: [LLM, Vision, Audio]}
  - type: checkboxes
    id: terms
    attributes:
      label: Terms
      options:
        - label: Public
        - label: Accurate
  - type: textarea
    id: notes
    attributes: {label: Notes}
"""
RICH_FORM = parse_form(RICH_FORM_TEXT)

HOSTILE = (
    "```",
    "```python",
    "~~~",
    "~~~ 约70亿参数 ~~~",
    "<!--",
    "-->",
    "<!-- ### 所在机构 / Organization -->",
    "<details>",
    "###",
    "### ",
    "####",
    "#### 简介 / Summary",
    "### 所在机构 / Organization",
    "C### 所在机构 / Organization",
    "### 备注 / Notes",
    "### Logs",
    "### Title",
    "_No response_",
    "None",
    "NONE",
    "    indented",
    "\tTab",
    "\u3000全角",
    "\u00a0",
    "\ufeff",
    "\u2028",
    "\u200b",
    "- [x] Public",
    "- [X] Accurate",
    "- [ ] Public",
    "-\u00a0[x]\u3000Public",
    "LLM, Vision",
    "LLM,Audio",
    "Edit: 已修正发布时间，谢谢！@maintainer",
    "| Apollo-7B | 香港中文大学（深圳） | 2024年3月 |",
    "[github.com](https://evil.example/x)",
    "约70亿参数",
    "https://github.com/FudanDISC/DISC-MedLLM",
    "---",
    "\\",
    "#",
    "`",
)
SEPARATORS = ("", " ", "  ", "\n", "\n\n", "\r\n", "\n   ", "\n\n\n")
_CHARS = st.characters(
    codec="utf-8",
    categories=("L", "N", "P", "S", "Zs", "Cc", "Cf"),
    include_characters="#`~<>!- \n\r\t\u2028\u2029\ufeff",
)
piece = st.one_of(st.sampled_from(HOSTILE), st.text(_CHARS, max_size=12))
answer = st.lists(st.tuples(piece, st.sampled_from(SEPARATORS)), max_size=6).map(
    lambda parts: "".join(p + s for p, s in parts)
)


def heading_variants(form: Form) -> st.SearchStrategy[str]:
    labels = [f.label for f in form.fields]
    halves = [half for label in labels for half in label.split(" / ")]
    return st.one_of(
        st.sampled_from(labels).map(lambda label: f"### {label}"),  # as GitHub writes it, most often
        st.sampled_from(labels).map(lambda label: f"### {label}"),
        st.sampled_from(labels),  # `###` directly before the label, extra spaces, trailing blanks
        st.tuples(st.sampled_from(["###", "###  ", "####", "## ", "### "]), st.sampled_from(labels)).map(
            lambda t: f"{t[0]}{t[1]}"
        ),
        st.sampled_from(labels).map(lambda label: f"### {label}  \t"),
        st.tuples(
            st.sampled_from(labels), st.sampled_from(["\r", "\u2028", "\u2029", "\u3000", "\ufeff"])
        ).map(
            lambda t: f"### {t[0]}{t[1]}x"  # line terminators JavaScript's `.` stops at, Unicode spaces
        ),
        st.sampled_from(halves).map(lambda half: f"### {half}"),
        st.sampled_from(["### 备注 / Notes", "### Notes", "###", "### ", "### x"]),
    ).map(lambda h: h if h.lstrip().startswith("#") else f"###{h}")


def github_answer(spec: Field, typed: str) -> str:
    """What GitHub writes for a field answered with `typed`."""
    if not typed.strip():
        return "_No response_"
    if spec.render:
        return f"```{spec.render}\n{typed}\n```"
    return typed


@st.composite
def as_github_writes(draw: st.DrawFn, form: Form) -> str:
    """Every field in order, answered with hostile text, written the way GitHub writes a form."""
    parts = [f"### {f.label}\n\n{github_answer(f, draw(answer))}" for f in form.fields]
    return "\n\n".join(parts)


@st.composite
def edited(draw: st.DrawFn, form: Form) -> str:
    """A body as a contributor may leave it after editing: any headings, any order, text around."""
    sections = draw(
        st.lists(st.tuples(heading_variants(form), st.sampled_from(SEPARATORS), answer), max_size=8)
    )
    body = "\n\n".join(f"{h}{sep}{a}" if sep else f"{h}\n{a}" for h, sep, a in sections)
    before = draw(st.sampled_from(["", "\ufeff", "Hi!\n\n", "<!-- form -->\n", "   "]))
    after = draw(st.sampled_from(["", "\n", "\n\nEdit: 已修正，谢谢！@maintainer", "\n\n---\nthanks", "###"]))
    body = before + body + after
    return body.replace("\n", "\r\n") if draw(st.booleans()) else body


def bodies(form: Form) -> st.SearchStrategy[str]:
    return st.one_of(as_github_writes(form), edited(form), st.text(_CHARS, max_size=80))

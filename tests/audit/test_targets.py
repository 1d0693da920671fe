"""Which URLs are checked, and what is asked about each (pure)."""

from __future__ import annotations

import pytest

from bot.audit.targets import Resource, renamed, resource, targets


def test_url_fields_and_links_in_text_in_data_order() -> None:
    rows = [
        {"id": "a", "name": "[A](https://a.example/x)", "url": "https://github.com/o/r", "data": "no link"},
        {"name": "B", "data": "[x](https://b.example/1) and [y](https://b.example/1) [z](ftp://nope)"},
        {"id": "c", "name": "C", "url": "not a url"},
    ]
    found = [(t.entry.id, t.entry.position, t.field, t.url) for t in targets(rows, ("url",))]
    assert found == [
        ("a", 1, "name", "https://a.example/x"),
        ("a", 1, "url", "https://github.com/o/r"),
        ("row-2", 2, "data", "https://b.example/1"),
    ]
    assert targets(rows, ("url",))[0].entry.name == "A" and not targets(rows, ("url",))[2].entry.has_id


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://github.com/SCIR-HI/Med-ChatGLM", Resource("github-repo", "scir-hi/med-chatglm")),
        ("https://github.com/o/r.git", Resource("github-repo", "o/r")),
        ("https://github.com/o/r/blob/master/README.md#x", Resource("github-repo", "o/r")),
        ("https://www.github.com/o/r)", Resource("github-repo", "o/r)")),  # the seed's stray ")"
        ("https://github.com/microsoft", Resource("github-user", "microsoft")),
        ("https://github.com/topics/llm", Resource("web", "https://github.com/topics/llm")),
        ("https://github.com/", Resource("web", "https://github.com/")),
        ("https://huggingface.co/epfl-llm/meditron-7b", Resource("hub", "models/epfl-llm/meditron-7b")),
        ("https://huggingface.co/datasets/bigbio/med_qa", Resource("hub", "datasets/bigbio/med_qa")),
        ("https://hf.co/spaces/o/demo/tree/main", Resource("hub", "spaces/o/demo")),
        ("https://huggingface.co/docs/hub", Resource("web", "https://huggingface.co/docs/hub")),
        ("https://huggingface.co/gpt2", Resource("web", "https://huggingface.co/gpt2")),
        ("http://Example.org/a?b=1#frag", Resource("web", "http://Example.org/a?b=1")),
    ],
)
def test_resource(url: str, expected: Resource) -> None:
    assert resource(url) == expected


def test_renamed_keeps_the_rest_of_the_url() -> None:
    assert (
        renamed("http://github.com/a/b/tree/main/x?y=1#z", "c/d")
        == "https://github.com/c/d/tree/main/x?y=1#z"
    )
    assert renamed("https://huggingface.co/datasets/a/b", "c/d") == "https://huggingface.co/datasets/c/d"
    assert renamed("https://github.com/a/b/", "c/d") == "https://github.com/c/d"

"""Hugging Face links through a fake Hub API on 127.0.0.1 (HF_ENDPOINT): ok, gated, missing, renamed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from link_servers import FakeHub

from bot.audit import command
from bot.audit.checker import Endpoints
from bot.audit.settings import Settings

ADDRESSES = ("url",)  # the repository's declared url column


@pytest.fixture(scope="module")
def hub() -> Iterator[FakeHub]:
    with FakeHub("127.0.0.7") as hub:
        hub.add("models", "epfl-llm/meditron-7b", license="llama2")
        hub.add("models", "meta-llama/Llama-2-7b-hf", gated="manual", license="llama2")
        hub.add("datasets", "bigbio/med_qa", license="unknown")
        hub.add("models", "new-org/renamed")
        hub.renamed["models/old-org/renamed"] = "models/new-org/renamed"
        yield hub


def test_hub_states(hub: FakeHub) -> None:
    urls = [
        "https://huggingface.co/epfl-llm/meditron-7b",
        "https://huggingface.co/meta-llama/Llama-2-7b-hf",
        "https://huggingface.co/datasets/bigbio/med_qa/viewer",
        "https://huggingface.co/nobody/missing",
        "https://huggingface.co/old-org/renamed/tree/main",
    ]
    rows = [{"id": f"m{i}", "name": f"M{i}", "url": url} for i, url in enumerate(urls)]
    lines, _, checks = command.audit(rows, ADDRESSES, {}, Settings(timeout=5), Endpoints(hub=hub.base), 1)
    found = {line.target.url: line for line in lines}
    assert [(found[u].state, found[u].outcome.verdict.code) for u in urls] == [
        ("ok", "hub-ok"),
        ("gated", "hub-gated"),
        ("ok", "hub-ok"),
        ("dead", "hub-missing"),
        ("moved", "hub-renamed"),
    ]
    assert "license: llama2" in found[urls[0]].detail and "manual" in found[urls[1]].detail
    assert found[urls[4]].suggestion == "https://huggingface.co/new-org/renamed/tree/main"
    assert checks == 5
    assert {s.path for s in hub.seen} >= {"/api/datasets/bigbio/med_qa", "/api/models/nobody/missing"}

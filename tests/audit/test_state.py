"""The memory hidden in the tracking issue: round trip, budget, and hostile bodies (pure)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.audit import state
from bot.audit.history import Memory
from bot.audit.verdicts import STATES

memories = st.builds(
    Memory,
    state=st.sampled_from(STATES),
    dead=st.integers(0, 5),
    unverified=st.integers(0, 5),
    etag=st.none() | st.text(min_size=1, max_size=80),
)
urls = st.text(max_size=60).map(lambda s: "https://x.example/" + s)


@settings(max_examples=80)
@given(st.dictionaries(urls, memories, max_size=8))
def test_round_trip_through_an_issue_body(memory: dict[str, Memory]) -> None:
    block = state.dump(memory)
    assert "-->" not in block[len(state.OPEN) : -3]  # nothing can close the comment early
    body = f"<!-- marker -->\nsome text\n{block}\n"
    assert state.parse(body) == {url: m for url, m in memory.items() if not m.empty}
    assert state.dump(memory) == block  # deterministic


@settings(max_examples=80)
@given(st.text(max_size=300))
def test_any_body_parses_or_counts_as_no_memory(junk: str) -> None:
    for body in (junk, f"{state.OPEN}\n{junk}\n-->"):
        parsed = state.parse(body)
        assert parsed is None or all(isinstance(m, Memory) for m in parsed.values())


def test_hand_edits_and_wrong_shapes_are_refused() -> None:
    for inner in (
        '{"version": 2, "urls": {}}',
        '{"version": 1, "urls": {"ftp://x": {}}}',
        '{"version": 1, "urls": {"https://x": {"dead": -1}}}',
        '{"version": 1, "urls": {"https://x": {"state": "gone"}}}',
        "[]",
    ):
        assert state.parse(f"{state.OPEN}\n{inner}\n-->") is None


def test_over_budget_etags_go_first_then_counters_then_urls_from_the_end() -> None:
    memory = {
        f"https://x.example/{i:04d}": Memory("unverified", dead=1, unverified=3, etag="E" * 60)
        for i in range(200)
    }
    assert state.parse(state.dump(memory, budget=40_000)) == memory
    for budget in (20_000, 14_000, 2_000):
        block = state.dump(memory, budget=budget)
        assert len(block) <= budget + 60  # the comment's own lines
        kept = state.parse(block)
        assert kept is not None
        etags = [url for url, m in kept.items() if m.etag]
        counters = [url for url, m in kept.items() if m.unverified]
        assert etags == sorted(memory)[: len(etags)] and counters == sorted(memory)[: len(counters)]
        assert etags and len(kept) == 200 if budget == 20_000 else not etags
        assert len(kept) == 200 if budget >= 14_000 else 0 < len(kept) < 200
        assert all(m.dead == 1 and m.state == "unverified" for m in kept.values())

"""The consecutive-failure rule and the memory between runs (pure)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.audit.history import UNVERIFIED_CAP, Memory, listed, remember, settle
from bot.audit.verdicts import STATES, Verdict

DEAD = Verdict("dead", "link-gone", {"status": 404})
FLAKY = Verdict("unverified", "link-timeout")
OK = Verdict("ok", "link-ok", {"status": 200})


def run(verdicts: list[Verdict], n: int) -> list[str]:
    memory: Memory | None = None
    states = []
    for v in verdicts:
        outcome = settle("u", v, memory, n)
        memory = outcome.memory
        states.append(outcome.state)
    return states


def test_dead_after_n_proofs_in_a_row() -> None:
    assert run([DEAD, DEAD, DEAD], 2) == ["unverified", "dead", "dead"]
    assert run([DEAD, DEAD, DEAD], 3) == ["unverified", "unverified", "dead"]
    assert run([DEAD], 1) == ["dead"]


def test_a_run_proving_nothing_or_a_recovery_breaks_the_streak() -> None:
    assert run([DEAD, FLAKY, DEAD, OK, DEAD, DEAD], 2) == [
        "unverified",
        "unverified",
        "unverified",
        "ok",
        "unverified",
        "dead",
    ]


@settings(max_examples=60)
@given(st.lists(st.sampled_from(STATES), max_size=12), st.integers(1, 4))
def test_dead_is_reported_exactly_when_the_last_n_runs_proved_it(states: list[str], n: int) -> None:
    verdicts = [Verdict(s, "x") for s in states]  # type: ignore[arg-type]
    reported = run(verdicts, n)
    for i, state in enumerate(reported):
        last = states[max(0, i - n + 1) : i + 1]
        assert (state == "dead") == (len(last) == n and set(last) == {"dead"})


def test_counters_stop_so_an_unchanged_week_writes_nothing() -> None:
    memory = None
    for _ in range(10):
        memory = settle("u", FLAKY, memory, 2).memory
    assert memory == Memory("unverified", unverified=UNVERIFIED_CAP)
    assert run([DEAD] * 5, 2)[-1] == "dead" and settle("u", DEAD, Memory("dead", dead=2), 2).memory.dead == 2


def test_what_is_remembered() -> None:
    outcomes = [
        settle("b", OK, None, 2),
        settle("a", DEAD, None, 2),
        settle("c", Verdict("ok", "x", etag="E"), None, 2),
    ]
    memory = remember(outcomes)
    assert list(memory) == ["a", "c"] and memory["c"].etag == "E"
    assert listed(memory) == {("a", "unverified")}

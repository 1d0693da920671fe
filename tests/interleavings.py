"""Run concurrent jobs against the fake GitHub in every order that can matter, one request at a time.

Each job runs in its own thread with its own token. The fake calls `Interleaver.gate` before handling
a request; at a *switch point* the job stops there until the scheduler picks it again. Only one job
runs at a time, so an execution is fully determined by the sequence of picks, and `every_schedule`
enumerates all of them depth-first (stateless model checking): after each execution it branches at
every decision that had another option, so each schedule runs exactly once.

Which requests are switch points is the test's choice (`is_point`): the granularity of the interleaving.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from fake_github import FakeGitHub

Choose = Callable[[list[str]], str]


@dataclass
class Interleaver:
    fake: FakeGitHub
    is_point: Callable[[str, str, str], bool]
    """(job, method, path) → whether the job stops before this request until it is picked again."""
    timeout: float = 30.0
    _cond: threading.Condition = field(default_factory=threading.Condition)
    _tokens: dict[str, str] = field(default_factory=dict)
    _waiting: set[str] = field(default_factory=set)
    _done: set[str] = field(default_factory=set)
    _moved: set[str] = field(default_factory=set)  # jobs that sent a request since they were last picked
    _turn: str | None = None

    def token(self, job: str) -> str:
        """The token a job must use (it acts as the bot)."""
        token = f"token-{job}"
        self._tokens[token] = job
        self.fake.add_token(token, self.fake.bot_login)
        return token

    def point(self, job: str) -> None:
        """Stop here until picked."""
        with self._cond:
            if self._turn == job:
                self._turn = None
            self._waiting.add(job)
            self._moved.discard(job)
            self._cond.notify_all()
            if not self._cond.wait_for(lambda: self._turn == job, self.timeout):
                raise TimeoutError(f"{job} was never picked again")

    def gate(self, token: str, method: str, path: str) -> None:
        job = self._tokens.get(token)
        if job is None:
            return
        if self.is_point(job, method, path) and job in self._moved:
            self.point(job)
        self._moved.add(job)

    def run(self, jobs: dict[str, Callable[[], None]], choose: Choose) -> None:
        """Run `jobs` to the end, one at a time; `choose` picks among the jobs waiting at a point."""
        self._waiting, self._done, self._moved, self._turn = set(), set(), set(), None
        errors: dict[str, BaseException] = {}

        def body(name: str, job: Callable[[], None]) -> None:
            try:
                self.point(name)  # a job starts when it is first picked
                job()
            except BaseException as exc:  # reported by the controller
                errors[name] = exc
            finally:
                with self._cond:
                    self._done.add(name)
                    self._turn = None
                    self._cond.notify_all()

        self.fake.gate = self.gate
        threads = [threading.Thread(target=body, args=item, daemon=True) for item in jobs.items()]
        for thread in threads:
            thread.start()
        try:
            with self._cond:
                while True:
                    settled = self._cond.wait_for(
                        lambda: self._turn is None and len(self._waiting | self._done) == len(jobs),
                        self.timeout,
                    )
                    if not settled:
                        raise TimeoutError(f"jobs did not settle: waiting {self._waiting}, done {self._done}")
                    if len(self._done) == len(jobs):
                        break
                    pick = choose(sorted(self._waiting))
                    self._waiting.discard(pick)
                    self._turn = pick
                    self._cond.notify_all()
        finally:
            self.fake.gate = None
            for thread in threads:
                thread.join(self.timeout)
        if errors:
            name, exc = next(iter(errors.items()))
            raise AssertionError(f"job {name} failed: {exc!r}") from exc


def every_schedule(execute: Callable[[Choose], None], limit: int = 1000) -> Iterator[list[str]]:
    """Call `execute` once per schedule, depth-first over every decision's options; yield each schedule."""
    stack: list[list[str]] = [[]]
    while stack:
        prefix = stack.pop()
        decisions: list[tuple[list[str], str]] = []

        def choose(options: list[str], prefix: list[str] = prefix, decisions: list = decisions) -> str:  # type: ignore[type-arg]
            pick = prefix[len(decisions)] if len(decisions) < len(prefix) else options[0]
            decisions.append((options, pick))
            return pick

        execute(choose)
        schedule = [pick for _, pick in decisions]
        yield schedule
        for i in range(len(decisions) - 1, len(prefix) - 1, -1):
            options, pick = decisions[i]
            for other in reversed(options[options.index(pick) + 1 :]):
                stack.append([*schedule[:i], other])
        limit -= 1
        if limit == 0 and stack:
            raise AssertionError("more schedules than the limit: choose coarser switch points")

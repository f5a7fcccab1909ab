"""Fake timers, threads and monotonic time for the save logic: tests move time themselves.

The autosaver and the editing service take `schedule`, `run_in_thread` and `monotonic` as
arguments so that a test can drive them without sleeping; this is the one set of fakes they
are given.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from slbmc_tui.domain.bank import builtin_bank
from slbmc_tui.domain.session import new_session
from slbmc_tui.storage.store import OpenedSession, SessionStore, open_session
from tests.conftest import FakeClock


class FakeTimers:
    """Timers fired by `advance`, thread jobs kept until `run_jobs`, time that moves only
    when told to."""

    def __init__(self) -> None:
        self.now = 0.0
        self.timers: list[tuple[float, Callable[[], None]]] = []
        self.jobs: list[Callable[[], None]] = []

    def schedule(self, delay: float, callback: Callable[[], None]) -> None:
        self.timers.append((self.now + delay, callback))

    def run_in_thread(self, job: Callable[[], None]) -> None:
        self.jobs.append(job)

    def monotonic(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        """Move time on, firing the timers that fall due."""
        self.now += seconds
        while due := [t for t in self.timers if t[0] <= self.now + 1e-9]:
            self.timers.remove(due[0])
            due[0][1]()

    def run_jobs(self) -> None:
        """Run the jobs handed to the "thread" so far (not those they hand on)."""
        jobs, self.jobs = self.jobs, []
        for job in jobs:
            job()


def open_new_session(folder: Path, clock: FakeClock) -> OpenedSession:
    """A new session written to `folder` and opened for editing."""
    store = SessionStore(folder)
    path = store.create(new_session(builtin_bank("en"), title="T", profile="P", clock=clock))
    return open_session(store, path)

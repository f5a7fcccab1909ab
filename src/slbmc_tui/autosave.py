"""Debounced autosave of one open session: quick on the UI thread, writing off it.

The screen calls `changed()` on every edit (cheap: a clock read and a flag). About one
second after the last change the `Autosaver` asks the screen to copy its editors into the
session (`collect`), stamps and counts the session, and hands a fresh dict to a thread
that writes the file. A newer snapshot always wins: an older write that lost the race is
skipped. A failed write leaves the session marked as changed, so the next change or the
next debounce tries again; the typed words stay in the editors and in the session.

Nothing here imports Textual: the screen passes in how to start a timer and a thread, so
the logic is unit tested with fakes.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any, NamedTuple

from slbmc_tui.domain.session import Clock
from slbmc_tui.storage import toml_format
from slbmc_tui.storage.store import OpenedSession

DEBOUNCE_SECONDS = 1.0

Schedule = Callable[[float, Callable[[], None]], object]
"""Run a callback once after so many seconds, on the UI thread (Textual's `set_timer`)."""

RunInThread = Callable[[Callable[[], None]], object]
"""Run a job on a worker thread (Textual's `run_worker(..., thread=True)`)."""


class SaveOutcome(NamedTuple):
    """What one save did: written at `saved_at`, or failed with a message for the user."""

    ok: bool
    saved_at: datetime | None = None
    error: str = ""

    @property
    def status(self) -> str:
        """The short text of the save indicator."""
        if self.ok and self.saved_at is not None:
            return f"Saved {self.saved_at:%H:%M}"
        return f"Not saved: {self.error}"


def describe_save_error(error: OSError, path: object) -> str:
    """A failed save in words: what failed, where, and what to do; the text is kept."""
    reason = error.strerror or str(error)
    hints = {
        28: "free some disk space",
        13: "check the folder's permissions",
        30: "the disk is read-only; save elsewhere",
    }
    hint = hints.get(error.errno or 0, "check the folder")
    return (f"{reason} while saving {path}. Your text is kept on screen; {hint} "
            "and the next change saves again.")


class Autosaver:
    """Saves one open session about a second after typing stops, and at once when asked."""

    def __init__(
        self,
        opened: OpenedSession,
        *,
        clock: Clock,
        schedule: Schedule,
        run_in_thread: RunInThread,
        report: Callable[[SaveOutcome], None],
        collect: Callable[[], None] = lambda: None,
        delay: float = DEBOUNCE_SECONDS,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._opened = opened
        self._clock = clock
        self._schedule = schedule
        self._run_in_thread = run_in_thread
        self._report = report
        self._collect = collect
        self.delay = delay
        self._monotonic = monotonic
        self._dirty = False
        self._timer_pending = False
        self._last_change = 0.0
        self._sequence = 0
        self._written_sequence = 0
        self._write_lock = threading.Lock()
        self.last_outcome: SaveOutcome | None = None

    @property
    def dirty(self) -> bool:
        """True while something changed that is not yet handed to a save."""
        return self._dirty

    def changed(self) -> None:
        """Note an edit; the save follows `delay` seconds after the last one."""
        self._dirty = True
        self._last_change = self._monotonic()
        if not self._timer_pending:
            self._timer_pending = True
            self._schedule(self.delay, self._on_timer)

    def _on_timer(self) -> None:
        remaining = self._last_change + self.delay - self._monotonic()
        if remaining > 0.001:
            self._schedule(remaining, self._on_timer)
            return
        self._timer_pending = False
        self.save_soon()

    def save_soon(self) -> None:
        """Snapshot now (UI thread) and write on a worker thread, if anything changed."""
        snapshot = self._snapshot()
        if snapshot is not None:
            sequence, data = snapshot
            self._run_in_thread(lambda: self._write_and_report(sequence, data))

    def save_now(self) -> SaveOutcome | None:
        """Snapshot and write on the calling thread; never raises. None if nothing changed."""
        snapshot = self._snapshot()
        if snapshot is None:
            return None
        outcome = self._write(*snapshot)
        if outcome is not None:
            self._settle(outcome)
        return outcome

    def _snapshot(self) -> tuple[int, dict[str, Any]] | None:
        if not self._dirty:
            return None
        self._collect()
        session = self._opened.session
        session.touch(self._clock)
        session.refresh_progress(self._opened.bank)
        self._dirty = False
        self._sequence += 1
        return self._sequence, toml_format.session_to_data(session)

    def _write_and_report(self, sequence: int, data: dict[str, Any]) -> None:
        outcome = self._write(sequence, data)
        if outcome is not None:
            self._report(outcome)

    def _write(self, sequence: int, data: dict[str, Any]) -> SaveOutcome | None:
        with self._write_lock:
            if sequence <= self._written_sequence:
                return None  # a newer snapshot is already on disk
            try:
                self._opened.file.save(data)
            except OSError as error:
                return SaveOutcome(ok=False, error=describe_save_error(error, self._opened.path))
            except Exception as error:  # never lose the session to an unexpected bug
                return SaveOutcome(ok=False, error=f"{error} while saving {self._opened.path}")
            self._written_sequence = sequence
            return SaveOutcome(ok=True, saved_at=self._clock())

    def settle(self, outcome: SaveOutcome) -> None:
        """Record a thread's outcome on the UI thread; a failure makes the next try save."""
        self._settle(outcome)

    def _settle(self, outcome: SaveOutcome) -> None:
        self.last_outcome = outcome
        if not outcome.ok:
            self._dirty = True

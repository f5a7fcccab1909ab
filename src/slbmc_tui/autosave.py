"""Autosave of one open session: quick on the UI thread, writing off it.

The editing service (`services.editing`) calls `changed()` on every edit (cheap: a clock
read and two flags under a lock). The save follows `delay` seconds after the last change,
or `max_wait` seconds after the first unsaved one, whichever comes first: a typist who
never pauses still has the session written at least once a second. A save takes a
snapshot on the calling thread (stamp, progress, a fresh dict) and hands it to a thread
that writes the file. A newer snapshot always wins: an older write that lost the race is
skipped. A failed write leaves the session marked as changed, so the next change tries
again; the typed words stay in the session.

Nothing here imports Textual: the caller passes in how to start a timer and a thread, so
the logic is unit tested with fakes.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any, Literal, NamedTuple

from slbmc_tui.domain.session import Clock
from slbmc_tui.i18n import N_, _, format_time
from slbmc_tui.storage import toml_format
from slbmc_tui.storage.store import OpenedSession

DEBOUNCE_SECONDS = 0.5
"""A pause this long in typing saves."""
MAX_WAIT_SECONDS = 1.0
"""No change waits longer than this for its save, however steadily the user types."""

Schedule = Callable[[float, Callable[[], None]], object]
"""Run a callback once after so many seconds, on the UI thread (Textual's `set_timer`)."""

RunInThread = Callable[[Callable[[], None]], object]
"""Run a job on a worker thread (Textual's `run_worker(..., thread=True)`)."""

AfterWrite = Callable[[], None]
"""Work that belongs to one snapshot, run on the writing thread once the file holds it."""


class SaveOutcome(NamedTuple):
    """What one save did: written at `saved_at`, or failed with a message for the user."""

    ok: bool
    saved_at: datetime | None = None
    error: str = ""

    @property
    def status(self) -> str:
        """The short text of the save indicator."""
        if self.ok and self.saved_at is not None:
            return _("Saved {time}").format(time=format_time(self.saved_at, seconds=True))
        return _("Not saved: {error}").format(error=self.error)


class SaveStatus(NamedTuple):
    """What the save indicator says: nothing changed yet, saving, saved at a time, or failed."""

    state: Literal["clean", "pending", "saved", "error"]
    saved_at: datetime | None = None
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.state != "error"

    @property
    def text(self) -> str:
        if self.state == "pending":
            return _("Saving…")
        if self.state == "error":
            return _("Not saved: {error}").format(error=self.error)
        if self.state == "saved" and self.saved_at is not None:
            return _("Saved {time}").format(time=format_time(self.saved_at, seconds=True))
        return ""


def describe_save_error(error: OSError, path: object) -> str:
    """A failed save in words: what failed, where, and what to do; the text is kept."""
    reason = error.strerror or str(error)
    hints = {
        28: N_("free some disk space"),
        13: N_("check the folder's permissions"),
        30: N_("the disk is read-only; save elsewhere"),
    }
    hint = _(hints.get(error.errno or 0, N_("check the folder")))
    return _("{reason} while saving {path}. Your text is kept on screen; {hint} "
             "and the next change saves again.").format(reason=reason, path=path, hint=hint)


class Autosaver:
    """Saves one open session soon after it changes, and at once when asked.

    Safe to call from any thread; `lock` (shared with the owner of the session) is held
    while a snapshot is taken, so no edit lands half-way through one.
    """

    def __init__(
        self,
        opened: OpenedSession,
        *,
        clock: Clock,
        schedule: Schedule,
        run_in_thread: RunInThread,
        report: Callable[[SaveOutcome], None],
        collect: Callable[[], AfterWrite | None] = lambda: None,
        delay: float = DEBOUNCE_SECONDS,
        max_wait: float = MAX_WAIT_SECONDS,
        monotonic: Callable[[], float] = time.monotonic,
        lock: threading.RLock | None = None,
    ) -> None:
        self._opened = opened
        self._clock = clock
        self._schedule = schedule
        self._run_in_thread = run_in_thread
        self._report = report
        self._collect = collect
        self.delay = delay
        self.max_wait = max_wait
        self._monotonic = monotonic
        self._lock = lock if lock is not None else threading.RLock()
        self._dirty = False
        self._timer_pending = False
        self._first_change = 0.0
        self._last_change = 0.0
        self._sequence = 0
        self._written_sequence = 0
        self._latest: tuple[int, dict[str, Any], AfterWrite | None] | None = None
        self._write_lock = threading.Lock()
        self.last_outcome: SaveOutcome | None = None

    @property
    def dirty(self) -> bool:
        """True while something changed that is not yet handed to a save."""
        return self._dirty

    @property
    def status(self) -> SaveStatus:
        """The truth for the indicator: an error until a save succeeds, else pending while
        a change is not on disk yet, else the time of the last save."""
        with self._lock:
            outcome = self.last_outcome
            if outcome is not None and not outcome.ok:
                return SaveStatus("error", error=outcome.error)
            saved_at = outcome.saved_at if outcome is not None else None
            if self._dirty or self._sequence > self._written_sequence:
                return SaveStatus("pending", saved_at)
            return SaveStatus("saved", saved_at) if outcome is not None else SaveStatus("clean")

    def changed(self) -> bool:
        """Note an edit; True when it is the first one not yet handed to a save."""
        with self._lock:
            now = self._monotonic()
            first = not self._dirty
            if first:
                self._dirty = True
                self._first_change = now
            self._last_change = now
            start_timer = not self._timer_pending
            self._timer_pending = True
        if start_timer:
            self._schedule(min(self.delay, self.max_wait), self._on_timer)
        return first

    def _on_timer(self) -> None:
        with self._lock:
            if not self._dirty:
                self._timer_pending = False
                return
            due = min(self._last_change + self.delay, self._first_change + self.max_wait)
            remaining = due - self._monotonic()
            if remaining <= 0.001:
                self._timer_pending = False
        if remaining > 0.001:
            self._schedule(remaining, self._on_timer)
            return
        self.save_soon()

    def save_soon(self) -> None:
        """Snapshot now (calling thread) and write on a worker thread, if anything changed."""
        snapshot = self._snapshot()
        if snapshot is not None:
            sequence, data, after = snapshot
            self._run_in_thread(lambda: self._write_and_report(sequence, data, after))

    def save_now(self) -> SaveOutcome | None:
        """Snapshot and write on the calling thread; never raises. None if nothing changed.

        A snapshot still on its way to the disk (its thread not done yet) is written here
        too, so that what `save_now` returns is on disk when it returns.
        """
        snapshot = self._snapshot()
        if snapshot is None:
            with self._lock:
                latest = self._latest
            if latest is None or latest[0] <= self._written_sequence:
                return None
            snapshot = latest
        outcome = self._write(*snapshot)
        if outcome is not None:
            self._settle(outcome)
        return outcome

    def _snapshot(self) -> tuple[int, dict[str, Any], AfterWrite | None] | None:
        with self._lock:
            if not self._dirty:
                return None
            after = self._collect()
            session = self._opened.session
            session.touch(self._clock)
            session.refresh_progress(self._opened.bank)
            self._dirty = False
            self._sequence += 1
            self._latest = (self._sequence, toml_format.session_to_data(session), after)
            return self._latest

    def _write_and_report(self, sequence: int, data: dict[str, Any],
                          after: AfterWrite | None) -> None:
        outcome = self._write(sequence, data, after)
        if outcome is not None:
            self._settle(outcome)
            self._report(outcome)

    def _write(self, sequence: int, data: dict[str, Any],
               after: AfterWrite | None = None) -> SaveOutcome | None:
        with self._write_lock:
            if sequence <= self._written_sequence:
                return None  # a newer snapshot is already on disk
            try:
                self._opened.file.save(data)
            except OSError as error:
                return SaveOutcome(ok=False, error=describe_save_error(error, self._opened.path))
            except Exception as error:  # never lose the session to an unexpected bug
                return SaveOutcome(ok=False, error=_("{error} while saving {path}").format(
                    error=error, path=self._opened.path))
            self._written_sequence = sequence
            with self._lock:
                if self._latest is not None and self._latest[0] <= sequence:
                    self._latest = None  # nothing older is kept for `save_now`
            if after is not None:
                with contextlib.suppress(Exception):  # extras (history) never fail a save
                    after()
            return SaveOutcome(ok=True, saved_at=self._clock())

    def _settle(self, outcome: SaveOutcome) -> None:
        """Record an outcome (any thread); a failure makes the next change save again."""
        with self._lock:
            self.last_outcome = outcome
            if not outcome.ok:
                self._dirty = True

"""The one owner of the session being edited.

Editors write every change through to an `EditingSession` at once (`set_text`,
`set_options`, `toggle_research`, `move_to`); every reader (overviews, exports, the
palette, history) reads `session` from it, so no widget holds words the session lacks.
It holds the autosaver, keeps every saved version of an edited answer in the history
file (`storage.history`), and tells listeners what the save indicator should say.

Thread-safe: one re-entrant lock covers edits and the autosave snapshot; listeners may be
called from the writing thread. Nothing here imports Textual: the caller passes in how to
start a timer and a thread (Textual's `set_timer` and thread workers in the app, fakes in
tests).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import NamedTuple

from slbmc_tui.autosave import (
    DEBOUNCE_SECONDS,
    MAX_WAIT_SECONDS,
    AfterWrite,
    Autosaver,
    RunInThread,
    SaveStatus,
    Schedule,
)
from slbmc_tui.domain.bank import Perspective, QuestionBank
from slbmc_tui.domain.session import Answer, Clock, Position, Session
from slbmc_tui.i18n import _
from slbmc_tui.storage import history
from slbmc_tui.storage.store import OpenedSession

NOTES_PROMPT = ":notes"
"""`Position.prompt` of a block's notes field; the colon keeps it apart from any prompt id."""

CANVAS_LINE = ":canvas"
"""Ends the prompt id of an answer's canvas line in the history (no prompt id has a colon)."""

StatusListener = Callable[[SaveStatus], None]
"""Told each time the save status changes; may be called from the writing thread."""


class AnswerKey(NamedTuple):
    """Which answer: block, perspective and prompt id (or NOTES_PROMPT for the notes)."""

    block_id: str
    perspective: Perspective
    prompt_id: str

    @property
    def is_notes(self) -> bool:
        return self.prompt_id == NOTES_PROMPT

    @property
    def is_canvas_line(self) -> bool:
        return self.prompt_id.endswith(CANVAS_LINE)

    @property
    def canvas_line(self) -> AnswerKey:
        """The key of this answer's canvas line (as the history names it)."""
        return self._replace(prompt_id=self.prompt_id + CANVAS_LINE)

    @property
    def triple(self) -> tuple[str, str, str]:
        """As the history file names the answer."""
        return (self.block_id, self.perspective, self.prompt_id)


class EditingSession:
    """Edits one opened session and saves them; `flush()` before leaving it."""

    def __init__(self, opened: OpenedSession, *, clock: Clock, schedule: Schedule,
                 run_in_thread: RunInThread, read_only: bool = False,
                 delay: float = DEBOUNCE_SECONDS, max_wait: float = MAX_WAIT_SECONDS,
                 monotonic: Callable[[], float] = time.monotonic,
                 keep_history: bool = True) -> None:
        self.opened = opened
        self.read_only = read_only
        self._clock = clock
        self._lock = threading.RLock()
        self._listeners: list[StatusListener] = []
        self._told: SaveStatus | None = None
        self._keep_history = keep_history
        self._opened_at = opened.session.meta.updated
        self._before: dict[AnswerKey, str] = {}  # text when first edited in this run
        self._recorded: dict[AnswerKey, str] = {}  # last version put in the history
        self._touched: set[AnswerKey] = set()
        self.history_problem = ""
        """Why the last history append failed ("" when it did not): history only."""
        self.edited = False
        """The user changed the session in this sitting (words, ticks, flags, plan, next
        steps; not the cursor's place): from then on time alone may start a save."""
        self.autosaver: Autosaver | None = None
        if not read_only:
            self.autosaver = Autosaver(
                opened, clock=clock, schedule=schedule, run_in_thread=run_in_thread,
                report=lambda _outcome: self._tell(), collect=self._versions_to_keep,
                delay=delay, max_wait=max_wait, monotonic=monotonic, lock=self._lock)

    # -- reading ---------------------------------------------------------------

    @property
    def session(self) -> Session:
        """The session with every change made so far (read it; change it through here)."""
        return self.opened.session

    @property
    def bank(self) -> QuestionBank:
        return self.opened.bank

    @property
    def path(self) -> Path:
        return self.opened.path

    def text_of(self, key: AnswerKey) -> str:
        """The answer's (or the block notes') text as it stands."""
        with self._lock:
            if key.is_notes:
                record = self.session.blocks.get(key.block_id)
                return record.notes if record else ""
            if key.is_canvas_line:
                answer = self.session.peek(key.block_id, key.perspective,
                                           key.prompt_id.removesuffix(CANVAS_LINE))
                return answer.canvas_line if answer else ""
            answer = self.session.peek(key.block_id, key.perspective, key.prompt_id)
            return answer.text if answer else ""

    def answer(self, key: AnswerKey) -> Answer | None:
        """The recorded answer (None when nothing was recorded); read, do not change."""
        return self.session.peek(key.block_id, key.perspective, key.prompt_id)

    @property
    def status(self) -> SaveStatus:
        """What the save indicator should say now."""
        if self.autosaver is None:
            return SaveStatus("clean")
        return self.autosaver.status

    @property
    def unsaved_error(self) -> str | None:
        """Why changes are not on disk yet (after `flush()` this means the save failed)."""
        saver = self.autosaver
        if saver is None or not saver.dirty:
            return None
        outcome = saver.last_outcome
        if outcome is not None and not outcome.ok:
            return outcome.error
        return _("changes to {path} are not saved yet").format(path=self.opened.path)

    # -- changing --------------------------------------------------------------

    def set_text(self, key: AnswerKey, text: str) -> bool:
        """The answer (or notes) now reads `text`; True when that is a change."""
        with self._lock:
            if key.is_notes:
                record = self.session.block_answers(key.block_id)
                if record.notes == text:
                    return False
                self._before.setdefault(key, record.notes)
                record.notes = text
            else:
                answer = self.session.answer(key.block_id, key.perspective, key.prompt_id)
                if answer.text == text:
                    return False
                self._before.setdefault(key, answer.text)
                answer.text = text
            self._touched.add(key)
        self._changed()
        return True

    def set_options(self, key: AnswerKey, options: list[str]) -> bool:
        """The answer's ticked options are now `options`; True when that is a change."""
        with self._lock:
            stored = self.answer(key)
            if stored is not None and stored.options == options:
                return False
            if stored is None and not options:
                return False
            self.session.answer(key.block_id, key.perspective, key.prompt_id).options = \
                list(options)
        self._changed()
        return True

    def set_canvas_line(self, key: AnswerKey, line: str) -> bool:
        """The answer's canvas line (the sticky-note version the one-page canvas shows) is
        now `line` ("" clears it); True when that is a change. Kept in the history."""
        with self._lock:
            answer = self.session.answer(key.block_id, key.perspective, key.prompt_id)
            if answer.canvas_line == line:
                return False
            self._before.setdefault(key.canvas_line, answer.canvas_line)
            answer.canvas_line = line
            self._touched.add(key.canvas_line)
        self._changed()
        return True

    def toggle_research(self, key: AnswerKey) -> bool:
        """Flag the answer "needs research", or clear the flag; the new flag."""
        with self._lock:
            answer = self.session.answer(key.block_id, key.perspective, key.prompt_id)
            answer.needs_research = not answer.needs_research
            flagged = answer.needs_research
        self._changed()
        return flagged

    def move_to(self, position: Position) -> None:
        """Remember where the user is (resume opens there)."""
        with self._lock:
            if self.session.position == position:
                return
            self.session.position = position
        self._changed(edit=False)

    # -- interview aids (screens/interview_aids.py) ---------------------------

    def add_time(self, block_id: str, seconds: int) -> None:
        """Interview time counted in a block (the agenda's Timekeeper); saved with the next
        save, which time alone does not start (`keep_time` does)."""
        with self._lock:
            spent = self.session.agenda.spent
            spent[block_id] = spent.get(block_id, 0) + seconds

    def keep_time(self) -> None:
        """Save the time counted so far (the screen asks about once a minute)."""
        self._changed(edit=False)

    def set_plan(self, total_minutes: int, boxes: Mapping[str, int]) -> None:
        """The agenda's plan: total minutes and minutes per block."""
        with self._lock:
            self.session.agenda.set_plan(total_minutes, boxes)
        self._changed()

    def set_next_steps(self, text: str) -> bool:
        """The next steps typed at the wrap-up; True when that is a change."""
        with self._lock:
            if self.session.next_steps == text:
                return False
            self.session.next_steps = text
        self._changed()
        return True

    def _changed(self, *, edit: bool = True) -> None:
        self.edited = self.edited or edit
        if self.autosaver is not None and self.autosaver.changed():
            self._tell()  # "Saving…" once per unsaved stretch, not once per key

    # -- saving ----------------------------------------------------------------

    def save_soon(self) -> None:
        """Start a save now (off this thread) if anything changed."""
        if self.autosaver is not None:
            self.autosaver.save_soon()

    def flush(self) -> SaveStatus:
        """Save on this thread now if anything changed; never raises."""
        if self.autosaver is not None:
            with contextlib.suppress(Exception):  # the status below says it is not saved
                self.autosaver.save_now()
            self._tell()
        return self.status

    def add_listener(self, listener: StatusListener) -> None:
        """Call `listener` with each new save status (from any thread)."""
        self._listeners.append(listener)

    def _tell(self) -> None:
        status = self.status
        with self._lock:
            if status == self._told:
                return
            self._told = status
        for listener in list(self._listeners):
            listener(status)

    # -- history ---------------------------------------------------------------

    def history(self, key: AnswerKey) -> history.HistoryRead:
        """The answer's saved versions, newest first (call `flush()` first for the latest)."""
        found = history.read_history(self.opened.path)
        problems = [p for p in (found.problem, self.history_problem) if p]
        return history.HistoryRead(history.versions_of(found.versions, key.triple),
                                   " ".join(problems))

    def _versions_to_keep(self) -> AfterWrite | None:
        """At a snapshot (under the lock): the versions this save adds to the history."""
        if not self._keep_history or not self._touched:
            return None
        now = self._clock()
        versions: list[history.Version] = []
        for key in self._touched:
            text = self.text_of(key)
            if key not in self._recorded:
                before = self._before.get(key, "")
                if before and before != text:
                    versions.append(history.Version(self._opened_at, key.triple, before))
            if self._recorded.get(key) != text:
                versions.append(history.Version(now, key.triple, text))
                self._recorded[key] = text
        self._touched.clear()
        path = self.opened.path

        def append() -> None:
            try:
                history.append_versions(path, versions)
                self.history_problem = ""
            except OSError as error:
                self.history_problem = _(
                    "The history of answers could not be saved ({error}); the answers "
                    "are saved.").format(error=error.strerror or error)
        return append

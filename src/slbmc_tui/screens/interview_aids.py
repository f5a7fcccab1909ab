"""The interview aids on the interview screen: agenda clock, quotes, wrap-up, rounds.

A mixin of `InterviewScreen`, kept apart so the aids read as one piece and the interview
module stays about typing and saving. Time is counted by a `Timekeeper` (domain.agenda)
while the screen is active, in every session; the header (widgets.interview_header) shows
it when the session has a plan; `F8` (or typing `>`) marks the client's words
(widgets.quote_marks).
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.css.query import NoMatches
from textual.screen import Screen

from slbmc_tui.domain.agenda import Timekeeper
from slbmc_tui.i18n import _
from slbmc_tui.widgets.interview_header import InterviewHeader
from slbmc_tui.widgets.quote_marks import toggle_quote_at_cursor

if TYPE_CHECKING:
    from slbmc_tui.dialogs.agenda import AgendaPlan
    from slbmc_tui.domain.bank import QuestionBank
    from slbmc_tui.domain.rounds import RoundFile
    from slbmc_tui.domain.session import Session
    from slbmc_tui.services.editing import EditingSession
    from slbmc_tui.storage.store import OpenedSession

SAVE_TIME_EVERY = 60
"""Seconds of interview time that make the session dirty on their own: the time per block
is saved about once a minute (and with every other save), not on every tick."""


class InterviewAids(Screen[None]):
    """Agenda, quotes, wrap-up and rounds for the interview screen (see the module doc)."""

    timekeeper: Timekeeper | None
    earlier_rounds: list[RoundFile]
    _time_saved: int
    opened: OpenedSession
    read_only: bool
    editing: EditingSession

    if TYPE_CHECKING:
        @property
        def session(self) -> Session: ...

        @property
        def bank(self) -> QuestionBank: ...

        def flush_save(self) -> None: ...

        def _refocus_position(self) -> None: ...

    # -- the clock -------------------------------------------------------------

    def _keep_time(self, every: int = SAVE_TIME_EVERY) -> None:
        """Count the time since the last tick, show it, and save it now and then."""
        keeper = self.timekeeper
        if keeper is None:
            return
        keeper.tick()
        agenda = self.session.agenda
        with contextlib.suppress(NoMatches):  # not yet composed, or already gone
            self.query_one(InterviewHeader).show_time(keeper.status() if agenda.planned
                                                      else None)
        spent = agenda.spent_seconds()
        # Time rides along with every save. Alone it starts one only once the session was
        # changed in this sitting or has a plan: a session opened just to look at is never
        # rewritten (docs/DATA.md, "the agenda").
        if not (agenda.planned or self.editing.edited):
            return
        if spent != self._time_saved and spent - self._time_saved >= every:
            self._time_saved = spent
            self.editing.keep_time()

    def _pause_clock(self) -> None:
        if self.timekeeper is not None:
            self.timekeeper.pause()
            self._keep_time(every=0)

    def _resume_clock(self) -> None:
        if self.timekeeper is not None:
            self.timekeeper.resume()
            self._keep_time()

    def action_toggle_clock(self) -> None:
        """Pause the agenda clock (a break), or let it run again."""
        keeper = self.timekeeper
        if keeper is None:
            self.notify(_("This session is open read-only: no time is kept."),
                        severity="warning")
            return
        if keeper.held:
            keeper.resume(release=True)
        else:
            keeper.pause(held=True)
        self._keep_time(every=0)
        self.notify(_("Clock paused.") if keeper.held else _("Clock running."), timeout=3)

    def action_agenda(self) -> None:
        """The plan: total minutes and a time-box per block."""
        from slbmc_tui.dialogs.agenda import AgendaDialog

        if self.timekeeper is None:
            self.notify(_("This session is open read-only."), severity="warning")
            return

        def chosen(plan: AgendaPlan | None) -> None:
            if plan is not None:
                self.editing.set_plan(plan.total_minutes, plan.boxes)
                self._keep_time(every=0)  # the header shows the clock (or none) at once
            self._refocus_position()

        self.app.push_screen(AgendaDialog(self.session.agenda, self.bank), chosen)

    # -- quotes ----------------------------------------------------------------

    def action_toggle_quote(self) -> None:
        """Mark the paragraph under the cursor as the client's own words, or unmark it."""
        from slbmc_tui.widgets.answer_editor import AnswerEditor

        editor = self.focused
        if self.read_only:
            self.notify(_("This session is open read-only."), severity="warning")
        elif not isinstance(editor, AnswerEditor):
            self.notify(_("Put the cursor in an answer to mark the client's words."),
                        severity="warning")
        else:
            toggle_quote_at_cursor(editor)

    # -- wrap-up and rounds ----------------------------------------------------

    def action_wrap_up(self) -> None:
        """Coverage, open questions, time per block and next steps; the follow-up message."""
        from slbmc_tui.screens.wrap_up import WrapUpScreen

        self.flush_save()  # the screen reads the session: every typed word is in it
        self.app.push_screen(WrapUpScreen(self.session, self.bank, self.opened.path,
                                          set_next_steps=self.editing.set_next_steps,
                                          read_only=self.read_only),
                             lambda _: self._refocus_position())

    @work(thread=True, exclusive=True, group="earlier-rounds")
    def _find_earlier_rounds(self) -> None:
        """The other rounds of this profile in the same folder (for "What changed since")."""
        from slbmc_tui.domain.rounds import RoundFile, earlier_rounds
        from slbmc_tui.storage.store import SessionStore

        try:
            summaries = SessionStore(self.opened.path.parent).list()
        except OSError:
            return
        files = [RoundFile(s.path, s.meta) for s in summaries
                 if s.meta is not None and s.path != self.opened.path]
        found = earlier_rounds(self.session.meta, files)
        self.app.call_from_thread(setattr, self, "earlier_rounds", found)

    def action_changes_since(self, path: str) -> None:
        """Open what changed since the earlier round saved at `path`."""
        self.flush_save()
        self._load_round(Path(path))

    @work(thread=True, exclusive=True, group="load-round")
    def _load_round(self, path: Path) -> None:
        from slbmc_tui.domain.errors import SlbmcFileError
        from slbmc_tui.storage.store import SessionStore

        try:
            old = SessionStore(path.parent).load(path)
        except (SlbmcFileError, OSError) as error:
            self.app.call_from_thread(self.notify, str(error), title=_("Could not open the round"),
                                      severity="error", markup=False)
            return
        self.app.call_from_thread(self._show_rounds, old)

    def _show_rounds(self, old: Session) -> None:
        from slbmc_tui.screens.rounds import RoundsScreen

        self.app.push_screen(RoundsScreen(old, self.session.copy(), self.bank,
                                          self.opened.path), lambda _: self._refocus_position())

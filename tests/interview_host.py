"""A tiny app hosting the interview screen on a real session file, for UI tests and snapshots."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.app import App

from slbmc_tui.domain.bank import builtin_bank
from slbmc_tui.domain.session import Clock, Position, Session, new_session
from slbmc_tui.screens.interview import InterviewScreen
from slbmc_tui.storage.store import OpenedSession, SessionStore, open_session


def create_session_file(folder: Path, clock: Clock,
                        fill: Callable[[Session], None] | None = None,
                        language: str = "en") -> Path:
    """A new session for "Acme Cloud" / "Small retailers", optionally pre-filled."""
    session = new_session(builtin_bank(language), title="Acme Cloud", profile="Small retailers",
                          client="Acme Oy", clock=clock)
    if fill is not None:
        fill(session)
    return SessionStore(folder).create(session)


class InterviewHost(App[None]):
    """Opens `path` (created on mount when None) and pushes the interview screen."""

    def __init__(self, folder: Path, clock: Clock, *, path: Path | None = None,
                 read_only: bool = False, at: Position | None = None,
                 fill: Callable[[Session], None] | None = None,
                 autosave_delay: float = 0.25, language: str = "en") -> None:
        super().__init__()
        self.folder = folder
        self.clock = clock
        self.path = path
        self.read_only = read_only
        self.at = at
        self.fill = fill
        self.autosave_delay = autosave_delay
        self.language = language
        self.opened: OpenedSession | None = None

    def on_mount(self) -> None:
        self.open_interview()

    def open_interview(self) -> None:
        """Create (if needed) and open the session, then push the interview screen."""
        if self.path is None:
            self.path = create_session_file(self.folder, self.clock, self.fill,
                                            self.language)
        self.opened = open_session(SessionStore(self.folder), self.path)
        screen = InterviewScreen(self.opened, clock=self.clock, read_only=self.read_only,
                                 at=self.at)
        saver = screen.editing.autosaver
        if saver is not None:
            saver.delay = self.autosave_delay  # tests wait less; the logic is the same
        self.push_screen(screen)

    @property
    def interview(self) -> InterviewScreen:
        screen = self.screen
        assert isinstance(screen, InterviewScreen)
        return screen

"""The sessions the app works on: open, copy, the demo, names, comparisons.

Everything the app does with files beyond showing screens, kept free of Textual so it can
be tested without a terminal and called from worker threads. Each method is one blocking
step (it reads or writes files) and raises what went wrong; the app runs it off the UI
thread and shows the outcome. Locks are storage's (`storage.locking`): opening for
editing takes the session's lock, `OpenedSession.close` gives it back.
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from slbmc_tui.domain.errors import SlbmcFileError
from slbmc_tui.domain.session import Clock, Session, system_clock
from slbmc_tui.i18n import _
from slbmc_tui.storage.locking import LockInfo
from slbmc_tui.storage.store import OpenedSession, SessionStore, open_session
from slbmc_tui.storage.workspace_ops import duplicate

if TYPE_CHECKING:
    from slbmc_tui.domain.compare import Comparison


class Copied(NamedTuple):
    """A session copied as a new profile or its next round, and how to announce it."""

    path: Path
    what: str  # "New profile “Nurse”", "Round 2 of “Elderly”"


class Resolved(NamedTuple):
    """Sessions named as on the command line, and what was said about the names not found."""

    paths: tuple[Path, ...]
    problems: tuple[str, ...]


class LoadedComparison(NamedTuple):
    """Sessions read for comparing: the readable ones' paths, their comparison, the skipped."""

    paths: tuple[Path, ...]
    comparison: Comparison | None
    problems: tuple[str, ...]


class Workspace:
    """The user's sessions folder, plus the demo's scratch copy once it is made.

    Thread-safe: its only state, the demo folder, is set under a lock; the rest is files.
    """

    def __init__(self, store: SessionStore, *, clock: Clock = system_clock) -> None:
        self.store = store
        self.clock = clock
        self._lock = threading.Lock()
        self._demo_folder: Path | None = None

    # -- finding sessions ------------------------------------------------------

    def resolve(self, name: str | None) -> Path | None:
        """The session a name gives (path, file name or stem); None names the latest edited.

        None when the folder has no readable session; SlbmcFileError for an unknown name.
        """
        return self.store.resolve(name) if name else self.store.most_recent()

    def resolve_all(self, names: Sequence[str]) -> Resolved:
        """Every name resolved; the names not found are skipped with a message each."""
        paths: list[Path] = []
        problems: list[str] = []
        for name in names:
            try:
                paths.append(self.store.resolve(name))
            except SlbmcFileError as error:
                problems.append(_("Skipped {error}").format(error=error))
        return Resolved(tuple(paths), tuple(problems))

    # -- opening and creating --------------------------------------------------

    def open(self, path: Path, *, read_only: bool = False) -> OpenedSession:
        """Load a session with its bank; editing takes its lock first.

        Raises SessionLocked (with who holds it) or SlbmcFileError; nothing is written.
        The folder holding the file is its store: the demo copy, --sessions-dir, or a path.
        """
        return open_session(SessionStore(path.parent), path, lock=not read_only)

    @staticmethod
    def held_here(holder: LockInfo) -> bool:
        """Whether a lock belongs to this very process (the session is open on a screen)."""
        return holder.pid == os.getpid() and holder.host == socket.gethostname()

    def duplicate(self, source: Path, profile: str | None = None) -> Copied:
        """Copy a session beside itself: a new profile (our view kept), or its next round.

        Raises SlbmcFileError or OSError; the source is never changed.
        """
        folder = SessionStore(source.parent)
        copy = duplicate(folder, source, profile=profile, clock=self.clock)
        meta = folder.summary(copy).meta
        what = (_("New profile “{profile}”").format(profile=profile) if profile else
                _("Round {round} of “{profile}”").format(round=meta.round, profile=meta.profile)
                if meta else _("New round"))
        return Copied(copy, what)

    # -- the demo --------------------------------------------------------------

    def copy_demo(self, language: str = "en") -> tuple[Path, Path]:
        """A fresh private copy of the shipped demo: (its folder, its first profile).

        The shipped files never change; the copy is where the demo is edited. OSError when
        the copy cannot be made.
        """
        from slbmc_tui.demo import copy_demo

        folder, first = copy_demo(language=language)
        with self._lock:
            self._demo_folder = folder
        return folder, first

    @property
    def demo_folder(self) -> Path | None:
        with self._lock:
            return self._demo_folder

    def in_demo(self, path: Path) -> bool:
        """Whether a session is one of the demo's copies (its screens say so)."""
        folder = self.demo_folder
        return folder is not None and same_file(path.parent, folder)


def load_comparison(paths: Sequence[Path]) -> LoadedComparison:
    """Read the sessions (skipping unreadable ones) and compare them with the first bank."""
    from slbmc_tui.domain.bank import QuestionBank, resolve_bank
    from slbmc_tui.domain.compare import compare_sessions

    sessions: list[Session] = []
    readable: list[Path] = []
    problems: list[str] = []
    own_banks: list[QuestionBank | None] = []  # each session's bank: words other banks' questions
    # Profiles of one model share their bank: a custom bank file is read once.
    banks: dict[tuple[str, str, str], QuestionBank | None] = {}
    for path in paths:
        try:
            session = SessionStore(path.parent).load(path)
        except SlbmcFileError as error:
            problems.append(_("Skipped {error}").format(error=error))
            continue
        meta = session.meta
        key = (meta.bank_id, meta.language, meta.bank_path)
        if key not in banks:
            try:
                banks[key] = resolve_bank(*key)
            except SlbmcFileError as error:  # compared all the same; its questions by id
                banks[key] = None
                problems.append(_("{file}: its question bank could not be read, so its "
                                  "questions are shown by their ids ({error})").format(
                                      file=path.name, error=error))
            found = banks[key]
            if found is not None and found.id != meta.bank_id:  # a stand-in, not its own
                problems.append(_("{file}: question bank {bank} is not known here, so its "
                                  "questions are matched with {other}'s").format(
                                      file=path.name, bank=meta.bank_id, other=found.id))
        sessions.append(session)
        readable.append(path)
        own_banks.append(banks[key])
    bank = next((b for b in own_banks if b is not None), None)
    if bank is None and sessions:  # no bank at all: the language's own, questions by id
        bank = resolve_bank(sessions[0].meta.bank_id, sessions[0].meta.language)
    comparison = (compare_sessions(sessions, bank, own_banks, round_word=_("round {round}"))
                  if bank else None)
    return LoadedComparison(tuple(readable), comparison, tuple(problems))


def same_file(first: Path, second: Path) -> bool:
    """Whether two paths name one file (links and `..` resolved where possible)."""
    try:
        return first.resolve() == second.resolve()
    except OSError:
        return first == second

"""Opening a session another slbmc is editing: a dialog says who, offers read-only or cancel."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Static

from slbmc_tui.app import make_app
from slbmc_tui.dialogs.session_locked import SessionLockedDialog
from slbmc_tui.launch import ResumeSession
from slbmc_tui.screens.interview import InterviewScreen
from slbmc_tui.screens.start import StartScreen
from slbmc_tui.storage.locking import lock_path_for, read_lock
from tests.app_helpers import make_session, settle
from tests.conftest import FakeClock
from tests.test_locking import HOLDER

WIDE = (120, 40)


@pytest.fixture
def session(sessions_dir: Path) -> Path:
    return make_session(sessions_dir, "HomeWell home care", "The elderly person",
                        answered={("customers_world", "ours", "deep_insight"): "Home visits"})


@pytest.fixture
def other_instance(session: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process editing the session (holding its lock) for the test's duration."""
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(session)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "won"
    yield child
    assert child.stdin is not None
    child.stdin.close()
    child.wait(timeout=10)


@pytest.mark.asyncio
async def test_locked_session_offers_read_only(sessions_dir: Path, session: Path,
                                               other_instance: subprocess.Popen[str],
                                               clock: FakeClock) -> None:
    before = session.read_bytes()
    app = make_app(sessions_dir=sessions_dir, clock=clock,
                   launch=ResumeSession(name=session.name))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, SessionLockedDialog)
        holder = str(dialog.query_one("#holder", Static).render())
        info = read_lock(session)
        assert info is not None and info.since is not None
        assert f"process {other_instance.pid} on {info.host}" in holder
        assert f"since {info.since.strftime('%Y-%m-%d %H:%M')}" in holder
        assert session.name in holder
        await pilot.press("enter")  # "Open read-only" has the focus
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen) and screen.read_only
        assert screen.opened.lock is None
    # The other instance still holds its lock, and nothing was written.
    info = read_lock(session)
    assert info is not None and info.pid == other_instance.pid
    assert session.read_bytes() == before


@pytest.mark.asyncio
async def test_cancel_leaves_the_session_alone(sessions_dir: Path, session: Path,
                                               other_instance: subprocess.Popen[str],
                                               clock: FakeClock) -> None:
    app = make_app(sessions_dir=sessions_dir, clock=clock,
                   launch=ResumeSession(name=session.name))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, SessionLockedDialog)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        assert not any(isinstance(s, InterviewScreen) for s in app.screen_stack)


@pytest.mark.asyncio
async def test_editing_holds_the_lock_until_the_interview_closes(
        sessions_dir: Path, session: Path, clock: FakeClock) -> None:
    app = make_app(sessions_dir=sessions_dir, clock=clock,
                   launch=ResumeSession(name=session.name))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen) and not app.screen.read_only
        info = read_lock(session)
        assert info is not None and info.pid == os.getpid()
        app.pop_screen()
        await settle(pilot)
        assert read_lock(session) is None
        # Reopening works: the lock was given back, not leaked.
        app.open_session(session)
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen) and not app.screen.read_only
    assert not lock_path_for(session).exists()  # the app's exit released it


@pytest.mark.asyncio
async def test_sigterm_saves_what_was_just_typed_and_releases_the_lock(
        sessions_dir: Path, session: Path, clock: FakeClock) -> None:
    import signal

    received: list[int] = []
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: received.append(signum))
    try:
        app = make_app(sessions_dir=sessions_dir, clock=clock,
                       launch=ResumeSession(name=session.name))
        async with app.run_test(size=WIDE) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, InterviewScreen)
            await pilot.press("end", *"typed just before the window closed".replace(" ", "_"))
            os.kill(os.getpid(), signal.SIGTERM)  # before the autosave delay has passed
            await pilot.pause()
            await pilot.pause()
        assert received == []  # the app handled it, not the fallback
        assert app.return_code == 0
        assert "typed_just_before_the_window_closed" in session.read_text(encoding="utf-8")
        assert not lock_path_for(session).exists()
    finally:
        signal.signal(signal.SIGTERM, previous)

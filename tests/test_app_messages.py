"""Screens post messages up; the app answers each one. Posted here from a screen that knows
nothing of the app, as any screen (or a future one) would."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.screen import Screen

from slbmc_tui import messages
from slbmc_tui.app import make_app
from slbmc_tui.dialogs.choose_sessions import ChooseSessions
from slbmc_tui.dialogs.profile_name import ProfileNameDialog
from slbmc_tui.screens.compare import CompareScreen
from slbmc_tui.screens.interview import InterviewScreen
from slbmc_tui.screens.start import StartScreen
from slbmc_tui.storage.locking import SessionLocked
from tests.app_helpers import make_session, settle
from tests.conftest import FakeClock

WIDE = (120, 40)


class Asking(Screen[None]):
    """A screen whose only way to reach the app is posting messages."""


@pytest.mark.asyncio
async def test_each_request_is_answered(sessions_dir: Path, clock: FakeClock,
                                        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    source = make_session(sessions_dir, "HomeWell", "Elderly")
    other = make_session(sessions_dir, "HomeWell", "Relative")
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        start = app.screen
        assert isinstance(start, StartScreen)

        asking = Asking()
        await app.push_screen(asking)
        asking.post_message(messages.OpenSessionRequested(source))
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        with pytest.raises(SessionLocked):  # the interview holds it
            app.workspace.open(source).close()

        app.screen.post_message(messages.BackToSessionsRequested())
        await settle(pilot)
        assert app.screen is start
        app.workspace.open(source).close()  # given back on the way

        asking = Asking()
        await app.push_screen(asking)
        asking.post_message(messages.NewProfileRequested(source, title="HomeWell",
                                                         profile="Elderly"))
        await settle(pilot)
        assert isinstance(app.screen, ProfileNameDialog)
        app.screen.dismiss(None)
        await settle(pilot)

        asking.post_message(messages.NewRoundRequested(source))
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.opened.session.meta.round == 2
        app.screen.post_message(messages.BackToSessionsRequested())
        await settle(pilot)

        asking = Asking()
        await app.push_screen(asking)
        asking.post_message(messages.CompareRequested(sessions_dir, model_key=None,
                                                      preselect=(source, other)))
        await settle(pilot)
        assert isinstance(app.screen, ChooseSessions)
        app.screen.dismiss([source, other])
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        app.pop_screen()
        await settle(pilot)

        app.screen.post_message(messages.DemoRequested())
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        assert app.demo_folder is not None
        assert app.screen.opened.path.parent == app.demo_folder

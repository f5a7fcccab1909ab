"""Every action in the command palette, on every screen (issue 18)."""

from __future__ import annotations

from pathlib import Path

import pytest

from slbmc_tui.app import make_app
from slbmc_tui.commands_more import screen_commands
from slbmc_tui.dialogs.new_session import NewSessionDialog
from slbmc_tui.launch import ResumeSession
from slbmc_tui.screens.help import HelpScreen
from slbmc_tui.screens.interview import InterviewScreen
from slbmc_tui.screens.start import StartScreen
from slbmc_tui.widgets.answer_editor import PromptCard
from tests.app_helpers import make_session, run_from_palette, settle
from tests.conftest import FakeClock


@pytest.mark.asyncio
async def test_the_interviews_palette_lists_every_key(sessions_dir: Path,
                                                      clock: FakeClock) -> None:
    make_session(sessions_dir, "Acme bikes", "Commuter", clock=clock)
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ResumeSession())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        names = {name for name, _, _ in screen_commands(app.screen)}
        for wanted in ("Help", "Compare profiles", "Research", "Block list", "Next block",
                       "Previous block", "Facing", "Unanswered", "Present", "Canvas",
                       "Open questions", "Go to", "Sessions", "Export"):
            assert wanted in names
        await run_from_palette(pilot, "Research")
        assert app.screen.query(PromptCard).first().has_class("-research")
        await run_from_palette(pilot, "Help")
        assert isinstance(app.screen, HelpScreen)


@pytest.mark.asyncio
async def test_the_start_screens_palette_has_its_keys(sessions_dir: Path,
                                                      clock: FakeClock) -> None:
    make_session(sessions_dir, "Acme bikes", "Commuter", clock=clock)
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        names = {name for name, _, _ in screen_commands(app.screen)}
        assert {"Open", "New session", "Demo", "New profile", "New round",
                "Compare profiles"} <= names
        await run_from_palette(pilot, "New session")
        await settle(pilot)
        assert isinstance(app.screen, NewSessionDialog)

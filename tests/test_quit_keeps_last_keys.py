"""Keys typed in a burst right before Ctrl+Q reach the file: a fast typist loses nothing."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from textual import events

from slbmc_tui.app import make_app
from slbmc_tui.launch import ResumeSession
from slbmc_tui.screens.interview import InterviewScreen
from tests.app_helpers import make_session, settle
from tests.conftest import FakeClock


@pytest.mark.asyncio
@pytest.mark.parametrize("quit_key", ["ctrl+q", "ctrl+c"])
async def test_a_burst_of_keys_then_quit_is_saved(sessions_dir: Path, clock: FakeClock,
                                                  quit_key: str) -> None:
    path = make_session(sessions_dir, "Acme bikes", "Commuter", clock=clock)
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ResumeSession())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        driver = app._driver
        assert driver is not None
        # As a terminal delivers them: all at once, with no pause for the app to catch up.
        for key, character in [*(("space" if c == " " else c, c) for c in "last words"),
                               (quit_key, None)]:
            event = events.Key(key, character)
            event.set_sender(app)
            driver.send_message(event)
        await pilot.pause(0.5)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["blocks"]["customers_world"]["ours"]["deep_insight"]["text"] == "last words"

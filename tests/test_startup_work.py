"""Start-up does no avoidable work: no launch re-parses the stylesheets on its way in.

Pushing a screen whose CSS_PATH the app has not read makes Textual re-parse every
stylesheet and restyle every widget (~6 ms here, more on a loaded machine). Each launch
reads its first screens' sheets with the app (`first_stylesheets`), so none should.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.css.stylesheet import Stylesheet

from slbmc_tui.app import make_app
from slbmc_tui.launch import CompareSessions, Launch, OpenDemo, ResumeSession, ShowStart
from slbmc_tui.screens.compare import CompareScreen
from slbmc_tui.screens.interview import InterviewScreen
from slbmc_tui.screens.start import StartScreen
from tests.app_helpers import make_session, settle
from tests.conftest import FakeClock


@pytest.mark.asyncio
@pytest.mark.parametrize(("launch", "screen"), [
    (ShowStart(), StartScreen),
    (OpenDemo(), InterviewScreen),
    (ResumeSession(), InterviewScreen),
    (CompareSessions(("a", "b")), CompareScreen),
], ids=["start", "demo", "resume", "compare"])
async def test_no_launch_reparses_the_stylesheets(
        launch: Launch, screen: type, sessions_dir: Path, clock: FakeClock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    make_session(sessions_dir, "Acme Cloud", "Small retailers", clock=clock)
    for name in ("a", "b"):
        make_session(sessions_dir, "Acme Cloud", f"Profile {name}", clock=clock).rename(
            sessions_dir / f"{name}.toml")
    reparses: list[Stylesheet] = []
    original = Stylesheet.reparse

    def counting(self: Stylesheet) -> None:
        reparses.append(self)
        original(self)

    monkeypatch.setattr(Stylesheet, "reparse", counting)
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=launch)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, screen)
    assert reparses == []

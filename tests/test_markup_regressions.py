"""The cases issue 17 reported, each failing on the code it was found in (53177b0).

Titles written by hand into session files were read as Textual markup: a link in the export
dialog replaced a file elsewhere, `[@click=app.quit]` quit, brackets vanished, and a `[/]`
made Ctrl+E, `p` and the compare chooser silently fail.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from slbmc_tui.app import make_app
from slbmc_tui.dialogs.choose_sessions import ChooseSessions
from slbmc_tui.dialogs.export import ExportDialog
from slbmc_tui.dialogs.profile_name import ProfileNameDialog
from slbmc_tui.launch import ResumeSession
from slbmc_tui.screens.interview import InterviewScreen
from tests.app_helpers import make_session, settle
from tests.conftest import FakeClock

WIDE = (120, 40)


async def click_along(pilot: Pilot[None], widget: Static) -> None:
    """Click every cell where a title's link would be, as a curious user would."""
    region = widget.content_region
    for y in range(min(region.height, 1)):
        for x in range(min(region.width, 30)):
            await pilot.click(offset=(region.x + x, region.y + y))
            if not pilot.app.is_running:
                return


@pytest.mark.asyncio
async def test_a_click_action_in_a_title_cannot_replace_a_file(sessions_dir: Path,
                                                               tmp_path: Path,
                                                               clock: FakeClock) -> None:
    victim = tmp_path / "elsewhere" / "victim.txt"
    victim.parent.mkdir()
    victim.write_text("precious", encoding="utf-8")
    title = f"[@click=app.screenshot('victim.txt','{victim.parent}')]CLICKME[/] Home care"
    path = make_session(sessions_dir, title, "Elderly", clock=clock)
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ResumeSession(name=path.name))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        shown = str(dialog.query_one("#dialog-title", Static).render())
        assert title in shown
        await click_along(pilot, dialog.query_one("#dialog-title", Static))
        await settle(pilot)
    assert victim.read_text(encoding="utf-8") == "precious"
    assert sorted(p.name for p in victim.parent.iterdir()) == ["victim.txt"]


@pytest.mark.asyncio
async def test_a_quit_action_in_a_title_does_not_quit(sessions_dir: Path,
                                                      clock: FakeClock) -> None:
    title = "[@click=app.quit]CLICKME[/]"
    path = make_session(sessions_dir, title, "Elderly", clock=clock)
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ResumeSession(name=path.name))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        await click_along(pilot, app.screen.query_one("#dialog-title", Static))
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, ExportDialog)


@pytest.mark.asyncio
async def test_brackets_in_a_title_are_kept(sessions_dir: Path, clock: FakeClock) -> None:
    path = make_session(sessions_dir, "HomeWell [Helsinki]", "Elderly [b]bold[/b]", clock=clock)
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ResumeSession(name=path.name))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        shown = str(app.screen.query_one("#dialog-title", Static).render())
        assert "HomeWell [Helsinki]" in shown and "Elderly [b]bold[/b]" in shown


@pytest.mark.asyncio
async def test_a_closing_tag_in_a_title_breaks_nothing(sessions_dir: Path,
                                                       clock: FakeClock) -> None:
    path = make_session(sessions_dir, "Home care [/] broken", "Elderly", clock=clock)
    make_session(sessions_dir, "Home care [/] broken", "Relative", clock=clock)
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("p")  # a new profile of the highlighted session
        await settle(pilot)
        assert isinstance(app.screen, ProfileNameDialog)
        assert "Home care [/] broken" in str(app.screen.query_one("#dialog-title",
                                                                   Static).render())
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("c")  # compare profiles: the chooser lists the sessions
        await settle(pilot)
        chooser = app.screen
        if isinstance(chooser, ChooseSessions):
            assert "Reading the sessions folder" not in str(
                chooser.query_one("#choose-status").render())
            await pilot.press("escape")
            await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ResumeSession(name=path.name))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("f4")  # compare from the interview opens the chooser
        await settle(pilot)
        chooser = app.screen
        assert isinstance(chooser, ChooseSessions)
        assert "Reading the sessions folder" not in str(
            chooser.query_one("#choose-status").render())
        assert len(chooser.query_one("#choose-list").options) == 2  # type: ignore[attr-defined]

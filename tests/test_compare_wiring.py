"""Reaching the compare screen from the app: start screen `c`, interview f4, the CLI launch,
and Enter on a cell going back to the interview of that very file."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import SelectionList

from slbmc_tui.app import make_app
from slbmc_tui.dialogs.choose_sessions import ChooseSessions
from slbmc_tui.launch import CompareSessions, ResumeSession
from slbmc_tui.screens.compare import CompareScreen
from slbmc_tui.screens.interview import InterviewScreen
from slbmc_tui.screens.start import StartScreen
from slbmc_tui.screens.start_table import SessionTable
from tests.app_helpers import settle, three_sessions_and_a_broken_file
from tests.conftest import FakeClock


@pytest.mark.asyncio
async def test_start_screen_c_offers_the_model_profiles_then_compares(
        sessions_dir: Path, clock: FakeClock) -> None:
    paths = three_sessions_and_a_broken_file(sessions_dir)
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        start = app.screen
        assert isinstance(start, StartScreen)
        table = start.query_one("#sessions", SessionTable)
        index = table.index_of(str(paths["elderly"]))
        assert index is not None
        table.move_cursor(index)
        await pilot.press("c")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ChooseSessions)
        assert set(dialog.query_one(SelectionList).selected) == {paths["elderly"],
                                                                 paths["relative"]}
        await pilot.press("enter")
        await settle(pilot)
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        assert set(compare.session_paths) == {paths["elderly"], paths["relative"]}
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is start


@pytest.mark.asyncio
async def test_cli_compare_launch_skips_unknown_names(sessions_dir: Path,
                                                      clock: FakeClock) -> None:
    paths = three_sessions_and_a_broken_file(sessions_dir)
    launch = CompareSessions(names=(paths["elderly"].stem, "no-such-session",
                                    paths["cyclist"].name))
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=launch)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        assert compare.session_paths == (paths["elderly"], paths["cyclist"])
        assert any("no-such-session" in n.message for n in app._notifications)
        await pilot.press("escape")  # leaving the comparison shows the folder's sessions
        await settle(pilot)
        assert isinstance(app.screen, StartScreen) and len(app.screen_stack) == 2
        assert app.screen.store.folder == sessions_dir


@pytest.mark.asyncio
async def test_interview_f4_compares_at_the_current_block_and_enter_returns_to_it(
        sessions_dir: Path, clock: FakeClock) -> None:
    paths = three_sessions_and_a_broken_file(sessions_dir)
    app = make_app(sessions_dir=sessions_dir, clock=clock,
                   launch=ResumeSession(name=str(paths["elderly"])))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        interview = app.screen
        assert isinstance(interview, InterviewScreen)
        await pilot.press("ctrl+pagedown")
        await settle(pilot)
        block = interview.current_block
        assert block is not None
        await pilot.press("f4")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ChooseSessions)
        await pilot.press("enter")
        await settle(pilot)
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        assert compare.comparison is not None
        assert compare.comparison.blocks[compare.block_index].block.id == block.id
        assert compare.session_paths[compare.cursor_column] == paths["elderly"]
        await pilot.press("down", "enter")
        await settle(pilot)
        # Back in the same interview (not a second one on the same file), at that prompt.
        assert app.screen is interview
        assert sum(isinstance(s, InterviewScreen) for s in app.screen_stack) == 1
        assert interview.current_block is not None
        assert interview.current_block.id == block.id

"""The start screen keeps the folder tidy: filter, rename, archive, delete, restore, rounds."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static

from slbmc_tui.app import make_app
from slbmc_tui.screens.interview import InterviewScreen
from slbmc_tui.screens.start import StartScreen
from slbmc_tui.screens.start_table import SessionTable
from slbmc_tui.storage.locking import acquire
from slbmc_tui.storage.store import SessionStore
from slbmc_tui.widgets.answer_editor import AnswerEditor
from tests.app_helpers import settle, three_sessions_and_a_broken_file
from tests.conftest import FakeClock
from tests.test_app_start import move_to
from tests.test_app_start import table_rows as rows
from tests.test_no_key_is_lost import send_keys, typed


def start(app: object) -> StartScreen:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, StartScreen)
    return screen


@pytest.mark.asyncio
async def test_filter_narrows_at_every_key_over_title_profile_and_client(
        sessions_dir: Path, clock: FakeClock) -> None:
    three_sessions_and_a_broken_file(sessions_dir)
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", "r", "e", "l")
        await pilot.pause()
        assert rows(start(app)) == ["HomeWell home care", "A relative"]
        await pilot.press("backspace", "backspace", "backspace", *"pedal oy")
        await pilot.pause()
        assert rows(start(app)) == ["Pedal bike repair", "Commuter cyclist"]  # the client
        await pilot.press(*"zzz")
        await pilot.pause()
        no_match = start(app).query_one("#no-match", Static)
        assert no_match.display and "pedal oyzzz" in str(no_match.render())
        await pilot.press("escape")
        await pilot.pause()
        assert len(rows(start(app))) == 5
        assert start(app).query_one("#sessions", SessionTable).has_focus
        assert not start(app).query_one("#filter", Input).display


@pytest.mark.asyncio
async def test_rename_in_the_app_moves_the_file_and_keeps_the_answers(
        sessions_dir: Path, clock: FakeClock) -> None:
    paths = three_sessions_and_a_broken_file(sessions_dir)
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        move_to(start(app), paths["relative"])
        await pilot.press("e")
        await settle(pilot)
        assert type(app.screen).__name__ == "RenameDialog"
        await pilot.press("tab")  # to the profile
        app.screen.query_one("#rename-profile", Input).value = "A relative far away"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "A relative far away" in rows(start(app))
    renamed = sessions_dir / "homewell-home-care--a-relative-far-away.toml"
    assert not paths["relative"].exists()
    session = SessionStore(sessions_dir).load(renamed)
    assert session.blocks["customers_world"].customer["why_buy"].text == "Peace of mind"


@pytest.mark.asyncio
async def test_rename_typed_and_saved_in_one_burst_keeps_every_key(
        sessions_dir: Path, clock: FakeClock) -> None:
    """Ctrl+S is a priority key: typed right after the name, it must wait for the name."""
    paths = three_sessions_and_a_broken_file(sessions_dir)
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        move_to(start(app), paths["relative"])
        await pilot.press("e")
        await settle(pilot)
        assert type(app.screen).__name__ == "RenameDialog"
        # Tab selects the profile, so typing replaces it.
        send_keys(app, [("tab", None), *typed("A relative abroad"), ("ctrl+s", None)])
        await settle(pilot)
        assert "A relative abroad" in rows(start(app))
    assert (sessions_dir / "homewell-home-care--a-relative-abroad.toml").exists()


@pytest.mark.asyncio
async def test_delete_asks_moves_to_the_trash_and_restore_brings_it_back(
        sessions_dir: Path, clock: FakeClock) -> None:
    paths = three_sessions_and_a_broken_file(sessions_dir)
    text = paths["cyclist"].read_bytes()
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        move_to(start(app), paths["cyclist"])
        await pilot.press("delete")
        await settle(pilot)
        assert type(app.screen).__name__ == "ConfirmDialog"
        await pilot.press("n")  # not confirmed: nothing happens
        await settle(pilot)
        assert paths["cyclist"].exists()
        await pilot.press("delete", "y")
        await settle(pilot)
        assert not paths["cyclist"].exists()
        assert (sessions_dir / "trash" / paths["cyclist"].name).read_bytes() == text
        assert "Commuter cyclist" not in rows(start(app))
        await pilot.press("t")
        await settle(pilot)
        choices = app.screen.query_one(OptionList)
        assert choices.option_count == 1 and "Commuter cyclist" in str(
            choices.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await settle(pilot)
        assert "Commuter cyclist" in rows(start(app))
    assert paths["cyclist"].read_bytes() == text


@pytest.mark.asyncio
async def test_archive_and_a_locked_session_is_left_alone(sessions_dir: Path,
                                                          clock: FakeClock) -> None:
    paths = three_sessions_and_a_broken_file(sessions_dir)
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        move_to(start(app), paths["elderly"])
        with acquire(paths["elderly"]):  # open in another slbmc
            await pilot.press("a", "y")
            await settle(pilot)
        assert paths["elderly"].exists()
        assert "The elderly person living at home" in rows(start(app))
        await pilot.press("a", "y")
        await settle(pilot)
        assert (sessions_dir / "archive" / paths["elderly"].name).exists()
        assert "The elderly person living at home" not in rows(start(app))


@pytest.mark.asyncio
async def test_a_model_heading_is_never_renamed_or_deleted_by_accident(
        sessions_dir: Path, clock: FakeClock) -> None:
    three_sessions_and_a_broken_file(sessions_dir)
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        start(app).query_one("#sessions", SessionTable).move_cursor(0)  # a heading
        await pilot.press("delete")
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
    assert len(SessionStore(sessions_dir).list()) == 4


@pytest.mark.asyncio
async def test_round_twice_from_the_start_screen_makes_round_2_then_3(
        sessions_dir: Path, clock: FakeClock) -> None:
    """Regression: `r` twice on one row made two "round 2"."""
    paths = three_sessions_and_a_broken_file(sessions_dir)
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for _ in range(2):
            move_to(start(app), paths["elderly"])
            await pilot.press("r", "y")
            await settle(pilot)
            assert isinstance(app.screen, InterviewScreen)
            app.pop_screen()
            await settle(pilot)
        labels = rows(start(app))
        assert "The elderly person living at home · round 2" in labels
        assert "The elderly person living at home · round 3" in labels
    rounds = sorted(s.meta.round for s in SessionStore(sessions_dir).list()
                    if s.meta and s.meta.profile.startswith("The elderly"))
    assert rounds == [1, 2, 3]


@pytest.mark.asyncio
async def test_search_screen_opens_the_session_at_the_answer(sessions_dir: Path,
                                                             clock: FakeClock) -> None:
    paths = three_sessions_and_a_broken_file(sessions_dir)
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert type(app.screen).__name__ == "SearchScreen"
        await pilot.press(*"peace of", "enter")
        await settle(pilot)
        results = app.screen.query_one(OptionList)
        assert results.option_count == 1
        label = str(results.get_option_at_index(0).prompt)
        assert "HomeWell home care / A relative" in label and "Peace of mind" in label
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert screen.opened.path == paths["relative"]
        await pilot.pause()
        focused = app.focused
        assert isinstance(focused, AnswerEditor)  # at the answer the phrase is in
        assert (focused.answer_key.block_id, focused.answer_key.prompt_id) == (
            "customers_world", "why_buy")

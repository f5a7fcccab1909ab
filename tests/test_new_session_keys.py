"""The new-session dialog at a terminal's pace: keys in bursts, Enter from any field."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, RadioSet

from slbmc_tui.app import make_app
from slbmc_tui.dialogs.new_session import NewSessionDialog
from slbmc_tui.screens.interview import InterviewScreen
from tests.app_helpers import settle
from tests.conftest import FakeClock
from tests.test_no_key_is_lost import send_keys, typed


@pytest.mark.asyncio
async def test_text_typed_right_after_tab_lands_in_the_next_field(
        sessions_dir: Path, clock: FakeClock) -> None:
    """Issue 18: `Aroma` Tab `Profile` with no pause gave `AromaProfile`."""
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, NewSessionDialog)
        send_keys(app, [*typed("Aroma"), ("tab", None), *typed("Profile"), ("tab", None),
                        *typed("Client"), ("shift+tab", None), *typed("!")])
        await settle(pilot)
        assert dialog.query_one("#title", Input).value == "Aroma"
        assert dialog.query_one("#profile", Input).value == "Profile!"
        assert dialog.query_one("#client", Input).value == "Client"


@pytest.mark.asyncio
async def test_enter_right_after_typing_in_one_burst_creates_with_what_was_typed(
        sessions_dir: Path, clock: FakeClock) -> None:
    """Both fields and Enter in one burst (tmux send-keys, a fast typist) said "required"
    because the priority Enter ran before the fields had their keys."""
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, NewSessionDialog)
        send_keys(app, [*typed("Aroma"), ("tab", None), *typed("Walk-ins"), ("enter", None)])
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        meta = app.screen.session.meta
        assert (meta.title, meta.profile) == ("Aroma", "Walk-ins")
        await settle(pilot)
        saved = [p.read_text(encoding="utf-8") for p in sessions_dir.glob("*.toml")]
        assert len(saved) == 1 and 'title = "Aroma"' in saved[0]
        assert 'profile = "Walk-ins"' in saved[0]


@pytest.mark.asyncio
async def test_enter_creates_while_the_question_bank_choice_has_focus(
        sessions_dir: Path, clock: FakeClock) -> None:
    """Issue 18: the dialog says "Enter creates", yet Enter did nothing on the bank choice."""
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*"Aroma", "tab", *"Profile 1", "tab", "tab", "tab")
        dialog = app.screen
        assert isinstance(dialog, NewSessionDialog)
        focused = app.focused
        assert focused is not None
        assert dialog.query_one("#bank", RadioSet) in (focused, focused.parent)
        await pilot.press("right", "space")  # Suomi
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.session.meta.title == "Aroma"
        assert app.screen.bank.language == "fi"


@pytest.mark.asyncio
async def test_enter_on_cancel_cancels(sessions_dir: Path, clock: FakeClock) -> None:
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*"Aroma", "shift+tab", "enter")  # Shift+Tab from the first: Cancel
        await settle(pilot)
        assert not isinstance(app.screen, NewSessionDialog)
    assert not list(sessions_dir.glob("*.toml"))


@pytest.mark.asyncio
async def test_the_bank_choice_reads_without_colour(sessions_dir: Path,
                                                    clock: FakeClock) -> None:
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        buttons = {button.id: str(button.render()) for button in
                   app.screen.query_one("#bank", RadioSet).query("RadioButton")}
        assert "●" in buttons["bank-en"]
        assert "●" not in buttons["bank-fi"] and "●" not in buttons["bank-custom"]

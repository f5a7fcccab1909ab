"""The new-session dialog: required fields, cancelling, and the file it creates."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import Input, RadioButton, Static

from slbmc_tui.app import make_app
from slbmc_tui.dialogs.new_session import NewSessionDialog
from slbmc_tui.domain.bank import questions_dir
from slbmc_tui.launch import NewSession
from slbmc_tui.screens.interview import InterviewScreen
from slbmc_tui.screens.start import StartScreen
from slbmc_tui.storage.store import SessionStore
from tests.app_helpers import settle
from tests.conftest import FIXED_NOW, FakeClock


def error_text(dialog: NewSessionDialog, field: str) -> str:
    error = dialog.query_one(f"#{field}-error", Static)
    return str(error.render()) if error.display else ""


async def open_dialog(pilot: object, app: object) -> NewSessionDialog:
    await settle(pilot)  # type: ignore[arg-type]
    await pilot.press("n")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]
    dialog = app.screen  # type: ignore[attr-defined]
    assert isinstance(dialog, NewSessionDialog)
    return dialog


@pytest.mark.asyncio
async def test_required_fields_are_explained_inline(sessions_dir: Path,
                                                    clock: FakeClock) -> None:
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_dialog(pilot, app)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog
        assert "Name the business or service" in error_text(dialog, "title")
        assert "Name the customer profile" in error_text(dialog, "profile")
        assert dialog.query_one("#title", Input).has_focus
        await pilot.press(*"Home care")
        await pilot.press("enter")
        await settle(pilot)
        assert error_text(dialog, "title") == ""
        assert "Name the customer profile" in error_text(dialog, "profile")
        assert dialog.query_one("#profile", Input).has_focus
    assert not sessions_dir.exists() or not list(sessions_dir.glob("*.toml"))


@pytest.mark.asyncio
async def test_escape_cancels_without_a_file(sessions_dir: Path, clock: FakeClock) -> None:
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_dialog(pilot, app)
        await pilot.press(*"Typed but cancelled")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
    assert not sessions_dir.exists() or not list(sessions_dir.glob("*.toml"))


@pytest.mark.asyncio
async def test_enter_creates_the_file_and_opens_the_interview(sessions_dir: Path,
                                                              clock: FakeClock) -> None:
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_dialog(pilot, app)
        await pilot.press(*"HomeWell home care", "tab")
        await pilot.press(*"Profile 1: elderly", "tab")
        await pilot.press(*"HomeWell Oy", "tab")
        await pilot.press(*"Laura", "enter")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
    [path] = sessions_dir.glob("*.toml")
    assert path.name.startswith("homewell-home-care--profile-1-elderly")
    session = SessionStore(sessions_dir).load(path)
    meta = session.meta
    assert (meta.title, meta.profile) == ("HomeWell home care", "Profile 1: elderly")
    assert (meta.client, meta.interviewer) == ("HomeWell Oy", "Laura")
    assert (meta.bank_id, meta.language, meta.bank_path) == ("slbmc-en", "en", "")
    assert meta.created == meta.updated == FIXED_NOW
    assert (meta.answered, meta.round) == (0, 1)
    assert path.stat().st_mode & 0o777 == 0o600


@pytest.mark.asyncio
async def test_finnish_bank_is_recorded(sessions_dir: Path, clock: FakeClock) -> None:
    app = make_app(sessions_dir=sessions_dir, clock=clock,
                   launch=NewSession(title="Kotihoito", profile="Ikäihminen"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, NewSessionDialog)
        dialog.query_one("#bank-fi", RadioButton).value = True
        await pilot.pause()
        dialog.action_submit()
        await settle(pilot)
    [path] = sessions_dir.glob("*.toml")
    meta = SessionStore(sessions_dir).load(path).meta
    assert (meta.language, meta.bank_id) == ("fi", "slbmc-fi")


@pytest.mark.asyncio
async def test_command_line_values_prefill_the_dialog(sessions_dir: Path,
                                                      clock: FakeClock) -> None:
    launch = NewSession(title="HomeWell", profile="", client="HomeWell Care Oy",
                        interviewer="Laura")
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=launch)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, NewSessionDialog)
        values = {i.id: i.value for i in dialog.query(Input)}
        assert values["title"] == "HomeWell" and values["client"] == "HomeWell Care Oy"
        assert values["interviewer"] == "Laura" and values["profile"] == ""
        assert dialog.query_one("#profile", Input).has_focus  # the first thing still missing
        assert isinstance(app.screen_stack[-2], StartScreen)


@pytest.mark.asyncio
async def test_a_broken_custom_bank_is_refused_inline(sessions_dir: Path, tmp_path: Path,
                                                      clock: FakeClock) -> None:
    bad_bank = tmp_path / "my-bank.toml"
    bad_bank.write_text("id = 'x'\n", encoding="utf-8")
    app = make_app(sessions_dir=sessions_dir, clock=clock, bank_path=bad_bank,
                   launch=NewSession(title="T", profile="P"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, NewSessionDialog)
        assert dialog.query_one("#bank-custom", RadioButton).value
        assert dialog.query_one("#bank-path", Input).value == str(bad_bank)
        dialog.action_submit()
        await settle(pilot)
        assert app.screen is dialog
        message = error_text(dialog, "bank-path")
        assert "my-bank.toml" in message and "is missing" in message
        dialog.query_one("#bank-path", Input).value = ""
        dialog.action_submit()
        await settle(pilot)
        assert "Give the path" in error_text(dialog, "bank-path")
    assert not sessions_dir.exists() or not list(sessions_dir.glob("*.toml"))


@pytest.mark.asyncio
async def test_a_valid_custom_bank_is_remembered_by_path(sessions_dir: Path, tmp_path: Path,
                                                         clock: FakeClock) -> None:
    own_bank = tmp_path / "own.toml"
    shutil.copyfile(questions_dir() / "en.toml", own_bank)
    app = make_app(sessions_dir=sessions_dir, clock=clock, bank_path=own_bank,
                   launch=NewSession(title="T", profile="P"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.screen.action_submit()  # type: ignore[attr-defined]
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
    [path] = sessions_dir.glob("*.toml")
    assert SessionStore(sessions_dir).load(path).meta.bank_path == str(own_bank.resolve())

"""The choose-sessions dialog: the model's profiles are offered ticked; Enter returns them."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import SelectionList

from slbmc_tui.dialogs.choose_sessions import ChooseSessions
from slbmc_tui.domain.bank import builtin_bank
from slbmc_tui.domain.session import new_session
from slbmc_tui.storage.store import SessionStore
from tests.compare_fixtures import write_profiles, write_round_two
from tests.conftest import FakeClock


class DialogHost(App[None]):
    def __init__(self, dialog: ChooseSessions) -> None:
        super().__init__()
        self.dialog = dialog
        self.results: list[list[Path] | None] = []

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.results.append)


def _folder_with_two_models(folder: Path) -> tuple[list[Path], Path]:
    clock = FakeClock()
    home_care = write_profiles(folder, clock, 3)
    home_care.append(write_round_two(folder, home_care[0], clock))
    other = SessionStore(folder).create(
        new_session(builtin_bank("en"), title="Taxi app", profile="Commuter", clock=clock))
    (folder / "broken.toml").write_text("not = [toml", encoding="utf-8")
    return home_care, other


@pytest.mark.asyncio
async def test_model_profiles_are_preselected_and_enter_returns_them(sessions_dir: Path) -> None:
    home_care, other = _folder_with_two_models(sessions_dir)
    app = DialogHost(ChooseSessions(sessions_dir, model_key="home care"))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = str(app.screen.query_one("#choose-status").render())
        assert "5 sessions" in status and "1 unreadable" in status
        await pilot.press("enter")
        await pilot.pause()
    # Elderly person's second round stands for that profile: the newest of each profile.
    assert app.results and set(app.results[0] or []) == {*home_care[1:]}


@pytest.mark.asyncio
async def test_ticking_changes_the_choice_and_one_is_not_enough(sessions_dir: Path) -> None:
    home_care, other = _folder_with_two_models(sessions_dir)
    app = DialogHost(ChooseSessions(sessions_dir, preselect=[other]))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        assert "at least 2" in str(app.screen.query_one("#choose-status").render())
        assert not app.results
        await pilot.press("home", "space")  # first listed: a Home care profile
        await pilot.press("enter")
        await pilot.pause()
    chosen = app.results[0] or []
    assert len(chosen) == 2 and other in chosen


@pytest.mark.asyncio
async def test_tick_model_and_cancel(sessions_dir: Path) -> None:
    home_care, other = _folder_with_two_models(sessions_dir)
    app = DialogHost(ChooseSessions(sessions_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChooseSessions)
        choices = dialog.query_one(SelectionList)
        assert choices.selected == []
        await pilot.press("a")
        assert len(choices.selected) == 5
        await pilot.press("home", "m")
        assert set(choices.selected) == set(home_care)
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


@pytest.mark.asyncio
async def test_the_current_session_stands_for_its_profile(sessions_dir: Path) -> None:
    home_care, _ = _folder_with_two_models(sessions_dir)
    app = DialogHost(ChooseSessions(sessions_dir, model_key="home care", current=home_care[0]))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    assert set(app.results[0] or []) == {*home_care[:3]}


@pytest.mark.asyncio
async def test_one_session_is_one_session_not_one_sessions(sessions_dir: Path) -> None:
    """Regression: the dialog said "1 sessions in …"."""
    SessionStore(sessions_dir).create(
        new_session(builtin_bank("en"), title="Taxi app", profile="Commuter", clock=FakeClock()))
    app = DialogHost(ChooseSessions(sessions_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = str(app.screen.query_one("#choose-status").render())
        assert status.startswith("1 session in ")

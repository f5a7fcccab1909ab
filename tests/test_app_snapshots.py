"""How the start screen and the new-session dialog look, wide and at 80x24."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from slbmc_tui.app import make_app
from tests.app_helpers import settle, three_sessions_and_a_broken_file
from tests.conftest import FakeClock

SIZES = [(120, 40), (80, 24)]


@pytest.fixture
def listed_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock) -> Any:
    """Three sessions in two models plus a broken file, in a folder shown as `sessions`."""
    monkeypatch.chdir(tmp_path)  # the screen shows the folder: keep it the same on every run
    folder = Path("sessions")
    three_sessions_and_a_broken_file(folder)
    return make_app(sessions_dir=folder, clock=clock)


async def _steady(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_start_screen(size: tuple[int, int], listed_app: Any, snap_compare: Any) -> None:
    assert snap_compare(listed_app, terminal_size=size, run_before=_steady)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_new_session_dialog(size: tuple[int, int], listed_app: Any, snap_compare: Any) -> None:
    async def open_dialog(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("n")
        await _steady(pilot)

    assert snap_compare(listed_app, terminal_size=size, run_before=open_dialog)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_new_session_dialog_with_errors(size: tuple[int, int], listed_app: Any,
                                        snap_compare: Any) -> None:
    async def submit_empty(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("enter")
        await _steady(pilot)

    assert snap_compare(listed_app, terminal_size=size, run_before=submit_empty)


def test_empty_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock,
                      snap_compare: Any) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(sessions_dir=Path("sessions"), clock=clock)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_steady)

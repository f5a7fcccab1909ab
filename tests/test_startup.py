"""Garbage collection waits while a TUI launch starts, and always comes back."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest

from slbmc_tui import app as app_module
from slbmc_tui import cli, startup
from slbmc_tui.app import make_app
from slbmc_tui.launch import ShowStart
from tests.conftest import FakeClock


class _RecordingApp:
    return_code = 0

    def __init__(self, *, fail: bool = False) -> None:
        self.fail = fail
        self.collecting_while_running: bool | None = None

    def run(self) -> None:
        self.collecting_while_running = gc.isenabled()
        if self.fail:
            raise RuntimeError("the terminal went away")


def _with_app(monkeypatch: pytest.MonkeyPatch, app: _RecordingApp) -> None:
    def fake_make_app(**_kwargs: Any) -> _RecordingApp:
        return app

    monkeypatch.setattr(app_module, "make_app", fake_make_app)


def test_a_tui_launch_starts_without_collection_and_restores_it(
        monkeypatch: pytest.MonkeyPatch, sessions_dir: Path) -> None:
    app = _RecordingApp()
    _with_app(monkeypatch, app)
    assert cli.main(["demo"]) == cli.EXIT_OK
    assert app.collecting_while_running is False
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0  # what the imports built is out of the collector's way


def test_collection_comes_back_when_the_app_fails(monkeypatch: pytest.MonkeyPatch,
                                                  sessions_dir: Path) -> None:
    _with_app(monkeypatch, _RecordingApp(fail=True))
    assert cli.main(["start"]) == cli.EXIT_PROBLEM  # said in one line, not a traceback
    assert gc.isenabled()


def test_a_collector_switched_off_elsewhere_stays_off() -> None:
    gc.disable()
    startup.pause_collection()
    startup.imports_done()
    startup.resume_collection()
    assert not gc.isenabled()
    assert gc.get_freeze_count() == 0  # nothing frozen that the owner did not ask for


def test_commands_without_the_tui_leave_the_collector_alone(sessions_dir: Path) -> None:
    assert cli.main(["list"]) == cli.EXIT_OK
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


@pytest.mark.asyncio
async def test_the_running_app_resumes_collection_once_started_up(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(startup, "START_UP_SECONDS", 0.05)
    startup.pause_collection()
    app = make_app(sessions_dir=tmp_path, launch=ShowStart(), clock=FakeClock())
    async with app.run_test() as pilot:
        await pilot.pause(0.2)
        assert gc.isenabled()

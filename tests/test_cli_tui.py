"""The TUI commands: each builds the app through make_app with the right first screen."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from slbmc_tui import app as app_module
from slbmc_tui import cli, startup
from slbmc_tui.launch import (
    CompareSessions,
    Launch,
    NewSession,
    OpenDemo,
    ResumeSession,
    ShowStart,
)


class _FakeApp:
    return_code = 0
    switch_interval = 0.0

    def run(self) -> None:
        """Nothing to show: the test only checks how the app was made and run."""
        _FakeApp.switch_interval = sys.getswitchinterval()


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[dict[str, Any]]]:
    calls: list[dict[str, Any]] = []

    def fake_make_app(**kwargs: Any) -> _FakeApp:
        calls.append(kwargs)
        return _FakeApp()

    monkeypatch.setattr(app_module, "make_app", fake_make_app)
    interval = sys.getswitchinterval()
    yield calls
    sys.setswitchinterval(interval)  # the TUI launch sets it for the whole process


def test_the_tui_runs_with_a_short_gil_switch_interval(made: list[dict[str, Any]]) -> None:
    """Frames are written from Textual's own thread: it must not wait 5 ms for the GIL."""
    cli.main(["demo"])
    assert _FakeApp.switch_interval == startup.UI_SWITCH_INTERVAL < 0.005


@pytest.mark.parametrize(("argv", "launch"), [
    ([], ShowStart()),
    (["start"], ShowStart()),
    (["demo"], OpenDemo()),
    (["resume"], ResumeSession()),
    (["resume", "acme", "--read-only"], ResumeSession("acme", read_only=True)),
    (["new", "--title", "HomeWell", "--profile", "Elderly", "--lang", "fi"],
     NewSession(title="HomeWell", profile="Elderly", language="fi")),
])
def test_tui_commands_open_the_matching_screen(argv: list[str], launch: Launch,
                                               made: list[dict[str, Any]],
                                               sessions_dir: Path) -> None:
    assert cli.main(argv) == cli.EXIT_OK
    [call] = made
    assert call["launch"] == launch
    assert call["sessions_dir"] == sessions_dir


def test_sessions_dir_and_questions_reach_the_app(made: list[dict[str, Any]],
                                                  tmp_path: Path) -> None:
    cli.main(["--sessions-dir", str(tmp_path), "new", "--questions", "bank.toml"])
    assert made[0]["sessions_dir"] == tmp_path
    assert made[0]["bank_path"] == Path("bank.toml")


@pytest.mark.parametrize("argv", [["--help"], ["new", "--help"], ["resume", "--help"],
                                  ["demo", "--help"], ["start", "--help"]])
def test_help_of_the_tui_commands(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(argv)
    assert exit_info.value.code == 0
    assert "usage: slbmc" in capsys.readouterr().out


def test_help_as_a_real_process() -> None:
    result = subprocess.run([sys.executable, "-m", "slbmc_tui", "new", "--help"],
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0
    assert "--title" in result.stdout and "--profile" in result.stdout
    assert "textual" not in result.stderr.lower()


def test_launches_are_equal_only_to_launches_of_their_kind() -> None:
    assert ShowStart() == ShowStart() and OpenDemo() == OpenDemo()
    assert ShowStart() != OpenDemo() and OpenDemo() != ()
    assert ResumeSession() != CompareSessions() and ResumeSession("a") == ResumeSession("a")
    assert len({ShowStart(), ShowStart(), OpenDemo()}) == 2
    assert repr(OpenDemo()) == "OpenDemo(language='en')"

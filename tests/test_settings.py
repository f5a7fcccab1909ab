"""The user's settings file: themes remembered, a broken file reported and ignored."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from slbmc_tui.app import make_app
from slbmc_tui.settings import (
    HIGH_CONTRAST_THEME,
    UserSettings,
    config_dir,
    load_settings,
    save_settings,
    settings_path,
)
from tests.app_helpers import settle
from tests.conftest import FakeClock


def test_the_config_folder_is_the_tests_own(config_dir: Path) -> None:
    assert settings_path() == config_dir / "settings.toml"


def test_xdg_config_home_is_used_on_linux(monkeypatch: pytest.MonkeyPatch,
                                          tmp_path: Path) -> None:
    monkeypatch.delenv("SLBMC_CONFIG_DIR")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.setattr("sys.platform", "linux")
    assert config_dir() == tmp_path / "slbmc"


def test_no_file_means_the_defaults_and_no_complaint() -> None:
    assert load_settings() == (UserSettings(), "")


def test_settings_round_trip(config_dir: Path) -> None:
    assert save_settings(UserSettings(theme="textual-light")) == ""
    assert load_settings() == (UserSettings(theme="textual-light"), "")
    assert tomllib.loads(settings_path().read_text("utf-8"))["theme"] == "textual-light"


@pytest.mark.parametrize(("content", "said"), [
    (b"theme = ", "not valid TOML"),
    (b"theme = 3", "`theme`"),
    (b"\xff\xfe", "not UTF-8"),
    (b"# " + b"x" * 70_000, "larger than"),
    (b"x = " + b"[" * 5000 + b"]" * 5000, "deeper than"),  # was a RecursionError
])
def test_a_broken_file_is_reported_and_ignored(content: bytes, said: str) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    settings, problem = load_settings()
    assert settings == UserSettings()
    assert said in problem and str(path) in problem


def test_unknown_keys_from_a_newer_version_are_ignored() -> None:
    path = settings_path()
    path.write_text('theme = "textual-light"\nfuture = true\n', encoding="utf-8")
    assert load_settings() == (UserSettings(theme="textual-light"), "")


@given(st.binary(max_size=300))
def test_any_bytes_never_crash_the_reader(content: bytes) -> None:
    path = settings_path()
    path.write_bytes(content)
    settings, _ = load_settings()
    assert isinstance(settings, UserSettings)


def test_an_unwritable_folder_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    problem = save_settings(UserSettings(), blocker / "settings.toml")
    assert problem.startswith("Settings not saved")


@pytest.mark.asyncio
async def test_the_chosen_theme_is_remembered_between_runs(sessions_dir: Path,
                                                           clock: FakeClock) -> None:
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.theme = "textual-light"  # what the palette's "Change theme" does
        await pilot.pause()
        await settle(pilot)
    assert load_settings()[0].theme == "textual-light"
    again = make_app(sessions_dir=sessions_dir, clock=clock)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert again.theme == "textual-light"
        assert HIGH_CONTRAST_THEME in again.available_themes


@pytest.mark.asyncio
async def test_a_broken_settings_file_is_said_and_the_app_starts(sessions_dir: Path,
                                                                 clock: FakeClock) -> None:
    settings_path().write_text('theme = "no-such-theme"\npresentation_theme = [', "utf-8")
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"
        assert any("Settings file ignored" in (n.title or "") for n in app._notifications)


@pytest.mark.asyncio
async def test_an_unknown_theme_name_is_said_and_the_default_kept(sessions_dir: Path,
                                                                  clock: FakeClock) -> None:
    settings_path().write_text('theme = "[b]no-such-theme"\n', "utf-8")
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"
        assert any("[b]no-such-theme" in n.message for n in app._notifications)
    assert os.path.exists(settings_path())  # the user's file is left as it was


def test_a_fifo_in_place_of_the_settings_file_never_blocks() -> None:
    """Opening a FIFO waits for a writer forever: the start would hang."""
    from slbmc_tui.i18n.choice import language_from_settings

    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    settings, problem = load_settings()
    assert settings == UserSettings() and "not a regular file" in problem
    assert language_from_settings() is None


def test_a_too_deep_file_is_no_language_choice() -> None:
    from slbmc_tui.i18n.choice import language_from_settings

    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('language = "fi"\nx = ' + "[" * 5000 + "]" * 5000, encoding="utf-8")
    assert language_from_settings() is None

"""The palette's Screenshot saves into a folder that exists, and says where."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from slbmc_tui.app import make_app
from slbmc_tui.screenshot_folder import screenshot_folder
from tests.app_helpers import settle
from tests.conftest import FakeClock


def test_without_a_downloads_folder_the_home_folder_is_used(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(platformdirs, "user_downloads_path", lambda: tmp_path / "no-downloads")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert screenshot_folder() == tmp_path
    (tmp_path / "no-downloads").mkdir()
    assert screenshot_folder() == tmp_path / "no-downloads"


@pytest.mark.asyncio
async def test_screenshot_is_saved_when_downloads_does_not_exist(
        sessions_dir: Path, clock: FakeClock, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: "Failed to save screenshot" when ~/Downloads did not exist."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setattr(platformdirs, "user_downloads_path", lambda: home / "Downloads")
    monkeypatch.setenv("HOME", str(home))
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.deliver_screenshot()
        for _ in range(50):
            await pilot.pause(0.05)
            if list(home.glob("*.svg")):
                break
        await pilot.pause(0.1)
        messages = [n.message for n in app._notifications]
    assert len(list(home.glob("*.svg"))) == 1
    assert not any("Failed" in m for m in messages)

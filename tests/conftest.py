"""Shared fixtures: fixed clocks, isolated folders, tiny banks."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Shared machines are noisy: property tests judge correctness, never speed.
settings.register_profile(
    "slbmc", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("slbmc")

FIXED_NOW = datetime(2026, 11, 23, 9, 30, tzinfo=timezone(timedelta(hours=2)))


class FakeClock:
    """A clock that only moves when told to, so saved times and snapshots are stable."""

    def __init__(self, start: datetime = FIXED_NOW) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture(autouse=True)
def private_temp_dir(tmp_path_factory: pytest.TempPathFactory,
                     monkeypatch: pytest.MonkeyPatch) -> Path:
    """Scratch folders the app makes (the demo copy) land in pytest's folder, not in /tmp."""
    import tempfile

    folder = tmp_path_factory.mktemp("tempfile")
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture(autouse=True)
def private_cache_dir(tmp_path_factory: pytest.TempPathFactory,
                      monkeypatch: pytest.MonkeyPatch) -> Path:
    """The listing cache of each test lands in pytest's folder, never in the user's home."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("SLBMC_CACHE_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def english_interface(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests run in English whatever the machine's locale (a Finnish `$LANG` would otherwise
    make the CLI Finnish), and a test that switches language leaves English behind."""
    monkeypatch.setenv("SLBMC_LANG", "en")
    yield
    from slbmc_tui.i18n.choice import set_user_language

    set_user_language("en")


@pytest.fixture(autouse=True)
def collector_restored() -> Iterator[None]:
    """A test that runs a TUI command through the CLI pauses and freezes the collector
    (`startup`); the rest of the suite runs with it as it was."""
    yield
    from slbmc_tui import startup

    startup.resume_collection()
    gc.unfreeze()
    gc.enable()


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    """Tests run in English; one that shows a Finnish session leaves English behind."""
    yield
    from slbmc_tui.i18n import use_language

    use_language("en")


@pytest.fixture(autouse=True)
def no_size_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """pytest-xdist's workers run with COLUMNS=80 and LINES=24 set: an app started in a
    pseudo-terminal would take those over the terminal's own size. Every test sees the
    environment a plain `pytest` run has."""
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("LINES", raising=False)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def sessions_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty sessions folder, also set as $SLBMC_SESSIONS_DIR so nothing touches ./sessions."""
    folder = tmp_path / "sessions"
    monkeypatch.setenv("SLBMC_SESSIONS_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def config_dir(tmp_path_factory: pytest.TempPathFactory,
               monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's settings (theme) live in a folder of the test's own, never the real one."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("SLBMC_CONFIG_DIR", str(folder))
    return folder

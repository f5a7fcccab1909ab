"""How the compare screen looks with 2 and 5 profiles, wide and at 80x24 (fixed data)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.compare_fixtures import write_profiles
from tests.compare_host import CompareHost
from tests.conftest import FakeClock


async def _loaded(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
@pytest.mark.parametrize("count", [2, 5])
def test_compare_screen(snap_compare: Any, sessions_dir: Path, count: int,
                        size: tuple[int, int]) -> None:
    app = CompareHost(write_profiles(sessions_dir, FakeClock(), count))
    assert snap_compare(app, terminal_size=size, run_before=_loaded)


def test_compare_screen_differing_only_paged_right(snap_compare: Any, sessions_dir: Path) -> None:
    app = CompareHost(write_profiles(sessions_dir, FakeClock(), 5))
    assert snap_compare(app, terminal_size=(80, 24), run_before=_loaded,
                        press=["c", "d", "right", "right", "right", "right"])

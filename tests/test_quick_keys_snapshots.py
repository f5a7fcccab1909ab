"""The quick keys on screen, wide and at 80x24: ticking armed from the answer box (numbers
and underlined letters, the hint in the box's border) and the "Go to…" overlay."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.test_interview_snapshots import host, steady

SIZES = [(120, 40), (80, 24)]


@pytest.mark.parametrize("size", SIZES)
def test_ticking_armed_from_the_answer(snap_compare: Any, sessions_dir: Path,
                                       size: tuple[int, int]) -> None:
    async def arm(pilot: Pilot[Any]) -> None:
        await pilot.press("tab", "tab", "tab", "ctrl+@")  # the benefits' answer box
        await steady(pilot)

    assert snap_compare(host(sessions_dir), terminal_size=size, run_before=arm)


@pytest.mark.parametrize("size", SIZES)
def test_go_to_overlay(snap_compare: Any, sessions_dir: Path, size: tuple[int, int]) -> None:
    async def open_overlay(pilot: Pilot[Any]) -> None:
        await pilot.press("ctrl+g")
        await steady(pilot)

    assert snap_compare(host(sessions_dir), terminal_size=size, run_before=open_overlay)

"""Issue 18 on screen, wide and at 80x24: presentation mode, the light theme, the options
focused, the block list beside the answer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.test_interview_snapshots import host, steady

SIZES = [(120, 40), (80, 24)]


@pytest.mark.parametrize("size", SIZES)
def test_presentation_mode(snap_compare: Any, sessions_dir: Path,
                           size: tuple[int, int]) -> None:
    async def present(pilot: Pilot[Any]) -> None:
        await pilot.press("ctrl+t")
        await pilot.app.workers.wait_for_complete()
        await steady(pilot)

    assert snap_compare(host(sessions_dir), terminal_size=size, run_before=present)


@pytest.mark.parametrize("size", SIZES)
def test_light_theme_borders(snap_compare: Any, sessions_dir: Path,
                             size: tuple[int, int]) -> None:
    async def light(pilot: Pilot[Any]) -> None:
        pilot.app.theme = "textual-light"
        await steady(pilot)

    assert snap_compare(host(sessions_dir), terminal_size=size, run_before=light)


@pytest.mark.parametrize("size", SIZES)
def test_options_focused_and_ticked(snap_compare: Any, sessions_dir: Path,
                                    size: tuple[int, int]) -> None:
    async def tick(pilot: Pilot[Any]) -> None:
        await pilot.press("tab", "tab", "space", "down", "space")  # functional, economic
        await steady(pilot)

    assert snap_compare(host(sessions_dir), terminal_size=size, run_before=tick)


def test_block_list_at_80_columns(snap_compare: Any, sessions_dir: Path) -> None:
    async def open_list(pilot: Pilot[Any]) -> None:
        await pilot.press("ctrl+l")
        await steady(pilot)

    assert snap_compare(host(sessions_dir), terminal_size=(80, 24), run_before=open_list)


def test_help_at_80_columns(snap_compare: Any, sessions_dir: Path) -> None:
    async def open_help(pilot: Pilot[Any]) -> None:
        await pilot.press("f1")
        await steady(pilot)

    assert snap_compare(host(sessions_dir), terminal_size=(80, 24), run_before=open_help)

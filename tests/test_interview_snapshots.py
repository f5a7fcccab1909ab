"""How the interview and help screens look, wide and at 80x24, with fixed data and clock."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from slbmc_tui.domain.session import Session
from tests.app_helpers import still_cursors
from tests.conftest import FakeClock
from tests.interview_host import InterviewHost


def demo_answers(session: Session) -> None:
    """A half-done block 1: answers in both columns, one flagged, one benefit ticked."""
    ours = session.answer("customers_world", "ours", "deep_insight")
    ours.text = ("Store managers walk us through a normal week.\n"
                 "Their plan: ten new shops by 2028, each with less stock on the floor.")
    ours.needs_research = True
    session.answer("customers_world", "customer", "why_buy").text = (
        "To stop throwing away fresh food at the end of the day.")
    benefits = session.answer("customers_world", "customer", "benefits")
    benefits.options = ["economic"]
    benefits.text = "Less waste, and a greener image with their shoppers."
    session.block_answers("customers_world").notes = "Ask about the pilot shop in Tampere."
    session.answer("value_proposition", "ours", "value_selling").text = "Daily forecasts."


async def steady(pilot: Pilot[Any]) -> None:
    """No blinking cursor, nothing in flight: the picture is the same on every run."""
    await pilot.pause()
    still_cursors(pilot)
    await pilot.pause()


def host(sessions_dir: Path) -> InterviewHost:
    return InterviewHost(sessions_dir, FakeClock(), fill=demo_answers)


def test_interview_wide(snap_compare: Any, sessions_dir: Path) -> None:
    assert snap_compare(host(sessions_dir), terminal_size=(120, 40), run_before=steady)


def test_interview_narrow(snap_compare: Any, sessions_dir: Path) -> None:
    assert snap_compare(host(sessions_dir), terminal_size=(80, 24), run_before=steady)


def test_interview_with_block_sidebar(snap_compare: Any, sessions_dir: Path) -> None:
    async def open_sidebar(pilot: Pilot[Any]) -> None:
        await pilot.press("ctrl+l")
        await steady(pilot)

    assert snap_compare(host(sessions_dir), terminal_size=(120, 40), run_before=open_sidebar)


def test_help_screen(snap_compare: Any, sessions_dir: Path) -> None:
    async def open_help(pilot: Pilot[Any]) -> None:
        await pilot.press("f1")
        await steady(pilot)

    assert snap_compare(host(sessions_dir), terminal_size=(120, 40), run_before=open_help)

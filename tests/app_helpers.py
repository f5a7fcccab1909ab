"""Helpers for the app-level tests: sessions on disk and waiting for the app to settle."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import TextArea

from slbmc_tui.domain.bank import builtin_bank
from slbmc_tui.domain.session import Position, Session, new_session
from slbmc_tui.storage.store import SessionStore
from tests.conftest import FakeClock
from tests.interview_host import InterviewHost

WHY_BUY = Position(block="customers_world", perspective="customer", prompt="why_buy")


async def settle(pilot: Pilot[None]) -> None:
    """Let workers finish and their results reach the screen."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


@asynccontextmanager
async def interview_at(folder: Path, clock: FakeClock, at: Position = WHY_BUY,
                       **options: object) -> AsyncIterator[tuple[InterviewHost, Pilot[None]]]:
    """A new session's interview open at `at`, 120x40, its first screen up."""
    app = InterviewHost(folder, clock, at=at, **options)  # type: ignore[arg-type]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        yield app, pilot


async def wait_until(pilot: Pilot[None], condition: Callable[[], object],
                     timeout: float = 10.0) -> None:
    """Let the app run until `condition()` holds: a fixed pause fails on a loaded machine."""
    for _ in range(int(timeout / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("condition never became true")


def still_cursors(pilot: Pilot[None]) -> None:
    """Stop the text areas' cursors blinking and draw them afresh, for snapshots.

    Textual 8.2.8 caches a TextArea line under a key that ignores `cursor_blink`: a line drawn
    while the cursor had blinked off stayed cursor-less after the blink stopped, so whether a
    snapshot showed the cursor depended on how long the test had taken (a loaded machine).
    """
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False
        area.notify_style_update()  # drops the line cache


async def run_from_palette(pilot: Pilot[None], command: str) -> None:
    """Type `command` into the command palette and run the best match."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*command)
    await settle(pilot)  # the palette's search is a worker: every match is listed once it ends
    await pilot.press("enter")
    await pilot.pause()
    await pilot.pause()


def make_session(folder: Path, title: str, profile: str, *, minutes_ago: int = 0,
                 client: str = "", answered: dict[tuple[str, str, str], str] | None = None,
                 clock: FakeClock | None = None) -> Path:
    """Write a session with some answers, edited `minutes_ago` before the fixed clock."""
    clock = clock or FakeClock()
    bank = builtin_bank("en")
    session: Session = new_session(bank, title=title, profile=profile, client=client,
                                   clock=clock)
    for (block, perspective, prompt), text in (answered or {}).items():
        session.answer(block, perspective, prompt).text = text  # type: ignore[arg-type]
    session.meta.updated = clock() - timedelta(minutes=minutes_ago)
    session.refresh_progress(bank)
    return SessionStore(folder).create(session)


def three_sessions_and_a_broken_file(folder: Path) -> dict[str, Path]:
    """Two models: home care with two profiles, bike repair with one; plus one broken file."""
    paths = {
        "elderly": make_session(
            folder, "HomeWell home care", "The elderly person living at home",
            client="HomeWell Care Oy", minutes_ago=30,
            answered={("customers_world", "ours", "deep_insight"): "Home visits",
                      ("customers_world", "customer", "why_buy"): "To stay at home"}),
        "relative": make_session(
            folder, "HomeWell home care", "A relative", client="HomeWell Care Oy",
            minutes_ago=90,
            answered={("customers_world", "customer", "why_buy"): "Peace of mind"}),
        "cyclist": make_session(folder, "Pedal bike repair", "Commuter cyclist",
                                client="Pedal Oy", minutes_ago=10),
    }
    broken = folder / "notes-from-meeting.toml"
    broken.write_text("title = = 'oops'\n", encoding="utf-8")
    paths["broken"] = broken
    return paths

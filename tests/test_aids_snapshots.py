"""How the interview aids look, wide and at 80x24: the agenda clock in the header (on time,
over time, paused, and none without a plan), the client's words in an answer, the agenda
dialog, the wrap-up and the rounds view. Timers are driven by the fixed clock, so every
picture is the same on every run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from slbmc_tui.domain.agenda import default_plan
from slbmc_tui.domain.bank import builtin_bank
from slbmc_tui.domain.session import Session, new_round
from slbmc_tui.storage.store import SessionStore
from tests.conftest import FakeClock
from tests.interview_host import InterviewHost, create_session_file
from tests.test_interview_snapshots import demo_answers, steady

SIZES = [(120, 40), (80, 24)]
ids = [f"{w}x{h}" for w, h in SIZES]


def planned_with_quotes(session: Session) -> None:
    demo_answers(session)
    session.agenda.set_plan(60, default_plan(builtin_bank("en"), 60))
    session.answer("customers_world", "customer", "why_buy").text = (
        "To stop throwing away fresh food.\n"
        "> \"Every evening we bin two crates of salad.\"\n"
        "Said twice, with some anger.")
    session.next_steps = "Send the summary to Anna by Friday\nBook round 2 in March"


def spend(minutes: float) -> Any:
    async def run(pilot: Pilot[Any]) -> None:
        clock = pilot.app.clock
        for _ in range(int(minutes * 2)):
            clock.advance(seconds=30)
            pilot.app.screen._keep_time()
        await steady(pilot)
    return run


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_agenda_on_time_with_quotes(size: tuple[int, int], snap_compare: Any,
                                    sessions_dir: Path) -> None:
    app = InterviewHost(sessions_dir, FakeClock(), fill=planned_with_quotes)
    assert snap_compare(app, terminal_size=size, run_before=spend(3))


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_agenda_over_time(size: tuple[int, int], snap_compare: Any,
                          sessions_dir: Path) -> None:
    app = InterviewHost(sessions_dir, FakeClock(), fill=planned_with_quotes)
    assert snap_compare(app, terminal_size=size, run_before=spend(9.5))


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_no_plan_no_clock(size: tuple[int, int], snap_compare: Any,
                          sessions_dir: Path) -> None:
    """Time is kept without a plan, but the header shows no clock."""
    app = InterviewHost(sessions_dir, FakeClock(), fill=demo_answers)
    assert snap_compare(app, terminal_size=size, run_before=spend(3))


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_agenda_paused(size: tuple[int, int], snap_compare: Any, sessions_dir: Path) -> None:
    async def pause(pilot: Pilot[Any]) -> None:
        await spend(2)(pilot)
        pilot.app.screen.action_toggle_clock()
        pilot.app.screen.flush_save()  # saved at 09:32 now, not whenever the debounce fires
        await pilot.pause(0.1)
        pilot.app.clear_notifications()
        await spend(5)(pilot)

    app = InterviewHost(sessions_dir, FakeClock(), fill=planned_with_quotes)
    assert snap_compare(app, terminal_size=size, run_before=pause)


def test_agenda_dialog(snap_compare: Any, sessions_dir: Path) -> None:
    async def open_dialog(pilot: Pilot[Any]) -> None:
        await steady(pilot)
        pilot.app.screen.action_agenda()
        await steady(pilot)
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False  # the picture must not depend on the blink
        await pilot.pause()

    app = InterviewHost(sessions_dir, FakeClock(), fill=planned_with_quotes)
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_dialog)


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_wrap_up(size: tuple[int, int], snap_compare: Any, sessions_dir: Path) -> None:
    async def wrap_up(pilot: Pilot[Any]) -> None:
        await spend(4)(pilot)
        pilot.app.screen.action_wrap_up()
        await steady(pilot)

    app = InterviewHost(sessions_dir, FakeClock(), fill=planned_with_quotes)
    assert snap_compare(app, terminal_size=size, run_before=wrap_up)


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_rounds_view(size: tuple[int, int], snap_compare: Any, sessions_dir: Path) -> None:
    clock = FakeClock()
    store = SessionStore(sessions_dir)
    first = create_session_file(sessions_dir, clock, demo_answers)
    second = new_round(store.load(first), clock)
    second.answer("customers_world", "ours", "deep_insight").text = (
        "Store managers walk us through a busy week.\n"
        "Their plan: twelve new shops by 2028, each with less stock on the floor.")
    second.answer("customers_world", "customer", "benefits").options = ["economic", "social"]
    second_path = store.create(second)

    async def show(pilot: Pilot[Any]) -> None:
        await steady(pilot)
        await pilot.app.workers.wait_for_complete()
        screen = pilot.app.screen
        screen.action_changes_since(str(screen.earlier_rounds[0].path))
        await pilot.app.workers.wait_for_complete()
        await steady(pilot)

    app = InterviewHost(sessions_dir, clock, path=second_path)
    assert snap_compare(app, terminal_size=size, run_before=show)

"""The whole story a consultant lives: new session, answers, quit, resume days later."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

from slbmc_tui.app import make_app
from slbmc_tui.launch import ResumeSession
from slbmc_tui.screens.interview import InterviewScreen
from slbmc_tui.screens.start import StartScreen
from slbmc_tui.widgets.answer_editor import AnswerEditor
from slbmc_tui.widgets.interview_header import InterviewHeader
from tests.app_helpers import make_session, settle
from tests.conftest import FakeClock


async def type_text(pilot: Pilot[Any], text: str) -> None:
    await pilot.press(*("space" if ch == " " else ch for ch in text))


def focused_key(app: Any) -> tuple[str, str, str]:
    key = getattr(app.focused, "answer_key", None)
    assert key is not None, f"focus is on {app.focused!r}, not an answer"
    return key.block_id, key.perspective, key.prompt_id


@pytest.mark.asyncio
async def test_new_session_answers_quit_and_resume(sessions_dir: Path, clock: FakeClock) -> None:
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await type_text(pilot, "HomeWell")
        await pilot.press("tab")
        await type_text(pilot, "Elderly")
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert focused_key(app) == ("customers_world", "ours", "deep_insight")
        await type_text(pilot, "Home visits")
        await pilot.press("tab")
        assert focused_key(app) == ("customers_world", "customer", "why_buy")
        await type_text(pilot, "Stay home")
        await pilot.press("ctrl+pagedown")
        await settle(pilot)
        assert screen.current_block is not None
        assert screen.current_block.id == "value_proposition"
        await pilot.press("tab", "tab")  # reading order: the customer's, then our second
        await type_text(pilot, "Same faces")  # typed a moment before quitting: no autosave yet
        await pilot.press("ctrl+q", "ctrl+q")  # twice: an interview is open
        await pilot.pause()
    [path] = sessions_dir.glob("*.toml")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    blocks = data["blocks"]
    assert blocks["customers_world"]["ours"]["deep_insight"]["text"] == "Home visits"
    assert blocks["customers_world"]["customer"]["why_buy"]["text"] == "Stay home"
    assert blocks["value_proposition"]["ours"]["offering_elements"]["text"] == "Same faces"
    assert data["position"] == {"block": "value_proposition", "perspective": "ours",
                                "prompt": "offering_elements"}
    assert data["meta"]["answered"] == 3

    clock.advance(days=3)
    again = make_app(sessions_dir=sessions_dir, clock=clock, launch=ResumeSession())
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = again.screen
        assert isinstance(screen, InterviewScreen)
        assert screen.current_block is not None
        assert screen.current_block.id == "value_proposition"
        assert focused_key(again) == ("value_proposition", "ours", "offering_elements")
        assert isinstance(again.focused, AnswerEditor)
        assert again.focused.text == "Same faces"
        texts = {e.answer_key.prompt_id: e.text for e in screen.query(AnswerEditor)
                 if e.answer_key.block_id == "value_proposition"}
        assert texts["offering_elements"] == "Same faces"


@pytest.mark.asyncio
async def test_ctrl_c_copies_the_selection_and_never_closes_the_interview(
        sessions_dir: Path, clock: FakeClock) -> None:
    """Issue 18: Ctrl+C closed the app at once, taking the client's screen with it."""
    path = make_session(sessions_dir, "HomeWell home care", "A relative")
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ResumeSession())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        await type_text(pilot, "Weekly call")
        await pilot.press("shift+home", "ctrl+c")
        await pilot.pause()
        assert not app._exit and isinstance(app.screen, InterviewScreen)
        assert app.clipboard == "Weekly call"
        await pilot.press("end", "ctrl+c")  # nothing selected: still nothing closes
        await pilot.pause()
        assert not app._exit and isinstance(app.screen, InterviewScreen)
        await pilot.press("ctrl+q", "ctrl+q")  # twice: an interview is open
        await pilot.pause()
        assert app._exit
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["blocks"]["customers_world"]["ours"]["deep_insight"]["text"] == "Weekly call"


@pytest.mark.asyncio
async def test_enter_pressed_twice_opens_one_interview(sessions_dir: Path,
                                                       clock: FakeClock) -> None:
    path = make_session(sessions_dir, "HomeWell home care", "A relative")
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_session(path)
        app.open_session(path)
        await settle(pilot)
        assert sum(isinstance(s, InterviewScreen) for s in app.screen_stack) == 1


@pytest.mark.asyncio
async def test_asking_for_an_open_session_brings_it_back_at_the_position(
        sessions_dir: Path, clock: FakeClock) -> None:
    from textual.screen import Screen

    from slbmc_tui.domain.session import Position
    from slbmc_tui.messages import OpenSessionRequested

    path = make_session(sessions_dir, "HomeWell home care", "A relative")
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ResumeSession())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        interview = app.screen
        assert isinstance(interview, InterviewScreen)
        await app.push_screen(Screen())  # e.g. the compare screen, asking to edit an answer
        app.post_message(OpenSessionRequested(path, Position(block="value_proposition",
                                                             perspective="customer",
                                                             prompt="value_buying")))
        await settle(pilot)
        assert app.screen is interview
        assert interview.current_block is not None
        assert interview.current_block.id == "value_proposition"
        assert focused_key(app) == ("value_proposition", "customer", "value_buying")


@pytest.mark.asyncio
async def test_palette_goes_back_to_the_session_list_after_saving(
        sessions_dir: Path, clock: FakeClock) -> None:
    path = make_session(sessions_dir, "HomeWell home care", "A relative")
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ResumeSession())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        interview = app.screen
        assert isinstance(interview, InterviewScreen)
        commands = {c.title: c for c in app.get_system_commands(interview)}
        await type_text(pilot, "Peace of mind")
        commands["Session list"].callback()
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        assert "Session list" not in {c.title for c in app.get_system_commands(app.screen)}
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        assert data["blocks"]["customers_world"]["ours"]["deep_insight"]["text"] == "Peace of mind"
        table = app.screen.query_one("#sessions", DataTable)
        assert " 1/39" in str(table.get_row(str(path))[2])  # the listing was refreshed


@pytest.mark.asyncio
async def test_ctrl_o_saves_and_goes_back_to_the_session_list(sessions_dir: Path,
                                                               clock: FakeClock) -> None:
    path = make_session(sessions_dir, "Acme bikes", "Commuter", clock=clock)
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ResumeSession())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        assert not app.screen.query_one(InterviewHeader).banner  # only the demo carries one
        await type_text(pilot, "Rides")
        await pilot.press("escape")  # a stray Escape leaves nothing (issue 18)
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        assert "Rides" in path.read_text(encoding="utf-8")

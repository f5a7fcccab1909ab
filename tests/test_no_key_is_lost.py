"""A fast typist loses nothing: keys typed before the cursor arrives or just before quitting."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual import events

from slbmc_tui.app import make_app
from slbmc_tui.launch import ResumeSession
from slbmc_tui.screens.interview import InterviewScreen
from tests.app_helpers import make_session, settle
from tests.conftest import FakeClock


def send_keys(app: Any, keys: list[tuple[str, str | None]]) -> None:
    """Deliver keys as a terminal does: all at once, with no pause for the app to catch up."""
    driver = app._driver
    assert driver is not None
    for key, character in keys:
        event = events.Key(key, character)
        event.set_sender(app)
        driver.send_message(event)


def typed(text: str) -> list[tuple[str, str | None]]:
    return [("space" if c == " " else c, c) for c in text]


@pytest.mark.asyncio
@pytest.mark.parametrize("quit_key", ["ctrl+q"])
async def test_a_burst_of_keys_then_quit_is_saved(sessions_dir: Path, clock: FakeClock,
                                                  quit_key: str) -> None:
    path = make_session(sessions_dir, "Acme bikes", "Commuter", clock=clock)
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ResumeSession())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        send_keys(app, [*typed("last words"), (quit_key, None), (quit_key, None)])
        await pilot.pause(0.5)
        assert app._exit
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["blocks"]["customers_world"]["ours"]["deep_insight"]["text"] == "last words"


@pytest.mark.asyncio
async def test_words_typed_as_the_session_opens_reach_the_resumed_answer(
        sessions_dir: Path, clock: FakeClock) -> None:
    path = make_session(sessions_dir, "Acme bikes", "Commuter", clock=clock)
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ResumeSession())
    async with app.run_test(size=(120, 40)) as pilot:
        while not isinstance(app.screen, InterviewScreen):
            await pilot.pause(0.01)
        send_keys(app, typed("first words"))  # before the cursor has reached the answer
        await settle(pilot)
        await pilot.press("ctrl+q", "ctrl+q")  # twice: an interview is open
        await pilot.pause()
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["blocks"]["customers_world"]["ours"]["deep_insight"]["text"] == "first words"


@pytest.mark.asyncio
async def test_words_typed_right_after_a_block_switch_go_to_the_new_block(
        sessions_dir: Path, clock: FakeClock) -> None:
    path = make_session(sessions_dir, "Acme bikes", "Commuter", clock=clock)
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ResumeSession())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        send_keys(app, [("ctrl+pagedown", None), *typed("second block")])
        await settle(pilot)
        await pilot.press("ctrl+q", "ctrl+q")  # twice: an interview is open
        await pilot.pause()
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["blocks"]["value_proposition"]["ours"]["value_selling"]["text"] == "second block"
    assert "customers_world" not in data.get("blocks", {})


@pytest.mark.asyncio
async def test_keys_after_tab_in_one_burst_follow_the_cursor(
        sessions_dir: Path, clock: FakeClock) -> None:
    """Tab, then typing, in one read from the terminal (a paste, a macro, a fast typist):
    the words go to the field Tab moved to, and the options take their keys."""
    path = make_session(sessions_dir, "Acme bikes", "Commuter", clock=clock)
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ResumeSession())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        send_keys(app, [("tab", None), *typed("why"), ("tab", None), ("down", None),
                        ("space", " "), ("shift+tab", None), *typed("!")])
        await settle(pilot)
        await pilot.press("ctrl+q", "ctrl+q")  # twice: an interview is open
        await pilot.pause()
    blocks = tomllib.loads(path.read_text(encoding="utf-8"))["blocks"]["customers_world"]
    assert "ours" not in blocks  # nothing went to the answer the cursor left
    assert blocks["customer"]["why_buy"]["text"] == "why!"
    assert blocks["customer"]["benefits"]["options"] == ["economic"]

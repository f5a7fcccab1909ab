"""Issue 18's last gaps, at the keyboard: ticking from the answer box (Ctrl+Space, then a
number or a letter), the "Go to…" overlay's views by letter, and Ctrl+Q twice.

Keys are sent as a terminal (or `tmux send-keys`) sends them: in one burst, no pauses."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual import events
from textual.pilot import Pilot

from slbmc_tui.dialogs.block_picker import BlockPicker, views_table
from slbmc_tui.domain.session import Position
from slbmc_tui.launch import ResumeSession
from slbmc_tui.screens.canvas import CanvasScreen
from slbmc_tui.screens.help import HelpScreen
from slbmc_tui.screens.interview import InterviewScreen
from slbmc_tui.screens.open_questions import OpenQuestionsScreen
from slbmc_tui.widgets.answer_editor import AnswerEditor, OptionPicker
from slbmc_tui.widgets.option_keys import option_for_key, option_letters
from tests.app_helpers import make_session
from tests.conftest import FakeClock
from tests.interview_host import InterviewHost
from tests.test_no_key_is_lost import send_keys, typed

WIDE = (120, 40)
BENEFITS_AT = Position(block="customers_world", perspective="customer", prompt="benefits")
"""The first block's option prompt (Functional, Economic, Emotional, Social, Ethical,
Environmental, Symbolic): four options start with E."""


async def settle(pilot: Pilot[Any]) -> None:
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def saved(app: InterviewHost) -> dict[str, Any]:
    app.interview.flush_save()
    assert app.path is not None
    return tomllib.loads(app.path.read_text(encoding="utf-8"))


def benefits(data: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = data["blocks"]["customers_world"]["customer"]["benefits"]
    return found


def picker_of(app: InterviewHost) -> OptionPicker:
    return app.interview.query_one(OptionPicker)


# -- which key ticks which option ---------------------------------------------------------

def test_each_option_gets_its_own_letter_the_first_one_its_first_letter() -> None:
    labels = ["Functional", "Economic", "Emotional", "Social", "Ethical", "Environmental",
              "Symbolic"]
    assert option_letters(labels) == ["f", "e", "m", "s", "t", "n", "y"]
    letters = option_letters(labels)
    assert option_for_key("e", letters) == 1  # a shared first letter: the first option's
    assert option_for_key("E", letters) == 1
    assert option_for_key("m", letters) == 2
    assert option_for_key("7", letters) == 6 and option_for_key("8", letters) is None
    assert option_for_key("x", letters) is None and option_for_key(None, letters) is None


def test_finnish_letters_are_letters_and_a_label_without_any_gets_none() -> None:
    assert option_letters(["Taloudellinen", "Toiminnallinen", "Äly", "123", "Älä"]) == [
        "t", "o", "ä", "", "l"]


# -- ticking from the answer box ------------------------------------------------------------

@pytest.mark.asyncio
async def test_ctrl_space_then_a_number_ticks_and_the_words_after_it_are_typed(
        sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock, at=BENEFITS_AT)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        editor = app.focused
        assert isinstance(editor, AnswerEditor)
        send_keys(app, [("ctrl+@", "\x00"), ("2", "2"), *typed("price"),
                        ("ctrl+space", None), ("4", "4")])
        await settle(pilot)
        assert app.focused is editor  # the cursor never left the answer
        assert editor.text == "price"
        assert picker_of(app).selected == ["economic", "social"]
        assert not picker_of(app).armed
        assert str(editor.border_subtitle) == "Ctrl+Space: tick an option"  # the hint is back
        assert benefits(saved(app)) == {"text": "price", "options": ["economic", "social"]}


@pytest.mark.asyncio
async def test_ctrl_space_then_a_letter_ticks_and_again_unticks(
        sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock, at=BENEFITS_AT)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        send_keys(app, [("ctrl+@", "\x00"), ("e", "e"), ("ctrl+backslash", "\x1c"), ("m", "m"),
                        ("ctrl+@", "\x00"), ("s", "s"), ("ctrl+@", "\x00"), ("S", "S")])
        await settle(pilot)
        assert picker_of(app).selected == ["economic", "emotional"]
        assert benefits(saved(app))["options"] == ["economic", "emotional"]


@pytest.mark.asyncio
async def test_the_hint_shows_where_the_eye_is_and_escape_types_nothing(
        sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock, at=BENEFITS_AT)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        editor = app.focused
        assert isinstance(editor, AnswerEditor)
        await pilot.press("ctrl+@")
        assert picker_of(app).armed and picker_of(app).has_class("-ticking")
        assert "1–7" in str(editor.border_subtitle)
        await pilot.press("escape", "x")
        await pilot.pause()
        assert not picker_of(app).armed and editor.text == "x"
        assert isinstance(app.screen, InterviewScreen)  # Escape did nothing else
        await pilot.press("ctrl+@", "9")  # no ninth option: said, nothing ticked or typed
        await pilot.pause()
        assert picker_of(app).selected == [] and editor.text == "x"
        assert any("“9”" in str(n.message) for n in app._notifications)


@pytest.mark.asyncio
async def test_ctrl_space_on_a_prompt_without_options_says_so_and_types_on(
        sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        send_keys(app, [("ctrl+@", "\x00"), *typed("1 idea")])
        await settle(pilot)
        assert isinstance(app.focused, AnswerEditor) and app.focused.text == "1 idea"
        assert any("no options" in str(n.message) for n in app._notifications)


@pytest.mark.asyncio
async def test_ticking_is_disarmed_when_the_cursor_moves_on(
        sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock, at=BENEFITS_AT)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        send_keys(app, [("ctrl+@", "\x00"), ("tab", None), *typed("e")])
        await settle(pilot)
        assert not picker_of(app).armed and picker_of(app).selected == []


@pytest.mark.asyncio
async def test_a_paste_after_ctrl_space_is_typed_and_ticking_is_off_again(
        sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock, at=BENEFITS_AT)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+@")
        await pilot.pause()
        editor = app.focused
        assert isinstance(editor, AnswerEditor) and picker_of(app).armed
        paste = events.Paste("pasted")  # as the terminal delivers it: to the app
        paste.set_sender(app)
        assert app._driver is not None
        app._driver.send_message(paste)
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert editor.text == "pastede" and picker_of(app).selected == []


@pytest.mark.asyncio
async def test_ctrl_space_in_the_option_list_itself_works_too(
        sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock, at=BENEFITS_AT)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, OptionPicker)
        await pilot.press("ctrl+@", "y")
        assert picker_of(app).selected == ["symbolic"]
        assert benefits(saved(app))["options"] == ["symbolic"]


@pytest.mark.asyncio
async def test_read_only_sessions_tick_nothing(sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock, at=BENEFITS_AT, read_only=True)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+@", "1")
        assert picker_of(app).selected == [] and not picker_of(app).armed


# -- Go to… ---------------------------------------------------------------------------------

@pytest.mark.asyncio
@pytest.mark.parametrize(("letter", "screen"), [("c", CanvasScreen),
                                                 ("o", OpenQuestionsScreen),
                                                 ("k", HelpScreen)])
async def test_ctrl_g_then_a_letter_opens_a_view(sessions_dir: Path, clock: FakeClock,
                                                 letter: str, screen: type[Any]) -> None:
    app = InterviewHost(sessions_dir, clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        send_keys(app, [("ctrl+g", "\x07"), (letter, letter)])
        await settle(pilot)
        assert isinstance(app.screen, screen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        assert isinstance(app.focused, AnswerEditor)


@pytest.mark.asyncio
async def test_ctrl_g_then_a_digit_goes_to_that_block_and_typing_follows(
        sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        send_keys(app, [("ctrl+g", "\x07"), ("2", "2")])
        await settle(pilot)
        assert app.interview.current_block is not None
        assert app.interview.current_block.id == "value_proposition"
        await pilot.press(*"offer")
        data = saved(app)
    assert data["blocks"]["value_proposition"]["ours"]["value_selling"]["text"] == "offer"


@pytest.mark.asyncio
async def test_the_go_to_overlay_lists_the_views_with_their_letters(
        sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, BlockPicker)
        console = Console(width=56, record=True)
        assert app.screen.query_one("#picker-views").region.height >= 4
        console.print(views_table())
        shown = console.export_text()
        for words in ("c Canvas", "o Open questions", "h Answer history", "k Help"):
            assert words in shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)


@pytest.mark.asyncio
async def test_history_from_go_to_opens_for_the_answer_with_the_cursor(
        sessions_dir: Path, clock: FakeClock) -> None:
    from slbmc_tui.dialogs.answer_history import AnswerHistoryDialog

    app = InterviewHost(sessions_dir, clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press(*"first", "ctrl+g", "h")
        await settle(pilot)
        assert isinstance(app.screen, AnswerHistoryDialog)


# -- Ctrl+Q twice -----------------------------------------------------------------------------

@pytest.mark.asyncio
async def test_one_ctrl_q_in_an_interview_only_says_how_two_quit_and_save(
        sessions_dir: Path, clock: FakeClock) -> None:
    from slbmc_tui.app import make_app

    path = make_session(sessions_dir, "Acme bikes", "Commuter", clock=clock)
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ResumeSession())
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        send_keys(app, [*typed("kept"), ("ctrl+q", None), *typed(" on")])
        await settle(pilot)
        assert not app._exit and isinstance(app.screen, InterviewScreen)
        assert any("Ctrl+Q again" in str(n.message) for n in app._notifications)
        send_keys(app, [*typed("!"), ("ctrl+q", None), ("ctrl+q", None)])
        await pilot.pause(0.3)
        assert app._exit
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["blocks"]["customers_world"]["ours"]["deep_insight"]["text"] == "kept on!"


@pytest.mark.asyncio
async def test_a_second_ctrl_q_long_after_the_first_asks_again(
        sessions_dir: Path, clock: FakeClock) -> None:
    from slbmc_tui.app import make_app

    now = [100.0]
    make_session(sessions_dir, "Acme bikes", "Commuter", clock=clock)
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ResumeSession())
    app.quit_guard._now = lambda: now[0]
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+q")
        now[0] += 10
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app._exit
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app._exit


@pytest.mark.asyncio
async def test_from_the_session_list_one_ctrl_q_quits(sessions_dir: Path,
                                                      clock: FakeClock) -> None:
    from slbmc_tui.app import make_app

    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app._exit


@pytest.mark.asyncio
async def test_the_palettes_quit_asks_for_ctrl_q_too(sessions_dir: Path,
                                                     clock: FakeClock) -> None:
    from slbmc_tui.app import make_app
    from tests.app_helpers import run_from_palette

    make_session(sessions_dir, "Acme bikes", "Commuter", clock=clock)
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ResumeSession())
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await run_from_palette(pilot, "Quit")
        assert not app._exit
        assert any("Ctrl+Q again" in str(n.message) for n in app._notifications)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app._exit


@pytest.mark.asyncio
async def test_the_hint_goes_once_typing_starts_and_comes_back_on_the_next_visit(
        sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock, at=BENEFITS_AT)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        editor = app.focused
        assert isinstance(editor, AnswerEditor)
        assert str(editor.border_subtitle) == "Ctrl+Space: tick an option"
        await pilot.press("a")
        assert str(editor.border_subtitle) == ""  # seen; not drawn again with every key
        await pilot.press("shift+tab", "tab")  # away and back
        await pilot.pause()
        assert app.focused is editor
        assert str(editor.border_subtitle) == "Ctrl+Space: tick an option"

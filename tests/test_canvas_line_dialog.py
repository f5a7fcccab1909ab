"""Typing an answer's canvas line in the app: from the interview (palette) and from F2.

The dialog shows the answer and how the one-page canvas will print the line; Enter saves
it through the editing service (to the TOML, and to the answers' history), an empty line
clears it, Escape changes nothing. Hostile text is shown literally and kept exactly.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from slbmc_tui.dialogs.canvas_line import CanvasLineDialog, CanvasLinePicker
from slbmc_tui.domain.session import Position, Session
from slbmc_tui.screens.canvas import CanvasScreen
from slbmc_tui.services.editing import AnswerKey
from slbmc_tui.storage import history
from slbmc_tui.widgets.answer_editor import AnswerEditor
from slbmc_tui.widgets.canvas_cell import CanvasCell
from slbmc_tui.widgets.safe_input import SafeInput
from tests.app_helpers import run_from_palette
from tests.conftest import FakeClock
from tests.interview_host import InterviewHost

WHY_BUY = Position(block="customers_world", perspective="customer", prompt="why_buy")
WHY_BUY_KEY = AnswerKey("customers_world", "customer", "why_buy")
ANSWER = "They want to stay at home, safely, with a nurse they know and trust every week."
HOSTILE = "[bold]x[/] [@click=app.quit]q[/] \x1b[31mred\x07 ⚑ 🙂\nline two"


def _fill(session: Session) -> None:
    session.answer("customers_world", "customer", "why_buy").text = ANSWER
    session.answer("customers_world", "ours", "deep_insight").text = "Home visits each week."


def _saved(path: Path) -> dict[str, Any]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return dict(data["blocks"]["customers_world"]["customer"]["why_buy"])


def _shown(dialog: CanvasLineDialog, widget_id: str) -> str:
    return str(dialog.query_one(widget_id, Static).render())


async def _open_dialog(pilot: Pilot[None]) -> CanvasLineDialog:
    await run_from_palette(pilot, "Canvas line for this answer")
    dialog = pilot.app.screen
    assert isinstance(dialog, CanvasLineDialog)
    return dialog


@pytest.mark.asyncio
async def test_a_canvas_line_typed_in_the_interview_is_saved_and_previewed(
        sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock, at=WHY_BUY, fill=_fill)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        dialog = await _open_dialog(pilot)
        assert "Why does the customer buy?" in _shown(dialog, "#canvas-line-question")
        assert ANSWER in _shown(dialog, "#canvas-line-answer-text")
        field = dialog.query_one(SafeInput)
        assert field.value == "" and field.has_focus
        assert "On the canvas:" in _shown(dialog, "#canvas-line-preview")
        await pilot.press(*"Stay home, safely")
        preview = _shown(dialog, "#canvas-line-preview")
        assert "17 characters" in preview and "│ Stay home, safely" in preview
        assert "one line of this cell holds about" in preview
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen.focused, AnswerEditor)  # back in the answer
        answer = app.interview.editing.answer(WHY_BUY_KEY)
        assert answer is not None and answer.canvas_line == "Stay home, safely"
        app.interview.flush_save()
    saved = _saved(app.path)  # type: ignore[arg-type]
    assert saved["canvas_line"] == "Stay home, safely" and saved["text"] == ANSWER
    versions = history.read_history(app.path).versions  # type: ignore[arg-type]
    assert any(v.key == ("customers_world", "customer", "why_buy:canvas")
               and v.text == "Stay home, safely" for v in versions)


@pytest.mark.asyncio
async def test_an_empty_line_clears_it_and_escape_changes_nothing(
        sessions_dir: Path, clock: FakeClock) -> None:
    def fill(session: Session) -> None:
        _fill(session)
        session.answer("customers_world", "customer", "why_buy").canvas_line = "Old note"

    app = InterviewHost(sessions_dir, clock, at=WHY_BUY, fill=fill)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        dialog = await _open_dialog(pilot)
        assert dialog.query_one(SafeInput).value == "Old note"  # pre-filled
        await pilot.press("ctrl+u", *"Something else", "escape")
        await pilot.pause()
        app.interview.flush_save()
        assert _saved(app.path)["canvas_line"] == "Old note"  # type: ignore[arg-type]
        dialog = await _open_dialog(pilot)
        await pilot.press(*["backspace"] * len("Old note"), "enter")
        await pilot.pause()
        app.interview.flush_save()
    assert "canvas_line" not in _saved(app.path)  # type: ignore[arg-type]
    old = [v.text for v in history.read_history(app.path).versions  # type: ignore[arg-type]
           if v.key[2] == "why_buy:canvas"]
    assert old == ["Old note", ""]  # the earlier line stays recoverable


@pytest.mark.asyncio
async def test_hostile_text_is_shown_literally_and_kept_exactly(
        sessions_dir: Path, clock: FakeClock) -> None:
    def fill(session: Session) -> None:
        answer = session.answer("customers_world", "customer", "why_buy")
        answer.text = HOSTILE
        answer.canvas_line = HOSTILE

    app = InterviewHost(sessions_dir, clock, at=WHY_BUY, fill=fill)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        dialog = await _open_dialog(pilot)
        assert app.screen is dialog  # no [@click=app.quit] ran
        shown = _shown(dialog, "#canvas-line-answer-text")
        assert "[bold]x[/] [@click=app.quit]q[/]" in shown and "\x1b" not in shown
        preview = _shown(dialog, "#canvas-line-preview")
        assert "[@click=app.quit]" in preview and "\x1b" not in preview
        assert dialog.query_one(SafeInput).value == HOSTILE  # the field holds it untouched
        await pilot.press("end", *" ok", "enter")
        await pilot.pause()
        app.interview.flush_save()
    assert _saved(app.path)["canvas_line"] == HOSTILE + " ok"  # type: ignore[arg-type]


@pytest.mark.asyncio
async def test_the_notes_field_has_no_canvas_line(sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock, fill=_fill,
                        at=Position(block="customers_world", perspective="ours",
                                    prompt=":notes"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await run_from_palette(pilot, "Canvas line for this answer")
        assert app.screen is app.interview
        assert any("canvas line" in n.message for n in app._notifications)


@pytest.mark.asyncio
async def test_the_canvas_view_edits_the_line_of_the_selected_blocks_answer(
        sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock, at=WHY_BUY, fill=_fill)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, CanvasScreen)
        await pilot.press("e")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, CanvasLinePicker)  # two answers in this block: choose
        options = picker.query_one(OptionList)
        entries = [str(options.get_option_at_index(i).prompt)
                   for i in range(options.option_count)]
        assert len(entries) == 2 and "Why does the customer buy?" in entries[1]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CanvasLineDialog)
        await pilot.press(*"Safe at home", "enter")
        await pilot.pause()
        await pilot.pause()
        canvas = app.screen
        assert isinstance(canvas, CanvasScreen)
        cell = canvas.query_one("#cell-customers_world", CanvasCell)
        assert cell.has_focus
        assert "Safe at home" in str(cell.render()) and ANSWER[:20] not in str(cell.render())
        await pilot.press("escape")
        await pilot.pause()
        app.interview.flush_save()
    assert _saved(app.path)["canvas_line"] == "Safe at home"  # type: ignore[arg-type]


@pytest.mark.asyncio
async def test_a_read_only_session_keeps_its_line(sessions_dir: Path, clock: FakeClock) -> None:
    first = InterviewHost(sessions_dir, clock, at=WHY_BUY, fill=_fill)
    async with first.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
    app = InterviewHost(sessions_dir, clock, path=first.path, at=WHY_BUY, read_only=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        dialog = await _open_dialog(pilot)
        await pilot.press(*"x", "enter")
        await pilot.pause()
        assert app.screen is dialog  # refused with a notice, the typed text still there
        assert dialog.query_one(SafeInput).value == "x"
    assert "canvas_line" not in _saved(first.path)  # type: ignore[arg-type]


async def _dialog_open(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await run_from_palette(pilot, "Canvas line for this answer")
    await pilot.press(*"Stay home, safely")
    await pilot.pause()


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_canvas_line_dialog(snap_compare: Any, sessions_dir: Path, clock: FakeClock,
                            size: tuple[int, int]) -> None:
    app = InterviewHost(sessions_dir, clock, at=WHY_BUY, fill=_fill)
    assert snap_compare(app, terminal_size=size, run_before=_dialog_open)


def test_the_service_saves_a_canvas_line_and_keeps_each_one_in_history(
        tmp_path: Path, clock: FakeClock) -> None:
    from slbmc_tui.domain.bank import builtin_bank
    from slbmc_tui.domain.session import new_session
    from slbmc_tui.storage.store import SessionStore, open_session
    from tests.test_editing_service import Fakes

    store = SessionStore(tmp_path)
    path = store.create(new_session(builtin_bank("en"), title="T", profile="P", clock=clock))
    f = Fakes(open_session(store, path), clock)
    f.editing.set_text(WHY_BUY_KEY, ANSWER)
    assert f.editing.set_canvas_line(WHY_BUY_KEY, "First") is True
    assert f.editing.set_canvas_line(WHY_BUY_KEY, "First") is False  # no change, no save
    assert f.editing.text_of(WHY_BUY_KEY.canvas_line) == "First"
    assert f.editing.text_of(WHY_BUY_KEY) == ANSWER  # the answer itself is untouched
    f.editing.flush()
    f.editing.set_canvas_line(WHY_BUY_KEY, "")
    f.editing.flush()
    assert "canvas_line" not in _saved(path)
    kept = [v.text for v in history.read_history(path).versions if v.key[2] == "why_buy:canvas"]
    assert kept == ["First", ""]


@pytest.mark.asyncio
async def test_a_hostile_bank_and_answer_leak_nothing_into_the_dialog_or_picker(
        sessions_dir: Path, tmp_path: Path, clock: FakeClock) -> None:
    from slbmc_tui.app import make_app
    from slbmc_tui.launch import ResumeSession
    from tests.app_helpers import settle
    from tests.hostile_display import (
        CLICK,
        hostile_bank,
        hostile_session_on_bank,
        leaks,
        screen_text,
    )

    path = hostile_session_on_bank(sessions_dir, hostile_bank(tmp_path / "bank.toml"), clock)
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ResumeSession(name=path.name))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await run_from_palette(pilot, "Canvas line for this answer")
        await settle(pilot)
        assert isinstance(app.screen, CanvasLineDialog)
        assert leaks(app) == []
        text = screen_text(app)
        assert CLICK in text and "␛" in text  # the question and answer, literally
        await pilot.press(*"line", "enter")
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, CanvasLineDialog)  # one answer in the block: no picker
        assert leaks(app) == [] and CLICK in screen_text(app)
        assert app.screen.query_one(SafeInput).value == "line"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CanvasScreen) and app.is_running


def test_the_canvas_view_shows_a_line_where_the_documents_do() -> None:
    from slbmc_tui.domain.bank import builtin_bank
    from slbmc_tui.domain.session import new_session
    from slbmc_tui.widgets.canvas_cell import block_sections

    bank = builtin_bank("en")
    session = new_session(bank, title="T", profile="P", clock=FakeClock())
    block = bank.block("customers_world")
    assert block is not None
    answer = session.answer("customers_world", "customer", "why_buy")
    answer.canvas_line = "Only a note"  # no answer yet: the canvas shows nothing, like the PDF
    assert block_sections(session, bank, block) == ()
    answer.text = ANSWER
    answer.canvas_line = "   "  # spaces are no line: the answer shows
    assert block_sections(session, bank, block)[0].snippets[0].text == ANSWER
    answer.canvas_line = "Stay home"
    assert block_sections(session, bank, block)[0].snippets[0].text == "Stay home"


async def _picker_open(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.press("f2")
    await pilot.pause()
    await pilot.press("e")
    await pilot.pause()


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_canvas_line_picker_over_the_canvas(snap_compare: Any, sessions_dir: Path,
                                            clock: FakeClock, size: tuple[int, int]) -> None:
    app = InterviewHost(sessions_dir, clock, at=WHY_BUY, fill=_fill)
    assert snap_compare(app, terminal_size=size, run_before=_picker_open)

"""One owner for the client's words, as the user meets it: keys typed anywhere land in an
answer, overviews see text typed a moment ago, the indicator tells the truth, and answers
not being edited are written back byte for byte."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import OptionList

from slbmc_tui.domain.session import Session
from slbmc_tui.screens.canvas import CanvasScreen
from slbmc_tui.widgets.answer_editor import AnswerEditor, OptionPicker
from slbmc_tui.widgets.interview_header import InterviewHeader
from tests.app_helpers import interview_at, wait_until
from tests.conftest import FakeClock
from tests.test_no_key_is_lost import send_keys, typed


def answers(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8")).get("blocks", {})


@pytest.mark.asyncio
async def test_text_typed_on_the_tick_list_lands_in_its_answer(
        sessions_dir: Path, clock: FakeClock) -> None:
    async with interview_at(sessions_dir, clock) as (app, pilot):
        await pilot.press("tab", *"Parents also mention")  # one burst, no pauses
        await pilot.pause()
        picker = app.screen.query(OptionPicker).first()
        focused = app.screen.focused
        assert isinstance(focused, AnswerEditor)
        assert focused.answer_key.prompt_id == "benefits"
        assert focused.text == "Parents also mention"
        assert picker.selected == []  # its spaces ticked nothing
        app.interview.flush_save()
    saved = answers(app.path)["customers_world"]["customer"]["benefits"]  # type: ignore[arg-type]
    assert saved["text"] == "Parents also mention" and "options" not in saved


@pytest.mark.asyncio
async def test_a_burst_delivered_as_a_terminal_does_lands_in_the_answer(
        sessions_dir: Path, clock: FakeClock) -> None:
    async with interview_at(sessions_dir, clock) as (app, pilot):
        send_keys(app, [("tab", None), *typed("Parents also mention")])
        await wait_until(pilot, lambda: app.screen.focused is not None
                       and getattr(app.screen.focused, "text", "") == "Parents also mention")
        focused = app.screen.focused
        assert isinstance(focused, AnswerEditor) and focused.text == "Parents also mention"
        assert app.screen.query(OptionPicker).first().selected == []
        app.interview.flush_save()
    saved = answers(app.path)["customers_world"]["customer"]["benefits"]  # type: ignore[arg-type]
    assert saved["text"] == "Parents also mention"


@pytest.mark.asyncio
async def test_text_typed_on_the_block_list_lands_in_the_current_answer(
        sessions_dir: Path, clock: FakeClock) -> None:
    async with interview_at(sessions_dir, clock) as (app, pilot):
        await pilot.press(*"Price. ")
        await pilot.press("ctrl+l", *"Then trust")
        await pilot.pause()
        assert isinstance(app.screen.query_one("#block-sidebar"), OptionList)
        focused = app.screen.focused
        assert isinstance(focused, AnswerEditor) and focused.answer_key.prompt_id == "why_buy"
        assert focused.text == "Price. Then trust"
        app.interview.flush_save()
    assert answers(app.path)["customers_world"]["customer"]["why_buy"]["text"] == \
        "Price. Then trust"  # type: ignore[index]


@pytest.mark.asyncio
async def test_the_canvas_shows_words_typed_a_moment_ago_without_a_save(
        sessions_dir: Path, clock: FakeClock) -> None:
    async with interview_at(sessions_dir, clock, autosave_delay=60) as (app, pilot):
        app.interview.editing.autosaver.max_wait = 60  # type: ignore[union-attr]
        await pilot.press(*"Reliability")
        screen = app.interview
        assert screen.session.peek("customers_world", "customer", "why_buy").text == \
            "Reliability"  # type: ignore[union-attr]
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, CanvasScreen)
        assert "Reliability" in str(app.screen.session.peek(
            "customers_world", "customer", "why_buy"))
        assert app.screen.session is screen.editing.session  # one owner, no copy to forget


@pytest.mark.asyncio
async def test_the_indicator_says_saving_then_saved_with_seconds(
        sessions_dir: Path, clock: FakeClock) -> None:
    async with interview_at(sessions_dir, clock) as (app, pilot):
        header = app.screen.query_one(InterviewHeader)
        await wait_until(pilot, lambda: header.save_status == "Saved 09:30:00")  # the position
        clock.advance(seconds=7)
        await pilot.press("x")
        assert header.save_status == "Saving…"
        await wait_until(pilot, lambda: header.save_status == "Saved 09:30:07")


def odd_line_endings(session: Session) -> None:
    session.answer("customers_world", "ours", "deep_insight").text = "one\rtwo\u2028three\r\nfour"
    session.block_answers("customers_world").notes = "a\rb"


@pytest.mark.asyncio
async def test_answers_not_edited_are_written_back_byte_for_byte(
        sessions_dir: Path, clock: FakeClock) -> None:
    async with interview_at(sessions_dir, clock, fill=odd_line_endings) as (app, pilot):
        await pilot.pause(0.3)  # the whole block (notes too) is built
        await pilot.press(*"typed elsewhere", "tab", "tab", *"more")
        app.interview.flush_save()
    block = answers(app.path)["customers_world"]  # type: ignore[arg-type]
    assert block["ours"]["deep_insight"]["text"] == "one\rtwo\u2028three\r\nfour"
    assert block["notes"] == "a\rb"
    assert block["customer"]["why_buy"]["text"] == "typed elsewhere"

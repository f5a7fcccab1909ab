"""From the interview: f2 shows the canvas, f3 the open questions, and Enter jumps back in."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from textual.widgets import TextArea

from slbmc_tui.domain.session import Position, Session
from slbmc_tui.screens.canvas import CanvasScreen
from slbmc_tui.screens.interview import InterviewScreen
from slbmc_tui.screens.open_questions import OpenQuestionsScreen
from slbmc_tui.widgets.answer_editor import AnswerEditor
from slbmc_tui.widgets.canvas_cell import CanvasCell
from tests.app_helpers import run_from_palette
from tests.conftest import FakeClock
from tests.interview_host import InterviewHost


def flag_two(session: Session) -> None:
    session.answer("value_creation", "customer", "value_emergence").text = "In daily use."
    session.answer("value_creation", "customer", "value_emergence").needs_research = True
    session.answer("cost_structure", "ours", "other_sacrifices").needs_research = True


def focused_key(host: InterviewHost) -> tuple[str, str, str]:
    focused = host.interview.focused
    assert isinstance(focused, AnswerEditor)
    key = focused.answer_key
    return key.block_id, key.perspective, key.prompt_id


def saved_position(path: Path) -> dict[str, str]:
    data = tomllib.loads(path.read_text("utf-8"))
    position: dict[str, str] = data["position"]
    return position


@pytest.mark.asyncio
async def test_f2_canvas_shows_unsaved_text_and_enter_opens_the_block(
    sessions_dir: Path, clock: FakeClock
) -> None:
    host = InterviewHost(sessions_dir, clock)
    async with host.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert focused_key(host) == ("customers_world", "ours", "deep_insight")
        editor = host.interview.focused
        assert isinstance(editor, TextArea)
        editor.insert("Retailers fear downtime")
        await pilot.press("f2")
        await pilot.pause()
        canvas = host.screen
        assert isinstance(canvas, CanvasScreen)
        cell = canvas.query_one("#cell-customers_world", CanvasCell)
        assert canvas.focused is cell
        assert "Retailers fear downtime" in " ".join(str(cell.render()).split())
        await pilot.press("left", "left", "enter")  # 1 -> 3 value creation -> 2 value proposition
        await pilot.pause()
        await pilot.pause()
        assert isinstance(host.screen, InterviewScreen)
        assert focused_key(host) == ("value_proposition", "ours", "value_selling")
        await host.workers.wait_for_complete()
        await pilot.pause()
        host.interview.flush_save()
    assert host.path is not None
    data = tomllib.loads(host.path.read_text("utf-8"))
    assert data["blocks"]["customers_world"]["ours"]["deep_insight"]["text"] == (
        "Retailers fear downtime")
    assert saved_position(host.path) == {
        "block": "value_proposition", "perspective": "ours", "prompt": "value_selling"}


@pytest.mark.asyncio
async def test_f3_open_questions_jumps_to_the_flagged_answer(
    sessions_dir: Path, clock: FakeClock
) -> None:
    host = InterviewHost(sessions_dir, clock, fill=flag_two)
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(host.screen, OpenQuestionsScreen)
        assert [e.prompt.id for e in host.screen.entries] == [
            "value_emergence", "other_sacrifices"]
        await pilot.press("down", "enter")
        await pilot.pause()
        await pilot.pause()
        assert focused_key(host) == ("cost_structure", "ours", "other_sacrifices")
        await pilot.press("f3", "escape")
        await pilot.pause()
        await pilot.pause()
        assert focused_key(host) == ("cost_structure", "ours", "other_sacrifices")
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(host.screen, OpenQuestionsScreen)
        await pilot.press("f3")  # the key that opened it closes it
        await pilot.pause()
        await pilot.pause()
        assert focused_key(host) == ("cost_structure", "ours", "other_sacrifices")


@pytest.mark.asyncio
async def test_escape_from_canvas_returns_to_the_same_answer(
    sessions_dir: Path, clock: FakeClock
) -> None:
    at = Position(block="interaction", perspective="customer", prompt="mental_models")
    host = InterviewHost(sessions_dir, clock, at=at)
    async with host.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert focused_key(host) == ("interaction", "customer", "mental_models")
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(host.screen, CanvasScreen)
        assert host.screen.focused is host.screen.query_one("#cell-interaction")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert focused_key(host) == ("interaction", "customer", "mental_models")
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(host.screen, CanvasScreen)
        await pilot.press("f2")  # the key that opened it closes it
        await pilot.pause()
        await pilot.pause()
        assert focused_key(host) == ("interaction", "customer", "mental_models")


@pytest.mark.asyncio
async def test_palette_offers_the_overviews(sessions_dir: Path, clock: FakeClock) -> None:
    host = InterviewHost(sessions_dir, clock)
    async with host.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await run_from_palette(pilot, "open questions")
        assert isinstance(host.screen, OpenQuestionsScreen)


@pytest.mark.asyncio
@pytest.mark.parametrize("width", [80, 100, 120])
async def test_every_key_the_footer_shows_fits_and_f2_always_works(
    sessions_dir: Path, clock: FakeClock, width: int
) -> None:
    """Issue 18: at 80 columns the footer stopped at F1. It shows the Ctrl keys of the
    conversation (no Fn needed) whole at every width; F2/F3/F4 are one letter away in
    Ctrl+G's "Go to…" overlay, and in F1 and the palette."""
    from textual.widgets import Footer
    from textual.widgets._footer import FooterKey

    host = InterviewHost(sessions_dir, clock)
    async with host.run_test(size=(width, 30)) as pilot:
        await pilot.pause()
        footer = host.interview.query_one(Footer)
        for _ in range(20):  # the footer composes its keys once bindings settle
            shown = {key.action: key for key in footer.query(FooterKey)}
            if "sessions" in shown and shown["sessions"].region.width:  # laid out
                break
            await pilot.pause(0.05)
        for action in ("help", "pick_block", "next_unanswered", "toggle_research",
                       "toggle_presentation", "sessions"):
            assert shown[action].region.width > 0, action
        assert all(key.region.right <= width for key in footer.query(FooterKey))
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(host.screen, CanvasScreen)

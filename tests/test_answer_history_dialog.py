"""A sentence deleted by mistake comes back from the answer's history (F5), after a resume
too; restoring is an edit like any other (saved, kept in history, undone with Ctrl+Z)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import OptionList, Static

from slbmc_tui.dialogs.answer_history import AnswerHistoryDialog
from slbmc_tui.storage import history
from slbmc_tui.widgets.answer_editor import AnswerEditor
from tests.app_helpers import WHY_BUY, interview_at, run_from_palette, settle, wait_until
from tests.conftest import FakeClock
from tests.interview_host import InterviewHost


def saved_text(path: Path) -> str:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    answer = data.get("blocks", {}).get("customers_world", {}).get("customer", {})
    return str(answer.get("why_buy", {}).get("text", ""))


async def type_then_delete(pilot: Any, app: InterviewHost, clock: FakeClock) -> None:
    await pilot.press(*"They trust the brand")
    app.interview.flush_save()
    clock.advance(minutes=40)
    await pilot.press(*["backspace"] * len("They trust the brand"), *"Gone")
    app.interview.flush_save()


@pytest.mark.asyncio
async def test_a_deleted_sentence_is_restored_after_a_resume(
        sessions_dir: Path, clock: FakeClock) -> None:
    async with interview_at(sessions_dir, clock) as (app, pilot):
        await type_then_delete(pilot, app, clock)
    assert saved_text(app.path) == "Gone"  # type: ignore[arg-type]
    again = InterviewHost(sessions_dir, clock, path=app.path, at=WHY_BUY)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f5")
        await wait_until(pilot, lambda: isinstance(again.screen, AnswerHistoryDialog))
        await settle(pilot)
        dialog = again.screen
        assert isinstance(dialog, AnswerHistoryDialog)
        versions = dialog.query_one("#history-versions", OptionList)
        texts = [str(versions.get_option_at_index(i).prompt)
                 for i in range(versions.option_count)]
        assert "as it is now" in texts[0] and "Gone" in texts[0]
        sentence = next(i for i, t in enumerate(texts) if "20 chars" in t)
        await pilot.press(*["down"] * sentence)
        preview = dialog.query_one("#history-preview", Static)
        assert "They trust the brand" in str(preview.render())
        await pilot.press("enter")
        await pilot.pause()
        editor = again.screen.focused
        assert isinstance(editor, AnswerEditor) and editor.text == "They trust the brand"
        again.interview.flush_save()
        assert saved_text(again.path) == "They trust the brand"  # type: ignore[arg-type]
        await pilot.press("ctrl+z")  # restoring is undone like any edit
        assert editor.text == "Gone"
        again.interview.flush_save()
        assert saved_text(again.path) == "Gone"  # type: ignore[arg-type]


@pytest.mark.asyncio
async def test_a_hostile_history_file_never_blocks_the_session(
        sessions_dir: Path, clock: FakeClock) -> None:
    async with interview_at(sessions_dir, clock) as (app, pilot):
        hist = history.history_path(app.path)  # type: ignore[arg-type]
        hist.write_bytes(b"[bold]not[/] json \x1b[31m\n" * 1000 + b"\xff\xfe\x00\n")
        await pilot.press(*"still typed")
        app.interview.flush_save()
        await pilot.press("f5")
        await wait_until(pilot, lambda: isinstance(app.screen, AnswerHistoryDialog))
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, AnswerHistoryDialog)
        problem = str(dialog.query_one("#history-problem", Static).render())
        assert "damaged line(s)" in problem
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen.focused, AnswerEditor)
    assert saved_text(app.path) == "still typed"  # type: ignore[arg-type]


@pytest.mark.asyncio
async def test_the_palette_opens_the_history_of_the_answer_with_the_cursor(
        sessions_dir: Path, clock: FakeClock) -> None:
    async with interview_at(sessions_dir, clock) as (app, pilot):
        await pilot.press(*"Word")
        await run_from_palette(pilot, "history of this answer")
        await wait_until(pilot, lambda: isinstance(app.screen, AnswerHistoryDialog))
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, AnswerHistoryDialog)
        assert "Why does the customer buy?" in str(
            dialog.query_one("#history-title", Static).render())

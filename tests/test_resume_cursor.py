"""Escape leaves the interview for the session list (saved first); resuming types at the end."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from slbmc_tui.app import make_app
from slbmc_tui.launch import ResumeSession
from slbmc_tui.widgets.answer_editor import AnswerEditor
from tests.app_helpers import make_session, settle
from tests.conftest import FakeClock


def first_prompt_key() -> tuple[str, str, str]:
    from slbmc_tui.domain.bank import builtin_bank

    block = builtin_bank("en").ordered_blocks[0]
    return block.id, "ours", block.prompts("ours")[0].id


@pytest.mark.asyncio
async def test_resuming_puts_the_cursor_after_the_answer(sessions_dir: Path,
                                                         clock: FakeClock) -> None:
    key = first_prompt_key()
    path = make_session(sessions_dir, "Acme Cloud", "Small retailers", clock=clock,
                        answered={key: "first line\nsecond"})
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ResumeSession(name=None))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        editor = app.focused
        assert isinstance(editor, AnswerEditor)
        assert editor.cursor_location == editor.document.end
        await pilot.press(*" more", "escape")
        await settle(pilot)
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    assert saved["blocks"][key[0]][key[1]][key[2]]["text"] == "first line\nsecond more"


@pytest.mark.asyncio
async def test_tab_into_an_answered_prompt_types_after_its_text(sessions_dir: Path,
                                                                clock: FakeClock) -> None:
    from slbmc_tui.domain.bank import builtin_bank

    block = builtin_bank("en").ordered_blocks[0]
    first = (block.id, "ours", block.prompts("ours")[0].id)
    second = (block.id, "customer", block.prompts("customer")[0].id)
    path = make_session(sessions_dir, "Acme Cloud", "Small retailers", clock=clock,
                        answered={second: "said before"})
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ResumeSession(name=None))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        focused = app.focused
        assert isinstance(focused, AnswerEditor) and focused.answer_key.prompt_id == first[2]
        await pilot.press("tab", *" and now")
        await settle(pilot)
        editor = app.focused
        assert isinstance(editor, AnswerEditor) and editor.answer_key.prompt_id == second[2]
        assert editor.text == "said before and now"
        await pilot.press("home", *"Then: ")  # moving the cursor afterwards is respected
        await pilot.press("ctrl+q", "ctrl+q")  # twice: an interview is open
        await settle(pilot)
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    assert saved["blocks"][second[0]][second[1]][second[2]]["text"] == "Then: said before and now"

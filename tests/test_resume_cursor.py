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

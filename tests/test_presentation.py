"""Presentation mode: the prompt under discussion alone and large, nothing private shown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from slbmc_tui.domain.session import Session
from slbmc_tui.screens.presentation import PresentationBar
from slbmc_tui.settings import HIGH_CONTRAST_THEME
from slbmc_tui.widgets.answer_editor import AnswerEditor, PromptCard
from tests.conftest import FakeClock
from tests.interview_host import InterviewHost


async def settle(pilot: Pilot[Any]) -> None:
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def flagged_with_notes(session: Session) -> None:
    session.answer("customers_world", "ours", "deep_insight").needs_research = True
    session.answer("customers_world", "ours", "deep_insight").text = "Shared with the client"
    session.block_answers("customers_world").notes = "Private: the CFO seemed unsure"


def shown(widget: Any) -> bool:
    """On screen: displayed, and every ancestor too."""
    node = widget
    while node is not None and hasattr(node, "display"):
        if not node.display:
            return False
        node = node.parent
    return True


@pytest.mark.asyncio
@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_ctrl_t_shows_the_prompt_alone_and_hides_what_is_private(
        sessions_dir: Path, clock: FakeClock, size: tuple[int, int]) -> None:
    app = InterviewHost(sessions_dir, clock, fill=flagged_with_notes)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = app.interview
        theme_before = app.theme
        card = screen.query(PromptCard).first()
        assert card.research_mark
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert screen.has_class("-presentation")
        assert "PRESENTING" in str(screen.query_one(PresentationBar).render())
        assert app.theme == HIGH_CONTRAST_THEME
        # The one card under discussion, full width; nothing private.
        assert [c for c in screen.query(PromptCard) if shown(c)] == [card]
        assert card.region.width >= size[0] - 8
        assert not card.research_mark
        notes = [e for e in screen.query(AnswerEditor) if e.answer_key.is_notes]
        assert notes and not any(shown(e) for e in notes)
        assert not shown(screen.query_one("#interview-header"))
        editor = card.editor
        assert editor.region.height >= 12  # the answer gets the room
        # Tab moves on: the next card is shown alone in its turn.
        await pilot.press("tab")
        await pilot.pause()
        visible = [c for c in screen.query(PromptCard) if shown(c)]
        assert len(visible) == 1 and visible[0].answer_key.prompt_id == "why_buy"
        # Ctrl+T again: everything back, the flag and the theme too.
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert not screen.has_class("-presentation") and not screen.query(PresentationBar)
        assert app.theme == theme_before
        assert card.research_mark and all(shown(e) for e in notes)


@pytest.mark.asyncio
async def test_typing_in_presentation_mode_is_saved_as_usual(sessions_dir: Path,
                                                              clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+t", *"Said aloud")
        await settle(pilot)
        app.interview.flush_save()
        assert app.path is not None
        assert "Said aloud" in app.path.read_text(encoding="utf-8")


@pytest.mark.asyncio
async def test_the_notes_are_never_reached_while_presenting(sessions_dir: Path,
                                                            clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock, fill=flagged_with_notes)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("shift+tab")  # round to the notes
        focused = app.focused
        assert isinstance(focused, AnswerEditor) and focused.answer_key.is_notes
        await pilot.press("ctrl+t")  # the cursor leaves the private notes
        await settle(pilot)
        assert isinstance(app.focused, AnswerEditor) and not app.focused.answer_key.is_notes
        for _ in range(6):  # Tab goes round the prompts only
            await pilot.press("tab")
            key = getattr(app.focused, "answer_key", None)
            assert key is not None and not key.is_notes
            assert shown(app.focused)

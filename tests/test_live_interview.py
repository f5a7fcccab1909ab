"""Issue 18, at the keyboard: moves that follow the conversation, overlays Escape closes,
a screen the client can read. Each bug of the issue is a test here that failed on 53177b0."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import HelpPanel

from slbmc_tui.domain.session import Position, Session
from slbmc_tui.widgets.answer_editor import NOTES_PROMPT, AnswerEditor, OptionPicker, PromptCard
from tests.conftest import FakeClock
from tests.interview_host import InterviewHost
from tests.test_no_key_is_lost import send_keys, typed

WIDE = (120, 40)


async def settle(pilot: Pilot[Any]) -> None:
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def where(app: InterviewHost) -> tuple[str, str, str, str]:
    """(block, perspective, prompt, "options" or "answer") of the focused field."""
    key = getattr(app.focused, "answer_key", None)
    assert key is not None, f"focus is on {app.focused!r}"
    part = "options" if isinstance(app.focused, OptionPicker) else "answer"
    return key.block_id, key.perspective, key.prompt_id, part


def on_disk(app: InterviewHost) -> dict[str, Any]:
    assert app.path is not None
    return tomllib.loads(app.path.read_text(encoding="utf-8"))


@pytest.mark.asyncio
async def test_tab_reads_row_by_row_across_the_two_points_of_view(
        sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock, at=Position(block="value_proposition"))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        seen = [where(app)[1:3]]
        for _ in range(6):
            await pilot.press("tab")
            seen.append(where(app)[1:3])
        assert seen == [("ours", "value_selling"), ("customer", "value_buying"),
                        ("ours", "offering_elements"), ("customer", "needing_elements"),
                        ("ours", "unique_offering"), ("customer", "problems_to_solve"),
                        ("ours", NOTES_PROMPT)]
        await pilot.press("shift+tab")
        assert where(app)[1:3] == ("customer", "problems_to_solve")


@pytest.mark.asyncio
async def test_stacked_tab_goes_down_our_column_first(sessions_dir: Path,
                                                      clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock, at=Position(block="value_proposition"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "tab", "tab")
        assert where(app)[1:3] == ("customer", "value_buying")


@pytest.mark.asyncio
async def test_words_typed_right_after_tab_in_one_burst_reach_the_facing_answer(
        sessions_dir: Path, clock: FakeClock) -> None:
    """Issue 18: an answer was typed into the wrong prompt on its way to the one beside."""
    app = InterviewHost(sessions_dir, clock, at=Position(block="value_proposition"))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        send_keys(app, [*typed("ours"), ("tab", None), *typed("theirs")])
        await settle(pilot)
        app.interview.flush_save()
    answers = on_disk(app)["blocks"]["value_proposition"]
    assert answers["ours"]["value_selling"]["text"] == "ours"
    assert answers["customer"]["value_buying"]["text"] == "theirs"


@pytest.mark.asyncio
async def test_ctrl_f_jumps_to_the_facing_prompt_and_back(sessions_dir: Path,
                                                          clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock, at=Position(
        block="value_proposition", perspective="ours", prompt="offering_elements"))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert where(app)[1:3] == ("ours", "offering_elements")
        await pilot.press("ctrl+f")
        assert where(app)[1:3] == ("customer", "needing_elements")
        await pilot.press("ctrl+f")
        assert where(app)[1:3] == ("ours", "offering_elements")


@pytest.mark.asyncio
async def test_ctrl_n_goes_to_the_next_unanswered_prompt_across_blocks(
        sessions_dir: Path, clock: FakeClock) -> None:
    def fill(session: Session) -> None:
        session.answer("customers_world", "customer", "why_buy").text = "Because"
        session.answer("customers_world", "customer", "benefits").options = ["social"]

    app = InterviewHost(sessions_dir, clock, fill=fill)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert where(app)[:3] == ("customers_world", "ours", "deep_insight")
        await pilot.press("ctrl+n")  # the rest of block 1 is answered: on to block 2
        await settle(pilot)
        assert where(app)[:3] == ("value_proposition", "ours", "value_selling")
        await pilot.press(*"Typed", "ctrl+n")  # typed (not yet saved) counts as answered
        await settle(pilot)
        assert where(app)[:3] == ("value_proposition", "customer", "value_buying")


@pytest.mark.asyncio
async def test_options_read_without_colour(sessions_dir: Path, clock: FakeClock) -> None:
    """Issue 18: ticked and unticked options both drew `▐X▌`, told apart by colour only."""
    app = InterviewHost(sessions_dir, clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "tab")
        picker = app.focused
        assert isinstance(picker, OptionPicker)
        await pilot.press("down", "space")  # economic
        assert picker.selected == ["economic"]
        lines = str(picker.render()).splitlines()
        assert lines[1].rstrip() == "2 [x] Economic" and lines[0] == "1 [ ] Functional"
        app.interview.flush_save()
    options = on_disk(app)["blocks"]["customers_world"]["customer"]["benefits"]["options"]
    assert options == ["economic"]


@pytest.mark.asyncio
async def test_flagging_needs_research_moves_nothing(sessions_dir: Path,
                                                     clock: FakeClock) -> None:
    """Issue 18: setting the flag pushed the block down a line."""
    app = InterviewHost(sessions_dir, clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        editors = list(app.interview.query(AnswerEditor))
        before = [editor.region for editor in editors]
        await pilot.press("ctrl+r")
        await pilot.pause()
        card = app.interview.query(PromptCard).first()
        assert card.has_class("-research") and card.research_mark.startswith("⚑")
        assert [editor.region for editor in editors] == before


@pytest.mark.asyncio
async def test_escape_closes_the_block_list_and_never_leaves_the_interview(
        sessions_dir: Path, clock: FakeClock) -> None:
    """Issue 18: any stray Escape left the interview for the session list."""
    app = InterviewHost(sessions_dir, clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+l")
        await pilot.pause()
        sidebar = app.interview.query_one("#block-sidebar")
        assert sidebar.display and not sidebar.has_focus  # the cursor stays in the answer
        assert where(app)[:3] == ("customers_world", "ours", "deep_insight")
        await pilot.press("escape")
        await pilot.pause()
        assert not sidebar.display and app.screen is app.interview
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert app.screen is app.interview
        assert where(app)[:3] == ("customers_world", "ours", "deep_insight")


@pytest.mark.asyncio
async def test_escape_closes_the_keys_panel_opened_from_the_palette(
        sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        app.action_show_help_panel()
        await pilot.pause()
        assert app.interview.query(HelpPanel)
        await pilot.press("escape")
        await pilot.pause()
        assert not app.interview.query(HelpPanel)
        assert app.screen is app.interview


@pytest.mark.asyncio
async def test_notifications_sit_at_the_top_over_the_header(sessions_dir: Path,
                                                            clock: FakeClock) -> None:
    """Issue 18: toasts covered the bottom right, at 80x24 the prompt being read."""
    app = InterviewHost(sessions_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        app.interview.notify("a-very-long-session-file-name-that-must-stay-whole.toml\n"
                             "in /some/folder", title="Exported")
        await pilot.pause(0.3)
        from textual.widgets._toast import Toast

        toast = app.interview.query_one(Toast)
        assert toast.region.y <= 1 and toast.region.right >= 78
        focused = app.focused
        assert focused is not None and not toast.region.overlaps(focused.region)
        assert toast.region.height <= 4  # short: title, the name, its folder
        lines = [line.strip() for line in str(toast.render()).splitlines()]
        assert "a-very-long-session-file-name-that-must-stay-whole.toml" in lines


@pytest.mark.asyncio
async def test_focused_answer_frame_differs_from_the_others(sessions_dir: Path,
                                                           clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        focused, other = list(app.interview.query(AnswerEditor))[:2]
        assert focused.has_focus
        assert focused.styles.border_top[0] == "heavy"  # drawn heavier, not only coloured
        assert other.styles.border_top[0] == "round"

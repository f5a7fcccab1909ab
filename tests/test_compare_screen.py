"""The compare screen, driven by keys: filters, block navigation, cells, opening a session."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.screen import Screen

from slbmc_tui.domain.bank import builtin_bank
from slbmc_tui.screens.compare import CompareScreen
from slbmc_tui.storage.store import SessionStore
from slbmc_tui.storage.toml_format import dumps
from slbmc_tui.widgets.compare_row import AnswerCell, PromptRow
from tests.compare_fixtures import (
    PROFILES,
    big_session,
    first_prompts,
    write_profiles,
    write_round_two,
)
from tests.compare_host import CompareHost
from tests.conftest import FakeClock


async def _settle(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _shown_prompts(screen: CompareScreen) -> list[tuple[str, str]]:
    return [(row.comparison.perspective, row.comparison.prompt.id)
            for row in screen.query(PromptRow) if row.display and row.comparison]


def _active_toggles(screen: CompareScreen) -> list[str]:
    """The filter names the status line highlights as switched on."""
    status = screen.status_line(0)
    return [status.plain[span.start:span.end].strip() for span in status.spans
            if "reverse" in str(span.style)]


def _focused_cell(pilot: Pilot[None]) -> AnswerCell:
    screen = pilot.app.screen
    assert isinstance(screen, CompareScreen)
    cell = screen.cursor_cell
    assert cell is not None and cell.has_class("-cursor")
    assert len(screen.query(".-cursor")) == 1
    return cell


@pytest.mark.asyncio
async def test_filters_change_which_prompts_show(sessions_dir: Path) -> None:
    bank = builtin_bank("en")
    block = bank.ordered_blocks[0]
    app = CompareHost(write_profiles(sessions_dir, FakeClock(), 3))
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        screen = app.compare
        everything = [("ours", p.id) for p in block.ours] + [
            ("customer", p.id) for p in block.customer]
        assert _shown_prompts(screen) == everything
        await pilot.press("c")
        assert _shown_prompts(screen) == [("customer", p.id) for p in block.customer]
        assert _active_toggles(screen) == ["Customer only"]
        await pilot.press("o")
        assert _shown_prompts(screen) == [("ours", p.id) for p in block.ours]
        assert _active_toggles(screen) == ["Ours only"]
        await pilot.press("o", "d")
        assert _active_toggles(screen) == ["Differing only"]
        differing = [key for key, row in zip(everything, screen.comparison.blocks[0].prompts,
                                             strict=True) if row.differs]
        assert differing and _shown_prompts(screen) == differing
        assert ("ours", block.ours[0].id) not in differing  # every profile said the same
        await pilot.press("d")
        assert _shown_prompts(screen) == everything


@pytest.mark.asyncio
async def test_block_navigation_wraps_and_go_to_block_jumps(sessions_dir: Path) -> None:
    order = [b.id for b in builtin_bank("en").ordered_blocks]
    app = CompareHost(write_profiles(sessions_dir, FakeClock(), 2))
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        screen = app.compare

        def current() -> str:
            assert screen.comparison
            return screen.comparison.blocks[screen.block_index].block.id

        assert current() == order[0]
        await pilot.press("ctrl+pagedown")
        assert current() == order[1]
        await pilot.press("alt+right", "alt+left", "ctrl+pageup", "ctrl+pageup")
        assert current() == order[-1]
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press("5")
        await pilot.pause()
        assert screen.comparison and current() == screen.comparison.bank.block_by_number(5).id
        assert _focused_cell(pilot).row_index == 0
        await pilot.press("ctrl+g", "escape")
        await pilot.pause()
        assert app.screen is screen


@pytest.mark.asyncio
async def test_start_block_is_honoured(sessions_dir: Path) -> None:
    bank = builtin_bank("en")
    target = bank.ordered_blocks[3].id
    app = CompareHost(write_profiles(sessions_dir, FakeClock(), 2), start_block=target)
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        assert app.compare.block_index == 3


@pytest.mark.asyncio
async def test_arrows_move_between_cells_and_enter_opens_that_session(sessions_dir: Path) -> None:
    bank = builtin_bank("en")
    block_id, ours, _ = first_prompts(bank)
    paths = write_profiles(sessions_dir, FakeClock(), 5)
    app = CompareHost(paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        assert (_focused_cell(pilot).row_index, _focused_cell(pilot).column) == (0, 0)
        await pilot.press("down", "right", "right")
        await pilot.press("enter")
        await pilot.pause()
        message = app.opened[-1]
        assert message.path == paths[2]
        assert message.position is not None
        block = bank.ordered_blocks[0]
        rows = [("ours", p.id) for p in block.ours] + [("customer", p.id) for p in block.customer]
        assert message.position.block == block_id
        assert (message.position.perspective, message.position.prompt) == rows[1]
        # Five sessions do not fit at 120 columns: moving right pages the columns.
        await pilot.press("right", "right", "right")
        assert app.compare.column_offset > 0
        assert _focused_cell(pilot).column == 4
        await pilot.press("enter")
        await pilot.pause()
        assert app.opened[-1].path == paths[4]
        await pilot.press("up", "enter")
        await pilot.pause()
        position = app.opened[-1].position
        assert position is not None and position.prompt == ours.id
        await pilot.press("left_square_bracket")
        assert app.compare.column_offset == 0
        assert _focused_cell(pilot).column < app.compare.page_size


@pytest.mark.asyncio
async def test_unreadable_sessions_are_skipped_with_a_notice(sessions_dir: Path) -> None:
    paths = write_profiles(sessions_dir, FakeClock(), 2)
    broken = sessions_dir / "broken.toml"
    broken.write_text("this is [not toml", encoding="utf-8")
    app = CompareHost([paths[0], broken, paths[1]])
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        screen = app.compare
        assert screen.comparison and screen.comparison.labels == PROFILES[:2]
        assert screen.session_paths == (paths[0], paths[1])
        assert any("broken.toml" in n.message for n in app._notifications)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, CompareScreen)


@pytest.mark.asyncio
async def test_nothing_readable_says_so_and_does_not_crash(sessions_dir: Path) -> None:
    sessions_dir.mkdir()
    app = CompareHost([sessions_dir / "missing.toml"])
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        assert "Nothing to compare" in str(app.compare.query_one("#compare-title").render())
        await pilot.press("down", "enter", "ctrl+pagedown", "d", "ctrl+g")
        assert app.opened == []


@pytest.mark.asyncio
async def test_rounds_show_as_their_own_columns(sessions_dir: Path) -> None:
    clock = FakeClock()
    paths = write_profiles(sessions_dir, clock, 1)
    round_two = write_round_two(sessions_dir, paths[0], clock)
    app = CompareHost([paths[0], round_two])
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        heads = [str(h.render()) for h in app.compare.query(".column-head") if h.display]
        assert heads == ["Elderly person", "Elderly person (round 2)"]


@pytest.mark.asyncio
async def test_eight_large_sessions_open_and_render_only_the_current_block(
    sessions_dir: Path,
) -> None:
    """8 sessions x every prompt answered with 2 KB: the worst case the brief sets.

    Speed is measured by bench/ (ratios against a bare app), not asserted here; this
    keeps the property that makes it fast: only the current block's rows are built.
    """
    store = SessionStore(sessions_dir)
    paths = [store.create(big_session(f"Profile {i}", FakeClock())) for i in range(8)]
    app = CompareHost([])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.push_screen(CompareScreen(paths))
        while not any(row.display for row in app.screen.query(PromptRow)):
            await asyncio.sleep(0.01)
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()
        assert len(app.screen.query(PromptRow)) <= 8  # only the current block's rows exist


@pytest.mark.asyncio
async def test_coming_back_rereads_the_sessions_and_keeps_the_block(sessions_dir: Path) -> None:
    bank = builtin_bank("en")
    paths = write_profiles(sessions_dir, FakeClock(), 2)
    app = CompareHost(paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        screen = app.compare
        await pilot.press("ctrl+pagedown")
        block = bank.ordered_blocks[1]
        app.push_screen(Screen())  # stands in for the interview opened with Enter
        await pilot.pause()
        store = SessionStore(sessions_dir)
        session = store.load(paths[1])
        session.answer(block.id, "ours", block.ours[0].id).text = "Written in the interview"
        paths[1].write_text(dumps(session), encoding="utf-8")
        app.pop_screen()
        await _settle(pilot)
        assert screen.block_index == 1
        row = screen.visible_rows[0]
        assert row.cells[1].text == "Written in the interview" and row.partial

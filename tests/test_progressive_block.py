"""A block shows its first screen of cards first and builds the rest right after.

The large bank (8 prompts a side, a page of text in every answer) is where this matters:
the first screen needs a third of the cards. Every test ends on the saved TOML.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.pilot import Pilot

from bench.common import large_session, synthetic_bank, write_bank
from slbmc_tui.app import make_app
from slbmc_tui.domain.bank import Prompt
from slbmc_tui.domain.session import Answer, Position, system_clock
from slbmc_tui.launch import ResumeSession
from slbmc_tui.screens.interview import InterviewScreen
from slbmc_tui.services.editing import EditingSession
from slbmc_tui.storage.store import OpenedSession, SessionFile, SessionStore
from slbmc_tui.widgets.answer_editor import NOTES_PROMPT, AnswerEditor, PromptCard
from slbmc_tui.widgets.block_view import BlockView, FirstScreen, least_rows


def big_session_file(folder: Path, position: Position | None = None) -> Path:
    bank = synthetic_bank(8)
    bank_path = write_bank(bank, folder / "bank.toml")
    session = large_session(bank, 2048, bank_path=str(bank_path))
    if position is not None:
        session.position = position
    sessions = folder / "sessions"
    sessions.mkdir()
    return SessionStore(sessions).create(session)


async def until(pilot: Pilot[Any], condition: Callable[[], bool], seconds: float = 10) -> None:
    """Wait for the app to get there (a loaded machine takes longer), then go on."""
    for _ in range(int(seconds / 0.02)):
        if condition():
            return
        await pilot.pause(0.02)
    assert condition()


def focused_on(app: App[Any], prompt_id: str) -> bool:
    return isinstance(app.focused, AnswerEditor) and app.focused.answer_key.prompt_id == prompt_id


def on_disk(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def card_keys(screen: InterviewScreen) -> list[tuple[str, str]]:
    return [(c.answer_key.perspective, c.answer_key.prompt_id) for c in screen.query(PromptCard)]


def test_least_rows_counts_a_card_low() -> None:
    prompt = Prompt(id="p", text="Why?", hints=("one", "two"))
    assert least_rows(prompt, None, 50) == 1 + 1 + 2 + 3  # margin, question, hints, editor
    assert least_rows(prompt, Answer(text="a\nb\nc"), 50) == 4 + 5
    assert least_rows(prompt, Answer(text="x" * 5000), 50) == 4 + 14  # at most max-height


@pytest.mark.asyncio
async def test_resume_shows_the_first_screen_then_builds_the_rest(tmp_path: Path) -> None:
    path = big_session_file(tmp_path)
    app = make_app(sessions_dir=path.parent, launch=ResumeSession(str(path)))
    first_seen: list[int] = []
    async with app.run_test(size=(120, 40)) as pilot:
        while not isinstance(app.screen, InterviewScreen) or not app.screen.query(PromptCard):
            await pilot.pause(0.01)
        first_seen.append(len(app.screen.query(PromptCard)))
        await until(pilot, lambda: len(app.screen.query(AnswerEditor)) == 17)  # and notes
        await until(pilot, lambda: focused_on(app, "deep_insight"))
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert len(card_keys(screen)) == 16  # all of block 1, in the bank's order
        assert [k for k in card_keys(screen) if k[0] == "ours"][:3] == [
            ("ours", "deep_insight"), ("ours", "bench_ours_1"), ("ours", "bench_ours_2")]
        assert screen.query_one("#column-customer PromptCard", PromptCard).answer_key.prompt_id \
            == "why_buy"
        notes = [e for e in screen.query(AnswerEditor) if e.answer_key.is_notes]
        assert len(notes) == 1
        assert isinstance(app.focused, AnswerEditor)
        assert app.focused.answer_key.prompt_id == "deep_insight"
        await pilot.press("!")
        await until(pilot, lambda: app.focused.text.endswith("!"))  # type: ignore[union-attr]
        screen.flush_save()
    assert first_seen[0] < 16  # the first screen was built before the rest
    answer = on_disk(path)["blocks"]["customers_world"]["ours"]["deep_insight"]["text"]
    assert answer.endswith("!")


@pytest.mark.asyncio
async def test_resume_deep_in_the_customer_column_on_a_narrow_screen(tmp_path: Path) -> None:
    position = Position(block="customers_world", perspective="customer",
                        prompt="bench_customer_7")
    path = big_session_file(tmp_path, position)
    app = make_app(sessions_dir=path.parent, launch=ResumeSession(str(path)))
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: focused_on(app, "bench_customer_7"))
        await until(pilot, lambda: app.screen.query_one(".block-view").scroll_offset.y > 0)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        focused = app.focused
        assert isinstance(focused, AnswerEditor)
        assert focused.answer_key.prompt_id == "bench_customer_7"
        # The last customer answer is near the block's end (only the notes come after it).
        page = screen.current_view
        assert page is not None
        assert page.max_scroll_y > 200
        assert page.max_scroll_y - 30 <= page.scroll_offset.y <= page.max_scroll_y
        await pilot.press("?")
        await until(pilot, lambda: focused.text.endswith("?"))
        screen.flush_save()
    saved = on_disk(path)["blocks"]["customers_world"]["customer"]["bench_customer_7"]["text"]
    assert saved.endswith("?")


@pytest.mark.asyncio
async def test_resume_at_the_notes_builds_the_whole_block_first(tmp_path: Path) -> None:
    position = Position(block="customers_world", perspective="ours", prompt=NOTES_PROMPT)
    path = big_session_file(tmp_path, position)
    app = make_app(sessions_dir=path.parent, launch=ResumeSession(str(path)))
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: focused_on(app, NOTES_PROMPT))
        await pilot.press("N")
        await until(pilot, lambda: app.focused.text == "N")  # type: ignore[union-attr]
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        screen.flush_save()
    assert on_disk(path)["blocks"]["customers_world"]["notes"] == "N"


class OneBlock(App[None]):
    """A BlockView alone, with a first screen of five rows: one card, the rest later."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        from slbmc_tui.domain.bank import resolve_bank

        self.path = path
        self.session = SessionStore(path.parent).load(path)
        meta = self.session.meta
        self.bank = resolve_bank(meta.bank_id, meta.language, meta.bank_path)
        self.reached: list[str] = []

    def compose(self) -> ComposeResult:
        block = self.bank.ordered_blocks[0]
        opened = OpenedSession(path=self.path, session=self.session, bank=self.bank,
                               file=SessionFile(self.path))
        editing = EditingSession(opened, clock=system_clock, schedule=lambda *_: None,
                                 run_in_thread=lambda _job: None)
        yield BlockView(editing, block, read_only=False,
                        first_screen=FirstScreen(width=120, height=5, stacked=False))

    def on_mount(self) -> None:
        view = self.query_one(BlockView)
        view.when_ready(lambda: self.reached.append("first"))
        view.when_ready(lambda: self.reached.append(
            "late" if view.editor_for("customer", "bench_customer_7") else "missing"),
            "customer", "bench_customer_7")
        self.reached.append(f"built={view.is_built}")


@pytest.mark.asyncio
async def test_waiting_for_a_card_not_built_yet(tmp_path: Path) -> None:
    app = OneBlock(big_session_file(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.query_one(BlockView)
        await until(pilot, lambda: view.is_built)
    # The block mounts before the app: the first field is there at once, the late one later.
    assert app.reached == ["first", "built=False", "late"]

"""The interview screen as a user meets it: typing, moving, flagging, resuming, failing disks."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import TextArea

from slbmc_tui.domain.bank import builtin_bank
from slbmc_tui.domain.session import Answer, Position, Session
from slbmc_tui.screens.help import HelpScreen
from slbmc_tui.screens.interview import InterviewScreen
from slbmc_tui.storage.store import SessionFile
from slbmc_tui.widgets.answer_editor import NOTES_PROMPT, AnswerEditor, OptionPicker, PromptCard
from slbmc_tui.widgets.block_list import BlockList
from slbmc_tui.widgets.interview_header import InterviewHeader
from tests.conftest import FakeClock
from tests.interview_host import InterviewHost, create_session_file

WIDE = (120, 40)


async def type_text(pilot: Pilot[Any], text: str) -> None:
    await pilot.press(*("space" if ch == " " else ch for ch in text))


async def settle(pilot: Pilot[Any]) -> None:
    """Let timers fire, workers finish and their messages arrive."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def wait_for_save(pilot: Pilot[Any]) -> None:
    """Past the host's short debounce (the real one, 1 s, is covered in test_autosave)."""
    await pilot.pause(0.35)
    await settle(pilot)


def on_disk(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def focused_key(app: InterviewHost) -> tuple[str, str, str]:
    key = getattr(app.focused, "answer_key", None)
    assert key is not None, f"focus is on {app.focused!r}, not an answer"
    return key.block_id, key.perspective, key.prompt_id


@pytest.mark.asyncio
async def test_answers_survive_a_restart_with_position_and_focus(
        sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = app.interview
        assert screen.current_block is not None and screen.current_block.number == 1
        assert focused_key(app) == ("customers_world", "ours", "deep_insight")
        await type_text(pilot, "Ten shops")
        await pilot.press("tab")
        assert focused_key(app) == ("customers_world", "customer", "why_buy")
        await type_text(pilot, "Less waste")
        await pilot.press("ctrl+pagedown")
        await settle(pilot)
        assert screen.current_block is not None and screen.current_block.id == "value_proposition"
        await pilot.press("tab")  # reading order: the customer's prompt beside ours first
        assert focused_key(app) == ("value_proposition", "customer", "value_buying")
        await pilot.press("tab")
        assert focused_key(app) == ("value_proposition", "ours", "offering_elements")
        await type_text(pilot, "Forecasts")
        await wait_for_save(pilot)
        assert "Saved 09:30" in str(screen.query_one(InterviewHeader).render())
    path = app.path
    assert path is not None
    data = on_disk(path)
    assert data["blocks"]["customers_world"]["ours"]["deep_insight"]["text"] == "Ten shops"
    assert data["blocks"]["customers_world"]["customer"]["why_buy"]["text"] == "Less waste"
    assert data["position"] == {"block": "value_proposition", "perspective": "ours",
                                "prompt": "offering_elements"}
    assert data["meta"]["answered"] == 3

    again = InterviewHost(sessions_dir, clock, path=path)
    async with again.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert again.interview.current_block is not None
        assert again.interview.current_block.id == "value_proposition"
        assert focused_key(again) == ("value_proposition", "ours", "offering_elements")
        assert isinstance(again.focused, TextArea)
        assert again.focused.text == "Forecasts"
        await pilot.press("ctrl+pageup")
        await settle(pilot)
        texts = {e.answer_key.prompt_id: e.text for e in again.screen.query(AnswerEditor)
                 if e.display and e.answer_key.block_id == "customers_world"}
        assert texts["deep_insight"] == "Ten shops"
        assert texts["why_buy"] == "Less waste"


@pytest.mark.asyncio
async def test_flag_and_options_round_trip(sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+r")
        card = app.screen.query(PromptCard).first()
        assert card.has_class("-research")
        assert card.research_mark.startswith("⚑")  # in the answer box's border: no jump
        await pilot.press("tab", "tab")  # why_buy, then the benefit options
        assert isinstance(app.focused, OptionPicker)
        await pilot.press("space", "down", "down", "space")  # functional, emotional
        await pilot.press("ctrl+r")
        app.interview.flush_save()
    assert app.path is not None
    answers = on_disk(app.path)["blocks"]["customers_world"]
    assert answers["ours"]["deep_insight"] == {"needs_research": True}
    assert answers["customer"]["benefits"] == {"options": ["functional", "emotional"],
                                               "needs_research": True}
    again = InterviewHost(sessions_dir, clock, path=app.path)
    async with again.run_test(size=WIDE) as pilot:
        await settle(pilot)
        picker = again.screen.query_one(OptionPicker)
        assert sorted(picker.selected) == ["emotional", "functional"]
        flagged = [c.answer_key.prompt_id for c in again.screen.query(PromptCard)
                   if c.has_class("-research")]
        assert flagged == ["deep_insight", "benefits"]
        assert focused_key(again) == ("customers_world", "customer", "benefits")
        marks = [c.answer_key.prompt_id for c in again.screen.query(PromptCard)
                 if c.research_mark]
        assert marks == flagged  # a resumed flag is shown, not only kept
        await pilot.press("ctrl+r")  # clearing the flag works too
        await pilot.pause()
        assert not again.screen.query(PromptCard).last().research_mark
        again.interview.flush_save()
    benefits = on_disk(app.path)["blocks"]["customers_world"]["customer"]["benefits"]
    assert benefits == {"options": ["functional", "emotional"]}


@pytest.mark.asyncio
async def test_failed_save_keeps_the_text_says_why_and_retries(
        sessions_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    app = InterviewHost(sessions_dir, clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        real_save = SessionFile.save

        def full_disk(self: SessionFile, data: dict[str, Any]) -> bool:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(SessionFile, "save", full_disk)
        await type_text(pilot, "Keep me")
        await wait_for_save(pilot)
        header = app.screen.query_one(InterviewHeader)
        assert "No space left on device" in header.save_status
        assert "No space left" in str(header.render()) and header.save_state == "error"
        errors = [n for n in app._notifications if n.severity == "error"]
        assert errors and str(app.path) in errors[-1].message
        assert isinstance(app.focused, TextArea) and app.focused.text == "Keep me"
        await type_text(pilot, " ")  # still failing: indicator stays, no second notification
        await wait_for_save(pilot)
        assert len([n for n in app._notifications if n.severity == "error"]) == 1
        assert app.path is not None
        assert "blocks" not in on_disk(app.path)

        monkeypatch.setattr(SessionFile, "save", real_save)
        await type_text(pilot, "!")
        await wait_for_save(pilot)
        assert "Saved" in str(header.render()) and header.save_state == "ok"
        assert any("Saved again" in n.message for n in app._notifications)
    saved = on_disk(app.path)["blocks"]["customers_world"]["ours"]["deep_insight"]["text"]
    assert saved == "Keep me !"


@pytest.mark.asyncio
async def test_narrow_terminal_stacks_the_columns(sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.has_class("-narrow")
        ours = screen.query_one("#column-ours")
        customer = screen.query_one("#column-customer")
        # Same parent, so their virtual regions compare: customer's column sits below ours.
        assert customer.virtual_region.y >= ours.virtual_region.bottom
        assert customer.virtual_region.x == ours.virtual_region.x
        # Walk to the notes at the bottom: the focused field is scrolled into view.
        for _ in range(4):
            await pilot.press("tab")
        await pilot.pause()
        assert focused_key(app)[2] == NOTES_PROMPT
        focused = app.focused
        assert focused is not None
        view = screen.current_view
        assert view is not None and view.region.contains_region(focused.region)


@pytest.mark.asyncio
async def test_wide_terminal_puts_columns_side_by_side(
        sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        ours = app.screen.query_one("#column-ours").region
        customer = app.screen.query_one("#column-customer").region
        assert customer.y == ours.y and customer.x > ours.x


@pytest.mark.asyncio
async def test_read_only_never_writes(sessions_dir: Path, clock: FakeClock) -> None:
    path = create_session_file(sessions_dir, clock)
    before = path.read_bytes()
    app = InterviewHost(sessions_dir, clock, path=path, read_only=True)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert "read-only" in str(app.screen.query_one(InterviewHeader).render())
        await type_text(pilot, "typed")
        await pilot.press("ctrl+r", "tab", "ctrl+pagedown")
        await wait_for_save(pilot)
        app.interview.flush_save()
        editor = app.screen.query(AnswerEditor).first()
        assert editor.read_only and editor.text == ""
    assert path.read_bytes() == before


@pytest.mark.asyncio
async def test_go_to_block_with_ctrl_g(sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+g")
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        assert app.interview.current_block is not None
        assert app.interview.current_block.id == "value_creation"
        assert focused_key(app)[0] == "value_creation"
        await pilot.press("ctrl+g", "7")  # a digit jumps straight there
        await settle(pilot)
        assert app.interview.current_block.number == 7
        header = str(app.screen.query_one(InterviewHeader).render())
        assert "7 · Key partners" in header and "block 7 of 9" in header
        await pilot.press("ctrl+g", "escape")
        await settle(pilot)
        assert app.interview.current_block.number == 7
        assert focused_key(app)[0] == "key_partners"
    assert app.path is not None
    assert on_disk(app.path)["position"]["block"] == "key_partners"


@pytest.mark.asyncio
async def test_sidebar_lists_blocks_and_moves_between_them(
        sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await type_text(pilot, "x")
        assert not app.screen.query("#block-sidebar")  # built when first shown
        await pilot.press("ctrl+l")
        await pilot.pause()
        sidebar = app.screen.query_one("#block-sidebar", BlockList)
        # Shown beside the block, the cursor left in the answer being typed.
        assert sidebar.display and not sidebar.has_focus
        assert focused_key(app)[0] == "customers_world"
        first = str(sidebar.get_option_at_index(0).prompt)
        assert first.startswith("▸ 1   1/3   Customer's world")
        await pilot.click(sidebar, offset=(5, 4))
        await settle(pilot)
        assert app.interview.current_block is not None
        assert app.interview.current_block.id == "revenue_metrics"
        assert str(sidebar.get_option_at_index(4).prompt).startswith("▸ 5")
        await pilot.click(sidebar, offset=(5, 1))  # the mouse works as well
        await settle(pilot)
        assert app.interview.current_block.id == "value_proposition"
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert not sidebar.display
        await type_text(pilot, "y")  # answers block 2 while the list is hidden
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert app.screen.query_one("#block-sidebar", BlockList) is sidebar
        assert sidebar.display and not sidebar.has_focus
        assert str(sidebar.get_option_at_index(1).prompt).startswith("▸ 2   1/")


@pytest.mark.asyncio
async def test_sidebar_stays_beside_the_block_as_it_scrolls(
        sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock)
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+l")
        await pilot.pause()
        sidebar = app.screen.query_one("#block-sidebar", BlockList)
        page = app.interview.current_view
        assert page is not None
        where = sidebar.region
        # Between the header and the footer, beside the block.
        assert where.x == 0 and where.y == page.region.y == 2
        assert where.height == page.region.height == 24 - 2 - 1
        await pilot.press("tab", "tab", "tab", "tab", "tab")  # on down the block
        await settle(pilot)
        assert page.scroll_offset.y > 0
        assert sidebar.region == where
        assert app.screen.query_one(InterviewHeader).region.width == 100
        assert all(card.region.x >= where.right for card in app.screen.query(PromptCard)
                   if card.region)


@pytest.mark.asyncio
async def test_alt_arrows_and_edges(sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("alt+left")  # already first: stays, says so
        await settle(pilot)
        assert app.interview.current_block is not None
        assert app.interview.current_block.number == 1
        await pilot.press("alt+right", "alt+right")
        await settle(pilot)
        assert app.interview.current_block.number == 3


@pytest.mark.asyncio
async def test_command_palette_goes_to_a_block(sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "block 6")
        await settle(pilot)  # the palette's search (a worker) has listed every match
        await pilot.press("enter")
        await settle(pilot)
        assert app.interview.current_block is not None
        assert app.interview.current_block.id == "key_resources"


@pytest.mark.asyncio
async def test_help_lists_keys_from_bindings_and_the_intro(
        sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = " ".join(f"{key} {what}" for key, what in app.screen.keys)
        for description in ("Next block", "Go to", "Research", "Block list",
                            "Help", "Next answer", "Facing", "Unanswered", "Present",
                            "Sessions", "Quit", "Copy / cut / paste"):
            assert description in keys
        assert "Ctrl+G Go to" in keys and "Ctrl+PgDn / Alt+→ Next block" in keys
        intro = builtin_bank("en").intro
        assert intro.title in str(app.screen.query(".help-title").last().render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert focused_key(app) == ("customers_world", "ours", "deep_insight")


def _with_orphan(session: Session) -> None:
    session.block_answers("value_creation").customer["retired_question"] = Answer(
        text="Old words", needs_research=True)


@pytest.mark.asyncio
async def test_answers_to_removed_questions_are_shown_and_kept(
        sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock, fill=_with_orphan,
                        at=Position(block="value_creation"))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        orphans = app.screen.query_one(".orphans")
        assert "Answers to removed questions" in str(orphans.query_one(".orphans-title").render())
        editor = orphans.query_one(AnswerEditor)
        assert editor.text == "Old words"
        editor.focus()
        await pilot.press("end")
        await type_text(pilot, " kept")
        app.interview.flush_save()
    assert app.path is not None
    kept = on_disk(app.path)["blocks"]["value_creation"]["customer"]["retired_question"]
    assert kept == {"text": "Old words kept", "needs_research": True}


def _with_long_orphans(session: Session) -> None:
    """Kept answers whose headings wrap at most widths."""
    for n in range(2):
        session.block_answers("value_creation").customer[
            f"retired_question_about_the_customers_long_term_plans_{n}"] = Answer(
            text="Old words " * 12, needs_research=bool(n))


@pytest.mark.asyncio
@pytest.mark.parametrize("width", [120, 100, 78, 70, 64])
async def test_every_card_of_the_block_shows_whole(
        sessions_dir: Path, clock: FakeClock, width: int) -> None:
    """Nothing is cut short in the block's grid: each card holds all it contains (a grid
    cell with a margin was laid out too short wherever its text wrapped one line more)."""
    app = InterviewHost(sessions_dir, clock, fill=_with_long_orphans,
                        at=Position(block="value_creation"))
    async with app.run_test(size=(width, 30)) as pilot:
        await settle(pilot)
        view = app.screen.query_one(".block-view")
        cards = [*view.query(".column, .prompt-card, .notes-card, .orphans-cell, .orphans")]
        assert len(cards) >= 6
        for card in cards:
            for inner in card.query("*"):
                assert card.region.contains_region(inner.region), (card, inner)
        last = view.children[-1]  # the kept answers' cell: the block scrolls to its end
        assert last.has_class("orphans-cell")
        assert last.virtual_region_with_margin.bottom <= view.virtual_size.height


@pytest.mark.asyncio
async def test_notes_are_saved_and_resume_to_the_notes_field(
        sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        notes = [e for e in app.screen.query(AnswerEditor) if e.answer_key.is_notes][0]
        notes.focus()
        await type_text(pilot, "Call Fri")
        app.interview.flush_save()
    assert app.path is not None
    data = on_disk(app.path)
    assert data["blocks"]["customers_world"]["notes"] == "Call Fri"
    assert data["position"]["prompt"] == NOTES_PROMPT
    again = InterviewHost(sessions_dir, clock, path=app.path)
    async with again.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert focused_key(again)[2] == NOTES_PROMPT


@pytest.mark.asyncio
async def test_options_are_disabled_when_read_only(
        sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock, read_only=True)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        picker = app.screen.query_one(OptionPicker)
        assert picker.disabled
        await pilot.click(picker, offset=(2, 0))
        await pilot.pause()
        assert picker.selected == []


@pytest.mark.asyncio
async def test_options_tick_with_the_mouse_and_show_what_is_ticked(
        sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        picker = app.screen.query_one(OptionPicker)
        await pilot.click(picker, offset=(2, 2))  # the third line: emotional
        await pilot.pause()
        assert picker.selected == ["emotional"] and picker.highlighted == 2
        lines = str(picker.render()).splitlines()
        # The state reads without colour: [x] ticked, [ ] not, numbered: a digit ticks it.
        assert lines[0] == "1 [ ] Functional" and lines[2].startswith("3 [x] Emotional")
        await pilot.click(picker, offset=(2, 2))  # again: unticked
        await pilot.pause()
        assert picker.selected == []
        await pilot.click(picker, offset=(2, 0))
        await pilot.press("up", "down", "down", "down", "space")  # stays within the list
        await pilot.pause()
        assert picker.selected == ["functional", "social"]
        await pilot.press("end", "down", "enter", "home", "enter", "enter")
        await pilot.pause()
        assert picker.selected == ["functional", "social", "symbolic"]
        app.interview.flush_save()
    assert app.path is not None
    benefits = on_disk(app.path)["blocks"]["customers_world"]["customer"]["benefits"]
    assert benefits == {"options": ["functional", "social", "symbolic"]}


class GoToOnPushHost(InterviewHost):
    """Like the app shell might: push the screen, then ask it to go somewhere at once."""

    def open_interview(self) -> None:
        super().open_interview()
        self.interview.go_to("cost_structure", "customer", "customer_costs")


@pytest.mark.asyncio
async def test_go_to_right_after_push_opens_there(sessions_dir: Path, clock: FakeClock) -> None:
    app = GoToOnPushHost(sessions_dir, clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert app.interview.current_block is not None
        assert app.interview.current_block.id == "cost_structure"
        assert focused_key(app) == ("cost_structure", "customer", "customer_costs")


@pytest.mark.asyncio
async def test_finnish_session_speaks_finnish(sessions_dir: Path, clock: FakeClock) -> None:
    bank = builtin_bank("fi")
    app = InterviewHost(sessions_dir, clock, language="fi")
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        titles = [str(label.render()) for label in app.screen.query(".column-title")]
        assert titles == [bank.labels.ours, bank.labels.customer]
        await pilot.press("f1")
        await pilot.pause()
        assert bank.intro.title in str(app.screen.query(".help-title").last().render())


@pytest.mark.asyncio
async def test_quitting_the_real_app_with_a_failing_disk_keeps_the_app_open(
        sessions_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    from slbmc_tui.app import make_app
    from slbmc_tui.storage.store import SessionStore, open_session

    path = create_session_file(sessions_dir, clock)
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = InterviewScreen(open_session(SessionStore(sessions_dir), path), clock=clock)
        await app.push_screen(screen)
        await settle(pilot)
        real_save = SessionFile.save

        def full_disk(self: SessionFile, data: dict[str, Any]) -> bool:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(SessionFile, "save", full_disk)
        await type_text(pilot, "Words")
        await pilot.press("ctrl+q", "ctrl+q")  # twice: an interview is open
        await pilot.pause()
        assert not app._exit and screen.unsaved_error
        assert any("before quitting" in str(n.title) for n in app._notifications)
        monkeypatch.setattr(SessionFile, "save", real_save)
        await pilot.press("ctrl+q", "ctrl+q")
        await pilot.pause()
        assert app._exit
    assert on_disk(path)["blocks"]["customers_world"]["ours"]["deep_insight"]["text"] == "Words"


@pytest.mark.asyncio
async def test_palette_offers_every_block_and_only_on_the_interview(
        sessions_dir: Path, clock: FakeClock) -> None:
    from slbmc_tui.commands import BlockCommands

    app = InterviewHost(sessions_dir, clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        provider = BlockCommands(app.interview)
        names = [hit.text async for hit in provider.discover()]
        assert names[0] == "Go to block 1: Customer's world and desire for ideal value"
        assert len(names) == 9 and names[-1].startswith("Go to block 9: ")
        await pilot.press("f1")
        await pilot.pause()
        elsewhere = BlockCommands(app.screen)
        assert [hit async for hit in elsewhere.discover()] == []


@pytest.mark.asyncio
async def test_bank_words_show_as_written_never_as_markup(tmp_path: Path) -> None:
    """A bank is data: brackets in its labels are text, not Rich markup."""
    import tomli_w

    from slbmc_tui.app import make_app
    from slbmc_tui.launch import ResumeSession
    from slbmc_tui.storage.store import SessionStore
    from tests.tiny_bank import tiny_bank_data, tiny_session

    data = tiny_bank_data()
    data["labels"].update(ours="[b]Ours[/b]", notes="Notes [red]", needs_research="[i]Check[/i]")
    bank_path = tmp_path / "bank.toml"
    bank_path.write_text(tomli_w.dumps(data), encoding="utf-8")
    session = tiny_session(bank_path=str(bank_path))
    session.answer("customers_world", "ours", "q1").needs_research = True
    path = SessionStore(tmp_path / "sessions").create(session)
    app = make_app(sessions_dir=path.parent, launch=ResumeSession(str(path)))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        shown = {str(w.render()) for w in app.screen.query(".column-title, .notes-title")}
        shown |= {card.research_mark for card in app.screen.query(PromptCard)}
        assert {"[b]Ours[/b]", "Notes [red]", "⚑ [i]Check[/i]"} <= shown

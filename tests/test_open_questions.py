"""The "needs research" list: order, jumping to a question, the empty case."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList, Static

from slbmc_tui.domain.bank import QuestionBank
from slbmc_tui.domain.session import Position, Session, new_session
from slbmc_tui.screens.open_questions import OpenQuestionsScreen
from tests.canvas_data import ScreenHost, make_bank, make_session
from tests.conftest import FIXED_NOW


@pytest.fixture
def bank() -> QuestionBank:
    return make_bank()


@pytest.fixture
def session(bank: QuestionBank) -> Session:
    return make_session(bank, FIXED_NOW)


def open_host(session: Session, bank: QuestionBank) -> ScreenHost:
    return ScreenHost(lambda: OpenQuestionsScreen(session, bank))


def empty_session(bank: QuestionBank) -> Session:
    return new_session(bank, title="Harbour Sauna", profile="Commuters", clock=lambda: FIXED_NOW)


@pytest.mark.asyncio
async def test_flagged_answers_are_listed_in_the_suggested_order(
    session: Session, bank: QuestionBank
) -> None:
    host = open_host(session, bank)
    async with host.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        option_list = host.screen.query_one("#open-list", OptionList)
        assert option_list.option_count == 3
        prompts = [str(option_list.get_option_at_index(i).prompt) for i in range(3)]
        assert prompts[0].startswith("1. 1 Customer's world")
        assert "We want the kids to enjoy it too." in prompts[0]
        assert prompts[1].startswith("2. 2 Value proposition")
        assert "Customer's view" in prompts[1]
        assert prompts[2].startswith("3. 9 Cost structure")
        assert "no answer yet" in prompts[2]


@pytest.mark.asyncio
async def test_enter_jumps_to_the_highlighted_question(
    session: Session, bank: QuestionBank
) -> None:
    host = open_host(session, bank)
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "enter")
        await pilot.pause()
    assert host.results == [Position(block="costs", perspective="ours", prompt="o3")]


@pytest.mark.asyncio
async def test_first_question_is_ready_and_escape_goes_back(
    session: Session, bank: QuestionBank
) -> None:
    host = open_host(session, bank)
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        host.push_screen(OpenQuestionsScreen(session, bank), host.results.append)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert host.results == [
        Position(block="customers_world", perspective="customer", prompt="c1"), None]


@pytest.mark.asyncio
async def test_no_flags_gives_a_friendly_explanation(bank: QuestionBank) -> None:
    host = open_host(empty_session(bank), bank)
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        message = str(host.screen.query_one("#open-empty", Static).render())
        assert "Nothing needs research yet" in message and "ctrl+r" in message
        assert not host.screen.query("#open-list")
        await pilot.press("enter", "escape")
        await pilot.pause()
    assert host.results == [None]


def test_snapshot_open_questions_wide(session: Session, bank: QuestionBank, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(open_host(session, bank), terminal_size=(120, 40))


def test_snapshot_open_questions_narrow(session: Session, bank: QuestionBank, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(open_host(session, bank), terminal_size=(80, 24), press=["down"])


def test_snapshot_open_questions_empty(bank: QuestionBank, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(open_host(empty_session(bank), bank), terminal_size=(80, 24))


@pytest.mark.asyncio
async def test_answer_text_is_shown_as_typed_never_as_markup(bank: QuestionBank) -> None:
    session = empty_session(bank)
    session.meta.title = "[red]Harbour[/red]"
    answer = session.answer("key_partners", "ours", "o2")
    answer.text = "[bold]Bakery?[/bold] $accent \\[x] 荷物を預ける"
    answer.needs_research = True
    host = open_host(session, bank)
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        option = host.screen.query_one("#open-list", OptionList).get_option_at_index(0)
        assert "[bold]Bakery?[/bold] $accent \\[x] 荷物を預ける" in str(option.prompt)
        heading = str(host.screen.query_one("#open-heading", Static).render())
        assert "[red]Harbour[/red]" in heading

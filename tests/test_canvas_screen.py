"""The canvas at a glance: layout, spatial keys, jumping to a block, the SVG picture."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from textual.geometry import Region

from slbmc_tui.domain.bank import QuestionBank
from slbmc_tui.domain.session import Position, Session
from slbmc_tui.screens.canvas import CanvasScreen
from slbmc_tui.screens.canvas_layout import neighbour, placement_order
from slbmc_tui.widgets.canvas_cell import (
    CanvasCell,
    abbreviate,
    block_sections,
    fit,
    share_lines,
    share_lines_in_order,
    wrap_snippet,
)
from tests.canvas_data import ScreenHost, make_bank, make_session
from tests.conftest import FIXED_NOW


@pytest.fixture
def bank() -> QuestionBank:
    return make_bank()


@pytest.fixture
def session(bank: QuestionBank) -> Session:
    return make_session(bank, FIXED_NOW)


def canvas_host(session: Session, bank: QuestionBank) -> ScreenHost:
    return ScreenHost(lambda: CanvasScreen(session, bank))


def regions(host: ScreenHost) -> dict[int, Region]:
    return {cell.block.number: cell.region for cell in host.screen.query(CanvasCell)}


@pytest.mark.asyncio
@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_cells_sit_where_the_printed_canvas_has_them(
    session: Session, bank: QuestionBank, size: tuple[int, int]
) -> None:
    host = canvas_host(session, bank)
    async with host.run_test(size=size) as pilot:
        await pilot.pause()
        r = regions(host)
        assert len(r) == 9
        screen = host.screen.region
        assert all(screen.contains_region(region) for region in r.values())
        assert r[7].right <= r[6].x and r[7].right <= r[8].x
        assert r[6].bottom <= r[8].y and r[6].x == r[8].x
        assert r[8].right <= r[2].x
        assert r[2].right <= r[3].x and r[3].bottom <= r[4].y and r[3].x == r[4].x
        assert r[1].x == max(region.x for region in r.values())
        assert r[1].right == screen.right
        bottom = max(region.y for region in r.values())
        assert r[9].y == r[5].y == bottom
        assert r[9].right <= r[5].x
        assert all(r[n].bottom <= bottom for n in (1, 2, 3, 4, 6, 7, 8))
        # Blocks spanning two rows are as tall as the two they stand beside.
        assert r[7].height == r[6].height + r[8].height == r[2].height == r[1].height


@pytest.mark.asyncio
async def test_arrows_move_spatially_and_enter_opens_the_block(
    session: Session, bank: QuestionBank
) -> None:
    host = canvas_host(session, bank)
    async with host.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(host.screen.focused, CanvasCell)
        assert host.screen.focused.block.number == 1  # where the session stopped
        visited = []
        for key in ("left", "down", "left", "left", "down", "left", "down", "right", "right"):
            await pilot.press(key)
            focused = host.screen.focused
            assert isinstance(focused, CanvasCell)
            visited.append(focused.block.number)
        assert visited == [3, 4, 2, 6, 8, 7, 9, 5, 5]
        await pilot.press("up", "enter")
        await pilot.pause()
    assert host.results == [
        Position(block="interaction", perspective="ours", prompt="o1")
    ]


@pytest.mark.asyncio
async def test_escape_returns_nothing_and_a_click_opens(
    session: Session, bank: QuestionBank
) -> None:
    host = canvas_host(session, bank)
    async with host.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert host.results == [None]
        host.push_screen(CanvasScreen(session, bank), host.results.append)
        await pilot.pause()
        await pilot.click("#cell-costs")
        await pilot.pause()
    assert host.results == [None, Position(block="costs", perspective="ours", prompt="o1")]


@pytest.mark.asyncio
async def test_unanswered_blocks_look_unanswered(session: Session, bank: QuestionBank) -> None:
    host = canvas_host(session, bank)
    async with host.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        cells = {cell.block.id: cell for cell in host.screen.query(CanvasCell)}
        empty = {block_id for block_id, cell in cells.items() if cell.has_class("-empty")}
        assert empty == {"key_resources", "mobilizing", "interaction"}
        assert "no answers yet" in str(cells["mobilizing"].render())
        assert cells["customers_world"].border_subtitle == "3/6"
        text = str(cells["customers_world"].render())
        assert "Our view" in text and "Customer's view" in text
        assert "⚑ We want the kids" in text


@pytest.mark.asyncio
async def test_the_canvas_shows_the_words_as_typed_or_the_canvas_line(
        session: Session, bank: QuestionBank) -> None:
    session.answer("key_resources", "ours", "o1").text = "- Sauna\n- Boats\n\n3) Staff"
    session.answer("mobilizing", "ours", "o1").text = "All the long words we said"
    session.answer("mobilizing", "ours", "o1").canvas_line = "Short note"
    host = canvas_host(session, bank)
    async with host.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        cells = {cell.block.id: cell for cell in host.screen.query(CanvasCell)}
        text = str(cells["key_resources"].render())
        assert "· - Sauna\n  - Boats\n  3) Staff" in text
        shown = str(cells["mobilizing"].render())
        assert "Short note" in shown and "long words" not in shown


@pytest.mark.asyncio
async def test_narrow_terminal_abbreviates_titles_but_keeps_numbers(
    session: Session, bank: QuestionBank
) -> None:
    host = canvas_host(session, bank)
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for cell in host.screen.query(CanvasCell):
            title = str(cell.border_title)
            assert title.startswith(f"{cell.block.number} ")
            assert cell_len(title) <= cell.outer_size.width - 6
        cell = host.screen.query_one("#cell-mobilizing", CanvasCell)
        assert cell.border_title != f"8 {cell.block.title}"


def test_neighbour_follows_the_canvas(bank: QuestionBank) -> None:
    by_number = {b.number: b for b in bank.blocks}

    def step(number: int, direction: str) -> int | None:
        found = neighbour(bank.blocks, by_number[number], direction)  # type: ignore[arg-type]
        return found.number if found else None

    assert step(7, "right") == 6
    assert step(6, "down") == 8
    assert step(8, "down") == 9
    assert step(9, "up") == 8
    assert step(5, "up") == 4
    assert step(1, "down") == 5
    assert step(1, "right") is None
    assert step(7, "left") is None
    assert step(9, "right") == 5


def test_placement_fills_holes_so_blocks_keep_their_positions(bank: QuestionBank) -> None:
    order = placement_order(bank.blocks)
    assert [b.number if b else None for b in order] == [7, 6, 2, 3, 1, 8, 4, 9, 5]
    moved = tuple(
        b._replace(position=b.position._replace(column=1))
        if b.number == 7 else b for b in bank.blocks
    )
    holes = placement_order(moved)
    assert holes[0] is None and holes[1] is not None and holes[1].number == 7


def test_sections_show_ticked_options_and_flagged_questions(
    session: Session, bank: QuestionBank
) -> None:
    value = block_sections(session, bank, bank.block_by_number(2))
    assert value[0].snippets[0].text == "Functional, Emotional"
    costs = block_sections(session, bank, bank.block_by_number(9))
    assert costs[0].snippets[0].needs_research
    assert costs[0].snippets[0].text == "Cost structure: question 3 (o)?"


def test_line_sharing_is_fair_and_never_overspends() -> None:
    assert share_lines([5, 1], 4) == [3, 1]
    assert share_lines([2, 2], 10) == [2, 2]
    assert share_lines_in_order([3, 3, 3], 4) == [2, 1, 1]
    assert share_lines_in_order([3, 3, 3], 2) == [1, 1, 0]
    assert abbreviate("Key resources", 20) == "Key resources"
    assert abbreviate("Key resources", 10) == "Key resou."
    assert abbreviate("Key resources", 8) == "Key res…"
    assert abbreviate("Mobilizing resources and partners", 14) == "Mobilizing re…"


def test_answers_typed_as_lists_keep_their_lines_and_markers() -> None:
    from slbmc_tui.widgets.canvas_cell import as_typed

    assert as_typed("- Regular visits\n- Help with meals\n\n* Safety phone") == (
        "- Regular visits\n- Help with meals\n* Safety phone")
    assert as_typed("First point.\r\n2) second   point\n") == "First point.\n2) second   point"
    assert as_typed("-5 degrees outside") == "-5 degrees outside"
    assert as_typed("  \n\t ") == ""
    assert wrap_snippet("- one\n- two", 40) == ["- one", "- two"]


@given(text=st.text(), width=st.integers(min_value=1, max_value=60))
def test_any_answer_text_fits_its_cell(text: str, width: int) -> None:
    lines = wrap_snippet(" ".join(text.split()), width)
    assert lines
    assert all(cell_len(line) <= width for line in lines)
    assert cell_len(fit(text, width)) <= width
    assert cell_len(abbreviate(text or "x", width)) <= width


def test_snapshot_canvas_wide(session: Session, bank: QuestionBank, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(canvas_host(session, bank), terminal_size=(120, 40))


def test_snapshot_canvas_narrow(session: Session, bank: QuestionBank, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(canvas_host(session, bank), terminal_size=(80, 24), press=["left"])


def test_short_perspective_labels_keep_only_the_words_that_differ(bank: QuestionBank) -> None:
    from slbmc_tui.domain.bank import builtin_bank
    from slbmc_tui.widgets.canvas_cell import short_perspective_labels

    assert short_perspective_labels(builtin_bank("en")) == {
        "ours": "Our", "customer": "Customer's"}
    assert short_perspective_labels(builtin_bank("fi")) == {
        "ours": "Meidän", "customer": "Asiakkaan"}
    assert short_perspective_labels(bank) == {"ours": "Our", "customer": "Customer's"}


def test_perspective_labels_shorten_alike_in_one_cell() -> None:
    from slbmc_tui.domain.bank import builtin_bank
    from slbmc_tui.widgets.canvas_cell import Section, label_level, perspective_label_forms

    forms = perspective_label_forms(builtin_bank("en"))
    assert forms["customer"] == (
        "From the customer's point of view", "The customer's point of view", "The customer's",
        "Customer's")
    sections = (Section("ours", forms["ours"], ()), Section("customer", forms["customer"], ()))
    assert label_level(sections, 40) == 0
    assert label_level(sections, 28) == 1
    assert label_level(sections, 20) == 2
    assert label_level(sections, 12) == 3
    assert label_level(sections, 5) == 3


NASTY_ANSWERS = [
    "荷物を預けるサービスがあれば、旅行がもっと楽になると思います。" * 3,
    "Asiakaskokemuksenhallintajärjestelmäkehitysprojektisuunnitelma on kesken.",
    "https://example.com/a/very/long/path/that/never/ends/and/has/no/spaces/at/all",
    "👨‍👩‍👧‍👦 family emoji 🎉🎉🎉 and [bold]not markup[/bold] \\ and tabs\tand\nnew\r\nlines",
    "\n\n   \t ",
]


@pytest.mark.asyncio
@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_any_answer_stays_inside_its_cell(bank: QuestionBank, size: tuple[int, int]) -> None:
    session = make_session(bank, FIXED_NOW)
    for index, text in enumerate(NASTY_ANSWERS):
        for perspective, prompt in (("ours", "o1"), ("customer", "c2")):
            block = bank.ordered_blocks[index].id
            session.answer(block, perspective, prompt).text = text  # type: ignore[arg-type]
    host = canvas_host(session, bank)
    async with host.run_test(size=size) as pilot:
        await pilot.pause()
        for cell in host.screen.query(CanvasCell):
            width, height = cell.content_size
            lines = str(cell.render()).split("\n")
            assert len(lines) <= height
            assert all(cell_len(line) <= width for line in lines), (cell.block.id, lines)
        assert "[bold]not markup[/bold]" in " ".join(
            str(host.screen.query_one("#cell-interaction", CanvasCell).render()).split()) or \
            size == (80, 24)


@given(ours=st.text(max_size=30), customer=st.text(max_size=30))
def test_label_forms_exist_for_any_labels(ours: str, customer: str) -> None:
    from slbmc_tui.widgets.canvas_cell import perspective_label_forms

    bank = make_bank()
    odd = bank._replace(labels=bank.labels._replace(ours=ours, customer=customer))
    forms = perspective_label_forms(odd)
    assert all(forms[p] and all(forms[p]) for p in ("ours", "customer"))

"""The interview header's line layout: always exactly as wide as the screen, nothing lost
when there is room, the save status flush right, and the agenda clock on line 1 shortened in
a fixed order as room runs out (never taking the save status' line)."""

from __future__ import annotations

from hypothesis import assume, example, given
from hypothesis import strategies as st
from rich.cells import cell_len
from textual.content import Content

from slbmc_tui.domain.agenda import BlockTime, clock_text
from slbmc_tui.widgets.interview_header import MIN_TITLE, clock_forms, fit_line, fit_where

words = st.text(st.characters(whitelist_categories=("L", "N", "P", "S", "Zs")), max_size=60)
# Characters a terminal draws (zero-width ones such as U+FFA0 take no cell and show nothing).
shown = st.text(st.characters(whitelist_categories=("L", "N", "P", "S", "Zs"))
                .filter(lambda c: cell_len(c) > 0), max_size=60)


@given(width=st.integers(1, 200), middle=words, left=st.lists(words, max_size=2),
       right=st.lists(words, max_size=2))
def test_a_line_is_exactly_the_width(width: int, middle: str, left: list[str],
                                     right: list[str]) -> None:
    line = fit_line(width, Content(middle), left=[Content(t) for t in left],
                    right=[Content(t) for t in right], right_share=0.7, gap=2)
    assert line.cell_length == width


@given(middle=shown, zone=shown, status=shown)
def test_with_room_every_part_shows_and_the_status_ends_the_line(
        middle: str, zone: str, status: str) -> None:
    width = len(middle) * 2 + len(zone) * 2 + len(status) * 2 + 10  # room even for wide text
    line = fit_line(width, Content(middle), left=[Content(zone)], right=[Content(status)],
                    right_share=1.0, gap=2).plain
    assert line.startswith(zone + "  " if zone else middle)
    assert middle in line
    assert line.endswith(status)


def test_a_narrow_line_cuts_the_middle_with_an_ellipsis_and_keeps_the_status() -> None:
    line = fit_line(40, Content("HomeWell home care · Profile 1: The elderly person"),
                    left=[Content("Customer and value")], right=[Content("Saved 09:30")],
                    right_share=0.7, gap=2).plain
    assert line == "Customer and value  HomeWe…  Saved 09:30"


def test_a_status_longer_than_its_share_is_cut() -> None:
    status = "Could not save: No space left on device while writing the session file"
    line = fit_line(40, Content("Title"), right=[Content(status)], right_share=0.7).plain
    assert len(line) == 40 and line.endswith("…") and "Could not save" in line


# -- the agenda clock on line 1 (fit_where) -------------------------------------------------

times = st.builds(BlockTime, block_seconds=st.integers(0, 36_000),
                  block_box=st.sampled_from([0, 60, 300, 900, 3600]),
                  total_seconds=st.integers(0, 36_000),
                  total_box=st.sampled_from([60, 1200, 5400, 86_400]), paused=st.booleans())
TITLE = "1 · Customer's world and desire for ideal value"


def forms(time: BlockTime) -> list[Content]:
    return [Content("".join(piece.text for piece in form)) for form in clock_forms(time)]


def where(width: int, title: str, time: BlockTime | None, progress: str = "12/39 answered",
          count: str = "block 1 of 9 ·") -> str:
    return fit_where(width, Content(title), clock=forms(time) if time else [],
                     count=Content(count), progress=Content(progress)).plain


@given(width=st.integers(1, 200), title=words, time=st.none() | times,
       progress=words, count=words)
def test_line_one_is_exactly_the_width_with_or_without_a_clock(
        width: int, title: str, time: BlockTime | None, progress: str, count: str) -> None:
    assert cell_len(where(width, title, time, progress, count)) == width


@given(width=st.integers(1, 200), title=words, progress=words, count=words)
def test_without_a_plan_line_one_is_as_it_always_was(width: int, title: str, progress: str,
                                                      count: str) -> None:
    before = fit_line(width, Content(title), right=[Content(count), Content(progress)]).plain
    assert where(width, title, None, progress, count) == before


@given(width=st.integers(60, 200), title=shown, time=times)
def test_from_60_columns_both_times_show_in_full_and_going_over_is_marked(
        width: int, title: str, time: BlockTime) -> None:
    assume(not any(mark in title for mark in ("▲", "‖", "paused")))  # the clock's marks
    line = where(width, title, time)
    block = clock_text(time.block_seconds)
    assert f"{block}/" in line.replace(" / ", "/") if time.block_box else f"{block} · " in line
    assert f"{clock_text(time.total_seconds)}/" in line.replace(" / ", "/")
    assert ("▲" in line) == (time.block_over or time.total_over)
    assert (("paused" in line) or ("‖" in line)) == time.paused


@given(width=st.integers(80, 200), title=shown, time=times)
@example(width=84, title="00000000000000000❓⺀⺀⺀",
         time=BlockTime(block_seconds=0, block_box=60, total_seconds=61, total_box=60,
                        paused=True))  # wide characters: the title's room is in cells
def test_from_80_columns_the_clock_is_labelled_and_the_title_keeps_its_room(
        width: int, title: str, time: BlockTime) -> None:
    line = where(width, title, time)
    assert "Block " in line and "Total " in line  # never the bare numbers of the tiny form
    kept = min(cell_len(title), MIN_TITLE)  # in cells: a wide character takes two
    start = ""
    for character in title:
        if cell_len(start + character) > kept - 1:
            break
        start += character
    assert line.startswith(start)


@given(title=st.text(st.characters(whitelist_categories=("L", "Zs")), max_size=40), time=times)
def test_with_room_the_title_is_whole_and_the_count_is_the_first_to_go(
        title: str, time: BlockTime) -> None:
    wide = where(300, title, time)
    assert wide.startswith(title) and "block 1 of 9 ·" in wide and "12/39 answered" in wide
    for width in range(120, 59, -1):  # as room runs out, the count goes before the progress
        line = where(width, title, time)
        if "12/39 answered" in line:
            continue
        assert "block 1 of 9" not in line


def test_the_clock_at_120_and_80_columns() -> None:
    on_time = BlockTime(190, 300, 760, 3600, paused=False)
    assert where(120, TITLE, on_time) == (  # the block count went first
        f"{TITLE}               Block 3:10 / 5 min · Total 12:40 / 60 min   12/39 answered")
    assert where(140, TITLE, on_time).endswith(
        "Block 3:10 / 5 min · Total 12:40 / 60 min   block 1 of 9 · 12/39 answered")
    assert where(80, TITLE, on_time) == (
        "1 · Customer's world and des… Block 3:10 / 5 · Total 12:40 / 60   12/39 answered")
    over = BlockTime(450, 300, 760, 3600, paused=False)
    assert "Block 7:30 / 5 min ▲ 2:30 over · Total 12:40 / 60 min" in where(140, TITLE, over)
    assert "Block 7:30 / 5 ▲ · Total 12:40 / 60" in where(80, TITLE, over)
    paused = on_time._replace(paused=True)
    assert "paused · Block 3:10 / 5" in where(80, TITLE, paused)
    unboxed = on_time._replace(block_box=0)  # a block planned at 0 minutes is never "over"
    assert "Block 3:10 · Total 12:40 / 60 min   " in where(120, TITLE, unboxed)

"""The interview header's line layout: always exactly as wide as the screen, nothing lost
when there is room, the save status flush right."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from textual.content import Content

from slbmc_tui.widgets.interview_header import fit_line

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

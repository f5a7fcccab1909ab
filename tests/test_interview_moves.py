"""Where the interview's moves go, without a terminal: reading order, facing, unanswered."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from slbmc_tui.domain.bank import builtin_bank
from slbmc_tui.domain.session import new_session
from slbmc_tui.screens.interview_moves import (
    Spot,
    block_reading_order,
    facing,
    next_unanswered,
    reading_order,
    spot_for,
    step_in,
)
from tests.conftest import FakeClock

BANK = builtin_bank("en")
VALUE = BANK.block("value_proposition")
WORLD = BANK.block("customers_world")
assert VALUE is not None and WORLD is not None


def test_side_by_side_reads_row_by_row_then_the_notes() -> None:
    """Issue 18: Tab walked the whole "our" column before the customer's."""
    spots = [Spot(0, 0), Spot(0, 1), Spot(1, 0), Spot(1, 1), Spot(0, 9, spans=True)]
    order = reading_order(spots, side_by_side=True)
    assert [spots[i] for i in order] == [Spot(0, 0), Spot(1, 0), Spot(0, 1), Spot(1, 1),
                                         Spot(0, 9, spans=True)]


def test_stacked_reads_down_our_column_then_the_customers() -> None:
    spots = [Spot(1, 0), Spot(0, 1), Spot(0, 0)]
    assert [spots[i] for i in reading_order(spots, side_by_side=False)] == [
        Spot(0, 0), Spot(0, 1), Spot(1, 0)]


def test_a_cards_options_come_before_its_answer() -> None:
    spots = [Spot(1, 1, part=1), Spot(1, 1, part=0), Spot(0, 0)]
    assert reading_order(spots, side_by_side=True) == [2, 1, 0]


@given(st.lists(st.builds(Spot, st.integers(0, 1), st.integers(0, 20), st.integers(0, 1),
                          st.booleans()), max_size=30), st.booleans())
def test_reading_order_visits_every_field_once(spots: list[Spot], side: bool) -> None:
    assert sorted(reading_order(spots, side_by_side=side)) == list(range(len(spots)))


def test_step_wraps_around_and_starts_from_an_end() -> None:
    order = [2, 0, 1]
    assert step_in(order, 2, 1) == 0
    assert step_in(order, 1, 1) == 2  # past the last: the first again
    assert step_in(order, 2, -1) == 1
    assert step_in(order, None, 1) == 2 and step_in(order, None, -1) == 1
    assert step_in([], None, 1) is None


def test_facing_is_the_other_columns_prompt_on_the_same_row() -> None:
    assert facing(VALUE, "ours", "offering_elements") == ("customer", "needing_elements")
    assert facing(VALUE, "customer", "needing_elements") == ("ours", "offering_elements")
    # A shorter column: its last prompt.
    assert facing(WORLD, "customer", "benefits") == ("ours", "deep_insight")
    assert facing(WORLD, "ours", "no such prompt") is None


def test_spot_of_a_prompt_and_of_the_notes() -> None:
    assert spot_for(VALUE, "customer", "needing_elements", options=False,
                    screen_index=3) == Spot(1, 1, 1)
    assert spot_for(VALUE, "ours", ":notes", options=False, screen_index=7).spans


def test_block_reading_order_alternates_the_points_of_view() -> None:
    assert block_reading_order(WORLD) == [("ours", "deep_insight"), ("customer", "why_buy"),
                                          ("customer", "benefits")]


def test_next_unanswered_skips_answers_and_goes_on_into_later_blocks() -> None:
    session = new_session(BANK, title="t", profile="p", clock=FakeClock())
    session.answer("customers_world", "customer", "why_buy").text = "because"
    session.answer("customers_world", "customer", "benefits").options = ["economic"]
    first_of_next = next(iter(block_reading_order(BANK.ordered_blocks[1])))
    assert next_unanswered(BANK, session, "customers_world", "ours", "deep_insight") == (
        BANK.ordered_blocks[1].id, *first_of_next)
    # From the notes (no prompt): the block's own first unanswered prompt.
    assert next_unanswered(BANK, session, "customers_world") == (
        "customers_world", "ours", "deep_insight")


def test_next_unanswered_goes_round_and_ends_when_all_are_answered() -> None:
    session = new_session(BANK, title="t", profile="p", clock=FakeClock())
    for block in BANK.ordered_blocks:
        for perspective, prompt in block_reading_order(block):
            session.answer(block.id, perspective, prompt).text = "x"
    last = BANK.ordered_blocks[-1]
    session.answer(WORLD.id, "ours", "deep_insight").text = "  "  # blank is not an answer
    last_place = block_reading_order(last)[-1]
    assert next_unanswered(BANK, session, last.id, *last_place) == (
        WORLD.id, "ours", "deep_insight")
    session.answer(WORLD.id, "ours", "deep_insight").text = "done"
    assert next_unanswered(BANK, session, last.id, *last_place) is None

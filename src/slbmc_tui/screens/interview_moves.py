"""Where the interview's moves go: reading order, the facing prompt, the next unanswered one.

Pure functions of the bank, the session and places on screen, so the order a consultant's
eye expects is tested without a terminal. The screen only maps widgets to `Spot`s.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from slbmc_tui.domain.bank import PERSPECTIVES, Block, Perspective, QuestionBank
from slbmc_tui.domain.session import Session


class Spot(NamedTuple):
    """A field's place in a block: its column, its row in that column, its part of the card.

    `column` is 0 for our point of view, 1 for the customer's; fields spanning both columns
    (notes, kept answers) have `spans=True` and are numbered by `row` in screen order.
    `part` is 0 for a card's option list and 1 for its answer box.
    """

    column: int
    row: int
    part: int = 1
    spans: bool = False


def reading_order(spots: Sequence[Spot], *, side_by_side: bool) -> list[int]:
    """Indices of `spots` in the order the eye reads them.

    Side by side, row by row: our first prompt, the customer's beside it, our second...;
    stacked, down our column and then the customer's. Notes and kept answers come last.
    """
    def side(spot: Spot) -> tuple[int, ...]:
        return (spot.spans, spot.row, spot.column, spot.part)

    def stacked(spot: Spot) -> tuple[int, ...]:
        return (spot.spans, spot.column, spot.row, spot.part)

    key = side if side_by_side else stacked
    return sorted(range(len(spots)), key=lambda index: key(spots[index]))


def step_in(order: Sequence[int], current: int | None, step: int) -> int | None:
    """The index `step` places after `current` in `order`, wrapping around; the first (or
    last) when `current` is not in it. None when there is nothing to go to."""
    if not order:
        return None
    if current not in order:
        return order[0] if step > 0 else order[-1]
    return order[(order.index(current) + step) % len(order)]


def facing(block: Block, perspective: Perspective,
           prompt_id: str) -> tuple[Perspective, str] | None:
    """The other point of view's prompt on the same row (its last one if that column is
    shorter); None when the prompt is not the block's or the other column is empty."""
    ids = [prompt.id for prompt in block.prompts(perspective)]
    if prompt_id not in ids:
        return None
    other: Perspective = PERSPECTIVES[1] if perspective == PERSPECTIVES[0] else PERSPECTIVES[0]
    others = block.prompts(other)
    if not others:
        return None
    return other, others[min(ids.index(prompt_id), len(others) - 1)].id


def block_reading_order(block: Block) -> list[tuple[Perspective, str]]:
    """A block's prompts row by row across the two points of view."""
    columns = [block.prompts(perspective) for perspective in PERSPECTIVES]
    rows = max((len(column) for column in columns), default=0)
    return [(perspective, column[row].id)
            for row in range(rows)
            for perspective, column in zip(PERSPECTIVES, columns, strict=True)
            if row < len(column)]


def next_unanswered(bank: QuestionBank, session: Session, block_id: str,
                    perspective: Perspective | None = None,
                    prompt_id: str | None = None) -> tuple[str, Perspective, str] | None:
    """The next prompt without an answer after the given one, in reading order, going on
    into later blocks and round to the first; None when every prompt is answered."""
    places = [(block.id, perspective_, prompt_)
              for block in bank.ordered_blocks
              for perspective_, prompt_ in block_reading_order(block)]
    if not places:
        return None
    start = 0
    here = [i for i, (b, p, q) in enumerate(places)
            if b == block_id and q == prompt_id and perspective in (None, p)]
    if here:
        start = here[0] + 1
    else:  # somewhere without a prompt (notes, kept answers): from the block's first
        start = next((i for i, place in enumerate(places) if place[0] == block_id), 0)
    for offset in range(len(places)):
        place = places[(start + offset) % len(places)]
        answer = session.peek(*place)
        if answer is None or not answer.is_answered:
            return place
    return None


def spot_for(block: Block, perspective: Perspective, prompt_id: str, *, options: bool,
             screen_index: int) -> Spot:
    """Where a field sits: a prompt of the block in its column, else (notes, kept answers)
    a field spanning both columns, placed by its order on screen."""
    ids = [prompt.id for prompt in block.prompts(perspective)]
    if prompt_id in ids:
        return Spot(column=PERSPECTIVES.index(perspective), row=ids.index(prompt_id),
                    part=0 if options else 1)
    return Spot(column=0, row=screen_index, part=0 if options else 1, spans=True)

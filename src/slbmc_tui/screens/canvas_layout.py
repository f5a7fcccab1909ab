"""Where the blocks sit on the canvas grid and which block lies in a given direction.

Pure geometry over the bank's block positions, kept apart from the widgets so it can be
tested without a terminal.
"""

from __future__ import annotations

from typing import Literal

from slbmc_tui.domain.bank import Block, CanvasPosition

Direction = Literal["up", "down", "left", "right"]


def grid_size(blocks: tuple[Block, ...]) -> tuple[int, int]:
    """(columns, rows) the blocks need: 10x3 for the canonical canvas."""
    columns = max(b.position.column + b.position.column_span for b in blocks)
    rows = max(b.position.row + b.position.row_span for b in blocks)
    return columns, rows


def placement_order(blocks: tuple[Block, ...]) -> list[Block | None]:
    """The blocks in the order a flowing grid must receive them, None for an empty cell.

    Textual's grid places each child in the next free cell, so walking the cells row by
    row and filling holes with spacers puts every block at its own position. Blocks that
    overlap an earlier one (a broken custom bank) come last rather than vanish.
    """
    columns, rows = grid_size(blocks)
    starts = {(b.position.row, b.position.column): b for b in blocks}
    taken: set[tuple[int, int]] = set()
    order: list[Block | None] = []
    placed: set[str] = set()
    for row in range(rows):
        for column in range(columns):
            if (row, column) in taken:
                continue
            block = starts.get((row, column))
            cells = _cells(block.position) if block else {(row, column)}
            if block is None or not taken.isdisjoint(cells):
                order.append(None)
                taken.add((row, column))
                continue
            order.append(block)
            placed.add(block.id)
            taken |= cells
    order.extend(b for b in blocks if b.id not in placed)
    return order


def _cells(position: CanvasPosition) -> set[tuple[int, int]]:
    return {
        (position.row + r, position.column + c)
        for r in range(position.row_span)
        for c in range(position.column_span)
    }


def _span(start: int, length: int) -> tuple[float, float]:
    return float(start), float(start + length)


def neighbour(blocks: tuple[Block, ...], current: Block, direction: Direction) -> Block | None:
    """The block the arrow key should move to: nearest in that direction, best aligned.

    Candidates must lie wholly beyond the current block's edge. Among them the smallest
    gap wins, then the one sharing most of the current block's span across the direction
    of travel, then the one whose centre is closest, then the upper/left one.
    """
    here = current.position
    horizontal = direction in ("left", "right")
    best: tuple[float, float, float, int, int] | None = None
    chosen: Block | None = None
    for other in blocks:
        if other.id == current.id:
            continue
        there = other.position
        if horizontal:
            main_here, main_there = _span(here.column, here.column_span), _span(
                there.column, there.column_span)
            cross_here, cross_there = _span(here.row, here.row_span), _span(
                there.row, there.row_span)
        else:
            main_here, main_there = _span(here.row, here.row_span), _span(
                there.row, there.row_span)
            cross_here, cross_there = _span(here.column, here.column_span), _span(
                there.column, there.column_span)
        forward = direction in ("right", "down")
        gap = main_there[0] - main_here[1] if forward else main_here[0] - main_there[1]
        if gap < 0:
            continue
        overlap = min(cross_here[1], cross_there[1]) - max(cross_here[0], cross_there[0])
        centre_distance = abs(sum(cross_here) / 2 - sum(cross_there) / 2)
        key = (gap, -max(overlap, 0.0), centre_distance, there.row, there.column)
        if best is None or key < best:
            best, chosen = key, other
    return chosen

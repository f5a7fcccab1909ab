"""The one-page canvas, laid out once in millimetres for every format (HTML, PDF, SVG).

The page is A4 landscape. The header and the legend have fixed heights, so a long title or
many interviewers never push a block off the page: their text gets smaller, then shorter.
Each cell's answers are fitted to the cell by `fitting`; a cell shows an answer's canvas
line (the short sticky-note version) when it has one, else the answer exactly as typed.
"""

from __future__ import annotations

from dataclasses import dataclass

from slbmc_tui.domain.bank import PERSPECTIVES, Block, Perspective, Prompt, QuestionBank
from slbmc_tui.domain.session import Answer, Session
from slbmc_tui.export.audience import Audience
from slbmc_tui.export.content import normalized_text, one_line, option_labels
from slbmc_tui.export.fitting import (
    FittedBody,
    Item,
    Side,
    fit_body,
    fit_line,
    text_width,
)
from slbmc_tui.export.wording import Wording, format_date, format_time

PT_PER_MM = 72 / 25.4
PAGE_W, PAGE_H, MARGIN = 297.0, 210.0, 9.0
HEADER_H, LEGEND_H, GAP = 16.0, 5.0, 1.2
PAD_X, PAD_TOP, PAD_BOTTOM, ACCENT = 2.0, 1.6, 1.2, 0.9
SIDE_INDENT = 2.0  # the rule left of a side's answers and the space after it
TITLE_SIZE = 7.5
FLAG_MARK = "⚑"
# The canonical 3-row canvas gives the cost and revenue row less height than the others.
_LAST_ROW_WEIGHT = 0.62


@dataclass(frozen=True)
class Box:
    """A rectangle on the page in millimetres from the page's top left corner."""

    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class Cell:
    """One block drawn on the canvas."""

    block: Block
    box: Box
    title_size: float
    title_lines: tuple[str, ...]
    title_h: float
    count: str
    body: FittedBody
    body_box: Box


@dataclass(frozen=True)
class Header:
    title_size: float
    title_lines: tuple[str, ...]
    facts_size: float
    facts_lines: tuple[str, ...]


@dataclass(frozen=True)
class LegendKey:
    kind: str  # "zone:<id>", "ours", "customer", "flag", "count", "text"
    label: str


@dataclass(frozen=True)
class CanvasPage:
    header: Header
    cells: tuple[Cell, ...]
    legend: tuple[LegendKey, ...]
    legend_box: Box
    header_box: Box
    legend_size: float = 7.0


LEGEND_SWATCH, LEGEND_GAP = 6.0, 4.0  # mm before a key's label (a swatch) and after it


def legend_size(keys: tuple[LegendKey, ...], width: float) -> float:
    """The largest type size (7 pt down to 5) at which the legend fits on its one line."""
    size = 7.0
    while size > 5.0:
        needed = sum(text_width(key.label, size) / PT_PER_MM + LEGEND_SWATCH + LEGEND_GAP
                     for key in keys)
        if needed <= width:
            break
        size -= 0.5
    return size


def header_facts(session: Session, bank: QuestionBank, words: Wording,
                 audience: Audience) -> list[str]:
    """The facts under the title: client, profile, date, round (and more for the working copy)."""
    meta = session.meta
    facts = []
    if meta.client.strip():
        facts.append(f"{words.client}: {one_line(meta.client)}")
    facts.append(f"{words.profile}: {one_line(meta.profile)}")
    if not audience.is_client and meta.interviewer.strip():
        facts.append(f"{words.interviewer}: {one_line(meta.interviewer)}")
    facts.append(f"{words.round} {meta.round}")
    if audience.is_client:
        facts.append(format_date(meta.updated, words))
    else:
        facts.append(f"{words.updated} {format_time(meta.updated)}")
    if audience.counts:
        answered, total = session.progress(bank)
        facts.append(words.answered_of.format(answered=answered, total=total))
    return facts


AnswerAt = tuple[str, Perspective, str]
"""(block id, perspective, prompt id): one answer."""


def canvas_item(prompt: Prompt | None, answer: Answer, words: Wording,
                audience: Audience, canvas_line: str | None = None) -> Item:
    """What a cell shows for one answer: the canvas line if there is one, else all of it.

    `canvas_line`, when given, stands in for the answer's own (a line being typed)."""
    labels = option_labels(prompt, answer, words.removed_option)
    picked = f"[{'; '.join(one_line(label) for label in labels)}]" if labels else ""
    line = (answer.canvas_line if canvas_line is None else canvas_line).strip()
    text = normalized_text(line if line else answer.text).strip("\n")
    return Item(text=text, picked=picked, flagged=audience.flags and answer.needs_research)


def _sides(session: Session, bank: QuestionBank, block: Block, words: Wording,
           audience: Audience, trying: tuple[AnswerAt, str] | None = None) -> list[Side]:
    sides = []
    for perspective in PERSPECTIVES:
        items = []
        for prompt in block.prompts(perspective):
            answer = session.peek(block.id, perspective, prompt.id)
            if answer and answer.is_answered:
                line = (trying[1] if trying and trying[0] == (block.id, perspective, prompt.id)
                        else None)
                items.append(canvas_item(prompt, answer, words, audience, line))
        if items or audience.empty:
            sides.append(Side(bank.perspective_label(perspective), tuple(items),
                              words.no_answer if audience.empty else "", perspective))
    return sides


def _grid(bank: QuestionBank, top: float, height: float) -> tuple[list[float], list[float]]:
    """Left edges of the columns and top edges of the rows (plus the far edges), in mm."""
    columns = max(b.position.column + b.position.column_span for b in bank.blocks)
    rows = max(b.position.row + b.position.row_span for b in bank.blocks)
    width = PAGE_W - 2 * MARGIN
    xs = [MARGIN + width * c / columns for c in range(columns + 1)]
    weights = [1.0] * rows
    if rows == 3:
        weights[-1] = _LAST_ROW_WEIGHT
    ys, y = [top], top
    for weight in weights:
        y += height * weight / sum(weights)
        ys.append(y)
    return xs, ys


def _cell(session: Session, bank: QuestionBank, block: Block, box: Box, words: Wording,
          audience: Audience, trying: tuple[AnswerAt, str] | None = None) -> Cell:
    inner_w = box.w - 2 * PAD_X
    number_w = text_width(f" {block.number} ", TITLE_SIZE, bold=True) / PT_PER_MM + 1.2
    done, total = session.block_progress(block)
    count = f"{done}/{total}" if audience.counts else ""
    count_w = text_width(count, TITLE_SIZE) / PT_PER_MM + 1.0 if count else 0.0
    title_w = (inner_w - number_w - count_w) * PT_PER_MM
    size, lines = fit_line(one_line(block.title), title_w, TITLE_SIZE, 6.0, max_lines=3,
                           bold=True)
    title_h = max(len(lines), 1) * size * 1.2 / PT_PER_MM + 0.8
    body_box = Box(box.x + PAD_X + SIDE_INDENT, box.y + ACCENT + PAD_TOP + title_h,
                   inner_w - SIDE_INDENT, box.h - ACCENT - PAD_TOP - PAD_BOTTOM - title_h)
    body = fit_body(_sides(session, bank, block, words, audience, trying),
                    body_box.w * PT_PER_MM * 0.97, body_box.h * PT_PER_MM)
    return Cell(block, box, size, tuple(lines), title_h, count, body, body_box)


def canvas_page(session: Session, bank: QuestionBank, words: Wording,
                audience: Audience) -> CanvasPage:
    """Everything the canvas page shows, with the place and type size of each part."""
    width = PAGE_W - 2 * MARGIN
    header_box = Box(MARGIN, MARGIN, width, HEADER_H)
    title_size, title_lines = fit_line(one_line(session.meta.title), width * PT_PER_MM, 14.0,
                                       9.0, max_lines=1, bold=True)
    facts = " · ".join(header_facts(session, bank, words, audience))
    facts_size, facts_lines = fit_line(facts, width * PT_PER_MM, 8.5, 6.5, max_lines=2)
    legend_box = Box(MARGIN, PAGE_H - MARGIN - LEGEND_H, width, LEGEND_H)
    cells = [_cell(session, bank, block, _cell_box(bank, block), words, audience)
             for block in bank.ordered_blocks]
    keys = _legend(bank, words, audience)
    return CanvasPage(Header(title_size, tuple(title_lines), facts_size, tuple(facts_lines)),
                      tuple(cells), keys, legend_box, header_box, legend_size(keys, width))


def _cell_box(bank: QuestionBank, block: Block) -> Box:
    """Where a block sits on the page (the header and legend heights are fixed)."""
    top = MARGIN + HEADER_H + 1.0
    xs, ys = _grid(bank, top, PAGE_H - MARGIN - LEGEND_H - 1.0 - top)
    p = block.position
    return Box(xs[p.column] + GAP / 2, ys[p.row] + GAP / 2,
               xs[p.column + p.column_span] - xs[p.column] - GAP,
               ys[p.row + p.row_span] - ys[p.row] - GAP)


@dataclass(frozen=True)
class LinePreview:
    """How one answer would print on the canvas page with a given canvas line."""

    lines: tuple[str, ...]
    """The lines as printed (empty when the answer does not show)."""
    size: float
    """The cell's type size in points."""
    line_chars: int
    """About how many characters one line of the cell holds at that size."""
    answered: bool
    """The canvas shows only answered questions (text or ticks)."""
    shortened: bool
    hidden: bool
    """The cell is full: the answer is counted in "+N more" instead."""


def preview_line(session: Session, bank: QuestionBank, at: AnswerAt, line: str,
                 words: Wording, audience: Audience) -> LinePreview:
    """How the answer `at` would print on the canvas if its canvas line were `line`.

    Fits only its block's cell, the same way `canvas_page` does, so what the dialog shows
    is what the HTML, PDF and SVG print.
    """
    block_id, perspective, prompt_id = at
    block = bank.block(block_id)
    answer = session.peek(*at)
    if block is None or answer is None or not answer.is_answered:
        return LinePreview((), 0.0, 0, False, False, False)
    cell = _cell(session, bank, block, _cell_box(bank, block), words, audience, (at, line))
    answered = [p.id for p in block.prompts(perspective)
                if (other := session.peek(block_id, perspective, p.id)) and other.is_answered]
    side = next(s for s in cell.body.sides if s.side.kind == perspective)
    # The side's items are the answered prompts in order; the fitted ones keep their Item.
    wanted = side.side.items[answered.index(prompt_id)] if prompt_id in answered else None
    fitted = next((item for item in side.items if item.item is wanted), None)
    size = cell.body.size
    per_char = text_width("abcdefghijklmnopqrstuvwxyz", size) / 26
    line_chars = int(cell.body_box.w * PT_PER_MM * 0.97 / per_char) if per_char else 0
    if fitted is None:
        return LinePreview((), size, line_chars, True, False, True)
    return LinePreview(fitted.lines, size, line_chars, True, fitted.shortened, False)


def _legend(bank: QuestionBank, words: Wording, audience: Audience) -> tuple[LegendKey, ...]:
    zones = []
    for block in bank.ordered_blocks:
        if block.zone not in zones:
            zones.append(block.zone)
    keys = [LegendKey(f"zone:{zone}", bank.zone_label(zone)) for zone in zones]
    keys += [LegendKey("ours", bank.labels.ours), LegendKey("customer", bank.labels.customer)]
    if audience.flags:
        keys.append(LegendKey("flag", bank.labels.needs_research))
    if audience.counts:
        keys.append(LegendKey("count", f"n/m = {words.canvas_legend}"))
    return tuple(keys)

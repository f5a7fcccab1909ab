"""A comparison of 2 to 8 sessions as a PDF: the HTML comparison's tables on A4 landscape.

A row per question, a column per profile; an answer all sessions gave alike spans the
columns once; rows whose answers differ carry a mark. The column heads repeat on every page,
a block heading is never left alone at a page foot, and a row taller than a page continues
on the next. Drawn with reportlab in the shipped DejaVu Sans, like the session PDF.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from slbmc_tui.domain.bank import QuestionBank
from slbmc_tui.domain.compare import Cell, Comparison, PromptComparison, compare_sessions
from slbmc_tui.domain.session import Session
from slbmc_tui.export.audience import WORKING, Audience
from slbmc_tui.export.canvas_page import FLAG_MARK, PT_PER_MM
from slbmc_tui.export.compare_markdown import block_summary, for_audience, session_facts, status
from slbmc_tui.export.content import normalized_text, one_line
from slbmc_tui.export.fitting import LINE_HEIGHT, font_name, wrap
from slbmc_tui.export.pdf import FAINT, FLAG, INK, MUTED, SIDE_COLOURS, _text
from slbmc_tui.export.wording import Wording, wording_for

PAGE_W, PAGE_H = landscape(A4)
MARGIN = 12 * PT_PER_MM
BOTTOM = 16 * PT_PER_MM
SIZE = 8.0
LINE = SIZE * LINE_HEIGHT
PAD = 1.4 * PT_PER_MM
DIFFERS, SAME = "#b86b70", "#f0f6f1"


Line = tuple[str, str, bool]  # text, colour, bold


@dataclass(frozen=True)
class _Part:
    """One column's text of a row, already wrapped, each line with its colour and weight."""

    lines: tuple[Line, ...]


def _part(lines: Sequence[str], colour: str = INK, bold: bool = False) -> _Part:
    return _Part(tuple((line, colour, bold) for line in lines))


@dataclass(frozen=True)
class _Row:
    parts: tuple[_Part, ...]  # the question, then one per column (or one spanning all)
    differs: bool = False
    same: bool = False


class _Pages:
    """Places rows top to bottom; with `pdf` None it only counts the pages."""

    def __init__(self, pdf: Canvas | None, widths: list[float], header: _Row,
                 footer: str) -> None:
        self.pdf, self.widths, self.header, self.footer = pdf, widths, header, footer
        self.page = 0
        self.total = 0
        self.y = 0.0
        self._new_page(first=True)

    def _new_page(self, first: bool = False) -> None:
        if self.pdf is not None and not first:
            self._footer()
            self.pdf.showPage()
        self.page += 1
        self.y = PAGE_H - MARGIN

    def _footer(self) -> None:
        assert self.pdf is not None
        _text(self.pdf, MARGIN, BOTTOM - 18, self.footer, 7.5, MUTED)
        self.pdf.setFont(font_name(), 7.5)
        self.pdf.drawRightString(PAGE_W - MARGIN, BOTTOM - 18, f"{self.page} / {self.total}")

    def room(self) -> float:
        return self.y - BOTTOM

    def text(self, text: str, size: float, colour: str = INK, bold: bool = False,
             keep: float = 0.0, space: float = 0.0) -> None:
        """A paragraph across the page; `keep` is room that must follow it on the page."""
        lines = wrap(text, PAGE_W - 2 * MARGIN, size, bold)
        height = len(lines) * size * LINE_HEIGHT + space
        if height + keep > self.room() and self.y < PAGE_H - MARGIN:
            self._new_page()
            space = 0.0
        self.y -= space
        for line in lines:
            self.y -= size * LINE_HEIGHT
            if self.pdf is not None:
                _text(self.pdf, MARGIN, self.y + size * 0.25, line, size, colour, bold)

    def row(self, row: _Row, *, header: bool = False) -> None:
        """A table row; split across pages when it is taller than what is left."""
        remaining = [list(part.lines) for part in row.parts]
        while any(remaining):
            fits = int((self.room() - 2 * PAD) // LINE)
            needed = max(len(lines) for lines in remaining)
            # A row moves to the next page whole; only one taller than a page is split.
            full_page = int((PAGE_H - MARGIN - BOTTOM - 2 * PAD) // LINE) - 3
            if needed > fits and (needed <= full_page or fits < 3) \
                    and self.y < PAGE_H - MARGIN - LINE * 4:
                self._new_page()
                if not header:
                    self.row(self.header, header=True)
                continue
            take = max(1, min(needed, fits))
            self._draw(row, [lines[:take] for lines in remaining], take)
            remaining = [lines[take:] for lines in remaining]

    def _draw(self, row: _Row, parts: list[list[Line]], count: int) -> None:
        height = count * LINE + 2 * PAD
        top = self.y
        self.y -= height
        pdf = self.pdf
        if pdf is None:
            return
        x = MARGIN
        widths = self.widths if len(parts) == len(self.widths) else [
            self.widths[0], sum(self.widths[1:])]
        if row.same:
            pdf.setFillColor(SAME)
            pdf.rect(MARGIN + widths[0], self.y, widths[1], height, fill=1, stroke=0)
        if row.differs:
            pdf.setFillColor(DIFFERS)
            pdf.rect(MARGIN, self.y, 1.2 * PT_PER_MM, height, fill=1, stroke=0)
        for lines, width in zip(parts, widths, strict=True):
            for index, (line, colour, bold) in enumerate(lines):
                _text(pdf, x + PAD + (PT_PER_MM if row.differs and x == MARGIN else 0),
                      top - PAD - LINE * (index + 1) + SIZE * 0.3, line, SIZE, colour, bold)
            x += width
        pdf.setStrokeColor("#d5dae1")
        pdf.setLineWidth(0.4)
        pdf.line(MARGIN, self.y, PAGE_W - MARGIN, self.y)

    def finish(self) -> int:
        if self.pdf is not None:
            self._footer()
            self.pdf.showPage()
        return self.page


def _cell_part(cell: Cell, width: float, words: Wording, prefix: str = "") -> _Part:
    if not cell.answered:
        return _part(wrap(words.no_answer, width, SIZE), FAINT)
    text = normalized_text(cell.text).strip("\n")
    if cell.options:
        text = "; ".join(one_line(o) for o in cell.options) + ("\n" + text if text else "")
    flag = f"{FLAG_MARK} " if cell.needs_research else ""
    return _part(wrap(prefix + flag + text, width, SIZE))


def _row(row: PromptComparison, widths: list[float], words: Wording) -> _Row:
    inner = [w - 2 * PAD for w in widths]
    question = one_line(row.prompt.text)
    marks = status(row, words)
    room = inner[0] - PT_PER_MM
    lines = _part(wrap(question, room, SIZE, bold=True), INK, True).lines
    if marks:
        lines += _part(wrap(marks, room, SIZE), DIFFERS).lines
    if row.foreign:
        lines += _part(wrap(words.not_in_bank, room, SIZE), FLAG).lines
    first = _Part(lines)
    if row.same_in_all:
        merged = Cell(row.cells[0].text, row.cells[0].options,
                      any(c.needs_research for c in row.cells), True)
        part = _cell_part(merged, sum(inner[1:]) + 2 * PAD * (len(inner) - 2), words,
                          f"{words.same_in_all}: ")
        return _Row((first, part), same=True)
    parts = tuple(_cell_part(cell, width, words) for cell, width in zip(row.cells, inner[1:],
                                                                          strict=True))
    return _Row((first, *parts), differs=row.differs and bool(row.answered_count))


def _layout(pages: _Pages, comparison: Comparison, widths: list[float], words: Wording,
            audience: Audience) -> None:
    bank = comparison.bank
    title = f"{words.comparison}: {comparison.title}"
    pages.text(title, 15, INK, bold=True)
    pages.text(words.compared.format(count=len(comparison.sessions)), 8.5, MUTED, space=3)
    if comparison.bank_ids:
        pages.text(words.other_bank.format(banks=", ".join(comparison.bank_ids)), 8.5, FLAG,
                   bold=True)
    for label, session in zip(comparison.labels, comparison.sessions, strict=True):
        pages.text(f"• {label}: {', '.join(session_facts(session, words, audience))}", 8.5,
                   MUTED)
    flag_key = f" · {FLAG_MARK} {bank.labels.needs_research}" if audience.flags else ""
    pages.text(f"▌ {words.differs}{flag_key}", 8, MUTED)
    for index, block in enumerate(comparison.blocks):
        pages.text(f"{block.block.number}. {one_line(block.block.title)}", 12, INK, bold=True,
                   keep=LINE * 6, space=12)
        summary = block_summary(comparison, index, words)
        if summary:
            pages.text(summary, 8, MUTED, keep=LINE * 5)
        pages.row(pages.header, header=True)
        for group in block.perspectives:
            colour = SIDE_COLOURS.get(group.perspective, MUTED)
            pages.row(_Row((_part([group.label.upper()], colour, True),)
                           + tuple(_Part(()) for _ in widths[1:])))
            for row in group.prompts:
                pages.row(_row(row, widths, words))


def comparison_to_pdf(comparison: Comparison, audience: Audience = WORKING) -> bytes:
    """A built comparison as PDF bytes; see `compare_to_pdf`."""
    comparison = for_audience(comparison, audience)
    words = wording_for(comparison.bank.language)
    count = len(comparison.sessions)
    usable = PAGE_W - 2 * MARGIN
    first = usable * (0.26 if count <= 3 else 0.2)
    widths = [first] + [(usable - first) / count] * count
    header = _Row((_Part(()),) + tuple(
        _part(wrap(label, w - 2 * PAD, SIZE, bold=True), MUTED, True)
        for label, w in zip(comparison.labels, widths[1:], strict=True)))
    footer = f"{words.comparison}: {comparison.title}"
    dry = _Pages(None, widths, header, footer)
    _layout(dry, comparison, widths, words, audience)
    buffer = io.BytesIO()
    pdf = Canvas(buffer, pagesize=(PAGE_W, PAGE_H), invariant=1,
                 initialFontName=font_name(),  # type: ignore[arg-type]  # stubs say float
                 lang=comparison.bank.language)
    pdf.setTitle(footer)
    pdf.setCreator("slbmc")
    pages = _Pages(pdf, widths, header, footer)
    pages.total = dry.finish()
    _layout(pages, comparison, widths, words, audience)
    pages.finish()
    pdf.save()
    return buffer.getvalue()


def compare_to_pdf(sessions: Sequence[Session], bank: QuestionBank,
                   banks: Sequence[QuestionBank | None] | None = None,
                   audience: Audience = WORKING) -> bytes:
    """The comparison of these sessions (all blocks) as a PDF document."""
    words = wording_for(bank.language)
    return comparison_to_pdf(compare_sessions(sessions, bank, banks, words.round_of), audience)

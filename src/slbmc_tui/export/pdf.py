"""A session as a PDF: the canvas on one A4 landscape page, the answers on portrait pages.

Drawn with reportlab from the same layout as the HTML canvas (`canvas_page`), in the shipped
DejaVu Sans (and Noto Emoji for emoji), embedded, so Finnish letters, ⚑ and 🙂 print the
same on every machine; no browser is needed. Text is placed with text objects, which never
interpret what they are given, so the client's words come out exactly as typed. Headings
are never left alone at a page foot.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from slbmc_tui.domain.bank import PERSPECTIVES, QuestionBank
from slbmc_tui.domain.session import Answer, Session
from slbmc_tui.export.audience import WORKING, Audience
from slbmc_tui.export.canvas_page import (
    FLAG_MARK,
    PAGE_H,
    PT_PER_MM,
    Box,
    CanvasPage,
    Cell,
    canvas_page,
)
from slbmc_tui.export.content import (
    answered_prompts,
    block_heading,
    metadata_rows,
    normalized_text,
    one_line,
    option_labels,
    removed_words,
    title_rows,
)
from slbmc_tui.export.fitting import (
    FLAG_INDENT,
    ITEM_GAP,
    LINE_HEIGHT,
    SIDE_GAP,
    font_name,
    font_runs,
    text_width,
    wrap,
)
from slbmc_tui.export.wording import Wording, wording_for

INK, MUTED, FAINT, FLAG = "#1f2933", "#5f6b7a", "#8a94a3", "#a4571c"
SIDE_COLOURS = {"ours": "#4f6785", "customer": "#2e7d74"}
ZONE_COLOURS = {"customer_value": ("#fbf5ec", "#c9954f"),
                "value_proposition": ("#fbf0f0", "#b86b70"),
                "internal": ("#f0f4f8", "#6b84a3"),
                "costs_revenues": ("#f0f6f1", "#63906a")}
PORTRAIT_W, PORTRAIT_H = A4
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 16 * PT_PER_MM, 16 * PT_PER_MM, 20 * PT_PER_MM


def _mm(value: float) -> float:
    return value * PT_PER_MM


def _y(top_mm: float) -> float:
    """reportlab counts from the bottom; the layout counts millimetres from the top."""
    return (PAGE_H - top_mm) * PT_PER_MM


# What the font cannot draw: a tab as two spaces (its measured width), other C0 controls
# in hex (⟨1B⟩: DejaVu Sans has no control pictures), so nothing typed prints as an empty
# box or vanishes.
_DRAWABLE: dict[int, str] = {code: f"⟨{code:02X}⟩" for code in range(0x20)}
_DRAWABLE[0x09] = "  "


def _text(pdf: Canvas, x: float, y: float, text: str, size: float, colour: str = INK,
          bold: bool = False) -> None:
    """The one way text reaches the PDF; a text object never interprets what it is given.

    Each run of characters is set in the shipped font that has them (`font_runs`): DejaVu
    Sans, else Noto Emoji for emoji, so they print as glyphs rather than empty boxes.
    """
    pdf.setFillColor(colour)
    line = pdf.beginText(x, y)
    for font, piece in font_runs(text.translate(_DRAWABLE), bold):
        line.setFont(font, size)
        line.textOut(piece)
    pdf.drawText(line)


def _draw_cell(pdf: Canvas, cell: Cell, more: str) -> None:
    box = cell.box
    paper, accent = ZONE_COLOURS.get(cell.block.zone, ("#f7f8fa", "#d5dae1"))
    pdf.setFillColor(paper)
    pdf.setStrokeColor("#d5dae1")
    pdf.setLineWidth(0.5)
    pdf.rect(_mm(box.x), _y(box.y + box.h), _mm(box.w), _mm(box.h), fill=1, stroke=1)
    pdf.setFillColor(accent)
    pdf.rect(_mm(box.x), _y(box.y + 0.9), _mm(box.w), _mm(0.9), fill=1, stroke=0)
    size = cell.title_size
    top = box.y + 0.9 + 1.6
    number = f" {cell.block.number} "
    pdf.setFont(font_name(True), size)
    width = pdf.stringWidth(number, font_name(True), size)
    pdf.roundRect(_mm(box.x + 2.0), _y(top) - size * 1.05, width, size * 1.15, 1.5, fill=1,
                  stroke=0)
    _text(pdf, _mm(box.x + 2.0), _y(top) - size * 0.85, number, size, "#ffffff", bold=True)
    for index, line in enumerate(cell.title_lines):
        _text(pdf, _mm(box.x + 2.0) + width + _mm(1.2), _y(top) - size * (0.85 + 1.2 * index),
              line, size, INK, bold=True)
    if cell.count:
        pdf.setFont(font_name(), size)
        pdf.setFillColor(MUTED)
        pdf.drawRightString(_mm(box.x + box.w - 2.0), _y(top) - size * 0.85, cell.count)
    _draw_body(pdf, cell, more)


def _draw_body(pdf: Canvas, cell: Cell, more: str) -> None:
    body, area = cell.body, cell.body_box
    x = _mm(area.x)
    y = _y(area.y)
    line = body.line_height
    for index, fitted in enumerate(body.sides):
        if index:
            y -= line * SIDE_GAP
        start = y
        label = body.label_size
        for label_line in fitted.label_lines:
            _text(pdf, x, y - label * 0.95, label_line, label,
                  SIDE_COLOURS.get(fitted.side.kind, MUTED), bold=True)
            y -= label * LINE_HEIGHT
        for number, item in enumerate(fitted.items):
            if number:
                y -= line * ITEM_GAP
            indent = FLAG_INDENT * body.size if item.item.flagged else 0.0
            if item.item.flagged:
                _text(pdf, x, y - body.size * 0.95, FLAG_MARK, body.size, FLAG, bold=True)
            for text_line in item.lines:
                _text(pdf, x + indent, y - body.size * 0.95, text_line, body.size)
                y -= line
        extra = []
        if fitted.hidden:
            extra.append(f"+{fitted.hidden} {more}")
        if not fitted.side.items and fitted.side.empty_text:
            extra.append(fitted.side.empty_text)
        for text_line in extra:
            _text(pdf, x, y - body.size * 0.95, text_line, body.size, FAINT)
            y -= line
        pdf.setStrokeColor(SIDE_COLOURS.get(fitted.side.kind, MUTED))
        pdf.setLineWidth(1.2)
        if fitted.side.kind == "customer":
            pdf.setDash(2, 1.5)
        pdf.line(x - _mm(1.7), start, x - _mm(1.7), y)
        pdf.setDash()


def _draw_canvas(pdf: Canvas, page: CanvasPage, more: str) -> None:
    head = page.header
    box = page.header_box
    _text(pdf, _mm(box.x), _y(box.y) - head.title_size, " ".join(head.title_lines),
          head.title_size, INK, bold=True)
    for index, line in enumerate(head.facts_lines):
        _text(pdf, _mm(box.x), _y(box.y) - head.title_size * 1.25 - head.facts_size * (
            1.05 + 1.2 * index), line, head.facts_size, MUTED)
    pdf.setStrokeColor(INK)
    pdf.setLineWidth(1.2)
    pdf.line(_mm(box.x), _y(box.y + box.h), _mm(box.x + box.w), _y(box.y + box.h))
    for cell in page.cells:
        _draw_cell(pdf, cell, more)
    _draw_legend(pdf, page)


def _draw_legend(pdf: Canvas, page: CanvasPage) -> None:
    box: Box = page.legend_box
    x, y = _mm(box.x), _y(box.y + box.h / 2) - 2.2
    size = page.legend_size
    for key in page.legend:
        if key.kind.startswith("zone:"):
            paper, accent = ZONE_COLOURS.get(key.kind.removeprefix("zone:"), ("#eee", "#999"))
            pdf.setFillColor(paper)
            pdf.rect(x, y - 0.5, 12, 7, fill=1, stroke=0)
            pdf.setFillColor(accent)
            pdf.rect(x, y + 4.5, 12, 2, fill=1, stroke=0)
            x += 15
        elif key.kind in SIDE_COLOURS:
            pdf.setStrokeColor(SIDE_COLOURS[key.kind])
            pdf.setLineWidth(1.2)
            if key.kind == "customer":
                pdf.setDash(2, 1.5)
            pdf.line(x, y + 2.5, x + 12, y + 2.5)
            pdf.setDash()
            x += 15
        elif key.kind == "flag":
            _text(pdf, x, y, FLAG_MARK, size, FLAG, bold=True)
            x += size * 1.2
        _text(pdf, x, y, key.label, size, MUTED)
        x += text_width(key.label, size) + 12


@dataclass
class _Line:
    text: str
    size: float
    colour: str = INK
    bold: bool = False
    indent: float = 0.0
    space_before: float = 0.0
    keep_with_next: bool = False


@dataclass
class _Flow:
    """The portrait pages: lines placed top to bottom, a heading never last on its page."""

    width: float = PORTRAIT_W - 2 * MARGIN_X
    pages: list[list[tuple[float, _Line]]] = field(default_factory=lambda: [[]])
    y: float = PORTRAIT_H - MARGIN_TOP
    pending: list[_Line] = field(default_factory=list)

    def add(self, text: str, size: float, **style: object) -> None:
        """Paragraph `text`, wrapped to the page width; its line breaks are kept."""
        indent = float(style.get("indent", 0.0))  # type: ignore[arg-type]
        bold = bool(style.get("bold", False))
        lines = wrap(text, self.width - indent, size, bold) or [""]
        for index, line in enumerate(lines):
            entry = _Line(line, size, str(style.get("colour", INK)), bold, indent,
                          float(style.get("space_before", 0.0)) if index == 0 else 0.0,  # type: ignore[arg-type]
                          bool(style.get("keep_with_next", False)))
            self.pending.append(entry)
            if not entry.keep_with_next:
                self._place()

    def _place(self) -> None:
        needed = sum(line.size * LINE_HEIGHT + line.space_before for line in self.pending)
        if self.y - needed < MARGIN_BOTTOM and self.pages[-1]:
            self.pages.append([])
            self.y = PORTRAIT_H - MARGIN_TOP
            self.pending[0].space_before = 0.0
        for line in self.pending:
            self.y -= line.space_before + line.size * LINE_HEIGHT
            self.pages[-1].append((self.y, line))
        self.pending = []

    def finish(self) -> list[list[tuple[float, _Line]]]:
        if self.pending:
            self.pending[-1].keep_with_next = False
            self._place()
        return self.pages


def _answer(flow: _Flow, prompt_text: str, answer: Answer | None, options: list[str],
            bank: QuestionBank, words: Wording, audience: Audience) -> None:
    flow.add(one_line(prompt_text), 9.5, bold=True, indent=12, space_before=6,
             keep_with_next=True)
    text = answer.text if answer else ""
    if text.strip():
        flow.add(normalized_text(text).strip("\n"), 10, indent=12)
    elif not options:
        flow.add(words.no_answer, 9.5, colour=FAINT, indent=12)
    if options:
        flow.add(f"{words.selected}: {'; '.join(options)}", 9.5, colour=MUTED, indent=12)
    if answer and answer.needs_research and audience.flags:
        flow.add(f"{FLAG_MARK} {bank.labels.needs_research}", 9, colour=FLAG, indent=12)


def _answers(session: Session, bank: QuestionBank, words: Wording, audience: Audience) -> _Flow:
    flow = _Flow()
    meta = session.meta
    flow.add(one_line(meta.title), 18, bold=True, keep_with_next=True)
    rows = title_rows(session, words) if audience.is_client else metadata_rows(session, bank,
                                                                               words)
    for label, value in rows:
        if value.strip():
            flow.add(f"{label}: {one_line(value)}", 10, colour=MUTED)
    for block in bank.ordered_blocks:
        shown = answered_prompts(session, block, audience)
        record = session.blocks.get(block.id)
        notes = record.notes if record and audience.notes else ""
        if not any(shown.values()) and not notes.strip():
            continue
        flow.add(block_heading(block), 13, bold=True, space_before=16, keep_with_next=True)
        if audience.counts:
            done, total = session.block_progress(block)
            flow.add(words.answered_of.format(answered=done, total=total), 8.5, colour=MUTED,
                     keep_with_next=True)
        for perspective in PERSPECTIVES:
            if not shown[perspective]:
                continue
            flow.add(bank.perspective_label(perspective).upper(), 8.5, bold=True,
                     colour=SIDE_COLOURS[perspective], space_before=8, keep_with_next=True)
            for prompt in shown[perspective]:
                answer = session.peek(block.id, perspective, prompt.id)
                options = option_labels(prompt, answer, words.removed_option) if answer else []
                _answer(flow, prompt.text, answer, options, bank, words, audience)
        if notes.strip():
            flow.add(bank.labels.notes, 9.5, bold=True, colour=MUTED, space_before=8,
                     keep_with_next=True)
            flow.add(normalized_text(notes).strip("\n"), 10, colour=MUTED)
    orphans = [o for o in session.orphans(bank) if audience.empty or o.answer.is_answered]
    if orphans:
        heading, intro = removed_words(words, audience)
        flow.add(heading, 13, bold=True, space_before=16, keep_with_next=True)
        if intro:
            flow.add(intro, 9.5, colour=MUTED)
        for orphan in orphans:
            place = block_heading(orphan.block) if orphan.block else orphan.block_id
            _answer(flow, f"{place} · {orphan.prompt_id}", orphan.answer,
                    option_labels(None, orphan.answer, words.removed_option), bank, words,
                    audience)
    if audience.flags:
        entries = session.open_questions(bank)
        flow.add(words.open_heading, 13, bold=True, space_before=16, keep_with_next=True)
        if not entries:
            flow.add(words.open_none, 10, colour=FAINT)
        for entry in entries:
            flow.add(f"{entry.block.number}. {one_line(entry.block.title)} · "
                     f"{bank.perspective_label(entry.perspective)}", 8.5, colour=MUTED,
                     space_before=6, keep_with_next=True)
            flow.add(one_line(entry.prompt.text), 9.5, bold=True, keep_with_next=True)
            text = entry.answer.text if entry.answer else ""
            flow.add(normalized_text(text).strip("\n") if text.strip() else words.no_answer,
                     10, colour=INK if text.strip() else FAINT)
    return flow


def session_to_pdf(session: Session, bank: QuestionBank, audience: Audience = WORKING) -> bytes:
    """The whole document as PDF bytes: canvas page, then numbered portrait answer pages."""
    words = wording_for(session.meta.language or bank.language)
    buffer = io.BytesIO()
    meta = session.meta
    pdf = Canvas(buffer, pagesize=landscape(A4), invariant=1,
                 initialFontName=font_name(),  # type: ignore[arg-type]  # stubs say float
                 lang=bank.language)
    pdf.setTitle(f"{one_line(meta.title)} — {one_line(meta.profile)}")
    pdf.setAuthor(one_line(meta.interviewer) if not audience.is_client else "")
    pdf.setCreator("slbmc")
    _draw_canvas(pdf, canvas_page(session, bank, words, audience), words.more)
    pages = _answers(session, bank, words, audience).finish()
    total = len(pages) + 1
    footer = f"{one_line(meta.title)} · {one_line(meta.profile)}"
    for number, page in enumerate(pages, start=2):
        pdf.showPage()
        pdf.setPageSize(A4)
        for y, line in page:
            _text(pdf, MARGIN_X + line.indent, y, line.text, line.size, line.colour, line.bold)
        pdf.setStrokeColor("#d5dae1")
        pdf.setLineWidth(0.5)
        pdf.line(MARGIN_X, MARGIN_BOTTOM - 8, PORTRAIT_W - MARGIN_X, MARGIN_BOTTOM - 8)
        _text(pdf, MARGIN_X, MARGIN_BOTTOM - 20, _clip(footer, PORTRAIT_W - 2 * MARGIN_X - 60),
              8, MUTED)
        pdf.setFont(font_name(), 8)
        pdf.drawRightString(PORTRAIT_W - MARGIN_X, MARGIN_BOTTOM - 20, f"{number} / {total}")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _clip(text: str, width: float) -> str:
    lines = wrap(text, width, 8)
    return lines[0] + ("…" if len(lines) > 1 else "")

"""The one-page canvas as a self-contained, printable SVG picture (A4 landscape, light).

The same layout, wording and marks as the HTML and PDF canvas (`canvas_page`), drawn in
millimetres with the lines the fitting engine chose. No fonts, images or links are loaded
from anywhere: the font is named (DejaVu Sans, then common fallbacks) and text is escaped by
the one escaper below, so the client's words show exactly as typed.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from slbmc_tui.domain.bank import QuestionBank
from slbmc_tui.domain.session import Session
from slbmc_tui.export.audience import WORKING, Audience
from slbmc_tui.export.canvas_page import (
    ACCENT,
    FLAG_MARK,
    LEGEND_GAP,
    LEGEND_SWATCH,
    PAD_TOP,
    PAD_X,
    PAGE_H,
    PAGE_W,
    PT_PER_MM,
    CanvasPage,
    Cell,
    canvas_page,
)
from slbmc_tui.export.content import one_line
from slbmc_tui.export.fitting import FLAG_INDENT, ITEM_GAP, LINE_HEIGHT, SIDE_GAP, text_width
from slbmc_tui.export.pdf import FAINT, FLAG, INK, MUTED, SIDE_COLOURS, ZONE_COLOURS
from slbmc_tui.export.wording import wording_for

FONT = "'DejaVu Sans', 'Segoe UI', 'Helvetica Neue', Arial, sans-serif"
_CONTROL_PICTURES = {code: 0x2400 + code for code in range(0x20) if code != 0x09}


def _e(text: str) -> str:
    """The one escaper of this format: text and attribute values.

    XML cannot hold C0 control characters at all, so they show as their control pictures
    (␛); tabs are kept, and everything else is drawn as typed.
    """
    return escape(text.translate(_CONTROL_PICTURES), {'"': "&quot;"})


def _pt(size: float) -> float:
    """A type size in points as the picture's unit, millimetres."""
    return size / PT_PER_MM


def _text(x: float, y: float, text: str, size: float, colour: str = INK,
          bold: bool = False) -> str:
    weight = ' font-weight="700"' if bold else ""
    return (f'<text x="{x:.2f}" y="{y:.2f}" font-size="{_pt(size):.3f}" fill="{colour}"'
            f'{weight} xml:space="preserve">{_e(text)}</text>')


def _cell(cell: Cell, more: str) -> list[str]:
    box = cell.box
    paper, accent = ZONE_COLOURS.get(cell.block.zone, ("#f7f8fa", "#d5dae1"))
    out = [f'<g class="cell" data-block="{_e(cell.block.id)}">',
           f'<rect x="{box.x:.2f}" y="{box.y:.2f}" width="{box.w:.2f}" height="{box.h:.2f}" '
           f'rx="0.8" fill="{paper}" stroke="#d5dae1" stroke-width="0.2"/>',
           f'<rect x="{box.x:.2f}" y="{box.y:.2f}" width="{box.w:.2f}" height="{ACCENT}" '
           f'fill="{accent}"/>']
    size = cell.title_size
    top = box.y + ACCENT + PAD_TOP
    number = f" {cell.block.number} "
    width = text_width(number, size, bold=True) / PT_PER_MM
    out.append(f'<rect x="{box.x + PAD_X:.2f}" y="{top:.2f}" width="{width:.2f}" '
               f'height="{_pt(size) * 1.15:.2f}" rx="0.8" fill="{accent}"/>')
    out.append(_text(box.x + PAD_X, top + _pt(size) * 0.9, number, size, "#ffffff", True))
    for index, line in enumerate(cell.title_lines):
        out.append(_text(box.x + PAD_X + width + 1.2, top + _pt(size) * (0.9 + 1.2 * index),
                         line, size, INK, True))
    if cell.count:
        out.append(_text(box.x + box.w - PAD_X, top + _pt(size) * 0.9, cell.count, size,
                         MUTED).replace("<text ", '<text text-anchor="end" ', 1))
    out += _body(cell, more)
    out.append("</g>")
    return out


def _body(cell: Cell, more: str) -> list[str]:
    body, area = cell.body, cell.body_box
    out: list[str] = []
    y = area.y
    line = _pt(body.line_height)
    ascent = _pt(body.size) * 0.95
    for index, fitted in enumerate(body.sides):
        if index:
            y += line * SIDE_GAP
        start = y
        label = body.label_size
        for label_line in fitted.label_lines:
            out.append(_text(area.x, y + _pt(label) * 0.95, label_line, label,
                             SIDE_COLOURS.get(fitted.side.kind, MUTED), True))
            y += _pt(label) * LINE_HEIGHT
        for number, item in enumerate(fitted.items):
            if number:
                y += line * ITEM_GAP
            indent = _pt(FLAG_INDENT * body.size) if item.item.flagged else 0.0
            if item.item.flagged:
                out.append(_text(area.x, y + ascent, FLAG_MARK, body.size, FLAG, True))
            for text_line in item.lines:
                out.append(_text(area.x + indent, y + ascent, text_line, body.size))
                y += line
        extra = [f"+{fitted.hidden} {more}"] if fitted.hidden else []
        if not fitted.side.items and fitted.side.empty_text:
            extra.append(fitted.side.empty_text)
        for text_line in extra:
            out.append(_text(area.x, y + ascent, text_line, body.size, FAINT))
            y += line
        dash = ' stroke-dasharray="0.7 0.5"' if fitted.side.kind == "customer" else ""
        out.append(f'<line x1="{area.x - 1.7:.2f}" y1="{start:.2f}" x2="{area.x - 1.7:.2f}" '
                   f'y2="{y:.2f}" stroke="{SIDE_COLOURS.get(fitted.side.kind, MUTED)}" '
                   f'stroke-width="0.45"{dash}/>')
    return out


def _legend(page: CanvasPage) -> list[str]:
    box = page.legend_box
    x, y = box.x, box.y + box.h / 2
    size = page.legend_size
    out = []
    for key in page.legend:
        if key.kind.startswith("zone:"):
            paper, accent = ZONE_COLOURS.get(key.kind.removeprefix("zone:"), ("#eee", "#999"))
            out.append(f'<rect x="{x:.2f}" y="{y - 1.3:.2f}" width="5" height="2.5" '
                       f'fill="{paper}" stroke="{accent}" stroke-width="0.2"/>')
            out.append(f'<rect x="{x:.2f}" y="{y - 1.3:.2f}" width="5" height="0.8" '
                       f'fill="{accent}"/>')
            x += LEGEND_SWATCH
        elif key.kind in SIDE_COLOURS:
            dash = ' stroke-dasharray="0.7 0.5"' if key.kind == "customer" else ""
            out.append(f'<line x1="{x:.2f}" y1="{y:.2f}" x2="{x + 5:.2f}" y2="{y:.2f}" '
                       f'stroke="{SIDE_COLOURS[key.kind]}" stroke-width="0.45"{dash}/>')
            x += LEGEND_SWATCH
        elif key.kind == "flag":
            out.append(_text(x, y + _pt(size) * 0.35, FLAG_MARK, size, FLAG, True))
            x += _pt(size) * 1.3
        out.append(_text(x, y + _pt(size) * 0.35, key.label, size, MUTED))
        x += text_width(key.label, size) / PT_PER_MM + LEGEND_GAP
    return out


def session_to_svg(session: Session, bank: QuestionBank, audience: Audience = WORKING) -> str:
    """The canvas page as an SVG document: same content as page 1 of the HTML and PDF."""
    words = wording_for(session.meta.language or bank.language)
    page = canvas_page(session, bank, words, audience)
    head, box = page.header, page.header_box
    title = f"{one_line(session.meta.title)} — {one_line(session.meta.profile)}"
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{PAGE_W:g}mm" '
             f'height="{PAGE_H:g}mm" viewBox="0 0 {PAGE_W:g} {PAGE_H:g}" '
             f'font-family="{FONT}" lang="{_e(bank.language)}" style="white-space: pre">',
             f"<title>{_e(title)}</title>",
             f'<rect width="{PAGE_W:g}" height="{PAGE_H:g}" fill="#ffffff"/>',
             _text(box.x, box.y + _pt(head.title_size), " ".join(head.title_lines),
                   head.title_size, INK, True)]
    for index, line in enumerate(head.facts_lines):
        parts.append(_text(box.x, box.y + _pt(head.title_size) * 1.25 + _pt(head.facts_size)
                           * (1.05 + 1.2 * index), line, head.facts_size, MUTED))
    parts.append(f'<line x1="{box.x:.2f}" y1="{box.y + box.h:.2f}" x2="{box.x + box.w:.2f}" '
                 f'y2="{box.y + box.h:.2f}" stroke="{INK}" stroke-width="0.5"/>')
    for cell in page.cells:
        parts += _cell(cell, words.more)
    parts += _legend(page)
    parts.append("</svg>")
    return "\n".join(parts) + "\n"

"""A session as one self-contained HTML page: the canvas on a landscape sheet, then all answers.

Everything the user typed passes through `html.escape`; the page has inline CSS only, no
scripts and no external assets, so it opens anywhere and prints the same everywhere.
"""

from __future__ import annotations

from html import escape
from importlib import resources

from slbmc_tui.domain.bank import PERSPECTIVES, Block, Perspective, Prompt, QuestionBank
from slbmc_tui.domain.quotes import segments
from slbmc_tui.domain.session import Answer, Session
from slbmc_tui.export.audience import WORKING, Audience
from slbmc_tui.export.canvas_page import MARGIN, Box, CanvasPage, Cell, canvas_page
from slbmc_tui.export.content import (
    answered_prompts,
    block_heading,
    block_reference,
    metadata_rows,
    normalized_text,
    one_line,
    option_labels,
    removed_words,
    title_rows,
)
from slbmc_tui.export.fitting import ITEM_GAP, LINE_HEIGHT, SIDE_GAP, FittedBody, FittedItem
from slbmc_tui.export.time_spent import block_time, kept_time, time_heading, total_time
from slbmc_tui.export.wording import Wording, wording_for

FLAG_MARK = "⚑"
# No request ever leaves the file: no scripts, no fonts, no images from anywhere.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _css() -> str:
    return resources.files("slbmc_tui.export").joinpath("document.css").read_text("utf-8")


def _e(text: str) -> str:
    """The one escaper of this format: everything typed or read from a file passes here."""
    return escape(text, quote=True)


def _mm(value: float) -> str:
    return f"{value:.2f}mm"


def _place(box: Box) -> str:
    return (f"left: {_mm(box.x - MARGIN)}; top: {_mm(box.y - MARGIN)}; "
            f"width: {_mm(box.w)}; height: {_mm(box.h)}")


def _item(fitted: FittedItem, body: FittedBody, gap: bool) -> str:
    item = fitted.item
    text = fitted.text
    picked = ""
    if item.picked and text.endswith(item.picked):
        text = text[: -len(item.picked)].rstrip("\n")
        picked = f'<span class="picked">{_e(item.picked)}</span>'
    joiner = "\n" if text and picked else ""
    mark = f'<span class="flag-mark">{FLAG_MARK}</span>' if item.flagged else ""
    style = f' style="margin-top: {body.line_height * ITEM_GAP:.2f}pt"' if gap else ""
    flagged = " flagged" if item.flagged else ""
    return f'<li class="item{flagged}"{style}>{mark}{_e(text)}{joiner}{picked}</li>'


def _cell_body(body: FittedBody, more: str) -> str:
    sides = []
    for index, fitted in enumerate(body.sides):
        side = fitted.side
        items = [_item(item, body, i > 0) for i, item in enumerate(fitted.items)]
        if fitted.hidden:
            items.append(f'<li class="more">+{fitted.hidden} {_e(more)}</li>')
        if not side.items and side.empty_text:
            items.append(f'<li class="none">{_e(side.empty_text)}</li>')
        gap = (f' style="margin-top: {body.line_height * SIDE_GAP:.2f}pt"' if index else "")
        label = (f"font-size: {body.label_size:.2f}pt; "
                 f"line-height: {body.label_size * LINE_HEIGHT:.2f}pt")
        sides.append(f'<div class="side {_e(side.kind)}"{gap}><h3 style="{label}">'
                     f'{_e(side.label.upper())}</h3><ul>{"".join(items)}</ul></div>')
    return "".join(sides)


def _cell(cell: Cell, order: int, more: str) -> str:
    block = cell.block
    body = cell.body
    count = f'<span class="count">{_e(cell.count)}</span>' if cell.count else ""
    title = "<br>".join(_e(line) for line in cell.title_lines)
    return (f'<section class="cell zone-{_e(block.zone)}" data-block="{_e(block.id)}" '
            f'data-number="{block.number}" data-grid="{_grid(block)}" '
            f'style="{_place(cell.box)}; order: {order}">'
            f'<div class="cell-head" style="height: {_mm(cell.title_h)}; font-size: '
            f'{cell.title_size:.2f}pt"><span class="number">{block.number}</span>'
            f"<h2>{title}</h2>{count}</div>"
            f'<div class="cell-body" style="font-size: {body.size:.2f}pt; line-height: '
            f'{body.line_height:.2f}pt; height: {_mm(cell.body_box.h)}">'
            f"{_cell_body(body, more)}</div></section>")


def _grid(block: Block) -> str:
    """The cell's place on the bank's grid, counted from 1: row, rows, column, columns."""
    p = block.position
    return f"{p.row + 1} {p.row_span} {p.column + 1} {p.column_span}"


def _legend(page: CanvasPage) -> str:
    keys = []
    for key in page.legend:
        if key.kind.startswith("zone:"):
            zone = key.kind.removeprefix("zone:")
            mark = f'<span class="swatch zone zone-{_e(zone)}"></span>'
        elif key.kind in ("ours", "customer"):
            mark = f'<span class="swatch {key.kind}"></span>'
        elif key.kind == "flag":
            mark = f'<span class="flag-mark">{FLAG_MARK}</span> '
        else:
            mark = ""
        keys.append(f'<span class="key">{mark}{_e(key.label)}</span>')
    return "".join(keys)


def _canvas_page(session: Session, bank: QuestionBank, words: Wording,
                 audience: Audience) -> str:
    page = canvas_page(session, bank, words, audience)
    head = page.header
    cells = "\n".join(_cell(cell, order, words.more) for order, cell in enumerate(page.cells))
    return (f'<section class="canvas-page">\n<header class="doc-head" style="height: '
            f'{_mm(page.header_box.h)}">'
            f'<h1 style="font-size: {head.title_size:.2f}pt">'
            f'{_e(" ".join(head.title_lines))}</h1>'
            f'<p class="facts" style="font-size: {head.facts_size:.2f}pt">'
            f'{"<br>".join(_e(line) for line in head.facts_lines)}</p></header>\n'
            f'<div class="canvas">\n{cells}\n</div>\n<p class="legend" style="top: '
            f'{_mm(page.legend_box.y - MARGIN)}; font-size: {page.legend_size:.1f}pt">'
            f"{_legend(page)}</p>\n</section>")


def answer_text_html(text: str) -> str:
    """An answer's text exactly as typed, except that the client's own words (`>` lines, see
    `domain.quotes`) are real block quotes; blank lines around a quote are left out."""
    parts = segments(text)
    if len(parts) == 1 and parts[0].kind == "said":
        return f'<div class="answer-text">{_e(normalized_text(text))}</div>'
    html = []
    for segment in parts:
        body = "\n".join(segment.lines).strip("\n")
        if segment.kind == "quote":
            html.append(f'<blockquote class="client-words">{_e(body)}</blockquote>')
        elif body.strip():
            html.append(f'<div class="answer-text">{_e(body)}</div>')
    return "".join(html)


def _answer_body(prompt: Prompt | None, answer: Answer | None, bank: QuestionBank,
                 words: Wording, audience: Audience = WORKING) -> str:
    parts = []
    text = answer.text if answer else ""
    if text.strip():
        parts.append(answer_text_html(text))
    elif not (answer and answer.options):
        parts.append(f'<p class="empty">{_e(words.no_answer)}</p>')
    if answer and answer.options:
        labels = option_labels(prompt, answer, words.removed_option)
        parts.append(f'<p class="selected"><span class="label">{_e(words.selected)}:</span> '
                     f"{_e('; '.join(labels))}</p>")
    if answer and answer.needs_research and audience.flags:
        parts.append(f'<p class="flag">{FLAG_MARK} {_e(bank.labels.needs_research)}</p>')
    return "".join(parts)


def _facts(session: Session, bank: QuestionBank, words: Wording, audience: Audience) -> str:
    rows = (title_rows(session, words) if audience.is_client
            else metadata_rows(session, bank, words))
    return ('<dl class="facts-list">'
            + "".join(f"<dt>{_e(label)}</dt><dd>{_e(one_line(value))}</dd>"
                      for label, value in rows if value.strip())
            + "</dl>")


def _progress_table(session: Session, bank: QuestionBank, words: Wording) -> str:
    rows = []
    for block in bank.ordered_blocks:
        done, total = session.block_progress(block)
        timed = (f'<td class="num">{_e(block_time(session, block.id))}</td>'
                 if kept_time(session) else "")  # the time per block, when it was kept
        rows.append(f'<tr><td class="num">{block.number}</td>'
                    f"<td>{_e(one_line(block.title))}</td>"
                    f'<td class="num">{done}/{total}</td>{timed}</tr>')
    answered, total = session.progress(bank)
    time_head = (f'<th class="num">{_e(time_heading(session.meta.language))}</th>'
                 if kept_time(session) else "")
    time_foot = f'<td class="num">{_e(total_time(session))}</td>' if kept_time(session) else ""
    return (f'<table class="progress"><thead><tr><th class="num">#</th>'
            f'<th>{_e(words.block)}</th><th class="num">{_e(words.answered)}</th>{time_head}'
            f"</tr></thead><tbody>{''.join(rows)}</tbody><tfoot><tr><td></td>"
            f"<td>{_e(words.overall)}</td>"
            f'<td class="num">{answered}/{total}</td>{time_foot}</tr></tfoot></table>')


def _block_section(session: Session, bank: QuestionBank, block: Block, words: Wording,
                   audience: Audience = WORKING) -> str:
    shown = answered_prompts(session, block, audience)
    record = session.blocks.get(block.id)
    notes = record.notes if record and audience.notes else ""
    if not any(shown.values()) and not notes.strip():
        return ""
    parts = [f'<section class="block zone-{_e(block.zone)}" id="block-{_e(block.id)}">'
             f"<h3>{_e(block_heading(block))}</h3>"]
    if audience.counts:
        done, total = session.block_progress(block)
        parts.append(f'<p class="count">'
                     f"{_e(words.answered_of.format(answered=done, total=total))}</p>")
    for perspective in PERSPECTIVES:
        if not shown[perspective]:
            continue
        parts.append(f'<div class="perspective {perspective}">'
                     f"<h4>{_e(bank.perspective_label(perspective))}</h4>")
        for prompt in shown[perspective]:
            answer = session.peek(block.id, perspective, prompt.id)
            parts.append(f'<article class="qa" data-prompt="{_e(block.id)}/{perspective}/'
                         f'{_e(prompt.id)}"><h5>{_e(one_line(prompt.text))}</h5>'
                         f"{_answer_body(prompt, answer, bank, words, audience)}</article>")
        parts.append("</div>")
    if notes.strip():
        parts.append(f'<div class="notes"><h4>{_e(bank.labels.notes)}</h4>'
                     f'{answer_text_html(notes)}</div>')
    parts.append("</section>")
    return "\n".join(parts)


def _where(place: str, perspective: Perspective, bank: QuestionBank) -> str:
    return f"{place} · {bank.perspective_label(perspective)}"


def _removed(session: Session, bank: QuestionBank, words: Wording,
             audience: Audience = WORKING) -> str:
    orphans = session.orphans(bank)
    if not orphans:
        return ""
    items = []
    for orphan in orphans:
        if not orphan.answer.is_answered and not audience.empty:
            continue
        place = (block_heading(orphan.block) if orphan.block
                 else f"{orphan.block_id} ({words.removed_block})")
        items.append(f'<article class="open-item"><h5>{_e(one_line(orphan.prompt_id))}</h5>'
                     f'<p class="where">{_e(_where(place, orphan.perspective, bank))}</p>'
                     f"{_answer_body(None, orphan.answer, bank, words, audience)}</article>")
    if not items:
        return ""
    heading, intro = removed_words(words, audience)
    intro_html = f'<p class="intro">{_e(intro)}</p>' if intro else ""
    return (f'<section class="removed"><h3>{_e(heading)}</h3>'
            f'{intro_html}{"".join(items)}</section>')


def _open_questions(session: Session, bank: QuestionBank, words: Wording) -> str:
    entries = session.open_questions(bank)
    head = (f'<section class="open"><h3>{_e(words.open_heading)}</h3>'
            f'<p class="intro">{_e(words.open_intro)}</p>')
    if not entries:
        return f'{head}<p class="empty">{_e(words.open_none)}</p></section>'
    items = []
    for entry in entries:
        where = _where(block_reference(entry.block, words.block), entry.perspective, bank)
        text = entry.answer.text if entry.answer else ""
        body = (answer_text_html(text) if text.strip()
                else f'<p class="empty">{_e(words.no_answer)}</p>')
        items.append(f'<li class="open-item"><p class="where">{_e(where)}</p>'
                      f"<h5>{_e(one_line(entry.prompt.text))}</h5>{body}</li>")
    return f'{head}<ol class="open-list">{"".join(items)}</ol></section>'


def session_to_html(session: Session, bank: QuestionBank, audience: Audience = WORKING) -> str:
    """The canvas page (one A4 landscape sheet) followed by the answers on portrait pages."""
    words = wording_for(session.meta.language or bank.language)
    meta = session.meta
    title = f"{one_line(meta.title)} — {one_line(meta.profile)}"
    blocks = "\n".join(part for block in bank.ordered_blocks
                       if (part := _block_section(session, bank, block, words, audience)))
    heading = one_line(meta.title) if audience.is_client else words.answers_heading
    progress = _progress_table(session, bank, words) if audience.counts else ""
    open_part = _open_questions(session, bank, words) if audience.flags else ""
    return (f'<!DOCTYPE html>\n<html lang="{_e(bank.language)}">\n<head>\n'
            f'<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_e(title)}</title>\n<style>\n{_css()}</style>\n</head>\n"
            f'<body class="for-{audience.name}">\n'
            f"{_canvas_page(session, bank, words, audience)}\n"
            f'<section class="answers">\n<h2>{_e(heading)}</h2>\n'
            f"{_facts(session, bank, words, audience)}\n{progress}\n"
            f"{blocks}\n{_removed(session, bank, words, audience)}\n"
            f"{open_part}\n</section>\n</body>\n</html>\n")

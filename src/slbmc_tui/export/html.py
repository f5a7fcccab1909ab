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
from slbmc_tui.export.content import (
    block_heading,
    block_reference,
    excerpt,
    metadata_rows,
    normalized_text,
    one_line,
    option_labels,
)
from slbmc_tui.export.time_spent import block_time, kept_time, time_heading, total_time
from slbmc_tui.export.wording import Wording, format_time, wording_for

# How much of each perspective a printed canvas cell has room for: lines per grid row it
# covers (the bottom row is shorter) and characters per line per grid column it covers.
_LINES_PER_ROW = (6, 6, 4)
_CHARS_PER_COLUMN = 20
_ITEM_LINES = 4
FLAG_MARK = "⚑"


def _css() -> str:
    return resources.files("slbmc_tui.export").joinpath("document.css").read_text("utf-8")


def _e(text: str) -> str:
    return escape(text, quote=True)


def grid_style(block: Block, order: int) -> str:
    """The cell's place on the 10 x 3 canvas grid (bank positions count from 0)."""
    p = block.position
    return (f"grid-row: {p.row + 1} / span {p.row_span}; "
            f"grid-column: {p.column + 1} / span {p.column_span}; order: {order}")


def _room(block: Block) -> tuple[int, int]:
    """(lines, characters per line) one perspective fills in this block's printed cell."""
    p = block.position
    rows = range(p.row, min(p.row + p.row_span, len(_LINES_PER_ROW)))
    lines = sum(_LINES_PER_ROW[row] for row in rows) - 1
    return max(lines, 2), _CHARS_PER_COLUMN * p.column_span


def _cell_side(session: Session, bank: QuestionBank, block: Block,
               perspective: Perspective, words: Wording) -> str:
    lines_left, width = _room(block)
    answered = [(prompt, answer) for prompt in block.prompts(perspective)
                if (answer := session.peek(block.id, perspective, prompt.id))
                and answer.is_answered]
    # A tall cell with few answers shows more of each; a crowded one shows the start of each.
    item_lines = max(_ITEM_LINES, lines_left // max(len(answered), 1))
    items: list[str] = []
    hidden = 0
    for prompt, answer in answered:
        if lines_left < 2:
            hidden += 1
            continue
        labels = option_labels(prompt, answer, words.removed_option)
        picked = f"[{'; '.join(labels)}]" if labels else ""
        room = min(lines_left - 1, item_lines) * width - len(picked)
        shown = excerpt(answer.text, max(room, width // 2)) if answer.text.strip() else ""
        lines_left -= -(-(len(shown) + len(picked) + 2) // width)
        mark = (f'<span class="flag-mark" title="{_e(bank.labels.needs_research)}">'
                f"{FLAG_MARK}</span> " if answer.needs_research else "")
        parts = [_e(shown)] if shown else []
        if picked:
            parts.append(f'<span class="picked">{_e(picked)}</span>')
        items.append(f"<li>{mark}{' '.join(parts)}</li>")
    if hidden:
        items.append(f'<li class="more">+{hidden} {_e(words.more)}</li>')
    body = "".join(items) or f'<li class="none">{_e(words.no_answer)}</li>'
    return (f'<div class="side {perspective}"><h3>{_e(bank.perspective_label(perspective))}'
            f"</h3><ul>{body}</ul></div>")


def _cell(session: Session, bank: QuestionBank, block: Block, order: int,
          words: Wording) -> str:
    done, total = session.block_progress(block)
    sides = "".join(_cell_side(session, bank, block, p, words) for p in PERSPECTIVES)
    count = words.answered_of.format(answered=done, total=total)
    return (f'<section class="cell zone-{_e(block.zone)}" data-block="{_e(block.id)}" '
            f'data-number="{block.number}" style="{grid_style(block, order)}">'
            f'<div class="cell-head"><span class="number">{block.number}</span>'
            f"<h2>{_e(one_line(block.title))}</h2>"
            f'<span class="count" title="{_e(count)}">{done}/{total}</span></div>'
            f"{sides}</section>")


def _canvas_page(session: Session, bank: QuestionBank, words: Wording) -> str:
    meta = session.meta
    answered, total = session.progress(bank)
    facts = [f"{words.profile}: {one_line(meta.profile)}"]
    if meta.client.strip():
        facts.append(f"{words.client}: {one_line(meta.client)}")
    if meta.interviewer.strip():
        facts.append(f"{words.interviewer}: {one_line(meta.interviewer)}")
    facts += [f"{words.round} {meta.round}", format_time(meta.updated),
              words.answered_of.format(answered=answered, total=total)]
    cells = "\n".join(_cell(session, bank, block, order, words)
                      for order, block in enumerate(bank.ordered_blocks))
    legend = (f'<span class="key"><span class="swatch ours"></span>'
              f"{_e(bank.labels.ours)}</span>"
              f'<span class="key"><span class="swatch customer"></span>'
              f"{_e(bank.labels.customer)}</span>"
              f'<span class="key"><span class="flag-mark">{FLAG_MARK}</span> '
              f"{_e(bank.labels.needs_research)}</span>"
              f'<span class="key">n/m = {_e(words.canvas_legend)}</span>'
              f'<span class="key">{_e(bank.title)}</span>')
    return (f'<section class="canvas-page">\n<header class="doc-head">'
            f'<h1>{_e(one_line(meta.title))} <span class="profile">— '
            f"{_e(one_line(meta.profile))}</span></h1>"
            f'<p class="facts">{"".join(f"<span>{_e(f)}</span>" for f in facts)}</p></header>\n'
            f'<div class="canvas">\n{cells}\n</div>\n<p class="legend">{legend}</p>\n</section>')


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
                 words: Wording) -> str:
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
    if answer and answer.needs_research:
        parts.append(f'<p class="flag">{FLAG_MARK} {_e(bank.labels.needs_research)}</p>')
    return "".join(parts)


def _facts(session: Session, bank: QuestionBank, words: Wording) -> str:
    rows = metadata_rows(session, bank, words)
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


def _block_section(session: Session, bank: QuestionBank, block: Block, words: Wording) -> str:
    done, total = session.block_progress(block)
    parts = [f'<section class="block zone-{_e(block.zone)}" id="block-{_e(block.id)}">'
             f"<h3>{_e(block_heading(block))}</h3>"
             f'<p class="count">{_e(words.answered_of.format(answered=done, total=total))}</p>']
    for perspective in PERSPECTIVES:
        parts.append(f'<div class="perspective {perspective}">'
                     f"<h4>{_e(bank.perspective_label(perspective))}</h4>")
        for prompt in block.prompts(perspective):
            answer = session.peek(block.id, perspective, prompt.id)
            parts.append(f'<article class="qa" data-prompt="{_e(block.id)}/{perspective}/'
                         f'{_e(prompt.id)}"><h5>{_e(one_line(prompt.text))}</h5>'
                         f"{_answer_body(prompt, answer, bank, words)}</article>")
        parts.append("</div>")
    record = session.blocks.get(block.id)
    if record and record.notes.strip():
        parts.append(f'<div class="notes"><h4>{_e(bank.labels.notes)}</h4>'
                     f'{answer_text_html(record.notes)}</div>')
    parts.append("</section>")
    return "\n".join(parts)


def _where(place: str, perspective: Perspective, bank: QuestionBank) -> str:
    return f"{place} · {bank.perspective_label(perspective)}"


def _removed(session: Session, bank: QuestionBank, words: Wording) -> str:
    orphans = session.orphans(bank)
    if not orphans:
        return ""
    items = []
    for orphan in orphans:
        place = (block_heading(orphan.block) if orphan.block
                 else f"{orphan.block_id} ({words.removed_block})")
        items.append(f'<article class="open-item"><h5>{_e(one_line(orphan.prompt_id))}</h5>'
                     f'<p class="where">{_e(_where(place, orphan.perspective, bank))}</p>'
                     f"{_answer_body(None, orphan.answer, bank, words)}</article>")
    return (f'<section class="removed"><h3>{_e(words.removed_heading)}</h3>'
            f'<p class="intro">{_e(words.removed_intro)}</p>{"".join(items)}</section>')


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


def session_to_html(session: Session, bank: QuestionBank) -> str:
    """The canvas page (printable on one A4 landscape sheet) followed by every answer."""
    words = wording_for(session.meta.language or bank.language)
    meta = session.meta
    title = f"{one_line(meta.title)} — {one_line(meta.profile)}"
    blocks = "\n".join(_block_section(session, bank, block, words)
                       for block in bank.ordered_blocks)
    return (f'<!DOCTYPE html>\n<html lang="{_e(bank.language)}">\n<head>\n'
            f'<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_e(title)}</title>\n<style>\n{_css()}</style>\n</head>\n<body>\n"
            f"{_canvas_page(session, bank, words)}\n"
            f'<section class="answers">\n<h2>{_e(words.answers_heading)}</h2>\n'
            f"{_facts(session, bank, words)}\n{_progress_table(session, bank, words)}\n"
            f"{blocks}\n{_removed(session, bank, words)}\n"
            f"{_open_questions(session, bank, words)}\n</section>\n</body>\n</html>\n")

"""A comparison of 2 to 8 sessions as one self-contained HTML page, printed in A4 landscape.

Each block is a table: a row per question, a column per profile. An answer every session
gives alike is shown once across the columns; rows whose answers differ are marked. Words
are escaped by this format's one escaper, as in the session HTML, and worded in the
sessions' language. No script, no request leaves the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from importlib import resources

from slbmc_tui.domain.bank import QuestionBank
from slbmc_tui.domain.compare import Cell, Comparison, PromptComparison, compare_sessions
from slbmc_tui.domain.session import Session
from slbmc_tui.export.audience import WORKING, Audience
from slbmc_tui.export.compare_markdown import block_summary, for_audience, session_facts, status
from slbmc_tui.export.content import normalized_text, one_line
from slbmc_tui.export.html import CSP, FLAG_MARK
from slbmc_tui.export.wording import Wording, wording_for


def _e(text: str) -> str:
    """The one escaper of this format (the session HTML's): what was typed shows literally."""
    return escape(text, quote=True)


def _css() -> str:
    return resources.files("slbmc_tui.export").joinpath("compare.css").read_text("utf-8")


def _cell(cell: Cell, words: Wording, bank: QuestionBank, span: int = 1) -> str:
    """One answer; `span` > 1 is the one answer all sessions gave alike."""
    colspan = f' colspan="{span}"' if span > 1 else ""
    if not cell.answered:
        return f'<td class="answer empty"{colspan}>{_e(words.no_answer)}</td>'
    parts = [f'<span class="same-label">{_e(words.same_in_all)}</span> '] if span > 1 else []
    if cell.needs_research:
        parts.append(f'<span class="flag-mark" title="{_e(bank.labels.needs_research)}">'
                     f"{FLAG_MARK}</span> ")
    if cell.options:
        parts.append(f'<span class="picked">{_e("; ".join(one_line(o) for o in cell.options))}'
                     "</span>")
        if cell.text.strip():
            parts.append("\n")
    if cell.text.strip():
        parts.append(_e(normalized_text(cell.text).strip("\n")))
    kind = "answer same" if span > 1 else "answer"
    return f'<td class="{kind}"{colspan}>{"".join(parts)}</td>'


def _row(row: PromptComparison, words: Wording, bank: QuestionBank) -> str:
    marks = status(row, words)
    classes = ["prompt"]
    if row.differs and row.answered_count:
        classes.append("differs")
    note = f'<p class="mark">{_e(marks)}</p>' if marks else ""
    if row.foreign:
        note += f'<p class="mark">{_e(words.not_in_bank)}</p>'
    head = f'<th scope="row">{_e(one_line(row.prompt.text))}{note}</th>'
    if row.same_in_all:
        merged = Cell(row.cells[0].text, row.cells[0].options,
                      any(c.needs_research for c in row.cells), True)
        body = _cell(merged, words, bank, len(row.cells))
    else:
        body = "".join(_cell(cell, words, bank) for cell in row.cells)
    return f'<tr class="{" ".join(classes)}">{head}{body}</tr>'


def comparison_to_html(comparison: Comparison, audience: Audience = WORKING) -> str:
    """A built comparison as an HTML document; see `compare_to_html`."""
    comparison = for_audience(comparison, audience)
    bank = comparison.bank
    words = wording_for(bank.language)
    count = len(comparison.sessions)
    columns = "".join(f'<th scope="col">{_e(label)}</th>' for label in comparison.labels)
    people = "".join(
        f"<li><strong>{_e(label)}</strong>: "
        f"{_e(', '.join(session_facts(session, words, audience)))}</li>"
        for label, session in zip(comparison.labels, comparison.sessions, strict=True))
    banks = (f'<p class="banks">{_e(words.other_bank.format(banks=", ".join(comparison.bank_ids)))}'
             "</p>" if comparison.bank_ids else "")
    flag_key = (f' · <span class="flag-mark">{FLAG_MARK}</span> '
                f"{_e(bank.labels.needs_research)}" if audience.flags else "")
    sections = []
    for index, block in enumerate(comparison.blocks):
        summary = block_summary(comparison, index, words)
        rows = []
        for group in block.perspectives:
            rows.append(f'<tr class="perspective {group.perspective}"><th colspan="{count + 1}">'
                        f"{_e(group.label)}</th></tr>")
            rows += [_row(row, words, bank) for row in group.prompts]
        sections.append(
            f'<section class="block zone-{_e(block.block.zone)}">'
            f"<h2>{block.block.number}. {_e(one_line(block.block.title))}</h2>"
            + (f'<p class="summary">{_e(summary)}</p>' if summary else "")
            + f'<table class="compare cols-{count}"><colgroup><col class="prompt-col">'
            + '<col class="answer-col">' * count + "</colgroup>"
            + f'<thead><tr><th></th>{columns}</tr></thead><tbody>{"".join(rows)}</tbody>'
            "</table></section>")
    title = f"{words.comparison}: {comparison.title}"
    return (f'<!DOCTYPE html>\n<html lang="{_e(bank.language)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_e(title)}</title>\n<style>\n{_css()}</style>\n</head>\n<body>\n"
            f'<header class="doc-head"><h1>{_e(title)}</h1>'
            f'<p class="intro">{_e(words.compared.format(count=count))}</p>{banks}'
            f'<ul class="sessions">{people}</ul>'
            f'<p class="key"><span class="differs-key"></span>{_e(words.differs)}{flag_key}</p>'
            f"</header>\n{''.join(sections)}\n</body>\n</html>\n")


def compare_to_html(sessions: Sequence[Session], bank: QuestionBank,
                    banks: Sequence[QuestionBank | None] | None = None,
                    audience: Audience = WORKING) -> str:
    """The comparison of these sessions (all blocks) as a printable HTML document."""
    words = wording_for(bank.language)
    return comparison_to_html(compare_sessions(sessions, bank, banks, words.round_of), audience)

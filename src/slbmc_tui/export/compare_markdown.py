"""The comparison of several sessions as one Markdown document (`slbmc compare --format md`).

Answers are long free text, so each prompt lists the sessions one under another rather
than squeezing them into table cells; an answer all sessions share is shown once. The
user's words go through the session Markdown's escaper (`markdown.escape_line`), so they
can never become a heading, a list, a link, a code span or raw HTML, and the document is
worded in the sessions' language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from slbmc_tui.domain.bank import QuestionBank
from slbmc_tui.domain.compare import Cell, Comparison, PromptComparison, compare_sessions
from slbmc_tui.domain.session import Session
from slbmc_tui.export.audience import WORKING, Audience
from slbmc_tui.export.content import answer_lines, one_line, without_blank_edges
from slbmc_tui.export.markdown import escape_inline, escape_line
from slbmc_tui.export.wording import Wording, format_date, format_time, wording_for


def escape_block(text: str, indent: str) -> list[str]:
    """Multi-line user text as literal Markdown lines, line breaks kept, each line indented.

    A line followed by another ends in a backslash, CommonMark's hard line break.
    """
    lines = without_blank_edges([escape_line(line) for line in answer_lines(text)])
    out: list[str] = []
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if line and following:
            line += "\\"
        out.append(f"{indent}{line}" if line else "")
    return out


def status(row: PromptComparison, words: Wording) -> str:
    """The marks of a prompt: answered only in some sessions, answers that differ."""
    marks = []
    if row.partial:
        marks.append(words.answered_in.format(answered=row.answered_count, total=len(row.cells)))
    if row.differs and row.answered_count:
        marks.append(words.differs)
    return "; ".join(marks)


def _cell_lines(cell: Cell) -> list[str]:
    lines = []
    if cell.options:
        lines += ["  ☑ " + ", ".join(escape_inline(one_line(o)) for o in cell.options), ""]
    return [*lines, *escape_block(cell.text, "  "), ""]


def _prompt_lines(row: PromptComparison, labels: Sequence[str], bank: QuestionBank,
                  words: Wording) -> list[str]:
    lines = [f"#### {escape_inline(one_line(row.prompt.text), heading=True)}", ""]
    if row.foreign:
        lines += [f"_{escape_inline(words.not_in_bank)}_", ""]
    marks = status(row, words)
    if marks:
        lines += [f"*({escape_inline(marks)})*", ""]
    if row.same_in_all:
        flagged = ", ".join(escape_inline(label) for label, cell
                            in zip(labels, row.cells, strict=True) if cell.needs_research)
        head = f"- **{escape_inline(words.same_in_all)}**"
        if flagged:
            head += f" ⚑ *{escape_inline(bank.labels.needs_research)}: {flagged}*"
        return [*lines, f"{head}:", *_cell_lines(row.cells[0])]
    for label, cell in zip(labels, row.cells, strict=True):
        head = f"- **{escape_inline(label)}**"
        if cell.needs_research:
            head += f" ⚑ *{escape_inline(bank.labels.needs_research)}*"
        if not cell.answered:
            lines.append(f"{head}: *{escape_inline(words.no_answer)}*")
            continue
        lines.append(f"{head}:")
        lines += _cell_lines(cell)
    if lines[-1] != "":
        lines.append("")
    return lines


def session_facts(session: Session, words: Wording,
                  audience: Audience = WORKING) -> list[str]:
    """What the session list says about each session, in the document's language."""
    meta = session.meta
    facts = []
    if meta.client.strip():
        facts.append(f"{words.client}: {one_line(meta.client)}")
    if meta.interviewer.strip() and not audience.is_client:
        facts.append(f"{words.interviewer}: {one_line(meta.interviewer)}")
    if audience.counts:
        facts.append(words.answered_of.format(answered=meta.answered, total=meta.total))
    facts.append(f"{words.date}: {format_date(meta.updated, words)}" if audience.is_client
                 else f"{words.updated}: {format_time(meta.updated, words)}")
    return facts


def for_audience(comparison: Comparison, audience: Audience) -> Comparison:
    """The comparison as this audience reads it: the client's has no research flags (unless
    asked for) and no question nobody answered; the working copy is the whole comparison."""
    if audience.empty and audience.flags:
        return comparison
    blocks = []
    for block in comparison.blocks:
        groups = []
        for group in block.perspectives:
            rows = tuple(
                replace(row, cells=tuple(replace(cell, needs_research=cell.needs_research
                                                 and audience.flags) for cell in row.cells))
                for row in group.prompts if audience.empty or row.answered_count)
            if rows:
                groups.append(replace(group, prompts=rows))
        if groups:
            blocks.append(replace(block, perspectives=tuple(groups)))
    return replace(comparison, blocks=tuple(blocks))


def block_summary(comparison: Comparison, index: int, words: Wording) -> str:
    block = comparison.blocks[index]
    summary = []
    if block.differing_count:
        summary.append(words.prompts_differ.format(count=block.differing_count))
    if block.partial_count:
        summary.append(words.answered_only_in_some.format(count=block.partial_count))
    return "; ".join(summary)


def comparison_to_markdown(comparison: Comparison, audience: Audience = WORKING) -> str:
    """A built comparison as Markdown; see `compare_to_markdown`."""
    comparison = for_audience(comparison, audience)
    bank = comparison.bank
    words = wording_for(bank.language)
    lines = [f"# {escape_inline(words.comparison, heading=True)}: "
             f"{escape_inline(comparison.title, heading=True)}", "",
             escape_inline(words.compared.format(count=len(comparison.sessions))), ""]
    if comparison.bank_ids:
        banks = words.other_bank.format(banks=", ".join(comparison.bank_ids))
        lines += [f"**{escape_inline(banks)}**", ""]
    for label, session in zip(comparison.labels, comparison.sessions, strict=True):
        facts = ", ".join(escape_inline(fact)
                          for fact in session_facts(session, words, audience))
        lines.append(f"- **{escape_inline(label)}**: {facts}")
    lines.append("")
    for index, block in enumerate(comparison.blocks):
        lines += [f"## {block.block.number}. "
                  f"{escape_inline(one_line(block.block.title), heading=True)}", ""]
        summary = block_summary(comparison, index, words)
        if summary:
            lines += [f"*{escape_inline(summary)}*", ""]
        for group in block.perspectives:
            lines += [f"### {escape_inline(group.label, heading=True)}", ""]
            for row in group.prompts:
                lines += _prompt_lines(row, comparison.labels, bank, words)
    return "\n".join(lines).rstrip("\n") + "\n"


def compare_to_markdown(sessions: Sequence[Session], bank: QuestionBank,
                        banks: Sequence[QuestionBank | None] | None = None,
                        audience: Audience = WORKING) -> str:
    """The whole comparison of these sessions (all blocks) as a Markdown document."""
    words = wording_for(bank.language)
    return comparison_to_markdown(compare_sessions(sessions, bank, banks, words.round_of),
                                  audience)

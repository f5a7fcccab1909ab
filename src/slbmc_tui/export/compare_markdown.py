"""The comparison of several sessions as one Markdown document (`slbmc compare --markdown`).

Answers are long free text, so each prompt lists the sessions one under another rather
than squeezing them into table cells. Everything a user typed is escaped: it can never
become a heading, a list, a link, a code span or raw HTML in the rendered document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from slbmc_tui.domain.bank import QuestionBank
from slbmc_tui.domain.compare import Comparison, PromptComparison, compare_sessions
from slbmc_tui.domain.session import Session
from slbmc_tui.export.content import without_blank_edges

# Characters with inline meaning in CommonMark/GFM, escaped wherever they appear.
_INLINE = re.compile(r"([\\`*_\[\]|~#])")
# Markers that start a list, a heading underline or a block only at the start of a line.
_LINE_START = re.compile(r"^(\d{1,9})([.)])|^([-+=])")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def escape_inline(text: str) -> str:
    """One line of user text made literal: Markdown punctuation escaped, HTML neutralised."""
    escaped = _INLINE.sub(r"\\\1", text.replace("\r", " ").replace("\n", " "))
    return "".join(_ENTITIES.get(ch, ch) for ch in escaped)


def _escape_line_start(line: str) -> str:
    return _LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", line)


def escape_block(text: str, indent: str) -> list[str]:
    """Multi-line user text as literal Markdown lines, line breaks kept, each line indented.

    Leading spaces would turn a line into code, so they become no-break spaces; a line
    followed by another ends in a backslash, CommonMark's hard line break.
    """
    lines = without_blank_edges(
        [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")])
    out: list[str] = []
    for index, line in enumerate(lines):
        stripped = line.lstrip(" \t")
        lead = line[: len(line) - len(stripped)].replace("\t", "    ")
        body = "&nbsp;" * len(lead) + _escape_line_start(escape_inline(stripped))
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if body and following:
            body += "\\"
        out.append(f"{indent}{body}" if body else "")
    return out


def _status(row: PromptComparison) -> str:
    marks = []
    if row.partial:
        marks.append(f"answered in {row.answered_count} of {len(row.cells)}")
    if row.differs and row.answered_count:
        marks.append("answers differ")
    return f"*({'; '.join(marks)})*" if marks else ""


def _prompt_lines(row: PromptComparison, labels: Sequence[str], needs_research: str) -> list[str]:
    status = _status(row)
    lines = [f"#### {escape_inline(row.prompt.text)}", ""]
    if status:
        lines += [status, ""]
    for label, cell in zip(labels, row.cells, strict=True):
        head = f"- **{escape_inline(label)}**"
        if cell.needs_research:
            head += f" ⚑ *{escape_inline(needs_research)}*"
        if not cell.answered:
            lines.append(f"{head}: *(no answer)*")
            continue
        lines.append(f"{head}:")
        if cell.options:
            ticked = ", ".join(escape_inline(o) for o in cell.options)
            lines.append(f"  ☑ {ticked}")
            lines.append("")
        lines.extend(escape_block(cell.text, "  "))
        lines.append("")
    if lines[-1] != "":
        lines.append("")
    return lines


def _count(number: int, singular: str, plural: str) -> str:
    return f"{number} {singular if number == 1 else plural}"


def comparison_to_markdown(comparison: Comparison) -> str:
    """A built comparison as Markdown; see `compare_to_markdown`."""
    bank = comparison.bank
    lines = [f"# Comparison: {escape_inline(comparison.title)}", "",
             f"{len(comparison.sessions)} sessions compared, blocks in the suggested order.", ""]
    for label, session in zip(comparison.labels, comparison.sessions, strict=True):
        meta = session.meta
        details = [f"{meta.answered}/{meta.total} answered",
                   f"updated {meta.updated.strftime('%Y-%m-%d %H:%M')}"]
        if meta.client:
            details.insert(0, f"client {escape_inline(meta.client)}")
        if meta.interviewer:
            details.insert(1 if meta.client else 0,
                           f"interviewer {escape_inline(meta.interviewer)}")
        lines.append(f"- **{escape_inline(label)}**: {', '.join(details)}")
    lines.append("")
    for block in comparison.blocks:
        summary = []
        if block.differing_count:
            summary.append(_count(block.differing_count, "prompt differs", "prompts differ"))
        if block.partial_count:
            summary.append(_count(block.partial_count, "prompt is", "prompts are")
                           + " answered only in some sessions")
        lines += [f"## {block.block.number}. {escape_inline(block.block.title)}", ""]
        if summary:
            lines += ["*" + "; ".join(summary) + "*", ""]
        for group in block.perspectives:
            lines += [f"### {escape_inline(group.label)}", ""]
            for row in group.prompts:
                lines += _prompt_lines(row, comparison.labels, bank.labels.needs_research)
    return "\n".join(lines).rstrip("\n") + "\n"


def compare_to_markdown(sessions: Sequence[Session], bank: QuestionBank) -> str:
    """The whole comparison of these sessions (all blocks) as a Markdown document."""
    return comparison_to_markdown(compare_sessions(sessions, bank))

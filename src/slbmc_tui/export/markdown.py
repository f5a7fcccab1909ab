"""A session as a Markdown document to hand the client after an interview.

Answers are the user's words: escaped so that whatever was typed (`#`, `|`, `*`, HTML, list
markers) shows literally when rendered, while the file still reads well as plain text. The
interviewer's lines are paragraphs; the client's own words (lines typed with `>`) are block
quotes, which paste into notes apps as quotes.
"""

from __future__ import annotations

import re
from datetime import datetime

from slbmc_tui.domain.bank import PERSPECTIVES, Block, Perspective, Prompt, QuestionBank
from slbmc_tui.domain.quotes import segments
from slbmc_tui.domain.session import Answer, Session
from slbmc_tui.export.audience import WORKING, Audience
from slbmc_tui.export.content import (
    answered_prompts,
    block_heading,
    block_reference,
    metadata_rows,
    one_line,
    option_labels,
    removed_words,
    title_rows,
    without_blank_edges,
)
from slbmc_tui.export.time_spent import block_time, kept_time, time_heading, total_time
from slbmc_tui.export.wording import Wording, format_time, wording_for

# CommonMark lets any ASCII punctuation be backslash-escaped; we escape only what can start
# markup, so ordinary text (R&D, snake_case, "a -> b") stays readable as plain text.
_ALWAYS = re.compile(r"[\\`*\[\]<|~]")
_HEADING_EXTRA = re.compile(r"#")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_LINE_START = re.compile(r"^(?:[#>+=\-]|\d+(?=[.)]))")
_INDENT = re.compile(r"^[ \t]+")
_NBSP = "\u00a0"


def _escape_underscore(text: str) -> str:
    """Escape `_` unless it sits inside a word, where it cannot start emphasis."""
    out: list[str] = []
    for index, char in enumerate(text):
        if char == "_":
            before = text[index - 1] if index else ""
            after = text[index + 1] if index + 1 < len(text) else ""
            if not (before.isalnum() and after.isalnum()):
                out.append("\\")
        out.append(char)
    return "".join(out)


def escape_inline(text: str, *, heading: bool = False) -> str:
    """One line of the user's (or the bank's) text, safe inside a paragraph or heading."""
    text = _ALWAYS.sub(lambda m: "\\" + m.group(0), text)
    text = _ENTITY.sub(r"\\&", text)
    if heading:
        text = _HEADING_EXTRA.sub(r"\\#", text)
    return _escape_underscore(text)


def escape_line(line: str) -> str:
    """A line that starts a Markdown line: also defuse headings, quotes, lists and indentation."""
    line = line.rstrip()
    indent = _INDENT.match(line)
    lead = ""
    if indent:
        # Spaces would make an indented code block; no-break spaces keep the look, not the code.
        lead = _NBSP * len(indent.group(0).expandtabs(4))
        line = line[indent.end():]
    escaped = escape_inline(line)
    start = _LINE_START.match(escaped)
    if start:
        # A list number is defused by escaping the "." or ")" after it; anything else by itself.
        cut = start.end() if escaped[:1].isdigit() else 0
        escaped = escaped[:cut] + "\\" + escaped[cut:]
    return lead + escaped


def quote(text: str) -> list[str]:
    """An answer: the interviewer's lines as paragraphs, the client's words (`>` lines, see
    `domain.quotes`) as block quotes; line breaks kept as hard breaks, escaped exactly."""
    out: list[str] = []
    for segment in segments(text):
        lines = without_blank_edges([escape_line(line) for line in segment.lines])
        if not lines:
            continue
        if out:
            out.append("")
        mark = "> " if segment.kind == "quote" else ""
        for index, line in enumerate(lines):
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if not line:
                out.append(mark.rstrip())
            else:
                out.append(f"{mark}{line}\\" if following else f"{mark}{line}")
    return out


def _answer_body(prompt: Prompt | None, answer: Answer | None, bank: QuestionBank,
                 words: Wording, audience: Audience = WORKING) -> list[str]:
    lines: list[str] = []
    text = answer.text if answer else ""
    if text.strip():
        lines += [*quote(text), ""]
    elif not (answer and answer.options):
        lines += [f"_{escape_inline(words.no_answer)}_", ""]
    if answer and answer.options:
        labels = option_labels(prompt, answer, words.removed_option)
        lines += [f"**{escape_inline(words.selected)}:** "
                  + "; ".join(escape_inline(one_line(label)) for label in labels), ""]
    if answer and answer.needs_research and audience.flags:
        lines += [f"**⚑ {escape_inline(bank.labels.needs_research)}**", ""]
    return lines


def _metadata(session: Session, bank: QuestionBank, words: Wording,
              now: datetime | None) -> list[str]:
    rows = metadata_rows(session, bank, words)
    if now is not None:
        rows.append((words.exported, format_time(now, words)))
    return [f"- **{escape_inline(label)}:** {escape_inline(one_line(value))}"
            for label, value in rows if value.strip()]


def _progress(session: Session, bank: QuestionBank, words: Wording) -> list[str]:
    answered, total = session.progress(bank)
    lines = [f"## {escape_inline(words.progress, heading=True)}", "",
             f"**{escape_inline(words.overall)}:** "
             + words.answered_of.format(answered=answered, total=total), "",
             f"| # | {escape_inline(words.block)} | {escape_inline(words.answered)} |",
             "|---:|---|---:|"]
    timed = kept_time(session)  # the time per block, when the interview kept it
    if timed:
        lines[-2] += f" {escape_inline(time_heading(session.meta.language))} |"
        lines[-1] += "---:|"
    for block in bank.ordered_blocks:
        done, count = session.block_progress(block)
        spent = f" {block_time(session, block.id)} |" if timed else ""
        lines.append(f"| {block.number} | {escape_inline(one_line(block.title))} "
                     f"| {done}/{count} |{spent}")
    if timed:
        lines.append(f"| | {escape_inline(words.overall)} | | {total_time(session)} |")
    return [*lines, ""]


def _block(session: Session, bank: QuestionBank, block: Block, words: Wording,
           audience: Audience = WORKING) -> list[str]:
    shown = answered_prompts(session, block, audience)
    record = session.blocks.get(block.id)
    notes = record.notes if record and audience.notes else ""
    if not any(shown.values()) and not notes.strip():
        return []
    lines = [f"## {escape_inline(block_heading(block), heading=True)}", ""]
    if audience.counts:
        done, count = session.block_progress(block)
        lines += [f"_{escape_inline(words.answered_of.format(answered=done, total=count))}_", ""]
    for perspective in PERSPECTIVES:
        if not shown[perspective]:
            continue
        lines += [f"### {escape_inline(bank.perspective_label(perspective), heading=True)}", ""]
        for prompt in shown[perspective]:
            lines += [f"#### {escape_inline(one_line(prompt.text), heading=True)}", ""]
            lines += _answer_body(prompt, session.peek(block.id, perspective, prompt.id),
                                  bank, words, audience)
    if notes.strip():
        lines += [f"### {escape_inline(bank.labels.notes, heading=True)}", "",
                  *quote(notes), ""]
    return lines


def _where(block_title: str, perspective: Perspective, bank: QuestionBank) -> str:
    return f"{block_title} · {bank.perspective_label(perspective)}"


def _orphans(session: Session, bank: QuestionBank, words: Wording,
             audience: Audience = WORKING) -> list[str]:
    orphans = [o for o in session.orphans(bank) if audience.empty or o.answer.is_answered]
    if not orphans:
        return []
    heading, intro = removed_words(words, audience)
    lines = [f"## {escape_inline(heading, heading=True)}", ""]
    if intro:
        lines += [escape_inline(intro), ""]
    for orphan in orphans:
        place = (block_heading(orphan.block) if orphan.block
                 else f"{orphan.block_id} ({words.removed_block})")
        title = f"{_where(place, orphan.perspective, bank)} · {orphan.prompt_id}"
        lines += [f"### {escape_inline(one_line(title), heading=True)}", ""]
        lines += _answer_body(None, orphan.answer, bank, words, audience)
    return lines


def _open_questions(session: Session, bank: QuestionBank, words: Wording) -> list[str]:
    lines = [f"## {escape_inline(words.open_heading, heading=True)}", "",
             escape_inline(words.open_intro), ""]
    entries = session.open_questions(bank)
    if not entries:
        return [*lines, f"_{escape_inline(words.open_none)}_", ""]
    for number, entry in enumerate(entries, start=1):
        where = _where(block_reference(entry.block, words.block), entry.perspective, bank)
        lines += [f"**{number}. {escape_inline(where)}**\\",
                  escape_inline(one_line(entry.prompt.text)), ""]
        text = entry.answer.text if entry.answer else ""
        lines += [*quote(text), ""] if text.strip() else [f"_{escape_inline(words.no_answer)}_", ""]
    return lines


def session_to_markdown(session: Session, bank: QuestionBank, *,
                        now: datetime | None = None, audience: Audience = WORKING) -> str:
    """The whole canvas as Markdown: metadata, progress, every answer, open questions.

    The client version has a title block instead of the metadata, and no progress, notes,
    flags (unless asked for) or unanswered questions.
    """
    words = wording_for(session.meta.language or bank.language)
    meta = session.meta
    if audience.is_client:
        lines = [f"# {escape_inline(one_line(meta.title), heading=True)}", "",
                 *[f"- **{escape_inline(label)}:** {escape_inline(one_line(value))}"
                   for label, value in title_rows(session, words) if value.strip()], ""]
    else:
        title = f"{one_line(meta.title)} — {one_line(meta.profile)}"
        lines = [f"# {escape_inline(title, heading=True)}", "",
                 *_metadata(session, bank, words, now), "",
                 *_progress(session, bank, words)]
    for block in bank.ordered_blocks:
        lines += _block(session, bank, block, words, audience)
    lines += _orphans(session, bank, words, audience)
    if audience.flags:
        lines += _open_questions(session, bank, words)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"

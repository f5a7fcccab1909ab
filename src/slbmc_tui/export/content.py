"""What every export shows, independent of the format it is written in."""

from __future__ import annotations

import re

from slbmc_tui.domain.bank import Block, Prompt, QuestionBank
from slbmc_tui.domain.session import Answer, Session
from slbmc_tui.export.wording import Wording, format_time

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def answer_lines(text: str) -> list[str]:
    """The text's lines, with any line-ending convention (a paste from Windows is common)."""
    return _LINE_BREAK.split(text)


def normalized_text(text: str) -> str:
    """The text with every line ending as a plain newline."""
    return "\n".join(answer_lines(text))


def one_line(text: str) -> str:
    """Metadata, titles and prompts are shown on one line."""
    return " ".join(text.split())


def block_heading(block: Block) -> str:
    """A block as its section is headed: "2. Value proposition"."""
    return f"{block.number}. {one_line(block.title)}"


def metadata_rows(session: Session, bank: QuestionBank, words: Wording) -> list[tuple[str, str]]:
    """The session's facts as (label, value) pairs, in the order every export lists them."""
    meta = session.meta
    return [(words.profile, meta.profile), (words.client, meta.client),
            (words.interviewer, meta.interviewer), (words.round, str(meta.round)),
            (words.bank, f"{bank.title} ({bank.id}, {bank.language})"),
            (words.created, format_time(meta.created)),
            (words.updated, format_time(meta.updated))]


def without_blank_edges(lines: list[str]) -> list[str]:
    """The lines without empty ones at the start and the end (blank lines inside stay)."""
    start, end = 0, len(lines)
    while end > start and not lines[end - 1]:
        end -= 1
    while start < end and not lines[start]:
        start += 1
    return lines[start:end]


def option_labels(prompt: Prompt | None, answer: Answer, removed: str) -> list[str]:
    """The ticked options as the bank labels them; an option the bank lost keeps its id."""
    labels = {option.id: option.label for option in prompt.options} if prompt else {}
    return [labels.get(option_id, f"{option_id} ({removed})") for option_id in answer.options]


def excerpt(text: str, limit: int) -> str:
    """The start of a text on one line, cut at a word boundary with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: max(limit - 1, 1)]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + "…"


def block_reference(block: Block, block_word: str) -> str:
    """How a numbered list names a block without a second number in front ("Block 2: ...")."""
    return f"{block_word} {block.number}: {' '.join(block.title.split())}"

"""What every export shows, independent of the format it is written in."""

from __future__ import annotations

import re

from slbmc_tui.domain.bank import PERSPECTIVES, Block, Perspective, Prompt, QuestionBank
from slbmc_tui.domain.session import Answer, Session
from slbmc_tui.export.audience import Audience
from slbmc_tui.export.wording import Wording, format_date, format_time

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
            (words.created, format_time(meta.created, words)),
            (words.updated, format_time(meta.updated, words))]


def title_rows(session: Session, words: Wording) -> list[tuple[str, str]]:
    """The client version's title block: client, profile, date in the document's language, round."""
    meta = session.meta
    return [(words.client, meta.client), (words.profile, meta.profile),
            (words.date, format_date(meta.updated, words)), (words.round, str(meta.round))]


def removed_words(words: Wording, audience: Audience) -> tuple[str, str]:
    """Heading and introduction of the answers to removed questions: the client's version
    calls them other answers, without the bank's housekeeping."""
    if audience.is_client:
        return words.other_answers, ""
    return words.removed_heading, words.removed_intro


def answered_prompts(session: Session, block: Block,
                     audience: Audience) -> dict[Perspective, list[Prompt]]:
    """The block's prompts a document lists: all for the working copy, the answered ones else."""
    shown: dict[Perspective, list[Prompt]] = {}
    for perspective in PERSPECTIVES:
        prompts = list(block.prompts(perspective))
        if not audience.empty:
            prompts = [p for p in prompts
                       if (a := session.peek(block.id, perspective, p.id)) and a.is_answered]
        shown[perspective] = prompts
    return shown


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

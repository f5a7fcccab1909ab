"""What every export shows, independent of the format it is written in."""

from __future__ import annotations

import re

from slbmc_tui.domain.bank import Block, Prompt
from slbmc_tui.domain.session import Answer

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def answer_lines(text: str) -> list[str]:
    """The text's lines, with any line-ending convention (a paste from Windows is common)."""
    return _LINE_BREAK.split(text)


def normalized_text(text: str) -> str:
    """The text with every line ending as a plain newline."""
    return "\n".join(answer_lines(text))


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

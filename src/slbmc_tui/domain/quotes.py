"""The client's own words: a line whose first non-blank character is `>` quotes the client.

Everything else in an answer is the interviewer's interpretation. Consecutive quote lines
form one quote; a `>` line with nothing after it keeps a blank line inside the quote. The
`>` and one space after it are the mark, not the words (`> "We never call back"` quotes
`"We never call back"`). Every export and the editor's highlighting read answers through
`segments`, so the convention is defined once.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

SegmentKind = Literal["said", "quote"]

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_QUOTE_MARK = re.compile(r"^[ \t]*> ?")


class Segment(NamedTuple):
    """Consecutive lines of one kind: the interviewer's ("said") or the client's ("quote")."""

    kind: SegmentKind
    lines: tuple[str, ...]
    """The lines' words, without the quote mark."""


def is_quote_line(line: str) -> bool:
    return _QUOTE_MARK.match(line) is not None


def quote_words(line: str) -> str:
    """A quote line's words, without its mark (a line that is no quote is returned as is)."""
    mark = _QUOTE_MARK.match(line)
    return line[mark.end():] if mark else line


def segments(text: str) -> list[Segment]:
    """The text's lines grouped into interpretation and quotes, in order (any line ending)."""
    found: list[Segment] = []
    for line in _LINE_BREAK.split(text):
        kind: SegmentKind = "quote" if is_quote_line(line) else "said"
        words = quote_words(line)
        if found and found[-1].kind == kind:
            found[-1] = Segment(kind, (*found[-1].lines, words))
        else:
            found.append(Segment(kind, (words,)))
    return found


def has_quote(text: str) -> bool:
    return any(is_quote_line(line) for line in _LINE_BREAK.split(text))


def toggle_quote(lines: list[str]) -> list[str]:
    """A paragraph's lines marked as the client's words, or unmarked when all of them are."""
    if lines and all(is_quote_line(line) or not line.strip() for line in lines) \
            and any(is_quote_line(line) for line in lines):
        return [quote_words(line) for line in lines]
    return [line if is_quote_line(line) else f"> {line}" if line else ">" for line in lines]

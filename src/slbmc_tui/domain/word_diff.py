"""What changed between two versions of an answer, word by word.

Text is cut into words and the whitespace between them, and `difflib.SequenceMatcher`
lines the two up. Each piece is kept (same in both), removed (only in the old text) or
added (only in the new); the old text is the kept and removed pieces in order, the new text
the kept and added ones, character for character.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Literal, NamedTuple

PieceKind = Literal["same", "removed", "added"]

_TOKEN = re.compile(r"\s+|[^\s]+")
MAX_TOKENS = 20_000
"""Beyond this many words and spaces per side the texts are compared as whole blocks: a
word diff of two book-length pastes would hold the interface for seconds."""


class Piece(NamedTuple):
    kind: PieceKind
    text: str


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def word_diff(old: str, new: str) -> list[Piece]:
    """The pieces that turn `old` into `new`; neighbouring pieces of one kind are joined."""
    if old == new:
        return [Piece("same", old)] if old else []
    a, b = tokens(old), tokens(new)
    if len(a) > MAX_TOKENS or len(b) > MAX_TOKENS:
        return _joined([Piece("removed", old), Piece("added", new)])
    pieces: list[Piece] = []
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(Piece("same", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(Piece("removed", "".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(Piece("added", "".join(b[j1:j2])))
    return _joined(pieces)


def _joined(pieces: list[Piece]) -> list[Piece]:
    out: list[Piece] = []
    for piece in pieces:
        if not piece.text:
            continue
        if out and out[-1].kind == piece.kind:
            out[-1] = Piece(piece.kind, out[-1].text + piece.text)
        else:
            out.append(piece)
    return out


def old_text(pieces: list[Piece]) -> str:
    return "".join(p.text for p in pieces if p.kind != "added")


def new_text(pieces: list[Piece]) -> str:
    return "".join(p.text for p in pieces if p.kind != "removed")

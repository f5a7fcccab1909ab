"""One definition of "English left on a Finnish screen", for every test that looks for it.

The English phrases are the catalogue's own: every msgid (singular and plural) cut at its
`{placeholders}`, `%(placeholders)s` and line breaks, each piece trimmed of punctuation and
kept when it has two words or more with letters in them (or two runs of letters: "Wrap-up").
A phrase is left out when Finnish says it the same way (the translation equals the msgid, or
contains the piece verbatim: a key name such as "Ctrl+Q", a format such as "Markdown (.md)").
Data (answers, titles, bank text) is never in the catalogue, so it never counts.

Text is compared with its whitespace flattened, so a phrase wrapped over two screen lines
is still found.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from babel.messages.pofile import read_po
from textual.app import App
from textual.pilot import Pilot

from slbmc_tui import i18n

CATALOGUE = i18n.LOCALE_DIR / "fi" / "LC_MESSAGES" / "slbmc.po"
_PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%\([a-z_]+\)[sdr]|%[sdr]")
_LETTERS = re.compile(r"[^\W\d_]{2,}")
_TRIM = " \t.,:;·()“”\"'`…-–—"


def _two_words(piece: str) -> bool:
    """Two words with letters ("a session"), or two runs of letters ("Follow-up", "true/false")."""
    words = [word for word in piece.split() if any(c.isalpha() for c in word)]
    return len(words) > 1 or len(_LETTERS.findall(piece)) > 1


def _pieces(msgid: str) -> list[str]:
    """The literal runs of a message between its placeholders and line breaks."""
    pieces = []
    for part in _PLACEHOLDER.split(msgid):
        for line in part.split("\n"):
            piece = " ".join(line.split()).strip(_TRIM)
            if _two_words(piece):
                pieces.append(piece)
    return pieces


@cache
def english_phrases() -> frozenset[str]:
    """The catalogue's English phrases of two words or more that Finnish words differently."""
    with CATALOGUE.open("rb") as handle:
        catalogue = read_po(handle)
    phrases: set[str] = set()
    for message in catalogue:
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = ([message.string] if isinstance(message.string, str)
                   else list(message.string or ()))
        translated = " ".join(" ".join(str(s).split()) for s in strings)
        for msgid in ids:
            if msgid in strings:
                continue  # Finnish says it the same way
            phrases.update(piece for piece in _pieces(str(msgid)) if piece not in translated)
    return frozenset(phrases)


def english_in(text: str) -> list[str]:
    """The English phrases that `text` shows, sorted (empty when it is all Finnish)."""
    flat = " ".join(text.split())
    return sorted(phrase for phrase in english_phrases() if phrase in flat)


def assert_no_english(text: str) -> None:
    found = english_in(text)
    assert not found, f"English left in Finnish text: {found}\n{text}"


def shown_text(app: App[Any]) -> str:
    """What the terminal shows of the top screen (notifications included), one line a row."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


def english_on_screen(pilot: Pilot[Any]) -> list[str]:
    """The English phrases the pilot's app draws right now."""
    return english_in(shown_text(pilot.app))

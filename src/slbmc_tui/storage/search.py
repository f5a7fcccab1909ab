"""Find a phrase in every answer and note of every session in a folder.

Used by `slbmc search PHRASE` and the app's search screen (which shows hits as they come).
Most files do not contain the phrase at all, so each file's raw text is checked first and
only a file that may match is parsed: 1,000 sessions are searched in well under a second
(bench/bench_search.py). No Textual; safe to call from worker threads.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from slbmc_tui.domain.bank import PERSPECTIVES, Perspective
from slbmc_tui.domain.errors import SlbmcFileError
from slbmc_tui.domain.session import Position, Session, SessionMeta
from slbmc_tui.storage import toml_format
from slbmc_tui.storage.store import SessionStore

NOTES = ":notes"
"""The prompt id a hit in a block's notes carries (as `Position.prompt` does)."""
CONTEXT = 40
"""Characters shown either side of the phrase in a hit's excerpt."""
# What TOML may write escaped (quotes, backslashes, control characters): never pre-checked.
_ESCAPED = re.compile(r'["\\\x00-\x1f\x7f]')


class Hit(NamedTuple):
    """One answer (or notes field) that contains the phrase."""

    path: Path
    meta: SessionMeta
    block_id: str
    perspective: Perspective
    prompt_id: str
    excerpt: str

    @property
    def position(self) -> Position:
        """Where the interview opens to show this answer."""
        return Position(block=self.block_id, perspective=self.perspective, prompt=self.prompt_id)


def folded(text: str) -> str:
    """Text as search compares it: case and runs of white space ignored."""
    return " ".join(text.split()).casefold()


def search(store: SessionStore, phrase: str) -> Iterator[Hit]:
    """Every hit of `phrase` in the folder's sessions, file by file (unreadable files skipped)."""
    wanted = folded(phrase)
    if not wanted:
        return
    probe = _probe(wanted)
    for path in store.session_paths():
        try:
            text = store.read_text(path)
        except SlbmcFileError:
            continue
        if probe not in text.casefold():
            continue
        try:
            session = toml_format.parse_session(text, path)
        except SlbmcFileError:
            continue
        yield from hits_in(session, path, wanted)


def _probe(wanted: str) -> str:
    """The longest piece of the phrase a file must contain as written (never escaped)."""
    pieces = [p for word in wanted.split(" ") for p in _ESCAPED.split(word)]
    return max(pieces, key=len, default="")


def hits_in(session: Session, path: Path, wanted: str) -> Iterator[Hit]:
    """The hits in one session, block by block as the file lists them."""
    meta = session.meta
    for block_id, record in session.blocks.items():
        for perspective in PERSPECTIVES:
            for prompt_id, answer in record.answers(perspective).items():
                excerpt = _excerpt(answer.text, wanted) or _excerpt(
                    " · ".join(answer.options), wanted)
                if excerpt:
                    yield Hit(path, meta, block_id, perspective, prompt_id, excerpt)
        if excerpt := _excerpt(record.notes, wanted):
            yield Hit(path, meta, block_id, "ours", NOTES, excerpt)


def _excerpt(text: str, wanted: str) -> str:
    """The phrase with some text either side, on one line; "" when it is not there."""
    line = " ".join(text.split())
    at = line.casefold().find(wanted)
    if at < 0:
        return ""
    start, end = max(at - CONTEXT, 0), min(at + len(wanted) + CONTEXT, len(line))
    return ("…" if start else "") + line[start:end] + ("…" if end < len(line) else "")

"""Custom messages shared between screens, gathered in one place."""

from __future__ import annotations

from pathlib import Path

from textual.message import Message

from slbmc_tui.domain.session import Position


class OpenSessionRequested(Message):
    """Open this session in the interview screen, optionally at a prompt (app handles it)."""

    def __init__(self, path: Path, position: Position | None = None,
                 read_only: bool = False) -> None:
        super().__init__()
        self.path = path
        self.position = position
        self.read_only = read_only


class SaveStatusChanged(Message):
    """An autosave finished: ok with the time it was written, or the error text."""

    def __init__(self, ok: bool, detail: str) -> None:
        super().__init__()
        self.ok = ok
        self.detail = detail

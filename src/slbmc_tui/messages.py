"""Custom messages shared between screens, gathered in one place."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.message import Message

from slbmc_tui.domain.session import Position


@dataclass
class OpenSessionRequested(Message):
    """Open this session in the interview screen, optionally at a prompt (app handles it)."""

    path: Path
    position: Position | None = None
    read_only: bool = False


@dataclass
class SaveStatusChanged(Message):
    """An autosave finished: ok with the time it was written, or the error text."""

    ok: bool
    detail: str

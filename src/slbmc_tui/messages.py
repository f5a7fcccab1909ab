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


class BackToSessionsRequested(Message):
    """Save every open interview, then show the session list (app handles it)."""


class DemoRequested(Message):
    """Open a fresh copy of the demo sessions (app handles it)."""


class CompareRequested(Message):
    """Let the user choose sessions of `folder` to compare (app handles it).

    `model_key` picks the model whose profiles are offered; `preselect` are ticked;
    `current` is the session asking (ticked, listed first); `start_block` is shown first.
    """

    def __init__(self, folder: Path, *, model_key: str | None,
                 preselect: tuple[Path, ...] = (), current: Path | None = None,
                 start_block: str | None = None) -> None:
        super().__init__()
        self.folder = folder
        self.model_key = model_key
        self.preselect = preselect
        self.current = current
        self.start_block = start_block


class NewProfileRequested(Message):
    """Ask a profile name, copy `path` as that profile, open the copy (app handles it)."""

    def __init__(self, path: Path, *, title: str, profile: str) -> None:
        super().__init__()
        self.path = path
        self.title = title
        self.profile = profile


class NewRoundRequested(Message):
    """Copy `path` as its next round and open the copy (app handles it)."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

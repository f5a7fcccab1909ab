"""A tiny app that pushes the compare screen and records the messages it posts."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual.app import App

from slbmc_tui.messages import OpenSessionRequested
from slbmc_tui.screens.compare import CompareScreen


class CompareHost(App[None]):
    """Stands in for the real app: shows a CompareScreen, keeps OpenSessionRequested."""

    def __init__(self, paths: Sequence[Path], start_block: str | None = None) -> None:
        super().__init__()
        self.paths = list(paths)
        self.start_block = start_block
        self.opened: list[OpenSessionRequested] = []

    def on_mount(self) -> None:
        self.push_screen(CompareScreen(self.paths, start_block=self.start_block))

    def on_open_session_requested(self, message: OpenSessionRequested) -> None:
        self.opened.append(message)

    @property
    def compare(self) -> CompareScreen:
        screen = self.screen
        assert isinstance(screen, CompareScreen)
        return screen

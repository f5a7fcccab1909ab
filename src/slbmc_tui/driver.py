"""A terminal driver that survives its terminal going away.

Textual writes every frame from a thread of its own. When the terminal is closed (a tmux
session killed, a window shut) a write fails, that thread dies, and the next ~30 writes
fill its queue: the app's loop then blocks forever on the 31st, the stop signal that came
with the close is never acted on, and the process lingers. Here a failed write marks the
terminal gone and later writes are dropped (there is nobody to show them to), so the app
goes on to save and quit as usual.
"""

from __future__ import annotations

from typing import IO, Any

from textual.app import App
from textual.drivers.linux_driver import LinuxDriver


class _ForgivingTerminal:
    """The terminal stream, where writing to a closed terminal does nothing."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self.gone = False

    def write(self, text: str) -> None:
        if not self.gone:
            try:
                self._stream.write(text)
            except (OSError, ValueError):  # EIO / EPIPE, or the stream was closed
                self.gone = True

    def flush(self) -> None:
        if not self.gone:
            try:
                self._stream.flush()
            except (OSError, ValueError):
                self.gone = True

    def fileno(self) -> int:
        return self._stream.fileno()

    def isatty(self) -> bool:
        return True


class SafeLinuxDriver(LinuxDriver):
    """Textual's Linux driver writing through `_ForgivingTerminal`."""

    def __init__(self, app: App[Any], *, debug: bool = False, mouse: bool = True,
                 size: tuple[int, int] | None = None) -> None:
        super().__init__(app, debug=debug, mouse=mouse, size=size)
        if self._file is not None:
            self._file = _ForgivingTerminal(self._file)  # type: ignore[assignment]

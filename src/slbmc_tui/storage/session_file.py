"""The writer of one open session: render, skip no-op saves, write atomically.

Imports neither pydantic nor the domain models, so saving from a worker thread (or a small
process, as the crash test does) starts fast.
"""

from __future__ import annotations

import errno
import threading
from pathlib import Path
from typing import Any

from slbmc_tui.domain.errors import FileWriteError
from slbmc_tui.storage.atomic import atomic_write_text, ensure_private_dir
from slbmc_tui.storage.toml_render import SessionRenderer


class SessionFile:
    """Saves one open session; skips writes that would not change the file."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._renderer = SessionRenderer()
        self._last_text: str | None = None
        self._lock = threading.Lock()

    def save(self, data: dict[str, Any]) -> bool:
        """Render and atomically write; True if the file changed. Safe from any thread.

        Raises FileWriteError (an OSError naming the file and the cause) when the disk
        refuses; the file then holds the previous save and the next call tries again.
        A sessions folder deleted meanwhile is recreated (0700) rather than lose answers.
        """
        with self._lock:
            text = self._renderer.render(data)
            if text == self._last_text and self.path.exists():
                return False
            if not self.path.parent.is_dir():
                ensure_private_dir(self.path.parent)
            try:
                atomic_write_text(self.path, text)
            except FileWriteError as error:
                if error.errno != errno.ENOENT:
                    raise
                ensure_private_dir(self.path.parent)  # deleted between the check and the write
                atomic_write_text(self.path, text)
            self._last_text = text
            return True

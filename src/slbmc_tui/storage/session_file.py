"""The writer of one open session: render, skip no-op saves, write atomically, within limits.

Imports neither pydantic nor the domain models, so saving from a worker thread (or a small
process, as the crash test does) starts fast.

The app never writes a session it would refuse to open: a save that would pass
MAX_FILE_BYTES (or the reader's depth and key limits) is refused, the whole text goes to a
private recovery file beside the session instead, and SessionTooLarge says what to do.
`SessionFile.size_warning` tells the UI well before that point.
"""

from __future__ import annotations

import errno
import os
import threading
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from slbmc_tui.domain.bounded import check_shape
from slbmc_tui.domain.errors import FileWriteError, SessionFileError
from slbmc_tui.storage.atomic import atomic_write_text, encode_text, ensure_private_dir
from slbmc_tui.storage.toml_render import SessionRenderer

if TYPE_CHECKING:
    from slbmc_tui.storage.locking import SessionLock

MAX_FILE_BYTES = 10 * 1024 * 1024
"""The largest session file slbmc reads, and so the largest it writes."""
SIZE_WARNING_BYTES = 8 * 1024 * 1024
"""From this size on, `SessionFile.size_warning` asks the user to make room."""
RECOVERY_SUFFIX = ".txt"


def _megabytes(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB"


def _size_on_disk(path: Path) -> int | None:
    try:
        return os.stat(path).st_size
    except OSError:
        return None


class SessionTooLarge(FileWriteError):
    """A save refused because the file would pass a limit; `recovery_path` holds the text."""

    def __init__(self, path: Path, problem: str, recovery_path: Path | None) -> None:
        super().__init__(path, problem, OSError(errno.EFBIG, problem))
        self.recovery_path = recovery_path


class SessionLost(FileWriteError):
    """A save refused because another slbmc took the session while its lock file was gone."""

    def __init__(self, path: Path, problem: str, recovery_path: Path | None) -> None:
        super().__init__(path, problem, OSError(errno.EBUSY, problem))
        self.recovery_path = recovery_path


def too_large_problem(size: int) -> str | None:
    """Why a text of `size` bytes cannot be a session file, or None when it can."""
    if size <= MAX_FILE_BYTES:
        return None
    return (f"would be {_megabytes(size)}, over the {_megabytes(MAX_FILE_BYTES)} a session "
            "file can hold")


class SessionFile:
    """Saves one open session; skips writes that would not change the file.

    `lock`, when given, is re-checked before every write (SessionLock.ensure), so a session
    whose folder was deleted and recreated is locked again before its file reappears.
    """

    def __init__(self, path: Path, lock: SessionLock | None = None) -> None:
        self.path = Path(path)
        self.lock = lock
        self.size: int | None = _size_on_disk(self.path)
        """Bytes of the file as opened, then of the text last saved (or refused)."""
        self._renderer = SessionRenderer()
        self._last_text: str | None = None
        self._recovery: Path | None = None
        self._lock = threading.Lock()

    @property
    def size_warning(self) -> str | None:
        """A sentence for the UI once the file nears its size limit, else None."""
        if self.size is None or self.size < SIZE_WARNING_BYTES:
            return None
        return (f"This session is {_megabytes(self.size)} of the {_megabytes(MAX_FILE_BYTES)} "
                "a session file can hold. Move long answers or pasted text elsewhere "
                "before it fills up.")

    def save(self, data: dict[str, Any]) -> bool:
        """Render and atomically write; True if the file changed. Safe from any thread.

        Raises FileWriteError (an OSError naming the file and the cause) when the disk
        refuses; the file then holds the previous save and the next call tries again.
        SessionTooLarge and SessionLost (both FileWriteError) leave the file as it was and
        keep the whole text in a recovery file they name.
        A sessions folder deleted meanwhile is recreated (0700) rather than lose answers.
        """
        with self._lock:
            text = self._renderer.render(data)
            if text == self._last_text and self.path.exists():
                return False
            encoded_size = len(encode_text(text))
            self.size = encoded_size
            problem = too_large_problem(encoded_size) or self._shape_problem(data)
            if problem is not None:
                recovery = self._keep(text)
                raise SessionTooLarge(self.path, self._refusal(
                    problem, recovery, "Shorten or remove long answers (a large paste, "
                    "perhaps) and the next save will succeed."), recovery)
            if not self.path.parent.is_dir():
                ensure_private_dir(self.path.parent)
            self._ensure_lock(text)
            try:
                atomic_write_text(self.path, text)
            except FileWriteError as error:
                if error.errno != errno.ENOENT:
                    raise
                ensure_private_dir(self.path.parent)  # deleted between the check and the write
                self._ensure_lock(text)
                atomic_write_text(self.path, text)
            self._last_text = text
            return True

    def _shape_problem(self, data: dict[str, Any]) -> str | None:
        try:
            check_shape(data, self.path, SessionFileError)
        except SessionFileError as error:
            return error.problem.removesuffix("; not opened")
        return None

    def _ensure_lock(self, text: str) -> None:
        if self.lock is None:
            return
        from slbmc_tui.storage.locking import SessionLocked

        try:
            self.lock.ensure()
        except SessionLocked as locked:
            recovery = self._keep(text)
            raise SessionLost(self.path, self._refusal(
                f"was not saved: while its lock was gone it was opened in "
                f"{locked.info.describe() if locked.info.pid else 'another slbmc'}",
                recovery, "Close one of the two windows, then copy what you need from the "
                "recovery file."), recovery) from locked

    def _keep(self, text: str) -> Path | None:
        """Write the refused text to this open session's recovery file; None if even that fails."""
        if self._recovery is None:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            self._recovery = self.path.with_name(f"{self.path.name}.unsaved-{stamp}"
                                                 f"{RECOVERY_SUFFIX}")
        try:
            ensure_private_dir(self._recovery.parent)
            atomic_write_text(self._recovery, text)
        except OSError:
            return None
        return self._recovery

    @staticmethod
    def _refusal(problem: str, recovery: Path | None, todo: str) -> str:
        kept = (f"Nothing is lost: the whole session is kept in {recovery.name} beside it, "
                "and stays on screen." if recovery is not None else
                "The text stays on screen (a recovery file could not be written either).")
        return f"{problem}; the file on disk is unchanged. {kept} {todo}"

"""Crash-proof file writes: a reader sees the old file or the new one, never half of each."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

TEMP_PREFIX = "."
TEMP_SUFFIX = ".slbmc-tmp"
FILE_MODE = 0o600
DIR_MODE = 0o700


def temp_path_for(path: Path) -> Path:
    """The temporary sibling a save writes first; named so a crash leftover is recognisable."""
    return path.with_name(f"{TEMP_PREFIX}{path.name}.{os.getpid()}{TEMP_SUFFIX}")


def atomic_write_text(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder, fsync it, then rename over the target.

    The temporary file is created 0600 because sessions hold client-confidential notes.
    On any failure the temporary file is removed and the target is left as it was.
    """
    data = text.encode("utf-8")
    temp = temp_path_for(path)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, FILE_MODE)
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; some filesystems refuse, which is harmless.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def create_exclusive(path: Path, text: str) -> bool:
    """Claim a new file name atomically; False when the name is already taken."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, FILE_MODE)
    except FileExistsError:
        return False
    os.close(fd)
    try:
        atomic_write_text(path, text)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise
    return True


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_stale_temp_files(folder: Path) -> list[Path]:
    """Remove temporary files left by a save that crashed; returns what was removed."""
    removed: list[Path] = []
    try:
        candidates = list(folder.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"))
    except OSError:
        return removed
    for temp in candidates:
        pid_text = temp.name[: -len(TEMP_SUFFIX)].rsplit(".", 1)[-1]
        if pid_text.isdigit() and int(pid_text) != os.getpid() and _pid_alive(int(pid_text)):
            continue
        if pid_text.isdigit() and int(pid_text) == os.getpid():
            continue
        with contextlib.suppress(OSError):
            temp.unlink()
            removed.append(temp)
    return removed


def ensure_private_dir(folder: Path) -> None:
    """Create the sessions folder (0700) if it does not exist yet; leave an existing one alone."""
    if not folder.exists():
        folder.mkdir(parents=True, mode=DIR_MODE)
        os.chmod(folder, DIR_MODE)

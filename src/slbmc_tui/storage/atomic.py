"""Crash-proof file writes: a reader sees the old file or the new one, never half of each.

A save writes a hidden temporary sibling (``.<name>.<pid>-<random>.slbmc-tmp``, 0600),
fsyncs it, renames it over the target and fsyncs the folder. A crash leaves at most that
temporary file, which listings ignore and `clean_stale_temp_files` removes later.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import time
from pathlib import Path

from slbmc_tui.domain.errors import FileWriteError
from slbmc_tui.i18n import N_, _

TEMP_PREFIX = "."
TEMP_SUFFIX = ".slbmc-tmp"
FILE_MODE = 0o600
DIR_MODE = 0o700
# A temp file older than this is a leftover even if its pid is alive again (pids get reused).
STALE_AFTER_SECONDS = 15 * 60
_MAX_NAME_IN_TEMP = 120  # keeps the temporary name under the 255-byte limit

_REASONS = {
    errno.ENOSPC: N_("the disk is full; free some space and save again"),
    errno.EDQUOT: N_("the disk quota is used up; free some space and save again"),
    errno.EACCES: N_("permission denied; check that the folder is writable by you"),
    errno.EPERM: N_("the operation is not permitted; check the folder's permissions"),
    errno.EROFS: N_("the file system is read-only; save to another folder"),
    errno.ENOENT: N_("the folder does not exist (was it moved or deleted?)"),
    errno.ENAMETOOLONG: N_("the file name is too long for this file system"),
    errno.EIO: N_("the disk reported an input/output error"),
}


NO_HARD_LINKS = frozenset({errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV,
                           errno.EMLINK})
"""Why `os.link` fails where a folder cannot hold a second name for a file (FAT, some network
shares, another device): the caller copies the bytes under an exclusive new name instead."""

def describe_os_error(error: OSError) -> str:
    """The cause of a failed write in words a user can act on."""
    if error.errno in _REASONS:
        return _(_REASONS[error.errno])
    return error.strerror or str(error) or type(error).__name__


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def encode_text(text: str) -> bytes:
    """UTF-8 bytes of `text`; a lone surrogate (undecodable bytes from a command line or a
    paste, which UTF-8 cannot hold) is written as U+FFFD rather than fail every save."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return _LONE_SURROGATE.sub("\ufffd", text).encode("utf-8")


def temp_path_for(path: Path) -> Path:
    """A fresh, unique temporary sibling; named so a crash leftover is recognisable."""
    token = os.urandom(4).hex()
    name = path.name[:_MAX_NAME_IN_TEMP]
    return path.with_name(f"{TEMP_PREFIX}{name}.{os.getpid()}-{token}{TEMP_SUFFIX}")


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:
            raise OSError(errno.EIO, "write made no progress")
        view = view[written:]


def _write_temp(path: Path, data: bytes) -> Path:
    """Write data to a new private temporary sibling of path, fsynced; removed on failure."""
    temp = temp_path_for(path)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, FILE_MODE)
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return temp


def atomic_write_text(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder, fsync it, then rename over the target.

    The result is 0600 because sessions and exports hold client-confidential notes. On any
    failure the temporary file is removed, the target is left exactly as it was, and a
    FileWriteError (an OSError) names the target and the cause.
    """
    atomic_write_bytes(path, encode_text(text))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """`atomic_write_text` for bytes (a PDF export)."""
    path = Path(path)
    temp: Path | None = None
    try:
        temp = _write_temp(path, data)
        os.replace(temp, path)
    except OSError as error:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        raise FileWriteError(path, _("could not be saved: {problem}. The file on disk is "
                                     "unchanged.").format(problem=describe_os_error(error)),
                             error) from error
    except BaseException:
        if temp is not None:
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
    """Claim a new file name atomically with its full content; False when the name is taken.

    The complete file is written first and then hard-linked into place, so no reader and
    no crash ever sees the new name empty. Where hard links are unsupported it falls back
    to claiming the name with O_EXCL and then writing atomically over it.
    """
    path = Path(path)
    try:
        temp = _write_temp(path, encode_text(text))
    except OSError as error:
        raise FileWriteError(path, _("could not be created: {problem}").format(
            problem=describe_os_error(error)),
                             error) from error
    try:
        os.link(temp, path)
    except FileExistsError:
        return False
    except OSError as error:
        if error.errno not in NO_HARD_LINKS:
            raise FileWriteError(path, _("could not be created: {problem}").format(
            problem=describe_os_error(error)),
                                 error) from error
        return _create_exclusive_without_links(path, text)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)
    _fsync_dir(path.parent)
    return True


def _create_exclusive_without_links(path: Path, text: str) -> bool:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, FILE_MODE)
    except FileExistsError:
        return False
    except OSError as error:
        raise FileWriteError(path, _("could not be created: {problem}").format(
            problem=describe_os_error(error)),
                             error) from error
    os.close(fd)
    try:
        atomic_write_text(path, text)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise
    return True


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine (one we may not signal counts)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def is_temp_file(name: str) -> bool:
    """Whether a file name is one of our temporary save files."""
    return name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX)


def _temp_owner(name: str) -> int | None:
    tail = name[: -len(TEMP_SUFFIX)].rsplit(".", 1)[-1]
    pid_text = tail.split("-", 1)[0]
    return int(pid_text) if pid_text.isdigit() else None


def clean_stale_temp_files(folder: Path, now: float | None = None) -> list[Path]:
    """Remove temporary files left by saves that crashed; returns what was removed.

    A temp file whose process still runs is a save in progress and is kept, unless it is
    so old that the pid must have been reused.
    """
    removed: list[Path] = []
    now = time.time() if now is None else now
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not is_temp_file(entry.name):
            continue
        try:
            if not entry.is_file(follow_symlinks=False) and not entry.is_symlink():
                continue
            age = now - entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        owner = _temp_owner(entry.name)
        in_progress = owner is not None and pid_alive(owner) and age < STALE_AFTER_SECONDS
        if in_progress:
            continue
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
            removed.append(Path(entry.path))
    return removed


def ensure_private_dir(folder: Path) -> None:
    """Create the sessions folder (0700) if it does not exist yet; leave an existing one alone."""
    folder = Path(folder)
    if folder.is_dir():
        return
    try:
        folder.mkdir(parents=True, mode=DIR_MODE)
    except FileExistsError as error:
        if folder.is_dir():
            return  # another thread or process made it first
        raise FileWriteError(folder, _("exists but is not a folder; move it away or choose "
                                       "another sessions folder"), error) from error
    except OSError as error:
        raise FileWriteError(folder, _("could not be created: {problem}").format(
            problem=describe_os_error(error)),
                             error) from error
    os.chmod(folder, DIR_MODE)  # mkdir's mode is narrowed by the umask, never widened

"""One session, one writer: a kernel lock on a file beside the session stops two editors.

The lock file is ``.<session file name>.lock`` beside the session's real file (symlinks
resolved, so every alias of one session meets at one lock), 0600. Holding the session means
holding an exclusive ``flock`` on that file, as SQLite does: the kernel drops it when the
process ends in any way (even SIGKILL), so liveness is never guessed from a pid. The file
also records who holds it (pid, host, start time, a token) for the "already open" dialog.

Releasing unlinks the file while still holding it, so an opener that waited on the old file
sees it is no longer the one at the path and tries again. A lock file whose folder was deleted
is taken again before the next save (`SessionLock.ensure`). A lock recorded by another host
is never taken over automatically: a kernel lock may not reach across a network share.
"""

from __future__ import annotations

import atexit
import contextlib
import errno
import fcntl
import os
import socket
import stat
import threading
import time
import tomllib
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import NamedTuple

import tomli_w

from slbmc_tui.domain.errors import FileWriteError
from slbmc_tui.storage.atomic import FILE_MODE, describe_os_error

LOCK_SUFFIX = ".lock"
_ATTEMPTS = 5
_BUSY_RETRIES = 3  # a reader's brief probe (read_lock) must not look like a holder
_INFO_BYTES = 4096


def lock_path_for(session_path: Path) -> Path:
    """Where the lock of a session file lives: a hidden sibling of its real file."""
    real = Path(os.path.realpath(session_path))
    return real.with_name(f".{real.name}{LOCK_SUFFIX}")


def _now() -> datetime:
    return datetime.now().astimezone().replace(microsecond=0)


class LockInfo(NamedTuple):
    """Who holds a session: enough to tell the user which window to look for."""

    pid: int
    host: str
    since: datetime | None
    token: str = ""

    @property
    def on_this_host(self) -> bool:
        return self.host == socket.gethostname()

    def describe(self) -> str:
        """"process 4242 on laptop since 2026-11-23 09:30" (the start time is local)."""
        since = f" since {self.since.strftime('%Y-%m-%d %H:%M')}" if self.since else ""
        return f"process {self.pid} on {self.host or 'an unknown host'}{since}"


UNKNOWN_HOLDER = LockInfo(pid=0, host="", since=None)


class SessionLocked(Exception):
    """The session is open for editing in another slbmc; the message says which and since when."""

    def __init__(self, session_path: Path, info: LockInfo) -> None:
        self.session_path = Path(session_path)
        self.info = info
        holder = info.describe() if info.pid else "another slbmc (its lock file is unreadable)"
        hint = "" if info.on_this_host else (
            f" If that slbmc is gone for good, delete {lock_path_for(self.session_path)}.")
        super().__init__(
            f"{self.session_path} is already open in {holder}. Close it there, or open it "
            f"read-only.{hint}")


class SessionLock:
    """A held lock; release it explicitly or use it as a context manager."""

    def __init__(self, session_path: Path, info: LockInfo, fd: int, path: Path) -> None:
        self.session_path = Path(session_path)
        self.path = path
        self.info = info
        self._fd = fd
        self._guard = threading.Lock()
        self._released = False

    @property
    def released(self) -> bool:
        return self._released

    def ensure(self) -> None:
        """Before a save: make sure the lock file on disk is still ours, or take it again.

        Deleting the sessions folder (or the lock file) while a session is open would
        otherwise let a second slbmc open it for editing. Raises SessionLocked when another
        process took it meanwhile, FileWriteError when it cannot be made.
        """
        with self._guard:
            if self._released or _is_current(self._fd, self.path):
                return
            fd = _take(self.session_path, self.path)
            try:
                _write_info(fd, self.info)
            except OSError:
                os.close(fd)
                raise
            os.close(self._fd)
            self._fd = fd

    def release(self) -> None:
        """Remove the lock file if it is still ours and drop the kernel lock; idempotent."""
        with self._guard:
            if self._released:
                return
            self._released = True
            with _registry_guard:
                _held.pop(id(self), None)
            if _is_current(self._fd, self.path):
                with contextlib.suppress(OSError):
                    os.unlink(self.path)  # while still locked: waiters see it is gone
            os.close(self._fd)

    def __enter__(self) -> SessionLock:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.release()


_held: dict[int, SessionLock] = {}
_registry_guard = threading.Lock()
_atexit_registered = False


def _release_all_at_exit() -> None:
    for lock in list(_held.values()):
        with contextlib.suppress(OSError):
            lock.release()


def _parse_info(raw: bytes) -> LockInfo:
    """The holder a lock file names; UNKNOWN_HOLDER for anything unexpected."""
    try:
        data = tomllib.loads(raw.decode("utf-8"))
        pid, host, token = data["pid"], data["host"], data.get("token", "")
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, RecursionError):
        return UNKNOWN_HOLDER
    since = data.get("since")
    if not (isinstance(pid, int) and isinstance(host, str) and isinstance(token, str)):
        return UNKNOWN_HOLDER
    return LockInfo(pid=pid, host=host[:255], token=token,
                    since=since if isinstance(since, datetime) else None)


def _read_info(fd: int) -> LockInfo:
    for _attempt in range(3):  # the holder may be between truncating and writing
        try:
            raw = os.pread(fd, _INFO_BYTES, 0)
        except OSError:
            return UNKNOWN_HOLDER
        if raw:
            return _parse_info(raw)
        time.sleep(0.01)
    return UNKNOWN_HOLDER


def _write_info(fd: int, info: LockInfo) -> None:
    text = tomli_w.dumps({"pid": info.pid, "host": info.host, "since": info.since,
                          "token": info.token})
    os.ftruncate(fd, 0)
    os.pwrite(fd, text.encode("utf-8"), 0)


def _is_current(fd: int, path: Path) -> bool:
    """Whether the file open as `fd` is still the one at `path` (not unlinked or replaced)."""
    try:
        mine, there = os.fstat(fd), os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino)


def _open(lock_path: Path, create: bool) -> int | None:
    flags = os.O_RDWR | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0) | (os.O_CREAT if create else 0)
    try:
        return os.open(lock_path, flags, FILE_MODE)
    except FileNotFoundError:
        if create:
            raise
        return None


def _try_lock(fd: int, mode: int = fcntl.LOCK_EX) -> bool:
    try:
        fcntl.flock(fd, mode | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as error:
        if error.errno in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES):
            return False
        raise
    return True


def _check_plain(fd: int, lock_path: Path) -> None:
    """Refuse a lock "file" that is something else, or a hard link to some other file of yours:
    the holder's details are written into it."""
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_nlink > 1:
        raise FileWriteError(lock_path, "is not a plain lock file (a hard link or special "
                             "file); move it away and open the session again",
                             OSError(errno.EEXIST, "not a plain lock file"))


def _lock_with_retries(fd: int) -> bool:
    for attempt in range(_BUSY_RETRIES):
        if _try_lock(fd):
            return True
        if attempt + 1 < _BUSY_RETRIES:
            time.sleep(0.02)
    return False


def _take(session_path: Path, lock_path: Path) -> int:
    """An open descriptor holding the kernel lock on the file at lock_path, or SessionLocked."""
    for _attempt in range(_ATTEMPTS):
        try:
            fd = _open(lock_path, create=True)
        except OSError as error:
            raise FileWriteError(lock_path, f"could not be created to lock {session_path.name}: "
                                 f"{describe_os_error(error)}", error) from error
        assert fd is not None
        try:
            _check_plain(fd, lock_path)
            if not _lock_with_retries(fd):
                raise SessionLocked(session_path, _read_info(fd))
            if not _is_current(fd, lock_path):
                os.close(fd)  # released (unlinked) while we waited: take the new one
                continue
            recorded = _read_info(fd) if os.fstat(fd).st_size else None
            if recorded is not None and recorded.host and not recorded.on_this_host:
                raise SessionLocked(session_path, recorded)
        except BaseException:
            with contextlib.suppress(OSError):
                os.close(fd)
            raise
        return fd
    raise SessionLocked(session_path, UNKNOWN_HOLDER)


def read_lock(session_path: Path) -> LockInfo | None:
    """Who holds the session's lock; None when nobody does, UNKNOWN_HOLDER when unreadable."""
    lock_path = lock_path_for(session_path)
    try:
        fd = _open(lock_path, create=False)
    except OSError:
        return UNKNOWN_HOLDER
    if fd is None:
        return None
    try:
        recorded = _read_info(fd)
        if recorded.host and not recorded.on_this_host:
            return recorded
        if _try_lock(fd, fcntl.LOCK_SH):
            return None  # a file left by a process that ended: nobody holds it
        return recorded
    finally:
        os.close(fd)  # also drops the shared probe


def acquire(session_path: Path, now: datetime | None = None) -> SessionLock:
    """Take the session's lock, or raise SessionLocked naming the holder.

    A lock file left by a process that ended (however it ended) is taken over at once: the
    kernel dropped its lock. Raises FileWriteError when the lock file cannot be created
    (read-only folder, full disk).
    """
    global _atexit_registered
    session_path = Path(session_path)
    lock_path = lock_path_for(session_path)
    info = LockInfo(pid=os.getpid(), host=socket.gethostname(),
                    since=now or _now(), token=os.urandom(8).hex())
    fd = _take(session_path, lock_path)
    try:
        _write_info(fd, info)
    except OSError as error:
        os.close(fd)
        raise FileWriteError(lock_path, f"could not be written to lock {session_path.name}: "
                             f"{describe_os_error(error)}", error) from error
    lock = SessionLock(session_path, info, fd, lock_path)
    with _registry_guard:
        _held[id(lock)] = lock
        if not _atexit_registered:
            atexit.register(_release_all_at_exit)
            _atexit_registered = True
    return lock

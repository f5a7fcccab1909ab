"""One session, one writer: a lock file beside the session stops two instances editing it.

The lock is ``.<session file name>.lock`` in the same folder, 0600, a tiny TOML file with the
holder's pid, host name, start time and a random token. It is created complete and atomically
(written to a temporary file, then hard-linked into place, which fails if the name exists), so
no reader ever sees a half-written lock. A lock whose process died on this machine is taken
over without asking; a lock held from another machine is never taken over automatically.
"""

from __future__ import annotations

import atexit
import contextlib
import errno
import os
import socket
import threading
import time
import tomllib
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import NamedTuple

import tomli_w

from slbmc_tui.domain.errors import FileWriteError
from slbmc_tui.storage.atomic import FILE_MODE, describe_os_error, pid_alive, temp_path_for

LOCK_SUFFIX = ".lock"
# A lock file that cannot be read is being written right now, or is junk left by a crash.
UNREADABLE_GRACE_SECONDS = 5.0
_ATTEMPTS = 5


def lock_path_for(session_path: Path) -> Path:
    """Where the lock of a session file lives: a hidden sibling, ignored by listings."""
    session_path = Path(session_path)
    return session_path.with_name(f".{session_path.name}{LOCK_SUFFIX}")


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
        super().__init__(
            f"{self.session_path} is already open in {holder}. Close it there, or open it "
            f"read-only. If that process is gone, delete {lock_path_for(self.session_path)}.")


class SessionLock:
    """A held lock; release it explicitly or use it as a context manager."""

    def __init__(self, session_path: Path, info: LockInfo) -> None:
        self.session_path = Path(session_path)
        self.path = lock_path_for(self.session_path)
        self.info = info
        self._released = False

    @property
    def released(self) -> bool:
        return self._released

    def release(self) -> None:
        """Remove the lock file if it is still ours; calling it again does nothing."""
        if self._released:
            return
        self._released = True
        with _registry_guard:
            _held.pop(self.path, None)
        current = read_lock(self.session_path)
        if current is not None and current.token == self.info.token:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.path)

    def __enter__(self) -> SessionLock:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.release()


_held: dict[Path, SessionLock] = {}
_registry_guard = threading.Lock()
_atexit_registered = False


def _release_all_at_exit() -> None:
    for lock in list(_held.values()):
        with contextlib.suppress(OSError):
            lock.release()


def read_lock(session_path: Path) -> LockInfo | None:
    """Who holds the session's lock; None when it is free, UNKNOWN_HOLDER when unreadable."""
    path = lock_path_for(session_path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(4096)
    except FileNotFoundError:
        return None
    except OSError:
        return UNKNOWN_HOLDER
    try:
        data = tomllib.loads(raw.decode("utf-8"))
        pid, host, token = data["pid"], data["host"], data.get("token", "")
        since = data.get("since")
        if not (isinstance(pid, int) and isinstance(host, str) and isinstance(token, str)):
            return UNKNOWN_HOLDER
        return LockInfo(pid=pid, host=host, token=token,
                        since=since if isinstance(since, datetime) else None)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError):
        return UNKNOWN_HOLDER


def _is_stale(info: LockInfo, lock_path: Path) -> bool:
    if info is UNKNOWN_HOLDER:
        try:
            age = time.time() - os.stat(lock_path).st_mtime
        except OSError:
            return False
        return age > UNREADABLE_GRACE_SECONDS
    if not info.on_this_host:
        return False
    if info.pid == os.getpid():
        # Our own pid but not a lock we hold: left by an earlier process that had this pid.
        with _registry_guard:
            return lock_path not in _held
    return not pid_alive(info.pid)


def _create_lock_file(lock_path: Path, info: LockInfo) -> bool:
    """Put a complete lock file in place atomically; False when one is already there."""
    text = tomli_w.dumps({"pid": info.pid, "host": info.host, "since": info.since,
                          "token": info.token})
    temp = temp_path_for(lock_path)  # a crash leftover is swept like any save's
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, FILE_MODE)
    try:
        try:
            os.write(fd, text.encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(temp, lock_path)
        except FileExistsError:
            return False
        except OSError as error:
            if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
                raise
            return _create_lock_file_without_links(lock_path, text)
        return True
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)


def _create_lock_file_without_links(lock_path: Path, text: str) -> bool:
    # Filesystems without hard links: claim with O_EXCL; a reader may briefly see it empty,
    # which read_lock reports as an unknown holder and _is_stale gives a grace period.
    try:
        fd = os.open(lock_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, FILE_MODE)
    except FileExistsError:
        return False
    try:
        os.write(fd, text.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    return True


def _remove_stale(lock_path: Path, stale: LockInfo) -> None:
    """Move a stale lock aside, but only if it is still the one judged stale.

    Renaming is atomic, so of two processes taking over the same stale lock only one moves
    it; if what was moved turns out to be a fresh lock, it is put back.
    """
    aside = temp_path_for(lock_path)
    try:
        os.rename(lock_path, aside)
    except FileNotFoundError:
        return
    try:
        with open(aside, "rb") as handle:
            raw = handle.read(4096)
        same = stale is UNKNOWN_HOLDER or stale.token.encode() in raw
        if not same:
            with contextlib.suppress(FileExistsError):
                os.link(aside, lock_path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(aside)


def acquire(session_path: Path, now: datetime | None = None) -> SessionLock:
    """Take the session's lock, or raise SessionLocked naming the holder.

    A lock left by a process that no longer runs on this machine is taken over silently.
    Raises FileWriteError when the lock file cannot be created (read-only folder, full disk).
    """
    global _atexit_registered
    session_path = Path(session_path)
    lock_path = lock_path_for(session_path)
    info = LockInfo(pid=os.getpid(), host=socket.gethostname(),
                    since=now or _now(), token=os.urandom(8).hex())
    for _attempt in range(_ATTEMPTS):
        try:
            created = _create_lock_file(lock_path, info)
        except OSError as error:
            raise FileWriteError(lock_path, f"could not be created to lock {session_path.name}: "
                                 f"{describe_os_error(error)}", error) from error
        if created:
            lock = SessionLock(session_path, info)
            with _registry_guard:
                _held[lock_path] = lock
                if not _atexit_registered:
                    atexit.register(_release_all_at_exit)
                    _atexit_registered = True
            return lock
        holder = read_lock(session_path)
        if holder is None:
            continue  # released between our attempt and the read: try again
        if not _is_stale(holder, lock_path):
            raise SessionLocked(session_path, holder)
        _remove_stale(lock_path, holder)
    raise SessionLocked(session_path, read_lock(session_path) or UNKNOWN_HOLDER)

"""Two instances, one session: the second is told who holds it; dead holders are taken over."""

from __future__ import annotations

import os
import signal
import socket
import stat
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import pytest
import tomli_w

from slbmc_tui.domain.errors import SessionFileError
from slbmc_tui.storage.locking import SessionLocked, acquire, lock_path_for, read_lock
from slbmc_tui.storage.store import SessionStore, open_session
from tests.conftest import FIXED_NOW
from tests.tiny_bank import tiny_session, write_tiny_bank

HOLDER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from slbmc_tui.storage.locking import acquire, SessionLocked
    try:
        lock = acquire(Path(sys.argv[1]))
    except SessionLocked:
        print("locked", flush=True)
        sys.exit(3)
    print("won", flush=True)
    sys.stdin.read()  # hold until the test closes our stdin (or kills us)
""")


def _holder(session: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(session)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "won"
    return child


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()  # reaped: the pid no longer names a process
    return child.pid


def _write_lock(session: Path, pid: int, host: str | None = None) -> Path:
    path = lock_path_for(session)
    path.write_text(tomli_w.dumps({"pid": pid, "host": host or socket.gethostname(),
                                   "since": FIXED_NOW, "token": "old"}))
    return path


@pytest.fixture
def session(tmp_path: Path) -> Path:
    path = tmp_path / "acme--buyer.toml"
    path.write_text("schema_version = 1\n")
    return path


def test_lock_file_is_private_and_says_who_and_since_when(session: Path) -> None:
    with acquire(session, now=FIXED_NOW) as lock:
        assert lock.path == session.parent / ".acme--buyer.toml.lock"
        assert stat.S_IMODE(os.stat(lock.path).st_mode) == 0o600
        info = read_lock(session)
        assert info is not None
        assert (info.pid, info.host, info.since) == (os.getpid(), socket.gethostname(),
                                                     FIXED_NOW)
    assert not lock.path.exists() and lock.released
    lock.release()  # a second release is harmless


def test_explicit_release_frees_the_session(session: Path) -> None:
    lock = acquire(session)
    lock.release()
    acquire(session).release()
    assert not lock_path_for(session).exists()


def test_a_second_open_in_the_same_process_is_refused(session: Path) -> None:
    with acquire(session), pytest.raises(SessionLocked):
        acquire(session)


def test_another_running_process_holds_it_and_the_message_says_which(session: Path) -> None:
    child = _holder(session)
    try:
        with pytest.raises(SessionLocked) as caught:
            acquire(session)
        info = caught.value.info
        assert info.pid == child.pid and info.host == socket.gethostname()
        assert isinstance(info.since, datetime)
        message = str(caught.value)
        assert f"process {child.pid} on {socket.gethostname()}" in message
        assert f"since {info.since.strftime('%Y-%m-%d %H:%M')}" in message
        assert "read-only" in message and str(session) in message
    finally:
        assert child.stdin is not None
        child.stdin.close()
        child.wait(timeout=10)
    # A clean exit released the lock.
    assert not lock_path_for(session).exists()
    acquire(session).release()


def test_lock_of_a_killed_process_is_taken_over(session: Path) -> None:
    child = _holder(session)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    assert lock_path_for(session).exists()  # SIGKILL left it behind
    assert read_lock(session) is None  # ... but the kernel dropped the lock with the process
    with acquire(session) as lock:
        assert lock.info.pid == os.getpid()
        info = read_lock(session)
        assert info is not None and info.pid == os.getpid()


def test_lock_naming_a_dead_pid_is_taken_over(session: Path) -> None:
    _write_lock(session, _dead_pid())
    acquire(session).release()


def test_lock_from_a_previous_process_with_our_pid_is_taken_over(session: Path) -> None:
    _write_lock(session, os.getpid())  # containers reuse pids across restarts
    acquire(session).release()


def test_lock_held_on_another_host_is_never_taken_over(session: Path) -> None:
    _write_lock(session, _dead_pid(), host="other-laptop")
    with pytest.raises(SessionLocked, match="on other-laptop since 2026-11-23 09:30"):
        acquire(session)


def test_unreadable_lock_file_nobody_holds_is_taken_over_at_once(session: Path) -> None:
    lock_path_for(session).write_bytes(b"\x00garbage")
    acquire(session).release()


def test_lock_file_nested_deep_is_read_as_unknown_holder(session: Path) -> None:
    lock_path_for(session).write_text("pid = " + "[" * 4000)
    assert read_lock(session) is None  # nobody holds it: the kernel says so
    acquire(session).release()


def test_release_never_removes_a_lock_someone_else_took(session: Path) -> None:
    lock = acquire(session)
    os.unlink(lock.path)
    other = acquire(session)  # a new lock file: the old one was deleted under us
    lock.release()
    assert other.path.exists()
    with pytest.raises(SessionLocked):
        acquire(session)
    other.release()


def test_only_one_of_many_racing_processes_takes_a_stale_lock(session: Path) -> None:
    _write_lock(session, _dead_pid())
    racers = [subprocess.Popen([sys.executable, "-c", HOLDER, str(session)],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
              for _ in range(6)]
    try:
        results = [r.stdout.readline().strip() for r in racers if r.stdout]
    finally:
        for racer in racers:
            if racer.stdin:
                racer.stdin.close()
            racer.wait(timeout=10)
    assert sorted(results) == ["locked"] * 5 + ["won"]


def test_listings_ignore_lock_files(session: Path) -> None:
    with acquire(session):
        assert SessionStore(session.parent).session_paths() == [session]


def test_open_session_with_lock_holds_it_until_closed(tmp_path: Path) -> None:
    bank = write_tiny_bank(tmp_path / "bank.toml")
    store = SessionStore(tmp_path / "sessions")
    path = store.create(tiny_session(bank_path=str(bank)))
    opened = open_session(store, path, lock=True)
    assert opened.lock is not None
    with pytest.raises(SessionLocked):
        open_session(store, path, lock=True)
    read_only = open_session(store, path)  # viewing never needs the lock
    assert read_only.lock is None
    opened.close()
    assert not lock_path_for(path).exists()


def test_open_session_that_fails_to_load_keeps_no_lock(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("not toml at all [")
    with pytest.raises(SessionFileError):
        open_session(SessionStore(tmp_path), path, lock=True)
    assert not lock_path_for(path).exists()


def test_lock_leftovers_of_a_crash_are_swept(session: Path) -> None:
    from slbmc_tui.storage.atomic import temp_path_for

    leftover = temp_path_for(lock_path_for(session))
    leftover.write_text("pid = 1\n")
    os.utime(leftover, (1_000_000, 1_000_000))
    assert SessionStore(session.parent).sweep() == [leftover]

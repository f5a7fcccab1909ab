"""Locks hold in every path: after SIGKILL, across aliases, after the folder is deleted."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from slbmc_tui.storage.locking import SessionLocked, acquire, lock_path_for, read_lock
from slbmc_tui.storage.session_file import SessionLost
from slbmc_tui.storage.store import SessionStore, open_session
from slbmc_tui.storage.toml_format import session_to_data
from tests.tiny_bank import tiny_session, write_tiny_bank

OPENER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from slbmc_tui.storage.locking import SessionLocked
    from slbmc_tui.storage.store import SessionStore, open_session
    path = Path(sys.argv[1])
    try:
        opened = open_session(SessionStore(path.parent), path, lock=True)
    except SessionLocked:
        print("locked", flush=True)
        sys.exit(3)
    print("won", flush=True)
    sys.stdin.read()  # hold until the test closes our stdin (or kills us)
""")


def _open_in_child(path: Path) -> tuple[str, subprocess.Popen[str]]:
    child = subprocess.Popen([sys.executable, "-c", OPENER, str(path)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    return child.stdout.readline().strip(), child


def _finish(child: subprocess.Popen[str]) -> None:
    if child.stdin:
        child.stdin.close()
    child.wait(timeout=20)


@pytest.fixture
def made(tmp_path: Path) -> Path:
    bank = write_tiny_bank(tmp_path / "bank.toml")
    return SessionStore(tmp_path / "sessions").create(tiny_session(bank_path=str(bank)))


def test_a_session_reopens_at_once_after_its_editor_was_killed(made: Path) -> None:
    said, child = _open_in_child(made)
    assert said == "won"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    opened = open_session(SessionStore(made.parent), made, lock=True)  # no "already open"
    opened.close()


def test_a_symlink_to_a_session_meets_the_same_lock(made: Path) -> None:
    link = made.with_name("alias.toml")
    link.symlink_to(made.name)
    assert lock_path_for(link) == lock_path_for(made)
    with acquire(made), pytest.raises(SessionLocked):
        acquire(link)
    said, child = _open_in_child(link)  # another process, through the alias
    try:
        assert said == "won"
        with pytest.raises(SessionLocked):
            open_session(SessionStore(made.parent), made, lock=True)
    finally:
        _finish(child)


def test_a_linked_folder_and_a_dotted_path_meet_the_same_lock(made: Path) -> None:
    folder_link = made.parent.with_name("elsewhere")
    folder_link.symlink_to(made.parent)
    odd = made.parent / ".." / made.parent.name / made.name
    with acquire(made):
        for alias in (folder_link / made.name, odd):
            with pytest.raises(SessionLocked):
                acquire(alias)


def test_deleting_the_folder_while_editing_relocks_before_the_next_save(made: Path) -> None:
    store = SessionStore(made.parent)
    opened = open_session(store, made, lock=True)
    try:
        shutil.rmtree(made.parent)
        assert opened.file.save(session_to_data(opened.session))  # folder and file come back
        assert lock_path_for(made).exists()
        said, child = _open_in_child(made)
        _finish(child)
        assert said == "locked"
    finally:
        opened.close()
    assert read_lock(made) is None


def test_a_save_after_another_editor_took_the_lock_is_refused_and_kept(made: Path) -> None:
    store = SessionStore(made.parent)
    opened = open_session(store, made, lock=True)
    os.unlink(lock_path_for(made))  # a user "fixing" a lock by hand
    said, child = _open_in_child(made)
    try:
        assert said == "won"
        before = made.read_bytes()
        opened.session.meta.title = "Changed here"
        with pytest.raises(SessionLost) as caught:
            opened.file.save(session_to_data(opened.session))
        assert made.read_bytes() == before
        recovery = caught.value.recovery_path
        assert recovery is not None and "Changed here" in recovery.read_text()
        assert oct(recovery.stat().st_mode & 0o777) == "0o600"
        assert f"process {child.pid}" in str(caught.value)
    finally:
        _finish(child)
        opened.close()


def test_two_processes_racing_for_one_session_leave_one_editor(made: Path) -> None:
    children = [subprocess.Popen([sys.executable, "-c", OPENER, str(made)],
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
                for _ in range(4)]
    try:
        said = [c.stdout.readline().strip() for c in children if c.stdout]
    finally:
        for child in children:
            _finish(child)
    assert sorted(said) == ["locked"] * 3 + ["won"]


def test_saving_through_an_alias_writes_the_one_real_file(made: Path) -> None:
    link = made.with_name("alias.toml")
    link.symlink_to(made.name)
    opened = open_session(SessionStore(made.parent), link, lock=True)
    try:
        opened.session.meta.title = "Through the alias"
        opened.file.save(session_to_data(opened.session))
    finally:
        opened.close()
    assert link.is_symlink()  # not replaced by a copy: the session did not fork
    assert SessionStore(made.parent).load(made).meta.title == "Through the alias"


def test_a_lock_file_hard_linked_to_another_file_is_never_written(made: Path) -> None:
    precious = made.parent / "precious.txt"
    precious.write_text("keep me")
    os.link(precious, lock_path_for(made))
    from slbmc_tui.domain.errors import FileWriteError

    with pytest.raises(FileWriteError, match="not a plain lock file"):
        acquire(made)
    assert precious.read_text() == "keep me"

"""A failing disk: clear errors naming file and cause, nothing half-written, recovery after.

Tests run as root, for whom chmod does not stop writes, so failures are simulated by making
the os calls the storage layer uses raise the errors a real disk would.
"""

from __future__ import annotations

import errno
import io
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from slbmc_tui import cli
from slbmc_tui.domain.errors import FileWriteError, SlbmcFileError
from slbmc_tui.storage.atomic import TEMP_SUFFIX, atomic_write_text
from slbmc_tui.storage.locking import acquire
from slbmc_tui.storage.session_file import SessionFile
from slbmc_tui.storage.store import SessionStore
from slbmc_tui.storage.toml_format import session_to_data
from tests.tiny_bank import tiny_session

real_open, real_write, real_replace, real_fsync = os.open, os.write, os.replace, os.fsync


def _data(text: str) -> dict[str, Any]:
    session = tiny_session()
    session.answer("customers_world", "ours", "q1").text = text
    return session_to_data(session)


@pytest.fixture
def saved(tmp_path: Path) -> Iterator[tuple[SessionFile, bytes]]:
    folder = tmp_path / "sessions"
    folder.mkdir(mode=0o700)
    session_file = SessionFile(folder / "s.toml")
    session_file.save(_data("first answer"))
    yield session_file, session_file.path.read_bytes()


class Failure:
    """Makes one os function raise for our temporary files until `heal()` is called."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, name: str, code: int) -> None:
        self.code, self.temp_fds, self.active = code, set[int](), True
        monkeypatch.setattr(os, "open", self._open)
        fake: dict[str, Callable[..., Any]] = {
            "write": self._write, "replace": self._replace, "fsync": self._fsync,
            "open": self._open}
        self.name = name
        if name != "open":
            monkeypatch.setattr(os, name, fake[name])

    def heal(self) -> None:
        self.active = False

    def _raise(self) -> None:
        raise OSError(self.code, os.strerror(self.code))

    def _open(self, path: Any, flags: int, mode: int = 0o777, **kw: Any) -> int:
        if self.active and self.name == "open" and str(path).endswith(TEMP_SUFFIX):
            self._raise()
        fd = real_open(path, flags, mode, **kw)
        if str(path).endswith(TEMP_SUFFIX):
            self.temp_fds.add(fd)
        return fd

    def _write(self, fd: int, data: Any) -> int:
        if self.active and fd in self.temp_fds:
            if len(data) > 10:
                return real_write(fd, bytes(data[:10]))  # a partial write, then the disk fills
            self._raise()
        return real_write(fd, data)

    def _fsync(self, fd: int) -> None:
        if self.active and fd in self.temp_fds:
            self._raise()
        real_fsync(fd)

    def _replace(self, src: Any, dst: Any, **kw: Any) -> None:
        if self.active and str(src).endswith(TEMP_SUFFIX):
            self._raise()
        real_replace(src, dst, **kw)


FAILURES = [
    ("open", errno.EROFS, "file system is read-only"),
    ("open", errno.EACCES, "permission denied"),
    ("write", errno.ENOSPC, "disk is full"),
    ("write", errno.EDQUOT, "quota"),
    ("fsync", errno.EIO, "input/output error"),
    ("replace", errno.EACCES, "permission denied"),
    ("replace", errno.EPERM, "not permitted"),
]


@pytest.mark.parametrize(("call", "code", "says"), FAILURES,
                         ids=[f"{c}-{errno.errorcode[e]}" for c, e, _ in FAILURES])
def test_a_refused_save_says_why_keeps_the_old_file_and_recovers(
        call: str, code: int, says: str, saved: tuple[SessionFile, bytes],
        monkeypatch: pytest.MonkeyPatch) -> None:
    session_file, before = saved
    failure = Failure(monkeypatch, call, code)
    with pytest.raises(FileWriteError) as caught:
        session_file.save(_data("second answer, typed while the disk was failing"))
    error = caught.value
    assert isinstance(error, OSError) and isinstance(error, SlbmcFileError)
    assert error.errno == code
    assert str(error).startswith(f"{session_file.path}: could not be saved: ")
    assert says in str(error) and "unchanged" in str(error)
    assert session_file.path.read_bytes() == before
    assert [p.name for p in session_file.path.parent.iterdir()] == ["s.toml"]

    failure.heal()
    assert session_file.save(_data("second answer, typed while the disk was failing"))
    assert b"second answer" in session_file.path.read_bytes()
    assert [p.name for p in session_file.path.parent.iterdir()] == ["s.toml"]


def test_folder_deleted_while_running_is_recreated_private(saved: tuple[SessionFile, bytes]
                                                           ) -> None:
    session_file, _ = saved
    folder = session_file.path.parent
    session_file.path.unlink()
    folder.rmdir()
    assert session_file.save(_data("first answer"))  # same text, but the file is gone
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(session_file.path).st_mode) == 0o600
    assert b"first answer" in session_file.path.read_bytes()


def test_folder_that_cannot_be_recreated_is_named_in_the_error(
        saved: tuple[SessionFile, bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    session_file, _ = saved
    folder = session_file.path.parent
    session_file.path.unlink()
    folder.rmdir()

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(FileWriteError, match=f"^{folder}: could not be created: permission"):
        session_file.save(_data("x"))
    monkeypatch.undo()
    assert session_file.save(_data("x"))


def test_sessions_folder_path_taken_by_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "sessions"
    blocker.write_text("not a folder")
    with pytest.raises(FileWriteError, match="exists but is not a folder"):
        SessionStore(blocker).create(tiny_session())
    assert blocker.read_text() == "not a folder"


def test_create_on_a_full_disk_claims_no_name(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    store = SessionStore(tmp_path / "sessions")
    store.prepare()
    failure = Failure(monkeypatch, "write", errno.ENOSPC)
    with pytest.raises(FileWriteError, match="disk is full"):
        store.create(tiny_session())
    assert list(store.folder.iterdir()) == []
    failure.heal()
    assert store.create(tiny_session()).name == "home-care--elderly-person.toml"


def test_lock_on_a_read_only_folder_says_so(saved: tuple[SessionFile, bytes],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    session_file, _ = saved

    def read_only(path: Any, flags: int, mode: int = 0o777, **kw: Any) -> int:
        if flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system")
        return real_open(path, flags, mode, **kw)

    monkeypatch.setattr(os, "open", read_only)
    with pytest.raises(FileWriteError, match=r"\.s\.toml\.lock: could not be created .*read-only"):
        acquire(session_file.path)


def test_export_that_cannot_be_written_reports_and_fails(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.md"
    target.write_text("old export")
    Failure(monkeypatch, "write", errno.ENOSPC)
    assert cli._write_output("# Export\n" * 100, target, io.StringIO(),
                             force=True) == cli.EXIT_PROBLEM
    assert f"{target}: could not be saved: the disk is full" in capsys.readouterr().err
    assert target.read_text() == "old export"


def test_atomic_write_cleans_up_on_interrupt(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "f.txt"
    target.write_text("old")

    def interrupted(src: Any, dst: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write_text(target, "new")
    assert [p.name for p in tmp_path.iterdir()] == ["f.txt"]
    assert target.read_text() == "old"


def test_an_unreadable_sessions_folder_is_one_line_in_the_listing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "sessions"
    folder.mkdir()

    def refuse(path: Any) -> Any:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(os, "scandir", refuse)  # how the store reads the folder
    summaries = SessionStore(folder).list()
    assert [(s.path, s.error) for s in summaries] == [
        (folder, "the sessions folder cannot be read: permission denied")]
    out = io.StringIO()
    assert cli.main(["--sessions-dir", str(folder), "list"], out=out) == 0
    assert "sessions: the sessions folder cannot be read: permission denied" in out.getvalue()

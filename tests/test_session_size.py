"""The app never writes a session it would refuse to open, and says so well before."""

from __future__ import annotations

from pathlib import Path

import pytest

from slbmc_tui.domain.errors import SessionFileError
from slbmc_tui.storage import session_file
from slbmc_tui.storage.session_file import SessionFile, SessionTooLarge
from slbmc_tui.storage.store import SessionStore
from slbmc_tui.storage.toml_format import session_to_data
from tests.tiny_bank import tiny_session


@pytest.fixture
def small_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    # The real limits are 10 MB / 8 MB; the rules are the same at 20 KB / 10 KB.
    monkeypatch.setattr(session_file, "MAX_FILE_BYTES", 20_000)
    monkeypatch.setattr(session_file, "SIZE_WARNING_BYTES", 10_000)


def _with_text(size: int) -> dict[str, object]:
    session = tiny_session()
    session.answer("customers_world", "ours", "q1").text = "x" * size
    return session_to_data(session)


@pytest.mark.usefixtures("small_limits")
def test_a_warning_comes_well_before_the_limit(tmp_path: Path) -> None:
    file = SessionFile(tmp_path / "s.toml")
    file.save(_with_text(1_000))
    assert file.size_warning is None
    file.save(_with_text(12_000))
    assert file.size is not None and file.size > 10_000
    assert file.size_warning is not None and "can hold" in file.size_warning
    reopened = SessionFile(tmp_path / "s.toml")  # warned at once on opening, before any edit
    assert reopened.size == file.size and reopened.size_warning == file.size_warning


@pytest.mark.usefixtures("small_limits")
def test_a_save_past_the_limit_keeps_the_text_and_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    file = SessionFile(path)
    file.save(_with_text(1_000))
    before = path.read_bytes()
    with pytest.raises(SessionTooLarge) as caught:
        file.save(_with_text(30_000))
    assert path.read_bytes() == before
    recovery = caught.value.recovery_path
    assert recovery is not None and recovery.parent == tmp_path
    assert not recovery.name.endswith(".toml")  # never listed as a (broken) session
    assert recovery.read_text().count("x") >= 30_000
    assert oct(recovery.stat().st_mode & 0o777) == "0o600"
    message = str(caught.value)
    assert "s.toml" in message and recovery.name in message and "Shorten" in message
    assert caught.value.errno is not None  # an OSError: the autosaver keeps the session dirty
    file.save(_with_text(2_000))  # shortened: saves again
    assert path.read_bytes() != before


def test_the_limits_are_the_ones_the_reader_applies() -> None:
    from slbmc_tui.storage import store

    assert store.MAX_FILE_BYTES == session_file.MAX_FILE_BYTES
    assert session_file.SIZE_WARNING_BYTES <= 0.8 * session_file.MAX_FILE_BYTES


def test_a_file_the_app_writes_at_the_limit_opens_again(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    file = SessionFile(path)
    file.save(_with_text(10))
    overhead = len(path.read_bytes()) - 10
    file.save(_with_text(session_file.MAX_FILE_BYTES - overhead))
    assert path.stat().st_size == session_file.MAX_FILE_BYTES
    SessionStore(tmp_path).load(path)  # opens: no "larger than a session can be"
    with pytest.raises(SessionTooLarge):
        file.save(_with_text(session_file.MAX_FILE_BYTES - overhead + 1))
    SessionStore(tmp_path).load(path)


def test_data_nested_deeper_than_the_reader_allows_is_never_written(tmp_path: Path) -> None:
    data = _with_text(10)
    deep: dict[str, object] = {}
    node = deep
    for _ in range(40):
        node["z"] = {}
        node = node["z"]  # type: ignore[assignment]
    data["extra"] = deep
    path = tmp_path / "s.toml"
    with pytest.raises(SessionTooLarge, match="deeper than"):
        SessionFile(path).save(data)
    assert not path.exists()


@pytest.mark.usefixtures("small_limits")
def test_creating_a_copy_past_the_limit_writes_nothing(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from slbmc_tui.storage import store

    monkeypatch.setattr(store, "too_large_problem", session_file.too_large_problem)
    session = tiny_session()
    session.answer("customers_world", "ours", "q1").text = "x" * 30_000
    with pytest.raises(SessionTooLarge):
        SessionStore(tmp_path).create(session)
    assert list(tmp_path.glob("*.toml")) == []


def test_read_limit_message_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    path.write_bytes(b"#" * (session_file.MAX_FILE_BYTES + 1))
    with pytest.raises(SessionFileError, match="big.toml: is 10.0 MB, larger than a session"):
        SessionStore(tmp_path).load(path)


def test_a_lone_surrogate_never_makes_a_session_unsaveable(tmp_path: Path) -> None:
    # Undecodable bytes on a command line arrive as lone surrogates, which UTF-8 cannot hold.
    session = tiny_session(title="Caf\udce9")
    session.answer("customers_world", "ours", "q1").text = "ok \udcff end"
    path = SessionStore(tmp_path).create(session)
    SessionFile(path).save(session_to_data(session))
    loaded = SessionStore(tmp_path).load(path)
    assert loaded.meta.title == "Caf\ufffd"
    answer = loaded.peek("customers_world", "ours", "q1")
    assert answer is not None and answer.text == "ok \ufffd end"

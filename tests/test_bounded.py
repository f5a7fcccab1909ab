"""Bounded reading: every file the app opens it can also save, and every refusal names the file."""

from __future__ import annotations

import threading
import time
import tomllib
from pathlib import Path

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from slbmc_tui.domain import bounded
from slbmc_tui.domain.bank import load_bank, resolve_bank
from slbmc_tui.domain.errors import BankError, SessionFileError
from slbmc_tui.storage.store import SessionStore, open_session
from slbmc_tui.storage.toml_format import session_to_data
from tests import hostile


def _nested_key(depth: int) -> str:
    """An unknown key `future` whose value nests tables so the deepest sits at `depth`."""
    return "future = " + "{a = " * (depth - 1) + "1" + "}" * (depth - 1) + "\n"


def _with_head_line(folder: Path, line: str) -> Path:
    path = hostile.hostile_session(folder, text="ok")
    text = path.read_text()
    path.write_text(text.replace("[meta]", line + "[meta]", 1))
    return path


def test_the_deepest_file_the_reader_accepts_is_saved_and_read_again(tmp_path: Path) -> None:
    path = _with_head_line(tmp_path, _nested_key(bounded.MAX_DEPTH))
    opened = open_session(SessionStore(tmp_path), path, lock=True)
    try:
        opened.session.meta.title = "Saved again"
        assert opened.file.save(session_to_data(opened.session))
    finally:
        opened.close()
    again = SessionStore(tmp_path).load(path)
    assert again.meta.title == "Saved again" and "future" in again.extra


def test_one_level_deeper_is_refused_at_load_naming_the_file(tmp_path: Path) -> None:
    path = _with_head_line(tmp_path, _nested_key(bounded.MAX_DEPTH + 1))
    with pytest.raises(SessionFileError, match="deeper than 32 levels") as caught:
        SessionStore(tmp_path).load(path)
    assert str(caught.value).startswith(str(path))


@pytest.mark.parametrize("build", [hostile.deep_header, hostile.deep_unknown_key,
                                   hostile.deep_answers, hostile.deep_head])
def test_deep_files_are_refused_quickly_in_any_thread(build: hostile.Builder,
                                                      tmp_path: Path) -> None:
    path = build(tmp_path)
    errors: list[BaseException] = []

    def load() -> None:
        try:
            SessionStore(tmp_path).load(path)
        except BaseException as error:  # noqa: BLE001 - collected for the assertion
            errors.append(error)

    worker = threading.Thread(target=load)  # the app loads in a worker thread
    worker.start()
    worker.join(timeout=20)
    assert not worker.is_alive()
    assert len(errors) == 1 and isinstance(errors[0], SessionFileError)
    assert "deeper than" in str(errors[0])


def test_a_head_nested_10000_deep_is_listed_as_broken_beside_the_others(tmp_path: Path) -> None:
    good = hostile.hostile_session(tmp_path, name="good.toml", text="fine")
    deep = hostile.deep_head(tmp_path)
    summaries = {s.path.name: s for s in SessionStore(tmp_path).list()}
    assert summaries[good.name].ok
    assert summaries[deep.name].error is not None
    assert "deeper than" in summaries[deep.name].error


def test_too_many_keys_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bounded, "MAX_VALUES", 1_000)
    path = hostile.wide_session(tmp_path, keys=2_000)
    with pytest.raises(SessionFileError, match="more than 1,000 keys"):
        SessionStore(tmp_path).load(path)


@pytest.mark.parametrize("bad", ["dev-zero", "fifo", "directory", "symlink-loop",
                                 "dangling-link", "deep-bank"])
def test_banks_are_read_only_from_regular_sane_files(bad: str, tmp_path: Path) -> None:
    path = hostile.BANK_PATHS[bad](tmp_path)
    with pytest.raises(BankError) as caught:
        load_bank(path)
    assert str(caught.value).startswith(str(path))
    with pytest.raises(BankError):
        resolve_bank("x", "en", str(path))  # a session's bank_path goes the same way


def test_a_bank_larger_than_any_bank_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    with open(path, "wb") as handle:
        handle.truncate(3 * 1024 * 1024)
    with pytest.raises(BankError, match="larger than a question bank can be"):
        load_bank(path)


def test_a_session_whose_bank_is_a_fifo_does_not_hang_or_keep_a_lock(tmp_path: Path) -> None:
    sessions = tmp_path / "sessions"
    path = hostile.SESSION_FILES["bank-fifo"](sessions)
    with pytest.raises(BankError, match="not a regular file"):
        open_session(SessionStore(sessions), path, lock=True)
    open_session(SessionStore(sessions), path.with_name(path.name), lock=False,
                 bank_override=hostile.hostile_bank(tmp_path)).close()
    from slbmc_tui.storage.locking import read_lock

    assert read_lock(path) is None


toml_values = st.recursive(
    st.integers() | st.booleans() | st.text(max_size=30)
    | st.sampled_from(['"""', "'''", "#", "a = 1\nb = 2", "x'''''", '\\"#\n[t]\n']),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=30)


@settings(max_examples=150, deadline=None)
@given(data=st.dictionaries(st.text(max_size=8), toml_values, max_size=6),
       multiline=st.booleans())
def test_the_quick_count_never_exceeds_the_real_one(data: dict[str, object],
                                                    multiline: bool) -> None:
    text = tomli_w.dumps(data, multiline_strings=multiline)
    real = 0
    stack: list[object] = [tomllib.loads(text)]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            real += len(node)
            stack.extend(node.values())
        elif isinstance(node, list):
            real += len(node)
            stack.extend(node)
    assert bounded._least_values(text) <= real


def test_a_file_of_a_million_keys_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "keys.toml"
    path.write_text("schema_version = 1\n"
                    + "".join(f"k{i} = 1\n" for i in range(1_200_000))[:9_000_000])
    started = time.monotonic()
    with pytest.raises(SessionFileError, match="more than 250,000 keys"):
        SessionStore(tmp_path).load(path)
    assert time.monotonic() - started < 8  # a full parse takes ~18 s here


def test_the_quick_count_of_the_app_s_own_files_is_a_lower_bound(tmp_path: Path) -> None:
    for text in ("one\ntwo = 3\n#x\n[t]\n'''", "a\r\nb", hostile.HOSTILE_TEXT):
        path = hostile.hostile_session(tmp_path, text=text)
        raw = path.read_text()
        data = tomllib.loads(raw)
        real, stack = 0, [data]
        while stack:
            node = stack.pop()
            if isinstance(node, dict | list):
                real += len(node)
                stack.extend(node.values() if isinstance(node, dict) else node)
        assert bounded._least_values(raw) <= real

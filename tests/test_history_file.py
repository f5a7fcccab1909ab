"""The history file: bounded, private, ignored by listings and `validate`, safe to read
whatever it holds."""

from __future__ import annotations

import contextlib
import io
import os
from datetime import timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from slbmc_tui import cli
from slbmc_tui.storage import history
from slbmc_tui.storage.history import Version
from slbmc_tui.storage.store import SessionStore
from tests.app_helpers import make_session
from tests.conftest import FIXED_NOW

KEY = ("b", "ours", "q")


def version(minutes: int, text: str, key: tuple[str, str, str] = KEY) -> Version:
    return Version(FIXED_NOW + timedelta(minutes=minutes), key, text)


def test_the_name_is_hidden_and_never_a_session(tmp_path: Path) -> None:
    path = tmp_path / "acme--retail.toml"
    assert history.history_path(path).name == ".acme--retail.history.jsonl"
    assert not history.history_path(path).match("*.toml")


def test_listing_and_validate_ignore_history_files(sessions_dir: Path) -> None:
    path = make_session(sessions_dir, "Acme", "Retail")
    history.append_versions(path, [version(0, "x")])
    assert [s.path for s in SessionStore(sessions_dir).list()] == [path]
    out = io.StringIO()
    hist = history.history_path(path)
    assert cli.cmd_validate(SessionStore(sessions_dir), [path, hist], out) == 0
    assert "answer history, 1 versions" in out.getvalue()
    hist.write_text("junk\n")
    out = io.StringIO()
    assert cli.cmd_validate(SessionStore(sessions_dir), [hist], out) == 0
    assert "warning: 1 damaged line(s)" in out.getvalue()


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_text_round_trips(text: str) -> None:
    line = history.encode(version(1, text))
    assert line.count("\n") == 1 and all(c >= " " or c == "\n" for c in line)
    assert history.decode(line.rstrip("\n")) == version(1, text)


def test_versions_of_one_answer_newest_first_repeats_left_out() -> None:
    found = [version(0, "a"), version(1, "a"), version(2, "x", ("b", "ours", "other")),
             version(3, "ab"), version(4, "a")]
    assert [v.text for v in history.versions_of(found, KEY)] == ["a", "ab", "a"]


def test_the_file_stays_bounded_and_keeps_what_matters(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    text = ""
    for minute in range(400):
        text += "word " * 2  # steady typing: each version only adds words
        if minute == 200:
            text = "deleted most of it "  # a deletion: the version before it must stay
        history.append_versions(path, [version(minute, text),
                                       version(minute, f"other {minute}", ("b", "c", "o"))],
                                max_bytes=64 * 1024)
    assert os.path.getsize(history.history_path(path)) <= 64 * 1024
    found = history.read_history(path)
    mine = history.versions_of(found.versions, KEY)
    assert mine[0].text == text  # the newest is always kept
    assert any(v.text.startswith("word ") and len(v.text) > 1000 for v in mine)  # pre-deletion
    assert found.problem == ""
    assert oct(os.stat(history.history_path(path)).st_mode & 0o777) == "0o600"


def test_a_link_or_huge_file_is_refused_or_read_within_bounds(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    target = tmp_path / "elsewhere"
    target.write_text("secret\n")
    history.history_path(path).symlink_to(target)
    found = history.read_history(path)
    assert found.versions == [] and "cannot be read" in found.problem
    with contextlib.suppress(OSError):
        history.append_versions(path, [version(0, "x")])
    assert target.read_text() == "secret\n"  # never written through the link
    history.history_path(path).unlink()
    with history.history_path(path).open("w") as handle:
        handle.write("x" * (history.READ_LIMIT + 10) + "\n")
        handle.write(history.encode(version(0, "kept")))
    found = history.read_history(path)
    assert [v.text for v in found.versions] == ["kept"]


def test_a_line_cut_by_a_crash_is_ignored_and_the_next_version_kept(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    history.append_versions(path, [version(0, "before the crash")])
    with history.history_path(path).open("a", encoding="utf-8") as handle:
        handle.write(history.encode(version(1, "half written"))[:20])  # killed mid-append
    assert history.read_history(path) == history.HistoryRead([version(0, "before the crash")])
    history.append_versions(path, [version(2, "after the resume")])
    found = history.read_history(path)
    assert [v.text for v in found.versions] == ["before the crash", "after the resume"]
    assert "1 damaged line(s)" in found.problem  # the cut line, now followed by a newline

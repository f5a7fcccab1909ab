"""The workspace service: open with locks, copy, the demo, names, comparisons."""

from __future__ import annotations

import os
import socket
import threading
from pathlib import Path

import pytest

from slbmc_tui.demo import shipped_demo_paths
from slbmc_tui.domain.errors import SlbmcFileError
from slbmc_tui.services.workspace import Workspace, load_comparison, same_file
from slbmc_tui.storage.locking import LockInfo, SessionLocked
from slbmc_tui.storage.store import SessionStore
from tests.app_helpers import make_session
from tests.conftest import FakeClock
from tests.test_locking import HOLDER


@pytest.fixture
def workspace(sessions_dir: Path, clock: FakeClock) -> Workspace:
    return Workspace(SessionStore(sessions_dir), clock=clock)


def test_opening_for_editing_takes_the_lock_and_closing_gives_it_back(
        workspace: Workspace, sessions_dir: Path) -> None:
    path = make_session(sessions_dir, "HomeWell", "Elderly")
    opened = workspace.open(path)
    assert opened.session.meta.title == "HomeWell"
    with pytest.raises(SessionLocked) as locked:
        workspace.open(path)
    assert workspace.held_here(locked.value.info)
    opened.close()
    workspace.open(path).close()  # free again


def test_read_only_opens_without_a_lock(workspace: Workspace, sessions_dir: Path) -> None:
    path = make_session(sessions_dir, "HomeWell", "Elderly")
    opened = workspace.open(path, read_only=True)
    assert opened.lock is None
    workspace.open(path).close()  # nobody holds it


def test_a_lock_of_another_process_is_not_held_here() -> None:
    assert not Workspace.held_here(LockInfo(os.getpid() + 1, socket.gethostname(), None))
    assert not Workspace.held_here(LockInfo(os.getpid(), "another-host", None))


def test_a_session_another_process_edits_is_refused_with_its_holder(
        workspace: Workspace, sessions_dir: Path) -> None:
    import subprocess
    import sys

    path = make_session(sessions_dir, "HomeWell", "Elderly")
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "won"
        with pytest.raises(SessionLocked) as locked:
            workspace.open(path)
        assert locked.value.info.pid == child.pid and not workspace.held_here(locked.value.info)
    finally:
        assert child.stdin is not None
        child.stdin.close()
        child.wait(timeout=10)


def test_an_unreadable_file_is_refused_and_nothing_is_written(
        workspace: Workspace, sessions_dir: Path) -> None:
    sessions_dir.mkdir(parents=True, exist_ok=True)
    broken = sessions_dir / "broken.toml"
    broken.write_text("not = [toml", encoding="utf-8")
    with pytest.raises(SlbmcFileError):
        workspace.open(broken)
    assert broken.read_text(encoding="utf-8") == "not = [toml"
    assert [p.name for p in sessions_dir.iterdir()] == ["broken.toml"]  # no lock kept


def test_duplicates_say_what_they_made(workspace: Workspace, sessions_dir: Path) -> None:
    source = make_session(sessions_dir, "HomeWell", "Elderly",
                          answered={("customers_world", "ours", "deep_insight"): "Visits"})
    before = source.read_bytes()
    profile = workspace.duplicate(source, "A relative")
    assert profile.what == "New profile “A relative”"
    assert workspace.store.load(profile.path).meta.profile == "A relative"
    round_two = workspace.duplicate(source)
    assert round_two.what == "Round 2 of “Elderly”"
    assert "Visits" in round_two.path.read_text(encoding="utf-8")
    assert source.read_bytes() == before
    assert len({source, profile.path, round_two.path}) == 3


def test_names_resolve_as_on_the_command_line(workspace: Workspace,
                                              sessions_dir: Path) -> None:
    assert workspace.resolve(None) is None  # nothing to resume yet
    older = make_session(sessions_dir, "HomeWell", "Elderly", minutes_ago=30)
    newer = make_session(sessions_dir, "HomeWell", "Relative", minutes_ago=5)
    assert workspace.resolve(None) == newer
    assert workspace.resolve(older.stem) == older
    with pytest.raises(SlbmcFileError):
        workspace.resolve("nope")
    found = workspace.resolve_all([older.stem, newer.name, str(older), "nope"])
    assert found.paths == (older, newer, older)
    assert len(found.problems) == 1 and "nope" in found.problems[0]


def test_the_demo_is_a_private_copy_and_known_as_such(workspace: Workspace,
                                                      sessions_dir: Path) -> None:
    shipped = [p.read_bytes() for p in shipped_demo_paths()]
    folder, first = workspace.copy_demo()
    assert workspace.demo_folder == folder and first.parent == folder
    assert (folder.stat().st_mode & 0o777) == 0o700
    assert workspace.in_demo(first)
    assert not workspace.in_demo(make_session(sessions_dir, "HomeWell", "Elderly"))
    first.write_text("changed", encoding="utf-8")
    assert [p.read_bytes() for p in shipped_demo_paths()] == shipped


def test_the_demo_is_copied_safely_from_many_threads(workspace: Workspace) -> None:
    folders: list[Path] = []
    threads = [threading.Thread(target=lambda: folders.append(workspace.copy_demo()[0]))
               for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(folders)) == 8 and workspace.demo_folder in folders


def test_a_comparison_skips_unreadable_sessions(sessions_dir: Path) -> None:
    first = make_session(sessions_dir, "HomeWell", "Elderly")
    second = make_session(sessions_dir, "HomeWell", "Relative")
    broken = sessions_dir / "broken.toml"
    broken.write_text("meta = 1", encoding="utf-8")
    loaded = load_comparison([first, broken, second])
    assert loaded.paths == (first, second)
    assert loaded.comparison is not None and len(loaded.comparison.sessions) == 2
    assert len(loaded.problems) == 1 and "broken.toml" in loaded.problems[0]
    assert load_comparison([broken]).comparison is None


def test_same_file_sees_through_links(tmp_path: Path) -> None:
    target = tmp_path / "a.toml"
    target.write_text("", encoding="utf-8")
    (tmp_path / "link.toml").symlink_to(target)
    assert same_file(tmp_path / "link.toml", target)
    assert same_file(tmp_path / "x" / ".." / "a.toml", target)
    assert not same_file(tmp_path / "b.toml", target)

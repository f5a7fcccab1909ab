"""Crash safety: a save killed at any instant leaves a complete, parseable session file.

Each round starts a fresh child process that saves a growing session in a loop and kills it
with SIGKILL after a random short delay. After every kill the file on disk must be exactly
one of the states whose save completed, or the one being written, never a mix.
"""

from __future__ import annotations

import functools
import os
import random
import signal
import subprocess
import sys
import time
import tomllib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import tomli_w

import slbmc_tui
from slbmc_tui.storage.atomic import TEMP_SUFFIX, clean_stale_temp_files, is_temp_file
from slbmc_tui.storage.session_file import SessionFile
from slbmc_tui.storage.store import SessionStore
from slbmc_tui.storage.toml_render import SessionRenderer
from tests.crash_child import state

CHILD = Path(__file__).with_name("crash_child.py")
KILLS_PER_WORKER = 105
WORKERS = 2
# The child skips site.py (-S) and finds exactly what it imports here: a faster start
# means more kills per second.
CHILD_PATH = os.pathsep.join(str(Path(module.__file__ or "").resolve().parent.parent)
                             for module in (slbmc_tui, tomli_w))


@functools.cache
def _text(index: int) -> str:
    return SessionRenderer().render(state(index))


def _start_child(path: Path, first: int, count: int = 100_000) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-S", str(CHILD), str(path), str(first), str(count)],
        stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": CHILD_PATH})


def _kill_rounds(folder: Path, seed: int) -> tuple[int, int]:
    """Run KILLS_PER_WORKER kill rounds on one file; returns (kills, kills that left a temp)."""
    rng = random.Random(seed)
    folder.mkdir()
    path = folder / "crash-test--patient.toml"
    SessionFile(path).save(state(0))
    current, mid_write = 0, 0
    store = SessionStore(folder)
    for round_number in range(KILLS_PER_WORKER):
        child = _start_child(path, current + 1)
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0, 0.03))
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate()
        assert child.returncode == -signal.SIGKILL
        done = [int(line) for line in rest.split()]
        last = done[-1] if done else current
        on_disk = path.read_text(encoding="utf-8")
        candidates = {last: _text(last), last + 1: _text(last + 1)}
        matching = [index for index, text in candidates.items() if text == on_disk]
        assert matching, f"after a kill the file is none of states {sorted(candidates)}"
        current = matching[0]
        assert tomllib.loads(on_disk)["meta"]["title"] == "Crash test"
        if round_number % 10 == 0:
            assert store.load(path).meta.title == "Crash test"  # a valid session, too
        # Leftover temp files never show up as sessions.
        assert store.session_paths() == [path]
        assert [s.path for s in store.list()] == [path]
        if any(is_temp_file(p.name) for p in folder.iterdir()):
            mid_write += 1
    return KILLS_PER_WORKER, mid_write


def test_sigkill_at_random_moments_never_corrupts_the_file(tmp_path: Path) -> None:
    with ThreadPoolExecutor(WORKERS) as pool:
        results = list(pool.map(lambda n: _kill_rounds(tmp_path / f"w{n}", seed=n),
                                range(WORKERS)))
    kills = sum(k for k, _ in results)
    mid_write = sum(m for _, m in results)
    assert kills >= 200
    # The delays are short enough that some kills land inside a save (a temp file is left).
    assert mid_write > 0
    for n in range(WORKERS):
        folder = tmp_path / f"w{n}"
        clean_stale_temp_files(folder)
        assert [p.name for p in folder.iterdir()] == ["crash-test--patient.toml"]


def test_clean_exit_leaves_no_temporary_files(tmp_path: Path) -> None:
    path = tmp_path / "session.toml"
    child = _start_child(path, 1, count=50)
    out, _ = child.communicate(timeout=30)
    assert child.returncode == 0
    assert out.split()[-1] == "50"
    assert [p.name for p in tmp_path.iterdir()] == ["session.toml"]
    assert path.read_text(encoding="utf-8") == _text(50)


def test_stale_temp_files_are_swept_and_live_ones_kept(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    folder.mkdir()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    leftover = folder / f".a.toml.{dead.pid}-deadbeef{TEMP_SUFFIX}"
    in_progress = folder / f".b.toml.{os.getpid()}-cafef00d{TEMP_SUFFIX}"
    ancient = folder / f".c.toml.{os.getpid()}-0badc0de{TEMP_SUFFIX}"
    unrelated = folder / ".notes.txt"
    for path in (leftover, in_progress, ancient, unrelated):
        path.write_text("half a save")
    os.utime(ancient, (1_000_000, 1_000_000))  # pid reused long after the crash
    store = SessionStore(folder)
    assert store.list() == []
    removed = store.sweep()
    assert sorted(removed) == sorted([leftover, ancient])
    assert in_progress.exists() and unrelated.exists()


def test_opening_a_session_for_writing_sweeps_leftovers(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    folder.mkdir()
    path = folder / "s.toml"
    SessionFile(path).save(state(3))
    leftover = folder / f".s.toml.999999999-deadbeef{TEMP_SUFFIX}"
    leftover.write_text("half")
    SessionStore(folder).open(path)
    assert not leftover.exists()

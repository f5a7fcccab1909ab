"""Steady typing survives `kill -9`: the real app in a pseudo-terminal, keys written as a
terminal writes them, a word every 0.1 to 0.6 s without a pause, then SIGKILL at a random
moment. Nothing typed more than 1.5 s before the kill may be lost.

`SLBMC_KILLS` sets how many kills (default 3, about 15 s on a busy machine; the issue's
figure is 200: `SLBMC_KILLS=200 python -m pytest tests/test_kill_while_typing.py`).
`SLBMC_KILL_WORKERS` runs that many apps side by side (default 1).
"""

from __future__ import annotations

import fcntl
import os
import random
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
import tomllib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

from tests.conftest import FakeClock
from tests.interview_host import create_session_file

KILLS = int(os.environ.get("SLBMC_KILLS", "3"))
WORKERS = int(os.environ.get("SLBMC_KILL_WORKERS", "1"))
MAY_LOSE_SECONDS = 1.5
WORDS = ("client", "says", "the", "price", "matters", "less", "than", "trust", "and",
         "speed", "of", "delivery", "every", "week")


class Trial(NamedTuple):
    """One kill: what was typed when, and what the file held afterwards."""

    typed: list[tuple[float, str]]  # (monotonic time the word was written, text so far)
    killed_at: float
    saved: str


def _drain(fd: int, seen: bytearray, stop: threading.Event) -> None:
    """Read the app's output as a terminal would (a full pty would block the app)."""
    while not stop.is_set():
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return
        if not chunk:
            return
        seen.extend(chunk)
        if len(seen) > 1 << 20:
            del seen[:-64]


def one_kill(folder: Path, seed: int) -> Trial:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    path = create_session_file(folder, FakeClock())
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"}
    env.pop("TEXTUAL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "slbmc_tui", "--sessions-dir", str(folder), "resume",
         path.name], stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True,
        close_fds=True)
    os.close(slave)
    seen = bytearray()
    stop = threading.Event()
    reader = threading.Thread(target=_drain, args=(master, seen, stop), daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 30
        while b"answered" not in seen and time.monotonic() < deadline:
            time.sleep(0.02)
        assert b"answered" in seen, "the app did not show the interview"
        typed: list[tuple[float, str]] = []
        text = ""
        kill_at = time.monotonic() + rng.uniform(1.6, 4.5)
        while True:
            word = rng.choice(WORDS) + " "
            os.write(master, word.encode())
            text += word
            typed.append((time.monotonic(), text))
            pause = rng.uniform(0.1, 0.6)
            if time.monotonic() + pause >= kill_at:
                time.sleep(max(0.0, kill_at - time.monotonic()))
                break
            time.sleep(pause)
        killed_at = time.monotonic()
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
        stop.set()
        os.close(master)
        reader.join(timeout=2)
    blocks = tomllib.loads(path.read_text(encoding="utf-8")).get("blocks", {})
    saved = blocks.get("customers_world", {}).get("ours", {}).get("deep_insight", {})
    return Trial(typed, killed_at, saved.get("text", ""))


def must_have(trial: Trial) -> str:
    """The text typed more than MAY_LOSE_SECONDS before the kill."""
    old = [text for at, text in trial.typed if at <= trial.killed_at - MAY_LOSE_SECONDS]
    return old[-1] if old else ""


def test_steady_typing_survives_sigkill(tmp_path: Path) -> None:
    def run(index: int) -> Trial:
        return one_kill(tmp_path / f"kill{index}", seed=index * 7919 + 13)

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        trials = list(pool.map(run, range(KILLS)))
    failures = []
    for index, trial in enumerate(trials):
        full = trial.typed[-1][1]
        wanted = must_have(trial)
        if not (trial.saved.startswith(wanted) and full.startswith(trial.saved)):
            lost = len(wanted) - len(os.path.commonprefix([wanted, trial.saved]))
            failures.append(f"kill {index}: {lost} characters typed more than "
                            f"{MAY_LOSE_SECONDS} s before the kill are missing "
                            f"(saved {len(trial.saved)} of {len(full)} typed)")
    assert not failures, f"{len(failures)} of {len(trials)} kills lost text:\n" + \
        "\n".join(failures[:10])
    print(f"\n{len(trials)} kills, none lost text typed {MAY_LOSE_SECONDS} s before")

"""A hostile session opened in a real terminal (tmux) leaves the terminal alone.

tmux obeys what a program writes: OSC 52 fills its paste buffer (with `set-clipboard on`),
OSC 0/2 set the pane's title. The app is run in a private tmux server on a hostile session,
walked through the screens that show data, and afterwards the buffer list is empty, the
title unchanged, and the bytes the app wrote to the pane (`pipe-pane`) hold none of the
sequences from the file, only their visible pictures.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import FakeClock
from tests.hostile_display import ESCAPES, OSC0, OSC2, OSC52, hostile_session

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

SLBMC = Path(sys.executable).with_name("slbmc")


class Tmux:
    """One private tmux server (its own socket), killed at the end of the test."""

    def __init__(self) -> None:
        self.socket = f"slbmc-display-test-{os.getpid()}"

    def __call__(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True,
                              text=True, check=check, timeout=20)
        return done.stdout

    def screen(self) -> str:
        return self("capture-pane", "-p", "-t", "app")

    def wait_for(self, text: str, timeout: float = 30) -> bool:
        """Whether `text` showed in time (a terminal reset by the data may never show it)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in self.screen():
                return True
            time.sleep(0.1)
        return False

    def keys(self, *keys: str, settle: float = 0.8) -> None:
        self("send-keys", "-t", "app", *keys)
        time.sleep(settle)


@pytest.fixture
def tmux() -> Iterator[Tmux]:
    server = Tmux()
    yield server
    socket = server("display-message", "-p", "#{socket_path}", check=False).strip()
    server("kill-server", check=False)
    if socket:
        Path(socket).unlink(missing_ok=True)  # tmux leaves it behind


def test_a_hostile_session_never_writes_the_clipboard_or_the_title(
        tmux: Tmux, tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    path = hostile_session(folder, clock=FakeClock())
    hostile_session(folder, clock=FakeClock())  # a second profile, for the compare chooser
    stream = tmp_path / "pane-output.bin"
    command = (f"read _; exec {shlex.quote(str(SLBMC))} --sessions-dir "
               f"{shlex.quote(str(folder))} resume {shlex.quote(path.name)}")
    tmux("-f", "/dev/null", "new-session", "-d", "-s", "app", "-x", "120", "-y", "40",
         "-e", "TERM=xterm-256color", "sh", "-c", command)
    tmux("set-option", "-g", "set-clipboard", "on")
    tmux("set-option", "-g", "remain-on-exit", "on")  # the pane outlives the app: ask it after
    title_before = tmux("display-message", "-p", "-t", "app", "#{pane_title}")
    tmux("pipe-pane", "-o", "-t", "app", f"cat > {shlex.quote(str(stream))}")
    tmux.keys("Enter", settle=0)  # the app starts only now that its output is captured

    shown = tmux.wait_for("answered")
    for key in ("F2", "Escape", "F3", "Escape", "C-p", "Escape", "C-e", "Escape", "F1",
                "Escape", "F4"):
        tmux.keys(key)
    tmux.keys("Escape")
    tmux.keys("C-q", settle=1.5)
    tmux("pipe-pane", "-t", "app", check=False)  # closes the capture

    assert tmux("list-buffers") == "", "the app wrote the terminal's clipboard"
    assert tmux("display-message", "-p", "-t", "app", "#{pane_title}") == title_before
    written = stream.read_bytes()
    for sequence in ESCAPES:
        assert sequence.encode() not in written, f"{sequence!r} reached the terminal"
    for prefix in (OSC52[:5], OSC0[:4], OSC2[:4], "\x1bc", "\x1bP"):
        assert prefix.encode() not in written, f"{prefix!r} reached the terminal"
    for c1 in ("\x9b", "\x9c", "\x9d"):
        assert c1.encode() not in written, f"C1 control {c1!r} reached the terminal"
    assert shown, f"the interview never showed; the screen was:\n{tmux.screen()}"
    assert "␛]52;c;".encode() in written, "the hostile answers were not on screen"

"""Drive a program in a real terminal (tmux) and time what appears on its screen.

A private tmux server (its own socket) is kept alive by an idle session for the
whole bench, so starting the server is never part of a measurement. Each measured
program runs in its own session; the screen is read with `capture-pane`, polled
every `POLL_INTERVAL` seconds through one tmux client in control mode (`tmux -C`).
Starting a tmux process for each poll cost ~2.7 ms of CPU, so polling every 2 ms kept
one of this machine's two CPUs busy beside the program being timed, and the same
program's start varied by a third from run to run; a poll through the control client
costs ~0.05 ms.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

POLL_INTERVAL = 0.002
SOCKET = f"slbmc-bench-{os.getpid()}"
_KEEPER = "keeper"
_CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def available() -> bool:
    return shutil.which("tmux") is not None


class TmuxTimeout(RuntimeError):
    """The expected text did not show in time; carries the last screen for the report."""

    def __init__(self, what: str, screen: str) -> None:
        super().__init__(f"timed out waiting for {what}; screen was:\n{screen}")
        self.screen = screen


def _tmux(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["tmux", "-L", SOCKET, *args], check=check, capture_output=True,
                          text=True)


def ensure_server() -> None:
    """Start the private server once, with an idle session that keeps it alive."""
    if _tmux("has-session", "-t", _KEEPER, check=False).returncode != 0:
        _tmux("-f", "/dev/null", "new-session", "-d", "-s", _KEEPER, "-x", "80", "-y", "24",
              "sleep 100000")
        _tmux("set-option", "-g", "remain-on-exit", "on")


def kill_server() -> None:
    global _control
    if _control is not None:
        _control.close()
        _control = None
    _tmux("kill-server", check=False)


class _ControlClient:
    """A tmux client in control mode: commands and their replies go over its pipes."""

    def __init__(self) -> None:
        self._process = subprocess.Popen(
            ["tmux", "-L", SOCKET, "-C", "attach-session", "-t", _KEEPER],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)

    def run(self, command: str) -> str:
        """The command's output ("" when it failed, as for a session already gone)."""
        self._send(command)
        return self._reply()

    def _send(self, command: str) -> None:
        assert self._process.stdin is not None
        self._process.stdin.write(command + "\n")
        self._process.stdin.flush()

    def _reply(self) -> str:
        """The next reply to a command of ours. Replies are framed `%begin <time> <number>
        <flags>` ... `%end` (or `%error`); flags 1 marks a command sent by this client, so
        the reply to the attach itself (flags 0), which may come before or after the first
        of ours, is skipped, as are notifications (`%output` ...) between replies."""
        assert self._process.stdout is not None
        lines: list[str] = []
        inside = False
        for line in self._process.stdout:
            if line.startswith("%begin "):
                inside, lines = line.split()[-1] == "1", []
            elif inside and line.startswith(("%end ", "%error ")):
                return "".join(lines) if line.startswith("%end ") else ""
            elif inside:
                lines.append(line)
        raise RuntimeError("the tmux control client ended")

    def close(self) -> None:
        if self._process.stdin is not None:
            self._process.stdin.close()
        try:
            self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._process.kill()


_control: _ControlClient | None = None


def _control_client() -> _ControlClient:
    global _control
    if _control is None:
        ensure_server()
        _control = _ControlClient()
    return _control


@dataclass
class Pane:
    """One program running in its own tmux session."""

    name: str
    started_at: float
    pid: int = 0
    _counter: list[int] = field(default_factory=lambda: [0])

    def capture(self) -> str:
        return _control_client().run(f"capture-pane -p -t {self.name}")

    def wait_for(self, ready: Callable[[str], bool], what: str, timeout: float = 30.0,
                 since: float | None = None) -> float:
        """Seconds from `since` (default: start) until `ready(screen)`; polls capture-pane."""
        origin = self.started_at if since is None else since
        deadline = time.perf_counter() + timeout
        screen = ""
        while time.perf_counter() < deadline:
            screen = self.capture()
            if ready(screen):
                return time.perf_counter() - origin
            time.sleep(POLL_INTERVAL)
        raise TmuxTimeout(what, screen)

    def wait_for_text(self, text: str, timeout: float = 30.0, since: float | None = None) -> float:
        return self.wait_for(lambda screen: text in screen, repr(text), timeout, since)

    def send_literal(self, text: str) -> float:
        """Type `text` as keys; returns the moment just before sending."""
        sent = time.perf_counter()
        _tmux("send-keys", "-t", self.name, "-l", text)
        return sent

    def send_key(self, key: str) -> float:
        """Press a named key (tmux names: Enter, BSpace, Tab, C-q, F4 ...)."""
        sent = time.perf_counter()
        _tmux("send-keys", "-t", self.name, key)
        return sent

    def cpu_seconds(self) -> float:
        """utime + stime of the program (all its threads) from /proc/<pid>/stat."""
        with open(f"/proc/{self.pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _CLOCK_TICKS

    def alive(self) -> bool:
        return Path(f"/proc/{self.pid}").exists() and _tmux(
            "display-message", "-p", "-t", self.name, "#{pane_dead}", check=False
        ).stdout.strip() == "0"

    def close(self) -> None:
        _tmux("kill-session", "-t", self.name, check=False)


_sessions = 0


def start(command: Sequence[str], *, width: int = 120, height: int = 40,
          env: Mapping[str, str] | None = None, cwd: Path | None = None) -> Pane:
    """Run `command` in a fresh tmux session of the given size; timing starts just before."""
    global _sessions
    ensure_server()
    _sessions += 1
    name = f"run{_sessions}"
    env_args = [f"{key}={value}" for key, value in (env or {}).items()]
    shell_command = " ".join(shlex.quote(part) for part in command)
    if env_args:
        shell_command = "exec env " + " ".join(shlex.quote(a) for a in env_args) + " " + \
            shell_command
    else:
        shell_command = "exec " + shell_command
    args = ["new-session", "-d", "-s", name, "-x", str(width), "-y", str(height),
            "-P", "-F", "#{pane_pid}"]
    if cwd is not None:
        args += ["-c", str(cwd)]
    started = time.perf_counter()
    pid = int(_tmux(*args, shell_command).stdout.strip())
    return Pane(name=name, started_at=started, pid=pid)


def quit_app(pane: Pane, keys: Sequence[str] = ("C-q",), timeout: float = 5.0) -> None:
    """Ask the program to quit with its own keys, then make sure the session is gone."""
    for key in keys:
        pane.send_key(key)
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline and Path(f"/proc/{pane.pid}").exists():
        try:
            state = Path(f"/proc/{pane.pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            break
        if state == "Z":
            break
        time.sleep(0.01)
    pane.close()


def time_to_text(command: Sequence[str], text: str, timeout: float = 60) -> float:
    """Seconds from starting `command` until `text` shows; the program is quit afterwards."""
    pane = start(command)
    try:
        return pane.wait_for_text(text, timeout=timeout)
    finally:
        quit_app(pane)


Target = tuple[Sequence[str], str]
"""A program to time and the text that says it is ready."""


def time_rounds(targets: Sequence[Target], repeats: int,
                warm_up: Sequence[Target] = ()) -> list[list[float]]:
    """Each target's times, one per round; within a round the targets run in turn, so
    drifting load hits all alike. `warm_up` runs once first, unmeasured (caches, .pyc).
    The tmux server is killed at the end, whatever happened."""
    try:
        for command, text in warm_up:
            time_to_text(command, text)
        runs: list[list[float]] = [[] for _ in targets]
        for _ in range(repeats):
            for times, (command, text) in zip(runs, targets, strict=True):
                times.append(time_to_text(command, text))
        return runs
    finally:
        kill_server()

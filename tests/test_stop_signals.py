"""Closing the terminal or `kill` ends the app within two seconds, at any moment, saving first.

The real program runs in a pseudo-terminal, as in a terminal window. "Closing the terminal"
is the pty's master closed (what `tmux kill-session` does, followed by its SIGHUP).
"""

from __future__ import annotations

import asyncio
import os
import pty
import random
import select
import signal
import sys
import time
from pathlib import Path

import pytest

from slbmc_tui import stop_signals
from slbmc_tui.services.workspace import Workspace
from slbmc_tui.storage.store import SessionStore
from tests.app_helpers import make_session

EXIT_WITHIN = 2.0
CLOSE = 0  # "signal" meaning: close the terminal


class Terminal:
    """`slbmc ARGS` in a 120x40 pseudo-terminal whose output is read and dropped."""

    def __init__(self, sessions_dir: Path, *args: str) -> None:
        env = dict(os.environ, TERM="xterm-256color", COLUMNS="120", LINES="40",
                   SLBMC_SESSIONS_DIR=str(sessions_dir))
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: become slbmc
            os.execve(sys.executable, [sys.executable, "-m", "slbmc_tui", *args], env)
        self.output = b""
        self.open = True

    def read_for(self, seconds: float, until: bytes | None = None) -> bool:
        """Keep the terminal drained (a full pty blocks the app); True when `until` showed."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if until is not None and until in self.output:
                return True
            ready, _, _ = select.select([self.fd], [], [], 0.02)
            if ready:
                try:
                    self.output = (self.output + os.read(self.fd, 65536))[-200_000:]
                except OSError:
                    return False
        return until is not None and until in self.output

    def type(self, text: str) -> None:
        os.write(self.fd, text.encode())

    def stop(self, how: int) -> float | None:
        """Send the signal (or close the terminal); seconds until the process ended, or None."""
        if how == CLOSE:
            os.close(self.fd)
            self.open = False
        else:
            os.kill(self.pid, how)
        sent = time.monotonic()
        while time.monotonic() - sent < EXIT_WITHIN + 2:
            if self.open:
                self.read_for(0.02)
            else:
                time.sleep(0.02)
            if os.waitpid(self.pid, os.WNOHANG)[0]:
                return time.monotonic() - sent
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        return None

    def close(self) -> None:
        if self.open:
            os.close(self.fd)


def _nobody_holds(session: Path) -> None:
    """The stopped process gave the session back: it opens for editing (SessionLocked if not)."""
    Workspace(SessionStore(session.parent)).open(session).close()


def test_a_stop_at_any_moment_of_a_start_ends_the_process(tmp_path: Path) -> None:
    """Every way of stopping at every kind of start, at moments spread over the first 1.5 s
    (one in each ninth of it): every process gone within 2 s."""
    session = make_session(tmp_path, "HomeWell home care", "The elderly person")
    rng = random.Random(16)
    starts = [(how, args) for how in (signal.SIGTERM, signal.SIGHUP, CLOSE)
              for args in (["demo"], ["start"], ["resume", session.name])]
    rng.shuffle(starts)  # which start meets which moment
    late: list[str] = []
    for slot, (how, args) in enumerate(starts):
        delay = (slot + rng.random()) * 1.5 / len(starts)
        terminal = Terminal(tmp_path, *args)
        try:
            terminal.read_for(delay)
            took = terminal.stop(how)
        finally:
            terminal.close()
        if took is None or took > EXIT_WITHIN:
            late.append(f"{args} stopped by {how} after {delay:.2f} s: "
                        f"{'still running' if took is None else f'{took:.2f} s'}")
    assert late == []
    _nobody_holds(session)


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGHUP, CLOSE],
                         ids=["SIGTERM", "SIGHUP", "terminal closed"])
def test_a_stop_while_typing_keeps_the_words_and_the_lock_goes(tmp_path: Path,
                                                               how: int) -> None:
    session = make_session(tmp_path, "HomeWell home care", "The elderly person",
                           answered={("customers_world", "ours", "deep_insight"):
                                     "Home visits"})
    terminal = Terminal(tmp_path, "resume", session.name)
    try:
        assert terminal.read_for(30, until=b"Home visits"), "the interview never showed"
        terminal.read_for(0.3)
        terminal.type(" and weekly calls")
        terminal.read_for(0.15)  # well within the autosave's wait
        took = terminal.stop(how)
    finally:
        terminal.close()
    assert took is not None and took <= EXIT_WITHIN
    assert "Home visits and weekly calls" in session.read_text(encoding="utf-8")
    _nobody_holds(session)


@pytest.mark.asyncio
async def test_a_signal_before_the_app_attached_stops_it_when_it_does(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A stop signal during the imports is acted on as soon as the app is there."""
    stopped: list[str] = []
    previous = signal.getsignal(signal.SIGTERM)
    # The last resort would end this test process: here it only says it was armed.
    armed: list[int] = []
    monkeypatch.setattr(stop_signals, "_last_resort", armed.append)
    try:
        stop_signals.install_for_process()
        os.kill(os.getpid(), signal.SIGTERM)
        await asyncio.sleep(0)
        assert stop_signals.stop_requested()
        stop_signals.attach(lambda: stopped.append("stop"))
        await asyncio.sleep(0)
        assert stopped == ["stop"]
        assert armed == [signal.SIGTERM]
    finally:
        stop_signals.detach()
        stop_signals.release()
    assert signal.getsignal(signal.SIGTERM) is previous


@pytest.mark.asyncio
async def test_an_app_outside_the_cli_gives_the_handlers_back() -> None:
    def mine(_signum: int, _frame: object) -> None:
        return None

    previous = signal.signal(signal.SIGHUP, mine)
    try:
        stop_signals.attach(lambda: None)
        assert signal.getsignal(signal.SIGHUP) is not mine
        stop_signals.detach()
        assert signal.getsignal(signal.SIGHUP) is mine
    finally:
        signal.signal(signal.SIGHUP, previous)


def test_writes_to_a_closed_terminal_are_dropped_not_fatal() -> None:
    """Textual's writer thread died on the first failed write, and the app then hung."""
    import io

    from slbmc_tui.driver import _ForgivingTerminal

    class Closed(io.StringIO):
        def write(self, text: str) -> int:
            raise OSError(5, "Input/output error")

    terminal = _ForgivingTerminal(Closed())
    terminal.write("\x1b[?1049l")
    terminal.flush()
    terminal.write("more")
    assert terminal.gone
    alive = _ForgivingTerminal(io.StringIO())
    alive.write("frame")
    assert not alive.gone and alive._stream.getvalue() == "frame"  # type: ignore[attr-defined]


def test_the_last_resort_ends_the_process_with_the_signals_code(
        monkeypatch: pytest.MonkeyPatch) -> None:
    ended: list[int] = []
    monkeypatch.setattr(stop_signals, "GRACE_SECONDS", 0.0)
    monkeypatch.setattr(stop_signals.os, "_exit", ended.append)
    stop_signals._last_resort(signal.SIGTERM)
    assert ended == [128 + signal.SIGTERM]


def test_a_start_without_a_terminal_is_not_refused(tmp_path: Path) -> None:
    """`slbmc serve` runs the app with pipes for stdin: keeping the terminal's modes is
    skipped, not an error (termios.error is not an OSError)."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", "import sys; from slbmc_tui import stop_signals; "
         "stop_signals.install_for_process(); stop_signals.release(); print('ok')"],
        stdin=subprocess.PIPE, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"

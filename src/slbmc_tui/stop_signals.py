"""Closing the terminal (SIGHUP) or `kill` (SIGTERM) saves what was typed, then quits: always.

Three moments, one rule (the process is gone within `GRACE_SECONDS`):

- Before the app is up (imports, the first frame): nothing has been typed, so a signal is
  only remembered; the CLI does not start the app, or the app quits as soon as it mounts.
- While the app runs: the app's `stop` is called on its loop; it saves every interview and
  exits (no "quit anyway?" question: nobody is left to answer it).
- When that cannot finish (the loop is stuck, the terminal is gone and a write blocks), a
  daemon thread ends the process `GRACE_SECONDS` after the signal. Later signals change
  nothing (closing a terminal often sends two). This last resort is armed only by the CLI
  (`install_for_process`), never in a test process that merely runs an app.

Python-level handlers (`signal.signal`), not the event loop's: they run on the main thread
even while the loop is blocked, which is exactly when they are needed. Textual-free.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from types import FrameType
from typing import Any

GRACE_SECONDS = 1.5
"""Time from a stop signal to the end of the process, saves included (they take ms)."""

STOP_SIGNALS = tuple(s for s in (signal.SIGTERM, getattr(signal, "SIGHUP", None))
                     if s is not None)

_stop: Callable[[], None] | None = None
_loop: asyncio.AbstractEventLoop | None = None
_received: int | None = None  # the first stop signal, once one came
_owner: str | None = None  # "process" (the CLI: last resort armed), "app" (tests) or None
_previous: dict[int, Any] = {}  # the handlers to give back
_terminal_before: list[Any] | None = None  # the terminal's modes before the app took it

RESET_SCREEN = (b"\x1b[<u\x1b[?1049l\x1b[?25h\x1b[?1004l\x1b[?2004l"
                b"\x1b[?1000l\x1b[?1003l\x1b[?1015l\x1b[?1006l")
"""Keyboard protocol, alternate screen, cursor, focus and mouse reporting as before the app."""


def install_for_process() -> None:
    """Catch stop signals until `release` (the CLI, before it imports Textual)."""
    global _owner, _terminal_before
    _install()
    _owner = "process"
    try:
        import termios
    except ImportError:  # Windows: no terminal modes to keep
        return
    # termios.error is not an OSError: stdin may be a pipe (slbmc serve runs the app so).
    with contextlib.suppress(termios.error, OSError, ValueError, AttributeError):
        _terminal_before = termios.tcgetattr(sys.stdin.fileno())


def release() -> None:
    """Give back the handlers there were before, and forget any signal."""
    global _owner, _received
    for signum, handler in _previous.items():
        with contextlib.suppress(ValueError, TypeError):
            signal.signal(signum, handler)
    _previous.clear()
    _owner = _received = None


def stop_requested() -> bool:
    """Whether a stop signal has come (the CLI then does not start the app at all)."""
    return _received is not None


def attach(stop: Callable[[], None]) -> None:
    """Call `stop` on the running loop at a stop signal (the app, once mounted).

    A signal that came before is acted on now. Outside the CLI (tests), the handlers are
    installed here and given back by `detach`.
    """
    global _stop, _loop, _owner
    _stop, _loop = stop, asyncio.get_running_loop()
    if _owner is None:
        _install()
        _owner = "app"
    if _received is not None:
        _loop.call_soon(stop)


def detach() -> None:
    """The app stopped: forget it (and give back the handlers if it installed them)."""
    global _stop, _loop
    _stop = _loop = None
    if _owner == "app":
        release()


def _install() -> None:
    for signum in STOP_SIGNALS:
        # Only the main thread may install handlers; elsewhere the app runs without them.
        with contextlib.suppress(ValueError):
            _previous.setdefault(signum, signal.signal(signum, _on_signal))


def _on_signal(signum: int, _frame: FrameType | None) -> None:
    global _received
    if _received is not None:
        # Closing a terminal often sends two (the kernel's SIGHUP and tmux's or the shell's):
        # the stop under way, and its last resort, answer both.
        return
    _received = signum
    if _owner == "process":
        threading.Thread(target=_last_resort, args=(signum,), name="slbmc-stop",
                         daemon=True).start()
    if _stop is not None and _loop is not None:
        with contextlib.suppress(RuntimeError):  # the loop has just closed
            _loop.call_soon_threadsafe(_stop)


def _last_resort(signum: int) -> None:
    """End the process if the orderly stop has not done so in time.

    A terminal still open gets its modes and screen back first, so the shell is usable.
    """
    time.sleep(GRACE_SECONDS)
    with contextlib.suppress(Exception):
        if _terminal_before is not None and sys.stdin.isatty():
            import termios

            termios.tcsetattr(sys.stdin.fileno(), termios.TCSANOW, _terminal_before)
            os.set_blocking(sys.stderr.fileno(), False)  # never wait on a stuck terminal
            os.write(sys.stderr.fileno(), RESET_SCREEN)
    os._exit(128 + signum)

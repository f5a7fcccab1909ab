"""Closing the terminal window (SIGHUP) or `kill` (SIGTERM) should save, then quit.

Without a handler the process dies at once: the last second of typing is lost and the
session's lock is left behind. Kept apart from app.py so the App stays short.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable


def handle_stop_signals(callback: Callable[[], None], *, install: bool) -> None:
    """Route SIGTERM and SIGHUP to `callback` on the running loop, or stop doing so."""
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if signum is None:
            continue
        # Not available on Windows event loops, nor outside the main thread.
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            if install:
                loop.add_signal_handler(signum, callback)
            else:
                loop.remove_signal_handler(signum)

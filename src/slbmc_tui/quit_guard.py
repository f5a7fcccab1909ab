"""Closing the app while an interview is open takes Ctrl+Q twice: never one stray key.

The first press (or the palette's "Quit") only says how to quit; a second Ctrl+Q within
`CONFIRM_WITHIN` seconds quits, saving everything first as always. With no interview open
(the session list) one press quits: nothing typed can be lost there.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from textual.app import App

from slbmc_tui.i18n import _

CONFIRM_WITHIN = 2.5
"""Seconds the second Ctrl+Q may come after the first."""


class QuitGuard:
    """Remembers the first Ctrl+Q for a moment."""

    def __init__(self, now: Callable[[], float] = time.monotonic) -> None:
        self._now = now
        self._first_at: float | None = None

    def confirm(self, app: App[Any], *, interview_open: bool) -> bool:
        """True when the app may quit now; else says how to quit and remembers the press."""
        if not interview_open:
            return True
        now = self._now()
        if self._first_at is not None and now - self._first_at <= CONFIRM_WITHIN:
            self._first_at = None
            return True
        self._first_at = now
        app.notify(_("Press Ctrl+Q again to quit. Everything typed is saved first."),
                   title=_("Quit?"), timeout=CONFIRM_WITHIN)
        return False

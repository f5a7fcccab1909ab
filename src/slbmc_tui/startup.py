"""What makes `slbmc` show its first screen fast: every start-up measure, with its reason.

The target is a start within 1.3x the bare Textual app (`bench/run.py --only startup`).
Measured on the 2-core VM with tmux, medians of 21 runs (bench/README.md has the rounds):

1. **No garbage collection while starting** (`begin_tui_launch` .. `resume_collection`).
   A start builds ~75,000 objects and keeps nearly all of them; the cyclic collector
   walked them ~170 times meanwhile, finding nothing: 40-57 ms of a ~350 ms start. A TUI
   launch pauses collection before importing Textual, freezes what the imports built
   (`imports_done`: modules and classes live as long as the process), and the app resumes
   collection `START_UP_SECONDS` after it mounts (the CLI, at the latest, when it returns).
   Tests that build the app themselves never pause it.
2. **A 1 ms GIL switch interval** (`UI_SWITCH_INTERVAL`). Textual writes frames from a
   thread of its own; with Python's default 5 ms, a frame drawn while the UI thread went on
   working reached the terminal ~14 ms after it was ready, against ~3 ms.
3. **Each launch reads only its first screens' stylesheets** (`first_stylesheets`). A
   screen whose CSS_PATH is new to the app makes Textual re-parse every sheet and restyle
   every widget (~6 ms) when pushed; reading every sheet up front costs as much in parsing.
   `tests/test_startup_work.py` checks no first push re-parses.
4. **Imports deferred to first use.** pydantic (~85 ms) is imported only for a bank file
   the fast check (`domain.bank.plainly_valid`) does not accept; the session schema is
   hand-written for the same reason. Textual and the exporters only by the commands that
   use them (`cli`); the start, compare and dialog screens only when first shown (`app`,
   `screens.start`); the help screen's Markdown (~0.1 s) only when help opens.
   `tests/test_layers.py` guards the pydantic-free start.
5. **Records are NamedTuples, not dataclasses** (`domain.bank`, `launch`, `storage`,
   `services.workspace`): Python defines one in a tenth of the time a frozen dataclass takes
   (which compiles six methods), and every start defines them all.

Textual-free: the CLI calls `begin_tui_launch` before anything imports Textual.
"""

from __future__ import annotations

import gc
import sys
from pathlib import PurePath

from slbmc_tui.launch import CompareSessions, Launch, OpenDemo, ResumeSession

UI_SWITCH_INTERVAL = 0.001
"""Seconds a busy thread may hold the GIL before a waiting one (the frame writer) runs."""

START_UP_SECONDS = 2.0
"""Garbage collection waits this long after the app mounts: its first screen is drawn
well within it, even on a loaded machine."""

_paused = False


def begin_tui_launch() -> None:
    """Ready the process for a TUI start: short GIL switches, no collection until started."""
    sys.setswitchinterval(UI_SWITCH_INTERVAL)
    pause_collection()


def pause_collection() -> None:
    """Stop automatic collection until `resume_collection` (unless already switched off)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def imports_done() -> None:
    """Exempt everything alive now from every later collection (after the imports)."""
    if _paused:
        gc.freeze()


def resume_collection() -> None:
    """Collect again as usual; safe to call any number of times."""
    global _paused
    if _paused:
        _paused = False
        gc.enable()


def first_stylesheets(launch: Launch) -> list[str | PurePath]:
    """The stylesheets of the screens a launch shows first, read with the app's own CSS.

    A launch into a session or comparison reads only that screen's sheet: the session list
    beneath it is made only if the user goes back to it. The session list reads the
    interview's too, since opening a session is what nearly always comes next.
    """
    if isinstance(launch, CompareSessions):
        return ["screens/compare.tcss"]
    if isinstance(launch, OpenDemo | ResumeSession):
        return ["screens/interview.tcss"]
    return ["screens/start.tcss", "screens/interview.tcss"]

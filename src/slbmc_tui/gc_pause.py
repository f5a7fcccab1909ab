"""Keep Python's garbage collector out of the way while the app starts.

A start builds ~75,000 objects (Textual's and our modules, classes, styles, widgets) and
keeps nearly all of them for the whole run. Meanwhile the cyclic collector walks them again
and again looking for garbage that is not there: ~45 ms of a ~350 ms start here, one full
collection alone ~20 ms. So a TUI launch pauses collection before importing Textual, freezes
what the imports built (moved out of the collector's sight for good: modules and classes
live as long as the process), and resumes once the first screen is up.

Nothing here runs unless the CLI starts the TUI: tests that build the app themselves keep
the collector as it is.
"""

from __future__ import annotations

import gc

_paused = False


def pause_collection() -> None:
    """Stop automatic collection until `resume_collection` (a TUI launch only)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def freeze_imports() -> None:
    """Exempt everything alive now from every later collection (call after the imports)."""
    if _paused:
        gc.freeze()


def resume_collection() -> None:
    """Collect again as usual; safe to call any number of times."""
    global _paused
    if _paused:
        _paused = False
        gc.enable()

"""Typing into an answer that is one very long line (a paste without line breaks).

In one process, one after the other: the bare baseline app (a TextArea holding the text)
and our interview screen with the same text as the first answer. Each gets the same keys
through Pilot at the end of the line; the figure is the process's CPU time per key
(`time.process_time`, every thread: the editor's work, the screen's repaint and anything
the key sets off, such as the autosave), so Pilot's idle pacing does not count.
Wall time per key is reported beside it.
"""

from __future__ import annotations

import asyncio
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

from textual.app import App
from textual.widgets import TextArea

from bench.baseline_app import BaselineApp
from bench.common import Result, median, ratio_result, skipped
from slbmc_tui.app import make_app
from slbmc_tui.domain.bank import builtin_bank
from slbmc_tui.domain.session import new_session
from slbmc_tui.launch import ResumeSession
from slbmc_tui.storage.store import SessionStore

NAME = "long line"
SIZES = {"tiny": (20_000, 4, 1), "quick": (1_000_000, 6, 2), "full": (1_000_000, 10, 3)}
MAX_RATIO = 1.5


def long_line(length: int) -> str:
    """Words without a line break, as a paste from a PDF or a chat gives."""
    words = ["service", "logic", "value", "customer", "process", "outcome"]
    out: list[str] = []
    size = 0
    index = 0
    while size < length:
        word = words[index % len(words)]
        out.append(word)
        size += len(word) + 1
        index += 1
    return " ".join(out)[:length]


def _session_file(folder: Path, text: str) -> Path:
    bank = builtin_bank("en")
    session = new_session(bank, title="Long line", profile="One paste")
    first = bank.ordered_blocks[0]
    session.answer(first.id, "ours", first.ours[0].id).text = text
    session.refresh_progress(bank)
    return SessionStore(folder).create(session)


async def _cpu_per_key(make: Callable[[], App[None]], keys: int) -> tuple[float, float]:
    """CPU seconds and wall seconds per key, typing at the end of the focused editor."""
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(50):
            await pilot.pause(0.05)
            if isinstance(app.focused, TextArea):
                break
        editor = app.focused
        assert isinstance(editor, TextArea), f"no editor focused: {app.focused!r}"
        editor.move_cursor(editor.document.end)
        await pilot.press("Z", "backspace")  # warm caches; not measured
        await pilot.pause(0.2)
        gc.collect()
        cpu, wall = time.process_time(), time.perf_counter()
        for n in range(keys):
            await pilot.press("Z" if n % 2 == 0 else "backspace")
        await app.workers.wait_for_complete()
        await pilot.pause()
        return ((time.process_time() - cpu) / keys, (time.perf_counter() - wall) / keys)


def measure(length: int, keys: int, runs: int, folder: Path) -> dict[str, list[float]]:
    text = long_line(length)
    path = _session_file(folder, text)
    figures: dict[str, list[float]] = {"baseline": [], "ours": [], "baseline wall": [],
                                       "ours wall": []}
    for _ in range(runs):
        for name, make in (
                ("baseline", lambda: BaselineApp(text)),
                ("ours", lambda: make_app(sessions_dir=folder,
                                          launch=ResumeSession(name=path.name)))):
            cpu, wall = asyncio.run(_cpu_per_key(make, keys))
            figures[name].append(cpu)
            figures[f"{name} wall"].append(wall)
    return figures


def run(size: str = "full") -> list[Result]:
    import tempfile

    if size not in SIZES:
        return [skipped(NAME, f"unknown size {size!r}")]
    length, keys, runs = SIZES[size]
    with tempfile.TemporaryDirectory(prefix="slbmc-bench-long-") as root:
        figures = measure(length, keys, runs, Path(root))
    ours, baseline = median(figures["ours"]), median(figures["baseline"])
    note = (f"{length:,} characters on one line; wall per key: ours "
            f"{median(figures['ours wall']) * 1000:.0f} ms, baseline "
            f"{median(figures['baseline wall']) * 1000:.0f} ms")
    return [ratio_result(NAME, "CPU per key", ours * 1000, baseline * 1000, "ms", MAX_RATIO,
                         note=note)]


if __name__ == "__main__":
    from bench.run import print_table

    print_table(run(sys.argv[1] if len(sys.argv) > 1 else "full"), sys.stdout)

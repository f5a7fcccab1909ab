"""Listing a full folder: `slbmc list` and the start screen with many ~20 KB sessions.

Two folders: the usual one (1,000 sessions at full size) and a big one (10,000). `slbmc
list` runs as a subprocess (baseline: `slbmc --version`, the same interpreter and imports
with no folder to read), first with no listing cache ("cold": every head read and parsed),
then as it runs every other time ("cached": unchanged files' heads from the listing cache,
storage/listing_cache.py). The start screen runs in tmux until the newest session's title
shows (baseline: the bare Textual app until its text shows). Both must be usable in under a
second. The filter figure is one key typed into the start screen's filter box, in-process
(Pilot), until the narrowed listing is on screen. `SessionStore.list()` is shown for scale.
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import time
from pathlib import Path

from bench import tmux_driver
from bench.apps import baseline_command, slbmc_command
from bench.baseline_app import READY_TEXT
from bench.common import (
    Result,
    Workspace,
    fill_listing_folder,
    limit_result,
    median,
    shape,
    skipped,
    workspace,
)

NAME = "listing"
BIG_FOLDER = {"tiny": 12, "quick": 2_000, "full": 10_000}
"""Sessions in the big folder, per bench size."""
FILTER_KEYS = "model 12"


def _timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def _with_cache(cache: Path, command: list[str]) -> list[str]:
    """The command with its listing cache in the bench's folder (never the user's)."""
    return ["env", f"SLBMC_CACHE_DIR={cache}", *command]


def run(size: str = "full") -> list[Result]:
    s = shape(size)
    results: list[Result] = []
    for count in (s.sessions, BIG_FOLDER[size]):
        with workspace(s.prompts) as ws:
            fill_listing_folder(ws, count, s.listing_session_bytes)
            results += _folder_results(ws, count, size)
    return results


def _folder_results(ws: Workspace, count: int, size: str) -> list[Result]:
    s = shape(size)
    file_kb = (ws.sessions / "model-0000.toml").stat().st_size / 1024
    note = f"{count} sessions of {file_kb:.0f} KB, median of {s.repeats} runs"
    cache = ws.root / "cache"
    cli = _with_cache(cache, slbmc_command(ws.sessions, "list"))
    version = slbmc_command(ws.sessions, "--version")
    shutil.rmtree(cache, ignore_errors=True)
    cold = _timed(cli)  # once: every later run finds the cache
    cli_runs, base_runs, store_runs = [], [], []
    for _ in range(s.repeats):
        base_runs.append(_timed(version))
        cli_runs.append(_timed(cli))
        start = time.perf_counter()
        listed = ws.store.list()
        store_runs.append(time.perf_counter() - start)
    assert len(listed) == count and all(x.ok for x in listed)
    label = f"{count:,}"
    results = [
        limit_result(NAME, f"slbmc list, {label} (process)", median(cli_runs), "s", 1.0,
                     median(base_runs), note + "; baseline: slbmc --version"),
        Result(NAME, f"slbmc list, {label}, no cache yet", cold, "s", median(base_runs),
               note="one run: the first listing of a folder reads every head"),
        Result(NAME, f"SessionStore.list(), {label}", median(store_runs) * 1000, "ms"),
    ]
    key_ms, idle_ms = asyncio.run(_filter_key_ms(ws.sessions, cache))
    results.append(limit_result(NAME, f"filter key, {label} (in-process)", key_ms - idle_ms,
                                "ms", 100.0, idle_ms,
                                note=f"median per key of typing {FILTER_KEYS!r}, less a key "
                                     "that changes nothing (the baseline: Pilot's own cost)"))
    if not tmux_driver.available():
        return [*results, skipped(NAME, "tmux is not installed")]
    newest = listed[0].meta.title if listed[0].meta else ""
    bare_target = (baseline_command(), READY_TEXT)
    bare_runs, screen_runs = tmux_driver.time_rounds(
        [bare_target, (_with_cache(cache, slbmc_command(ws.sessions)), newest)], s.repeats,
        warm_up=[bare_target] if size != "tiny" else [])
    results.append(limit_result(
        NAME, f"start screen shows newest, {label} (tmux)", median(screen_runs), "s", 1.0,
        median(bare_runs), note + "; baseline: bare Textual app"))
    return results


async def _filter_key_ms(sessions: Path, cache: Path) -> tuple[float, float]:
    """Milliseconds from a key in the filter box to the narrowed listing, median per key;
    and the same for a key that changes nothing (the cursor moving in the box)."""
    import os

    from slbmc_tui.app import make_app

    os.environ["SLBMC_CACHE_DIR"] = str(cache)
    app = make_app(sessions_dir=sessions)
    times: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        await pilot.press("slash")
        idle: list[float] = []
        for key in FILTER_KEYS:
            for name, into in (("space" if key == " " else key, times), ("left", idle),
                               ("right", idle)):
                start = time.perf_counter()
                await pilot.press(name)
                await pilot.pause()
                into.append((time.perf_counter() - start) * 1000)
    return median(times), median(idle)


if __name__ == "__main__":
    from bench.run import print_table

    print_table(run())

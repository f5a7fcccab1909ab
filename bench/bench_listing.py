"""Listing a full folder: `slbmc list` and the start screen with many ~20 KB sessions.

`slbmc list` runs as a subprocess (baseline: `slbmc --version`, the same interpreter and
imports with no folder to read). The start screen runs in tmux until the newest
session's title shows (baseline: the bare Textual app until its text shows). Both must
be usable in under a second. `SessionStore.list()` in-process is shown for scale.
"""

from __future__ import annotations

import subprocess
import time

from bench import tmux_driver
from bench.apps import baseline_command, slbmc_command
from bench.baseline_app import READY_TEXT
from bench.common import (
    Result,
    fill_listing_folder,
    limit_result,
    median,
    shape,
    skipped,
    workspace,
)

NAME = "listing"


def _timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def run(size: str = "full") -> list[Result]:
    s = shape(size)
    results: list[Result] = []
    with workspace(s.prompts) as ws:
        fill_listing_folder(ws, s.sessions, s.listing_session_bytes)
        file_kb = (ws.sessions / "model-0000.toml").stat().st_size / 1024
        note = f"{s.sessions} sessions of {file_kb:.0f} KB, median of {s.repeats} runs"
        cli = slbmc_command(ws.sessions, "list")
        version = slbmc_command(ws.sessions, "--version")
        _timed(cli)  # warm the page cache and .pyc files, not measured
        cli_runs, base_runs, store_runs = [], [], []
        for _ in range(s.repeats):
            base_runs.append(_timed(version))
            cli_runs.append(_timed(cli))
            start = time.perf_counter()
            listed = ws.store.list()
            store_runs.append(time.perf_counter() - start)
        assert len(listed) == s.sessions and all(x.ok for x in listed)
        results += [
            limit_result(NAME, "slbmc list (process)", median(cli_runs), "s", 1.0,
                         median(base_runs), note + "; baseline: slbmc --version"),
            Result(NAME, "SessionStore.list() in-process", median(store_runs) * 1000, "ms"),
        ]
        if not tmux_driver.available():
            return [*results, skipped(NAME, "tmux is not installed")]
        newest = listed[0].meta.title if listed[0].meta else ""
        bare_target = (baseline_command(), READY_TEXT)
        bare_runs, screen_runs = tmux_driver.time_rounds(
            [bare_target, (slbmc_command(ws.sessions), newest)], s.repeats,
            warm_up=[bare_target] if size != "tiny" else [])
        results.append(limit_result(
            NAME, "start screen shows newest (tmux)", median(screen_runs), "s", 1.0,
            median(bare_runs), note + "; baseline: bare Textual app"))
    return results


if __name__ == "__main__":
    from bench.run import print_table

    print_table(run())

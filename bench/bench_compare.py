"""Compare: opening the comparison of 8 large sessions (one model, eight profiles).

In-process: loading the eight files and building the comparison (`compare_sessions`),
which the compare screen needs before it can draw. In tmux: `slbmc compare` with the
eight files until the first prompt of the first block shows with its answers; the cost of
opening is that time less the bare Textual app's start in the same run. Both must stay under 0.5 s.
"""

from __future__ import annotations

import time
from pathlib import Path

from bench import tmux_driver
from bench.apps import baseline_command, slbmc_command
from bench.baseline_app import READY_TEXT
from bench.common import (
    Result,
    Workspace,
    large_session,
    limit_result,
    median,
    shape,
    skipped,
    workspace,
)
from slbmc_tui.services.workspace import load_comparison

NAME = "compare"
PROFILES = ("Elderly person", "Adult daughter", "Municipality", "Private insurer", "Nurse",
            "Neighbour", "Pharmacy", "Care home")


def _sessions(ws: Workspace, count: int, answer_bytes: int) -> list[Path]:
    return [ws.add_session(large_session(ws.bank, answer_bytes, profile=PROFILES[n % 8],
                                         bank_path=str(ws.bank_path), seed=n * 31))
            for n in range(count)]


def _open_in_process(ws: Workspace, paths: list[Path]) -> float:
    """What the compare screen's loading worker does."""
    start = time.perf_counter()
    comparison = load_comparison(paths).comparison
    elapsed = time.perf_counter() - start
    assert comparison is not None and len(comparison.labels) == len(paths)
    return elapsed


def run(size: str = "full") -> list[Result]:
    s = shape(size)
    with workspace(s.prompts) as ws:
        paths = _sessions(ws, s.compare_sessions, s.answer_bytes)
        kb = sum(p.stat().st_size for p in paths) / 1024
        note = f"{len(paths)} sessions, {kb:.0f} KB in all; median of {s.repeats} runs"
        _open_in_process(ws, paths)
        in_process = median([_open_in_process(ws, paths) for _ in range(s.repeats)])
        results = [limit_result(NAME, "load 8 + compare (in-process)", in_process, "s", 0.5,
                                note=note + "; the screen's load_comparison")]
        if not tmux_driver.available():
            return [*results, skipped(NAME, "tmux is not installed")]
        command = slbmc_command(ws.sessions, "compare", *map(str, paths))
        # Shown only once the comparison is drawn (the start screen beneath lists profiles).
        ready = ws.bank.ordered_blocks[0].ours[0].text[:20]
        bare_target = (baseline_command(), READY_TEXT)
        bare, ours = tmux_driver.time_rounds(
            [bare_target, (command, ready)], s.repeats,
            warm_up=[bare_target] if size != "tiny" else [])
        opening = max(0.0, median(ours) - median(bare))
        results += [
            limit_result(NAME, "slbmc compare: open beyond bare start", opening, "s", 0.5,
                         note=f"{median(ours):.2f} s to {ready!r} less the bare app's "
                              f"{median(bare):.2f} s start"),
        ]
    return results


if __name__ == "__main__":
    from bench.run import print_table

    print_table(run())

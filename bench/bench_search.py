"""Searching answers: `slbmc search PHRASE` and the search module over a folder of sessions.

1,000 sessions of ~20 KB at full size. "First result" is the worst case: the phrase is in
one answer of the last file searched, so every file is read before anything shows. The
common-phrase figure is the time until the first of many hits. Baseline: `slbmc --version`
(the same interpreter and imports with nothing to search). Target: under 0.5 s.
"""

from __future__ import annotations

import subprocess
import time

from bench.apps import slbmc_command
from bench.common import (
    Result,
    fill_listing_folder,
    limit_result,
    median,
    shape,
    workspace,
)

NAME = "search"
RARE = "needle in the haystack"


def _timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def run(size: str = "full") -> list[Result]:
    from slbmc_tui.storage.search import search
    from slbmc_tui.storage.toml_format import session_to_data

    s = shape(size)
    with workspace(s.prompts) as ws:
        fill_listing_folder(ws, s.sessions, s.listing_session_bytes)
        last = sorted(ws.sessions.glob("*.toml"))[-1]
        session = ws.store.load(last)
        block = next(iter(session.blocks.values()))
        answer = next(iter(block.ours.values()))
        answer.text += f"\nand a {RARE.upper()} too"
        ws.store.open(last).save(session_to_data(session))
        note = f"{s.sessions} sessions, median of {s.repeats} runs"
        first_runs, common_runs, all_runs, cli_runs, base_runs = [], [], [], [], []
        for _ in range(s.repeats):
            start = time.perf_counter()
            hits = list(search(ws.store, RARE))
            first_runs.append(time.perf_counter() - start)
            assert len(hits) == 1 and hits[0].path == last
            start = time.perf_counter()
            next(search(ws.store, "family"))
            common_runs.append(time.perf_counter() - start)
            start = time.perf_counter()
            total = sum(1 for _ in search(ws.store, "family"))
            all_runs.append(time.perf_counter() - start)
            cli_runs.append(_timed(slbmc_command(ws.sessions, "search", RARE)))
            base_runs.append(_timed(slbmc_command(ws.sessions, "--version")))
        return [
            limit_result(NAME, "first result, phrase in the last file", median(first_runs),
                         "s", 0.5, note=note),
            limit_result(NAME, "first result, common phrase", median(common_runs), "s", 0.5,
                         note=note),
            Result(NAME, f"every hit of a common phrase ({total})", median(all_runs), "s",
                   note=note),
            limit_result(NAME, "slbmc search (process)", median(cli_runs), "s", 1.0,
                         median(base_runs), note + "; baseline: slbmc --version"),
        ]


if __name__ == "__main__":
    from bench.run import print_table

    print_table(run())

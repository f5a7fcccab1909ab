"""Autosave of a large session: one `SessionFile.save(session_to_data(session))` after one edit.

The session has nine blocks, two perspectives, `prompts` prompts each and ~2 KB of
multi-line text per answer (~300 KB on disk). Each step changes one answer, as typing
does, then times the parts the interview screen runs: `session_to_data` on the UI
thread and `SessionFile.save` in a thread worker. The baseline is one whole-file
`tomli_w.dumps` of the same data, what a save would cost without the block cache.
Typing while saves run is measured by `bench_typing` (the "typing during saves" line).
"""

from __future__ import annotations

import time

import tomli_w

from bench.common import (
    Result,
    large_session,
    limit_result,
    median,
    p95,
    shape,
    workspace,
)
from slbmc_tui.domain.bank import PERSPECTIVES
from slbmc_tui.storage.atomic import atomic_write_text
from slbmc_tui.storage.store import SessionFile
from slbmc_tui.storage.toml_format import session_to_data
from slbmc_tui.storage.toml_render import SessionRenderer

NAME = "autosave"


def run(size: str = "full") -> list[Result]:
    s = shape(size)
    with workspace(s.prompts) as ws:
        session = large_session(ws.bank, s.answer_bytes, bank_path=str(ws.bank_path))
        path = ws.add_session(session)
        file = SessionFile(path)
        file.save(session_to_data(session))
        renderer = SessionRenderer()
        renderer.render(session_to_data(session))
        answers = [(b.id, p, q.id) for b in ws.bank.ordered_blocks for p in PERSPECTIVES
                   for q in b.prompts(p)]
        scratch = ws.root / "scratch.toml"
        to_data: list[float] = []
        saves: list[float] = []
        renders: list[float] = []
        writes: list[float] = []
        for step in range(s.saves):
            block_id, perspective, prompt_id = answers[(step * 7) % len(answers)]
            session.answer(block_id, perspective, prompt_id).text += "x"
            start = time.perf_counter()
            data = session_to_data(session)
            converted = time.perf_counter()
            file.save(data)
            saved = time.perf_counter()
            text = renderer.render(data)
            rendered = time.perf_counter()
            atomic_write_text(scratch, text)
            written = time.perf_counter()
            to_data.append(converted - start)
            saves.append(saved - converted)
            renders.append(rendered - saved)
            writes.append(written - rendered)
        whole = []
        for _ in range(max(3, s.repeats)):
            start = time.perf_counter()
            tomli_w.dumps(data, multiline_strings=True)
            whole.append(time.perf_counter() - start)
        size_kb = path.stat().st_size / 1024
    ms = 1000.0
    baseline = median(whole) * ms
    note = f"{size_kb:.0f} KB file, {len(answers)} answers, {s.saves} saves"
    return [
        limit_result(NAME, "save p95", p95(saves) * ms, "ms", 10, baseline, note),
        limit_result(NAME, "save median", median(saves) * ms, "ms", 10, baseline),
        Result(NAME, "of which render p95", p95(renders) * ms, "ms", baseline,
               note="SessionRenderer.render alone (CPU, holds the GIL)"),
        Result(NAME, "of which write+fsync p95", p95(writes) * ms, "ms",
               note="atomic_write_text alone (disk; the GIL is released)"),
        limit_result(NAME, "session_to_data p95 (UI thread)", p95(to_data) * ms, "ms", 5,
                     note="runs on the UI thread before the worker"),
    ]


if __name__ == "__main__":
    from bench.run import print_table

    print_table(run())

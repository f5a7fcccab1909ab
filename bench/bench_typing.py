"""Typing: keystroke-to-screen latency and CPU per key, in a real terminal.

One key is sent with `tmux send-keys`, then `capture-pane` is polled until the screen
shows it: keys alternate between a marker letter that the answer text never contains and
a backspace, and the screen's count of markers goes up by one, then back down.
Pilot is not used: its `press` is paced by idle waits, so it measures the pacing.
The same is done in the baseline (a bare TextArea holding the same 2 KB answer), in our
interview screen on a large session, saving as a user gets it (at least once a
second while keys keep coming). "Typing during saves" compares that with the same app
whose autosave is switched off: the figure is what saving costs a typist, and proves
the writes stay off the UI thread. CPU per key is the app's utime+stime over the keys,
less its idle rate.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from bench import tmux_driver
from bench.apps import baseline_command, interview_available, interview_command
from bench.common import (
    Result,
    Workspace,
    filler_text,
    large_session,
    median,
    p95,
    ratio_result,
    shape,
    skipped,
    workspace,
)

NAME = "typing"
MARKER = "Z"
PAUSE_BETWEEN_KEYS = 0.03  # a fast typist's gap; lets each key finish its work
SETTLE = 0.5


@dataclass
class Typed:
    latencies: list[float]
    cpu_per_key: float
    focus_delay: float  # from the first paint until a typed key is kept


def type_keys(command: list[str], ready_text: str, keys: int, settle: float = SETTLE) -> Typed:
    """Start `command`, wait for `ready_text`, type `keys` markers one at a time."""
    pane = tmux_driver.start(command)
    try:
        pane.wait_for_text(ready_text, timeout=60)
        focus_delay = _wait_for_focus(pane)
        time.sleep(SETTLE)
        time.sleep(SETTLE)
        idle_start, idle_cpu = time.perf_counter(), pane.cpu_seconds()
        time.sleep(SETTLE)
        idle_rate = (pane.cpu_seconds() - idle_cpu) / (time.perf_counter() - idle_start)
        base = pane.capture().count(MARKER)
        latencies: list[float] = []
        start, cpu = time.perf_counter(), pane.cpu_seconds()
        for n in range(keys):
            # Alternate a marker and a backspace: the line never grows, so it never wraps.
            typing = n % 2 == 0
            sent = pane.send_literal(MARKER) if typing else pane.send_key("BSpace")
            want = base + 1 if typing else base
            latencies.append(pane.wait_for(
                lambda screen, want=want, up=typing: (screen.count(MARKER) >= want if up
                                                      else screen.count(MARKER) <= want),
                f"key {n + 1}", timeout=10, since=sent))
            time.sleep(PAUSE_BETWEEN_KEYS)
        busy = pane.cpu_seconds() - cpu - idle_rate * (time.perf_counter() - start)
        return Typed(latencies, max(0.0, busy) / keys, focus_delay)
    finally:
        tmux_driver.quit_app(pane)


def _wait_for_focus(pane: tmux_driver.Pane, timeout: float = 30.0) -> float:
    """Send markers until one shows: the cursor reaches the answer only after first paint."""
    start = time.perf_counter()
    before = pane.capture().count(MARKER)
    while time.perf_counter() - start < timeout:
        pane.send_literal(MARKER)
        try:
            pane.wait_for(lambda screen: screen.count(MARKER) > before, "focus", timeout=0.25)
            return time.perf_counter() - start
        except tmux_driver.TmuxTimeout:
            continue
    raise tmux_driver.TmuxTimeout("the answer to take keys", pane.capture())


def _prepare(ws: Workspace, answer_bytes: int) -> tuple[Path, Path, str]:
    session = large_session(ws.bank, answer_bytes, bank_path=str(ws.bank_path))
    path = ws.add_session(session)
    first = ws.bank.ordered_blocks[0]
    answer_text = session.answer(first.id, "ours", first.ours[0].id).text
    text_file = ws.root / "answer.txt"
    text_file.write_text(answer_text, encoding="utf-8")
    # The first visible words of the answer: on screen once the field is filled.
    ready = answer_text.split("\n", 1)[0][:24]
    assert ready == filler_text(answer_bytes, 0).split("\n", 1)[0][:24]
    return path, text_file, ready


def run(size: str = "full") -> list[Result]:
    if not tmux_driver.available():
        return [skipped(NAME, "tmux is not installed")]
    s = shape(size)
    with workspace(s.prompts) as ws:
        path, text_file, ready = _prepare(ws, s.answer_bytes)
        variants = {"baseline": baseline_command(text_file)}
        if interview_available():
            counter = ws.root / "saves.count"
            variants["ours"] = interview_command(path, "--count-saves", str(counter))
            variants["quiet"] = interview_command(path, "--no-saves")
        runs: dict[str, list[Typed]] = {name: [] for name in variants}
        saves: list[int] = []
        failures: list[str] = []
        try:
            settle = SETTLE if size != "tiny" else 0.05
            if size != "tiny":
                type_keys(variants["baseline"], ready, 2)  # warm caches, not measured
            for _ in range(s.repeats):
                for name, command in variants.items():
                    try:
                        runs[name].append(type_keys(command, ready, s.keys, settle))
                    except tmux_driver.TmuxTimeout as error:
                        failures.append(f"{name}: {str(error).splitlines()[0]}")
                        continue
                    if name == "ours" and counter.exists():
                        saves.append(int(counter.read_text()))
        finally:
            tmux_driver.kill_server()
    ms = 1000.0

    def latency(name: str) -> float:
        return median([median(t.latencies) for t in runs[name]]) * ms

    def cpu(name: str) -> float:
        return median([t.cpu_per_key for t in runs[name]]) * ms

    def tail(name: str) -> float:
        return p95([x for t in runs[name] for x in t.latencies]) * ms

    if "ours" not in runs:
        return [skipped(NAME, "the interview screen is not in this checkout (merge interview)")]
    if not all(runs.values()):
        raise RuntimeError("no complete typing run: " + "; ".join(failures))
    note = f"{s.repeats} runs x {s.keys} keys, median of run medians; {s.answer_bytes} B answer"
    return [
        ratio_result(NAME, "key-to-screen median", latency("ours"), latency("baseline"), "ms",
                     1.2, note),
        ratio_result(NAME, "key-to-screen p95", tail("ours"), tail("baseline"), "ms", 1.5),
        ratio_result(NAME, "CPU per key", cpu("ours"), cpu("baseline"), "ms", 1.5,
                     "utime+stime over the keys minus idle rate"),
        ratio_result(NAME, "during saves: median (vs no saves)", latency("ours"),
                     latency("quiet"), "ms", 1.2,
                     "our autosave (at least once a second while typing) against the same "
                     f"app with it off: {median(saves) if saves else 0:.0f} saves per run"),
        ratio_result(NAME, "during saves: p95 (vs no saves)", tail("ours"), tail("quiet"),
                     "ms", 1.5),
        Result(NAME, "first paint to first kept key", median(
            [t.focus_delay for t in runs["ours"]]) * ms, "ms", median(
            [t.focus_delay for t in runs["baseline"]]) * ms,
            note="until a key typed after the first paint shows (a key not shown within "
                 "250 ms is followed by another)"),
        Result(NAME, "runs that timed out", float(len(failures)), "", target="0",
               passed=not failures, note="; ".join(failures) or "none"),
    ]


if __name__ == "__main__":
    from bench.run import print_table

    print_table(run())

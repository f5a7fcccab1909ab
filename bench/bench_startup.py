"""Start-up to first screen in a real terminal: `slbmc demo` against the bare Textual app.

Each program starts in a fresh tmux session (the server is already running); the time
is from `tmux new-session` until `capture-pane` shows the program's known text. The
runs alternate between ours and the baseline so drifting load hits both alike.
Also shown: resuming a large session (the same 300 KB session the typing bench uses).
"""

from __future__ import annotations

from bench import tmux_driver
from bench.apps import baseline_command, demo_ready_text, slbmc_command
from bench.baseline_app import READY_TEXT
from bench.common import (
    Result,
    filler_text,
    large_session,
    median,
    ratio_result,
    shape,
    skipped,
    workspace,
)

NAME = "startup"


def run(size: str = "full") -> list[Result]:
    if not tmux_driver.available():
        return [skipped(NAME, "tmux is not installed")]
    s = shape(size)
    # One program's start varies by a third between runs on this VM (its CPU time too, as
    # the host's load comes and goes): three times the usual runs keep the medians steady.
    repeats = 3 * s.repeats if size != "tiny" else 1
    with workspace(s.prompts) as ws:
        path = ws.add_session(large_session(ws.bank, s.answer_bytes, bank_path=str(ws.bank_path)))
        answer_start = filler_text(s.answer_bytes, 0).split("\n", 1)[0][:24]
        demo = slbmc_command(ws.sessions, "demo")
        resume = slbmc_command(ws.sessions, "resume", str(path))
        demo_text = demo_ready_text()
        bare_target = (baseline_command(), READY_TEXT)
        demo_target = (demo, demo_text)
        bare, ours, large = tmux_driver.time_rounds(
            [bare_target, demo_target, (resume, answer_start)], repeats,
            warm_up=[bare_target, demo_target] if size != "tiny" else [])
    note = f"median of {repeats} runs; waits for {demo_text!r}"
    return [
        ratio_result(NAME, "slbmc demo to first screen", median(ours), median(bare), "s", 1.3,
                     note),
        ratio_result(NAME, "resume 300 KB session", median(large), median(bare), "s", 1.5,
                     "until the first answer's text shows"),
    ]


if __name__ == "__main__":
    from bench.run import print_table

    print_table(run())

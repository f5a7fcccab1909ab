"""The bench scripts keep working: each runs at its tiny size (timings are not judged here)."""

from __future__ import annotations

import importlib
import math
import shutil

import pytest

from bench.common import Result, p95
from bench.run import MODULES, print_table

TMUX_BENCHES = {"bench.bench_startup", "bench.bench_typing"}


@pytest.mark.parametrize("module_name", MODULES)
def test_each_bench_runs_at_tiny_size(module_name: str) -> None:
    if module_name in TMUX_BENCHES and shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    results = importlib.import_module(module_name).run("tiny")
    assert results and all(isinstance(r, Result) for r in results)
    for result in results:
        assert result.metric == "skipped" or not math.isnan(result.ours), result
        assert result.metric == "skipped" or result.ours >= 0, result


def test_the_table_has_a_line_per_result_and_says_pass_or_fail() -> None:
    import io

    out = io.StringIO()
    print_table([Result("a", "m", 2.0, "ms", 1.0, "<= 1.2x", False),
                 Result("b", "n", 1.0, "ms", 1.0, "<= 1.2x", True, note="why")], out)
    lines = out.getvalue().splitlines()
    assert "FAIL" in lines[2] and "2.00x" in lines[2]
    assert "pass" in lines[3]
    assert lines[-1] == "b / n: why"


def test_p95_is_nearest_rank() -> None:
    assert p95([1.0] * 19 + [100.0]) == 1.0
    assert p95([1.0] * 18 + [100.0, 100.0]) == 100.0
    assert p95([3.0]) == 3.0


def test_each_control_client_reply_answers_its_own_command() -> None:
    """A reply one step behind would show each poll the screen of the poll before."""
    from bench import tmux_driver

    if not tmux_driver.available():
        pytest.skip("tmux is not installed")
    try:
        pane = tmux_driver.start(["sh", "-c", "echo ready; sleep 30"])
        pane.wait_for_text("ready", timeout=10)
        client = tmux_driver._control_client()
        for n in range(5):
            assert client.run(f"display-message -p reply-{n}") == f"reply-{n}\n"
            assert "ready" in pane.capture()
        assert client.run("capture-pane -p -t no-such-session") == ""
        assert client.run("display-message -p after-an-error") == "after-an-error\n"
    finally:
        tmux_driver.kill_server()

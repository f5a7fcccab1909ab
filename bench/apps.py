"""How the benches start our app and the baseline in tmux, and what text says each is ready."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from bench.common import BENCH_DIR, python_exe, slbmc_exe


def interview_available() -> bool:
    """True once the interview screen (branch `interview`) is part of this checkout."""
    return importlib.util.find_spec("slbmc_tui.screens.interview") is not None


def baseline_command(text_file: Path | None = None) -> list[str]:
    command = [python_exe(), str(BENCH_DIR / "baseline_app.py")]
    if text_file is not None:
        command += ["--text", str(text_file)]
    return command


def slbmc_command(sessions_dir: Path, *args: str) -> list[str]:
    # TMPDIR inside the bench's own folder: the demo's scratch copy is removed with it.
    return ["env", f"TMPDIR={sessions_dir.parent}", slbmc_exe(), "--sessions-dir",
            str(sessions_dir), *args]


def interview_command(session: Path, *options: str) -> list[str]:
    """Our app resuming `session`; options as `interview_app.py` takes them."""
    return [python_exe(), str(BENCH_DIR / "interview_app.py"), str(session), *options]


def demo_ready_text() -> str:
    """Text only the demo's interview shows once drawn: the answer where the demo resumes."""
    import tomllib
    from importlib.resources import files

    demo = files("slbmc_tui") / "demo"
    first = sorted(e.name for e in demo.iterdir() if e.name.endswith(".toml"))[0]
    data = tomllib.loads((demo / first).read_text(encoding="utf-8"))
    where = data["position"]
    answer = data["blocks"][where["block"]][where["perspective"]][where["prompt"]]
    line: str = answer["text"].strip().split("\n", 1)[0]
    return line[:24]

"""Every hostile input through every CLI command: no traceback, a clear message, inputs
untouched, and nothing a terminal would obey (ESC, BEL, C1) on a terminal.

The TUI commands (start, demo, new, resume, compare without --markdown) are the screens'
business; their hostile runs live with the screen tests, on the same corpus (tests.hostile).
"""

from __future__ import annotations

import io
import os
import pty
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest

from slbmc_tui.cli import main
from tests import hostile


class FakeTerminal(io.StringIO):
    """Standard output that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    """A command that blocks (a FIFO read) fails the test instead of hanging the suite."""

    def timed_out(_signum: int, _frame: FrameType | None) -> None:
        raise TimeoutError("the command hung")

    previous = signal.signal(signal.SIGALRM, timed_out)
    signal.alarm(60)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _run(argv: list[str], capsys: pytest.CaptureFixture[str], *,
         tty: bool = True) -> tuple[int, str, str]:
    out: io.StringIO = FakeTerminal() if tty else io.StringIO()
    code = main(argv, out=out)
    err = capsys.readouterr().err
    return code, out.getvalue(), err


def _check(code: int, out: str, err: str, *, tty: bool = True) -> None:
    assert code in (0, 1, 2)
    assert "Traceback" not in err and "Traceback" not in out
    assert not hostile.has_terminal_escape(err)
    if tty:
        assert not hostile.has_terminal_escape(out)
    if code:
        assert (out + err).strip(), "a failure says why"  # validate reports on stdout
        lines = [line for line in err.splitlines() if line.strip()]
        assert all(line.startswith(("slbmc", "usage:", "  ")) for line in lines), err


def _commands(path: Path, tmp: Path, svg: bool = True) -> list[tuple[list[str], bool]]:
    name = str(path)
    return [
        (["list"], True),
        (["validate", name], True),
        (["export", name], True),
        (["export", path.name, "--format", "html"], True),
        *([(["export", name, "--format", "svg"], True)] if svg else []),
        (["export", name, "--format", "md"], False),
        (["export", name, "-o", str(tmp / "out" / "export.md")], True),
        (["compare", name, name, "--markdown", "-"], True),
        (["compare", name, name, "--markdown", str(tmp / "out" / "compare.md")], True),
    ]


@pytest.mark.parametrize("case", sorted(hostile.SESSION_FILES))
def test_every_command_survives_every_hostile_session(case: str, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "sessions"
    path = hostile.SESSION_FILES[case](folder)
    (tmp_path / "out").mkdir()
    before = hostile.snapshot(tmp_path / "sessions")
    banks_before = hostile.snapshot(tmp_path)
    commands = _commands(path, tmp_path, svg=True)
    for argv, tty in commands:
        code, out, err = _run(["--sessions-dir", str(folder), *argv], capsys, tty=tty)
        _check(code, out, err, tty=tty)
    assert hostile.snapshot(folder) == before
    after = hostile.snapshot(tmp_path)
    assert {k: v for k, v in after.items() if "/out/" not in k} == banks_before


def test_svg_export_of_a_hostile_session_and_bank(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    for case in ("hostile", "bank-hostile"):
        path = hostile.SESSION_FILES[case](tmp_path / case / "sessions")
        code, out, err = _run(["export", str(path), "--format", "svg"], capsys)
        _check(code, out, err)
        assert code == 0 and "</svg>" in out


def test_a_hostile_file_is_listed_as_broken_and_hides_no_other(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "sessions"
    good = hostile.hostile_session(folder, name="good.toml", text="fine")
    broken = [hostile.SESSION_FILES[name](folder) for name in
              ("deep-head", "deep-unknown-key", "huge", "binary", "fifo", "directory",
               "symlink-loop")]
    # Listing reads heads only: these list fine and say what is wrong when opened.
    late = [hostile.SESSION_FILES[name](folder) for name in ("deep-header", "deep-answers")]
    code, out, err = _run(["--sessions-dir", str(folder), "list"], capsys)
    _check(code, out, err)
    assert code == 0 and good.name in out
    assert f"{len(broken)} file(s) could not be read" in out
    for path in broken + late:
        assert path.name in out


def test_messages_name_the_file_and_the_limit(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "sessions"
    expected = {
        "deep-head": "deeper than 32 levels",
        "deep-header": "deeper than 32 levels",
        "huge": "larger than a session can be",
        "fifo": "not a regular file",
        "bank-dev-zero": "/dev/zero: is not a regular file",
        "bank-fifo": "pipe.toml: is not a regular file",
    }
    for case, says in expected.items():
        path = hostile.SESSION_FILES[case](tmp_path / case)
        code, out, err = _run(["--sessions-dir", str(folder), "export", str(path)], capsys)
        assert code == 1 and says in err and len(err.splitlines()) == 1, (case, err)


@pytest.mark.parametrize("case", sorted(hostile.BANK_PATHS))
def test_questions_and_validate_survive_every_bank_path(case: str, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = hostile.BANK_PATHS[case](tmp_path / "banks")
    before = hostile.snapshot(tmp_path)
    for argv in (["questions", "--questions", str(path)], ["validate", str(path)],
                 ["--questions", str(path), "list"]):
        code, out, err = _run(argv, capsys)
        _check(code, out, err)
    assert hostile.snapshot(tmp_path) == before


def test_a_hostile_bank_is_printed_exactly_to_a_pipe_and_visibly_to_a_terminal(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bank = hostile.hostile_bank(tmp_path)
    _, shown, _ = _run(["questions", "--questions", str(bank)], capsys)
    _, piped, _ = _run(["questions", "--questions", str(bank)], capsys, tty=False)
    assert "\x1b]52;" in piped and "\x1b" not in shown
    assert "␛]52;" in shown and "[@click=app.quit]" in shown


def test_export_to_a_pipe_is_exact_and_to_a_terminal_is_visible(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from slbmc_tui.cli import load_with_bank
    from slbmc_tui.export import render_export
    from slbmc_tui.export.audience import CLIENT
    from slbmc_tui.storage.store import SessionStore

    path = hostile.hostile_session(tmp_path / "sessions")
    for fmt in ("md", "html"):
        _, piped, _ = _run(["export", str(path), "--format", fmt], capsys, tty=False)
        _, shown, _ = _run(["export", str(path), "--format", fmt], capsys)
        assert piped == render_export(*load_with_bank(SessionStore(path.parent), str(path)), fmt,
                                      CLIENT)  # the CLI's default audience
        assert not hostile.has_terminal_escape(shown)


# A missing folder is no longer refused: the CLI makes it 0700, as the dialog does
# (services.exporting; tests/test_export_rules.py).
@pytest.mark.parametrize("target", ["", ".", "/dev/full", "/dev/null", "dir", "fifo", "link",
                                    "loop"])
def test_export_targets_that_are_not_files_are_refused(target: str, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    session = hostile.hostile_session(tmp_path / "sessions", text="ok")
    made = {"dir": hostile.directory, "fifo": hostile.fifo, "loop": hostile.symlink_loop}
    if target in made:
        target = str(made[target](tmp_path / "t"))
    elif target == "link":
        (tmp_path / "real.md").write_text("mine")
        (tmp_path / "link.md").symlink_to(tmp_path / "real.md")
        target = str(tmp_path / "link.md")
    devices = {p: os.stat(p).st_rdev for p in ("/dev/full", "/dev/null")}
    code, out, err = _run(["export", str(session), "-o", target], capsys)
    _check(code, out, err)
    assert code == 1 and err.startswith("slbmc: ")
    assert {p: os.stat(p).st_rdev for p in devices} == devices
    if target.endswith("link.md"):
        assert os.path.islink(target) and (tmp_path / "real.md").read_text() == "mine"


@pytest.mark.parametrize("argv", [
    ["export", hostile.ESCAPES["osc0-title"]],
    ["validate", hostile.ESCAPES["osc52-clipboard"] + ".toml"],
    ["export", "x", "--format", hostile.ESCAPES["csi-clear"]],
    ["compare", "a\x9b2J", "b", "--markdown", "-"],
    ["--sessions-dir", "\x1b]2;t\x07", "list"],
    ["validate", "a\x00b.toml"],
    ["questions", "--questions", "\x1bc"],
    ["questions", "--questions", ""],
    ["export", "x" * 5000],
])
def test_hostile_command_lines_get_a_clean_message(argv: list[str], tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SLBMC_SESSIONS_DIR", str(tmp_path / "sessions"))
    try:
        code, out, err = _run(argv, capsys)
    except SystemExit as stop:  # argparse's usage errors
        code, out, err = int(stop.code or 0), "", capsys.readouterr().err
    _check(code, out, err)


def test_an_unexpected_error_is_one_line_not_a_traceback(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from slbmc_tui import cli

    def broken(*_args: object) -> int:
        raise RuntimeError("boom \x1b]0;x\x07")

    monkeypatch.setattr(cli, "cmd_list", broken)
    code, out, err = _run(["list"], capsys)
    _check(code, out, err)
    assert code == 1 and "unexpected RuntimeError: boom" in err


def _in_a_terminal(argv: list[str], env: dict[str, str]) -> str:
    """Run the real `slbmc` with stdout and stderr on a pseudo-terminal; all it wrote."""
    leader, follower = pty.openpty()
    child = subprocess.Popen([sys.executable, "-m", "slbmc_tui", *argv], stdin=subprocess.DEVNULL,
                             stdout=follower, stderr=follower, env=env, close_fds=True)
    os.close(follower)
    chunks: list[bytes] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 1)
        if not ready:
            if child.poll() is not None:
                break
            continue
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    child.wait(timeout=30)
    os.close(leader)
    return b"".join(chunks).decode("utf-8")


def test_under_a_real_terminal_no_command_sends_escapes(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    session = hostile.hostile_session(folder)
    hostile.deep_head(folder)
    bank = hostile.hostile_bank(tmp_path)
    env = {**os.environ, "SLBMC_SESSIONS_DIR": str(folder), "PYTHONIOENCODING": "utf-8"}
    runs = [
        ["list"],
        ["validate", str(session), str(folder / "deep-head.toml")],
        ["export", session.name],
        ["export", session.name, "--format", "html"],
        ["compare", session.name, session.name, "--markdown", "-"],
        ["questions", "--questions", str(bank)],
        ["export", hostile.ESCAPES["osc52-clipboard"]],
    ]
    for argv in runs:
        shown = _in_a_terminal(argv, env)
        assert shown.strip(), argv
        assert "Traceback" not in shown, (argv, shown[-2000:])
        assert not hostile.has_terminal_escape(shown), (argv, repr(shown[:400]))


def test_a_full_disk_or_closed_pipe_on_stdout_is_one_line(tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "slbmc_tui", "questions"], stdout=full,
                                stderr=subprocess.PIPE, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.startswith("slbmc: could not write the output: the disk is full")
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    piped = subprocess.run(f"{sys.executable} -m slbmc_tui questions | head -c 10",
                           shell=True, capture_output=True, text=True, timeout=60)
    assert "Traceback" not in piped.stderr and "Exception ignored" not in piped.stderr

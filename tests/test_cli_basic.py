"""The commands that need no TUI: list, validate, questions, help and version."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from slbmc_tui import __version__
from slbmc_tui.cli import main
from slbmc_tui.domain.bank import builtin_bank
from slbmc_tui.domain.session import new_session
from slbmc_tui.storage.store import SessionStore
from tests.conftest import FakeClock


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def make_session(folder: Path, title: str, profile: str, clock: FakeClock) -> Path:
    session = new_session(builtin_bank("en"), title=title, profile=profile, client="Acme",
                          clock=clock)
    session.answer("customers_world", "customer", "why_buy").text = "To stay at home"
    session.refresh_progress(builtin_bank("en"))
    return SessionStore(folder).create(session)


def test_list_shows_sessions_newest_first_and_broken_files(sessions_dir: Path,
                                                           clock: FakeClock) -> None:
    make_session(sessions_dir, "Home care", "Elderly person", clock)
    clock.advance(hours=1)
    make_session(sessions_dir, "Home care", "Relative", clock)
    (sessions_dir / "broken.toml").write_text("title = ")
    code, out = run("list", "--sessions-dir", str(sessions_dir))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:2] == ["TITLE", "PROFILE"]
    assert "Relative" in lines[1] and "Elderly person" in lines[2]
    assert "1/" in lines[1]
    assert "broken.toml: is not valid TOML" in out


def test_sessions_dir_given_before_the_command_is_honoured(sessions_dir: Path,
                                                           clock: FakeClock) -> None:
    make_session(sessions_dir, "Home care", "Elderly person", clock)
    code, out = run("--sessions-dir", str(sessions_dir), "list")
    assert code == 0 and "Elderly person" in out


def test_list_of_an_empty_folder_says_what_to_do(tmp_path: Path) -> None:
    code, out = run("list", "--sessions-dir", str(tmp_path / "none"))
    assert code == 0 and "slbmc demo" in out


def test_validate_reports_each_problem_and_exits_1(sessions_dir: Path, clock: FakeClock,
                                                   tmp_path: Path) -> None:
    good = make_session(sessions_dir, "Home care", "Elderly person", clock)
    bad = tmp_path / "bad.toml"
    bad.write_text('schema_version = 1\n[meta]\ntitle = 3\n')
    code, out = run("validate", str(good), str(bad))
    assert code == 1
    assert f"{good}: ok" in out
    assert f"{bad}:" in out and "`meta.title` must be text, not a number" in out
    code, out = run("validate", str(good))
    assert code == 0


def test_validate_checks_bank_files(tmp_path: Path) -> None:
    from slbmc_tui.domain.bank import questions_dir

    code, out = run("validate", str(questions_dir() / "fi.toml"))
    assert code == 0 and "question bank slbmc-fi" in out


@pytest.mark.parametrize("language", ["en", "fi"])
def test_questions_prints_the_outline_in_order(language: str) -> None:
    code, out = run("questions", "--lang", language)
    bank = builtin_bank(language)
    assert code == 0
    positions = [out.index(f"{b.number}. {b.title}") for b in bank.ordered_blocks]
    assert positions == sorted(positions)
    for block in bank.blocks:
        for prompt in (*block.ours, *block.customer):
            assert prompt.text in out


@pytest.mark.parametrize("command", ["", "list", "validate", "questions", "new", "resume",
                                     "demo", "compare", "export"])
def test_every_command_has_help(command: str) -> None:
    argv = [sys.executable, "-m", "slbmc_tui", *([command] if command else []), "--help"]
    result = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert "usage: slbmc" in result.stdout


def test_version() -> None:
    result = subprocess.run([sys.executable, "-m", "slbmc_tui", "--version"],
                            capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == f"slbmc {__version__}"

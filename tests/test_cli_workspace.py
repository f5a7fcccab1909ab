"""The CLI as a consultant's workspace: names people use, help, --force, pipes, rename."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from slbmc_tui.cli import build_parser, main
from slbmc_tui.domain.bank import builtin_bank
from slbmc_tui.domain.session import new_session
from slbmc_tui.storage.store import SessionStore
from tests.conftest import FakeClock

LONG_TITLE = "BrightSmile Dental Clinic Chain"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def make(folder: Path, title: str, profile: str, clock: FakeClock,
         answer: str = "To stay at home") -> Path:
    session = new_session(builtin_bank("en"), title=title, profile=profile,
                          client="Acme Corporation International Holdings", clock=clock)
    session.answer("customers_world", "customer", "why_buy").text = answer
    session.refresh_progress(builtin_bank("en"))
    return SessionStore(folder).create(session)


def subcommand_help(name: str) -> str:
    out = io.StringIO()
    parser = build_parser()
    actions = [a for a in parser._actions if a.dest == "command"]
    sub = actions[0].choices[name]  # type: ignore[index]
    sub.print_help(out)
    return out.getvalue()


@pytest.mark.parametrize("name", ["start", "demo", "new", "resume", "list", "search",
                                  "validate", "questions", "compare", "export", "rename",
                                  "archive", "delete", "restore"])
def test_every_subcommand_says_what_it_does_in_its_own_help(name: str) -> None:
    """Regression: `slbmc export --help` had no description line."""
    text = subcommand_help(name)
    description = text.split("\n\n")[1]
    assert description.strip().endswith(".") and len(description.split()) >= 3


@pytest.mark.parametrize("name", ["list", "validate", "compare", "export", "demo", "search"])
def test_questions_is_offered_only_where_it_does_something(name: str) -> None:
    """Regression: `--questions` was offered on commands that ignore it."""
    assert "--questions" not in subcommand_help(name)


def test_questions_lang_is_explained() -> None:
    text = subcommand_help("questions")
    assert "which built-in bank" in " ".join(text.split())


def test_export_onto_an_existing_file_needs_force(sessions_dir: Path, clock: FakeClock,
                                                  tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """Regression: `export -o` overwrote an existing file silently."""
    make(sessions_dir, "Home care", "Relative", clock)
    target = tmp_path / "mine.md"
    target.write_text("my own notes")
    code, _ = run("export", "home-care", "-o", str(target))
    assert code == 1 and target.read_text() == "my own notes"
    assert "--force" in capsys.readouterr().err
    code, _ = run("export", "home-care", "-o", str(target), "--force")
    assert code == 0 and "To stay at home" in target.read_text()


def test_resume_compare_export_take_title_and_profile(sessions_dir: Path, clock: FakeClock,
                                                     tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """Regression: `slbmc export "Families with children"` said "no such session"."""
    make(sessions_dir, LONG_TITLE, "Families with children", clock, answer="families")
    make(sessions_dir, LONG_TITLE, "Seniors", clock, answer="seniors")
    code, out = run("export", "Families with children")
    assert code == 0 and "families" in out
    code, out = run("compare", "brightsmile-dental-clinic-chain--fam", "Seniors",
                    "--markdown", "-")
    assert code == 0 and "families" in out and "seniors" in out
    code, _ = run("export", "brightsmile")
    err = capsys.readouterr().err
    assert code == 1 and "matches 2 sessions" in err and "--seniors.toml" in err


def test_list_keeps_whole_names_when_piped_and_has_json(sessions_dir: Path,
                                                        clock: FakeClock) -> None:
    """Regression: the FILE column was cut (`…--famili…`) even in a pipe."""
    path = make(sessions_dir, LONG_TITLE, "Families with children", clock)
    code, out = run("list")
    assert code == 0 and path.name in out and "…" not in out
    assert "Acme Corporation International Holdings" in out
    code, out = run("list", "--json")
    data = json.loads(out)
    assert data["sessions"][0]["file"] == path.name
    assert data["sessions"][0]["profile"] == "Families with children"


def test_empty_folder_wording(sessions_dir: Path) -> None:
    """Regression: "No sessions in sessions."."""
    code, out = run("list")
    assert code == 0 and out.startswith(f"No sessions in the folder {sessions_dir} yet.")


def test_a_closed_pipe_ends_quietly(sessions_dir: Path, clock: FakeClock) -> None:
    """Regression: `slbmc list | head -3` ended in a BrokenPipeError traceback."""
    for n in range(400):
        make(sessions_dir, f"Model {n}", "Profile", clock)
    env = {**os.environ, "SLBMC_SESSIONS_DIR": str(sessions_dir)}
    for command in (["list"], ["list", "--json"], ["--help"], ["search", "stay"]):
        result = subprocess.run(
            f"{sys.executable} -m slbmc_tui {' '.join(command)} | head -3",
            shell=True, capture_output=True, text=True, env=env, timeout=60)
        assert result.stderr == "", (command, result.stderr)
        assert len(result.stdout.splitlines()) == 3


def test_search_prints_each_answer_with_the_phrase(sessions_dir: Path, clock: FakeClock,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = make(sessions_dir, "Home care", "Relative", clock,
                answer="Keeping in touch\nmore easily with the family")
    make(sessions_dir, "Home care", "Nurse", clock, answer="Less driving")
    code, out = run("search", "touch", "MORE")
    assert code == 0
    assert out.splitlines() == [
        f"{path.name}  customers_world.customer.why_buy  Keeping in touch more easily with "
        "the family"]
    code, out = run("search", "nowhere to be found")
    assert code == 1 and out == "" and "in no answer" in capsys.readouterr().err


def test_rename_archive_delete_and_restore(sessions_dir: Path, clock: FakeClock) -> None:
    path = make(sessions_dir, "Home care", "Relative", clock)
    code, out = run("rename", "home-care", "--profile", "Relative far away")
    assert code == 0 and not path.exists()
    renamed = sessions_dir / "home-care--relative-far-away.toml"
    assert SessionStore(sessions_dir).load(renamed).meta.client.startswith("Acme")
    code, out = run("delete", "Relative far away")
    assert code == 0 and (sessions_dir / "trash" / renamed.name).exists()
    assert run("list")[1].startswith("No sessions")
    assert renamed.name in run("list", "--trash")[1]
    code, out = run("restore", renamed.name)
    assert code == 0 and renamed.exists()
    code, out = run("archive", renamed.stem)
    assert code == 0 and (sessions_dir / "archive" / renamed.name).exists()
    assert run("restore", "home-care")[0] == 0 and renamed.exists()

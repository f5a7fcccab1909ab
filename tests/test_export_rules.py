"""One set of rules for writing exports, whether the dialog or `slbmc export -o` asks.

`<sessions folder>/exports/<stem>.<fmt>` by default; folders made 0700, files 0600,
written atomically; an existing file replaced only when confirmed (`--force` on the CLI).
"""

from __future__ import annotations

import io
import stat
from pathlib import Path

import pytest

from slbmc_tui.cli import main
from slbmc_tui.domain.bank import builtin_bank
from slbmc_tui.domain.session import new_session
from slbmc_tui.services.exporting import default_export_path, write_document, write_export
from tests.app_helpers import make_session
from tests.conftest import FakeClock


def run(*argv: str) -> int:
    return main(list(argv), out=io.StringIO())


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_default_place_is_the_exports_folder_beside_the_sessions() -> None:
    assert default_export_path(Path("/s/acme--elderly.toml"), "html") == Path(
        "/s/exports/acme--elderly.html")


def test_missing_folders_are_made_private_and_the_file_too(tmp_path: Path) -> None:
    session = new_session(builtin_bank("en"), title="HomeWell", profile="Elderly",
                          clock=FakeClock())
    target = tmp_path / "exports" / "deeper" / "homewell.md"
    outcome = write_export(session, builtin_bank("en"), "md", target)
    assert outcome.written and target.read_text(encoding="utf-8").startswith("#")
    assert _mode(target) == 0o600
    assert _mode(target.parent) == 0o700 and _mode(target.parent.parent) == 0o700


def test_an_existing_file_is_replaced_only_when_confirmed(tmp_path: Path) -> None:
    target = tmp_path / "notes.md"
    target.write_text("the user's own notes", encoding="utf-8")
    asked = write_document(target, "md", lambda: "export")
    assert asked.exists and not asked.written
    assert target.read_text(encoding="utf-8") == "the user's own notes"
    assert write_document(target, "md", lambda: "export", replace=True).written
    assert target.read_text(encoding="utf-8") == "export"


def test_nothing_is_made_for_a_refused_place(tmp_path: Path) -> None:
    made: list[str] = []

    def text() -> str:
        made.append("rendered")
        return "export"

    assert "session files" in write_document(tmp_path / "x.toml", "md", text).problem
    assert "is a folder" in write_document(tmp_path, "md", text).problem
    assert made == []


def test_the_cli_refuses_to_overwrite_without_force(sessions_dir: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    session = make_session(sessions_dir, "HomeWell", "Elderly")
    target = tmp_path / "out.md"
    target.write_text("keep me", encoding="utf-8")
    assert run("export", session.stem, "-o", str(target)) == 1
    assert "already exists; add --force" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "keep me"
    assert run("export", session.stem, "-o", str(target), "--force") == 0
    assert target.read_text(encoding="utf-8") != "keep me" and _mode(target) == 0o600


def test_the_cli_makes_the_folder_like_the_dialog(sessions_dir: Path, tmp_path: Path) -> None:
    session = make_session(sessions_dir, "HomeWell", "Elderly")
    target = tmp_path / "new-folder" / "out.html"
    assert run("export", session.stem, "--format", "html", "-o", str(target)) == 0
    assert _mode(target.parent) == 0o700 and _mode(target) == 0o600


def test_the_compare_markdown_file_follows_the_same_rules(sessions_dir: Path,
                                                          tmp_path: Path) -> None:
    first = make_session(sessions_dir, "HomeWell", "Elderly")
    second = make_session(sessions_dir, "HomeWell", "Relative")
    target = tmp_path / "cmp" / "compare.md"
    assert run("compare", first.stem, second.stem, "--markdown", str(target)) == 0
    assert _mode(target) == 0o600 and _mode(target.parent) == 0o700
    assert run("compare", first.stem, second.stem, "--markdown", str(target)) == 1
    assert run("compare", first.stem, second.stem, "--markdown", str(target), "--force") == 0


def test_the_cli_writes_to_the_dialogs_default_place_with_a_bare_o(
        sessions_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    session = make_session(sessions_dir, "HomeWell", "Elderly")
    assert run("export", session.stem, "--format", "html", "-o") == 0
    target = sessions_dir / "exports" / f"{session.stem}.html"
    assert f"Wrote {target}" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert _mode(target) == 0o600 and _mode(target.parent) == 0o700
    assert run("export", session.stem, "--format", "html", "-o") == 1  # not replaced silently

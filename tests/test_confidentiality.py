"""Confidentiality: private files and folders, and no answer text anywhere but the session file."""

from __future__ import annotations

import io
import logging
import os
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from slbmc_tui import cli
from slbmc_tui.storage.atomic import TEMP_SUFFIX
from slbmc_tui.storage.session_file import SessionFile
from slbmc_tui.storage.store import SessionStore
from slbmc_tui.storage.toml_format import session_to_data
from tests.tiny_bank import tiny_session, write_tiny_bank

SECRET = "Client plans to close the Tampere plant in March"


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The most permissive umask: privacy must not depend on the user's settings."""
    old = os.umask(0)
    yield
    os.umask(old)


def test_sessions_folder_is_0700_and_files_0600_even_with_umask_0(
        tmp_path: Path, open_umask: None, monkeypatch: pytest.MonkeyPatch) -> None:
    temp_modes: list[int] = []
    real_replace = os.replace

    def spy(src: Any, dst: Any) -> None:
        if str(src).endswith(TEMP_SUFFIX):
            temp_modes.append(_mode(Path(src)))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    store = SessionStore(tmp_path / "deep" / "sessions")
    session = tiny_session()
    path = store.create(session)
    session.answer("customers_world", "ours", "q1").text = SECRET
    assert store.open(path).save(session_to_data(session))
    assert _mode(store.folder) == 0o700
    assert _mode(path) == 0o600
    assert temp_modes and set(temp_modes) == {0o600}


def test_a_world_readable_session_becomes_private_on_save(tmp_path: Path) -> None:
    path = tmp_path / "copied-in.toml"
    path.write_text("schema_version = 1\n")
    path.chmod(0o644)
    SessionFile(path).save(session_to_data(tiny_session()))
    assert _mode(path) == 0o600


def test_an_existing_folder_is_left_as_the_user_set_it(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o750)
    folder.chmod(0o750)
    SessionStore(folder).create(tiny_session())
    assert _mode(folder) == 0o750


def test_exports_written_to_a_file_are_private(tmp_path: Path, open_umask: None) -> None:
    target = tmp_path / "canvas.md"
    assert cli._write_output(f"# Canvas\n{SECRET}\n", target, io.StringIO()) == cli.EXIT_OK
    assert _mode(target) == 0o600
    assert target.read_text().endswith(f"{SECRET}\n")


SAVE_SCRIPT = textwrap.dedent("""
    import io, sys
    from pathlib import Path
    from slbmc_tui import cli
    from slbmc_tui.storage.store import SessionStore, open_session
    from slbmc_tui.storage.toml_format import session_to_data
    from tests.tiny_bank import tiny_session

    folder, bank, secret = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    store = SessionStore(folder)
    path = store.create(tiny_session(bank_path=bank))
    opened = open_session(store, path, lock=True)
    for n in range(20):
        opened.session.answer("customers_world", "ours", "q1").text = f"{secret} {n}"
        opened.file.save(session_to_data(opened.session))
    opened.close()
    store.list()
    store.load(path)
    cli.main(["--sessions-dir", str(folder), "list"], out=io.StringIO())
    cli.main(["validate", str(path)], out=io.StringIO())
    cli._write_output(secret, folder / "export.md", io.StringIO())
""")


def test_nothing_is_written_to_the_temp_dir(tmp_path: Path) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    folder = tmp_path / "sessions"
    bank = write_tiny_bank(tmp_path / "bank.toml")
    env = {**os.environ, "TMPDIR": str(scratch), "TEMP": str(scratch), "TMP": str(scratch),
           "PYTHONDONTWRITEBYTECODE": "1"}
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run([sys.executable, "-c", SAVE_SCRIPT, str(folder), str(bank), SECRET],
                            env=env, cwd=root, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert list(scratch.iterdir()) == []
    assert SECRET not in result.stdout
    assert sorted(p.name for p in folder.iterdir()) == ["export.md",
                                                        "home-care--elderly-person.toml"]


def test_saving_and_loading_log_nothing_of_the_answers(
        tmp_path: Path, caplog: pytest.LogCaptureFixture,
        capsys: pytest.CaptureFixture[str]) -> None:
    caplog.set_level(logging.DEBUG)
    store = SessionStore(tmp_path / "sessions")
    session = tiny_session()
    session.answer("customers_world", "ours", "q1").text = SECRET
    session.block_answers("costs").notes = SECRET
    path = store.create(session)
    store.open(path).save(session_to_data(session))
    store.load(path)
    store.list()
    assert SECRET not in caplog.text
    captured = capsys.readouterr()
    assert SECRET not in captured.out + captured.err


def test_error_messages_do_not_repeat_answer_text(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    store = SessionStore(tmp_path)
    session = tiny_session()
    session.answer("customers_world", "ours", "q1").text = SECRET
    store_path = store.create(session)
    text = store_path.read_text().replace(f'text = "{SECRET}"', f'text = ["{SECRET}"]')
    path.write_text(text)
    out = io.StringIO()
    assert cli.main(["validate", str(path)], out=out) == cli.EXIT_PROBLEM
    assert "must be text, not a list" in out.getvalue()
    assert SECRET not in out.getvalue()


@pytest.mark.asyncio
async def test_the_app_feeds_no_answer_text_to_textual_logs(
        sessions_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Textual passes `log` calls to devtools once a developer connects them: ours carry none."""
    from textual.app import App

    from slbmc_tui.app import make_app
    from slbmc_tui.launch import ResumeSession
    from tests.app_helpers import make_session, settle, wait_until

    package = str(Path(cli.__file__).resolve().parent)
    ours: list[str] = []

    def record(self: App[Any], group: Any, verbosity: Any, frame: Any, *objects: Any,
               **kwargs: Any) -> None:
        if str(getattr(frame, "filename", "")).startswith(package):
            ours.append(repr(objects) + repr(kwargs))

    monkeypatch.setattr(App, "_log", record)
    path = make_session(sessions_dir, "HomeWell", "Elderly")
    app = make_app(sessions_dir=sessions_dir, launch=ResumeSession(name=path.name))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(*("space" if ch == " " else ch for ch in "plant closing"))
        await wait_until(pilot, lambda: "plant closing" in path.read_text())  # the autosave
        await settle(pilot)
    assert "plant closing" in path.read_text()  # it was typed and saved...
    assert not [entry for entry in ours if "plant closing" in entry]  # ...and never logged


def test_no_module_below_the_ui_prints_or_logs() -> None:
    """Only the CLI talks to the terminal; nothing else writes text anywhere but files we own."""
    package = Path(cli.__file__).resolve().parent
    offenders = []
    for module in package.rglob("*.py"):
        if module.name == "cli.py" or module.name.startswith("cli_"):  # the CLI's own modules
            continue
        source = module.read_text(encoding="utf-8")
        for needle in ("print(", "import logging", "self.log(", "app.log(", "tempfile."):
            if needle in source and not (needle == "tempfile." and module.parent.name == "demo"):
                offenders.append(f"{module.relative_to(package)}: {needle}")
    assert offenders == []

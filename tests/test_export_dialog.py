"""Ctrl+E and the palette export the session from the interview; failures write nothing."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.pilot import Pilot
from textual.widgets import Input, RadioSet, Static, TextArea

from slbmc_tui.dialogs.export import (
    ExportDialog,
    default_export_path,
    target_path,
    with_format,
    write_export,
)
from slbmc_tui.domain.bank import builtin_bank
from slbmc_tui.domain.session import new_session
from slbmc_tui.screens.interview import InterviewScreen
from tests.app_helpers import run_from_palette
from tests.conftest import FakeClock
from tests.interview_host import InterviewHost
from tests.test_interview_snapshots import demo_answers, steady


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def all_files(folder: Path) -> set[Path]:
    return {path for path in folder.rglob("*")}


async def type_answer(pilot: Pilot[None], host: InterviewHost, text: str) -> None:
    await pilot.pause()
    await pilot.pause()
    editor = host.interview.focused
    assert isinstance(editor, TextArea)
    await pilot.press(*text)


def dialog_of(host: InterviewHost) -> ExportDialog:
    screen = host.screen
    assert isinstance(screen, ExportDialog)
    return screen


def message_of(dialog: ExportDialog) -> str:
    return str(dialog.query_one("#export-message", Static).render())


@pytest.mark.asyncio
async def test_ctrl_e_enter_writes_the_markdown_with_the_unsaved_answer(
    sessions_dir: Path, clock: FakeClock
) -> None:
    host = InterviewHost(sessions_dir, clock, autosave_delay=60)  # the answer is not saved yet
    async with host.run_test(size=(120, 40)) as pilot:
        await type_answer(pilot, host, "Retailers fear downtime")
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = dialog_of(host)
        assert host.path is not None
        expected = sessions_dir / "exports" / f"{host.path.stem}.md"
        assert dialog.query_one("#export-path", Input).value == str(expected)
        await pilot.press("enter")
        await host.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert isinstance(host.screen, InterviewScreen)
        assert isinstance(host.interview.focused, TextArea)  # back in the answer
        shown = [n.message for n in host._notifications]
        # The file's name on a line of its own, so a long path never breaks it mid-word.
        assert f"{expected.name}\nin {expected.parent}" in shown
    assert "Retailers fear downtime" in expected.read_text("utf-8")
    assert mode(expected) == 0o600
    assert mode(expected.parent) == 0o700


@pytest.mark.asyncio
async def test_palette_exports_html_with_html_chosen(sessions_dir: Path,
                                                     clock: FakeClock) -> None:
    host = InterviewHost(sessions_dir, clock)
    async with host.run_test(size=(120, 40)) as pilot:
        await type_answer(pilot, host, "Fresh food")
        await run_from_palette(pilot, "export as html")
        dialog = dialog_of(host)
        assert dialog.fmt == "html"
        assert dialog.query_one("#format-html").value  # type: ignore[attr-defined]
        path = Path(dialog.query_one("#export-path", Input).value)
        assert path.suffix == ".html"
        await pilot.press("enter")
        await host.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(host.screen, InterviewScreen)
    text = path.read_text("utf-8")
    assert text.lstrip().lower().startswith("<!doctype html")
    assert "Fresh food" in text


@pytest.mark.asyncio
async def test_a_path_under_a_regular_file_is_refused_inline_and_writes_nothing(
    sessions_dir: Path, clock: FakeClock, tmp_path: Path
) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("not a folder", encoding="utf-8")
    host = InterviewHost(sessions_dir, clock)
    async with host.run_test(size=(120, 40)) as pilot:
        await type_answer(pilot, host, "Words")
        await pilot.press("ctrl+s")
        await pilot.pause()
        before = all_files(tmp_path)
        dialog = dialog_of(host)
        dialog.query_one("#export-path", Input).value = str(blocker / "sub" / "canvas.md")
        await pilot.press("enter")
        await host.workers.wait_for_complete()
        await pilot.pause()
        assert host.screen is dialog  # still open, so the path can be fixed
        message = message_of(dialog)
        assert "Nothing was exported" in message
        assert "notes.txt is a file, not a folder" in message
        dialog.query_one("#export-path", Input).value = "~nosuchuser-slbmc/x.md"
        await pilot.press("enter")
        await pilot.pause()
        assert host.screen is dialog
        assert "is not a usable path" in message_of(dialog)
        assert all_files(tmp_path) == before
        # Fixing the path and pressing Enter again exports.
        dialog.query_one("#export-path", Input).value = str(tmp_path / "out" / "canvas.md")
        await pilot.press("enter")
        await host.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(host.screen, InterviewScreen)
    assert "Words" in (tmp_path / "out" / "canvas.md").read_text("utf-8")
    assert blocker.read_text("utf-8") == "not a folder"


@pytest.mark.asyncio
async def test_an_existing_file_is_replaced_only_after_a_second_enter(
    sessions_dir: Path, clock: FakeClock, tmp_path: Path
) -> None:
    target = tmp_path / "report.md"
    target.write_text("old report", encoding="utf-8")
    host = InterviewHost(sessions_dir, clock)
    async with host.run_test(size=(120, 40)) as pilot:
        await type_answer(pilot, host, "New words")
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = dialog_of(host)
        dialog.query_one("#export-path", Input).value = str(target)
        await pilot.press("enter")
        await host.workers.wait_for_complete()
        await pilot.pause()
        assert host.screen is dialog
        assert "already exists. Press Enter again to replace it" in message_of(dialog)
        assert target.read_text("utf-8") == "old report"
        await pilot.press("enter")
        await host.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(host.screen, InterviewScreen)
    assert "New words" in target.read_text("utf-8")


@pytest.mark.asyncio
async def test_arrows_choose_the_format_and_the_path_follows(sessions_dir: Path,
                                                             clock: FakeClock) -> None:
    host = InterviewHost(sessions_dir, clock)
    async with host.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = dialog_of(host)
        path_input = dialog.query_one("#export-path", Input)
        assert dialog.focused is path_input
        dialog.query_one(RadioSet).focus()
        await pilot.press("down")
        await pilot.pause()
        assert dialog.fmt == "html" and path_input.value.endswith(".html")
        await pilot.press("down")
        await pilot.pause()
        assert dialog.fmt == "svg" and path_input.value.endswith(".svg")
        path_input.value = str(sessions_dir / "my-canvas.picture")  # the user's own name stays
        await pilot.press("up")
        await pilot.pause()
        assert dialog.fmt == "html"
        assert path_input.value.endswith("my-canvas.picture")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(host.screen, InterviewScreen)
    assert not (sessions_dir / "exports").exists()


@pytest.mark.asyncio
async def test_palette_exports_the_canvas_as_svg(sessions_dir: Path, clock: FakeClock) -> None:
    host = InterviewHost(sessions_dir, clock)
    async with host.run_test(size=(120, 40)) as pilot:
        await type_answer(pilot, host, "Stock")
        await run_from_palette(pilot, "export the canvas as svg")
        dialog = dialog_of(host)
        assert dialog.fmt == "svg"
        path = Path(dialog.query_one("#export-path", Input).value)
        await pilot.press("enter")
        await host.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(host.screen, InterviewScreen)
    text = path.read_text("utf-8")
    assert text.lstrip().startswith("<svg") and "Stock" in text
    assert mode(path) == 0o600


def test_write_export_refuses_toml_and_folders(tmp_path: Path, clock: FakeClock) -> None:
    bank = builtin_bank("en")
    session = new_session(bank, title="T", profile="P", clock=clock)
    toml = write_export(session, bank, "md", tmp_path / "session.toml")
    assert not toml.written and ".toml is what session files are called" in toml.problem
    folder = write_export(session, bank, "md", tmp_path)
    assert not folder.written and "is a folder" in folder.problem
    assert list(tmp_path.iterdir()) == []


def test_default_path_and_format_swap() -> None:
    session_file = Path("/data/sessions/acme--retail.toml")
    assert default_export_path(session_file, "svg") == Path(
        "/data/sessions/exports/acme--retail.svg")
    assert with_format("/x/acme.md", "html") == "/x/acme.html"
    assert with_format("/x/acme.txt", "html") == "/x/acme.txt"


FIXED_PATH = "/home/consultant/slbmc/sessions/exports/acme-cloud--small-retailers.md"


async def open_dialog(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.press("ctrl+s")
    await pilot.pause()
    # The real default names the test's temporary folder, which differs on every run.
    pilot.app.screen.query_one("#export-path", Input).value = FIXED_PATH
    pilot.app.screen.query_one("#export-path", Input).cursor_blink = False
    await steady(pilot)


def test_export_dialog_wide(snap_compare: Any, sessions_dir: Path) -> None:
    host = InterviewHost(sessions_dir, FakeClock(), fill=demo_answers)
    assert snap_compare(host, terminal_size=(120, 40), run_before=open_dialog)


def test_export_dialog_narrow(snap_compare: Any, sessions_dir: Path) -> None:
    host = InterviewHost(sessions_dir, FakeClock(), fill=demo_answers)
    assert snap_compare(host, terminal_size=(80, 24), run_before=open_dialog)


@given(name=st.text(max_size=40))
@settings(max_examples=60)
def test_any_typed_file_name_exports_or_says_why_and_never_raises(name: str) -> None:
    import tempfile

    bank = builtin_bank("en")
    session = new_session(bank, title="T", profile="P", clock=FakeClock())
    session.answer("customers_world", "ours", "deep_insight").text = "Kept words"
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        text = with_format(str(root / "out" / name), "md")
        path = target_path(text)
        outcome = write_export(session, bank, "md", path)
        if outcome.written:
            assert "Kept words" in path.read_text("utf-8")
        else:
            assert outcome.problem or outcome.exists

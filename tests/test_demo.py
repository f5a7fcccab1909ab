"""The shipped demo: rich enough to show every screen, and never changed by use."""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path

import pytest

from slbmc_tui.app import make_app
from slbmc_tui.demo import copy_demo, shipped_demo_paths
from slbmc_tui.domain.bank import PERSPECTIVES, builtin_bank
from slbmc_tui.launch import OpenDemo
from slbmc_tui.screens.interview import InterviewScreen
from slbmc_tui.screens.start import StartScreen
from slbmc_tui.storage import toml_format
from slbmc_tui.storage.store import SessionStore
from slbmc_tui.widgets.interview_header import InterviewHeader
from tests.app_helpers import settle
from tests.conftest import FakeClock


def digests() -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in shipped_demo_paths()}


def test_demo_files_ship_inside_the_package() -> None:
    paths = shipped_demo_paths()
    assert len(paths) == 2
    for path in paths:
        assert path.is_file()
        assert path.parent.name == "demo" and path.parent.parent.name == "slbmc_tui"


def test_demo_sessions_are_partly_answered_in_every_block() -> None:
    bank = builtin_bank("en")
    store = SessionStore(shipped_demo_paths()[0].parent)
    sessions = [store.load(p) for p in shipped_demo_paths()]
    assert [s.meta.profile for s in sessions] == [
        "Profile 1: The elderly person living at home", "Profile 2: A relative"]
    assert {s.meta.model_key for s in sessions} == {"homewell home care"}
    for session in sessions:
        assert session.meta.language == "en" and session.meta.bank_id == bank.id
        assert session.orphans(bank) == []  # every prompt id is one of the bank's
        answered, total = session.progress(bank)
        assert (session.meta.answered, session.meta.total) == (answered, total)
        assert 0 < answered < total
        for block in bank.blocks:
            record = session.blocks[block.id]
            for perspective in PERSPECTIVES:
                assert any(a.is_answered for a in record.answers(perspective).values()), (
                    session.meta.profile, block.id, perspective)
        assert len(session.open_questions(bank)) >= 3
        assert any(a.options for b in session.blocks.values() for a in b.customer.values())
        assert sum(1 for b in session.blocks.values() if b.notes) >= 3
        assert session.position is not None
    elderly, relative = sessions
    assert "keep" in relative.blocks["interaction"].notes.lower()  # keeping in touch
    assert elderly.blocks["value_proposition"].ours == relative.blocks["value_proposition"].ours


def test_demo_files_are_exactly_the_apps_own_format() -> None:
    store = SessionStore(shipped_demo_paths()[0].parent)
    for path in shipped_demo_paths():
        assert toml_format.dumps(store.load(path)) == path.read_text(encoding="utf-8")


def test_copy_demo_makes_a_private_scratch_copy(tmp_path: Path) -> None:
    folder, first = copy_demo(tmp_path)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert first == folder / shipped_demo_paths()[0].name
    for source in shipped_demo_paths():
        copy = folder / source.name
        assert copy.read_bytes() == source.read_bytes()
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    again, _ = copy_demo(tmp_path)
    assert again != folder  # each demo run starts from the shipped files


@pytest.mark.asyncio
async def test_demo_opens_profile_one_on_a_copy_and_never_changes_the_shipped_files(
        sessions_dir: Path, clock: FakeClock, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile
    monkeypatch.setattr(tempfile, "tempdir", None)
    before = digests()
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=OpenDemo())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert screen.session.meta.profile.startswith("Profile 1")
        assert app.demo_folder is not None and app.demo_folder.parent == tmp_path
        assert screen.opened.path.parent == app.demo_folder
        assert "Demo" in app.sub_title and str(app.demo_folder) in app.sub_title
        assert "DEMO" in str(screen.query_one(InterviewHeader).render())
        assert screen.current_block is not None and screen.current_block.number == 1
        assert any("demo" in str(n.message).lower() for n in app._notifications)
        # The demo's session list is made only if the user goes back to it.
        assert not any(isinstance(s, StartScreen) for s in app.screen_stack)
        await pilot.press(*"Edited", "ctrl+pagedown")
        await settle(pilot)
        await pilot.press("ctrl+o")  # saves, then shows the demo folder's sessions
        await settle(pilot)
        start = app.screen
        assert isinstance(start, StartScreen) and start.store.folder == app.demo_folder
        assert len(start.summaries) == 2 and start.is_demo
        assert app.screen_stack == [app.screen_stack[0], start]
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert digests() == before
    copy = app.demo_folder / shipped_demo_paths()[0].name
    assert copy.read_bytes() != shipped_demo_paths()[0].read_bytes()
    assert not sessions_dir.exists() or not list(sessions_dir.iterdir())


@pytest.mark.asyncio
async def test_demo_from_the_start_screen_and_back(sessions_dir: Path, clock: FakeClock,
                                                   tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        own_start = app.screen
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        app.pop_screen()
        await settle(pilot)
        demo_start = app.screen
        assert isinstance(demo_start, StartScreen) and demo_start is not own_start
        assert len(demo_start.summaries) == 2 and len(demo_start.groups) == 1
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is own_start
        assert app.sub_title == ""

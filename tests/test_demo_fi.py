"""The Finnish demo: the workshop slides' home-care example, in the app's own format."""

from __future__ import annotations

from pathlib import Path

import pytest

from slbmc_tui.cli import build_parser
from slbmc_tui.demo import copy_demo, shipped_demo_paths
from slbmc_tui.domain.bank import PERSPECTIVES, builtin_bank
from slbmc_tui.launch import OpenDemo, launch_from_args
from slbmc_tui.storage import toml_format
from slbmc_tui.storage.store import SessionStore
from tests.app_helpers import settle
from tests.conftest import FakeClock


def test_finnish_demo_is_the_slides_example_answered_in_every_block() -> None:
    bank = builtin_bank("fi")
    store = SessionStore(shipped_demo_paths("fi")[0].parent)
    sessions = [store.load(p) for p in shipped_demo_paths("fi")]
    assert [s.meta.profile for s in sessions] == [
        "Asiakasprofiili 1: Kotona asuva ikääntynyt", "Asiakasprofiili 2: Omainen"]
    for session in sessions:
        assert session.meta.language == "fi" and session.meta.bank_id == bank.id
        assert session.orphans(bank) == []
        assert (session.meta.answered, session.meta.total) == session.progress(bank)
        assert 0 < session.meta.answered < session.meta.total
        for block in bank.blocks:
            for perspective in PERSPECTIVES:
                assert any(a.is_answered for a in
                           session.blocks[block.id].answers(perspective).values()), block.id
        assert len(session.open_questions(bank)) >= 3
        assert sum(1 for b in session.blocks.values() if b.notes) >= 3
    elderly, relative = sessions
    offer = elderly.blocks["value_proposition"].ours["benefits_sold"].text
    assert offer.startswith("Pidennetään mahdollisuutta asua kotona mahdollisimman pitkään")
    assert "Pyritään tehostamaan yhteydenpitoa" in relative.blocks["interaction"].notes
    assert elderly.blocks["value_proposition"].ours == relative.blocks["value_proposition"].ours


def test_finnish_demo_files_are_exactly_the_apps_own_format_in_bank_order() -> None:
    bank = builtin_bank("fi")
    store = SessionStore(shipped_demo_paths("fi")[0].parent)
    for path in shipped_demo_paths("fi"):
        session = store.load(path)
        session.arrange(bank)
        assert toml_format.dumps(session) == path.read_text(encoding="utf-8")


def test_demo_lang_fi_opens_the_finnish_demo(tmp_path: Path) -> None:
    assert launch_from_args(build_parser().parse_args(["demo", "--lang", "fi"])) == OpenDemo("fi")
    folder, first = copy_demo(tmp_path, language="fi")
    assert first.name == "kotihoito--ikaantynyt.toml"
    assert sorted(p.name for p in folder.iterdir()) == [
        "kotihoito--ikaantynyt.toml", "kotihoito--omainen.toml"]


@pytest.mark.asyncio
async def test_the_app_opens_the_finnish_demo(sessions_dir: Path, clock: FakeClock) -> None:
    from slbmc_tui.app import make_app
    from slbmc_tui.screens.interview import InterviewScreen

    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=OpenDemo("fi"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.opened.session.meta.language == "fi"
        assert app.screen.opened.bank.id == "slbmc-fi"


def test_finnish_exports_write_dates_and_times_the_finnish_way() -> None:
    """A Finnish session's working exports date it 30.11.2026 klo 9.05, not 2026-11-30 09:05."""
    from datetime import datetime, timedelta, timezone

    from slbmc_tui.export import render_export
    from slbmc_tui.export.markdown import session_to_markdown

    bank = builtin_bank("fi")
    session = SessionStore(shipped_demo_paths("fi")[0].parent).load(shipped_demo_paths("fi")[0])
    moment = datetime(2026, 11, 30, 9, 5, tzinfo=timezone(timedelta(hours=2)))
    session.meta.created = session.meta.updated = moment
    markdown = session_to_markdown(session, bank, now=moment)
    assert "30.11.2026 klo 9.05" in markdown
    assert "2026-11-30" not in markdown and "09:05" not in markdown
    for fmt in ("html", "svg"):
        shown = render_export(session, bank, fmt)
        assert "30.11.2026 klo 9.05" in shown and "2026-11-30 09:05" not in shown, fmt

"""From the interview's palette: a new profile or a new round of the session, opened at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from slbmc_tui.app import make_app
from slbmc_tui.dialogs.profile_name import ProfileNameDialog
from slbmc_tui.launch import ResumeSession
from slbmc_tui.screens.interview import InterviewScreen
from slbmc_tui.screens.start import StartScreen
from slbmc_tui.storage.store import SessionStore
from tests.app_helpers import make_session, run_from_palette, settle
from tests.conftest import FakeClock


def source_session(folder: Path) -> Path:
    return make_session(folder, "HomeWell home care", "The elderly person",
                        client="HomeWell Care Oy",
                        answered={("customers_world", "ours", "deep_insight"): "Home visits",
                                  ("customers_world", "customer", "why_buy"): "Stay at home"})


@pytest.mark.asyncio
async def test_new_profile_from_the_interview_keeps_our_side_and_the_unsaved_words(
    sessions_dir: Path, clock: FakeClock
) -> None:
    source = source_session(sessions_dir)
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ResumeSession(source.stem))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        editor = app.screen.focused
        assert isinstance(editor, TextArea)
        await pilot.press(*" weekly")  # typed just now: the copy must include it
        await run_from_palette(pilot, "new profile from this session")
        assert isinstance(app.screen, ProfileNameDialog)
        app.screen.query_one("#profile", Input).value = "A relative"
        await pilot.press("enter")
        await settle(pilot)
        interview = app.screen
        assert isinstance(interview, InterviewScreen)
        assert interview.opened.session.meta.profile == "A relative"
        # The source's interview was closed (saved, unlocked); the listing is underneath.
        assert [s for s in app.screen_stack if isinstance(s, InterviewScreen)] == [interview]
        assert isinstance(app.screen_stack[-2], StartScreen)
        copy_path = interview.opened.path
    assert copy_path != source
    store = SessionStore(sessions_dir)
    copy = store.load(copy_path)
    assert copy.meta.title == "HomeWell home care"
    assert copy.blocks["customers_world"].ours["deep_insight"].text == "Home visits weekly"
    assert copy.blocks["customers_world"].customer == {}
    assert (copy.meta.answered, copy.meta.round) == (1, 1)
    original = store.load(source)
    assert original.blocks["customers_world"].ours["deep_insight"].text == "Home visits weekly"
    assert original.blocks["customers_world"].customer["why_buy"].text == "Stay at home"


@pytest.mark.asyncio
async def test_new_round_from_the_interview_copies_everything_and_keeps_round_one(
    sessions_dir: Path, clock: FakeClock
) -> None:
    source = source_session(sessions_dir)
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ResumeSession(source.stem))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        await run_from_palette(pilot, "new round of this session")
        await settle(pilot)
        interview = app.screen
        assert isinstance(interview, InterviewScreen)
        assert interview.opened.session.meta.round == 2
        copy_path = interview.opened.path
        app.pop_screen()
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
    assert copy_path.name.endswith("--round-2.toml")
    store = SessionStore(sessions_dir)
    copy, original = store.load(copy_path), store.load(source)
    assert copy.meta.round == 2 and original.meta.round == 1
    assert copy.blocks == original.blocks
    assert copy.meta.created == clock()

"""The interview in Finnish: a Finnish session shows no English interface text.

The app takes the session's language when its interview shows (and for every dialog opened
from it), and the user's again on the session list. Checked on what is drawn: every English
msgid of the catalogue of more than one word (its literal parts between placeholders) must
be absent from the rendered screen.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from slbmc_tui import i18n
from slbmc_tui.app import SlbmcApp, make_app
from slbmc_tui.demo import shipped_demo_paths
from slbmc_tui.i18n import current_language
from slbmc_tui.launch import OpenDemo, ResumeSession
from slbmc_tui.screens.interview import InterviewScreen
from tests.app_helpers import settle, still_cursors, wait_until
from tests.conftest import FakeClock
from tests.finnish_screen import english_on_screen, english_phrases, shown_text

CATALOGUE = i18n.LOCALE_DIR / "fi" / "LC_MESSAGES" / "slbmc.po"


def finnish_session(sessions_dir: Path) -> Path:
    """A copy of the Finnish demo's first profile (meta.language = "fi") in the folder."""
    sessions_dir.mkdir(parents=True, exist_ok=True)
    source = shipped_demo_paths("fi")[0]
    return Path(shutil.copy(source, sessions_dir / source.name))


async def shown_soon(pilot: Pilot[Any], words: str) -> str:
    """The screen's text once it shows `words` (the palette fills itself in a worker)."""
    for _attempt in range(40):
        await pilot.pause(0.1)
        if words in (text := shown_text(pilot.app)):
            return text
    return shown_text(pilot.app)


async def steady(pilot: Pilot[Any]) -> None:
    """Nothing in flight and no blinking cursor: the same picture on every run."""
    await settle(pilot)
    still_cursors(pilot)
    await pilot.pause()


def test_the_catalogue_has_phrases_to_look_for() -> None:
    phrases = english_phrases()
    assert {"Go to block", "Type the answer", "Enter exports · Esc cancels",
            "Follow-up"} <= phrases


@pytest.mark.asyncio
async def test_finnish_demo_interview_shows_no_english(sessions_dir: Path,
                                                       clock: FakeClock) -> None:
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=OpenDemo("fi"))
    async with app.run_test(size=(120, 40)) as pilot:
        await steady(pilot)
        assert isinstance(app.screen, InterviewScreen)
        assert current_language() == "fi"
        text = shown_text(pilot.app)
        assert "lohko 1/9" in text and "vastattu" in text and "ESIMERKKI" in text
        assert "Vastaamatta" in text and "Istunnot" in text  # the footer
        assert english_on_screen(pilot) == []

        await pilot.press("ctrl+l")  # the block list beside the block
        await steady(pilot)
        assert english_on_screen(pilot) == []

        await pilot.press("ctrl+g")  # the go-to-block dialog
        await steady(pilot)
        assert "Siirry…" in shown_text(pilot.app) and english_on_screen(pilot) == []
        await pilot.press("escape")

        await pilot.press("f1")  # help: the keys in Finnish
        await steady(pilot)
        text = shown_text(pilot.app)
        assert "Näppäimet" in text and "Edellinen lohko" in text and "Vastauksen historia" in text
        assert english_on_screen(pilot) == []
        await pilot.press("escape")

        await pilot.press("ctrl+s")  # the export dialog
        await steady(pilot)
        text = shown_text(pilot.app)
        assert "Muoto" in text and "Enter vie · Esc peruu" in text
        assert english_on_screen(pilot) == []
        await pilot.press("escape")
        await steady(pilot)
        assert isinstance(app.screen, InterviewScreen)


@pytest.mark.asyncio
async def test_finnish_dialogs_and_palette(sessions_dir: Path, clock: FakeClock) -> None:
    path = finnish_session(sessions_dir)
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ResumeSession(path.stem))
    async with app.run_test(size=(120, 40)) as pilot:
        await steady(pilot)
        assert isinstance(app.screen, InterviewScreen)
        await pilot.press("ctrl+p")  # the palette: the interview's commands in Finnish
        text = await shown_soon(pilot, "Hae komentoja")  # Textual's own prompt, ours now
        assert "Hae komentoja…" in text and "Search for commands" not in text
        await pilot.pause(0.5)  # the entries (their order varies between runs)
        assert english_on_screen(pilot) == []
        await pilot.press(*"teema")  # Textual's own commands too
        assert "Vaihda teemaa" in await shown_soon(pilot, "Vaihda teemaa")
        await pilot.press(*["backspace"] * 5, *"istunto")  # and the app's
        assert "Istuntolista" in await shown_soon(pilot, "Istuntolista")
        await pilot.press(*["backspace"] * 7, *"vie")
        await pilot.pause(0.3)
        text = shown_text(pilot.app)
        assert "Vie HTML-muodossa…" in text and english_on_screen(pilot) == []
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("f5")  # an answer's history
        await steady(pilot)
        assert "Historia:" in shown_text(pilot.app) and english_on_screen(pilot) == []
        await pilot.press("escape")
        await steady(pilot)

        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        screen.action_agenda()
        await steady(pilot)
        assert "Asialista ja aikarajat" in shown_text(pilot.app)
        assert english_on_screen(pilot) == []
        await pilot.press("escape")
        await steady(pilot)

        await pilot.press("x")  # a change: the header says it is saved, in Finnish
        await wait_until(pilot, lambda: "Tallennettu" in shown_text(pilot.app))  # the autosave
        await steady(pilot)
        assert "Tallennettu 9.30.00" in shown_text(pilot.app)


@pytest.mark.asyncio
async def test_session_list_is_back_in_the_users_language(sessions_dir: Path,
                                                          clock: FakeClock) -> None:
    path = finnish_session(sessions_dir)
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ResumeSession(path.stem))
    async with app.run_test(size=(120, 40)) as pilot:
        await steady(pilot)
        assert current_language() == "fi"
        assert isinstance(app, SlbmcApp) and app.user_language == "en"
        await pilot.press("ctrl+o")  # back to the session list
        await steady(pilot)
        assert not isinstance(app.screen, InterviewScreen)
        assert current_language() == "en"
        shown = {b.binding.description for b in app.screen.active_bindings.values()}
        assert "Quit (saves first)" in shown or "New session" in shown


def finnish_app(sessions_dir: Path) -> SlbmcApp:
    path = finnish_session(sessions_dir)
    return make_app(sessions_dir=sessions_dir, clock=FakeClock(),
                    launch=ResumeSession(path.stem))


def test_finnish_interview_wide(snap_compare: Any, sessions_dir: Path) -> None:
    assert snap_compare(finnish_app(sessions_dir), terminal_size=(120, 40), run_before=steady)


def test_finnish_interview_narrow(snap_compare: Any, sessions_dir: Path) -> None:
    assert snap_compare(finnish_app(sessions_dir), terminal_size=(80, 24), run_before=steady)


async def help_shown(pilot: Pilot[Any]) -> None:
    """F1 over the Finnish interview: the keys and the introduction, in Finnish."""
    await steady(pilot)
    await pilot.press("f1")
    await steady(pilot)


def test_finnish_help_wide(snap_compare: Any, sessions_dir: Path) -> None:
    assert snap_compare(finnish_app(sessions_dir), terminal_size=(120, 40), run_before=help_shown)


def test_finnish_help_narrow(snap_compare: Any, sessions_dir: Path) -> None:
    assert snap_compare(finnish_app(sessions_dir), terminal_size=(80, 24), run_before=help_shown)

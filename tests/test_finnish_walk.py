"""A whole Finnish session, walked as a Finnish user would, with no English on any screen.

The Finnish demo (`slbmc demo --lang fi`) at 120x40 and 80x24: the interview, F1 help page by
page, the block picker and list, the keys panel, the palette, the canvas, open questions, the
comparison, the export dialog and its notice, an answer's history, the agenda, the wrap-up,
what changed since an earlier round, the presentation mode, Textual's own notices; then the
session list with `--lang fi` and its dialogs. Each screen is checked with the one definition
of "English" in tests/finnish_screen.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from slbmc_tui.app import make_app
from slbmc_tui.i18n import current_language
from slbmc_tui.i18n.choice import set_user_language
from slbmc_tui.launch import OpenDemo, ShowStart
from slbmc_tui.screens.interview import InterviewScreen
from slbmc_tui.screens.start import StartScreen
from tests.app_helpers import settle
from tests.conftest import FakeClock
from tests.finnish_screen import english_in, english_on_screen, shown_text

SIZES = [(120, 40), (80, 24)]


@pytest.fixture(autouse=True)
def user_language_restored() -> Any:
    yield
    set_user_language("en")


async def steady(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    for field in [*pilot.app.screen.query(TextArea), *pilot.app.screen.query(Input)]:
        field.cursor_blink = False
    await pilot.pause()


async def no_english(pilot: Pilot[Any], where: str, *, expect: str = "") -> str:
    """Settle, then fail naming `where` if any English phrase is drawn or notified."""
    await steady(pilot)
    toasts = "\n".join(f"{n.title}: {n.message}" for n in pilot.app._notifications)
    text = shown_text(pilot.app) + "\n" + toasts
    assert english_on_screen(pilot) == [] and english_in(toasts) == [], f"{where}:\n{text}"
    if expect:
        assert expect in text, f"{where}: {expect!r} not shown\n{text}"
    return text


async def keys(pilot: Pilot[Any], *pressed: str) -> None:
    for key in pressed:
        await pilot.press(key)
        await pilot.pause()


async def palette(pilot: Pilot[Any], query: str, where: str, *, run: bool = True) -> None:
    """Open the palette, check it, type `query`, check the hits, and run the first one."""
    await pilot.press("ctrl+p")
    for _attempt in range(30):  # the palette fills itself in a worker
        await pilot.pause(0.05)
        if "Hae komentoja" in shown_text(pilot.app):
            break
    await no_english(pilot, f"palette on {where}", expect="Hae komentoja…")
    await keys(pilot, *query)
    await pilot.pause(0.3)
    await no_english(pilot, f"palette hits for {query!r} on {where}")
    await keys(pilot, "enter" if run else "escape")
    await pilot.pause(0.2)


async def scroll_through(pilot: Pilot[Any], where: str, pages: int = 12) -> None:
    for page in range(pages):
        await no_english(pilot, f"{where}, page {page + 1}")
        await keys(pilot, "pagedown")


@pytest.mark.asyncio
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_a_whole_finnish_session_without_english(size: tuple[int, int],
                                                       sessions_dir: Path,
                                                       clock: FakeClock) -> None:
    set_user_language("fi")
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=OpenDemo("fi"))
    async with app.run_test(size=size) as pilot:
        await steady(pilot)
        interview = app.screen
        assert isinstance(interview, InterviewScreen) and current_language() == "fi"
        await no_english(pilot, "interview with the demo notice", expect="Tämä on esimerkki")

        await keys(pilot, *"Kotona asuminen")  # answer, then the options and a flag
        await keys(pilot, "tab", "2", "ctrl+r")
        await pilot.pause(1.2)
        await no_english(pilot, "interview after typing", expect="Tallennettu")
        await keys(pilot, "shift+tab")

        await keys(pilot, "f1")
        await scroll_through(pilot, "F1 help")
        await keys(pilot, "escape", "ctrl+g")
        await no_english(pilot, "block picker", expect="Siirry…")
        await keys(pilot, "escape", "ctrl+l")
        await no_english(pilot, "block list")
        await keys(pilot, "ctrl+l")

        await palette(pilot, "näppäimet", "the interview")  # the keys panel
        await no_english(pilot, "keys panel (an answer focused)", expect="Kohdistin")
        await keys(pilot, "escape")
        await palette(pilot, "teema", "the interview", run=False)

        for key, where, words in [("f2", "canvas", "Meidän"),
                                  ("f3", "open questions", "Avoimet kysymykset")]:
            await keys(pilot, key)
            await no_english(pilot, where, expect=words)
            await keys(pilot, "escape")

        await keys(pilot, "f4")
        await no_english(pilot, "compare: choose sessions", expect="Vertaa istuntoja")
        await keys(pilot, "enter")
        await pilot.pause(0.3)
        await no_english(pilot, "compare screen", expect="Vertailu")
        await keys(pilot, "escape")
        await steady(pilot)
        assert app.screen is interview

        await keys(pilot, "ctrl+s")
        await no_english(pilot, "export dialog", expect="Muoto")
        await keys(pilot, "enter")
        await pilot.pause(0.5)
        await no_english(pilot, "export done", expect="Viety")

        await keys(pilot, "f5")
        await no_english(pilot, "answer history", expect="Historia:")
        await keys(pilot, "escape")

        await palette(pilot, "asialista", "the interview")
        await no_english(pilot, "agenda dialog", expect="Asialista ja aikarajat")
        await keys(pilot, "escape")
        await palette(pilot, "yhteenveto", "the interview")
        await no_english(pilot, "wrap-up", expect="Seuraavat askeleet")
        await keys(pilot, "f5")
        await pilot.pause(0.3)
        await no_english(pilot, "wrap-up: follow-up message")
        await keys(pilot, "escape")
        await steady(pilot)

        assert isinstance(interview, InterviewScreen)
        earlier = sorted(path for path in interview.opened.path.parent.glob("*.toml")
                         if path != interview.opened.path)[0]
        interview.action_changes_since(str(earlier))  # what changed since another file
        await pilot.pause(0.3)
        await no_english(pilot, "rounds: what changed")
        await keys(pilot, "escape")

        await keys(pilot, "ctrl+t")
        await no_english(pilot, "presentation mode", expect="ESITYS")
        await keys(pilot, "ctrl+t")

        app.action_help_quit()  # Textual's own Ctrl+C hint
        await no_english(pilot, "Ctrl+C hint", expect="Haluatko lopettaa?")

        await keys(pilot, "ctrl+o")  # the demo's session list, in the user's language
        await steady(pilot)
        assert isinstance(app.screen, StartScreen)
        await no_english(pilot, "demo's session list", expect="Istunnot kansiossa")
        await palette(pilot, "kieli", "the session list", run=False)


DIALOGS = [("n", "Uusi istunto"), ("e", "Nimeä"), ("a", "Arkistoi"), ("delete", "roskakori"),
           ("r", "kierros"), ("p", "profiili"), ("c", "Vertaa"), ("t", "Arkisto"),
           ("s", "Haku")]


@pytest.mark.asyncio
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_session_list_with_lang_fi_and_its_dialogs(size: tuple[int, int],
                                                             sessions_dir: Path,
                                                             clock: FakeClock) -> None:
    from slbmc_tui.demo import shipped_demo_paths

    sessions_dir.mkdir(parents=True, exist_ok=True)
    for path in shipped_demo_paths("fi"):
        (sessions_dir / path.name).write_bytes(path.read_bytes())
    set_user_language("fi")  # what `slbmc --lang fi` does before making the app
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ShowStart())
    async with app.run_test(size=size) as pilot:
        await steady(pilot)
        await no_english(pilot, "session list", expect="Istunnot kansiossa")
        for key, words in DIALOGS:
            await keys(pilot, key)
            await pilot.pause(0.3)
            text = await no_english(pilot, f"dialog of {key!r}")
            assert words.casefold() in text.casefold(), f"{key}: {words}\n{text}"
            await keys(pilot, "escape")
            await steady(pilot)
            assert isinstance(app.screen, StartScreen), key
        await palette(pilot, "", "the session list", run=False)

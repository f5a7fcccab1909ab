"""The start screen, its dialogs and the overview screens in Finnish: no English left over.

Each test shows a screen in Finnish and asserts that no English message of the catalogue
(of more than one word) is on it: a string shown but not marked, or marked but not
translated, would show in English and fail here. Titles at 80x24 stay told apart.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from copy import deepcopy
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input

from slbmc_tui.app import make_app
from slbmc_tui.domain.bank import QuestionBank, builtin_bank
from slbmc_tui.domain.session import Session, new_session
from slbmc_tui.i18n import use_language
from slbmc_tui.screens.canvas import CanvasScreen
from slbmc_tui.screens.compare import CompareScreen
from slbmc_tui.screens.open_questions import OpenQuestionsScreen
from slbmc_tui.screens.rounds import RoundsScreen
from slbmc_tui.screens.translated import translate_bindings
from slbmc_tui.screens.wrap_up import WrapUpScreen
from slbmc_tui.storage.store import SessionStore
from slbmc_tui.widgets.canvas_cell import CanvasCell, abbreviate, shared_lead_words
from tests.app_helpers import settle
from tests.conftest import FakeClock
from tests.finnish_screen import english_in as english_on
from tests.finnish_screen import shown_text

SIZES = [(120, 40), (80, 24)]
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


@pytest.fixture(autouse=True)
def english_afterwards() -> Any:
    yield
    use_language("en")


async def in_finnish(pilot: Pilot[Any]) -> None:
    """Settle, with the shown screen's key descriptions in Finnish (as the app does)."""
    await settle(pilot)
    translate_bindings(pilot.app.screen)
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


def finnish_session(title: str, profile: str, clock: FakeClock, *, minutes_ago: int = 0,
                    client: str = "") -> Session:
    bank = builtin_bank("fi")
    session = new_session(bank, title=title, profile=profile, client=client, clock=clock)
    first = bank.ordered_blocks[0]
    session.answer(first.id, "ours", first.ours[0].id).text = "Kotikäynnit kahdesti viikossa"
    flagged = session.answer(first.id, "customer", first.customer[0].id)
    flagged.text = "Haluan asua kotona"
    flagged.needs_research = True
    session.meta.updated = clock() - timedelta(minutes=minutes_ago)
    session.refresh_progress(bank)
    return session


def finnish_folder(folder: Path, clock: FakeClock) -> list[Path]:
    store = SessionStore(folder)
    return [store.create(finnish_session(*names, clock, minutes_ago=minutes, client=client))
            for names, minutes, client in (
                (("Kotihoito Kotona", "Kotona asuva ikäihminen"), 30, "Kotona Oy"),
                (("Kotihoito Kotona", "Omainen"), 90, "Kotona Oy"),
                (("Pyöräkorjaamo Poljin", "Työmatkapyöräilijä"), 10, "Poljin Oy"))]


@pytest.fixture
def finnish_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock) -> Any:
    """The user's language is Finnish (as `--lang fi` sets it before the app is made)."""
    monkeypatch.chdir(tmp_path)  # the screen shows the folder: the same on every run
    finnish_folder(Path("sessions"), clock)
    use_language("fi")
    return make_app(sessions_dir=Path("sessions"), clock=clock)


# -- the start screen and its dialogs ----------------------------------------------------

DIALOG_KEYS = {
    "start": (),
    "new session": ("n",),
    "new session, errors": ("n", "enter"),
    "rename": ("e",),
    "archive": ("a",),
    "delete": ("delete",),
    "new round": ("r",),
    "new profile": ("p",),
    "restore": ("t",),
    "compare choice": ("c",),
    "filter without match": ("slash", *"zzz"),
    "search": ("s", *"kotona"),
}


@pytest.mark.asyncio
@pytest.mark.parametrize("keys", DIALOG_KEYS.values(), ids=DIALOG_KEYS.keys())
async def test_start_screen_and_dialogs_show_no_english(finnish_app: Any,
                                                        keys: tuple[str, ...]) -> None:
    async with finnish_app.run_test(size=(120, 40)) as pilot:
        await in_finnish(pilot)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause(0.3)
        await in_finnish(pilot)
        text = shown_text(pilot.app)
        assert english_on(text) == [], text
        assert "Istunnot kansiossa" in text or pilot.app.screen.is_modal or keys


@pytest.mark.asyncio
async def test_start_screen_speaks_finnish(finnish_app: Any) -> None:
    async with finnish_app.run_test(size=(120, 40)) as pilot:
        await in_finnish(pilot)
        text = shown_text(pilot.app)
        assert "3 istuntoa 2 mallissa" in text
        assert "Malli · asiakasprofiili" in text and "Toimeksiantaja" in text
        assert "23.11.2026 klo 9.00" in text  # dates as Finnish writes them
        assert "2 profiilia" in text
        assert "Uusi istunto" in text  # the Footer's key descriptions


@pytest.mark.asyncio
async def test_locked_session_dialog_in_finnish(finnish_app: Any, tmp_path: Path) -> None:
    from slbmc_tui.dialogs.session_locked import SessionLockedDialog
    from slbmc_tui.storage.locking import LockInfo

    async with finnish_app.run_test(size=(120, 40)) as pilot:
        await in_finnish(pilot)
        path = next((tmp_path / "sessions").glob("*.toml"))
        await pilot.app.push_screen(SessionLockedDialog(path, LockInfo(pid=0, host="", since=None)))
        await in_finnish(pilot)
        text = shown_text(pilot.app)
        assert "Tämä istunto on jo auki" in text
        assert english_on(text) == [], text


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_finnish_start_screen_snapshot(size: tuple[int, int], finnish_app: Any,
                                       snap_compare: Any) -> None:
    assert snap_compare(finnish_app, terminal_size=size, run_before=in_finnish)


# -- screens opened from an interview: the session's language ----------------------------


class Host(App[None]):
    """A bare app showing one screen, as the interview opens it."""

    def __init__(self, make_screen: Callable[[], Screen[Any]]) -> None:
        super().__init__()
        self.make_screen = make_screen

    def on_mount(self) -> None:
        self.push_screen(self.make_screen())


def overview_screens(folder: Path, clock: FakeClock) -> dict[str, Callable[[], Screen[Any]]]:
    paths = finnish_folder(folder, clock)
    store = SessionStore(folder)
    bank = builtin_bank("fi")
    session = store.load(paths[0])
    later = deepcopy(session)
    later.meta.round = 2
    later.answer(bank.ordered_blocks[0].id, "ours",
                 bank.ordered_blocks[0].ours[0].id).text = "Kotikäynnit joka päivä"
    empty = new_session(bank, title="Tyhjä", profile="Kukaan", clock=clock)
    return {
        "canvas": lambda: CanvasScreen(session, bank),
        "open questions": lambda: OpenQuestionsScreen(session, bank),
        "no open questions": lambda: OpenQuestionsScreen(empty, bank),
        "wrap-up": lambda: WrapUpScreen(session, bank, paths[0]),
        "rounds": lambda: RoundsScreen(session, later, bank, paths[0]),
        "compare": lambda: CompareScreen(paths[:2]),
    }


OVERVIEWS = ["canvas", "open questions", "no open questions", "wrap-up", "rounds", "compare"]


@pytest.mark.asyncio
@pytest.mark.parametrize("name", OVERVIEWS)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_overview_screens_show_no_english(name: str, size: tuple[int, int],
                                                tmp_path: Path, clock: FakeClock) -> None:
    use_language("fi")
    host = Host(overview_screens(tmp_path / "sessions", clock)[name])
    async with host.run_test(size=size) as pilot:
        await in_finnish(pilot)
        await pilot.pause(0.2)
        await in_finnish(pilot)
        text = shown_text(host)
        assert english_on(text) == [], text


def _canvas_host(tmp_path: Path, clock: FakeClock) -> Host:
    return Host(overview_screens(tmp_path / "sessions", clock)["canvas"])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_finnish_canvas_snapshot(size: tuple[int, int], tmp_path: Path, clock: FakeClock,
                                 snap_compare: Any) -> None:
    use_language("fi")
    assert snap_compare(_canvas_host(tmp_path, clock), terminal_size=size,
                        run_before=in_finnish)


# -- canvas titles at 80x24 ---------------------------------------------------------------


def test_shared_leading_words_are_counted() -> None:
    titles = ["Keskeiset resurssit", "Keskeiset kumppanit", "Kustannusrakenne"]
    assert shared_lead_words(titles[0], titles[1:]) == 1
    assert shared_lead_words(titles[2], titles[:2]) == 0
    assert shared_lead_words("Key", ["Key partners"]) == 0  # a word is always left


def test_titles_sharing_a_start_drop_it_first() -> None:
    assert abbreviate("Keskeiset resurssit", 10, 1) == "…resurssit"
    assert abbreviate("Keskeiset kumppanit", 10, 1) == "…kumppanit"
    assert abbreviate("Keskeiset resurssit", 16, 1) == "Keske. resurssit"
    assert abbreviate("Keskeiset resurssit", 8, 1) != abbreviate("Keskeiset kumppanit", 8, 1)
    assert abbreviate("Key resources", 8) == "Key res…"  # nothing shared: as before


@pytest.mark.asyncio
@pytest.mark.parametrize("language", ["fi", "en"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_canvas_titles_can_be_told_apart(language: str, size: tuple[int, int],
                                               clock: FakeClock) -> None:
    use_language(language)
    bank: QuestionBank = builtin_bank(language)
    session = new_session(bank, title="Malli", profile="Profiili", clock=clock)
    host = Host(lambda: CanvasScreen(session, bank))
    async with host.run_test(size=size) as pilot:
        await pilot.pause()
        titles = [str(cell.border_title).split(" ", 1)[1]
                  for cell in host.screen.query(CanvasCell)]
        assert len(set(titles)) == len(titles) == 9, titles

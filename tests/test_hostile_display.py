"""Every screen that shows data, opened on hostile data: nothing parsed as markup, no escape
reaches the terminal, the text shown as it was typed, nothing crashes.

`leaks()` looks at what each screen would write to a real terminal (escape sequences, C1
controls, BEL) and at the styles Textual composed (a `@click` action or a link can only come
from markup). The screens are walked the way a user walks them.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from textual.app import App
from textual.command import CommandPalette
from textual.events import Paste
from textual.pilot import Pilot
from textual.widgets import Input, Static

from slbmc_tui.app import make_app
from slbmc_tui.dialogs.answer_history import AnswerHistoryDialog
from slbmc_tui.dialogs.choose_sessions import ChooseSessions
from slbmc_tui.dialogs.export import ExportDialog
from slbmc_tui.dialogs.new_session import NewSessionDialog
from slbmc_tui.dialogs.profile_name import ProfileNameDialog
from slbmc_tui.dialogs.session_locked import SessionLockedDialog
from slbmc_tui.launch import CompareSessions, NewSession, ResumeSession
from slbmc_tui.screens.canvas import CanvasScreen
from slbmc_tui.screens.compare import CompareScreen
from slbmc_tui.screens.help import HelpScreen
from slbmc_tui.screens.interview import InterviewScreen
from slbmc_tui.screens.open_questions import OpenQuestionsScreen
from slbmc_tui.screens.start import StartScreen
from slbmc_tui.widgets.answer_editor import AnswerEditor
from tests.app_helpers import make_session, settle
from tests.conftest import FakeClock
from tests.hostile_display import (
    CLICK,
    HOSTILE,
    HOSTILE_ANSWER,
    MARKUP,
    OSC52,
    hostile_bank,
    hostile_lock,
    hostile_session,
    hostile_session_on_bank,
    leaks,
    screen_text,
)

WIDE = (120, 40)


class Walk:
    """Collects what each visited screen leaks, so one run reports every screen."""

    def __init__(self, app: App[None]) -> None:
        self.app = app
        self.problems: dict[str, list[str]] = {}
        self.visited: list[str] = []

    def check(self, where: str, *, expect: type | None = None) -> str:
        screen = self.app.screen
        if expect is not None:
            assert isinstance(screen, expect), f"{where}: on {type(screen).__name__}"
        self.visited.append(where)
        found = sorted(set(leaks(self.app)))
        if found:
            self.problems[where] = found
        return screen_text(self.app)

    def assert_clean(self) -> None:
        assert not self.problems, "\n".join(
            f"{where}: {problems}" for where, problems in self.problems.items())


async def back(pilot: Pilot[None]) -> None:
    await pilot.press("escape")
    await settle(pilot)


@pytest.fixture
def hostile_folder(sessions_dir: Path, tmp_path: Path, clock: FakeClock) -> Path:
    hostile_session(sessions_dir, clock=clock)
    hostile_session(sessions_dir, clock=clock)  # a second profile to compare with
    hostile_session_on_bank(sessions_dir, hostile_bank(tmp_path / "bank.toml"), clock=clock)
    broken = sessions_dir / "broken.toml"
    broken.write_text(f"title = {HOSTILE!r} = oops\n", encoding="utf-8")
    return sessions_dir


@pytest.mark.asyncio
async def test_every_screen_of_a_hostile_session_shows_it_literally(
        hostile_folder: Path, clock: FakeClock) -> None:
    app = make_app(sessions_dir=hostile_folder, clock=clock)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        walk = Walk(app)
        await settle(pilot)
        text = walk.check("start screen", expect=StartScreen)
        assert CLICK in text and "[Helsinki]" in text and "␛]52;c;" in text

        await pilot.press("enter")  # the newest session: the one on the hostile bank
        await settle(pilot)
        text = walk.check("interview (hostile bank)", expect=InterviewScreen)
        assert "␛]52;c;" in text and CLICK in text
        for key, screen in (("f2", CanvasScreen), ("f3", OpenQuestionsScreen),
                            ("f1", HelpScreen)):
            await pilot.press(key)
            await settle(pilot)
            text = walk.check(f"{screen.__name__} (hostile bank)", expect=screen)
            assert CLICK in text or "␛" in text
            await back(pilot)

        await pilot.press("ctrl+g")
        await settle(pilot)
        walk.check("block picker (hostile bank)")
        await back(pilot)

        await pilot.press("f5")
        await settle(pilot)
        walk.check("answer history (hostile bank)", expect=AnswerHistoryDialog)
        history_title = str(app.screen.query_one("#history-title", Static).render())
        assert CLICK in history_title and "␛]52;c;" in history_title
        await back(pilot)

        await pilot.press("ctrl+p")
        await settle(pilot)
        walk.check("palette, discovery", expect=CommandPalette)
        await pilot.press(*"block")
        await pilot.pause(0.3)
        text = walk.check("palette, search", expect=CommandPalette)
        assert "Go to block 1: Block 1 [@click" in text
        await back(pilot)

        await pilot.press("ctrl+e")
        await settle(pilot)
        text = walk.check("export dialog", expect=ExportDialog)
        assert CLICK in text
        await back(pilot)

        app.screen.action_new_profile()  # type: ignore[attr-defined]
        await settle(pilot)
        text = walk.check("new profile dialog", expect=ProfileNameDialog)
        assert CLICK in text
        await back(pilot)

        await pilot.press("f4")
        await settle(pilot)
        text = walk.check("compare chooser", expect=ChooseSessions)
        assert "Reading the sessions folder" not in text and CLICK in text
        await pilot.press("a", "enter")
        await settle(pilot)
        text = walk.check("compare screen", expect=CompareScreen)
        assert "␛]52;c;" in text
        await pilot.press("ctrl+g")
        await settle(pilot)
        walk.check("compare block picker")
        await back(pilot)
        await back(pilot)
        assert app.is_running
    walk.assert_clean()


@pytest.mark.asyncio
async def test_builtin_bank_interview_and_overviews_with_hostile_answers(
        sessions_dir: Path, clock: FakeClock) -> None:
    path = hostile_session(sessions_dir, clock=clock)
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ResumeSession(name=path.name))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        walk = Walk(app)
        await settle(pilot)
        walk.check("interview", expect=InterviewScreen)
        for key in ("f2", "f3"):
            await pilot.press(key)
            await settle(pilot)
            walk.check(f"overview {key}")
            await back(pilot)
        await pilot.press("ctrl+b")
        await settle(pilot)
        walk.check("interview with block list")
    walk.assert_clean()


@pytest.mark.asyncio
async def test_a_hostile_lock_host_is_shown_literally(sessions_dir: Path,
                                                      clock: FakeClock) -> None:
    path = hostile_session(sessions_dir, clock=clock)
    hostile_lock(path)
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ResumeSession(name=path.name))
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        walk = Walk(app)
        await settle(pilot)
        text = walk.check("lock dialog", expect=SessionLockedDialog)
        holder = str(app.screen.query_one("#holder", Static).render())
        assert CLICK in holder and "[Helsinki]" in holder and "␛]0;PWNED-TITLE␇" in holder
        assert CLICK in text
    walk.assert_clean()


@pytest.mark.asyncio
async def test_cannot_open_notification_quotes_the_bank_path_literally(
        sessions_dir: Path, clock: FakeClock) -> None:
    path = hostile_session(sessions_dir, bank_path=f"/nowhere/{MARKUP}\x1b]0;T\x07.toml",
                           clock=clock)
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ResumeSession(name=path.name))
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        walk = Walk(app)
        await settle(pilot)
        await pilot.pause(0.2)
        text = walk.check("cannot-open notification")
        assert "Cannot open session" in text
        assert CLICK in text and "␛]0;T␇" in text
        assert app.is_running
    walk.assert_clean()


@pytest.mark.asyncio
async def test_compare_launch_on_hostile_sessions(sessions_dir: Path, clock: FakeClock) -> None:
    first = hostile_session(sessions_dir, clock=clock)
    second = hostile_session(sessions_dir, title="Plain title", clock=clock)
    app = make_app(sessions_dir=sessions_dir, clock=clock,
                   launch=CompareSessions(names=(first.name, second.name)))
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        walk = Walk(app)
        await settle(pilot)
        text = walk.check("compare screen", expect=CompareScreen)
        assert "first [@click=app.quit]CLICKME[/]" in text
    walk.assert_clean()


@pytest.mark.asyncio
async def test_answers_keep_every_byte_after_visiting_every_screen(
        sessions_dir: Path, clock: FakeClock) -> None:
    path = hostile_session(sessions_dir, clock=clock)
    before = path.read_bytes()
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ResumeSession(name=path.name))
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await settle(pilot)
        for key in ("f2", "escape", "f3", "escape", "ctrl+e", "escape"):
            await pilot.press(key)
            await settle(pilot)
    assert path.read_bytes() == before
    assert HOSTILE_ANSWER.replace("\x07", "\\u0007")[:5] in before.decode()


@pytest.mark.asyncio
async def test_new_session_dialog_prefilled_from_a_hostile_command_line(
        sessions_dir: Path, clock: FakeClock) -> None:
    app = make_app(sessions_dir=sessions_dir, clock=clock,
                   launch=NewSession(title=HOSTILE, profile=HOSTILE, client=HOSTILE))
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        walk = Walk(app)
        await settle(pilot)
        text = walk.check("new session dialog", expect=NewSessionDialog)
        assert "BEL␇" in text  # each field shows the end of its value, cursor after it
        assert app.screen.query_one("#title", Input).value == HOSTILE
    walk.assert_clean()


@pytest.mark.asyncio
async def test_a_paste_with_terminal_codes_is_saved_as_its_words(sessions_dir: Path,
                                                                 clock: FakeClock) -> None:
    path = make_session(sessions_dir, "Home care", "Elderly", clock=clock)
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ResumeSession(name=path.name))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        editor = app.focused
        assert isinstance(editor, AnswerEditor)
        app.post_message(Paste(f"Visits \x1b[1mtwice\x1b[0m a day{OSC52}\x07\r\nand calls"))
        await pilot.pause()
        assert editor.text == "Visits twice a day\nand calls"
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        screen.flush_save()
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    key = editor.answer_key
    answer = saved["blocks"][key.block_id][key.perspective][key.prompt_id]
    assert answer["text"] == "Visits twice a day\nand calls"

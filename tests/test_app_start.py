"""The start screen: what the folder holds, grouped by model, and what can be done with it."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static
from textual.widgets.data_table import ColumnKey

from slbmc_tui.app import make_app
from slbmc_tui.launch import ResumeSession
from slbmc_tui.screens import start as start_module
from slbmc_tui.screens.interview import InterviewScreen
from slbmc_tui.screens.start import StartScreen
from slbmc_tui.storage.store import SessionStore
from tests.app_helpers import make_session, settle, three_sessions_and_a_broken_file
from tests.conftest import FakeClock


def table_rows(screen: StartScreen) -> list[str]:
    table = screen.query_one("#sessions", DataTable)
    return [str(table.get_row_at(i)[0]).strip() for i in range(table.row_count)]


def move_to(screen: StartScreen, path: Path) -> None:
    table = screen.query_one("#sessions", DataTable)
    table.move_cursor(row=table.get_row_index(str(path)))


@pytest.mark.asyncio
async def test_listing_groups_profiles_by_model_newest_first(sessions_dir: Path,
                                                             clock: FakeClock) -> None:
    paths = three_sessions_and_a_broken_file(sessions_dir)
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, StartScreen)
        assert table_rows(screen) == [
            "Pedal bike repair", "Commuter cyclist",
            "HomeWell home care", "The elderly person living at home", "A relative",
        ]
        table = screen.query_one("#sessions", DataTable)
        row = table.get_row(str(paths["elderly"]))
        assert str(row[1]) == "HomeWell Care Oy"
        assert str(row[2]).endswith(" 2/39")
        assert row[3] == "2026-11-23 09:00"
        assert table.has_focus and table.cursor_row == 1  # the newest session, ready for Enter
        folder_line = str(screen.query_one("#folder-line", Static).render())
        assert "3 sessions in 2 models" in folder_line


@pytest.mark.asyncio
async def test_long_listing_arrives_in_slices_in_the_same_order(
        sessions_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    three_sessions_and_a_broken_file(sessions_dir)
    monkeypatch.setattr(start_module, "FIRST_ROWS", 2)
    monkeypatch.setattr(start_module, "ROWS_PER_SLICE", 1)
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, StartScreen)
        await pilot.pause()
        assert table_rows(screen) == [
            "Pedal bike repair", "Commuter cyclist",
            "HomeWell home care", "The elderly person living at home", "A relative",
        ]
        table = screen.query_one("#sessions", DataTable)
        assert table.cursor_row == 1
        # Widths are fixed up front from every row, so nothing shifts as rows arrive.
        profile = table.columns[ColumnKey("profile")]
        assert not profile.auto_width
        assert profile.width == len("  The elderly person living at home")


@pytest.mark.asyncio
async def test_unreadable_file_is_listed_with_its_error(sessions_dir: Path,
                                                        clock: FakeClock) -> None:
    three_sessions_and_a_broken_file(sessions_dir)
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        broken = app.screen.query_one("#broken", Static)
        assert broken.display
        text = str(broken.render())
        assert "Could not read 1 file" in text
        assert "notes-from-meeting.toml" in text and "is not valid TOML" in text
        assert len(text.splitlines()) == 2


@pytest.mark.asyncio
async def test_empty_folder_says_so_and_offers_new_and_demo(sessions_dir: Path,
                                                            clock: FakeClock) -> None:
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert not screen.query_one("#sessions").display
        message = str(screen.query_one("#empty-message", Static).render())
        assert "No sessions in" in message and "n to start" in message and "d to open" in message
        assert screen.query_one("#empty-new").has_focus
        await pilot.press("enter")  # the focused "New session" button
        await settle(pilot)
        assert type(app.screen).__name__ == "NewSessionDialog"
    assert not sessions_dir.exists() or not list(sessions_dir.iterdir())


@pytest.mark.asyncio
async def test_enter_opens_the_selected_session(sessions_dir: Path, clock: FakeClock) -> None:
    paths = three_sessions_and_a_broken_file(sessions_dir)
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        move_to(app.screen, paths["relative"])  # type: ignore[arg-type]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.opened.session.meta.profile == "A relative"


@pytest.mark.asyncio
async def test_new_profile_copies_our_view_and_empties_the_customers(
        sessions_dir: Path, clock: FakeClock) -> None:
    paths = three_sessions_and_a_broken_file(sessions_dir)
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        move_to(app.screen, paths["elderly"])  # type: ignore[arg-type]
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("enter")  # empty name: refused inline
        assert "Name the new customer profile" in str(
            app.screen.query_one("#profile-error", Static).render())
        app.screen.query_one("#profile", Input).value = "A home-care nurse"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.opened.session.meta.profile == "A home-care nurse"
    store = SessionStore(sessions_dir)
    created = store.load(sessions_dir / "homewell-home-care--a-home-care-nurse.toml")
    assert created.meta.title == "HomeWell home care"
    assert created.meta.client == "HomeWell Care Oy"
    assert created.blocks["customers_world"].ours["deep_insight"].text == "Home visits"
    assert created.blocks["customers_world"].customer == {}
    assert (created.meta.answered, created.meta.created) == (1, clock())
    assert store.load(paths["elderly"]).blocks["customers_world"].customer  # source untouched


@pytest.mark.asyncio
async def test_new_round_keeps_every_answer_and_the_earlier_round(
        sessions_dir: Path, clock: FakeClock) -> None:
    paths = three_sessions_and_a_broken_file(sessions_dir)
    before = paths["elderly"].read_bytes()
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        move_to(app.screen, paths["elderly"])  # type: ignore[arg-type]
        await pilot.press("r")
        await settle(pilot)
        assert type(app.screen).__name__ == "ConfirmDialog"  # a new round is asked first
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        app.pop_screen()
        await settle(pilot)
        rows = table_rows(app.screen)  # type: ignore[arg-type]
        assert "The elderly person living at home · round 2" in rows
    [round_two] = sessions_dir.glob("*--round-2.toml")
    session = SessionStore(sessions_dir).load(round_two)
    assert session.meta.round == 2
    assert session.blocks["customers_world"].customer["why_buy"].text == "To stay at home"
    assert paths["elderly"].read_bytes() == before


@pytest.mark.asyncio
async def test_listing_refreshes_when_returning_from_an_interview(
        sessions_dir: Path, clock: FakeClock) -> None:
    paths = three_sessions_and_a_broken_file(sessions_dir)
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        make_session(sessions_dir, "Pedal bike repair", "Family with kids", minutes_ago=1)
        paths["broken"].unlink()
        app.pop_screen()
        await settle(pilot)
        assert "Family with kids" in table_rows(app.screen)  # type: ignore[arg-type]
        assert not app.screen.query_one("#broken").display


@pytest.mark.asyncio
async def test_resume_without_name_opens_the_most_recent(sessions_dir: Path,
                                                         clock: FakeClock) -> None:
    three_sessions_and_a_broken_file(sessions_dir)
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ResumeSession())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.opened.session.meta.profile == "Commuter cyclist"


@pytest.mark.asyncio
async def test_session_list_beneath_a_resume_is_made_when_it_shows(sessions_dir: Path,
                                                                  clock: FakeClock) -> None:
    three_sessions_and_a_broken_file(sessions_dir)
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ResumeSession())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        # No cost before it shows: not made, yet offered in the command palette.
        assert not any(isinstance(s, StartScreen) for s in app.screen_stack)
        assert "Session list" in [c.title for c in app.get_system_commands(app.screen)]
        await pilot.press("ctrl+o")
        await settle(pilot)
        start = app.screen
        assert isinstance(start, StartScreen) and len(app.screen_stack) == 2
        assert "Commuter cyclist" in table_rows(start)
        assert start.query_one("#sessions", DataTable).has_focus
        assert "Session list" not in [c.title for c in app.get_system_commands(start)]


@pytest.mark.asyncio
async def test_resume_by_name_read_only(sessions_dir: Path, clock: FakeClock) -> None:
    paths = three_sessions_and_a_broken_file(sessions_dir)
    app = make_app(sessions_dir=sessions_dir, clock=clock,
                   launch=ResumeSession(paths["relative"].stem, read_only=True))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.opened.path == paths["relative"]
        assert app.screen.read_only


@pytest.mark.asyncio
async def test_resume_with_nothing_to_resume_says_so(sessions_dir: Path,
                                                     clock: FakeClock) -> None:
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ResumeSession())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        notice = app.screen.query_one("#notice", Static)
        assert notice.display and "Nothing to resume" in str(notice.render())


@pytest.mark.asyncio
async def test_resume_of_an_unknown_name_reports_it(sessions_dir: Path,
                                                    clock: FakeClock) -> None:
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ResumeSession("nope"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        assert any("no such session" in str(n.message) for n in app._notifications)


@pytest.mark.asyncio
async def test_opening_a_broken_file_notifies_and_never_writes_it(
        sessions_dir: Path, clock: FakeClock) -> None:
    paths = three_sessions_and_a_broken_file(sessions_dir)
    before = paths["broken"].read_bytes()
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_session(paths["broken"])
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        messages = [str(n.message) for n in app._notifications]
        assert any("notes-from-meeting.toml" in m and "not valid TOML" in m for m in messages)
    assert paths["broken"].read_bytes() == before


class _TypingScreen(Screen[None]):
    """Stands for an interview with unsaved text: records that it was flushed."""

    def __init__(self) -> None:
        super().__init__()
        self.flushed = 0

    def flush_save(self) -> None:
        self.flushed += 1


@pytest.mark.asyncio
@pytest.mark.parametrize("key", ["ctrl+q"])
async def test_quit_keys_flush_every_open_interview_first(key: str, sessions_dir: Path,
                                                          clock: FakeClock) -> None:
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    lower, upper = _TypingScreen(), _TypingScreen()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await app.push_screen(lower)
        await app.push_screen(upper)
        await pilot.press(key, key)  # twice: an interview is open (quit_guard.py)
        await pilot.pause()
        assert app._exit
    assert (lower.flushed, upper.flushed) == (1, 1)


@pytest.mark.asyncio
async def test_suspending_flushes_open_interviews(sessions_dir: Path, clock: FakeClock) -> None:
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    screen = _TypingScreen()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await app.push_screen(screen)
        app.app_suspend_signal.publish(app)
        assert screen.flushed == 1


class _FailingScreen(_TypingScreen):
    def flush_save(self) -> None:
        super().flush_save()
        raise OSError(28, "No space left on device")


@pytest.mark.asyncio
async def test_a_failed_save_stops_the_first_quit_and_says_why(sessions_dir: Path,
                                                               clock: FakeClock) -> None:
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    screen = _FailingScreen()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await app.push_screen(screen)
        await pilot.press("ctrl+q", "ctrl+q")  # twice: an interview is open
        await pilot.pause()
        assert not app._exit
        assert any("No space left" in str(n.message) for n in app._notifications)
        await pilot.press("ctrl+q", "ctrl+q")
        await pilot.pause()
        assert app._exit


@pytest.mark.asyncio
async def test_compare_offers_the_latest_round_of_each_profile(
        sessions_dir: Path, clock: FakeClock) -> None:
    from slbmc_tui.dialogs.choose_sessions import ChooseSessions

    paths = three_sessions_and_a_broken_file(sessions_dir)
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        move_to(app.screen, paths["elderly"])  # type: ignore[arg-type]
        await pilot.press("r", "y")  # round 2 of the elderly person: the one to compare now
        await settle(pilot)
        app.pop_screen()
        await settle(pilot)
        move_to(app.screen, paths["relative"])  # type: ignore[arg-type]
        await pilot.press("c")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ChooseSessions)
        [round_two] = sessions_dir.glob("*--round-2.toml")
        assert dialog._preselect == {round_two, paths["relative"]}
        assert dialog._model_key == "homewell home care"


@pytest.mark.asyncio
async def test_help_names_the_quit_key(sessions_dir: Path, clock: FakeClock) -> None:
    from slbmc_tui.screens.help import keys_from_screen

    paths = three_sessions_and_a_broken_file(sessions_dir)
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_session(paths["elderly"])
        await settle(pilot)
        keys = dict((description, key) for key, description in keys_from_screen(app.screen))
        assert keys["Quit (saves first)"] == "Ctrl+Q"  # Ctrl+C copies in an answer


@pytest.mark.asyncio
async def test_names_that_look_like_markup_show_as_typed(sessions_dir: Path,
                                                         clock: FakeClock) -> None:
    path = make_session(sessions_dir, "[b]Acme[/b]", "[red]Rider", client="[i]Client[/i]")
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, StartScreen)
        table = screen.query_one("#sessions", DataTable)
        row = table.get_row(str(path))
        assert str(row[0]).strip() == "[red]Rider"
        assert str(row[1]) == "[i]Client[/i]"
        assert table_rows(screen)[0] == "[b]Acme[/b]"
        shown = html.unescape(app.export_screenshot()).replace("\xa0", " ")
        for typed in ("[b]Acme[/b]", "[red]Rider", "[i]Client[/i]"):
            assert typed in shown

"""A folder of thousands of sessions on the start screen: newest first, all of it reachable
by scrolling, the filter narrowing it at every key, the right session opened after filtering.

The files are tiny (one session rendered once, its head changed per copy) so the test is fast.
"""

from __future__ import annotations

import html
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from slbmc_tui.app import make_app
from slbmc_tui.domain.bank import builtin_bank
from slbmc_tui.domain.session import new_session
from slbmc_tui.screens.interview import InterviewScreen
from slbmc_tui.screens.start import StartScreen
from slbmc_tui.screens.start_rows import (
    MODEL_KEY_PREFIX,
    Line,
    Listing,
    _shown_width,
    clip,
    group_models,
    haystack,
)
from slbmc_tui.screens.start_table import SessionTable
from slbmc_tui.storage import toml_format
from slbmc_tui.storage.store import SessionSummary
from tests.app_helpers import settle
from tests.conftest import FakeClock

COUNT = 3000


def fill(folder: Path, clock: FakeClock, count: int = COUNT) -> None:
    """`count` sessions, four profiles per model; session n was edited n minutes after the
    first, so the last one written is the newest."""
    folder.mkdir(parents=True, exist_ok=True)
    session = new_session(builtin_bank("en"), title="Model 0", profile="Profile 0",
                          client="Client 0", clock=clock)
    start = clock()
    for n in range(count):
        session.meta.title = f"Model {n // 4:04d}"
        session.meta.profile = f"Profile {n % 4}"
        session.meta.client = "Rare Oy" if n == 1234 else f"Client {n % 7}"
        session.meta.updated = start + timedelta(minutes=n)
        (folder / f"model-{n:05d}.toml").write_text(toml_format.dumps(session),
                                                     encoding="utf-8")


def start_screen(app: object) -> StartScreen:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, StartScreen)
    return screen


def labels(table: SessionTable[Line], rows: range) -> list[str]:
    return [str(table.cells_at(i)[0]).strip() for i in rows]


@pytest.mark.asyncio
async def test_thousands_of_sessions_newest_first_scroll_to_the_end_and_filter(
        sessions_dir: Path, clock: FakeClock) -> None:
    fill(sessions_dir, clock)
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = start_screen(app).query_one("#sessions", SessionTable)
        assert table.row_count == COUNT + COUNT // 4  # every session and every heading
        assert labels(table, range(3)) == ["Model 0749", "Profile 3", "Profile 2"]
        assert table.cursor_row == 1 and table.has_focus  # the newest session
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_row == table.row_count - 1
        assert labels(table, range(table.row_count - 5, table.row_count)) == [
            "Model 0000", "Profile 3", "Profile 2", "Profile 1", "Profile 0"]
        # The last rows are on screen: the scroll reached the end.
        shown = html.unescape(app.export_screenshot()).replace("\xa0", " ")
        assert "Model 0000" in shown and "Model 0749" not in shown
        await pilot.press("pageup")
        await pilot.pause()
        assert table.cursor_row < table.row_count - 30

        await pilot.press("slash", *"rare")
        await pilot.pause()
        assert labels(table, range(table.row_count)) == ["Model 0308", "Profile 2"]
        assert table.cursor_row == 1 and round(table.scroll_y) == 0  # its heading shows
        await pilot.press("backspace", "backspace", "backspace", "backspace", *"0308 profile 1")
        await pilot.pause()
        assert labels(table, range(table.row_count)) == ["Model 0308", "Profile 1"]
        await pilot.press("enter", "enter")  # to the list (on the session), then open it
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.opened.path == sessions_dir / "model-01233.toml"


@pytest.mark.asyncio
async def test_a_click_moves_the_cursor_and_a_second_click_opens(
        sessions_dir: Path, clock: FakeClock) -> None:
    fill(sessions_dir, clock, count=12)
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = start_screen(app).query_one("#sessions", SessionTable)
        await pilot.click(SessionTable, offset=(4, 3))  # the header, then rows 0, 1, 2
        await pilot.pause()
        assert table.cursor_row == 2
        await pilot.click(SessionTable, offset=(4, 3))
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.opened.path == sessions_dir / "model-00010.toml"


def _summaries(rows: list[tuple[str, str, str]], clock: FakeClock) -> list[SessionSummary]:
    bank = builtin_bank("en")
    found = []
    for n, (title, profile, client) in enumerate(rows):
        session = new_session(bank, title=title, profile=profile, client=client, clock=clock)
        found.append(SessionSummary(Path(f"/f/{n}.toml"), session.meta))
    return found


def _plain_filter(summaries: list[SessionSummary], query: str) -> list[str]:
    """The definition: a session shows when its title, profile and client hold every word
    of the query (case and spacing ignored); a heading shows above its shown sessions."""
    words = query.casefold().split()
    keys: list[str] = []
    for key, group in group_models(summaries).items():
        shown = [str(s.path) for s in group.sessions if all(w in haystack(s) for w in words)]
        if shown:
            keys += [MODEL_KEY_PREFIX + key, *shown]
    return keys


LABEL = st.text(st.sampled_from("abAB cÄä\u00df\u0130 "), min_size=1, max_size=8).filter(
    lambda text: text.strip() != "")


@given(rows=st.lists(st.tuples(LABEL, LABEL, st.text("ab c", max_size=5)), max_size=12),
       query=st.text("abAB cÄä\u00df\u0130 ", max_size=6))
def test_the_filter_keeps_exactly_the_sessions_holding_every_word(
        rows: list[tuple[str, str, str]], query: str) -> None:
    summaries = _summaries(rows, FakeClock())
    listing = Listing(group_models(summaries))
    got = listing.filtered(query)
    assert [line.key for line in got] == _plain_filter(summaries, query)
    for line in got:  # a heading's group holds exactly the sessions shown under it
        if line.summary is None:
            shown = [other.summary for other in got
                     if other.summary is not None and other.group is line.group]
            assert list(line.group.sessions) == shown


@given(text=st.text(st.sampled_from("ab \t\x1b\u00e4\u4e00\u200b"), max_size=20),
       room=st.integers(1, 12))
def test_a_label_is_measured_as_it_is_shown(text: str, room: int) -> None:
    assert _shown_width(text, room) == cell_len(clip(text, room))

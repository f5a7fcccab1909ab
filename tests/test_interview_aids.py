"""The interview aids as a consultant meets them: agenda clock, quotes, wrap-up, rounds."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot

from slbmc_tui.dialogs.agenda import AgendaDialog
from slbmc_tui.domain.agenda import default_plan
from slbmc_tui.domain.bank import builtin_bank
from slbmc_tui.domain.session import Session, new_round
from slbmc_tui.screens.rounds import RoundsScreen
from slbmc_tui.screens.wrap_up import WrapUpScreen
from slbmc_tui.storage.store import SessionStore
from slbmc_tui.widgets.answer_editor import AnswerEditor
from slbmc_tui.widgets.interview_header import InterviewHeader
from tests.conftest import FakeClock
from tests.interview_host import InterviewHost, create_session_file
from tests.test_interview import settle, type_text, wait_for_save
from tests.test_no_key_is_lost import send_keys

WIDE = (120, 40)


def on_disk(path: Path | None) -> dict[str, Any]:
    assert path is not None
    return tomllib.loads(path.read_text(encoding="utf-8"))


def planned(minutes: int = 30) -> Any:
    def fill(session: Session) -> None:
        bank = builtin_bank("en")
        session.agenda.set_plan(minutes, default_plan(bank, minutes))
    return fill


async def run_minutes(pilot: Pilot[Any], clock: FakeClock, minutes: float) -> None:
    """Let interview time pass: the clock moves, and the screen's tick counts it."""
    screen = pilot.app.screen
    for _ in range(int(minutes * 2)):
        clock.advance(seconds=30)
        screen._keep_time()
    await pilot.pause()


def clock_line(app: InterviewHost) -> str:
    """The header's first line: the block, the agenda clock, the progress."""
    return str(app.interview.query_one(InterviewHeader).render()).split("\n")[0]


def has_clock(app: InterviewHost) -> bool:
    return app.interview.query_one(InterviewHeader).time is not None


async def palette(pilot: Pilot[Any], command: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await type_text(pilot, command)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await settle(pilot)


@pytest.mark.asyncio
async def test_a_plan_made_in_the_dialog_is_saved_and_the_clock_keeps_time(
        sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert not has_clock(app) and "Total" not in clock_line(app)  # no plan: no clock
        await palette(pilot, "Agenda and time")
        assert isinstance(app.screen, AgendaDialog)
        total = app.screen.query_one("#agenda-total")
        total.value = "30"  # type: ignore[attr-defined]
        await pilot.press("ctrl+d")  # share the 30 minutes by questions
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.interview.session.agenda.total_minutes == 30
        await run_minutes(pilot, clock, 2)
        assert "Block 2:00 / 2 min · Total 2:00 / 30 min" in clock_line(app)
        await pilot.press("ctrl+pagedown")
        await settle(pilot)
        await run_minutes(pilot, clock, 1)
        assert "Block 1:00 / 5 min · Total 3:00 / 30 min" in clock_line(app)
        await wait_for_save(pilot)
    data = on_disk(app.path)
    assert data["agenda"]["total_minutes"] == 30
    assert sum(data["agenda"]["boxes"].values()) == 30
    assert data["agenda"]["spent"] == {"customers_world": 120, "value_proposition": 60}


@pytest.mark.asyncio
async def test_going_over_shows_quietly_and_a_paused_clock_counts_nothing(
        sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock, fill=planned(30))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await run_minutes(pilot, clock, 4)
        line = clock_line(app)
        assert "Block 4:00 / 2 min ▲ 2:00 over · Total 4:00 / 30 min" in line
        await palette(pilot, "Pause the clock")
        await run_minutes(pilot, clock, 10)
        assert "paused · Block 4:00 / 2" in clock_line(app)
        assert app.interview.session.agenda.spent_seconds() == 240
        await palette(pilot, "Resume the clock")
        await run_minutes(pilot, clock, 1)
        assert app.interview.session.agenda.spent_seconds() == 300
        assert app.focused is not None and isinstance(app.focused, AnswerEditor)


@pytest.mark.asyncio
async def test_time_stops_while_another_screen_is_on_top_and_survives_quit_and_resume(
        sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock, fill=planned(30))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await run_minutes(pilot, clock, 1)
        await pilot.press("f1")  # help on top: the interview is not on screen
        await settle(pilot)
        clock.advance(minutes=20)
        await pilot.press("escape")
        await settle(pilot)
        await run_minutes(pilot, clock, 1)
    assert on_disk(app.path)["agenda"]["spent"] == {"customers_world": 120}
    clock.advance(hours=3)  # the app was closed: none of this counts
    again = InterviewHost(sessions_dir, clock, path=app.path)
    async with again.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await run_minutes(pilot, clock, 0.5)
        assert "Total 2:30 / 30 min" in clock_line(again)
    assert on_disk(app.path)["agenda"]["spent"] == {"customers_world": 150}


@pytest.mark.asyncio
async def test_read_only_sessions_keep_no_time(sessions_dir: Path, clock: FakeClock) -> None:
    path = create_session_file(sessions_dir, clock, planned(30))
    before = path.read_bytes()
    app = InterviewHost(sessions_dir, clock, path=path, read_only=True)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert app.interview.timekeeper is None and not has_clock(app)
    assert path.read_bytes() == before


@pytest.mark.asyncio
async def test_f8_marks_the_paragraph_as_the_clients_words(
        sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await type_text(pilot, "They fear falls")
        await pilot.press("enter")
        await type_text(pilot, "We never call back")
        await pilot.press("enter", "enter")
        await type_text(pilot, "so trust matters")
        await pilot.press("up", "up")  # on "We never call back"
        await pilot.press("f8")
        await pilot.pause()
        editor = app.focused
        assert isinstance(editor, AnswerEditor)
        assert editor.text == "They fear falls\n> We never call back\n\nso trust matters"
        assert editor.get_line(1).spans and editor.get_line(1).spans[0].style.italic
        assert not editor.get_line(0).spans and not editor.get_line(3).spans
        await pilot.press("f8")  # and back
        assert editor.text == "They fear falls\nWe never call back\n\nso trust matters"
        await pilot.press("shift+up", "f8")  # a selection marks every line it touches
        assert editor.text == "> They fear falls\n> We never call back\n\nso trust matters"
        await wait_for_save(pilot)
    text = on_disk(app.path)["blocks"]["customers_world"]["ours"]["deep_insight"]["text"]
    assert text == "> They fear falls\n> We never call back\n\nso trust matters"


@pytest.mark.asyncio
async def test_wrap_up_keeps_typed_next_steps_and_writes_the_follow_up(
        sessions_dir: Path, clock: FakeClock) -> None:
    def fill(session: Session) -> None:
        planned(30)(session)
        answer = session.answer("value_proposition", "customer", "value_buying")
        answer.text, answer.needs_research = "Peace of mind?", True

    app = InterviewHost(sessions_dir, clock, fill=fill)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await type_text(pilot, "Lives alone")
        await palette(pilot, "Wrap up")
        screen = app.screen
        assert isinstance(screen, WrapUpScreen)
        blocks = str(screen.query_one("#wrap-up-blocks").render())
        assert "1. Customer's world and desire for ideal value  1/3  thin" in blocks
        assert "2. Value proposition  1/6  thin" in blocks and "not covered" in blocks
        assert "Peace of mind?" in str(screen.query_one("#wrap-up-open").render())
        await type_text(pilot, "Send the summary to Anna")
        await pilot.press("f5")
        await settle(pilot)
        await pilot.press("escape")
        await wait_for_save(pilot)
        assert isinstance(app.focused, AnswerEditor)
    data = on_disk(app.path)
    assert data["wrap_up"]["next_steps"] == "Send the summary to Anna"
    assert data["blocks"]["customers_world"]["ours"]["deep_insight"]["text"] == "Lives alone"
    assert app.path is not None
    message = (app.path.parent / "exports" / f"{app.path.stem}-follow-up.md").read_text()
    assert "1. Send the summary to Anna" in message and "Peace of mind?" not in message
    assert ((app.path.parent / "exports" / f"{app.path.stem}-follow-up.md").stat().st_mode
            & 0o777) == 0o600


@pytest.mark.asyncio
async def test_what_changed_since_the_last_round(sessions_dir: Path, clock: FakeClock) -> None:
    store = SessionStore(sessions_dir)
    def fill(session: Session) -> None:
        session.answer("customers_world", "ours", "deep_insight").text = \
            "They pay monthly by card"
        session.answer("customers_world", "customer", "why_buy").text = "Fewer trips to town"

    first_path = create_session_file(sessions_dir, clock, fill)
    second = new_round(store.load(first_path), clock)
    second.answer("customers_world", "ours", "deep_insight").text = "They pay yearly by card"
    second_path = store.create(second)
    app = InterviewHost(sessions_dir, clock, path=second_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert [f.path for f in app.interview.earlier_rounds] == [first_path]
        await palette(pilot, "What changed since round 1")
        screen = app.screen
        assert isinstance(screen, RoundsScreen)
        shown = "\n".join(str(w.render()) for w in screen.query(".rounds-block"))
        assert "They pay monthly yearly by card" in shown
        assert "1 answer changed, 1 unchanged" in str(screen.query_one(".rounds-summary")
                                                       .render())
        assert "Fewer trips to town" not in shown and "1 unchanged answer folded" in shown
        await pilot.press("u")
        await pilot.pause()
        shown = "\n".join(str(w.render()) for w in screen.query(".rounds-block"))
        assert "Fewer trips to town" in shown
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.focused, AnswerEditor)
    written = sessions_dir / "exports" / f"{second_path.stem}-changes-since-round-1.html"
    assert "<del>monthly</del><ins>yearly</ins>" in written.read_text()


@pytest.mark.asyncio
async def test_moving_on_from_the_last_block_offers_the_wrap_up(
        sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        app.interview.go_to(builtin_bank("en").ordered_blocks[-1].id)
        await settle(pilot)
        await pilot.press("ctrl+pagedown")
        await settle(pilot)
        assert isinstance(app.screen, WrapUpScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert app.interview.current_block is not None
        assert app.interview.current_block.number == 9


@pytest.mark.asyncio
async def test_hostile_words_show_literally_in_wrap_up_and_rounds(
        sessions_dir: Path, clock: FakeClock) -> None:
    nasty = "[@click=app.quit]x[/] \x1b]0;pwned\x07 \x1b[31mred\u202e"

    def fill(session: Session) -> None:
        session.meta.title = "Acme " + nasty
        answer = session.answer("customers_world", "ours", "deep_insight")
        answer.text, answer.needs_research = nasty, True

    store = SessionStore(sessions_dir)
    first = create_session_file(sessions_dir, clock, fill)
    second = new_round(store.load(first), clock)
    second.answer("customers_world", "ours", "deep_insight").text = nasty + "\n> more " + nasty
    second_path = store.create(second)
    app = InterviewHost(sessions_dir, clock, path=second_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        app.interview.action_wrap_up()
        await settle(pilot)
        shown = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert "[@click=app.quit]x[/]" in shown and "␛]0;pwned␇" in shown
        assert "\x1b" not in shown and "\u202e" not in shown
        await pilot.press("escape")
        await settle(pilot)
        app.interview.action_changes_since(str(first))
        await settle(pilot)
        assert isinstance(app.screen, RoundsScreen)
        shown = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert "[@click=app.quit]x[/]" in shown and "␛[31mred" in shown
        assert "\x1b" not in shown and "\x07" not in shown
        assert app.is_running  # nothing was run as an action


@pytest.mark.asyncio
async def test_the_agenda_dialog_says_what_is_wrong_and_keeps_the_plan(
        sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock, fill=planned(30))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.interview.action_agenda()
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, AgendaDialog)
        dialog.query_one("#box-value_proposition").value = ""  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Block 2: minutes must be a whole number" in str(
            dialog.query_one("#agenda-error").render())
        await pilot.press("escape")
        await settle(pilot)
        assert app.interview.session.agenda.boxes["value_proposition"] == 5  # unchanged


@pytest.mark.asyncio
async def test_keys_typed_as_the_wrap_up_opens_land_in_the_next_steps(
        sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        app.interview.action_wrap_up()
        await type_text(pilot, "Call Anna")  # no pause: the screen is still arriving
        await settle(pilot)
        assert app.screen.query_one("#next-steps").text == "Call Anna"  # type: ignore[attr-defined]
        assert app.screen.session.next_steps == "Call Anna"  # type: ignore[attr-defined]


def header_lines(app: InterviewHost) -> list[str]:
    return str(app.interview.query_one(InterviewHeader).render()).split("\n")


@pytest.mark.asyncio
async def test_at_80_columns_the_clock_fits_line_one_and_the_save_status_stays(
        sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock, fill=planned(30))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_text(pilot, "Lives alone")
        await wait_for_save(pilot)
        await run_minutes(pilot, clock, 1)
        await wait_for_save(pilot)
        where, session = header_lines(app)
        assert "Block 1:00 / 2 · Total 1:00 / 30" in where and "1/39 answered" in where
        assert re.search(r"  Saved \d\d:\d\d:\d\d$", session)
        await run_minutes(pilot, clock, 3)  # over the block's two minutes
        await wait_for_save(pilot)
        where, session = header_lines(app)
        assert "Block 4:00 / 2 ▲ · Total 4:00 / 30" in where
        assert re.search(r"  Saved \d\d:\d\d:\d\d$", session)
        assert len(where) == len(session) == 78  # the header's width, padding aside
        assert isinstance(app.focused, AnswerEditor)  # nothing covers the answer


@pytest.mark.asyncio
async def test_without_a_plan_time_is_kept_and_saved_once_the_session_is_edited(
        sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await run_minutes(pilot, clock, 2)
        assert not has_clock(app)  # no plan: no clock in the header, but time is kept
        assert app.interview.session.agenda.spent == {"customers_world": 120}
        await type_text(pilot, "Lives alone")
        await wait_for_save(pilot)
        assert on_disk(app.path)["agenda"]["spent"] == {"customers_world": 120}
        await run_minutes(pilot, clock, 1.5)  # time alone saves now, about once a minute
        await wait_for_save(pilot)
        assert on_disk(app.path)["agenda"]["spent"] == {"customers_world": 210}
        await run_minutes(pilot, clock, 0.5)
    data = on_disk(app.path)  # and on leaving
    assert data["agenda"]["spent"] == {"customers_world": 240}
    assert "total_minutes" not in data["agenda"] or data["agenda"]["total_minutes"] == 0


@pytest.mark.asyncio
async def test_opening_a_session_only_to_look_rewrites_nothing(
        sessions_dir: Path, clock: FakeClock) -> None:
    def fill(session: Session) -> None:
        session.answer("customers_world", "ours", "deep_insight").text = "Lives alone"
        session.agenda.spent = {"customers_world": 60}

    path = create_session_file(sessions_dir, clock, fill)
    before = path.read_bytes()
    app = InterviewHost(sessions_dir, clock, path=path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await run_minutes(pilot, clock, 5)
        await pilot.press("f1")  # the help on top, and back
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await run_minutes(pilot, clock, 2)
        assert app.interview.session.agenda.spent == {"customers_world": 480}  # kept...
    assert path.read_bytes() == before  # ...but looking wrote nothing


def test_the_working_export_shows_time_per_block_kept_without_a_plan() -> None:
    from slbmc_tui.domain.session import new_session
    from slbmc_tui.export.audience import CLIENT
    from slbmc_tui.export.markdown import session_to_markdown

    bank = builtin_bank("en")
    session = new_session(bank, title="Acme", profile="Shops", clock=FakeClock())
    session.agenda.spent = {"customers_world": 7 * 60 + 10, "value_proposition": 95}
    md = session_to_markdown(session, bank)
    assert "| # | Block | Answered | Time |" in md
    assert "| 1 | Customer's world and desire for ideal value | 0/3 | 7 min |" in md
    assert "| 2 | Value proposition | 0/6 | 2 min |" in md
    assert "| | Overall | | 9 min |" in md
    assert "| Time |" not in session_to_markdown(session, bank, audience=CLIENT)


@pytest.mark.asyncio
async def test_ctrl_d_right_after_typing_shares_the_typed_total(
        sessions_dir: Path, clock: FakeClock) -> None:
    app = InterviewHost(sessions_dir, clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        app.interview.action_agenda()
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, AgendaDialog)
        total = dialog.query_one("#agenda-total")
        total.value = ""  # type: ignore[attr-defined]
        await pilot.pause()
        # The digits and the priority key in one burst, as a fast typist or a busy
        # machine delivers them: the digits wait in the field's queue, ctrl+d does not.
        for key in ("2", "0", "ctrl+d", "ctrl+s"):
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await settle(pilot)
        assert app.interview.session.agenda.total_minutes == 20
        assert sum(app.interview.session.agenda.boxes.values()) == 20


@pytest.mark.asyncio
async def test_tab_then_minutes_then_ctrl_s_in_one_burst_keeps_the_minutes(
        sessions_dir: Path, clock: FakeClock) -> None:
    """The agenda has the form keys of the other dialogs: keys after Tab follow it."""
    app = InterviewHost(sessions_dir, clock)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        app.interview.action_agenda()
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, AgendaDialog)
        dialog.query_one("#agenda-total").focus()
        await pilot.pause()
        first_box = next(iter(dialog.query("Input").results()))  # the total
        assert first_box.id == "agenda-total"
        send_keys(app, [("tab", None), ("ctrl+u", None), ("7", "7"), ("ctrl+s", None)])
        await settle(pilot)
        first_block = app.interview.bank.ordered_blocks[0].id
        assert app.interview.session.agenda.boxes[first_block] == 7

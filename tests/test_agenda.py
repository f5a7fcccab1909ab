"""The agenda: a plan per block, the time spent, kept by an injected clock and in the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from slbmc_tui.domain.agenda import (
    MAX_GAP_SECONDS,
    Agenda,
    Timekeeper,
    clock_text,
    default_plan,
    default_split,
)
from slbmc_tui.domain.session import new_round
from slbmc_tui.storage.session_schema import SessionDataError, session_from_data
from slbmc_tui.storage.toml_format import dumps, parse_session, session_to_data
from tests.conftest import FakeClock
from tests.export_support import english_bank, session_for


@given(total=st.integers(0, 600),
       weights=st.dictionaries(st.text(min_size=1, max_size=5), st.integers(0, 9), max_size=9))
def test_default_split_adds_up_and_follows_the_weights(total: int,
                                                       weights: dict[str, int]) -> None:
    split = default_split(total, weights)
    assert set(split) == set(weights)
    if weights and total:
        assert sum(split.values()) == total
        share = {k: total * max(w, 1) / sum(max(v, 1) for v in weights.values())
                 for k, w in weights.items()}
        assert all(abs(split[k] - share[k]) < 1 for k in weights)


def test_default_plan_gives_longer_boxes_to_blocks_with_more_questions() -> None:
    bank = english_bank()
    plan = default_plan(bank, 90)
    assert sum(plan.values()) == 90
    counts = {b.id: b.prompt_count for b in bank.blocks}
    most, fewest = max(counts, key=counts.__getitem__), min(counts, key=counts.__getitem__)
    assert plan[most] > plan[fewest]


def test_time_accrues_to_the_block_on_screen_only_while_running(clock: FakeClock) -> None:
    agenda = Agenda()
    keeper = Timekeeper(agenda, clock)
    keeper.show("a")
    clock.advance(seconds=30)
    keeper.tick()
    assert agenda.spent == {}  # not started yet: the screen was never active
    keeper.resume()
    clock.advance(seconds=90.6)
    keeper.show("b")
    assert agenda.spent == {"a": 90}
    clock.advance(seconds=10.5)
    keeper.pause()
    assert agenda.spent == {"a": 90, "b": 11}  # the carried 0.6 s is not lost
    clock.advance(minutes=30)  # the app was suspended, or another screen was on top
    keeper.resume()
    clock.advance(seconds=5)
    keeper.tick()
    assert agenda.spent == {"a": 90, "b": 16}
    assert keeper.status().total_seconds == 106


def test_a_held_clock_stays_paused_until_released(clock: FakeClock) -> None:
    keeper = Timekeeper(Agenda(), clock)
    keeper.show("a")
    keeper.resume()
    keeper.pause(held=True)
    keeper.resume()  # the screen becoming active again does not restart a held clock
    clock.advance(seconds=60)
    keeper.tick()
    assert keeper.status().paused and keeper.agenda.spent == {}
    keeper.resume(release=True)
    clock.advance(seconds=60)
    keeper.tick()
    assert keeper.agenda.spent == {"a": 60}


def test_a_long_gap_between_ticks_counts_as_at_most_the_cap(clock: FakeClock) -> None:
    keeper = Timekeeper(Agenda(), clock)
    keeper.show("a")
    keeper.resume()
    clock.advance(hours=8)  # the laptop slept with the app open
    keeper.tick()
    assert keeper.agenda.spent == {"a": int(MAX_GAP_SECONDS)}


def test_status_says_when_a_block_or_the_whole_interview_runs_over(clock: FakeClock) -> None:
    agenda = Agenda()
    agenda.set_plan(20, {"a": 5, "b": 15})
    keeper = Timekeeper(agenda, clock)
    keeper.show("a")
    keeper.resume()
    for _ in range(5):  # the screen ticks every second; a minute at a time is enough here
        clock.advance(minutes=1)
        keeper.tick()
    assert not keeper.status().block_over
    clock.advance(seconds=1)
    keeper.tick()
    status = keeper.status()
    assert status.block_over and not status.total_over
    assert (status.block_seconds, status.block_box, status.total_box) == (301, 300, 1200)
    assert clock_text(301) == "5:01" and clock_text(3723) == "1:02:03"


def test_plan_and_time_survive_the_file_and_a_new_round_starts_the_clock_again() -> None:
    bank = english_bank()
    session = session_for(bank)
    session.agenda.set_plan(60, default_plan(bank, 60))
    session.agenda.spent = {bank.blocks[0].id: 125}
    session.next_steps = "Send the summary to Anna\n- book round 2 '''"
    again = parse_session(dumps(session), Path("x.toml"))
    assert again.agenda == session.agenda and again.next_steps == session.next_steps
    following = new_round(again)
    assert following.agenda.spent == {} and following.agenda.boxes == session.agenda.boxes
    assert following.next_steps == ""


def test_a_session_without_agenda_writes_none_and_old_files_still_read() -> None:
    session = session_for(english_bank())
    data = session_to_data(session)
    assert "agenda" not in data and "wrap_up" not in data
    assert session_from_data(data).agenda == Agenda()


def test_bad_agenda_values_are_named_and_unknown_keys_kept() -> None:
    data = session_to_data(session_for(english_bank()))
    data["agenda"] = {"total_minutes": "ninety", "boxes": {"a": -1}, "spent": {"a": True},
                      "colour": "blue"}
    with pytest.raises(SessionDataError) as error:
        session_from_data(data)
    assert error.value.problems == [
        "`agenda.total_minutes` must be a whole number of minutes, 0 or more",
        "`agenda.boxes.a` must be a whole number of minutes, 0 or more",
        "`agenda.spent.a` must be a whole number of seconds, 0 or more"]
    data["agenda"] = {"total_minutes": 30, "colour": "blue"}
    data["wrap_up"] = {"next_steps": 3}
    with pytest.raises(SessionDataError, match="wrap_up.next_steps` must be text"):
        session_from_data(data)
    data["wrap_up"] = {"next_steps": "call", "mood": "good"}
    back = session_to_data(session_from_data(data))
    assert back["agenda"]["colour"] == "blue" and back["wrap_up"] == data["wrap_up"]

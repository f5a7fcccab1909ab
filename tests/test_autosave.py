"""The autosave logic on its own: debounce, snapshot, newest-wins, failure and retry."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from slbmc_tui.autosave import Autosaver, SaveOutcome, describe_save_error
from slbmc_tui.domain.bank import builtin_bank
from slbmc_tui.domain.session import new_session
from slbmc_tui.storage.store import OpenedSession, SessionFile, SessionStore, open_session
from tests.conftest import FakeClock
from tests.fake_timers import FakeTimers, open_new_session


class Harness(FakeTimers):
    """An autosaver on fake timers, its reports and its collector calls recorded."""

    def __init__(self, opened: OpenedSession, clock: FakeClock) -> None:
        super().__init__()
        self.reports: list[SaveOutcome] = []
        self.collected = 0
        self.saver = Autosaver(
            opened, clock=clock, schedule=self.schedule, run_in_thread=self.run_in_thread,
            report=self.reports.append, collect=self._collect, monotonic=self.monotonic,
            delay=1.0, max_wait=10.0)

    def _collect(self) -> None:
        self.collected += 1
        return None


@pytest.fixture
def opened(tmp_path: Path, clock: FakeClock) -> OpenedSession:
    return open_new_session(tmp_path, clock)


def saved(opened: OpenedSession) -> dict:
    return tomllib.loads(opened.path.read_text(encoding="utf-8"))


def test_saves_one_second_after_the_last_change(opened: OpenedSession, clock: FakeClock) -> None:
    h = Harness(opened, clock)
    opened.session.answer("value_proposition", "ours", "value_selling").text = "first"
    h.saver.changed()
    h.advance(0.6)
    h.saver.changed()  # typing continues: the save waits
    h.advance(0.6)
    assert h.jobs == []
    h.advance(0.5)
    assert len(h.jobs) == 1 and h.collected == 1
    h.run_jobs()
    assert h.reports[-1].ok and h.reports[-1].status == "Saved 09:30:00"
    assert saved(opened)["blocks"]["value_proposition"]["ours"]["value_selling"]["text"] == "first"
    assert not h.saver.dirty


def test_nothing_changed_means_no_save(opened: OpenedSession, clock: FakeClock) -> None:
    h = Harness(opened, clock)
    h.saver.save_soon()
    assert h.saver.save_now() is None and h.jobs == []


def test_newer_snapshot_wins_over_a_late_older_write(
        opened: OpenedSession, clock: FakeClock) -> None:
    h = Harness(opened, clock)
    answer = opened.session.answer("value_proposition", "ours", "value_selling")
    answer.text = "old"
    h.saver.changed()
    h.saver.save_soon()
    older = h.jobs.pop()
    answer.text = "new"
    h.saver.changed()
    h.saver.save_soon()
    h.run_jobs()  # the newer write lands first
    older()  # the older one arrives late and must be skipped
    assert saved(opened)["blocks"]["value_proposition"]["ours"]["value_selling"]["text"] == "new"


def test_failed_save_reports_path_and_retries_on_next_change(
        opened: OpenedSession, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    h = Harness(opened, clock)
    real_save = SessionFile.save

    def full_disk(self: SessionFile, data: dict) -> bool:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(SessionFile, "save", full_disk)
    opened.session.answer("value_proposition", "ours", "value_selling").text = "precious words"
    h.saver.changed()
    h.advance(1.1)
    h.run_jobs()
    failure = h.reports[-1]
    assert not failure.ok
    assert "No space left on device" in failure.status and str(opened.path) in failure.status
    assert h.saver.dirty  # still owed to the disk
    monkeypatch.setattr(SessionFile, "save", real_save)
    h.saver.changed()
    h.advance(1.1)
    h.run_jobs()
    assert h.reports[-1].ok
    offer = saved(opened)["blocks"]["value_proposition"]["ours"]["value_selling"]
    assert offer["text"] == "precious words"


def test_save_now_is_synchronous_and_never_raises(
        opened: OpenedSession, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    h = Harness(opened, clock)

    def boom(self: SessionFile, data: dict) -> bool:
        raise PermissionError(13, "Permission denied")

    opened.session.block_answers("cost_structure").notes = "n"
    h.saver.changed()
    monkeypatch.setattr(SessionFile, "save", boom)
    outcome = h.saver.save_now()
    assert outcome is not None and not outcome.ok and "permissions" in outcome.error
    monkeypatch.undo()
    outcome = h.saver.save_now()
    assert outcome is not None and outcome.ok
    assert saved(opened)["blocks"]["cost_structure"]["notes"] == "n"


def test_snapshot_stamps_time_and_progress(opened: OpenedSession, clock: FakeClock) -> None:
    h = Harness(opened, clock)
    clock.advance(minutes=5)
    opened.session.answer("value_proposition", "ours", "value_selling").text = "x"
    h.saver.changed()
    h.saver.save_now()
    meta = saved(opened)["meta"]
    assert meta["answered"] == 1 and meta["updated"].minute == 35


def test_error_text_names_the_fix() -> None:
    text = describe_save_error(OSError(28, "No space left on device"), Path("/s/a.toml"))
    assert "/s/a.toml" in text and "free some disk space" in text and "kept" in text


@settings(max_examples=40, deadline=None)
@given(st.text())
def test_any_text_round_trips_through_a_save(text: str) -> None:
    import tempfile

    clock = FakeClock()
    with tempfile.TemporaryDirectory() as folder:
        store = SessionStore(Path(folder))
        path = store.create(new_session(builtin_bank("en"), title="T", profile="P", clock=clock))
        opened = open_session(store, path)
        h = Harness(opened, clock)
        opened.session.answer("value_proposition", "customer",
                              opened.bank.block("value_proposition").customer[0].id).text = text
        h.saver.changed()
        assert h.saver.save_now() is not None
        again = open_session(store, path).session
        prompt = opened.bank.block("value_proposition").customer[0].id
        expected = text if text else ""
        found = again.peek("value_proposition", "customer", prompt)
        assert (found.text if found else "") == expected


def test_steady_typing_is_saved_at_least_once_a_max_wait(
        opened: OpenedSession, clock: FakeClock) -> None:
    """A typist who never pauses for the debounce still gets a save every `max_wait`."""
    h = Harness(opened, clock)
    h.saver.delay, h.saver.max_wait = 0.5, 1.0
    answer = opened.session.answer("value_proposition", "ours", "value_selling")
    saves_at: list[float] = []
    for step in range(40):  # a key every 0.2 s for 8 s: never a 0.5 s pause
        answer.text += "x"
        h.saver.changed()
        before = len(h.jobs)
        h.advance(0.2)
        if len(h.jobs) > before:
            saves_at.append(h.now)
            h.run_jobs()
            assert saved(opened)["blocks"]["value_proposition"]["ours"]["value_selling"][
                "text"].startswith("x" * (step))
    gaps = [b - a for a, b in zip([0.0, *saves_at], saves_at, strict=False)]
    assert len(saves_at) >= 7 and max(gaps) <= 1.0 + 1e-6


def test_status_is_pending_until_the_write_lands_then_saved_with_seconds(
        opened: OpenedSession, clock: FakeClock) -> None:
    h = Harness(opened, clock)
    assert h.saver.status.state == "clean" and h.saver.status.text == ""
    opened.session.answer("value_proposition", "ours", "value_selling").text = "x"
    assert h.saver.changed() is True
    assert h.saver.changed() is False  # only the first unsaved change says so
    assert h.saver.status.text == "Saving…"
    h.advance(1.1)
    assert h.saver.status.text == "Saving…"  # handed to the thread, not on disk yet
    clock.advance(seconds=5)
    h.run_jobs()
    assert h.saver.status.text == "Saved 09:30:05"


def test_status_keeps_the_error_until_a_save_succeeds(
        opened: OpenedSession, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    h = Harness(opened, clock)

    def full_disk(self: SessionFile, data: dict) -> bool:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(SessionFile, "save", full_disk)
    opened.session.answer("value_proposition", "ours", "value_selling").text = "x"
    h.saver.changed()
    h.saver.save_now()
    h.saver.changed()
    status = h.saver.status
    assert status.state == "error" and not status.ok and "No space" in status.text
    monkeypatch.undo()
    h.saver.save_now()
    assert h.saver.status.state == "saved"


def test_save_now_writes_a_snapshot_still_on_its_way(
        opened: OpenedSession, clock: FakeClock) -> None:
    """Quitting just after a save was handed to a thread: the words are on disk anyway."""
    h = Harness(opened, clock)
    opened.session.answer("value_proposition", "ours", "value_selling").text = "in flight"
    h.saver.changed()
    h.saver.save_soon()  # the thread has not run
    outcome = h.saver.save_now()
    assert outcome is not None and outcome.ok
    assert saved(opened)["blocks"]["value_proposition"]["ours"]["value_selling"]["text"] == \
        "in flight"
    h.run_jobs()  # the late thread skips its (same) write
    assert h.reports == [] and h.saver.status.state == "saved"

"""The editing service on its own, with fake timers and threads: the one owner of the
session being edited, its saves, its status and the history of answers it keeps."""

from __future__ import annotations

import json
import os
import stat
import threading
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from slbmc_tui.autosave import SaveStatus
from slbmc_tui.domain.bank import builtin_bank
from slbmc_tui.domain.session import Position, new_session
from slbmc_tui.services.editing import NOTES_PROMPT, AnswerKey, EditingSession
from slbmc_tui.storage import history
from slbmc_tui.storage.store import OpenedSession, SessionFile, SessionStore, open_session
from tests.conftest import FakeClock
from tests.fake_timers import FakeTimers, open_new_session

KEY = AnswerKey("value_proposition", "ours", "value_selling")
NOTES = AnswerKey("value_proposition", "ours", NOTES_PROMPT)


class Fakes(FakeTimers):
    """An editing service on fake timers, the statuses it reports recorded."""

    def __init__(self, opened: OpenedSession, clock: FakeClock, **options: object) -> None:
        super().__init__()
        self.statuses: list[SaveStatus] = []
        self.editing = EditingSession(
            opened, clock=clock, schedule=self.schedule, run_in_thread=self.run_in_thread,
            monotonic=self.monotonic, **options)  # type: ignore[arg-type]
        self.editing.add_listener(self.statuses.append)


@pytest.fixture
def opened(tmp_path: Path, clock: FakeClock) -> OpenedSession:
    return open_new_session(tmp_path, clock)


def on_disk(opened: OpenedSession) -> dict:
    return tomllib.loads(opened.path.read_text(encoding="utf-8"))


def test_edits_are_in_the_session_at_once_and_saved_soon(
        opened: OpenedSession, clock: FakeClock) -> None:
    f = Fakes(opened, clock)
    assert f.editing.set_text(KEY, "Speed") is True
    assert f.editing.set_text(KEY, "Speed") is False  # no change, no save owed
    assert f.editing.session.peek(*KEY).text == "Speed"  # type: ignore[union-attr]
    assert f.editing.text_of(KEY) == "Speed"
    f.editing.set_text(NOTES, "a note")
    f.editing.set_options(AnswerKey("customers_world", "customer", "benefits"), ["social"])
    f.editing.move_to(Position(block="value_proposition", perspective="ours",
                               prompt="value_selling"))
    assert [s.text for s in f.statuses] == ["Saving…"]  # once, not once per edit
    f.advance(0.6)
    f.run_jobs()
    data = on_disk(opened)
    assert data["blocks"]["value_proposition"]["ours"]["value_selling"]["text"] == "Speed"
    assert data["blocks"]["value_proposition"]["notes"] == "a note"
    assert data["blocks"]["customers_world"]["customer"]["benefits"]["options"] == ["social"]
    assert data["position"]["prompt"] == "value_selling"
    assert f.statuses[-1] == SaveStatus("saved", clock())


def test_research_flag_toggles_and_is_saved(opened: OpenedSession, clock: FakeClock) -> None:
    f = Fakes(opened, clock)
    assert f.editing.toggle_research(KEY) is True
    f.editing.flush()
    assert on_disk(opened)["blocks"]["value_proposition"]["ours"]["value_selling"][
        "needs_research"] is True
    assert f.editing.toggle_research(KEY) is False


def test_flush_saves_on_the_calling_thread_and_reports(
        opened: OpenedSession, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    f = Fakes(opened, clock)
    f.editing.set_text(KEY, "words")

    def full(self: SessionFile, data: dict) -> bool:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(SessionFile, "save", full)
    status = f.editing.flush()
    assert status.state == "error" and "No space" in status.text
    assert f.editing.unsaved_error and "No space" in f.editing.unsaved_error
    assert f.statuses[-1] == status
    monkeypatch.undo()
    assert f.editing.flush().state == "saved" and f.editing.unsaved_error is None


def test_read_only_never_saves(opened: OpenedSession, clock: FakeClock) -> None:
    f = Fakes(opened, clock, read_only=True)
    before = opened.path.read_bytes()
    f.editing.set_text(KEY, "x")
    assert f.editing.flush().state == "clean" and f.timers == [] and f.jobs == []
    assert opened.path.read_bytes() == before


def test_edits_from_many_threads_all_arrive(opened: OpenedSession, clock: FakeClock) -> None:
    f = Fakes(opened, clock)
    keys = [AnswerKey("value_proposition", "customer", f"q{n}") for n in range(8)]

    def type_into(key: AnswerKey) -> None:
        for n in range(200):
            f.editing.set_text(key, "x" * n)

    threads = [threading.Thread(target=type_into, args=(key,)) for key in keys]
    for thread in threads:
        thread.start()
    for _ in range(20):
        f.editing.save_soon()  # snapshots taken while the threads type
    for thread in threads:
        thread.join()
    f.editing.flush()
    saved = on_disk(opened)["blocks"]["value_proposition"]["customer"]
    assert all(saved[key.prompt_id]["text"] == "x" * 199 for key in keys)


def test_every_saved_version_goes_to_the_history(opened: OpenedSession, clock: FakeClock) -> None:
    opened.session.answer(*KEY).text = "as it was"
    f = Fakes(opened, clock)
    f.editing.set_text(KEY, "as it was, and more")
    f.editing.flush()
    clock.advance(minutes=10)
    f.editing.set_text(KEY, "")  # deleted by mistake
    f.editing.flush()
    found = f.editing.history(KEY)
    assert [v.text for v in found.versions] == ["", "as it was, and more", "as it was"]
    assert found.versions[0].saved_at == clock() and found.problem == ""
    mode = stat.S_IMODE(os.stat(history.history_path(opened.path)).st_mode)
    assert mode == 0o600


def test_history_survives_a_new_editing_session(opened: OpenedSession, clock: FakeClock) -> None:
    first = Fakes(opened, clock)
    first.editing.set_text(KEY, "minute 10 words")
    first.editing.flush()
    resumed = open_session(SessionStore(opened.path.parent), opened.path)
    again = Fakes(resumed, clock)
    again.editing.set_text(KEY, "minute 50")
    again.editing.flush()
    assert [v.text for v in again.editing.history(KEY).versions] == [
        "minute 50", "minute 10 words"]


def test_deleting_the_history_loses_no_current_answer(
        opened: OpenedSession, clock: FakeClock) -> None:
    f = Fakes(opened, clock)
    f.editing.set_text(KEY, "kept")
    f.editing.flush()
    history.history_path(opened.path).unlink()
    f.editing.set_text(KEY, "kept too")
    f.editing.flush()
    reopened = open_session(SessionStore(opened.path.parent), opened.path)
    assert reopened.session.peek(*KEY).text == "kept too"  # type: ignore[union-attr]


def test_a_history_that_cannot_be_written_never_fails_the_save(
        opened: OpenedSession, clock: FakeClock) -> None:
    os.mkfifo(history.history_path(opened.path))  # hostile: a pipe where the file goes
    f = Fakes(opened, clock)
    f.editing.set_text(KEY, "safe")
    assert f.editing.flush().state == "saved"
    assert "history" in f.editing.history_problem
    assert f.editing.history(KEY).problem  # said clearly, never blocks


def test_damaged_history_lines_are_skipped_and_reported(
        opened: OpenedSession, clock: FakeClock) -> None:
    f = Fakes(opened, clock)
    f.editing.set_text(KEY, "good")
    f.editing.flush()
    with history.history_path(opened.path).open("a", encoding="utf-8") as handle:
        handle.write("not json\n" + json.dumps({"t": "x", "k": [1], "x": 2}) + "\n"
                     + "[" * 100_000 + "\n" + "\x00\xff garbage\n")
    found = f.editing.history(KEY)
    assert [v.text for v in found.versions] == ["good"]
    assert "4 damaged line(s)" in found.problem


@settings(max_examples=30, deadline=None)
@given(st.lists(st.text(max_size=200), min_size=1, max_size=6))
def test_whatever_is_typed_last_is_what_is_saved_and_in_history(texts: list[str]) -> None:
    import tempfile

    clock = FakeClock()
    with tempfile.TemporaryDirectory() as folder:
        store = SessionStore(Path(folder))
        path = store.create(new_session(builtin_bank("en"), title="T", profile="P", clock=clock))
        f = Fakes(open_session(store, path), clock)
        for text in texts:
            f.editing.set_text(KEY, text)
            f.editing.flush()
        again = open_session(store, path).session.peek(*KEY)
        assert (again.text if again else "") == texts[-1]
        versions = f.editing.history(KEY).versions
        assert versions[0].text == texts[-1] if versions else texts[-1] == ""


def test_edited_counts_the_users_changes_not_the_cursor_or_the_clock(
        opened: OpenedSession, clock: FakeClock) -> None:
    f = Fakes(opened, clock)
    f.editing.move_to(Position(block="value_proposition", perspective="ours",
                               prompt="value_selling"))
    f.editing.add_time("value_proposition", 30)
    f.editing.keep_time()
    assert f.editing.edited is False  # the time rides along, but looking is not editing
    f.editing.toggle_research(KEY)
    assert f.editing.edited is True

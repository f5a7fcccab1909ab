"""Session files: what goes in comes out, exactly, and the file stays readable."""

from __future__ import annotations

import os
import stat
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from slbmc_tui.domain.bank import builtin_bank
from slbmc_tui.domain.errors import SessionFileError
from slbmc_tui.domain.session import Session, new_session
from slbmc_tui.storage import toml_format
from slbmc_tui.storage.store import SessionStore
from slbmc_tui.storage.workspace_ops import duplicate
from tests.conftest import FakeClock

any_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400
) | st.sampled_from(['"""', "'''", "\\", "a\r\nb", "\r", "tab\there", "x" * 5000, "\\\"\"\"\\"])


def _session(clock: FakeClock) -> Session:
    return new_session(builtin_bank("en"), title="Home care", profile="Elderly person",
                       clock=clock)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=any_text, notes=any_text, flag=st.booleans())
def test_any_answer_text_survives_save_and_load(text: str, notes: str, flag: bool,
                                                tmp_path: Path) -> None:
    session = _session(FakeClock())
    answer = session.answer("customers_world", "customer", "why_buy")
    answer.text, answer.needs_research = text, flag
    session.block_answers("value_creation").notes = notes
    path = tmp_path / "s.toml"
    path.write_text(toml_format.dumps(session), encoding="utf-8")
    loaded = SessionStore(tmp_path).load(path)
    got = loaded.peek("customers_world", "customer", "why_buy")
    assert (got.text if got else "") == text
    assert (got.needs_research if got else False) == flag
    assert loaded.block_answers("value_creation").notes == notes


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.text(min_size=1, max_size=300).filter(lambda t: t.replace("\x00", "").strip()),
       profile=st.text(min_size=1, max_size=300).filter(lambda t: t.replace("\x00", "").strip()))
def test_any_title_and_profile_make_a_safe_unique_file(title: str, profile: str,
                                                       tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "s")
    session = new_session(builtin_bank("en"), title=title, profile=profile, clock=FakeClock())
    first, second = store.create(session), store.create(session)
    assert first != second
    for path in (first, second):
        assert path.parent == store.folder
        assert len(path.name) <= 80
        assert store.load(path).meta.title == session.meta.title


def test_metadata_comes_first_and_file_is_private(tmp_path: Path) -> None:
    session = _session(FakeClock())
    session.answer("customers_world", "ours", "deep_insight").text = "line one\nline two"
    store = SessionStore(tmp_path / "sessions")
    path = store.create(session)
    text = path.read_text()
    assert text.startswith("schema_version = 1\n\n[meta]\n")
    assert "\ncreated = 2026-11-23T09:30:00+02:00\n" in text  # ISO 8601, with its offset
    assert "text = '''\nline one\nline two'''" in text
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(store.folder).st_mode) == 0o700
    summary = store.summary(path)
    assert summary.meta and summary.meta.title == "Home care"


def test_rendering_is_deterministic_and_unknown_keys_survive(tmp_path: Path) -> None:
    session = _session(FakeClock())
    session.answer("customers_world", "ours", "deep_insight").text = "x"
    text = toml_format.dumps(session)
    data = tomllib.loads(text)
    data["future_flag"] = True
    data["meta"]["colour"] = "teal"
    data["future_table"] = {"a": 1}
    data["blocks"]["customers_world"]["ours"]["deep_insight"]["score"] = 3
    from tomli_w import dumps
    path = tmp_path / "s.toml"
    path.write_text(dumps(data))
    store = SessionStore(tmp_path)
    reloaded = store.load(path)
    reloaded.answer("customers_world", "customer", "why_buy").text = "edited"
    assert store.open(path).save(toml_format.session_to_data(reloaded))  # the real save path
    again = tomllib.loads(path.read_text(encoding="utf-8"))
    assert again["future_flag"] is True
    assert again["meta"]["colour"] == "teal"
    assert again["future_table"] == {"a": 1}
    assert again["blocks"]["customers_world"]["ours"]["deep_insight"]["score"] == 3
    assert again["blocks"]["customers_world"]["customer"]["why_buy"]["text"] == "edited"
    assert toml_format.dumps(reloaded) == toml_format.dumps(reloaded)


def test_newer_schema_is_refused_and_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.toml"
    path.write_text(toml_format.dumps(_session(FakeClock())).replace(
        "schema_version = 1", "schema_version = 99"))
    before = path.read_bytes()
    with pytest.raises(SessionFileError, match="newer slbmc"):
        SessionStore(tmp_path).load(path)
    assert path.read_bytes() == before


def test_duplicate_makes_a_new_profile_or_the_next_round(tmp_path: Path) -> None:
    clock = FakeClock()
    session = _session(clock)
    session.answer("customers_world", "ours", "deep_insight").text = "Ride along"
    session.answer("customers_world", "customer", "why_buy").text = "To stay at home"
    store = SessionStore(tmp_path / "sessions")
    source = store.create(session)
    original = source.read_bytes()
    clock.advance(days=1)

    profile = store.load(duplicate(store, source, profile="A relative", clock=clock))
    assert profile.meta.profile == "A relative" and profile.meta.round == 1
    assert profile.peek("customers_world", "ours", "deep_insight").text == "Ride along"
    assert profile.peek("customers_world", "customer", "why_buy") is None
    assert profile.meta.created == clock()

    round_two_path = duplicate(store, source, clock=clock)
    round_two = store.load(round_two_path)
    assert round_two.meta.round == 2 and "round-2" in round_two_path.name
    assert round_two.peek("customers_world", "customer", "why_buy").text == "To stay at home"
    assert source.read_bytes() == original


def test_a_head_longer_than_the_first_read_still_lists(tmp_path: Path) -> None:
    session = _session(FakeClock())
    session.meta.client = "Acme " * 20_000  # 100 KB of metadata, then the answers
    session.answer("customers_world", "ours", "deep_insight").text = "x"
    store = SessionStore(tmp_path / "sessions")
    path = store.create(session)
    summary = store.summary(path)
    assert summary.error is None
    assert summary.meta is not None and summary.meta.client == session.meta.client

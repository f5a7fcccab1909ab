"""Keeping the sessions folder tidy: rename, archive, trash, restore, unique rounds, names."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from slbmc_tui.domain.bank import builtin_bank
from slbmc_tui.domain.errors import SessionFileError
from slbmc_tui.domain.session import new_session
from slbmc_tui.storage import workspace_ops as ops
from slbmc_tui.storage.locking import SessionLocked, acquire
from slbmc_tui.storage.lookup import AmbiguousName
from slbmc_tui.storage.names import MAX_STEM, session_stem, slugify
from slbmc_tui.storage.store import SessionStore
from slbmc_tui.storage.workspace_ops import duplicate
from tests.conftest import FakeClock


def make(store: SessionStore, title: str, profile: str, clock: FakeClock,
         answer: str = "To stay at home") -> Path:
    session = new_session(builtin_bank("en"), title=title, profile=profile, client="Acme",
                          clock=clock)
    session.answer("customers_world", "customer", "why_buy").text = answer
    session.refresh_progress(builtin_bank("en"))
    return store.create(session)


def test_rename_moves_the_file_to_the_new_name_and_keeps_every_answer(
        sessions_dir: Path, clock: FakeClock) -> None:
    store = SessionStore(sessions_dir)
    path = make(store, "Home care", "Elderly person", clock)
    new = ops.rename(store, path, ops.NewNames("Home care", "Relatives far away", "Kunta", "Ann"),
                     clock)
    assert new.name == "home-care--relatives-far-away.toml"
    assert not path.exists()
    session = store.load(new)
    assert (session.meta.profile, session.meta.client, session.meta.interviewer) == (
        "Relatives far away", "Kunta", "Ann")
    assert session.peek("customers_world", "customer", "why_buy").text == "To stay at home"
    assert [p.name for p in store.session_paths()] == [new.name]


def test_rename_never_overwrites_another_session(sessions_dir: Path, clock: FakeClock) -> None:
    store = SessionStore(sessions_dir)
    first = make(store, "Home care", "Elderly person", clock, answer="first")
    second = make(store, "Home care", "Relative", clock, answer="second")
    new = ops.rename(store, second, ops.NewNames("Home care", "Elderly person"), clock)
    assert new.name == "home-care--elderly-person-2.toml"
    assert store.load(first).peek("customers_world", "customer", "why_buy").text == "first"
    assert store.load(new).peek("customers_world", "customer", "why_buy").text == "second"


def test_rename_of_client_only_keeps_the_file_name(sessions_dir: Path, clock: FakeClock) -> None:
    store = SessionStore(sessions_dir)
    path = make(store, "Home care", "Elderly person", clock)
    assert ops.rename(store, path, ops.NewNames("Home care", "Elderly person", "City"),
                      clock) == path
    assert store.load(path).meta.client == "City"


def test_rename_respects_a_lock_and_refuses_empty_names(sessions_dir: Path,
                                                        clock: FakeClock) -> None:
    store = SessionStore(sessions_dir)
    path = make(store, "Home care", "Elderly person", clock)
    before = path.read_bytes()
    with pytest.raises(SessionFileError):
        ops.rename(store, path, ops.NewNames("  ", "x"), clock)
    with acquire(path), pytest.raises(SessionLocked):
        ops.rename(store, path, ops.NewNames("Other", "x"), clock)
    assert path.read_bytes() == before


def test_archive_and_trash_leave_the_listing_and_restore_brings_them_back(
        sessions_dir: Path, clock: FakeClock) -> None:
    store = SessionStore(sessions_dir)
    path = make(store, "Home care", "Elderly person", clock)
    text = path.read_bytes()
    archived = ops.archive(store, path)
    assert archived.parent == sessions_dir / "archive" and store.list() == []
    assert [s.path for s in ops.archive_store(store).list()] == [archived]
    back = ops.restore(store, archived)
    assert back == path and back.read_bytes() == text
    trashed = ops.trash(store, back)
    assert trashed.parent == sessions_dir / "trash" and store.list() == []
    # A new session took the name meanwhile: the restored one gets the next free name.
    make(store, "Home care", "Elderly person", clock, answer="newer")
    restored = ops.restore(store, trashed)
    assert restored.name == "home-care--elderly-person-2.toml" and restored.read_bytes() == text
    assert len(store.list()) == 2


def test_a_locked_session_is_not_moved(sessions_dir: Path, clock: FakeClock) -> None:
    store = SessionStore(sessions_dir)
    path = make(store, "Home care", "Elderly person", clock)
    with acquire(path), pytest.raises(SessionLocked):
        ops.trash(store, path)
    assert path.exists()


def test_round_twice_from_the_same_session_makes_rounds_2_and_3(sessions_dir: Path,
                                                                 clock: FakeClock) -> None:
    """Regression: `r` twice on one row made two "round 2"."""
    store = SessionStore(sessions_dir)
    path = make(store, "Home care", "Elderly person", clock)
    second = duplicate(store, path, clock=clock)
    third = duplicate(store, path, clock=clock)
    assert store.load(second).meta.round == 2
    assert store.load(third).meta.round == 3
    assert third.name == "home-care--elderly-person--round-3.toml"
    # An archived round still counts: restoring it never makes a twin.
    ops.archive(store, third)
    assert store.load(duplicate(store, second, clock=clock)).meta.round == 4


def test_profile_names_keep_whole_words() -> None:
    """Regression: the profile was cut mid-word (`families-with-childr`)."""
    stem = session_stem("BrightSmile Dental Clinic Chain", "Families with children")
    assert stem == "brightsmile-dental-clinic-chain--families-with-children"
    stem = session_stem("BrightSmile Dental Clinic Chain",
                        "Families with children in the city centre and suburbs")
    assert stem == "brightsmile-dental-clinic-chain--families-with-children-in-the-city"
    assert session_stem("A", "b c", 12).endswith("--round-12")


@given(st.text(max_size=80), st.text(max_size=80), st.integers(1, 999))
def test_stems_are_whole_words_of_the_names(title: str, profile: str, round_number: int) -> None:
    stem = session_stem(title, profile, round_number)
    assert len(stem) <= MAX_STEM + len("-session")
    words = set(slugify(title).split("-")) | set(slugify(profile).split("-"))
    words |= {"session", "round", str(round_number)}
    long_cut = {w[:32] for w in words}  # a single word longer than its room is cut
    for part in stem.replace("--", "-").split("-"):
        assert part in words or part in long_cut or any(w.startswith(part) for w in words)


def test_resolve_by_prefix_title_and_profile_and_ambiguity(sessions_dir: Path,
                                                           clock: FakeClock) -> None:
    """Regression: `slbmc resume "Families with children"` said "no such session"."""
    store = SessionStore(sessions_dir)
    families = make(store, "BrightSmile Dental", "Families with children", clock)
    seniors = make(store, "BrightSmile Dental", "Seniors", clock)
    round_2 = duplicate(store, families, clock=clock)
    assert store.resolve("Families with children") == round_2  # the latest round
    assert store.resolve("brightsmile dental / seniors") == seniors
    assert store.resolve("brightsmile-dental--sen") == seniors
    assert store.resolve(families.stem) == families
    with pytest.raises(AmbiguousName) as raised:
        store.resolve("brightsmile-dental--")
    assert families.name in str(raised.value) and seniors.name in str(raised.value)
    with pytest.raises(SessionFileError, match="no such session"):
        store.resolve("nobody")


@given(st.text(max_size=40))
def test_any_name_resolves_to_a_session_or_says_why(name: str) -> None:
    """Whatever is typed on the command line: a path, or a SessionFileError; never a crash."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        store = SessionStore(Path(folder))
        session = new_session(builtin_bank("en"), title="Home care", profile="Relative")
        made = store.create(session)
        try:
            found = store.resolve(name)
        except SessionFileError:
            return
        except ValueError:  # NUL in a path: the OS refuses it, as for any file name
            assert "\x00" in name
            return
        assert found == made or found.exists()


def test_resolve_by_words_of_the_title_and_profile(sessions_dir: Path, clock: FakeClock) -> None:
    store = SessionStore(sessions_dir)
    relative = make(store, "HomeWell kotihoito", "Asiakasprofiili 2: Omainen", clock)
    elderly = make(store, "HomeWell kotihoito", "Asiakasprofiili 1: Kotona asuva", clock)
    assert store.resolve("omainen") == relative
    assert store.resolve("homewell KOTONA") == elderly
    with pytest.raises(AmbiguousName):
        store.resolve("asiakasprofiili")

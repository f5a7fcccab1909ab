"""The listing cache: unchanged files come from it, any change reads the file again, and a
damaged cache is ignored without a word (the listing is read from the heads instead)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from slbmc_tui.storage import listing_cache
from slbmc_tui.storage.store import SessionStore, SessionSummary
from tests.app_helpers import make_session, three_sessions_and_a_broken_file


class CountingStore(SessionStore):
    """A store that counts the heads it reads from the files themselves."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.read: list[str] = []

    def summary(self, path: Path) -> SessionSummary:
        self.read.append(path.name)
        return super().summary(path)


def listed(store: SessionStore) -> list[tuple[str, str | None, str | None]]:
    return [(s.name, s.meta.profile if s.meta else None, s.error) for s in store.list()]


def test_a_second_listing_reads_no_file_and_lists_the_same(sessions_dir: Path) -> None:
    three_sessions_and_a_broken_file(sessions_dir)
    store = CountingStore(sessions_dir)
    first = listed(store)
    assert len(store.read) == 4
    store.read.clear()
    assert listed(store) == first
    assert store.read == []  # the broken file's message is kept too
    assert first[-1][0] == "notes-from-meeting.toml" and first[-1][2]  # broken files last


def test_a_changed_file_is_read_again(sessions_dir: Path) -> None:
    paths = three_sessions_and_a_broken_file(sessions_dir)
    store = CountingStore(sessions_dir)
    store.list()
    store.read.clear()
    text = paths["relative"].read_text(encoding="utf-8")
    paths["relative"].write_text(text.replace('"A relative"', '"A daughter"'),
                                 encoding="utf-8")
    assert ("A daughter" in [profile for _name, profile, _error in listed(store)])
    assert store.read == [paths["relative"].name]


def test_same_size_and_time_but_another_inode_is_read_again(sessions_dir: Path) -> None:
    paths = three_sessions_and_a_broken_file(sessions_dir)
    store = CountingStore(sessions_dir)
    store.list()
    store.read.clear()
    path = paths["cyclist"]
    info = path.stat()
    text = path.read_text(encoding="utf-8").replace("Commuter cyclist", "Commuter cycler")
    replacement = sessions_dir / "elsewhere.tmp"
    replacement.write_text(text, encoding="utf-8")
    os.utime(replacement, ns=(info.st_atime_ns, info.st_mtime_ns))
    os.replace(replacement, path)  # what an editor's safe save does
    assert "Commuter cycler" in [profile for _name, profile, _error in listed(store)]
    assert store.read == [path.name]


def test_deleted_and_renamed_files_leave_the_listing(sessions_dir: Path) -> None:
    paths = three_sessions_and_a_broken_file(sessions_dir)
    store = CountingStore(sessions_dir)
    store.list()
    paths["elderly"].unlink()
    renamed = sessions_dir / "cycling.toml"
    paths["cyclist"].rename(renamed)
    store.read.clear()
    names = [name for name, _profile, _error in listed(store)]
    assert names == ["cycling.toml", paths["relative"].name, "notes-from-meeting.toml"]
    assert store.read == ["cycling.toml"]  # a rename keeps the inode; the name is the key


def test_a_file_that_becomes_broken_is_listed_as_broken(sessions_dir: Path) -> None:
    paths = three_sessions_and_a_broken_file(sessions_dir)
    store = SessionStore(sessions_dir)
    store.list()
    paths["cyclist"].write_text("schema_version = 1\n[meta]\ntitle = 3\n", encoding="utf-8")
    found = {name: error for name, _profile, error in listed(store)}
    assert found[paths["cyclist"].name] and found[paths["elderly"].name] is None


GARBAGE = [b"", b"\x00\xff not json", b"[]", b'{"version": 2}', b'{"version": 2, "files": []}',
           b'{"version": 1, "files": {}}', b'{"version": 2, "files": {"x.toml": 5}}',
           b"[" * 100_000]


@pytest.mark.parametrize("junk", GARBAGE)
def test_a_damaged_cache_is_ignored_silently(sessions_dir: Path, junk: bytes) -> None:
    three_sessions_and_a_broken_file(sessions_dir)
    expected = listed(SessionStore(sessions_dir))
    listing_cache.cache_file(sessions_dir).write_bytes(junk)
    store = CountingStore(sessions_dir)
    assert listed(store) == expected
    assert len(store.read) == 4
    store.read.clear()
    assert listed(store) == expected and store.read == []  # and it was written afresh


ENTRY_VALUE = st.one_of(st.none(), st.booleans(), st.integers(-2, 2**64),
                        st.text(max_size=5), st.lists(st.integers(), max_size=2),
                        st.dictionaries(st.text(max_size=2), st.integers(), max_size=2))


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(position=st.integers(0, 16), value=ENTRY_VALUE)
def test_a_tampered_entry_never_gives_a_wrong_row(sessions_dir: Path, position: int,
                                                  value: object) -> None:
    """Any one field of an entry replaced by a value of another type: the file is read
    again, and the row is the file's. (A same-typed change, a title for a title, cannot be
    told from the file's own; the cache is the user's, 0600 in a 0700 folder.)"""
    sessions_dir.mkdir(parents=True, exist_ok=True)
    for stale in sessions_dir.iterdir():
        stale.unlink()
    make_session(sessions_dir, "Tamper", "Only profile", client="Client Oy")
    expected = listed(SessionStore(sessions_dir))
    where = listing_cache.cache_file(sessions_dir)
    data = json.loads(where.read_bytes())
    (entry,) = data["files"].values()
    if type(entry[position]) is type(value):
        return
    entry[position] = value
    where.write_text(json.dumps(data), encoding="utf-8")
    assert listed(SessionStore(sessions_dir)) == expected


def test_the_listing_never_writes_into_the_sessions_folder(sessions_dir: Path) -> None:
    three_sessions_and_a_broken_file(sessions_dir)
    before = sorted(sessions_dir.iterdir())
    SessionStore(sessions_dir).list()
    assert sorted(sessions_dir.iterdir()) == before
    assert listing_cache.cache_file(sessions_dir).exists()

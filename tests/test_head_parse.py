"""The quick head reader agrees with tomllib on everything it accepts, and gives way to it
(returns None) on anything else; the listing reads the same either way."""

from __future__ import annotations

import tomllib
from datetime import timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from slbmc_tui.domain.bank import builtin_bank
from slbmc_tui.domain.session import new_session
from slbmc_tui.storage import toml_format
from slbmc_tui.storage.head_parse import plain_head
from slbmc_tui.storage.store import HEAD_READ_BYTES, SessionStore
from tests.conftest import FakeClock

TAIL = '\n[blocks.customers_world.ours.deep_insight]\ntext = "x"\n'
KEY = st.sampled_from(["title", "profile", "round", "client", "a-b_1", "x y", '"q"', "title"])
VALUE = st.one_of(
    st.text(max_size=12).map(lambda text: '"' + text + '"'),
    st.integers(-5, 10**20).map(str),
    st.sampled_from(["2026-11-23T09:30:00+02:00", "2026-11-23T09:30:00Z",
                     "2026-11-23T09:30:00.123+02:00", "2026-13-23T09:30:00+02:00",
                     "2026-11-23 09:30:00+02:00", "2026-11-23T09:30:00", "007", "1_000",
                     "true", "'lit'", '"a\\"b"', '"tab\there"', "[1]"]))
LINE = st.one_of(st.tuples(KEY, st.sampled_from([" = ", "=", " =  "]), VALUE).map("".join),
                 st.sampled_from(["[meta]", "[position]", "[other]", "[meta", "# note", "",
                                  "schema_version = 1", "schema_version = 2"]))


@given(lines=st.lists(LINE, max_size=10), version=st.sampled_from(["1", "0", "2", '"1"']))
def test_what_the_quick_reader_accepts_tomllib_reads_the_same(lines: list[str],
                                                              version: str) -> None:
    head = "\n".join([f"schema_version = {version}", *lines])
    text = head + TAIL
    quick = plain_head(text)
    if quick is None:
        return
    assert quick == tomllib.loads(head)
    assert quick["schema_version"] == 1


def _session_text(**meta: object) -> str:
    session = new_session(builtin_bank("en"), title="Home care", profile="Relative",
                          client="Client Oy", clock=FakeClock())
    for name, value in meta.items():
        setattr(session.meta, name, value)
    session.answer("customers_world", "ours", "deep_insight").text = "Visits\nweekly"
    return toml_format.dumps(session)


@given(title=st.text(min_size=1, max_size=30).filter(lambda t: t.replace("\x00", "")),
       profile=st.text(min_size=1, max_size=30).filter(lambda t: t.replace("\x00", "")),
       minutes=st.integers(0, 10**6))
def test_every_head_slbmc_writes_reads_as_tomllib_reads_it(title: str, profile: str,
                                                           minutes: int) -> None:
    text = _session_text(title=title, profile=profile,
                         updated=FakeClock()() + timedelta(minutes=minutes))
    head = text[:text.find(toml_format.BLOCKS_MARKER)]
    quick = plain_head(text)
    assert quick is None or quick == tomllib.loads(head)
    labels = title + profile
    if labels.isprintable() and '"' not in labels and "\\" not in labels:
        assert quick is not None  # the usual case takes the quick way


def test_a_head_longer_than_the_first_read_is_read_whole(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    long_path = "/banks/" + "b" * (HEAD_READ_BYTES + 100) + ".toml"
    path = tmp_path / "long.toml"
    path.write_text(_session_text(bank_path=long_path), encoding="utf-8")
    summary = store.summary(path)
    assert summary.meta is not None and summary.meta.bank_path == long_path

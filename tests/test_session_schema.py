"""The session file checker (storage.session_schema): valid tables survive unchanged, every
wrong value is a SessionFileError naming its key, and nothing else is ever raised."""

from __future__ import annotations

import contextlib
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from slbmc_tui.domain.errors import SessionFileError
from slbmc_tui.storage.toml_format import session_from_table, session_to_data

PATH = Path("s.toml")

names = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_0123456789", min_size=1, max_size=8)
any_text = st.text(max_size=20)
labels = st.text(max_size=20).map(lambda t: t.replace("\x00", ""))
aware = st.builds(
    lambda moment, minutes: moment.replace(tzinfo=timezone(timedelta(minutes=minutes))),
    st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2200, 1, 1)).map(
        lambda d: d.replace(microsecond=0)),
    st.integers(min_value=-12 * 60, max_value=14 * 60))
scalars = (any_text | st.integers() | st.booleans() | st.floats(allow_nan=False) | aware
           | st.dates() | st.times())
toml_values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(names, inner,
                                                                          max_size=3),
    max_leaves=8)


def _extra(known: set[str]) -> st.SearchStrategy[dict[str, Any]]:
    keys = names.filter(lambda k: k not in known).map(lambda k: f"x_{k}")
    return st.dictionaries(keys, toml_values, max_size=2)


@st.composite
def answers(draw: st.DrawFn) -> dict[str, Any]:
    answer = {"text": draw(any_text), "options": draw(st.lists(names, max_size=3)),
              "needs_research": draw(st.booleans())}
    return answer | draw(_extra(set(answer)))


@st.composite
def blocks(draw: st.DrawFn) -> dict[str, Any]:
    block = {"notes": draw(any_text),
             "ours": draw(st.dictionaries(names, answers(), max_size=3)),
             "customer": draw(st.dictionaries(names, answers(), max_size=3))}
    return block | draw(_extra(set(block)))


@st.composite
def sessions(draw: st.DrawFn) -> dict[str, Any]:
    meta = {
        "title": draw(labels.filter(bool)), "profile": draw(labels.filter(bool)),
        "client": draw(labels), "interviewer": draw(labels), "bank_id": draw(names),
        "language": draw(names), "bank_path": draw(any_text),
        "round": draw(st.integers(min_value=1, max_value=10**6)),
        "created": draw(aware), "updated": draw(aware),
        "answered": draw(st.integers(min_value=0, max_value=10**6)),
        "total": draw(st.integers(min_value=0, max_value=10**6)),
    }
    data: dict[str, Any] = {"schema_version": 1, "meta": meta | draw(_extra(set(meta)))}
    if draw(st.booleans()):
        position = {"block": draw(names),
                    "perspective": draw(st.sampled_from(["ours", "customer"])),
                    "prompt": draw(names)}
        data["position"] = position | draw(_extra(set(position)))
    data["blocks"] = draw(st.dictionaries(names, blocks(), max_size=3))
    return data | draw(_extra(set(data)))


def _ordered(value: Any) -> Any:
    """Dicts as lists of pairs, so that the comparison checks key order too."""
    if isinstance(value, dict):
        return [(k, _ordered(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [_ordered(v) for v in value]
    return value


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(data=sessions())
def test_a_valid_table_comes_back_unchanged_in_the_same_order(data: dict[str, Any]) -> None:
    assert _ordered(session_to_data(session_from_table(data, PATH))) == _ordered(data)


# Where each known key sits, and the kinds of value it accepts.
TEXT, WHOLE, FLAG, MOMENT, TABLE, TEXTS = "text", "whole", "flag", "moment", "table", "texts"
KNOWN: dict[tuple[str, ...], str] = {
    **{("meta", k): TEXT for k in ("title", "profile", "client", "interviewer", "bank_id",
                                    "language", "bank_path")},
    **{("meta", k): WHOLE for k in ("round", "answered", "total")},
    ("meta", "created"): MOMENT, ("meta", "updated"): MOMENT, ("meta",): TABLE,
    ("position",): TABLE, ("position", "block"): TEXT, ("position", "prompt"): TEXT,
    ("blocks",): TABLE, ("blocks", "b"): TABLE, ("blocks", "b", "notes"): TEXT,
    ("blocks", "b", "ours"): TABLE, ("blocks", "b", "ours", "q"): TABLE,
    ("blocks", "b", "ours", "q", "text"): TEXT, ("blocks", "b", "ours", "q", "options"): TEXTS,
    ("blocks", "b", "ours", "q", "needs_research"): FLAG,
    ("blocks", "b", "customer", "q", "text"): TEXT,
}
REQUIRED = {("meta",), ("meta", "title"), ("meta", "profile"), ("meta", "bank_id"),
            ("meta", "language"), ("meta", "created"), ("meta", "updated"),
            ("position", "block")}


def _accepts(kind: str, value: Any) -> bool:
    if kind == TEXT:
        return isinstance(value, str)
    if kind == WHOLE:
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == FLAG:
        return isinstance(value, bool)
    if kind == MOMENT:
        return isinstance(value, (datetime, str))
    if kind == TEXTS:
        return isinstance(value, list)
    return isinstance(value, dict)


def _base() -> dict[str, Any]:
    now = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
    return {"schema_version": 1,
            "meta": {"title": "T", "profile": "P", "bank_id": "b", "language": "en",
                     "round": 2, "created": now, "updated": now},
            "position": {"block": "b", "perspective": "ours", "prompt": "q"},
            "blocks": {"b": {"notes": "n",
                             "ours": {"q": {"text": "a", "options": ["x"],
                                            "needs_research": True}},
                             "customer": {"q": {"text": "c"}}}}}


def _set(data: dict[str, Any], where: tuple[str, ...], value: Any) -> None:
    node = data
    for key in where[:-1]:
        node = node[key]
    node[where[-1]] = value


def _dotted(where: tuple[str, ...]) -> str:
    return ".".join(where)


wrong_values = toml_values | st.none()


@settings(max_examples=300)
@given(where=st.sampled_from(sorted(KNOWN)), value=wrong_values)
def test_a_wrong_value_is_a_session_file_error_naming_its_key(where: tuple[str, ...],
                                                              value: Any) -> None:
    data = _base()
    _set(data, where, value)
    if value is None:
        _delete(data, where)
    try:
        session_from_table(data, PATH)
    except SessionFileError as error:
        assert f"`{_dotted(where)}" in error.problem
        return
    assert value is None and where not in REQUIRED or _accepts(KNOWN[where], value)


def _delete(data: dict[str, Any], where: tuple[str, ...]) -> None:
    node = data
    for key in where[:-1]:
        node = node[key]
    del node[where[-1]]


@given(value=wrong_values, where=st.lists(names, min_size=0, max_size=4))
def test_any_shape_at_all_gives_a_session_file_error_or_a_session(value: Any,
                                                                  where: list[str]) -> None:
    data: Any = _base()
    if where:
        node = data
        for key in where[:-1]:
            child = node.get(key) if isinstance(node, dict) else None
            if not isinstance(child, dict):
                break
            node = child
        else:
            node[where[-1]] = value
    else:
        data = value
    with contextlib.suppress(SessionFileError):
        session_from_table(data, PATH)


@pytest.mark.parametrize(("edit", "says"), [
    (("meta", "round", "2"), "`meta.round` must be a whole number, not text"),
    (("meta", "round", True), "`meta.round` must be a whole number, not true/false"),
    (("meta", "round", 0), "`meta.round` must be 1 or more, not 0"),
    (("meta", "answered", -1), "`meta.answered` must be 0 or more, not -1"),
    (("meta", "title", 3), "`meta.title` must be text, not a number"),
    (("meta", "title", "\x00"), "`meta.title` must not be empty"),
    (("meta", "created", datetime(2026, 1, 1)),
     "`meta.created`: needs a UTC offset, like 2026-11-23T09:30:00+02:00"),
    (("meta", "created", date(2026, 1, 1)), "`meta.created` must be a date and time, not a date"),
    (("meta", "created", time(9, 30)),
     "`meta.created` must be a date and time, not a time of day"),
    (("meta", "created", "soon"), "`meta.created` must be a date and time, not text"),
    (("position", "perspective", "theirs"),
     '`position.perspective` must be "ours" or "customer"'),
    (("blocks", "b", "ours", "q", "options", ["x", 1]),
     "`blocks.b.ours.q.options[1]` must be text, not a number"),
    (("blocks", "b", "ours", "q", "needs_research", "yes"),
     "`blocks.b.ours.q.needs_research` must be true or false, not text"),
    (("blocks", "b", "customer", "q", "text"), "`blocks.b.customer.q` must be a table, not text"),
])
def test_messages(edit: tuple[Any, ...], says: str) -> None:
    data = _base()
    _set(data, edit[:-1], edit[-1])
    with pytest.raises(SessionFileError) as caught:
        session_from_table(data, PATH)
    assert caught.value.problem == says


def test_every_problem_is_reported_once_joined_with_semicolons() -> None:
    data = _base()
    del data["meta"]["title"]
    data["meta"]["round"] = "two"
    data["blocks"]["b"]["ours"]["q"]["text"] = 5
    with pytest.raises(SessionFileError) as caught:
        session_from_table(data, PATH)
    assert caught.value.problem == ("`meta.title` is missing; `meta.round` must be a whole "
                                    "number, not text; `blocks.b.ours.q.text` must be text, "
                                    "not a number")


def test_a_quoted_date_with_an_offset_is_read_as_a_date() -> None:
    data = _base()
    data["meta"]["created"] = "2026-11-23T09:30:00+02:00"
    session = session_from_table(data, PATH)
    assert session.meta.created == datetime(2026, 11, 23, 7, 30, tzinfo=UTC)

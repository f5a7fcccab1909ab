"""Question banks: the shipped ones are sound, broken ones fail with a useful message."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from slbmc_tui.domain import bank as bank_module
from slbmc_tui.domain.bank import (
    bank_from_data,
    builtin_bank,
    load_bank,
    plainly_valid,
    questions_dir,
)
from slbmc_tui.domain.bank_schema import validate_bank
from slbmc_tui.domain.errors import BankError


@pytest.mark.parametrize("language", ["en", "fi"])
def test_builtin_bank_has_nine_blocks_in_suggested_order(language: str) -> None:
    bank = builtin_bank(language)
    assert [b.number for b in bank.ordered_blocks] == list(range(1, 10))
    assert bank.ordered_blocks[0].id == "customers_world"
    assert all(b.ours and b.customer for b in bank.blocks)
    assert bank.intro.text.strip()


def test_zones_follow_the_canvas() -> None:
    bank = builtin_bank("en")
    zones = {b.number: b.zone for b in bank.blocks}
    assert {n for n, z in zones.items() if z == "customer_value"} == {1, 3, 4}
    assert {n for n, z in zones.items() if z == "internal"} == {6, 7, 8}
    assert {n for n, z in zones.items() if z == "costs_revenues"} == {5, 9}
    assert zones[2] == "value_proposition"


@pytest.mark.parametrize("language", ["en", "fi"])
def test_shipped_banks_pass_the_schema_and_match_the_fast_path(language: str) -> None:
    """The shipped banks load without pydantic at run time; here they meet the same rules
    as any user's bank file (a broken shipped bank fails with the usual message) and the
    fast path must build exactly the bank the schema does."""
    path = questions_dir() / f"{language}.toml"
    assert load_bank(path) == builtin_bank(language)


def test_a_damaged_shipped_bank_is_reported_by_the_schema(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _bank_data()
    del data["blocks"][0]["title"]
    folder = tmp_path / "questions"
    folder.mkdir()
    (folder / "en.toml").write_text(tomli_w.dumps(data))
    monkeypatch.setattr(bank_module, "questions_dir", lambda: folder)
    builtin_bank.cache_clear()
    try:
        with pytest.raises(BankError,
                           match=r"en.toml: `blocks\[\"customers_world\"\].title` is missing"):
            builtin_bank("en")
    finally:
        builtin_bank.cache_clear()


def _bank_data() -> dict:
    return tomllib.loads((questions_dir() / "en.toml").read_text("utf-8"))


def _write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "bank.toml"
    path.write_text(tomli_w.dumps(data))
    return path


def test_duplicate_prompt_id_is_named(tmp_path: Path) -> None:
    data = _bank_data()
    block = data["blocks"][0]
    block["customer"][0]["id"] = block["ours"][0]["id"]
    with pytest.raises(BankError) as caught:
        load_bank(_write(tmp_path, data))
    message = str(caught.value)
    assert "bank.toml" in message and "duplicate prompt id" in message
    assert block["ours"][0]["id"] in message


def test_missing_block_is_named(tmp_path: Path) -> None:
    data = _bank_data()
    del data["blocks"][4]
    with pytest.raises(BankError, match=r"missing \[5\]"):
        load_bank(_write(tmp_path, data))


def test_order_must_list_each_block_once(tmp_path: Path) -> None:
    data = _bank_data()
    data["order"] = [1, 1, 2, 3, 4, 5, 6, 7, 8]
    with pytest.raises(BankError, match="order must list 1..9 exactly once"):
        load_bank(_write(tmp_path, data))


def test_prompt_without_text_names_the_prompt(tmp_path: Path) -> None:
    data = _bank_data()
    prompt = data["blocks"][2]["ours"][0]
    del prompt["text"]
    with pytest.raises(BankError) as caught:
        load_bank(_write(tmp_path, data))
    assert f'["{prompt["id"]}"].text` is missing' in str(caught.value)


def test_not_toml_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "bank.toml"
    path.write_text("blocks = [")
    with pytest.raises(BankError, match="bank.toml: is not valid TOML"):
        load_bank(path)


# -- the fast acceptor never accepts what the schema refuses --------------------------------

_odd_values = st.none() | st.booleans() | st.integers(min_value=-2, max_value=12) | st.text(
    alphabet="ab_-Z 1\n", max_size=4) | st.lists(st.integers(0, 10), max_size=3) | st.just({}) | (
    st.sampled_from(["x", "q1", "abc_1", "internal", "costs_revenues", "en", "slbmc-en"]))


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


_EN_PATHS = _paths(tomllib.loads((questions_dir() / "en.toml").read_text("utf-8")))


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(edits=st.lists(st.tuples(st.sampled_from(_EN_PATHS), _odd_values, st.booleans()),
                      min_size=1, max_size=3))
def test_what_the_fast_path_accepts_the_schema_accepts_and_builds_alike(
        edits: list[tuple[tuple[Any, ...], Any, bool]]) -> None:
    data = _bank_data()
    for where, value, delete in edits:
        node: Any = data
        try:
            for step in where[:-1]:
                node = node[step]
            if delete:
                del node[where[-1]]
            else:
                node[where[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit removed or replaced this place
    if plainly_valid(data):
        assert validate_bank(copy.deepcopy(data)) == bank_from_data(data)


@pytest.mark.parametrize("language", ["en", "fi"])
def test_the_shipped_banks_take_the_fast_path(language: str) -> None:
    assert plainly_valid(tomllib.loads((questions_dir() / f"{language}.toml").read_text("utf-8")))


@pytest.mark.parametrize(("where", "value"), [
    (("blocks", 0, "number"), True), (("order", 0), 1.0), (("id",), "en\n"),
    (("blocks", 0, "position", "row"), "0"), (("blocks", 0, "ours", 0, "hints"), "one hint"),
])
def test_unusual_spellings_go_to_the_schema(where: tuple[Any, ...], value: Any) -> None:
    data = _bank_data()
    node: Any = data
    for step in where[:-1]:
        node = node[step]
    node[where[-1]] = value
    assert not plainly_valid(data)

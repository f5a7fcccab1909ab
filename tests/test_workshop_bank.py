"""The English translation of the Finnish workshop bank: same questions, marked as a translation."""

from __future__ import annotations

from pathlib import Path

import pytest

from slbmc_tui.domain.bank import (
    PERSPECTIVES,
    bank_from_data,
    builtin_bank,
    plainly_valid,
    questions_dir,
    read_bank_data,
    resolve_bank,
)
from slbmc_tui.domain.bank_schema import validate_bank
from slbmc_tui.domain.session import new_session
from slbmc_tui.storage.store import SessionStore
from tests.conftest import FakeClock

PATH = questions_dir() / "en-workshop.toml"


def shape(bank_name: str) -> list[tuple[object, ...]]:
    bank = builtin_bank(bank_name)
    return [(b.number, b.id, b.zone, b.position, p, tuple(
        (q.id, len(q.hints), tuple(o.id for o in q.options)) for q in b.prompts(p)))
        for b in bank.blocks for p in PERSPECTIVES]


def test_it_has_the_finnish_banks_blocks_prompts_hints_and_options() -> None:
    assert shape("en-workshop") == shape("fi")


def test_it_is_english_and_says_it_is_a_translation() -> None:
    bank = builtin_bank("en-workshop")
    assert (bank.id, bank.language) == ("slbmc-en-workshop", "en")
    assert "translated from Finnish" in bank.title
    assert "A TRANSLATION" in PATH.read_text(encoding="utf-8")
    words = " ".join([bank.title, *(b.title for b in bank.blocks),
                      *(q.text for b in bank.blocks for p in PERSPECTIVES for q in b.prompts(p)),
                      *(h for b in bank.blocks for p in PERSPECTIVES for q in b.prompts(p)
                        for h in q.hints)])
    assert not set("äöåÄÖÅ") & set(words)


def test_the_fast_path_and_the_schema_build_the_same_bank() -> None:
    data = read_bank_data(PATH)
    assert plainly_valid(data)
    assert bank_from_data(data) == validate_bank(data, PATH)


def test_a_session_made_with_it_finds_it_again(sessions_dir: Path, clock: FakeClock) -> None:
    bank = builtin_bank("en-workshop")
    session = new_session(bank, title="Care", profile="Elderly", clock=clock)
    path = SessionStore(sessions_dir).create(session)
    meta = SessionStore(sessions_dir).load(path).meta
    assert resolve_bank(meta.bank_id, meta.language, meta.bank_path) == bank


@pytest.mark.asyncio
async def test_the_new_session_dialog_offers_it(sessions_dir: Path, clock: FakeClock) -> None:
    from textual.widgets import RadioButton

    from slbmc_tui.app import make_app
    from slbmc_tui.launch import NewSession
    from tests.app_helpers import settle

    app = make_app(sessions_dir=sessions_dir, clock=clock,
                   launch=NewSession(title="Care", profile="Elderly", language="en-workshop"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        button = app.screen.query_one("#bank-en-workshop", RadioButton)
        assert button.value and "Workshop" in str(button.label)
        await pilot.press("ctrl+s")
        await settle(pilot)
    [summary] = SessionStore(sessions_dir).list()
    assert summary.meta is not None and summary.meta.bank_id == "slbmc-en-workshop"

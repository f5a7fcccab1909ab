"""Files that diff cleanly: prompts in the bank's order, the same for every profile."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from slbmc_tui.domain.bank import builtin_bank
from slbmc_tui.domain.session import derive_profile, new_session
from slbmc_tui.storage import toml_format
from slbmc_tui.storage.store import SessionStore
from tests.conftest import FakeClock

BANK = builtin_bank("en")
VP = BANK.block("value_proposition")
assert VP is not None
ANSWERS = [("value_proposition", "customer", p.id) for p in VP.customer] + [
    ("value_proposition", "ours", p.id) for p in VP.ours] + [
    ("customers_world", "customer", p.id) for p in BANK.blocks[0].customer]


def headers(text: str) -> list[str]:
    return re.findall(r"^\[blocks\.[^\]]+\]$", text, flags=re.MULTILINE)


def test_two_profiles_made_by_different_paths_list_prompts_in_the_same_order(
        sessions_dir: Path, clock: FakeClock) -> None:
    """Regression: `value_proposition.customer` came out reversed in one profile."""
    store = SessionStore(sessions_dir)
    typed_forwards = new_session(BANK, title="Care", profile="First", clock=clock)
    for where in ANSWERS:
        typed_forwards.answer(*where).text = "yes"
    typed_forwards.refresh_progress(BANK)
    first = store.create(typed_forwards)
    # The second profile: derived from the first, its customer answers typed backwards.
    derived = derive_profile(store.load(first), "Second", clock)
    for where in reversed(ANSWERS):
        derived.answer(*where).text = "yes"
    derived.refresh_progress(BANK)
    second = store.create(derived)
    assert headers(first.read_text()) == headers(second.read_text())
    vp_customer = [h for h in headers(first.read_text()) if ".value_proposition.customer." in h]
    assert vp_customer == [f"[blocks.value_proposition.customer.{p.id}]" for p in VP.customer]


def test_an_old_file_is_rewritten_in_order_on_its_next_save_without_changing_content(
        sessions_dir: Path, clock: FakeClock) -> None:
    session = new_session(BANK, title="Care", profile="Old", clock=clock)
    for where in reversed(ANSWERS):
        session.answer(*where).text = f"answer to {where[2]}"
    session.answer("value_proposition", "ours", "retired_question").text = "kept"
    sessions_dir.mkdir()
    path = sessions_dir / "old.toml"
    path.write_text(toml_format.dumps(session))  # as an older version wrote it
    before = tomllib.loads(path.read_text())
    store = SessionStore(sessions_dir)
    loaded = store.load(path)
    loaded.refresh_progress(BANK)  # what every save does
    store.open(path).save(toml_format.session_to_data(loaded))
    after_text = path.read_text()
    after = tomllib.loads(after_text)
    assert after["blocks"] == before["blocks"]  # the same content...
    order = [h for h in headers(after_text) if ".value_proposition.ours." in h]
    expected = [f"[blocks.value_proposition.ours.{p.id}]" for p in VP.ours]
    assert order == [*expected, "[blocks.value_proposition.ours.retired_question]"]
    assert list(after["blocks"]) == ["customers_world", "value_proposition"]


def test_arranging_keeps_the_same_dicts_so_nothing_written_later_is_lost(clock: FakeClock) -> None:
    session = new_session(BANK, title="Care", profile="Old", clock=clock)
    for where in reversed(ANSWERS):
        session.answer(*where).text = "typed"
    held = session.block_answers("value_proposition").ours  # as an open editor may hold it
    session.refresh_progress(BANK)
    held["late"] = session.answer("value_proposition", "ours", "late")
    assert session.blocks["value_proposition"].ours is held
    assert list(held)[: len(VP.ours)] == [p.id for p in VP.ours]

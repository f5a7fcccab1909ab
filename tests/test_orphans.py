"""Question bank edits: answers to prompts that are gone are kept, saved and reported."""

from __future__ import annotations

import io
import tomllib
from pathlib import Path

from slbmc_tui.cli import main
from slbmc_tui.domain.bank import load_bank
from slbmc_tui.storage.store import SessionStore, open_session
from slbmc_tui.storage.toml_format import session_to_data
from tests.tiny_bank import tiny_session, write_tiny_bank


def _session_with_orphans(tmp_path: Path) -> tuple[SessionStore, Path, Path]:
    bank_path = write_tiny_bank(tmp_path / "bank.toml")
    store = SessionStore(tmp_path / "sessions")
    session = tiny_session(bank_path=str(bank_path))
    session.answer("customers_world", "ours", "q1").text = "still asked"
    session.answer("customers_world", "ours", "q2").text = "asked in the old bank"
    session.answer("retired_block", "customer", "old").text = "a whole block was dropped"
    session.answer("retired_block", "customer", "old").needs_research = True
    path = store.create(session)
    write_tiny_bank(bank_path, drop_prompt="customers_world/ours/q2")  # the bank is edited
    return store, path, bank_path


def test_orphans_are_found_kept_and_survive_a_save(tmp_path: Path) -> None:
    store, path, bank_path = _session_with_orphans(tmp_path)
    opened = open_session(store, path)
    orphans = opened.session.orphans(load_bank(bank_path))
    assert {(o.block_id, o.perspective, o.prompt_id) for o in orphans} == {
        ("customers_world", "ours", "q2"), ("retired_block", "customer", "old")}
    flagged = [o.prompt_id for o in orphans if o.answer.needs_research]
    assert flagged == ["old"]  # its "needs research" flag is kept with it

    opened.session.answer("customers_world", "ours", "q1").text = "edited after the bank change"
    assert opened.file.save(session_to_data(opened.session))
    saved = tomllib.loads(path.read_text())["blocks"]
    assert saved["customers_world"]["ours"]["q2"]["text"] == "asked in the old bank"
    assert saved["retired_block"]["customer"]["old"] == {
        "text": "a whole block was dropped", "needs_research": True}
    assert saved["customers_world"]["ours"]["q1"]["text"] == "edited after the bank change"


def test_validate_warns_about_orphans_and_still_succeeds(tmp_path: Path) -> None:
    _, path, _ = _session_with_orphans(tmp_path)
    out = io.StringIO()
    assert main(["validate", str(path)], out=out) == 0
    lines = out.getvalue().splitlines()
    assert lines[0] == f"{path}: ok (session 'Home care' / 'Elderly person')"
    assert lines[1] == (
        f"{path}: warning: 2 answer(s) to questions no longer in question bank 'tiny-en' "
        "are kept in the file: customers_world.ours.q2, retired_block.customer.old")
    assert len(lines) == 2


def test_validate_without_orphans_prints_one_line(tmp_path: Path) -> None:
    bank_path = write_tiny_bank(tmp_path / "bank.toml")
    path = SessionStore(tmp_path / "s").create(tiny_session(bank_path=str(bank_path)))
    out = io.StringIO()
    assert main(["validate", str(path)], out=out) == 0
    assert out.getvalue().count("\n") == 1 and "warning" not in out.getvalue()


def test_validate_warns_when_the_bank_is_missing(tmp_path: Path) -> None:
    path = SessionStore(tmp_path / "s").create(
        tiny_session(bank_path=str(tmp_path / "gone.toml")))
    out = io.StringIO()
    assert main(["validate", str(path)], out=out) == 0
    assert "warning: its answers could not be checked against a question bank" in out.getvalue()
    assert "gone.toml" in out.getvalue()

"""Comparing sessions made from different question banks, on the compare screen.

A question only the other session's bank asks shows in that bank's words (an English
session beside a Finnish one shows the Finnish questions in Finnish), marked as asked only
there; only when that bank cannot be found is the question shown by its id, and the row
says so.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from slbmc_tui.domain.bank import builtin_bank
from slbmc_tui.domain.compare import compare_sessions
from slbmc_tui.services.workspace import load_comparison
from slbmc_tui.storage.store import SessionStore
from slbmc_tui.storage.toml_format import dumps
from slbmc_tui.widgets.compare_row import PromptRow
from tests.compare_host import CompareHost

DEMO = Path(__file__).parent.parent / "src" / "slbmc_tui" / "demo"
ENGLISH, FINNISH = "home-care--elderly-person.toml", "kotihoito--ikaantynyt.toml"
FI_ONLY = "deep_understanding"  # block 1, ours: the Finnish bank's question, not the English
FI_TEXT = "Kuinka hankimme syvällisen ymmärryksen asiakkaasta?"


def _copy_demo(folder: Path, *names: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        shutil.copy(DEMO / name, folder / name)
        paths.append(folder / name)
    return paths


def _with_missing_bank(path: Path) -> Path:
    """The session as if made from a custom bank file that has since gone."""
    session = SessionStore(path.parent).load(path)
    session.meta.bank_id = "acme-custom"
    session.meta.bank_path = str(path.parent / "gone" / "acme.toml")
    path.write_text(dumps(session), encoding="utf-8")
    return path


def _rows(screen: Any) -> dict[str, tuple[str, str]]:
    """Shown prompt id -> (prompt text and marks as drawn, row classes)."""
    found = {}
    for row in screen.query(PromptRow):
        if row.display and row.comparison is not None:
            text = str(row._prompt.render())  # the text as the row draws it
            found[row.comparison.prompt.id] = (text, " ".join(sorted(row.classes)))
    return found


async def _settle(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_questions_of_the_other_bank_are_worded_by_that_bank(sessions_dir: Path) -> None:
    loaded = load_comparison(_copy_demo(sessions_dir, ENGLISH, FINNISH))
    assert loaded.problems == ()
    assert loaded.comparison is not None
    assert loaded.comparison.bank_ids == ("slbmc-en", "slbmc-fi")
    row = next(p for p in loaded.comparison.blocks[0].prompts if p.prompt.id == FI_ONLY)
    assert row.foreign and row.asked_in == "slbmc-fi"
    assert row.prompt.text == FI_TEXT and not row.unworded and not row.bank_missing
    assert [c.answered for c in row.cells] == [False, True]  # the Finnish answer is kept


def test_a_session_whose_bank_is_gone_is_compared_with_its_questions_by_id(
        sessions_dir: Path) -> None:
    english, finnish = _copy_demo(sessions_dir, ENGLISH, FINNISH)
    loaded = load_comparison([english, _with_missing_bank(finnish)])
    assert loaded.paths == (english, finnish)  # not skipped
    assert len(loaded.problems) == 1
    assert FINNISH in loaded.problems[0] and "shown by their ids" in loaded.problems[0]
    assert loaded.comparison is not None
    row = next(p for p in loaded.comparison.blocks[0].prompts if p.prompt.id == FI_ONLY)
    assert row.prompt.text == FI_ONLY and row.unworded and row.bank_missing
    assert row.asked_in == "acme-custom"


def test_a_stand_in_bank_never_words_another_banks_questions() -> None:
    english, finnish = builtin_bank("en"), builtin_bank("fi")
    first = SessionStore(DEMO).load(DEMO / ENGLISH)
    second = SessionStore(DEMO).load(DEMO / FINNISH)
    second.meta.bank_id = "unknown-bank"  # resolve_bank would hand back a built-in instead
    comparison = compare_sessions([first, second], english, [english, finnish])
    row = next(p for p in comparison.blocks[0].prompts if p.prompt.id == FI_ONLY)
    assert row.bank_missing and row.prompt.text == FI_ONLY


@pytest.mark.asyncio
async def test_the_compare_screen_shows_the_other_banks_question_in_its_words(
        sessions_dir: Path) -> None:
    app = CompareHost(_copy_demo(sessions_dir, ENGLISH, FINNISH))
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        rows = _rows(app.compare)
        text, _classes = rows[FI_ONLY]
        assert text.startswith(FI_TEXT)
        assert "Asked only in question bank slbmc-fi" in text
        assert FI_ONLY not in text
        assert "Asked only" not in rows["deep_insight"][0]  # the first bank's own question
        shown = [n.message for n in app._notifications]
        assert any("different question banks (slbmc-en, slbmc-fi)" in m for m in shown)


@pytest.mark.asyncio
async def test_the_compare_screen_says_when_a_question_shows_by_its_id(
        sessions_dir: Path) -> None:
    english, finnish = _copy_demo(sessions_dir, ENGLISH, FINNISH)
    app = CompareHost([english, _with_missing_bank(finnish)])
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        text, _classes = _rows(app.compare)[FI_ONLY]
        assert text.startswith(FI_ONLY)
        assert "Question bank acme-custom could not be found: the question is shown by its id" \
            in text
        shown = [n.message for n in app._notifications]
        assert any("could not be read" in m for m in shown)


async def _loaded(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    pilot.app.clear_notifications()  # the banks notice is asserted above; snapshots stay still
    await pilot.pause()


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_compare_screen_with_two_banks(snap_compare: Any, sessions_dir: Path,
                                       size: tuple[int, int]) -> None:
    app = CompareHost(_copy_demo(sessions_dir, ENGLISH, FINNISH))
    assert snap_compare(app, terminal_size=size, run_before=_loaded)

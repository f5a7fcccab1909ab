"""A dialog looks the same whichever dialogs were shown before it: no style leaks between sheets.

Textual keeps every stylesheet it has read for the rest of the run. A bare `#dialog` in one
dialog's sheet once reached every later dialog (the export dialog opened 72 wide with the
lock dialog's orange border after the lock dialog had been shown).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.screen import ModalScreen

from slbmc_tui.dialogs.answer_history import AnswerHistoryDialog
from slbmc_tui.dialogs.block_picker import BlockPicker
from slbmc_tui.dialogs.canvas_line import CanvasLineDialog, CanvasLinePicker
from slbmc_tui.dialogs.choose_sessions import ChooseSessions
from slbmc_tui.dialogs.compare_blocks import CompareBlockPicker
from slbmc_tui.dialogs.export import ExportDialog
from slbmc_tui.dialogs.new_session import NewSessionDialog
from slbmc_tui.dialogs.profile_name import ProfileNameDialog
from slbmc_tui.dialogs.session_locked import SessionLockedDialog
from slbmc_tui.domain.bank import builtin_bank
from slbmc_tui.domain.compare import compare_sessions
from slbmc_tui.domain.session import new_session
from slbmc_tui.services.editing import AnswerKey
from slbmc_tui.storage.history import Version
from slbmc_tui.storage.locking import LockInfo
from tests.app_helpers import make_session
from tests.conftest import FakeClock

Look = tuple[Any, ...]


def _dialogs(folder: Path) -> dict[str, Callable[[], ModalScreen[Any]]]:
    bank = builtin_bank("en")
    session = new_session(bank, title="HomeWell", profile="Elderly", clock=FakeClock())
    path = make_session(folder, "HomeWell", "Elderly")
    first = bank.ordered_blocks[0].id
    holder = LockInfo(pid=4242, host="laptop", since=datetime(2026, 1, 5, 9, 30))
    comparison = compare_sessions([session, session], bank)
    versions = [Version(datetime(2026, 1, 5, 9, 30), ("b", "ours", "p"), "Earlier words")]
    return {
        "export": lambda: ExportDialog(session, bank, path),
        "new session": lambda: NewSessionDialog(),
        "profile name": lambda: ProfileNameDialog("HomeWell", "Elderly"),
        "session locked": lambda: SessionLockedDialog(path, holder),
        "choose sessions": lambda: ChooseSessions(folder, current=path),
        "block picker": lambda: BlockPicker(session, bank, first),
        "compare blocks": lambda: CompareBlockPicker(comparison.blocks, first),
        "answer history": lambda: AnswerHistoryDialog("Why buy?", versions, "Words now"),
        "canvas line": lambda: CanvasLineDialog(session, bank, AnswerKey(
            first, "ours", bank.ordered_blocks[0].ours[0].id)),
        "canvas line picker": lambda: CanvasLinePicker(session, bank, bank.ordered_blocks[0]),
    }


async def _look(app: App[None], dialog: ModalScreen[Any]) -> Look:
    """How the dialog's frame is drawn: its size, border and background."""
    await app.push_screen(dialog)
    await app._animator.wait_until_complete()
    frame = dialog.children[0]
    for _ in range(3):
        await app.workers.wait_for_complete()
        await dialog.wait_for_refresh()
    styles = frame.styles
    look = (frame.size, styles.border, styles.background, styles.padding,
            dialog.styles.background)
    await app.pop_screen()
    return look


@pytest.mark.asyncio
async def test_every_dialog_looks_the_same_after_every_other(tmp_path: Path) -> None:
    dialogs = _dialogs(tmp_path)
    alone: dict[str, Look] = {}
    for name, make in dialogs.items():
        app: App[None] = App()
        async with app.run_test(size=(120, 40)):
            alone[name] = await _look(app, make())
    app = App()
    async with app.run_test(size=(120, 40)):
        for make in dialogs.values():  # every sheet read once
            await _look(app, make())
        for before in dialogs:
            for name, make in dialogs.items():
                await _look(app, dialogs[before]())
                assert await _look(app, make()) == alone[name], f"{name} after {before}"

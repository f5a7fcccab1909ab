"""Go to block: a small keyboard-first list of the nine blocks (digits jump straight)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label

from slbmc_tui.dialogs.block_picking import PICKER_HELP, BlockPickerBase
from slbmc_tui.domain.bank import QuestionBank
from slbmc_tui.domain.session import Session
from slbmc_tui.i18n import _
from slbmc_tui.widgets.block_list import BlockList


class BlockPicker(BlockPickerBase):
    """Returns the chosen block's id, or None when cancelled."""

    CSS_PATH = "block_picker.tcss"

    def __init__(self, session: Session, bank: QuestionBank, current_id: str) -> None:
        super().__init__()
        self._session = session
        self._bank = bank
        self._current_id = current_id

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(_("Go to block"), classes="picker-title")
            yield BlockList(self._session, self._bank, self._current_id, id="picker-list")
            yield Label(_(PICKER_HELP), classes="picker-help")

    def on_mount(self) -> None:
        self.query_one(BlockList).focus()

    def _block_id_for_number(self, number: int) -> str | None:
        return self._bank.block_by_number(number).id

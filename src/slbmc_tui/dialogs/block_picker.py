"""Go to block: a small keyboard-first list of the nine blocks (digits jump straight)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import Key
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList

from slbmc_tui.domain.bank import QuestionBank
from slbmc_tui.domain.session import Session
from slbmc_tui.widgets.block_list import BlockList


class BlockPicker(ModalScreen[str | None]):
    """Returns the chosen block's id, or None when cancelled."""

    CSS_PATH = "block_picker.tcss"

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, session: Session, bank: QuestionBank, current_id: str) -> None:
        super().__init__()
        self._session = session
        self._bank = bank
        self._current_id = current_id

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Go to block", classes="picker-title")
            yield BlockList(self._session, self._bank, self._current_id, id="picker-list")
            yield Label("↑↓ choose · Enter go · 1–9 jump · Esc cancel", classes="picker-help")

    def on_mount(self) -> None:
        self.query_one(BlockList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def on_key(self, event: Key) -> None:
        if event.character and event.character in "123456789":
            event.stop()
            self.dismiss(self._bank.block_by_number(int(event.character)).id)

    def action_cancel(self) -> None:
        self.dismiss(None)

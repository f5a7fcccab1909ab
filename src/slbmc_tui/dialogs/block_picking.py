"""What every "go to block" dialog shares: Enter picks, a digit jumps, Escape cancels."""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.events import Key
from textual.screen import ModalScreen
from textual.widgets import OptionList

from slbmc_tui.i18n import N_

PICKER_HELP = N_("↑↓ choose · Enter go · 1–9 jump · Esc cancel")
"""Marked only: show it with `_(PICKER_HELP)`."""


class BlockPickerBase(ModalScreen[str | None]):
    """Returns the chosen block's id, or None when cancelled; subclasses list the blocks."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"))]

    def _block_id_for_number(self, number: int) -> str | None:
        """The id of the block a digit jumps to, or None when there is no such block."""
        raise NotImplementedError

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def on_key(self, event: Key) -> None:
        if event.character and event.character in "123456789":
            block_id = self._block_id_for_number(int(event.character))
            if block_id is not None:
                event.stop()
                self.dismiss(block_id)

    def action_cancel(self) -> None:
        self.dismiss(None)

"""Go to block, for the compare screen: the nine blocks with how much they differ."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import Key
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from slbmc_tui.domain.compare import BlockComparison


def block_summary(block: BlockComparison) -> str:
    """A block's line in the list: number, title and what stands out in it."""
    notes = []
    if block.differing_count:
        notes.append(f"{block.differing_count} differ")
    if block.partial_count:
        notes.append(f"{block.partial_count} partial")
    suffix = f"  ({', '.join(notes)})" if notes else "  (all agree)"
    return f"{block.block.number}. {block.block.title}{suffix}"


class CompareBlockPicker(ModalScreen[str | None]):
    """Returns the chosen block's id, or None when cancelled."""

    CSS_PATH = "compare_blocks.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, blocks: Sequence[BlockComparison], current_id: str) -> None:
        super().__init__()
        self._blocks = tuple(blocks)
        self._current_id = current_id

    def compose(self) -> ComposeResult:
        with Vertical(id="compare-blocks"):
            yield Label("Go to block", classes="picker-title")
            yield OptionList(
                *(Option(block_summary(b), id=b.block.id) for b in self._blocks),
                id="compare-blocks-list",
            )
            yield Label("↑↓ choose · Enter go · 1–9 jump · Esc cancel", classes="picker-help")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        ids = [b.block.id for b in self._blocks]
        options.highlighted = ids.index(self._current_id) if self._current_id in ids else 0
        options.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def on_key(self, event: Key) -> None:
        if event.character and event.character in "123456789":
            number = int(event.character)
            match = next((b for b in self._blocks if b.block.number == number), None)
            if match:
                event.stop()
                self.dismiss(match.block.id)

    def action_cancel(self) -> None:
        self.dismiss(None)

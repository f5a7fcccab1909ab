"""Go to block, for the compare screen: the nine blocks with how much they differ."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from slbmc_tui.dialogs.block_picking import PICKER_HELP, BlockPickerBase
from slbmc_tui.domain.compare import BlockComparison
from slbmc_tui.i18n import _
from slbmc_tui.text.safe import visible_line


def block_summary(block: BlockComparison) -> str:
    """A block's line in the list: number, title and what stands out in it."""
    notes = []
    if block.differing_count:
        notes.append(_("{count} differ").format(count=block.differing_count))
    if block.partial_count:
        notes.append(_("{count} partial").format(count=block.partial_count))
    suffix = f"  ({', '.join(notes)})" if notes else "  (" + _("all agree") + ")"
    return f"{block.block.number}. {block.block.title}{suffix}"


class CompareBlockPicker(BlockPickerBase):
    """Returns the chosen block's id, or None when cancelled."""

    CSS_PATH = "compare_blocks.tcss"

    def __init__(self, blocks: Sequence[BlockComparison], current_id: str) -> None:
        super().__init__()
        self._blocks = tuple(blocks)
        self._current_id = current_id

    def compose(self) -> ComposeResult:
        with Vertical(id="compare-blocks"):
            yield Label(_("Go to block"), classes="picker-title")
            yield OptionList(
                *(Option(Content(visible_line(block_summary(b))), id=b.block.id)
                  for b in self._blocks),
                id="compare-blocks-list",
            )
            yield Label(_(PICKER_HELP), classes="picker-help")


    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        ids = [b.block.id for b in self._blocks]
        options.highlighted = ids.index(self._current_id) if self._current_id in ids else 0
        options.focus()

    def _block_id_for_number(self, number: int) -> str | None:
        match = next((b for b in self._blocks if b.block.number == number), None)
        return match.block.id if match else None

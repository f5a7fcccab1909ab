"""The block list: number, title and answered/total of every block, current one marked.

Used both as the interview's sidebar and inside the go-to-block dialog.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from slbmc_tui.domain.bank import Block, QuestionBank
from slbmc_tui.domain.session import Session
from slbmc_tui.text.safe import visible_line


def block_line(session: Session, block: Block, *, current: bool) -> Text:
    """`▸ 3  4/12  Value creation`: a tidy table row, one line, the current block marked."""
    answered, total = session.block_progress(block)
    done = bool(total) and answered == total
    line = Text(no_wrap=True, overflow="ellipsis")
    line.append("▸ " if current else "  ", style="bold")
    line.append(f"{block.number}  ", style="bold")
    line.append(f"{answered:>2}/{total:<2}", style="green" if done else "dim")
    line.append("  ")
    line.append(visible_line(block.title), style="bold" if current else "")
    return line


class BlockList(OptionList):
    """Blocks in the bank's order; choosing one posts OptionList.OptionSelected (id = block id)."""

    def __init__(self, session: Session, bank: QuestionBank, current_id: str, *,
                 id: str | None = None) -> None:
        super().__init__(id=id, classes="block-list")
        self._session = session
        self._bank = bank
        self.current_id = current_id

    def on_mount(self) -> None:
        self.refresh_blocks()

    def refresh_blocks(self, current_id: str | None = None) -> None:
        """Rebuild the nine lines (progress changes as answers are typed)."""
        if current_id is not None:
            self.current_id = current_id
        highlighted = self.highlighted
        blocks = self._bank.ordered_blocks
        self.clear_options()
        self.add_options(
            Option(block_line(self._session, block, current=block.id == self.current_id),
                   id=block.id)
            for block in blocks
        )
        current = next((i for i, b in enumerate(blocks) if b.id == self.current_id), 0)
        self.highlighted = current if highlighted is None or current_id is not None else highlighted

"""Go to…: the nine blocks (a digit jumps straight) and the interview's views (a letter).

The views are the ones F1–F5 open too; F-keys need Fn on many laptops, and every Ctrl
letter is taken or is an editing key, so this overlay is the way to them that needs
neither. Its letters are listed beside the views (keymap.GO_TO_VIEWS), so nobody has to
remember them.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.events import Key
from textual.widgets import Label, Static

from slbmc_tui.dialogs.block_picking import BlockPickerBase
from slbmc_tui.domain.bank import QuestionBank
from slbmc_tui.domain.session import Session
from slbmc_tui.i18n import N_, _
from slbmc_tui.keymap import GO_TO_VIEWS
from slbmc_tui.widgets.block_list import BlockList

VIEW_PREFIX = "view:"
"""What the picker returns for a view: `view:` and the screen's action (`view:canvas`)."""

GO_TO_HELP = N_("↑↓ choose · Enter or 1–9 a block · a letter a view · Esc cancel")


def view_action(choice: str | None) -> str | None:
    """The screen action a choice of the picker names, or None when it names a block."""
    if choice is not None and choice.startswith(VIEW_PREFIX):
        return choice.removeprefix(VIEW_PREFIX)
    return None


def views_table() -> Table:
    """The views two to a line, each with its letter: `c  Canvas    o  Open questions`."""
    table = Table.grid(padding=(0, 1))
    for _column in range(2):
        table.add_column(style="bold", no_wrap=True)
        table.add_column(no_wrap=True, overflow="ellipsis", ratio=1)
    cells = [(Text(letter), Text(_(name))) for letter, _action, name, _help in GO_TO_VIEWS]
    for left, right in zip(cells[::2], [*cells[1::2], (Text(""), Text(""))], strict=False):
        table.add_row(*left, *right)
    return table


class BlockPicker(BlockPickerBase):
    """Returns the chosen block's id, `view:<action>` for a view, or None when cancelled."""

    CSS_PATH = "block_picker.tcss"

    def __init__(self, session: Session, bank: QuestionBank, current_id: str) -> None:
        super().__init__()
        self._session = session
        self._bank = bank
        self._current_id = current_id

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(_("Go to…"), classes="picker-title")
            yield BlockList(self._session, self._bank, self._current_id, id="picker-list")
            yield Static(views_table(), id="picker-views")
            yield Label(_(GO_TO_HELP), classes="picker-help")

    def on_mount(self) -> None:
        self.query_one(BlockList).focus()

    def _block_id_for_number(self, number: int) -> str | None:
        return self._bank.block_by_number(number).id

    def on_key(self, event: Key) -> None:
        # The base class's handler (digits) runs after this one, unless a view was chosen.
        letter = (event.character or "").casefold()
        action = next((view for key, view, *_rest in GO_TO_VIEWS if key == letter), None)
        if action is not None:
            event.stop()
            event.prevent_default()
            self.dismiss(VIEW_PREFIX + action)

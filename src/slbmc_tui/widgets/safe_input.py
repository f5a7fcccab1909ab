"""An Input that shows control characters instead of sending them to the terminal.

Textual 8.2.8's Input draws its value as `rich.text.Text(value)`: ESC and the C1 controls
go to the terminal raw, and its cursor counts them zero cells wide. A value can hold them
when it comes from the command line (`slbmc new --title ...`) or a paste. Here each
control is drawn as one visible character one cell wide (`visible_cells`), the cursor
and the mouse measure that same shown text, and a paste loses its terminal codes as in
the answer editors (`SafeTextArea`). `value` is never changed by drawing it.
"""

from __future__ import annotations

from rich.cells import cell_len, get_character_cell_size
from rich.text import Text
from textual import events
from textual.expand_tabs import expand_tabs_inline
from textual.widgets import Input

from slbmc_tui.text.safe import visible_cells, without_terminal_controls


class SafeInput(Input):
    """A one-line field for untrusted text: controls drawn visibly, pastes cleaned."""

    @property
    def _value(self) -> Text:
        if self.password:
            return super()._value
        text = Text(visible_cells(self.value), no_wrap=True, overflow="ignore", end="")
        return self.highlighter(text) if self.highlighter is not None else text

    def _position_to_cell(self, position: int) -> int:
        return cell_len(expand_tabs_inline(visible_cells(self.value[:position]), 4))

    def _cell_offset_to_index(self, offset: int) -> int:
        cell_offset = 0
        offset += self.scroll_offset.x
        for index, char in enumerate(visible_cells(self.value)):
            width = get_character_cell_size(char)
            if cell_offset <= offset < cell_offset + width:
                return index
            cell_offset += width
        return max(0, min(offset, len(self.value)))

    def _on_paste(self, event: events.Paste) -> None:
        """A paste keeps its first line's words, not the terminal codes it carried
        (the user's own action; see `SafeTextArea._on_paste`)."""
        cleaned = without_terminal_controls(event.text)
        if cleaned == event.text:
            return  # Input's own handler takes it
        event.prevent_default()
        event.stop()
        if not cleaned:
            return
        line = cleaned.splitlines()[0] if cleaned.splitlines() else ""
        if self.selection.is_empty:
            self.insert_text_at_cursor(line)
        else:
            self.replace(line, *self.selection)

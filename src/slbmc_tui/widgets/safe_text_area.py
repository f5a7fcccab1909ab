"""A TextArea that shows control characters instead of sending them to the terminal.

Textual 8.2.8's TextArea renders each line as `rich.text.Text(line)`: Rich drops BEL, BS,
VT, FF and CR from it (so the characters after them are drawn one column early, and the
cursor and selection land on the wrong characters), and passes ESC and the C1 controls to
the terminal raw (an answer holding `ESC ] 52 ; c ; ...` writes the user's clipboard). Its
wrapping and cursor arithmetic also count every control as zero cells wide.

Here every control is drawn as one visible character one cell wide (`visible_cells`: ␛, ␇,
�), and the wrapping, the cursor and the mouse measure that same shown line, so columns in
the document and on screen agree. The document itself is untouched: `text` is exactly
what was typed or loaded.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import overload

from rich.text import Text
from textual import events
from textual._cells import cell_len, cell_width_to_column_index
from textual.document._document import DocumentBase
from textual.document._document_navigator import DocumentNavigator
from textual.document._wrapped_document import WrappedDocument
from textual.expand_tabs import expand_tabs_inline
from textual.widgets import TextArea

from slbmc_tui.text.safe import visible_cells, without_terminal_controls


class _ShownLines(Sequence[str]):
    """The document's lines as shown, computed only for the lines asked for."""

    def __init__(self, document: DocumentBase) -> None:
        self._document = document

    def __len__(self) -> int:
        return self._document.line_count

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [visible_cells(line) for line in self._document.lines[index]]
        return visible_cells(self._document[index])

    def __iter__(self) -> Iterator[str]:
        return (visible_cells(line) for line in self._document.lines)


class ShownDocument:
    """What wrapping and cursor movement read: the document's lines as drawn.

    Only the reading side of a document that `WrappedDocument` and `DocumentNavigator` use;
    every line has the same length as in the document, so every location means the same.
    """

    def __init__(self, document: DocumentBase) -> None:
        self._document = document
        self.lines = _ShownLines(document)

    @property
    def line_count(self) -> int:
        return self._document.line_count

    def get_line(self, index: int) -> str:
        return visible_cells(self._document.get_line(index))

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        return self.lines[index]


class SafeTextArea(TextArea):
    """A TextArea for untrusted text: controls drawn visibly, pastes without terminal codes."""

    def _set_document(self, text: str, language: str | None) -> None:
        # Textual builds its wrapping view of the document here (a private hook; Textual is
        # pinned, and tests/test_safe_text_area.py fails if the hook moves).
        super()._set_document(text, language)
        shown = ShownDocument(self.document)
        self.wrapped_document = WrappedDocument(shown,  # type: ignore[arg-type]
                                                tab_width=self.indent_width)
        self.navigator = DocumentNavigator(self.wrapped_document)
        self._rewrap_and_refresh_virtual_size()

    def get_line(self, line_index: int) -> Text:
        return Text(visible_cells(self.document.get_line(line_index)), end="", no_wrap=True)

    def get_column_width(self, row: int, column: int) -> int:
        line = visible_cells(self.document[row])
        return cell_len(expand_tabs_inline(line[:column], self.indent_width))

    def cell_width_to_column_index(self, cell_width: int, row_index: int) -> int:
        line = visible_cells(self.document[row_index])
        return cell_width_to_column_index(line, cell_width, self.indent_width)

    async def _on_paste(self, event: events.Paste) -> None:
        """A paste keeps its words and line breaks, not the terminal codes it carried.

        Pasting is the user's own action, so this is not rewriting their words: escape
        sequences and other controls in a clipboard come from terminal output (colours,
        titles) and are never text anyone meant to type. What is already in the document,
        or loaded from a file, is never changed. A clean paste is left to TextArea.
        """
        cleaned = without_terminal_controls(event.text)
        if cleaned == event.text:
            return
        event.prevent_default()  # TextArea's own handler would insert the raw text
        if self.read_only:
            return
        if result := self._replace_via_keyboard(cleaned, *self.selection):
            self.move_cursor(result.end_location)
            self.focus()

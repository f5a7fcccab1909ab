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

from collections.abc import Iterable, Iterator, Sequence
from typing import overload

from rich.containers import Lines
from rich.text import Text
from textual import events
from textual._cells import cell_len, cell_width_to_column_index
from textual.document._document import DocumentBase
from textual.document._document_navigator import DocumentNavigator
from textual.document._wrapped_document import WrappedDocument
from textual.expand_tabs import expand_tabs_inline
from textual.strip import Strip
from textual.widgets import TextArea

from slbmc_tui.text.safe import visible_cells, without_terminal_controls


class _OneSectionLine(Text):
    """A document line that, cut at its wrap offsets, builds only the section being drawn.

    TextArea draws a wrapped line one screen row at a time, and for every row it divides
    the whole line into all of its rows (`Text.divide`) to keep one. For a 1 MB paste
    without line breaks that is ~18,000 Text objects per row drawn, most of a second per
    key (bench/bench_long_line.py). The rows not drawn are only asked for their tabs, so
    on a line without tabs they can all be one empty Text.
    """

    wanted_section: int | None = None

    def divide(self, offsets: Iterable[int]) -> Lines:
        wanted, cuts = self.wanted_section, list(offsets)
        if wanted is None or not cuts or wanted > len(cuts) or "\t" in self.plain:
            return super().divide(cuts)
        bounds = [0, *cuts, len(self.plain)]
        start, end = bounds[wanted], bounds[wanted + 1]
        sections = [Text("")] * (len(bounds) - 1)
        sections[wanted] = super().divide([start, end])[1]
        return Lines(sections)


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


class _ShownWrapping(WrappedDocument):
    """Wrapping over the shown lines; a line's rows cut from the string directly.

    Textual's `get_sections` builds a Text per row of the line to read back its string:
    on a 1 MB line a third of each key's time, for what a slice does.
    """

    def get_sections(self, line_index: int) -> list[str]:
        line = self.document[line_index]
        bounds = [0, *self._wrap_offsets[line_index], len(line)]
        return [line[start:end] for start, end in zip(bounds, bounds[1:], strict=False)]


class SafeTextArea(TextArea):
    """A TextArea for untrusted text: controls drawn visibly, pastes without terminal codes."""

    _drawing_section: int | None = None
    _last_line: str | None = None
    _last_shown = ""

    def _set_document(self, text: str, language: str | None) -> None:
        # Textual builds its wrapping view of the document here (a private hook; Textual is
        # pinned, and tests/test_safe_text_area.py fails if the hook moves).
        super()._set_document(text, language)
        shown = ShownDocument(self.document)
        self.wrapped_document = _ShownWrapping(shown,  # type: ignore[arg-type]
                                               tab_width=self.indent_width)
        self.navigator = DocumentNavigator(self.wrapped_document)
        self._rewrap_and_refresh_virtual_size()

    def get_line(self, line_index: int) -> Text:
        line = _OneSectionLine(self._shown(self.document.get_line(line_index)), end="",
                               no_wrap=True)
        line.wanted_section = self._drawing_section
        return line

    def _render_line(self, y: int) -> Strip:
        # Which section of its document line row `y` shows, for `_OneSectionLine`.
        offsets = self.wrapped_document._offset_to_line_info
        row = y + self.scroll_offset.y
        self._drawing_section = offsets[row][1] if 0 <= row < len(offsets) else None
        try:
            return super()._render_line(y)
        finally:
            self._drawing_section = None

    def _shown(self, line: str) -> str:
        """`visible_cells(line)`, kept for the last line asked: a long line is drawn a row
        at a time, and scanning it once per row cost as much as drawing it."""
        if line is not self._last_line:
            self._last_line, self._last_shown = line, visible_cells(line)
        return self._last_shown

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

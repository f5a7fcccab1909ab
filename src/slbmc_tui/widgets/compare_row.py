"""One prompt of the compare screen: the question, then one answer cell per visible session.

Rows and cells are created once and refilled when the block, the filters or the visible
columns change, so switching blocks never rebuilds the widget tree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.events import Click
from textual.message import Message
from textual.widgets import Static

from slbmc_tui.domain.compare import Cell, PromptComparison
from slbmc_tui.i18n import N_, _
from slbmc_tui.screens.translated import translate_bindings
from slbmc_tui.text.safe import visible_block, visible_line

PREVIEW_CHARS = 480


def cell_content(cell: Cell, needs_research_label: str, full: bool = True) -> Content:
    """An answer as shown in a cell: ticked options, the text, the research flag.

    Other cells than the cursor's show a preview: wrapping kilobytes of text that the cell's height
    would hide anyway is what makes a block of eight long sessions slow to paint.
    """
    parts: list[str | tuple[str, str]] = []
    if cell.needs_research:
        parts.append((f"⚑ {visible_line(needs_research_label)}\n", "bold"))
    if cell.options:
        parts.append(("☑ " + visible_line(", ".join(cell.options))
                      + ("\n" if cell.text.strip() else ""),
                      "italic"))
    text = visible_block(cell.text.strip("\n"))
    if text.strip():
        if not full and len(text) > PREVIEW_CHARS:
            parts += [text[:PREVIEW_CHARS].rstrip(), ("…", "bold")]
        else:
            parts.append(text)
    elif not cell.options:
        parts.append(("— " + _("no answer"), "italic"))
    return Content.assemble(*parts)


def foreign_note(row: PromptComparison) -> str:
    """Where a question only another session's bank asks comes from, and how it is worded."""
    bank = visible_line(row.asked_in)
    if row.bank_missing:
        return "? " + _("Question bank {bank} could not be found: the question is shown by "
                        "its id").format(bank=bank)
    if row.unworded:
        return "? " + _("No longer in question bank {bank}: the question is shown by its "
                        "id").format(bank=bank)
    return "⇄ " + _("Asked only in question bank {bank}").format(bank=bank)


class AnswerCell(Static):
    """One session's answer to one prompt.

    The screen's cursor, not focus, marks the current cell: moving focus between widgets
    re-renders the footer on every arrow key, moving a class does not.
    """

    @dataclass
    class Clicked(Message):
        """The user clicked this cell: the screen moves its cursor here."""

        cell: AnswerCell

    def __init__(self, row_index: int, slot: int) -> None:
        super().__init__("", classes="answer-cell", markup=False)
        self.row_index = row_index
        self.slot = slot
        self.column = slot
        self._cell: Cell | None = None
        self._research_label = ""

    @property
    def is_cursor(self) -> bool:
        return self.has_class("-cursor")

    def show(self, cell: Cell, column: int, partial_row: bool, needs_research_label: str) -> None:
        self.column = column
        self._cell, self._research_label = cell, needs_research_label
        self.update(cell_content(cell, needs_research_label, full=self.is_cursor))
        self.set_class(not cell.answered, "-unanswered")
        self.set_class(partial_row and not cell.answered, "-missing")
        self.set_class(cell.needs_research, "-research")
        self.display = True

    def set_cursor(self, on: bool) -> None:
        """Mark or unmark this cell as the cursor; the cursor cell shows its whole answer."""
        if on == self.is_cursor:
            return
        self.set_class(on, "-cursor")
        if self._cell and len(self._cell.text) > PREVIEW_CHARS:
            self.update(cell_content(self._cell, self._research_label, full=on))

    def on_click(self, event: Click) -> None:
        self.post_message(self.Clicked(self))


class PromptRow(Vertical):
    """A prompt heading (with its perspective heading when it opens a group) and its cells."""

    def __init__(self, row_index: int, slots: int) -> None:
        super().__init__(classes="prompt-row")
        self.row_index = row_index
        self.comparison: PromptComparison | None = None
        self._group_heading = Static("", classes="group-heading", markup=False)
        self._prompt = Static("", classes="prompt-text", markup=False)
        self.cells = [AnswerCell(row_index, slot) for slot in range(slots)]

    def compose(self) -> ComposeResult:
        yield self._group_heading
        yield self._prompt
        with Horizontal(classes="cells"):
            yield from self.cells

    def show(self, row: PromptComparison, group_heading: str | None, columns: Sequence[int],
             needs_research_label: str) -> None:
        """Fill the row with a prompt and the cells of the given session columns."""
        self.comparison = row
        self._group_heading.display = group_heading is not None
        self.set_class(group_heading is not None, "-opens-group")
        if group_heading is not None:
            self._group_heading.update(visible_line(group_heading))
        marks: list[tuple[str, str]] = []
        if row.partial:
            marks.append(("  ◐ " + _("answered in {count} of {total}").format(
                count=row.answered_count, total=len(row.cells)), "bold"))
        elif row.differs:
            marks.append(("  ≠ " + _("answers differ"), "bold"))
        if row.foreign:
            marks.append(("\n" + foreign_note(row), "italic"))
        self._prompt.update(Content.assemble(visible_block(row.prompt.text), *marks))
        self.set_class(row.partial, "-partial")
        self.set_class(row.differs and not row.partial, "-differs")
        for slot, cell_widget in enumerate(self.cells):
            if slot < len(columns):
                column = columns[slot]
                cell_widget.show(row.cells[column], column, row.partial, needs_research_label)
            else:
                cell_widget.display = False
        self.display = True


class CompareBody(VerticalScroll, can_focus=True):
    """The scrolling list of prompt rows; arrows move the screen's cell cursor, not the view."""

    BINDINGS = [
        Binding("up", "screen.move_cell(0, -1)", N_("Cell above"), show=False),
        Binding("down", "screen.move_cell(0, 1)", N_("Cell below"), show=False),
        Binding("left", "screen.move_cell(-1, 0)", N_("Cell left"), show=False),
        Binding("right", "screen.move_cell(1, 0)", N_("Cell right"), show=False),
        Binding("enter", "screen.open_cell", N_("Open")),
    ]

    def on_mount(self) -> None:
        translate_bindings(self)  # a widget's own keys, for the Footer, in the language

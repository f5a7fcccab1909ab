"""The start screen's table of sessions: it draws only the rows on screen.

A DataTable keeps a row object per row and measures every cell it is given: 12,500 rows (a
folder of 10,000 sessions) took over a second to add, and each key typed in the filter
waited for the table to be rebuilt. This table holds the listing's rows as they are and
makes the cells of a row only when that row is drawn (about forty at a time), so showing,
filtering and scrolling cost the same for ten sessions or ten thousand. It looks and moves
like the DataTable it replaced: the same header, cursor and focus styles, arrow keys, page
keys, Home/End, a click to move, a click on the cursor's row (or Enter) to choose.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar, Generic, TypeVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from slbmc_tui.i18n import N_

Cells = tuple[Text | str, ...]
RowT = TypeVar("RowT")


class SessionTable(ScrollView, Generic[RowT], can_focus=True):
    """Rows with a key each, a fixed header, a row cursor; cells made only when drawn."""

    DEFAULT_CSS = """
    SessionTable {
        background: $surface;
        color: $foreground;
        height: auto;
        max-height: 100%;
        &:focus {
            background-tint: $foreground 5%;
            & > .session-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .session-table--header {
                background-tint: $foreground 5%;
            }
        }
        & > .session-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        &:ansi > .session-table--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        & > .session-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"session-table--header", "session-table--cursor"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor_up", N_("Up"), show=False),
        Binding("down", "cursor_down", N_("Down"), show=False),
        Binding("pageup", "page_up", N_("Page up"), show=False),
        Binding("pagedown", "page_down", N_("Page down"), show=False),
        Binding("home,ctrl+home", "first", N_("First row"), show=False),
        Binding("end,ctrl+end", "last", N_("Last row"), show=False),
        Binding("enter", "choose", N_("Open"), show=False),
    ]

    class Chosen(Message):
        """Enter, or a click on the cursor's row: the row `key` was chosen."""

        def __init__(self, table: SessionTable[object], key: str) -> None:
            super().__init__()
            self.table = table
            self.key = key

        @property
        def control(self) -> SessionTable[object]:
            return self.table

    def __init__(self, *, id: str | None = None, classes: str = "") -> None:
        super().__init__(id=id, classes=classes)
        self._rows: Sequence[RowT] = ()
        self._key: Callable[[RowT], str] = str
        self._cells: Callable[[RowT], Cells] = lambda row: ()
        self._labels: tuple[str, ...] = ()
        self._widths: tuple[int, ...] = ()
        self._index: dict[str, int] | None = None
        self._cursor = 0

    # -- contents ----------------------------------------------------------------------

    def show_rows(self, rows: Sequence[RowT], *, key: Callable[[RowT], str],
                  cells: Callable[[RowT], Cells], columns: Sequence[tuple[str, int]],
                  cursor: int = 0) -> None:
        """Show `rows` (kept as given, not copied) under the column labels and widths."""
        self._rows = rows
        self._key = key
        self._cells = cells
        self._labels = tuple(label for label, _width in columns)
        self._widths = tuple(width for _label, width in columns)
        self._index = None
        self._cursor = max(0, min(cursor, len(rows) - 1))
        size = Size(sum(w + 2 for w in self._widths), len(rows) + 1)
        if size != self.virtual_size:
            self.virtual_size = size
            self.refresh(layout=True)  # the table's height follows its rows
        else:
            self.refresh()
        self.call_after_refresh(self._scroll_for_new_rows)

    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def cursor_row(self) -> int:
        return self._cursor

    @property
    def column_widths(self) -> tuple[int, ...]:
        return self._widths

    def row_at(self, index: int) -> RowT:
        return self._rows[index]

    def key_at(self, index: int) -> str:
        return self._key(self._rows[index])

    def cells_at(self, index: int) -> Cells:
        """The cells row `index` is drawn with."""
        return self._cells(self._rows[index])

    def index_of(self, key: str) -> int | None:
        """The row with `key`, or None (a dict of keys is made on the first question)."""
        if self._index is None:
            self._index = {self._key(row): n for n, row in enumerate(self._rows)}
        return self._index.get(key)

    @property
    def selected_key(self) -> str | None:
        return self.key_at(self._cursor) if self._rows else None

    # -- the cursor --------------------------------------------------------------------

    def move_cursor(self, row: int) -> None:
        """Put the cursor on row `row` (kept within the rows) and scroll it into view."""
        row = max(0, min(row, len(self._rows) - 1))
        if row != self._cursor:
            self.refresh_line(self._cursor + 1)
            self._cursor = row
            self.refresh_line(row + 1)
        self.scroll_to_cursor()

    @property
    def _page(self) -> int:
        """Rows that fit below the header."""
        return max(1, self.scrollable_content_region.height - 1)

    def _scroll_for_new_rows(self) -> None:
        """From the top when the cursor is on the first page (its model's heading shows),
        else just enough to show the cursor."""
        if self._cursor < self._page:
            self.scroll_to(y=0, animate=False, force=True)
        else:
            self.scroll_to_cursor()

    def scroll_to_cursor(self) -> None:
        top = round(self.scroll_y)
        if self._cursor < top:
            self.scroll_to(y=self._cursor, animate=False, force=True)
        elif self._cursor >= top + self._page:
            self.scroll_to(y=self._cursor - self._page + 1, animate=False, force=True)

    def action_cursor_up(self) -> None:
        self.move_cursor(self._cursor - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(self._cursor + 1)

    def action_page_up(self) -> None:
        self.move_cursor(self._cursor - self._page)

    def action_page_down(self) -> None:
        self.move_cursor(self._cursor + self._page)

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(len(self._rows) - 1)

    def action_choose(self) -> None:
        if self._rows:
            self.post_message(self.Chosen(self, self.key_at(self._cursor)))  # type: ignore[arg-type]

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1:
            return  # the header
        row = round(self.scroll_y) + offset.y - 1
        if row >= len(self._rows):
            return
        event.stop()
        if row == self._cursor:
            self.action_choose()
        else:
            self.move_cursor(row)

    # -- drawing -----------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.size.width
        base = self.rich_style
        if y == 0:
            header = self.get_component_rich_style("session-table--header")
            strip = self._strip(-1, self._labels, base + header, Style.null(), Style.null(),
                                width)
        else:
            row = scroll_y + y - 1
            if row >= len(self._rows):
                return Strip.blank(width, base)
            if row == self._cursor:
                cursor = self.get_component_rich_style("session-table--cursor")
                strip = self._strip(row, self.cells_at(row), base, cursor,
                                    Style.from_color(color=cursor.color), width)
            else:
                strip = self._strip(row, self.cells_at(row), base, Style.null(), Style.null(),
                                    width)
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def _strip(self, row: int, cells: Sequence[Text | str], row_style: Style,
               component: Style, post: Style, width: int) -> Strip:
        """One row as DataTable draws it: each cell padded by one space either side, and
        marked with its row and column (so the screen's cells group as they always have)."""
        console = self.app.console
        segments: list[Segment] = []
        for column, (cell, cell_width) in enumerate(zip(cells, self._widths, strict=False)):
            style = row_style + Style.from_meta({"row": row, "column": column}) + component
            text = cell.copy() if isinstance(cell, Text) else Text(cell)
            text.no_wrap = True
            text.truncate(cell_width, overflow="crop")
            drawn = text.render(console)  # the spans' styles; the text's own style below
            if text.style:
                drawn = Segment.apply_style(drawn, console.get_style(text.style))
            pieces = [Segment(" "), *drawn, Segment(" " * (cell_width - text.cell_len + 1))]
            segments.extend(Segment.apply_style(pieces, style, post or None))
        table_width = sum(w + 2 for w in self._widths)
        segments.append(Segment(" " * max(0, width - table_width), row_style + component
                                + Style.from_meta({"row": row, "column": 0,
                                                   "out_of_bounds": True})))
        return Strip(segments).simplify()

"""Compare screen: the profiles of a model side by side, one block at a time.

Only the current block is on screen and the row widgets are reused, so opening eight
large sessions paints at once; at most a few session columns show, each wrapping its
text, and `[` / `]` page through the rest (arrows page too when they reach an edge).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Footer, Static

from slbmc_tui.dialogs.compare_blocks import CompareBlockPicker
from slbmc_tui.domain.bank import Perspective
from slbmc_tui.domain.compare import Comparison, PromptComparison
from slbmc_tui.domain.session import Position
from slbmc_tui.i18n import N_, _, ngettext
from slbmc_tui.messages import OpenSessionRequested
from slbmc_tui.services.workspace import LoadedComparison, load_comparison
from slbmc_tui.text.safe import visible_line
from slbmc_tui.widgets.compare_row import AnswerCell, CompareBody, PromptRow

MIN_COLUMN_WIDTH = 28
MAX_VISIBLE_COLUMNS = 6


class CompareScreen(Screen[None]):
    """Sessions side by side, prompt by prompt, for one block at a time."""

    CSS_PATH = "compare.tcss"
    BINDINGS = [
        Binding("escape", "back", N_("Back")),
        # Priority: the scrolling body binds these keys to horizontal paging.
        Binding("ctrl+pagedown", "next_block", N_("Next block"), key_display="^PgDn",
                priority=True),
        Binding("alt+right", "next_block", N_("Next block"), show=False),
        Binding("ctrl+pageup", "previous_block", N_("Previous block"), key_display="^PgUp",
                show=False, priority=True),
        Binding("alt+left", "previous_block", N_("Previous block"), show=False),
        Binding("ctrl+g", "go_to_block", N_("Go to block")),
        Binding("o", "toggle_view('ours')", N_("Ours only")),
        Binding("c", "toggle_view('customer')", N_("Customer only")),
        Binding("d", "toggle_differs", N_("Differing only")),
        Binding("left_square_bracket", "page_columns(-1)", N_("Earlier sessions"),
                show=False),
        Binding("right_square_bracket", "page_columns(1)", N_("More sessions"),
                show=False),
    ]

    def __init__(self, paths: Sequence[Path], *, start_block: str | None = None,
                 problems: Sequence[str] = ()) -> None:
        super().__init__()
        self._paths = tuple(paths)
        self._start_block = start_block
        self._early_problems = tuple(problems)
        self.comparison: Comparison | None = None
        self.session_paths: tuple[Path, ...] = ()
        self.block_index = 0
        self.view: Perspective | None = None
        self.differs_only = False
        self.column_offset = 0
        self.cursor_row = 0
        self.cursor_column = 0
        self.visible_rows: list[PromptComparison] = []
        self._rows: list[PromptRow] = []
        self._heads: list[Static] = []
        self._last_page_size: int | bool = 0
        self._cursor_widget: AnswerCell | None = None
        self._reloading = False

    def compose(self) -> ComposeResult:
        yield Static(_("Loading sessions…"), id="compare-title", markup=False)
        yield Static("", id="compare-status", markup=False)
        yield Horizontal(id="column-heads")
        with CompareBody(id="compare-body"):
            yield Static("", id="compare-message", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        for problem in self._early_problems:
            self.notify(problem, severity="error", timeout=10)
        self._load()

    @work(thread=True, exclusive=True, group="compare-load")
    def _load(self) -> None:
        loaded = load_comparison(self._paths)
        self.app.call_from_thread(self.call_next, self._show_loaded, loaded)

    def on_screen_resume(self) -> None:
        """Back from an interview opened from here: re-read, the answers may have changed."""
        if self.comparison is not None:
            self._reloading = True
            self._load()

    async def _show_loaded(self, loaded: LoadedComparison) -> None:
        reloading, self._reloading = self._reloading, False
        if not reloading or loaded.paths != self.session_paths:
            for problem in loaded.problems:
                self.notify(problem, severity="error", timeout=10)
        if reloading and self.comparison is not None:
            # Stay on the block the user was reading, not the one the screen opened at.
            self._start_block = self.comparison.blocks[self.block_index].block.id
            if loaded.paths != self.session_paths:
                self.cursor_column = 0
        self.comparison, self.session_paths = loaded.comparison, loaded.paths
        if self.comparison is None or not self.comparison.sessions:
            self.query_one("#compare-title", Static).update(_("Nothing to compare"))
            self._message(_("None of the sessions could be read. Press Esc to go back."))
            return
        if len(self.comparison.sessions) < 2 and not reloading:
            self.notify(_("Only one session could be read: nothing to compare it with."),
                        severity="warning")
        if self.comparison.bank_ids and not reloading:
            self.notify(_("These sessions were made from different question banks ({banks}). "
                          "Questions only one bank asks come last in their block, in that "
                          "bank's words.").format(banks=", ".join(self.comparison.bank_ids)),
                        timeout=10, markup=False)
        self.block_index = self.comparison.block_index(self._start_block or "")
        await self._render_block(focus=True)

    # -- rendering -------------------------------------------------------------

    @property
    def page_size(self) -> int:
        """How many session columns fit side by side at the current width."""
        if self.comparison is None:
            return 1
        fitting = max(1, (self.size.width - 2) // MIN_COLUMN_WIDTH)
        return min(len(self.comparison.sessions), MAX_VISIBLE_COLUMNS, fitting)

    @property
    def visible_columns(self) -> list[int]:
        count = len(self.comparison.sessions) if self.comparison else 0
        return list(range(self.column_offset, min(count, self.column_offset + self.page_size)))

    def _filtered_rows(self) -> list[tuple[PromptComparison, str | None]]:
        """The current block's prompts after the filters, each with its group heading if first."""
        assert self.comparison is not None
        block = self.comparison.blocks[self.block_index]
        rows: list[tuple[PromptComparison, str | None]] = []
        for group in block.perspectives:
            if self.view and group.perspective != self.view:
                continue
            shown = [p for p in group.prompts if p.differs or not self.differs_only]
            rows += [(p, group.label if i == 0 else None) for i, p in enumerate(shown)]
        return rows

    async def _render_block(self, focus: bool = False) -> None:
        paging_before = self.comparison is not None and self.page_size
        await self._fill_rows(focus)
        if paging_before != self._last_page_size:
            self._last_page_size = paging_before
            self.refresh_bindings()

    async def _fill_rows(self, focus: bool) -> None:
        """Refill the reused rows for the current block, filters and visible columns."""
        if self.comparison is None:
            return
        comparison = self.comparison
        self.column_offset = max(0, min(self.column_offset,
                                        len(comparison.sessions) - self.page_size))
        rows = self._filtered_rows()
        self.visible_rows = [row for row, _ in rows]
        columns = self.visible_columns
        await self._ensure_slots(len(columns))
        slots = len(self._heads)
        body = self.query_one("#compare-body", CompareBody)
        if len(rows) > len(self._rows):
            extra = [PromptRow(i, slots) for i in range(len(self._rows), len(rows))]
            self._rows += extra
            await body.mount_all(extra)
        label = comparison.bank.labels.needs_research
        for index, row_widget in enumerate(self._rows):
            if index < len(rows):
                row_widget.show(rows[index][0], rows[index][1], columns, label)
            else:
                row_widget.display = False
        for slot, head in enumerate(self._heads):
            head.display = slot < len(columns)
            if slot < len(columns):
                head.update(visible_line(comparison.labels[columns[slot]]))
        self._update_titles(len(rows))
        self._message("" if rows else self._empty_message())
        self.cursor_row = min(self.cursor_row, max(0, len(rows) - 1))
        if focus:
            self._focus_cursor()

    async def _ensure_slots(self, needed: int) -> None:
        """Have one cell widget per visible column; rebuilt only when the window widens."""
        if needed <= len(self._heads):
            return
        await self.query_one("#column-heads").remove_children()
        await self.query_one("#compare-body").remove_children(PromptRow)
        self._rows = []
        self._cursor_widget = None
        self._heads = [Static("", classes="column-head", markup=False) for _ in range(needed)]
        await self.query_one("#column-heads").mount_all(self._heads)

    def _update_titles(self, shown: int) -> None:
        assert self.comparison is not None
        comparison = self.comparison
        block = comparison.blocks[self.block_index]
        title = (_("Compare") + f" · {comparison.title} · {block.block.number}. {block.block.title}"
                 f" ({self.block_index + 1}/{len(comparison.blocks)})")
        self.query_one("#compare-title", Static).update(visible_line(title))
        self.query_one("#compare-status", Static).update(self.status_line(shown))

    def status_line(self, shown: int) -> Content:
        """The filter toggles (active ones highlighted), the column window and block counts."""
        assert self.comparison is not None
        comparison = self.comparison
        block = comparison.blocks[self.block_index]
        toggles = (("o", _("Ours only"), self.view == "ours"),
                   ("c", _("Customer only"), self.view == "customer"),
                   ("d", _("Differing only"), self.differs_only))
        parts: list[str | tuple[str, str]] = []
        for key, label, active in toggles:
            parts += [(f" {key} ", "bold"), (f" {label} ", "reverse bold" if active else ""),
                      " "]
        columns = self.visible_columns
        count = len(comparison.sessions)
        window = (_("sessions {first}–{last} of {count} ([ ])").format(
            first=columns[0] + 1, last=columns[-1] + 1, count=count)
                  if len(columns) < count else
                  ngettext("{count} session", "{count} sessions", count).format(count=count))
        parts.append("│ " + _("{shown} shown").format(shown=shown) + " · "
                     + _("{count} differ").format(count=block.differing_count) + " · "
                     + _("{count} partial").format(count=block.partial_count) + f" · {window}")
        return Content.assemble(*parts)

    def _empty_message(self) -> str:
        if self.differs_only:
            return _("No prompt differs in this block with these filters. Press d to show all "
                     "prompts, or ctrl+pagedown for the next block.")
        return _("No prompts to show with these filters.")


    def _message(self, text: str) -> None:
        message = self.query_one("#compare-message", Static)
        message.update(text)
        message.display = bool(text)

    @property
    def cursor_cell(self) -> AnswerCell | None:
        """The cell widget under the cursor, if the cursor's column is on screen."""
        slot = self.cursor_column - self.column_offset
        if not self.visible_rows or not 0 <= slot < len(self._heads):
            return None
        return self._rows[self.cursor_row].cells[slot]

    def _focus_cursor(self) -> None:
        """Move the cursor mark to (cursor_row, cursor_column) and bring that cell into view."""
        body = self.query_one("#compare-body", CompareBody)
        if self.focused is not body:
            body.focus(scroll_visible=False)
        target = self.cursor_cell
        if self._cursor_widget is not None and self._cursor_widget is not target:
            self._cursor_widget.set_cursor(False)
        self._cursor_widget = target
        if target is not None:
            target.set_cursor(True)
            body.scroll_to_widget(self._rows[self.cursor_row], animate=False, top=False)

    # -- events ----------------------------------------------------------------

    def on_answer_cell_clicked(self, event: AnswerCell.Clicked) -> None:
        self.cursor_row, self.cursor_column = event.cell.row_index, event.cell.column
        self._focus_cursor()

    async def on_resize(self, event: Resize) -> None:
        if self.comparison is None:
            return
        # Keep the cell the user is on visible when fewer columns fit.
        if not self.column_offset <= self.cursor_column < self.column_offset + self.page_size:
            self.column_offset = max(0, self.cursor_column - self.page_size + 1)
        await self._render_block(focus=self.focused is not None)

    # -- actions ---------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Column paging keys only appear when some sessions are off screen."""
        if action == "page_columns":
            return self.comparison is not None and self.page_size < len(
                self.comparison.sessions)
        return True

    def action_back(self) -> None:
        self.dismiss(None)

    async def _go_to_index(self, index: int) -> None:
        if self.comparison is None:
            return
        self.block_index = index % len(self.comparison.blocks)
        self.cursor_row = 0
        self.query_one("#compare-body", CompareBody).scroll_home(animate=False)
        await self._render_block(focus=True)

    async def action_next_block(self) -> None:
        await self._go_to_index(self.block_index + 1)

    async def action_previous_block(self) -> None:
        await self._go_to_index(self.block_index - 1)

    def action_go_to_block(self) -> None:
        if self.comparison is None:
            return
        comparison = self.comparison

        async def chosen(block_id: str | None) -> None:
            if block_id is not None:
                await self._go_to_index(comparison.block_index(block_id))

        current = comparison.blocks[self.block_index].block.id
        self.app.push_screen(CompareBlockPicker(comparison.blocks, current), chosen)

    async def action_toggle_view(self, perspective: Perspective) -> None:
        self.view = None if self.view == perspective else perspective
        await self._refilter()

    async def action_toggle_differs(self) -> None:
        self.differs_only = not self.differs_only
        await self._refilter()

    async def _refilter(self) -> None:
        """Re-apply the filters, keeping the focused prompt when it is still shown."""
        current = (self.visible_rows[self.cursor_row]
                   if self.cursor_row < len(self.visible_rows) else None)
        self.cursor_row = 0
        await self._render_block()
        if current in self.visible_rows:
            self.cursor_row = self.visible_rows.index(current)
        self._focus_cursor()

    async def action_page_columns(self, direction: int) -> None:
        if self.comparison is None:
            return
        self.column_offset += direction * self.page_size
        await self._render_block()
        self.cursor_column = min(max(self.cursor_column, self.visible_columns[0]),
                                 self.visible_columns[-1])
        self._focus_cursor()

    async def action_move_cell(self, dx: int, dy: int) -> None:
        if self.comparison is None or not self.visible_rows:
            return
        count = len(self.comparison.sessions)
        self.cursor_row = max(0, min(len(self.visible_rows) - 1, self.cursor_row + dy))
        self.cursor_column = max(0, min(count - 1, self.cursor_column + dx))
        if self.cursor_column < self.column_offset:
            self.column_offset = self.cursor_column
            await self._render_block()
        elif self.cursor_column >= self.column_offset + self.page_size:
            self.column_offset = self.cursor_column - self.page_size + 1
            await self._render_block()
        self._focus_cursor()

    def action_open_cell(self) -> None:
        """Ask the app to open the focused cell's session at that prompt."""
        if self.comparison is None or not self.visible_rows:
            return
        row = self.visible_rows[self.cursor_row]
        position = Position(block=row.block.id, perspective=row.perspective,
                            prompt=row.prompt.id)
        self.post_message(OpenSessionRequested(self.session_paths[self.cursor_column], position))

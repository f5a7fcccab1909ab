"""The whole canvas on one screen: every block, its progress and the start of its answers.

Used after (or during) an interview to see the model at a glance and to jump to a block:
Enter on a cell returns the position the interview should open.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static

from slbmc_tui.domain.bank import Block, QuestionBank
from slbmc_tui.domain.session import Position, Session
from slbmc_tui.i18n import N_, _
from slbmc_tui.screens.canvas_layout import Direction, grid_size, neighbour, placement_order
from slbmc_tui.services.editing import EditingSession
from slbmc_tui.text.safe import visible_line
from slbmc_tui.widgets.canvas_cell import CanvasCell


def canvas_heading(session: Session, bank: QuestionBank) -> str:
    """The one-line heading: which canvas this is and how far it has come."""
    meta = session.meta
    answered, total = session.progress(bank)
    open_count = len(session.open_questions(bank))
    round_text = (" (" + _("round {round}").format(round=meta.round) + ")"
                  if meta.round > 1 else "")
    research = (" · " + _("{count} to research").format(count=open_count)
                if open_count else "")
    answered_text = _("{answered}/{total} answered").format(answered=answered, total=total)
    return f"{meta.title} — {meta.profile}{round_text} · {answered_text}{research}"


class CanvasScreen(Screen[Position | None]):
    """The nine blocks in the canonical canvas layout; Enter opens a block in the interview."""

    CSS_PATH = "canvas.tcss"
    BINDINGS = [
        Binding("escape", "close", N_("Back"), tooltip=N_("Return without moving")),
        Binding("f2", "close", N_("Back"), show=False),  # f2 opened it: the same key closes it
        Binding("enter", "open_block", N_("Open block"),
                tooltip=N_("Open the block in the interview")),
        Binding("e", "canvas_line", N_("Canvas line"),
                tooltip=N_("Type the short version of an answer that the printed canvas "
                           "shows")),
        Binding("up", "move('up')", N_("Up"), show=False),
        Binding("down", "move('down')", N_("Down"), show=False),
        Binding("left", "move('left')", N_("Left"), show=False),
        Binding("right", "move('right')", N_("Right"), show=False),

    ]

    def __init__(
        self, session: Session, bank: QuestionBank, *, start_block: str = "",
        titles_inside: bool = False, editing: EditingSession | None = None,
    ) -> None:
        """`start_block` gets the focus (default: where the session stopped); with
        `editing` (the interview's), `e` types the canvas line of one of a block's answers."""
        super().__init__()
        self.editing = editing
        self.titles_inside = titles_inside
        self.session = session
        self.bank = bank
        self.start_block = start_block or (session.position.block if session.position else "")

    def compose(self) -> ComposeResult:
        yield Static(self._heading(), id="canvas-heading")
        with Container(id="canvas-grid"):
            for block in placement_order(self.bank.blocks):
                if block is None:
                    yield Static(classes="canvas-spacer")
                else:
                    yield CanvasCell(self.session, self.bank, block,
                                     title_inside=self.titles_inside)
        yield Footer()

    def on_mount(self) -> None:
        grid = self.query_one("#canvas-grid")
        grid.styles.grid_size_columns, grid.styles.grid_size_rows = grid_size(self.bank.blocks)
        cells = self.cells
        first = next((c for c in cells if c.block.id == self.start_block), None)
        if first is None:
            first = next(c for c in cells if c.block.id == self.bank.ordered_blocks[0].id)
        first.focus()

    def _heading(self) -> Text:
        heading = Text(visible_line(canvas_heading(self.session, self.bank)), no_wrap=True,
                       overflow="ellipsis")
        return heading

    @property
    def cells(self) -> list[CanvasCell]:
        return list(self.query(CanvasCell))

    def _focused_cell(self) -> CanvasCell | None:
        focused: Widget | None = self.focused
        return focused if isinstance(focused, CanvasCell) else None

    def action_move(self, direction: Direction) -> None:
        """Move focus to the block that lies in that direction on the canvas."""
        current = self._focused_cell()
        if current is None:
            self.cells[0].focus()
            return
        target = neighbour(self.bank.blocks, current.block, direction)
        if target is not None:
            self.query_one(f"#cell-{target.id}", CanvasCell).focus()

    def action_open_block(self) -> None:
        cell = self._focused_cell()
        if cell is not None:
            self._open(cell)

    def on_canvas_cell_chosen(self, message: CanvasCell.Chosen) -> None:
        self._open(message.cell)

    def _open(self, cell: CanvasCell) -> None:
        block = cell.block
        self.dismiss(Position(block=block.id, perspective="ours", prompt=block.ours[0].id))

    def action_close(self) -> None:
        self.dismiss(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Canvas lines are typed only where the session is being edited."""
        return self.editing is not None if action == "canvas_line" else True

    def action_canvas_line(self) -> None:
        """The canvas line of one of the selected block's answers."""
        from slbmc_tui.dialogs.canvas_line import pick_and_edit_canvas_line

        cell = self._focused_cell()
        if cell is None or self.editing is None:
            return

        def done(changed: bool) -> None:
            if changed:
                self.call_later(self._rebuild, cell)
            else:
                cell.focus()

        pick_and_edit_canvas_line(self, self.editing, cell.block, done=done)

    async def _rebuild(self, cell: CanvasCell) -> None:
        """The cell again, from the session as it now stands (a canvas line changed)."""
        fresh = CanvasCell(self.session, self.bank, cell.block, title_inside=self.titles_inside)
        await cell.remove()  # first: the new cell takes over its id
        grid = self.query_one("#canvas-grid")
        following = list(grid.children)[self._slot(cell.block):]
        await grid.mount(fresh, before=following[0] if following else None)
        fresh.focus()

    def _slot(self, block: Block) -> int:
        """Where a block's cell sits among the grid's children (spacers count)."""
        order = placement_order(self.bank.blocks)
        return next(i for i, placed in enumerate(order) if placed is not None
                    and placed.id == block.id)

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

from slbmc_tui.domain.bank import QuestionBank
from slbmc_tui.domain.session import Position, Session
from slbmc_tui.i18n import N_, _
from slbmc_tui.screens.canvas_layout import Direction, grid_size, neighbour, placement_order
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
        Binding("up", "move('up')", N_("Up"), show=False),
        Binding("down", "move('down')", N_("Down"), show=False),
        Binding("left", "move('left')", N_("Left"), show=False),
        Binding("right", "move('right')", N_("Right"), show=False),

    ]

    def __init__(
        self, session: Session, bank: QuestionBank, *, start_block: str = "",
        titles_inside: bool = False,
    ) -> None:
        """`start_block` gets the focus (default: where the session stopped)."""
        super().__init__()
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

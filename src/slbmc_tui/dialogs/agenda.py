"""The agenda dialog: total minutes and a time-box per block, before or during the interview."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, NamedTuple

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from slbmc_tui.dialogs.form_keys import FORM_BINDINGS
from slbmc_tui.domain.agenda import (
    DEFAULT_TOTAL_MINUTES,
    MAX_TOTAL_MINUTES,
    Agenda,
    default_plan,
)
from slbmc_tui.domain.bank import QuestionBank
from slbmc_tui.i18n import N_, _
from slbmc_tui.text.safe import visible_line


class AgendaPlan(NamedTuple):
    total_minutes: int
    boxes: dict[str, int]


class AgendaDialog(ModalScreen[AgendaPlan | None]):
    """The plan to keep (total minutes, minutes per block), or None when cancelled.

    Opens with the session's plan, or a default split of 90 minutes by the number of
    questions per block. Changing the total and pressing ctrl+d shares it out again.
    """

    DEFAULT_CSS = """
    AgendaDialog { align: center middle; background: $background 60%; }
    AgendaDialog > #agenda-dialog {
        width: 64; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 2;
    }
    AgendaDialog #agenda-title { text-style: bold; color: $text-primary; }
    AgendaDialog .agenda-help, AgendaDialog #agenda-sum { color: $text-muted; }
    AgendaDialog #agenda-rows { height: auto; max-height: 12; }
    AgendaDialog .agenda-row { height: 1; }
    AgendaDialog .agenda-row Label { width: 1fr; height: 1; }
    AgendaDialog .agenda-row Input { width: 9; height: 1; border: none; padding: 0 1; }
    AgendaDialog #agenda-total-row { height: 1; margin: 1 0; }
    AgendaDialog #agenda-total-row Label { width: 1fr; text-style: bold; }
    AgendaDialog #agenda-total-row Input { width: 9; height: 1; border: none; padding: 0 1; }
    AgendaDialog #agenda-error { color: $text-error; }
    AgendaDialog #agenda-buttons { height: auto; align-horizontal: right; }
    AgendaDialog #agenda-buttons Button { margin-left: 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel")),
        # Priority: the focused number field would take ctrl+d (delete right) for itself.
        Binding("ctrl+d", "share", N_("Share the total by questions"), priority=True),
        Binding("ctrl+s", "save", N_("Keep this plan"), priority=True),
        *FORM_BINDINGS,
    ]

    def __init__(self, agenda: Agenda, bank: QuestionBank) -> None:
        super().__init__()
        self.bank = bank
        total = agenda.total_minutes or DEFAULT_TOTAL_MINUTES
        boxes = dict(agenda.boxes) if agenda.planned else default_plan(bank, total)
        self._start = AgendaPlan(total, boxes)

    def compose(self) -> ComposeResult:
        with Vertical(id="agenda-dialog"):
            yield Static(_("Agenda and time-boxes"), id="agenda-title")
            yield Static(_("Minutes for the interview and for each block. The clock runs "
                           "while the interview is on screen."), classes="agenda-help")
            with Horizontal(id="agenda-total-row"):
                yield Label(_("Total minutes"))
                yield Input(str(self._start.total_minutes), type="integer", id="agenda-total",
                            max_length=4)
            with VerticalScroll(id="agenda-rows"):
                for block in self.bank.ordered_blocks:
                    with Horizontal(classes="agenda-row"):
                        title = visible_line(f"{block.number}. {' '.join(block.title.split())}")
                        yield Label(title, markup=False)
                        yield Input(str(self._start.boxes.get(block.id, 0)), type="integer",
                                    id=f"box-{block.id}", max_length=4, classes="agenda-box")
            yield Static("", id="agenda-sum")
            yield Static("", id="agenda-error")
            yield Static(_("ctrl+d shares the total by questions · Enter keeps · "
                           "Esc cancels"), classes="agenda-help")
            with Horizontal(id="agenda-buttons"):
                yield Button(_("Share by questions"), id="agenda-share")
                yield Button(_("Keep plan"), id="agenda-save", variant="primary")
                yield Button(_("Cancel"), id="agenda-cancel")

    def on_mount(self) -> None:
        self._show_sum()
        self.query_one("#agenda-total", Input).focus()

    def _number(self, input_id: str) -> int | None:
        value = self.query_one(f"#{input_id}", Input).value.strip()
        if not value.isdigit():
            return None
        number = int(value)
        return number if number <= MAX_TOTAL_MINUTES else None

    def _boxes(self) -> dict[str, int | None]:
        return {b.id: self._number(f"box-{b.id}") for b in self.bank.ordered_blocks}

    @on(Input.Changed)
    def _show_sum(self) -> None:
        known = [v for v in self._boxes().values() if v is not None]
        total = self._number("agenda-total")
        note = _("Blocks add up to {minutes} min").format(minutes=sum(known))
        if total is not None and sum(known) != total:
            note += " " + _("(total {minutes} min)").format(minutes=total)
        self.query_one("#agenda-sum", Static).update(note)

    def _after_typing(self, callback: Callable[[], None]) -> None:
        """Run `callback` once the focused field has taken every key typed before it.

        ctrl+d and ctrl+s are priority keys: Textual runs them at once, while the digits
        typed just before still wait in the field's queue ("20" then ctrl+d at once read an
        empty total). Queued behind them, the action sees what the user sees.
        """
        focused = self.focused
        if focused is None or not focused.call_later(callback):
            callback()

    @on(Button.Pressed, "#agenda-share")
    def action_share(self) -> None:
        """Share the total minutes between the blocks by how many questions each asks."""
        self._after_typing(self._share)

    def _share(self) -> None:
        total = self._number("agenda-total")
        if total is None:
            self._error(_("Total minutes must be a whole number from 0 to 1440."))
            return
        for block_id, minutes in default_plan(self.bank, total).items():
            self.query_one(f"#box-{block_id}", Input).value = str(minutes)
        self._error("")

    @on(Input.Submitted)
    @on(Button.Pressed, "#agenda-save")
    def action_save(self) -> None:
        """Keep the plan as typed (after every key typed before this one)."""
        self._after_typing(self._save)

    def _save(self) -> None:
        if self.app.screen is not self:
            return  # already dismissed (Enter and ctrl+s in one burst)
        total = self._number("agenda-total")
        boxes = self._boxes()
        wrong = [b for b in self.bank.ordered_blocks if boxes[b.id] is None]
        if total is None:
            self._error(_("Total minutes must be a whole number from 0 to 1440."))
        elif wrong:
            self._error(_("Block {number}: minutes must be a whole number from 0 to "
                          "1440.").format(number=wrong[0].number))
        else:
            self.dismiss(AgendaPlan(total, {k: v or 0 for k, v in boxes.items()}))

    def _error(self, text: str) -> None:
        self.query_one("#agenda-error", Static).update(text)

    @on(Button.Pressed, "#agenda-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

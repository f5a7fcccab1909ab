"""Asks yes or no before an action that makes or moves files (new round, archive, delete)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from slbmc_tui.i18n import N_, _


class ConfirmDialog(ModalScreen[bool]):
    """True when the user confirms (y or Enter), False when not (n or Escape)."""

    CSS_PATH = "confirm.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "confirm", N_("Yes")),
        Binding("n,escape", "cancel", N_("No")),
    ]

    def __init__(self, title: str, message: Content | str, *, confirm_label: str) -> None:
        super().__init__()
        self.title_text = title
        # Messages name sessions (untrusted text): a plain str is never parsed as markup.
        self.message = message if isinstance(message, Content) else Content(message)
        self.confirm_label = confirm_label

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(Content(self.title_text), id="confirm-title")
            yield Static(self.message, id="confirm-message")
            with Horizontal(id="confirm-buttons"):
                yield Button(f"{self.confirm_label} (y)", id="confirm", variant="primary")
                yield Button(_("Cancel (n)"), id="cancel")


    def on_mount(self) -> None:
        self.query_one("#confirm", Button).focus()

    @on(Button.Pressed, "#confirm")
    def action_confirm(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)

"""Asks the name of a new customer profile for an existing model."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from slbmc_tui.i18n import N_, _
from slbmc_tui.text.safe import visible_line
from slbmc_tui.widgets.safe_input import SafeInput


class ProfileNameDialog(ModalScreen[str | None]):
    """The new profile's name, or None when cancelled."""

    CSS_PATH = "profile_name.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", N_("Cancel"))]

    def __init__(self, model_title: str, source_profile: str) -> None:
        super().__init__()
        self.model_title = model_title
        self.source_profile = source_profile

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content(visible_line(_("New customer profile for “{title}”").format(
                title=self.model_title))), id="dialog-title")
            yield Static(Content(visible_line(
                _("Copies our point of view and the details from “{profile}”; the customer's "
                  "point of view starts empty.").format(profile=self.source_profile))),
                         id="dialog-help")
            yield SafeInput(id="profile", placeholder=_("e.g. Profile 2: a relative who helps"))
            yield Static(id="profile-error", classes="error hidden")
            with Horizontal(id="buttons"):
                yield Button(_("Create profile"), id="create", variant="primary")
                yield Button(_("Cancel"), id="cancel")

    @on(Input.Submitted)
    @on(Button.Pressed, "#create")
    def action_submit(self) -> None:
        name = self.query_one("#profile", Input).value.strip()
        error = self.query_one("#profile-error", Static)
        if not name:
            error.update(_("Name the new customer profile."))

            error.remove_class("hidden")
            return
        self.dismiss(name)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

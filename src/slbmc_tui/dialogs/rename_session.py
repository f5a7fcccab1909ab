"""Edits a session's title, profile, client and interviewer (its file name follows)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from slbmc_tui.dialogs.form_keys import FORM_BINDINGS
from slbmc_tui.domain.session import SessionMeta
from slbmc_tui.i18n import N_, _
from slbmc_tui.storage.workspace_ops import NewNames

FIELDS = (("title", N_("Title (the business or service)")),
          ("profile", N_("Customer profile")),
          ("client", N_("Client")), ("interviewer", N_("Interviewer")))


class RenameDialog(ModalScreen[NewNames | None]):
    """The new names, or None when cancelled or nothing changed."""

    CSS_PATH = "rename_session.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save_typed", N_("Save"), priority=True),
        Binding("escape", "cancel", N_("Cancel")),
        *FORM_BINDINGS,
    ]

    def __init__(self, meta: SessionMeta, file_name: str) -> None:
        super().__init__()
        self.meta = meta
        self.file_name = file_name

    def compose(self) -> ComposeResult:
        with Vertical(id="rename-box"):
            yield Static(Content(_("Rename the session")), id="rename-heading")
            yield Static(Content(_("{file}: the file name follows the title and profile; no "
                                   "other file is ever replaced.").format(file=self.file_name)),
                         id="rename-help")
            for name, label in FIELDS:
                yield Label(_(label), classes="field-label")
                yield Input(getattr(self.meta, name), id=f"rename-{name}", compact=True)
            yield Static(id="rename-error", classes="hidden")
            with Horizontal(id="rename-buttons"):
                yield Button(_("Save (ctrl+s)"), id="save", variant="primary")
                yield Button(_("Cancel (esc)"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#rename-title", Input).focus()

    def value(self, name: str) -> str:
        return self.query_one(f"#rename-{name}", Input).value.strip()

    @on(Input.Submitted)
    def _next_or_save(self, event: Input.Submitted) -> None:
        """Enter moves to the next field; on the last one it saves."""
        if event.input.id == "rename-interviewer":
            self.action_save()
        else:
            self.focus_next()

    def action_save_typed(self) -> None:
        """Ctrl+S is a priority key: save once the focused field has the keys typed before
        it (one burst), not before."""
        focused = self.focused
        if focused is None or not focused.call_later(self.action_save):
            self.action_save()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        names = NewNames(*(self.value(name) for name, _label in FIELDS))
        missing = [label for (name, label) in FIELDS[:2] if not getattr(names, name)]
        if missing:
            error = self.query_one("#rename-error", Static)
            error.update(Content(_("{field} must not be empty.").format(field=_(missing[0]))))

            error.remove_class("hidden")
            self.query_one("#rename-title" if not names.title else "#rename-profile",
                           Input).focus()
            return
        unchanged = (names.title, names.profile, names.client, names.interviewer) == (
            self.meta.title, self.meta.profile, self.meta.client, self.meta.interviewer)
        self.dismiss(None if unchanged else names)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

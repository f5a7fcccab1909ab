"""Says a session is open in another slbmc and offers to view it read-only instead."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from slbmc_tui.i18n import N_, _
from slbmc_tui.storage.locking import LockInfo, lock_path_for
from slbmc_tui.text.safe import visible_line


class SessionLockedDialog(ModalScreen[bool]):
    """True to open the session read-only, False to leave it alone."""

    CSS_PATH = "session_locked.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel")),
        Binding("r", "read_only", N_("Open read-only")),
    ]

    def __init__(self, session_path: Path, holder: LockInfo) -> None:
        super().__init__()
        self.session_path = session_path
        self.holder = holder

    def compose(self) -> ComposeResult:
        holder = (self.holder.describe() if self.holder.pid
                  else _("another slbmc (its lock file cannot be read)"))
        with Vertical(id="dialog"):
            yield Static(_("This session is already open"), id="dialog-title")
            yield Static(Content(visible_line(_("{file} is being edited in {holder}.").format(
                file=self.session_path.name, holder=holder))), id="holder")
            yield Static(Content(_("Two windows writing one file would overwrite each other's "
                                   "words. Close it there to edit it here, or look at it "
                                   "read-only now. If that process is gone for good, delete "
                                   "{lock} in the sessions folder.").format(
                                       lock=visible_line(lock_path_for(self.session_path).name))),
                         id="dialog-help")
            with Horizontal(id="buttons"):
                yield Button(_("Open read-only"), id="read-only", variant="primary")
                yield Button(_("Cancel"), id="cancel")


    def on_mount(self) -> None:
        self.query_one("#read-only", Button).focus()

    @on(Button.Pressed, "#read-only")
    def action_read_only(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)

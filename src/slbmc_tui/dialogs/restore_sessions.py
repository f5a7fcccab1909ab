"""Lists the archived and deleted (trashed) sessions; Enter brings one back into the list."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from slbmc_tui.i18n import N_, _, ngettext
from slbmc_tui.storage import workspace_ops as ops
from slbmc_tui.storage.store import SessionStore, SessionSummary
from slbmc_tui.text.safe import visible_line


def choice_label(where: str, summary: SessionSummary) -> Content:
    """One line per kept session: where it is, its names and its file (never markup)."""
    meta = summary.meta
    assert meta is not None
    round_label = (" · " + _("round {round}").format(round=meta.round)) if meta.round > 1 else ""
    names = visible_line(" ".join(f"{meta.title} / {meta.profile}{round_label}".split()))
    return Content.assemble((f"{_(PLACES[where]):<10}", "dim"), names,
                            (f"  {visible_line(summary.name)}", "dim"))


# Where a kept session is, as the list names it.
PLACES = {"archive": N_("archive"), "trash": N_("trash")}


class RestoreDialog(ModalScreen[Path | None]):
    """The archived or trashed session to restore, or None."""

    CSS_PATH = "restore_sessions.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "restore", N_("Restore"), priority=True),
        Binding("escape", "cancel", N_("Close")),
    ]

    def __init__(self, store: SessionStore) -> None:
        super().__init__()
        self.store = store

    def compose(self) -> ComposeResult:
        with Vertical(id="restore-box"):
            yield Static(Content(_("Archived and deleted sessions")), id="restore-heading")
            yield Static(Content(_("Reading the archive and the trash…")), id="restore-status")
            yield OptionList(id="restore-choices")

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load(self) -> None:
        found = [("archive", s) for s in ops.archive_store(self.store).list() if s.ok]
        found += [("trash", s) for s in ops.trash_store(self.store).list() if s.ok]
        self.app.call_from_thread(self._show, found)

    def _show(self, found: list[tuple[str, SessionSummary]]) -> None:
        choices = self.query_one(OptionList)
        choices.clear_options()
        choices.add_options(Option(choice_label(where, s), id=str(s.path)) for where, s in found)
        status = (ngettext("{count} session kept aside.", "{count} sessions kept aside.",
                           len(found)).format(count=len(found)) + " "
                  + _("Enter puts the highlighted one back in the list; Escape closes.")
                  if found else _("Nothing archived or deleted: the archive and trash are empty."))

        self.query_one("#restore-status", Static).update(Content(status))
        if found:
            choices.highlighted = 0
        choices.focus()

    @on(OptionList.OptionSelected)
    def action_restore(self) -> None:
        choices = self.query_one(OptionList)
        if choices.highlighted is None or choices.option_count == 0:
            return
        option_id = choices.get_option_at_index(choices.highlighted).id
        self.dismiss(Path(option_id) if option_id else None)

    def action_cancel(self) -> None:
        self.dismiss(None)

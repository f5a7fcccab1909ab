"""The start screen's tidy-up actions: new round, rename, archive, delete, restore, search.

Every action asks first (a ModalScreen), then does its file work in a thread through
storage.workspace_ops, which never overwrites, never deletes for good and leaves a session
open in another slbmc alone; then the listing is read again. Kept out of start.py so that
module stays about showing the listing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import work
from textual.screen import Screen

from slbmc_tui.domain.errors import SlbmcFileError
from slbmc_tui.domain.session import Clock
from slbmc_tui.i18n import _
from slbmc_tui.storage import workspace_ops as ops
from slbmc_tui.storage.locking import SessionLocked
from slbmc_tui.storage.store import SessionStore, SessionSummary
from slbmc_tui.text.safe import visible_line


def session_words(summary: SessionSummary) -> str:
    """“Profile” of “Title” (round N), for a question about one session."""
    meta = summary.meta
    assert meta is not None
    if meta.round > 1:
        words = _("“{profile}”, round {round} of “{title}”").format(
            profile=meta.profile, round=meta.round, title=meta.title)
    else:
        words = _("“{profile}” of “{title}”").format(profile=meta.profile, title=meta.title)
    return visible_line(words)


class WorkspaceActions(Screen[None]):
    """The base of the start screen: what it does to the files it lists."""

    store: SessionStore
    clock: Clock
    _select_next: str | None = None

    def selected_key(self) -> str | None:
        raise NotImplementedError

    def selected_session(self) -> SessionSummary | None:
        raise NotImplementedError

    def _need_selection(self) -> SessionSummary | None:
        raise NotImplementedError

    def _reread(self, select: Path | None = None) -> None:
        """Read the folder again (after a file moved), the cursor then on `select` if given."""
        self._select_next = str(select) if select is not None else None
        self.reread_folder()

    def reread_folder(self) -> None:
        raise NotImplementedError

    def _session_row(self, verb: str) -> SessionSummary | None:
        """The session on the cursor's row; on a model's heading, say to pick a session."""
        key = self.selected_key()
        summary = self.selected_session()
        if summary is not None and key is not None and key != str(summary.path):
            self.notify(_("Move to one of the model's sessions first (the heading stands for "
                          "the whole model)."), severity="warning")
            return None
        return summary if summary is not None else self._need_selection()

    # -- new round ---------------------------------------------------------------------

    def action_new_round(self) -> None:
        """The next round of the selected session, after a yes; earlier rounds stay."""
        from slbmc_tui.dialogs.confirm import ConfirmDialog

        source = self._need_selection()
        if source is None or source.meta is None:
            return
        question = ConfirmDialog(
            _("New round"), _("Start a new round of {session}? Everything in it is copied into "
                              "the new round, which gets the next free round number; this round "
                              "stays as it is.").format(session=session_words(source)),
            confirm_label=_("Start the round"))
        self.app.push_screen(question, lambda yes: self._start_round(source.path) if yes
                             else None)

    def _start_round(self, path: Path) -> None:
        from slbmc_tui.messages import NewRoundRequested

        self.post_message(NewRoundRequested(path))

    # -- rename ------------------------------------------------------------------------

    def action_rename(self) -> None:
        """Change the selected session's title, profile, client and interviewer."""
        from slbmc_tui.dialogs.rename_session import RenameDialog

        summary = self._session_row("rename")
        if summary is None or summary.meta is None:
            return
        path = summary.path

        def renamed(names: ops.NewNames | None) -> None:
            if names is not None:
                self._in_thread(lambda: ops.rename(self.store, path, names, self.clock),
                                _("Renamed"), _("Not renamed"))

        self.app.push_screen(RenameDialog(summary.meta, visible_line(path.name)), renamed)

    # -- archive, delete, restore ------------------------------------------------------

    def action_archive(self) -> None:
        """Move the selected session into the archive folder (t lists it, to restore)."""
        self._ask_and_move("archive", _("Archive"), _("Archive the session"),
                           _("Archive {session}? It leaves the list for the archive folder "
                             "beside the sessions; t shows the archive and brings it back."),
                           lambda path: ops.archive(self.store, path))

    def action_delete(self) -> None:
        """Move the selected session to the trash folder (t lists it, to restore)."""
        self._ask_and_move("delete", _("Delete"), _("Move to the trash"),
                           _("Delete {session}? It goes to the trash folder beside the sessions, "
                             "not away for good: t shows the trash and brings it back."),
                           lambda path: ops.trash(self.store, path))

    def _ask_and_move(self, verb: str, title: str, confirm: str, question_text: str,
                      move: Callable[[Path], Path]) -> None:
        from slbmc_tui.dialogs.confirm import ConfirmDialog

        summary = self._session_row(verb)
        if summary is None or summary.meta is None:
            return
        path = summary.path
        question = ConfirmDialog(title, question_text.format(session=session_words(summary)),
                                 confirm_label=confirm)
        done = _("Archived") if verb == "archive" else _("Moved to the trash")
        failed = _("Not archived") if verb == "archive" else _("Not deleted")

        def answered(yes: bool | None) -> None:
            if yes:
                self._in_thread(lambda: move(path), done, failed, select=False)

        self.app.push_screen(question, answered)

    def action_restore(self) -> None:
        """List the archived and deleted sessions; the chosen one comes back to the list."""
        from slbmc_tui.dialogs.restore_sessions import RestoreDialog

        def chosen(path: Path | None) -> None:
            if path is not None:
                self._in_thread(lambda: ops.restore(self.store, path), _("Restored"),
                                _("Not restored"))

        self.app.push_screen(RestoreDialog(self.store), chosen)

    def action_search(self) -> None:
        """Find a phrase in every answer; a result opens its session at that answer."""
        from slbmc_tui.screens.search import SearchScreen

        self.app.push_screen(SearchScreen(self.store))

    # -- file work ---------------------------------------------------------------------

    @work(thread=True, group="workspace", exit_on_error=False)
    def _in_thread(self, operation: Callable[[], Path], done: str, failed: str,
                   select: bool = True) -> None:
        """Run one file operation off the UI thread, then say how it went and re-list."""
        try:
            path = operation()
        except SessionLocked as locked:
            self.app.call_from_thread(self.notify, visible_line(str(locked)),
                                      title=failed, severity="error", timeout=10)
            return
        except (SlbmcFileError, OSError) as error:
            self.app.call_from_thread(self.notify, visible_line(str(error)), title=failed,
                                      severity="error", timeout=10)
            return
        where = path.name if path.parent == self.store.folder else (
            f"{path.parent.name}/{path.name}")
        self.app.call_from_thread(self.notify, visible_line(where), title=done)
        self.app.call_from_thread(self._reread, path if select else None)

"""Choose sessions to compare: every session in the folder with a tick box.

The default offer is "all profiles of this model": those sessions are ticked and listed
first, so Enter alone compares them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, SelectionList
from textual.widgets.selection_list import Selection

from slbmc_tui.domain.compare import session_label
from slbmc_tui.storage.store import SessionStore, SessionSummary

MIN_SESSIONS = 2


def choice_label(summary: SessionSummary) -> str:
    """One line per session: model, profile (and round), progress, last edit."""
    meta = summary.meta
    assert meta is not None
    return (f"{' '.join(meta.title.split())} · {session_label(meta)} · "
            f"{meta.answered}/{meta.total} · {meta.updated.strftime('%Y-%m-%d %H:%M')}")


def offered_order(summaries: Sequence[SessionSummary],
                  model_key: str | None) -> list[SessionSummary]:
    """Readable sessions, the offered model's first, then by title, profile and round."""
    readable = [s for s in summaries if s.meta]

    def key(summary: SessionSummary) -> tuple[bool, str, str, int]:
        meta = summary.meta
        assert meta is not None
        return (meta.model_key != model_key, meta.model_key,
                meta.profile.casefold(), meta.round)

    return sorted(readable, key=key)


class _SessionChoices(SelectionList[Path]):
    """Space ticks; Enter confirms rather than ticking, as in any "choose then go" list."""

    BINDINGS = [Binding("enter", "screen.confirm", "Compare ticked")]


class ChooseSessions(ModalScreen[list[Path] | None]):
    """Returns the ticked sessions' paths (two or more), or None when cancelled."""

    CSS_PATH = "choose_sessions.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("a", "tick_all", "Tick all"),
        Binding("m", "tick_model", "Tick this model"),
        Binding("ctrl+n", "tick_none", "Untick all"),
    ]

    def __init__(self, folder: Path, *, model_key: str | None = None,
                 preselect: Sequence[Path] = ()) -> None:
        super().__init__()
        self._store = SessionStore(folder)
        self._model_key = model_key
        self._preselect = {Path(p) for p in preselect}
        self._summaries: list[SessionSummary] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="choose-sessions"):
            yield Label("Compare sessions", classes="dialog-title")
            yield Label("Reading the sessions folder…", id="choose-status")
            yield _SessionChoices(id="choose-list")
            yield Label("Space tick · Enter compare · a all · m this model · Esc cancel",
                        classes="dialog-help")

    def on_mount(self) -> None:
        self._list_sessions()

    @work(thread=True, exclusive=True)
    def _list_sessions(self) -> None:
        summaries = self._store.list()
        self.app.call_from_thread(self._show, summaries)

    def _show(self, summaries: list[SessionSummary]) -> None:
        self._summaries = offered_order(summaries, self._model_key)
        choices = self.query_one(_SessionChoices)
        choices.clear_options()
        choices.add_options([
            Selection(choice_label(s), s.path, initial_state=self._ticked_at_start(s))
            for s in self._summaries
        ])
        unreadable = len(summaries) - len(self._summaries)
        status = (f"{len(self._summaries)} sessions in {self._store.folder}"
                  + (f" ({unreadable} unreadable, not listed)" if unreadable else ""))
        if not self._summaries:
            status = f"No readable sessions in {self._store.folder}."
        self.query_one("#choose-status", Label).update(status)
        choices.focus()

    def _ticked_at_start(self, summary: SessionSummary) -> bool:
        if self._preselect:
            return summary.path in self._preselect
        return summary.meta is not None and summary.meta.model_key == self._model_key

    def action_confirm(self) -> None:
        chosen = self.query_one(_SessionChoices).selected
        if len(chosen) < MIN_SESSIONS:
            self.query_one("#choose-status", Label).update(
                f"Tick at least {MIN_SESSIONS} sessions (Space), then press Enter.")
            return
        self.dismiss(list(chosen))

    def action_tick_all(self) -> None:
        self.query_one(_SessionChoices).select_all()

    def action_tick_none(self) -> None:
        self.query_one(_SessionChoices).deselect_all()

    def action_tick_model(self) -> None:
        """Tick exactly the profiles of the highlighted session's model."""
        choices = self.query_one(_SessionChoices)
        index = choices.highlighted
        if index is None or index >= len(self._summaries):
            return
        meta = self._summaries[index].meta
        choices.deselect_all()
        for summary in self._summaries:
            if meta and summary.meta and summary.meta.model_key == meta.model_key:
                choices.select(summary.path)

    def action_cancel(self) -> None:
        self.dismiss(None)

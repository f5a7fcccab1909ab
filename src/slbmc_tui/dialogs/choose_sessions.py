"""Choose sessions to compare: every session in the folder with a tick box.

The default offer is "all profiles of this model" (each by its newest round): those
sessions are ticked and listed first, so Enter alone compares them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, SelectionList
from textual.widgets.selection_list import Selection

from slbmc_tui.domain.compare import session_label
from slbmc_tui.i18n import N_, _, format_datetime, ngettext
from slbmc_tui.screens.translated import translate_bindings
from slbmc_tui.storage.store import SessionStore, SessionSummary
from slbmc_tui.text.safe import visible_line

MIN_SESSIONS = 2


def choice_label(summary: SessionSummary) -> str:
    """One line per session: model, profile (and round), progress, last edit."""
    meta = summary.meta
    assert meta is not None
    return (f"{' '.join(meta.title.split())} · {session_label(meta, _('round {round}'))} · "

            f"{meta.answered}/{meta.total} · {format_datetime(meta.updated)}")


def default_offer(summaries: Sequence[SessionSummary], model_key: str | None,
                  current: Path | None = None) -> set[Path]:
    """The model's profiles, each by its newest round (or by `current` for its profile)."""
    newest: dict[str, SessionSummary] = {}
    for summary in summaries:
        meta = summary.meta
        if meta is None or meta.model_key != model_key:
            continue
        profile = " ".join(meta.profile.split()).casefold()
        held = newest.get(profile)
        if (summary.path == current or held is None
                or (held.path != current and held.meta and meta.updated > held.meta.updated)):
            newest[profile] = summary
    return {s.path for s in newest.values()}


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

    BINDINGS = [Binding("enter", "screen.confirm", N_("Compare ticked"))]

    def on_mount(self) -> None:
        translate_bindings(self)  # a widget's own keys, for the Footer, in the language

class ChooseSessions(ModalScreen[list[Path] | None]):
    """Returns the ticked sessions' paths (two or more), or None when cancelled."""

    CSS_PATH = "choose_sessions.tcss"
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel")),
        Binding("a", "tick_all", N_("Tick all")),
        Binding("m", "tick_model", N_("Tick this model")),
        Binding("ctrl+n", "tick_none", N_("Untick all")),
    ]

    def __init__(self, folder: Path, *, model_key: str | None = None,
                 preselect: Sequence[Path] = (), current: Path | None = None) -> None:
        """Ticks `preselect` if given, else the model's profiles (with `current` for its own)."""
        super().__init__()
        self._store = SessionStore(folder)
        self._model_key = model_key
        self._preselect = {Path(p) for p in preselect}
        self._current = current
        self._summaries: list[SessionSummary] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="choose-sessions"):
            yield Label(_("Compare sessions"), classes="dialog-title")
            yield Label(_("Reading the sessions folder…"), id="choose-status")
            yield _SessionChoices(id="choose-list")
            yield Label(_("Space tick · Enter compare · a all · m this model · Esc cancel"),
                        classes="dialog-help")

    def on_mount(self) -> None:
        self._list_sessions()

    @work(thread=True, exclusive=True)
    def _list_sessions(self) -> None:
        summaries = self._store.list()
        self.app.call_from_thread(self._show, summaries)

    def _show(self, summaries: list[SessionSummary]) -> None:
        self._summaries = offered_order(summaries, self._model_key)
        ticked = self._preselect or default_offer(self._summaries, self._model_key,
                                                  self._current)
        choices = self.query_one(_SessionChoices)
        choices.clear_options()
        choices.add_options([
            Selection(Content(visible_line(choice_label(s))), s.path,
                      initial_state=s.path in ticked)
            for s in self._summaries
        ])
        unreadable = len(summaries) - len(self._summaries)
        count = len(self._summaries)
        status = (ngettext("{count} session in {folder}", "{count} sessions in {folder}",
                           count).format(count=count, folder=self._store.folder)
                  + (" " + _("({count} unreadable, not listed)").format(count=unreadable)
                     if unreadable else ""))
        if not self._summaries:
            status = _("No readable sessions in {folder}.").format(folder=self._store.folder)
        self.query_one("#choose-status", Label).update(Content(visible_line(status)))
        choices.focus()

    def action_confirm(self) -> None:
        chosen = self.query_one(_SessionChoices).selected
        if len(chosen) < MIN_SESSIONS:
            self.query_one("#choose-status", Label).update(
                _("Tick at least {count} sessions (Space), then press Enter.").format(
                    count=MIN_SESSIONS))

            return
        # Listing order, with the session the user came from as the first column.
        ordered = sorted((s.path for s in self._summaries if s.path in chosen),
                         key=lambda path: path != self._current)
        self.dismiss(ordered)

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

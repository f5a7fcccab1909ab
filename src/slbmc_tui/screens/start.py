"""The start screen: the sessions in the folder, grouped by model, and what to do next."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Static

from slbmc_tui import messages
from slbmc_tui.domain.errors import SlbmcFileError
from slbmc_tui.domain.session import Clock, Session, new_session
from slbmc_tui.i18n import N_, _, ngettext
from slbmc_tui.launch import NewSession
from slbmc_tui.screens.start_rows import (
    COLUMNS,
    MODEL_KEY_PREFIX,
    Line,
    Listing,
    ModelGroup,
    cells,
    column_widths,
    group_models,
)
from slbmc_tui.screens.start_table import SessionTable
from slbmc_tui.screens.start_workspace import WorkspaceActions
from slbmc_tui.storage.store import SessionStore, SessionSummary
from slbmc_tui.text.safe import visible_block, visible_line
from slbmc_tui.widgets.safe_input import SafeInput

if TYPE_CHECKING:
    from slbmc_tui.dialogs.new_session import NewSessionForm

# Columns other than the profile take about this much of the screen's width.
OTHER_COLUMNS_WIDTH = 56


class StartScreen(WorkspaceActions, Screen[None]):
    """Lists the folder's sessions; opens, creates, derives, compares and tidies them."""

    CSS_PATH = "start.tcss"
    AUTO_FOCUS = "#sessions"
    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority, so the Footer shows it even while the table (which also binds Enter) has focus.
        Binding("enter", "open_selected", N_("Open"), priority=True,
                tooltip=N_("Open the selected session where it stopped")),
        Binding("n", "new_session", N_("New session"),
                tooltip=N_("Title, customer profile, client, interviewer, English or Finnish "
                           "questions, or your own bank file")),
        Binding("d", "demo", N_("Demo"), tooltip=N_("A worked example, on a scratch copy")),
        Binding("p", "new_profile", N_("New profile"),
                tooltip=N_("Another customer profile of the selected model: our point of view "
                           "copied, the customer's left empty")),
        Binding("r", "new_round", N_("New round"),
                tooltip=N_("The same profile again: everything copied, round number raised")),
        Binding("c", "compare", N_("Compare profiles"), tooltip=N_("Profiles side by side")),
        Binding("slash", "filter", N_("Filter")),
        Binding("s", "search", N_("Search answers")),
        Binding("e", "rename", N_("Rename")),
        Binding("a", "archive", N_("Archive")),
        Binding("delete", "delete", N_("Delete")),
        Binding("t", "restore", N_("Archive & trash")),
        Binding("q", "app.quit", N_("Quit")),
        Binding("escape", "clear_filter", N_("Clear the filter")),
        Binding("escape", "leave_demo", N_("Leave the demo"),
                tooltip=N_("Back to your own sessions from the demo's")),
    ]

    def __init__(self, store: SessionStore, *, clock: Clock, bank_path: Path | None = None,
                 is_demo: bool = False, notice: str = "") -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self.bank_path = bank_path
        self.is_demo = is_demo
        self._notice = notice
        self.summaries: list[SessionSummary] = []
        self.groups: dict[str, ModelGroup] = {}
        self._by_path: dict[str, SessionSummary] = {}
        self._listing = Listing({})
        self._widths: list[int] = []
        self._listed_width = 0
        self._bindings_state: tuple[bool, bool] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="start-body"):
            yield Static(id="folder-line")
            yield Static(visible_block(self._notice), id="notice", markup=False,
                         classes="" if self._notice else "hidden")
            yield SafeInput(id="filter", compact=True, classes="hidden",
                            placeholder=_("Filter by title, profile or client (Enter: to the "
                                          "list, Escape: clear)"))
            yield SessionTable(id="sessions")
            yield Static(id="no-match", classes="hidden")
            with Vertical(id="empty", classes="hidden"):
                yield Static(id="empty-message")
                with Horizontal(id="empty-actions"):
                    yield Button(_("New session (n)"), id="empty-new", variant="primary")
                    yield Button(_("Open the demo (d)"), id="empty-demo")
            yield Static(id="broken", classes="hidden")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#folder-line", Static).update(
            Text(_("Sessions in {folder}").format(folder=visible_line(str(self.store.folder)))))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_selected":
            return isinstance(self.focused, SessionTable)
        if action in ("new_profile", "new_round", "compare", "rename", "archive", "delete"):
            return bool(self._by_path)  # hidden from the Footer while there is nothing to act on
        if action in ("filter", "search"):
            return bool(self._by_path) and not isinstance(self.focused, Input)
        if action == "clear_filter":
            return bool(self.filter_text) or isinstance(self.focused, Input)
        if action == "leave_demo":
            return self.is_demo and len(self.app.screen_stack) > 2
        return True

    def action_leave_demo(self) -> None:
        """Back to the user's own sessions; the demo copy stays where it is."""
        self.app.sub_title = ""
        self.app.pop_screen()

    def on_screen_resume(self) -> None:
        self.refresh_listing()

    def on_resize(self) -> None:
        if self.summaries and self.app.size.width != self._listed_width:
            self._draw_table()

    # -- filter ------------------------------------------------------------------

    @property
    def filter_text(self) -> str:
        return self.query_one("#filter", Input).value

    def action_filter(self) -> None:
        """Show the filter box and type into it; the listing narrows at every key."""
        box = self.query_one("#filter", Input)
        box.remove_class("hidden")
        box.focus()

    def action_clear_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.value = ""  # Input.Changed redraws the listing
        box.add_class("hidden")
        self.query_one("#sessions", SessionTable).focus()
        self.refresh_bindings()

    @on(Input.Changed, "#filter")
    def _filter_changed(self) -> None:
        self._draw_table()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        table = self.query_one("#sessions", SessionTable)
        if table.row_count:
            table.focus()

    # -- listing -----------------------------------------------------------------

    def reread_folder(self) -> None:
        self.refresh_listing()

    @work(thread=True, exclusive=True, group="listing", exit_on_error=False)
    def refresh_listing(self) -> None:
        """Read every file's head, group the rows and measure the columns off the UI thread
        (10,000 sessions: ~0.15 s of CPU here, ~40 ms of it rows and widths), then show them."""
        summaries = self.store.list()
        listing = Listing(group_models(summaries))
        screen_width = self.app.size.width
        widths = column_widths(listing.lines, _profile_width(screen_width))
        self.app.call_from_thread(self._show_listing, summaries, listing, screen_width, widths)

    def _show_listing(self, summaries: list[SessionSummary], listing: Listing,
                      screen_width: int, widths: list[int]) -> None:
        self.summaries = summaries
        self._by_path = {str(s.path): s for s in summaries if s.ok}
        self.groups = listing.groups
        self._listing = listing
        self._listed_width, self._widths = screen_width, widths
        self._draw_table()
        self._show_broken([s for s in summaries if not s.ok])
        readable = len(self._by_path)
        self._set_empty(readable == 0)
        models = len(self.groups)
        folder = visible_line(str(self.store.folder))
        folder_line = _("Sessions in {folder}").format(folder=folder)
        if readable:
            folder_line += " · " + ngettext("{count} session", "{count} sessions", readable).format(
                count=readable) + " " + ngettext("in {count} model", "in {count} models",
                                                 models).format(count=models)
        self.query_one("#folder-line", Static).update(Text(folder_line))

    def _draw_table(self) -> None:
        """Show the listing narrowed by the filter, keeping the selected row.

        The table draws only the rows on screen, so this costs the same for any folder:
        the filter answers each key at once even over 10,000 sessions (bench_listing.py).
        """
        table = self.query_one("#sessions", SessionTable)
        selected = self._select_next or self.selected_key()
        self._select_next = None
        width = _profile_width(self.app.size.width)
        if self.app.size.width != self._listed_width:
            # Fixed from every row of the listing (not only the filtered ones): the columns
            # stay put while the filter narrows the list.
            self._listed_width = self.app.size.width
            self._widths = column_widths(self._listing.lines, width)
        lines = self._listing.filtered(self.filter_text)
        columns = [(_(label), fixed) for (label, _key), fixed in zip(COLUMNS, self._widths,
                                                                      strict=True)]
        table.show_rows(lines, key=_line_key, cells=lambda line: cells(line, width),
                        columns=columns, cursor=self._cursor_for(lines, selected))
        self._show_no_match(bool(self._by_path) and not lines)
        # The Footer is rebuilt on every refresh: only when what check_action says can change.
        state = (bool(self._by_path), bool(self.filter_text))
        if state != self._bindings_state:
            self._bindings_state = state
            self.refresh_bindings()

    @staticmethod
    def _cursor_for(lines: list[Line], selected: str | None) -> int:
        """The row to put the cursor on: the selected one if still listed, else the newest
        session (the row after its model's heading)."""
        if selected is not None:
            for n, line in enumerate(lines):
                if line.key == selected:
                    return n
        return 1 if len(lines) > 1 else 0

    def _show_no_match(self, no_match: bool) -> None:
        widget = self.query_one("#no-match", Static)
        widget.set_class(not no_match, "hidden")
        self.query_one("#sessions").set_class(no_match or not self._by_path, "hidden")
        if no_match:
            widget.update(Text(_("No session's title, profile or client contains “{text}”. "
                                 "Escape clears the filter.").format(
                                     text=visible_line(" ".join(self.filter_text.split())))))

    def _show_broken(self, broken: list[SessionSummary]) -> None:
        widget = self.query_one("#broken", Static)
        widget.set_class(not broken, "hidden")
        if broken:
            text = Text(ngettext("Could not read {count} file:", "Could not read {count} files:",
                                 len(broken)).format(count=len(broken)) + "\n", style="bold red")
            for summary in broken:
                text.append(f"  {visible_line(summary.name)}", style="bold")
                text.append(f"  {visible_line(' '.join((summary.error or '').split()))}\n")
            text.rstrip()
            widget.update(text)

    def _set_empty(self, empty: bool) -> None:
        self.query_one("#sessions").set_class(empty, "hidden")
        self.query_one("#empty").set_class(not empty, "hidden")
        if empty:
            self.query_one("#empty-message", Static).update(Text(
                _("No sessions in {folder} yet.").format(
                    folder=visible_line(str(self.store.folder))) + "\n\n"
                + _("Press n to start a new session, or d to open a ready example (the demo).")))
            if isinstance(self.focused, SessionTable) or self.focused is None:
                self.query_one("#empty-new", Button).focus()
        elif not isinstance(self.focused, Input):
            self.query_one("#sessions", SessionTable).focus()

    # -- selection ---------------------------------------------------------------

    def selected_key(self) -> str | None:
        return self.query_one("#sessions", SessionTable).selected_key

    def selected_group(self) -> ModelGroup | None:
        key = self.selected_key()
        if key is None:
            return None
        if key.startswith(MODEL_KEY_PREFIX):
            return self.groups.get(key.removeprefix(MODEL_KEY_PREFIX))
        summary = self._by_path.get(key)
        return self.groups.get(summary.meta.model_key) if summary and summary.meta else None

    def selected_session(self) -> SessionSummary | None:
        """The session under the cursor; on a model heading, that model's newest session."""
        key = self.selected_key()
        if key is not None and key in self._by_path:
            return self._by_path[key]
        group = self.selected_group()
        return group.sessions[0] if group else None

    def _need_selection(self) -> SessionSummary | None:
        summary = self.selected_session()
        if summary is None:
            self.notify(_("No session selected: create one with n, or try the demo with d."),
                        severity="warning")
        return summary

    # -- actions -----------------------------------------------------------------

    @on(SessionTable.Chosen, "#sessions")
    def action_open_selected(self) -> None:
        """Open the session under the cursor in the interview."""
        summary = self._need_selection()
        if summary:
            self.app.post_message(messages.OpenSessionRequested(summary.path))

    @on(Button.Pressed, "#empty-new")
    def action_new_session(self) -> None:
        self.new_session(NewSession())

    @on(Button.Pressed, "#empty-demo")
    def action_demo(self) -> None:
        self.post_message(messages.DemoRequested())

    def new_session(self, prefill: NewSession) -> None:
        """Ask for the new session's details, then create its file and open it."""
        # Imported here: a launch straight into a session builds this screen without it.
        from slbmc_tui.dialogs.new_session import NewSessionDialog

        dialog = NewSessionDialog(prefill, custom_bank=self.bank_path)
        self.app.push_screen(dialog, self._create_from_form)

    def _create_from_form(self, form: NewSessionForm | None) -> None:
        if form is not None:
            session = new_session(form.bank, title=form.title, profile=form.profile,
                                  client=form.client, interviewer=form.interviewer,
                                  bank_path=form.bank_path, clock=self.clock)
            self._create_and_open(session, _("New session"))

    def action_new_profile(self) -> None:
        """A new customer profile of the selected model; our point of view is kept."""
        source = self._need_selection()
        if source and source.meta:
            self.post_message(messages.NewProfileRequested(
                source.path, title=source.meta.title, profile=source.meta.profile))

    def action_compare(self) -> None:
        """Choose sessions to compare, the selected model's profiles offered ticked."""
        group = self.selected_group()
        key = group.sessions[0].meta.model_key if group and group.sessions[0].meta else None
        self.post_message(messages.CompareRequested(
            self.store.folder, model_key=key,
            preselect=tuple(group.latest_per_profile()) if group else ()))

    # -- file work (threads) -----------------------------------------------------

    @work(thread=True, group="create", exit_on_error=False)
    def _create_and_open(self, session: Session, what: str) -> None:
        self._write_and_open(session, what)

    def _write_and_open(self, session: Session, what: str) -> None:
        """Create the file (never overwriting one) and open it; runs in a worker thread."""
        try:
            path = self.store.create(session)
        except (SlbmcFileError, OSError) as error:
            self.app.call_from_thread(self.notify, _("{what} was not created: {error}").format(
                                      what=what, error=error),
                                      title=_("Cannot create session"), severity="error",
                                      timeout=10)
            return
        self.app.call_from_thread(self.notify, _("{what}: saved as {name}").format(
            what=what, name=path.name))
        self.app.post_message(messages.OpenSessionRequested(path))


def _line_key(line: Line) -> str:
    return line.key


def _profile_width(screen_width: int) -> int:
    """Room for the model and profile column on a screen this wide."""
    return max(16, screen_width - OTHER_COLUMNS_WIDTH)

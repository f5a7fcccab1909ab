"""The start screen: the sessions in the folder, grouped by model, and what to do next."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Header, Static

from slbmc_tui import messages
from slbmc_tui.domain.errors import SlbmcFileError
from slbmc_tui.domain.session import Clock, Session, new_session
from slbmc_tui.launch import NewSession
from slbmc_tui.storage.store import SessionStore, SessionSummary, summaries_by_model

if TYPE_CHECKING:
    from slbmc_tui.dialogs.new_session import NewSessionForm

MODEL_KEY_PREFIX = "model:"
BAR_WIDTH = 8
CLIENT_WIDTH = 16
# Columns other than the profile take about this much of the screen's width.
OTHER_COLUMNS_WIDTH = 56
# A long listing shows this many rows (past the selected one) at once and adds the rest in
# slices after the first paint: DataTable measures every cell of every row it is given.
FIRST_ROWS = 120
ROWS_PER_SLICE = 250
COLUMNS = (("Model · customer profile", "profile"), ("Client", "client"),
           ("Progress", "progress"), ("Last edited", "updated"))

Row = tuple[tuple[Text | str, ...], str]


@dataclass(frozen=True)
class ModelGroup:
    """The sessions of one model (same title), newest first."""

    title: str
    sessions: tuple[SessionSummary, ...]

    @property
    def profile_count(self) -> int:
        return len({s.meta.profile.casefold() for s in self.sessions if s.meta})

    def latest_per_profile(self) -> list[Path]:
        """The newest round of each profile: what comparing the model's profiles means."""
        seen: dict[str, Path] = {}
        for summary in self.sessions:
            if summary.meta:
                seen.setdefault(summary.meta.profile.casefold(), summary.path)
        return list(seen.values())


def progress_cell(answered: int, total: int) -> Text:
    """A small bar and the count, so progress reads at a glance on a shared screen."""
    filled = round(BAR_WIDTH * answered / total) if total else 0
    bar = Text("━" * filled, style="bold green" if answered == total and total else "bold")
    bar.append("━" * (BAR_WIDTH - filled), style="dim")
    bar.append(f" {answered}/{total}")
    return bar


def profile_label(summary: SessionSummary) -> str:
    meta = summary.meta
    assert meta is not None
    return meta.profile + (f" · round {meta.round}" if meta.round > 1 else "")


def clip(text: str, width: int) -> str:
    """One line of at most `width` characters, with an ellipsis when cut."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: max(width - 1, 0)] + "…"


class StartScreen(Screen[None]):
    """Lists the folder's sessions; opens, creates, derives and compares them."""

    CSS_PATH = "start.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority, so the Footer shows it even while the table (which also binds Enter) has focus.
        Binding("enter", "open_selected", "Open", priority=True,
                tooltip="Open the selected session where it stopped"),
        Binding("n", "new_session", "New session",
                tooltip="Title, customer profile, client, interviewer, English or Finnish "
                        "questions, or your own bank file"),
        Binding("d", "demo", "Demo", tooltip="A worked example, on a scratch copy"),
        Binding("p", "new_profile", "New profile",
                tooltip="Another customer profile of the selected model: our point of view "
                        "copied, the customer's left empty"),
        Binding("r", "new_round", "New round",
                tooltip="The same profile again: everything copied, round number raised"),
        Binding("c", "compare", "Compare profiles", tooltip="Profiles side by side"),
        Binding("q", "app.quit", "Quit"),
        Binding("escape", "leave_demo", "Leave the demo",
                tooltip="Back to your own sessions from the demo's"),
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
        self._listed_width = 0
        self._listing_generation = 0

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="start-body"):
            yield Static(id="folder-line")
            yield Static(self._notice, id="notice", markup=False,
                         classes="" if self._notice else "hidden")
            yield DataTable(id="sessions", cursor_type="row", zebra_stripes=False)
            with Vertical(id="empty", classes="hidden"):
                yield Static(id="empty-message")
                with Horizontal(id="empty-actions"):
                    yield Button("New session (n)", id="empty-new", variant="primary")
                    yield Button("Open the demo (d)", id="empty-demo")
            yield Static(id="broken", classes="hidden")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#folder-line", Static).update(f"Sessions in {self.store.folder}")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_selected":
            return isinstance(self.focused, DataTable)
        if action in ("new_profile", "new_round", "compare"):
            return bool(self._by_path)  # hidden from the Footer while there is nothing to act on
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
            self._show_listing(self.summaries)

    # -- listing -----------------------------------------------------------------

    @work(thread=True, exclusive=True, group="listing", exit_on_error=False)
    def refresh_listing(self) -> None:
        """Read every file's head off the UI thread, then redraw the table."""
        summaries = self.store.list()
        self.app.call_from_thread(self._show_listing, summaries)

    def _show_listing(self, summaries: list[SessionSummary]) -> None:
        table = self.query_one("#sessions", DataTable)
        selected = self.selected_key()
        self.summaries = summaries
        self._by_path = {str(s.path): s for s in summaries if s.ok}
        self.groups = {}
        for key, members in summaries_by_model(summaries).items():
            assert members[0].meta is not None
            self.groups[key] = ModelGroup(members[0].meta.title, tuple(members))
        self._listed_width = self.app.size.width
        rows = self._table_rows(max(16, self._listed_width - OTHER_COLUMNS_WIDTH))
        # Columns are rebuilt so their widths fit this listing, not the largest one seen.
        table.clear(columns=True)
        self._listing_generation += 1
        keys = [key for _cells, key in rows]
        shown = max(FIRST_ROWS, keys.index(selected) + FIRST_ROWS if selected in keys else 0)
        if len(rows) <= shown:
            for label, key in COLUMNS:
                table.add_column(label, key=key)
            self._add_rows(table, rows)
        else:
            # Fixed widths, so the columns do not shift as the later rows arrive.
            widths = [max([cell_len(label)] + [cell_len(str(cells[i])) for cells, _key in rows])
                      for i, (label, _key) in enumerate(COLUMNS)]
            for (label, key), width in zip(COLUMNS, widths, strict=True):
                table.add_column(label, key=key, width=width)
            self._add_rows(table, rows[:shown])
            self.call_after_refresh(self._add_later_rows, self._listing_generation,
                                    rows[shown:])
        self._restore_cursor(table, selected)
        self.refresh_bindings()
        self._show_broken([s for s in summaries if not s.ok])
        readable = len(self._by_path)
        self._set_empty(readable == 0)
        models = len(self.groups)
        self.query_one("#folder-line", Static).update(
            f"Sessions in {self.store.folder} · {readable} session{'s' if readable != 1 else ''}"
            f" in {models} model{'s' if models != 1 else ''}" if readable else
            f"Sessions in {self.store.folder}")

    def _table_rows(self, width: int) -> list[Row]:
        """Every row of the listing: a heading per model, then its sessions, newest first."""
        rows: list[Row] = []
        for key, group in self.groups.items():
            title = Text(clip(group.title, width), style="bold")
            count = group.profile_count
            profiles = Text(f"{count} profile{'s' if count != 1 else ''}", style="dim")
            rows.append(((title, profiles, "", ""), MODEL_KEY_PREFIX + key))
            for summary in group.sessions:
                meta = summary.meta
                assert meta is not None
                rows.append(((Text("  " + clip(profile_label(summary), width - 2)),
                              Text(clip(meta.client, CLIENT_WIDTH)),  # never markup
                              progress_cell(meta.answered, meta.total),
                              meta.updated.strftime("%Y-%m-%d %H:%M")), str(summary.path)))
        return rows

    @staticmethod
    def _add_rows(table: DataTable[object], rows: list[Row]) -> None:
        for cells, key in rows:
            table.add_row(*cells, key=key)

    def _add_later_rows(self, generation: int, rows: list[Row]) -> None:
        """The rest of a long listing, a slice per refresh, unless a newer listing replaced it."""
        if generation != self._listing_generation or not rows:
            return
        self._add_rows(self.query_one("#sessions", DataTable), rows[:ROWS_PER_SLICE])
        self.call_after_refresh(self._add_later_rows, generation, rows[ROWS_PER_SLICE:])

    def _restore_cursor(self, table: DataTable[object], selected: str | None) -> None:
        keys = [str(row.key.value) for row in table.ordered_rows]
        if selected in keys:
            table.move_cursor(row=keys.index(selected))
        elif len(keys) > 1:
            table.move_cursor(row=1)  # the newest session rather than its model's heading

    def _show_broken(self, broken: list[SessionSummary]) -> None:
        widget = self.query_one("#broken", Static)
        widget.set_class(not broken, "hidden")
        if broken:
            text = Text(f"Could not read {len(broken)} file{'s' if len(broken) > 1 else ''}:\n",
                        style="bold red")
            for summary in broken:
                text.append(f"  {summary.name}", style="bold")
                text.append(f"  {' '.join((summary.error or '').split())}\n")
            text.rstrip()
            widget.update(text)

    def _set_empty(self, empty: bool) -> None:
        self.query_one("#sessions").set_class(empty, "hidden")
        self.query_one("#empty").set_class(not empty, "hidden")
        if empty:
            self.query_one("#empty-message", Static).update(
                f"No sessions in {self.store.folder} yet.\n\n"
                "Press n to start a new session, or d to open a ready example (the demo).")
            if isinstance(self.focused, DataTable) or self.focused is None:
                self.query_one("#empty-new", Button).focus()
        else:
            self.query_one("#sessions", DataTable).focus()

    # -- selection ---------------------------------------------------------------

    def selected_key(self) -> str | None:
        table = self.query_one("#sessions", DataTable)
        if table.row_count == 0:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

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
            self.notify("No session selected: create one with n, or try the demo with d.",
                        severity="warning")
        return summary

    # -- actions -----------------------------------------------------------------

    @on(DataTable.RowSelected, "#sessions")
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
        from slbmc_tui.app import SlbmcApp

        if isinstance(self.app, SlbmcApp):
            self.app.start_demo()

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
            self._create_and_open(session, "New session")

    def action_new_profile(self) -> None:
        """A new customer profile of the selected model; our point of view is kept."""
        from slbmc_tui.app import SlbmcApp

        source = self._need_selection()
        if source and source.meta and isinstance(self.app, SlbmcApp):
            self.app.new_profile_of(source.path, title=source.meta.title,
                                    profile=source.meta.profile)

    def action_new_round(self) -> None:
        """The next round of the selected session; the earlier rounds stay as they are."""
        from slbmc_tui.app import SlbmcApp

        source = self._need_selection()
        if source and isinstance(self.app, SlbmcApp):
            self.app.new_round_of(source.path)

    def action_compare(self) -> None:
        """Choose sessions to compare, the selected model's profiles offered ticked."""
        from slbmc_tui.app import SlbmcApp

        group = self.selected_group()
        key = group.sessions[0].meta.model_key if group and group.sessions[0].meta else None
        if isinstance(self.app, SlbmcApp):
            self.app.offer_comparison(self.store.folder, model_key=key,
                                      preselect=group.latest_per_profile() if group else ())

    # -- file work (threads) -----------------------------------------------------

    @work(thread=True, group="create", exit_on_error=False)
    def _create_and_open(self, session: Session, what: str) -> None:
        self._write_and_open(session, what)

    def _write_and_open(self, session: Session, what: str) -> None:
        """Create the file (never overwriting one) and open it; runs in a worker thread."""
        try:
            path = self.store.create(session)
        except (SlbmcFileError, OSError) as error:
            self.app.call_from_thread(self.notify, f"{what} was not created: {error}",
                                      title="Cannot create session", severity="error",
                                      timeout=10)
            return
        self.app.call_from_thread(self.notify, f"{what}: saved as {path.name}")
        self.app.post_message(messages.OpenSessionRequested(path))

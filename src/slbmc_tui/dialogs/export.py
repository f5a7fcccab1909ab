"""Export dialog: choose a format and a file; the session is rendered and written off the UI thread.

The dialog stays open when an export fails, showing why, so the path can be fixed and
Enter pressed again; a failed export writes nothing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, RadioButton, RadioSet, Static

from slbmc_tui.domain.bank import QuestionBank
from slbmc_tui.domain.errors import SlbmcFileError
from slbmc_tui.domain.session import Session
from slbmc_tui.export import ExportError, render_export
from slbmc_tui.storage.atomic import atomic_write_text, ensure_private_dir
from slbmc_tui.storage.targets import export_target_problem

EXPORTS_FOLDER = "exports"
FORMAT_LABELS: dict[str, str] = {
    "md": "Markdown (.md): plain text for notes, wikis and e-mail",
    "html": "HTML (.html): a document to share, open in a browser or print",
    "svg": "SVG picture of the canvas (.svg): all nine blocks on one page",
}
FORMAT_NAMES: dict[str, str] = {"md": "Markdown", "html": "HTML", "svg": "SVG"}


def default_export_path(session_path: Path, fmt: str) -> Path:
    """`<sessions folder>/exports/<session file stem>.<fmt>`: beside the sessions, kept private."""
    return session_path.parent / EXPORTS_FOLDER / f"{session_path.stem}.{fmt}"


def with_format(path_text: str, fmt: str) -> str:
    """The path with its export suffix swapped for `fmt`'s; a name of the user's own is kept."""
    path = Path(path_text)
    if path.suffix.lower().lstrip(".") in FORMAT_LABELS:
        return str(path.with_suffix(f".{fmt}"))
    return path_text


def target_path(path_text: str) -> Path:
    """What the typed path means: `~` expanded, relative paths from the working folder."""
    path = Path(path_text.strip()).expanduser()
    return path if path.is_absolute() else Path.cwd() / path


@dataclass(frozen=True)
class ExportOutcome:
    """What an export attempt came to: written, waiting for "replace?", or refused with why."""

    path: Path
    written: bool = False
    exists: bool = False
    problem: str = ""


def write_export(session: Session, bank: QuestionBank, fmt: str, path: Path, *,
                 replace: bool = False) -> ExportOutcome:
    """Render and write one export (0600); runs in a worker thread, never raises for the user."""
    if "\x00" in str(path):
        return ExportOutcome(path, problem="The path holds a NUL character, which no file "
                             "name can; type the path again.")
    if (refused := export_target_problem(path)) and not path.is_dir():
        return ExportOutcome(path, problem=refused)  # a device, pipe, socket or link
    if path.suffix.lower() == ".toml":
        return ExportOutcome(path, problem=f"{path.name}: .toml is what session files are "
                             f"called; name the export .{fmt} instead.")
    if path.is_dir():
        return ExportOutcome(path, problem=f"{path} is a folder; add a file name, "
                             f"e.g. {path / ('export.' + fmt)}.")
    if path.exists() and not replace:
        return ExportOutcome(path, exists=True)
    try:
        text = render_export(session, bank, fmt)
        _prepare_folder(path.parent)
        atomic_write_text(path, text)
    except (ExportError, SlbmcFileError) as error:
        return ExportOutcome(path, problem=str(error))
    except OSError as error:
        return ExportOutcome(path, problem=f"{path}: {error.strerror or error}")
    return ExportOutcome(path, written=True)


def _prepare_folder(folder: Path) -> None:
    """Create the export's folder (0700, like the sessions folder) unless a file is in the way."""
    if folder.is_dir():
        return
    existing = folder
    while not os.path.lexists(existing) and existing.parent != existing:
        existing = existing.parent
    if not existing.is_dir():
        raise ExportError(f"{existing} is a file, not a folder, so nothing can be saved "
                          "under it. Choose another folder.")
    ensure_private_dir(folder)


class FormatChoice(RadioSet):
    """The format list: arrows choose at once, Enter exports (it does not just tick)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "screen.submit", "Export", show=False),
    ]

    def on_mount(self) -> None:
        # RadioSet highlights its first button on mount; start from the chosen one instead.
        if self.pressed_index >= 0:
            self._selected = self.pressed_index

    def action_next_button(self) -> None:
        super().action_next_button()
        if self.has_focus:  # RadioSet's own mount moves here too; that must not choose
            self.action_toggle_button()

    def action_previous_button(self) -> None:
        super().action_previous_button()
        if self.has_focus:
            self.action_toggle_button()


class ExportDialog(ModalScreen[Path | None]):
    """Exports a snapshot of the session; the written file's path, or None when cancelled."""

    CSS_PATH = "export.tcss"
    AUTO_FOCUS = "#export-path"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, session: Session, bank: QuestionBank, session_path: Path,
                 fmt: str = "md") -> None:
        super().__init__()
        # A copy: the export shows the session as it was when the dialog opened.
        self.session = session.copy()
        self.bank = bank
        self.session_path = session_path
        self.fmt = fmt if fmt in FORMAT_LABELS else "md"
        self._replace_confirmed: Path | None = None
        self._busy = False

    def compose(self) -> ComposeResult:
        meta = self.session.meta
        with Vertical(id="dialog"):
            yield Static(f"Export “{meta.title}” · {meta.profile}", id="dialog-title")
            yield Static("Format", classes="field-label")
            with FormatChoice(id="export-format"):
                for fmt, label in FORMAT_LABELS.items():
                    yield RadioButton(label, value=fmt == self.fmt, id=f"format-{fmt}")
            yield Static("Save to", classes="field-label")
            yield Input(str(default_export_path(self.session_path, self.fmt)),
                        id="export-path", select_on_focus=False)
            yield Static(id="export-message", classes="hidden")
            with Horizontal(id="buttons"):
                yield Static("Enter exports · Esc cancels", id="dialog-keys")
                yield Button("Export", id="export", variant="primary")
                yield Button("Cancel", id="cancel")

    @on(RadioSet.Changed, "#export-format")
    def _format_chosen(self, event: RadioSet.Changed) -> None:
        pressed = event.pressed.id or ""
        self.fmt = pressed.removeprefix("format-") or self.fmt
        path_input = self.query_one("#export-path", Input)
        path_input.value = (with_format(path_input.value, self.fmt) if path_input.value.strip()
                            else str(default_export_path(self.session_path, self.fmt)))
        self._show_message("")

    @on(Input.Changed, "#export-path")
    def _path_edited(self) -> None:
        if self._replace_confirmed is not None:
            self._replace_confirmed = None
            self._show_message("")

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export")
    def action_submit(self) -> None:
        """Export to the typed path (asks once before replacing an existing file)."""
        if self._busy:
            return
        text = self.query_one("#export-path", Input).value
        if not text.strip():
            self._show_message("Type where to save the export.", error=True)
            return
        try:
            path = target_path(text)
        except (ValueError, RuntimeError) as error:  # a NUL, or ~user for an unknown user
            self._show_message(f"Nothing was exported: {text.strip()!r} is not a usable path "
                               f"({error}).", error=True)
            return
        self._busy = True
        self.query_one("#export", Button).disabled = True
        self._show_message(f"Exporting as {FORMAT_NAMES[self.fmt]}…")
        self._export(path, self.fmt, replace=self._replace_confirmed == path)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if not self._busy:  # a write under way finishes first; its result is shown
            self.dismiss(None)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(self, path: Path, fmt: str, *, replace: bool) -> None:
        try:
            outcome = write_export(self.session, self.bank, fmt, path, replace=replace)
        except Exception as error:  # the dialog must never stay stuck in "Exporting…"
            outcome = ExportOutcome(path, problem=f"{path}: {error}")
        self.app.call_from_thread(self._finished, outcome)

    def _finished(self, outcome: ExportOutcome) -> None:
        self._busy = False
        self.query_one("#export", Button).disabled = False
        if outcome.written:
            self.dismiss(outcome.path)
        elif outcome.exists:
            self._replace_confirmed = outcome.path
            self._show_message(f"{outcome.path} already exists. Press Enter again to replace "
                               "it, or change the name.", error=True)
        else:
            self._show_message(f"Nothing was exported. {outcome.problem}", error=True)
        self.query_one("#export-path", Input).focus()

    def _show_message(self, text: str, *, error: bool = False) -> None:
        message = self.query_one("#export-message", Static)
        message.update(text)
        message.set_class(not text, "hidden")
        message.set_class(error, "error")

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
from slbmc_tui.export import ExportError, render_document
from slbmc_tui.export.audience import CLIENT, WORKING, Audience
from slbmc_tui.i18n import N_, _
from slbmc_tui.storage.atomic import atomic_write_bytes, ensure_private_dir
from slbmc_tui.storage.targets import export_target_problem

EXPORTS_FOLDER = "exports"
FORMAT_LABELS: dict[str, str] = {
    "md": N_("Markdown (.md): plain text for notes, wikis and e-mail"),
    "html": N_("HTML (.html): a document to share, open in a browser or print"),
    "svg": N_("SVG picture of the canvas (.svg): all nine blocks on one page"),
    "pdf": N_("PDF (.pdf): the canvas page and the answers, to print or send"),
}
FORMAT_NAMES: dict[str, str] = {"md": "Markdown", "html": "HTML", "svg": "SVG", "pdf": "PDF"}
AUDIENCE_LABELS: dict[str, str] = {
    "client": N_("Client (answers only)"),
    "working": N_("Working copy (everything)"),
}


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
                 replace: bool = False, audience: Audience = WORKING) -> ExportOutcome:
    """Render and write one export (0600); runs in a worker thread, never raises for the user."""
    if "\x00" in str(path):
        return ExportOutcome(path, problem=_("The path holds a NUL character, which no "
                                             "file name can; type the path again."))
    if (refused := export_target_problem(path)) and not path.is_dir():
        return ExportOutcome(path, problem=refused)  # a device, pipe, socket or link
    if path.suffix.lower() == ".toml":
        return ExportOutcome(path, problem=_(
            "{name}: .toml is what session files are called; name the export .{format} "
            "instead.").format(name=path.name, format=fmt))
    if path.is_dir():
        return ExportOutcome(path, problem=_(
            "{path} is a folder; add a file name, e.g. {example}.").format(
                path=path, example=path / ("export." + fmt)))
    if path.exists() and not replace:
        return ExportOutcome(path, exists=True)
    try:
        data = render_document(session, bank, fmt, audience)
        _prepare_folder(path.parent)
        atomic_write_bytes(path, data)
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
        raise ExportError(_("{path} is a file, not a folder, so nothing can be saved "
                            "under it. Choose another folder.").format(path=existing))
    ensure_private_dir(folder)


class FormatChoice(RadioSet):
    """The format list: arrows choose at once, Enter exports (it does not just tick)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "screen.submit", N_("Export"), show=False),
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
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", N_("Cancel"))]

    def __init__(self, session: Session, bank: QuestionBank, session_path: Path,
                 fmt: str = "md") -> None:
        super().__init__()
        # A copy: the export shows the session as it was when the dialog opened.
        self.session = session.copy()
        self.bank = bank
        self.session_path = session_path
        self.fmt = fmt if fmt in FORMAT_LABELS else "md"
        self.audience: Audience = CLIENT
        self._replace_confirmed: Path | None = None
        self._busy = False

    def compose(self) -> ComposeResult:
        meta = self.session.meta
        with Vertical(id="dialog"):
            yield Static(_("Export “{title}” · {profile}").format(
                title=meta.title, profile=meta.profile), id="dialog-title", markup=False)
            yield Static(_("Format"), classes="field-label")
            with FormatChoice(id="export-format"):
                for fmt, label in FORMAT_LABELS.items():
                    yield RadioButton(_(label), value=fmt == self.fmt, id=f"format-{fmt}")
            yield Static(_("For"), classes="field-label")
            with FormatChoice(id="export-audience"):
                for name, label in AUDIENCE_LABELS.items():
                    yield RadioButton(_(label), value=name == self.audience.name,
                                      id=f"audience-{name}")
            yield Static(_("Save to"), classes="field-label")
            yield Input(str(default_export_path(self.session_path, self.fmt)),
                        id="export-path", select_on_focus=False)
            yield Static(id="export-message", classes="hidden", markup=False)
            with Horizontal(id="buttons"):
                yield Static(_("Enter exports · Esc cancels"), id="dialog-keys")
                yield Button(_("Export"), id="export", variant="primary")
                yield Button(_("Cancel"), id="cancel")

    @on(RadioSet.Changed, "#export-format")
    def _format_chosen(self, event: RadioSet.Changed) -> None:
        pressed = event.pressed.id or ""
        self.fmt = pressed.removeprefix("format-") or self.fmt
        path_input = self.query_one("#export-path", Input)
        path_input.value = (with_format(path_input.value, self.fmt) if path_input.value.strip()
                            else str(default_export_path(self.session_path, self.fmt)))
        self._show_message("")

    @on(RadioSet.Changed, "#export-audience")
    def _audience_chosen(self, event: RadioSet.Changed) -> None:
        self.audience = WORKING if event.pressed.id == "audience-working" else CLIENT
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
            self._show_message(_("Type where to save the export."), error=True)
            return
        try:
            path = target_path(text)
        except (ValueError, RuntimeError) as error:  # a NUL, or ~user for an unknown user
            self._show_message(_("Nothing was exported: {path} is not a usable path "
                                 "({error}).").format(path=repr(text.strip()), error=error),
                               error=True)
            return
        self._busy = True
        self.query_one("#export", Button).disabled = True
        self._show_message(_("Exporting as {format}…").format(format=FORMAT_NAMES[self.fmt]))
        self._export(path, self.fmt, replace=self._replace_confirmed == path,
                     audience=self.audience)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if not self._busy:  # a write under way finishes first; its result is shown
            self.dismiss(None)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(self, path: Path, fmt: str, *, replace: bool, audience: Audience) -> None:
        try:
            outcome = write_export(self.session, self.bank, fmt, path, replace=replace,
                                   audience=audience)
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
            self._show_message(_("{path} already exists. Press Enter again to replace it, "
                                 "or change the name.").format(path=outcome.path), error=True)
        else:
            self._show_message(_("Nothing was exported. {problem}").format(
                problem=outcome.problem), error=True)
        self.query_one("#export-path", Input).focus()

    def _show_message(self, text: str, *, error: bool = False) -> None:
        message = self.query_one("#export-message", Static)
        message.update(text)
        message.set_class(not text, "hidden")
        message.set_class(error, "error")

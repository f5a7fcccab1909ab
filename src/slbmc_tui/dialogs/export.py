"""Export dialog: choose a format and a file; the session is rendered and written off the UI thread.

Where the file goes and how it is written are `services.exporting`'s rules (shared with
`slbmc export`); the dialog asks, shows and confirms.

The dialog stays open when an export fails, showing why, so the path can be fixed and
Enter pressed again; a failed export writes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, RadioButton, RadioSet, Static

from slbmc_tui.domain.bank import QuestionBank
from slbmc_tui.domain.session import Session
from slbmc_tui.export.audience import CLIENT, WORKING, Audience
from slbmc_tui.services.exporting import (
    ExportOutcome,
    default_export_path,
    target_path,
    with_format,
    write_export,
)
from slbmc_tui.text.safe import visible_block, visible_line
from slbmc_tui.widgets.safe_input import SafeInput

FORMAT_LABELS: dict[str, str] = {
    "md": "Markdown (.md): plain text for notes, wikis and e-mail",
    "html": "HTML (.html): a document to share, open in a browser or print",
    "svg": "SVG picture of the canvas (.svg): all nine blocks on one page",
    "pdf": "PDF (.pdf): the canvas page and the answers, to print or send",
}
FORMAT_NAMES: dict[str, str] = {"md": "Markdown", "html": "HTML", "svg": "SVG", "pdf": "PDF"}
AUDIENCE_LABELS: dict[str, str] = {
    "client": "Client (answers only)",
    "working": "Working copy (everything)",
}


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
        self.audience: Audience = CLIENT
        self._replace_confirmed: Path | None = None
        self._busy = False

    def compose(self) -> ComposeResult:
        meta = self.session.meta
        with Vertical(id="dialog"):
            yield Static(Content(visible_line(f"Export “{meta.title}” · {meta.profile}")),
                         id="dialog-title")
            yield Static("Format", classes="field-label")
            with FormatChoice(id="export-format"):
                for fmt, label in FORMAT_LABELS.items():
                    yield RadioButton(label, value=fmt == self.fmt, id=f"format-{fmt}")
            yield Static("For", classes="field-label")
            with FormatChoice(id="export-audience"):
                for name, label in AUDIENCE_LABELS.items():
                    yield RadioButton(label, value=name == self.audience.name,
                                      id=f"audience-{name}")
            yield Static("Save to", classes="field-label")
            yield SafeInput(str(default_export_path(self.session_path, self.fmt)),
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
            self._show_message(f"{outcome.path} already exists. Press Enter again to replace "
                               "it, or change the name.", error=True)
        else:
            self._show_message(f"Nothing was exported. {outcome.problem}", error=True)
        self.query_one("#export-path", Input).focus()

    def _show_message(self, text: str, *, error: bool = False) -> None:
        message = self.query_one("#export-message", Static)
        message.update(Content(visible_block(text)))
        message.set_class(not text, "hidden")
        message.set_class(error, "error")

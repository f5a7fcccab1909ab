"""An answer's saved versions, newest first: ↑/↓ to look, Enter to restore, Escape to close."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from slbmc_tui.storage.history import HistoryRead, Version
from slbmc_tui.text.safe import visible_block, visible_line
from slbmc_tui.widgets.answer_editor import AnswerEditor

PREVIEW_CHARS = 40


def version_line(version: Version, *, current: bool) -> Content:
    """`14:32:05 · 27 Nov · 312 chars · first words…`, one line."""
    first = visible_line(" ".join(version.text.split())[:PREVIEW_CHARS]) or "(empty)"
    mark = " (as it is now)" if current else ""
    when = f"{version.saved_at:%H:%M:%S · %d %b}"
    return Content.assemble((when, "bold"), f" · {len(version.text)} chars{mark} · ",
                            (first, "dim"))


class AnswerHistoryDialog(ModalScreen[str | None]):
    """Pick an earlier version of one answer; dismissed with its text, or None."""

    CSS_PATH = "answer_history.tcss"
    BINDINGS = [
        Binding("escape", "dismiss_none", "Close"),
        Binding("enter", "restore", "Restore this version", priority=True),
    ]

    def __init__(self, title: str, versions: Sequence[Version], current: str, *,
                 problem: str = "", read_only: bool = False) -> None:
        super().__init__()
        self._title = title
        self._versions = list(versions)
        self._current = current
        self._problem = problem
        self._read_only = read_only

    def compose(self) -> ComposeResult:
        with Vertical(id="answer-history"):
            yield Static(Content(f"History of: {visible_line(self._title)}"), id="history-title")
            if self._problem:
                yield Static(Content(visible_block(self._problem)), id="history-problem")
            if not self._versions:
                yield Static("No saved versions of this answer yet: each save keeps one.",
                             id="history-empty")
            yield OptionList(*(Option(version_line(v, current=v.text == self._current),
                                      id=str(index))
                               for index, v in enumerate(self._versions)),
                             id="history-versions")
            with VerticalScroll(id="history-preview-box"):
                yield Static("", id="history-preview")
            yield Footer()

    def on_mount(self) -> None:
        versions = self.query_one("#history-versions", OptionList)
        if self._versions:
            versions.highlighted = 0
            self._preview(0)
        versions.focus()

    @on(OptionList.OptionHighlighted, "#history-versions")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._preview(event.option_index)

    def _preview(self, index: int) -> None:
        text = self._versions[index].text if 0 <= index < len(self._versions) else ""
        self.query_one("#history-preview", Static).update(Content(visible_block(text) or "(empty)"))

    @on(OptionList.OptionSelected, "#history-versions")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_restore()

    def action_restore(self) -> None:
        """Put the highlighted version back in the answer (the current text stays in history)."""
        index = self.query_one("#history-versions", OptionList).highlighted
        if self._read_only:
            self.notify("This session is open read-only.", severity="warning")
            return
        if index is None or not 0 <= index < len(self._versions):
            return
        self.dismiss(self._versions[index].text)

    def action_dismiss_none(self) -> None:
        """Close without changing the answer."""
        self.dismiss(None)


def offer_history(app: App[object], editor: AnswerEditor, found: HistoryRead, *, title: str,
                  read_only: bool) -> None:
    """Show the dialog for `editor`'s answer; a version chosen replaces the answer's text.

    Replaced as an edit like any other: written through and saved, kept in the history,
    and Ctrl+Z in the answer takes it back.
    """
    def chosen(text: str | None) -> None:
        if text is not None and text != editor.text and not read_only:
            editor.replace(text, (0, 0), editor.document.end)
            app.notify("Restored. Ctrl+Z in the answer puts back what it replaced.",
                       title="Answer restored", timeout=6)
        editor.focus()

    app.push_screen(AnswerHistoryDialog(title, found.versions, editor.text,
                                        problem=found.problem, read_only=read_only), chosen)

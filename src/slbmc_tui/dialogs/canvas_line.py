"""An answer's canvas line: the short, sticky-note version the one-page canvas prints.

`CanvasLineDialog` shows the question and the answer, a field holding the line, and as
it is typed how the canvas page (HTML, PDF, SVG) will print it: the lines, the type
size, whether the cell shortens or hides it. `CanvasLinePicker` chooses one of a block's
answers first (from the canvas view). `edit_canvas_line` runs the dialog and saves what
it returns through the editing service, which keeps it in the answers' history.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from slbmc_tui.domain.bank import PERSPECTIVES, Block, QuestionBank
from slbmc_tui.domain.session import Session
from slbmc_tui.export.audience import CLIENT
from slbmc_tui.export.canvas_page import LinePreview, preview_line
from slbmc_tui.export.wording import wording_for
from slbmc_tui.i18n import N_, _
from slbmc_tui.services.editing import AnswerKey, EditingSession
from slbmc_tui.text.safe import visible_block, visible_line
from slbmc_tui.widgets.safe_input import SafeInput

PREVIEW_LINES = 6
"""Printed lines shown in the preview; a canvas line longer than this is not short."""


def question_text(bank: QuestionBank, key: AnswerKey) -> str:
    """The question as the bank words it (its id for an answer to a removed question)."""
    block = bank.block(key.block_id)
    prompt = block.prompt(key.perspective, key.prompt_id) if block else None
    return prompt.text if prompt else key.prompt_id


def preview_text(preview: LinePreview, typed: str) -> Content:
    """The length guide and the printed lines, as the dialog shows them."""
    if not preview.answered:
        return Content(_("Not on the canvas yet: the canvas shows a question once it has an "
                         "answer (text or ticks)."))
    count = _("{count} characters").format(count=len(typed.strip()))
    guide = _("one line of this cell holds about {chars} characters at {size} pt").format(
        chars=preview.line_chars, size=f"{preview.size:g}")
    head = f"{count} · {guide}" if typed.strip() else guide
    if preview.hidden:
        return Content.assemble(head, "\n", (_(
            "The cell is full: this answer is counted in “+N more”. A shorter line here or "
            "elsewhere in the block lets it show."), "bold"))
    lines = [visible_line(line) for line in preview.lines[:PREVIEW_LINES]]
    if len(preview.lines) > PREVIEW_LINES:
        lines.append("…")
    where = (_("On the canvas (shortened to fit):") if preview.shortened
             else _("On the canvas:"))
    return Content.assemble(head, "\n", (where, "bold"), "\n", "\n".join(
        f"│ {line}" for line in lines))


class CanvasLineDialog(ModalScreen[str | None]):
    """Type one answer's canvas line; dismissed with the line ("" clears it), or None."""

    CSS_PATH = "canvas_line.tcss"
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"))]

    def __init__(self, session: Session, bank: QuestionBank, key: AnswerKey, *,
                 read_only: bool = False) -> None:
        super().__init__()
        self.session = session
        self.bank = bank
        self.key = key
        self.read_only = read_only
        self._words = wording_for(session.meta.language or bank.language)
        answer = session.peek(key.block_id, key.perspective, key.prompt_id)
        self.current = answer.canvas_line if answer else ""
        self.answer_text = answer.text if answer else ""

    def compose(self) -> ComposeResult:
        block = self.bank.block(self.key.block_id)
        where = (f"{block.number}. {block.title} · " if block else "") + \
            self.bank.perspective_label(self.key.perspective)
        with Vertical(id="canvas-line"):
            yield Static(Content.assemble((_("Canvas line"), "bold"), " · ",
                                          visible_line(where)), id="canvas-line-title")
            yield Static(Content(visible_block(question_text(self.bank, self.key))),
                         id="canvas-line-question")
            with VerticalScroll(id="canvas-line-answer"):
                yield Static(Content(visible_block(self.answer_text.strip("\n"))
                                     or _("(no text)")), id="canvas-line-answer-text")
            yield Static(_("A short version of this answer for the one-page canvas. The "
                           "answers pages keep the full text. Empty: the canvas shows the "
                           "answer itself."), id="canvas-line-help")
            yield SafeInput(self.current, id="canvas-line-input",
                            placeholder=_("e.g. Stay at home, safely"))
            yield Static(id="canvas-line-preview")
            with Horizontal(id="canvas-line-buttons"):
                yield Button(_("Save"), id="canvas-line-save", variant="primary")
                yield Button(_("Clear"), id="canvas-line-clear")
                yield Button(_("Cancel"), id="canvas-line-cancel")

    def on_mount(self) -> None:
        field = self.query_one("#canvas-line-input", SafeInput)
        field.cursor_position = len(field.value)
        field.focus()
        self._show_preview(field.value)

    @on(Input.Changed, "#canvas-line-input")
    def _typed(self, event: Input.Changed) -> None:
        self._show_preview(event.value)

    def _show_preview(self, typed: str) -> None:
        at = (self.key.block_id, self.key.perspective, self.key.prompt_id)
        preview = preview_line(self.session, self.bank, at, typed, self._words, CLIENT)
        self.query_one("#canvas-line-preview", Static).update(preview_text(preview, typed))

    @on(Input.Submitted, "#canvas-line-input")
    @on(Button.Pressed, "#canvas-line-save")
    def action_save(self) -> None:
        """Keep the line as typed; a line of spaces only is no line."""
        if self.read_only:
            self.notify(_("This session is open read-only."), severity="warning")
            return
        line = self.query_one("#canvas-line-input", SafeInput).value
        self.dismiss(line if line.strip() else "")

    @on(Button.Pressed, "#canvas-line-clear")
    def action_clear(self) -> None:
        """No canvas line: the canvas shows the answer itself."""
        if self.read_only:
            self.notify(_("This session is open read-only."), severity="warning")
            return
        self.dismiss("")

    @on(Button.Pressed, "#canvas-line-cancel")
    def action_cancel(self) -> None:
        """Close and change nothing."""
        self.dismiss(None)


def answered_keys(session: Session, block: Block) -> list[AnswerKey]:
    """The block's answers the canvas shows, ours first, in the bank's order."""
    return [AnswerKey(block.id, perspective, prompt.id)
            for perspective in PERSPECTIVES for prompt in block.prompts(perspective)
            if (answer := session.peek(block.id, perspective, prompt.id)) is not None
            and answer.is_answered]


class CanvasLinePicker(ModalScreen[AnswerKey | None]):
    """Which of a block's answers gets a canvas line (from the canvas view)."""

    CSS_PATH = "canvas_line.tcss"
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"))]

    def __init__(self, session: Session, bank: QuestionBank, block: Block) -> None:
        super().__init__()
        self.session = session
        self.bank = bank
        self.block = block
        self.keys = answered_keys(session, block)

    def compose(self) -> ComposeResult:
        with Vertical(id="canvas-line-picker"):
            yield Static(Content.assemble((_("Canvas line for which answer?"), "bold"), " · ",
                                          visible_line(f"{self.block.number}. "
                                                       f"{self.block.title}")),
                         id="canvas-line-title")
            yield OptionList(*(Option(self._entry(key), id=str(index))
                               for index, key in enumerate(self.keys)),
                             id="canvas-line-answers")

    def _entry(self, key: AnswerKey) -> Content:
        answer = self.session.peek(key.block_id, key.perspective, key.prompt_id)
        line = answer.canvas_line.strip() if answer else ""
        shown = (visible_line(" ".join(line.split())) if line
                 else _("(no canvas line: the canvas shows the answer)"))
        return Content.assemble(
            (visible_line(self.bank.perspective_label(key.perspective)), "bold"), " · ",
            visible_line(" ".join(question_text(self.bank, key).split())), "\n  ",
            (shown, "italic" if line else "dim"))

    def on_mount(self) -> None:
        answers = self.query_one("#canvas-line-answers", OptionList)
        answers.highlighted = 0
        answers.focus()

    @on(OptionList.OptionSelected, "#canvas-line-answers")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.keys[event.option_index])

    def action_cancel(self) -> None:
        """Close without choosing."""
        self.dismiss(None)


def edit_canvas_line(screen: Screen[Any], editing: EditingSession, key: AnswerKey, *,
                     done: Callable[[bool], None] | None = None) -> None:
    """Ask for `key`'s canvas line and save it through `editing`; `done(changed)` after."""
    def chosen(line: str | None) -> None:
        changed = line is not None and not editing.read_only and \
            editing.set_canvas_line(key, line)
        if changed:
            screen.notify(_("Canvas line saved.") if line else
                          _("Canvas line cleared: the canvas shows the answer."),
                          timeout=4)
        if done is not None:
            done(changed)

    screen.app.push_screen(CanvasLineDialog(editing.session, editing.bank, key,
                                            read_only=editing.read_only), chosen)


def pick_and_edit_canvas_line(screen: Screen[Any], editing: EditingSession, block: Block,
                              *, done: Callable[[bool], None]) -> None:
    """From a block: choose one of its answers (when it has several), then its line."""
    keys = answered_keys(editing.session, block)
    if not keys:
        screen.notify(_("No answers in this block yet: a canvas line is the short form of "
                        "an answer."), severity="warning")
        return
    if len(keys) == 1:
        edit_canvas_line(screen, editing, keys[0], done=done)
        return

    def picked(key: AnswerKey | None) -> None:
        if key is not None:
            edit_canvas_line(screen, editing, key, done=done)

    screen.app.push_screen(CanvasLinePicker(editing.session, editing.bank, block), picked)

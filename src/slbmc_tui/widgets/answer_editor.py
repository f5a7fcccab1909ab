"""One prompt on screen: its question, hints, tickable options and the answer editor."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Static
from textual.widgets.text_area import Edit, EditResult

from slbmc_tui.domain.bank import Prompt
from slbmc_tui.domain.session import Answer
from slbmc_tui.i18n import N_, _
from slbmc_tui.services.editing import NOTES_PROMPT as NOTES_PROMPT
from slbmc_tui.services.editing import AnswerKey as AnswerKey
from slbmc_tui.text.safe import visible_block, visible_line
from slbmc_tui.widgets.option_keys import (
    MAX_NUMBERED,
    letter_position,
    option_for_key,
    option_letters,
)
from slbmc_tui.widgets.quote_marks import styled_line
from slbmc_tui.widgets.safe_text_area import SafeTextArea

ANSWER_PLACEHOLDER = N_("Type the answer…")
TICK_HINT = N_("Tick: {first}–{last} or the underlined letter · Esc: none")
"""Shown in the answer box's bottom border while ticking is armed (Ctrl+Space)."""
TICK_KEY_HINT = N_("Ctrl+Space: tick an option")
"""Shown there while the cursor is in an answer whose prompt has options."""

WriteText = Callable[[AnswerKey, str], object]
"""Where an editor's text goes on every change (`EditingSession.set_text`)."""

WriteOptions = Callable[[AnswerKey, list[str]], object]
"""Where a picker's ticks go on every change (`EditingSession.set_options`)."""


def _ignore(_key: AnswerKey, _value: object) -> None:
    """The sink of a widget nobody edits through (read-only views, tests of the widget)."""


class AnswerEditor(SafeTextArea):
    """A soft-wrapped, multi-line answer; Tab moves on to the next field.

    Every edit (typing, paste, undo, redo) hands the new text to `write` before the key
    that made it returns: the session never lags behind the screen.
    """

    def __init__(self, text: str, *, key: AnswerKey, read_only: bool,
                 placeholder: str = ANSWER_PLACEHOLDER, write: WriteText = _ignore) -> None:
        super().__init__(
            text, soft_wrap=True, tab_behavior="focus", read_only=read_only,
            show_line_numbers=False, highlight_cursor_line=False, placeholder=_(placeholder),
            classes="answer-editor",
        )
        self.answer_key = key
        self._write = write
        self._visited = False
        self.ticking: OptionPicker | None = None
        """Set while ticking is armed from this box: the next key goes to this picker."""

    def edit(self, edit: Edit) -> EditResult:
        result = super().edit(edit)
        self._write(self.answer_key, self.text)
        if self.border_subtitle and self.ticking is None:
            # The Ctrl+Space hint has been seen once typing starts; a border label is drawn
            # again with every refresh of the box, which cost ~1 ms a key (bench/README.md).
            self.border_subtitle = ""
        return result

    def undo(self) -> None:
        super().undo()
        self._write(self.answer_key, self.text)

    def redo(self) -> None:
        super().redo()
        self._write(self.answer_key, self.text)

    def on_focus(self) -> None:
        self.enter_for_typing()
        card = card_of(self)
        if not self.read_only and card is not None and card.prompt.options:
            self.border_subtitle = _(TICK_KEY_HINT)  # where the eye is, moving nothing

    def on_key(self, event: events.Key) -> None:
        # Before the text area's own handling: while ticking is armed (Ctrl+Space) the next
        # key picks an option, or only disarms; it is never typed. Keys of one burst arrive
        # here in order, after the arming binding has run, so "Ctrl+Space 2 text" ticks
        # option 2 and types "text".
        picker = self.ticking
        if picker is not None:
            event.stop()
            event.prevent_default()
            picker.take_tick_key(event)

    def on_blur(self) -> None:
        if self.ticking is not None:
            self.ticking.disarm()
        self.border_subtitle = ""

    def on_paste(self) -> None:
        # A paste is text, never a tick: it goes in as always, and ticking is off again.
        if self.ticking is not None:
            self.ticking.disarm()

    def get_line(self, line_index: int) -> Text:
        """A row of the answer; the client's own words (`>` lines) drawn apart."""
        return styled_line(self, super().get_line(line_index))

    def enter_for_typing(self) -> None:
        """The first time an answer is entered (Tab, click, resume), type after its text.

        Words added to an earlier answer belong at its end; a cursor at the start would put
        them in front of what was said. Later cursor moves are the user's and are kept.
        """
        if not self._visited:
            self._visited = True
            if self.text and self.cursor_location == (0, 0):
                self.move_cursor(self.document.end)


class OptionPicker(Widget, can_focus=True):
    """The prompt's tickable options (for example benefit types): ↑/↓ (Home/End) move,
    space or Enter ticks, a click ticks the option clicked.

    Drawn by the widget itself, one line per option, rather than a SelectionList: the
    first block of every session has one, and Textual's list cost ~2 % of a start.
    """

    DEFAULT_CSS = """
    OptionPicker > .option-picker--key { color: $text-accent; text-style: bold underline; }
    """
    COMPONENT_CLASSES = {
        "option-picker--box",
        "option-picker--tick",
        "option-picker--no-tick",
        "option-picker--highlighted",
        "option-picker--key",
    }

    def __init__(self, key: AnswerKey, prompt: Prompt, ticked: list[str], *,
                 read_only: bool, write: WriteOptions = _ignore) -> None:
        super().__init__(classes="option-picker", disabled=read_only)
        self.answer_key = key
        self._write = write
        self._typing = False  # text was typed here: it goes to the answer, spaces too
        self._options = [(option.id, option.label) for option in prompt.options]
        self._ticked = set(ticked)
        known = {option_id for option_id, _ in self._options}
        self._kept = [option_id for option_id in ticked if option_id not in known]
        self._letters = option_letters([label for _, label in self._options])
        self.highlighted = 0
        self.armed_from: AnswerEditor | None = None
        self.armed = False
        """Ticking is armed: the next key (a number or an option's letter) ticks."""

    def arm(self, editor: AnswerEditor | None) -> bool:
        """Arm ticking by key, from `editor` (None: from the list itself); False when there
        is nothing to tick. The answer box's border says which keys work."""
        if not self._options or self.disabled:
            return False
        self.armed = True
        self.armed_from = editor
        self.add_class("-ticking")
        if editor is not None:
            editor.ticking = self
            editor.border_subtitle = Content(_(TICK_HINT).format(
                first=1, last=min(len(self._options), MAX_NUMBERED)))
        self.refresh()
        return True

    def disarm(self) -> None:
        """Back to normal: keys type again."""
        if not self.armed:
            return
        self.armed = False
        self.remove_class("-ticking")
        if (editor := self.armed_from) is not None:
            editor.ticking = None
            editor.border_subtitle = _(TICK_KEY_HINT) if editor.has_focus else ""
        self.armed_from = None
        self.refresh()

    def take_tick_key(self, event: events.Key) -> None:
        """The key after Ctrl+Space: tick the option it names (else say so); then disarm."""
        self.disarm()
        index = option_for_key(event.character, self._letters)
        if index is not None:
            self.highlighted = index
            self.tick()
        elif event.is_printable and event.character and event.character.strip():
            self.notify(_("No option “{key}” here: nothing ticked.").format(
                key=event.character), timeout=3, markup=False)

    @property
    def selected(self) -> list[str]:
        """The ticked option ids in the prompt's order, then any the bank no longer offers
        (kept as they were saved: they are the user's, not ours to drop)."""
        return [option_id for option_id, _ in self._options
                if option_id in self._ticked] + self._kept

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # One line per option (never wrapped). Said here so that laying out the block does
        # not render the picker first, when its width is not known yet (`render` needs it).
        return len(self._options)

    def render(self) -> Content:
        box = self.get_visual_style("option-picker--box", partial=True)  # row's background
        tick = self.get_visual_style("option-picker--tick")
        no_tick = self.get_visual_style("option-picker--no-tick")
        key = self.get_visual_style("option-picker--key") if self.armed else box
        lines = []
        for index, (option_id, label) in enumerate(self._options):
            ticked = option_id in self._ticked
            # The state reads without colour too (a projector, a colour-blind reader):
            # [x] ticked, [ ] not; numbered, so people can say which one.
            number = f"{index + 1}" if index < MAX_NUMBERED else " "
            shown = Content(f" {visible_line(label)}")
            where = letter_position(visible_line(label), self._letters[index])
            if self.armed and where is not None:  # the letter that ticks it, underlined
                shown = shown.stylize(key, where + 1, where + 2)
            line = Content.assemble(
                (number, key), (" ", box), ("[", box),
                ("x" if ticked else " ", tick if ticked else no_tick), ("]", box), shown)
            if index == self.highlighted:  # the whole row, under the box's own colours
                line = line.extend_right(max(0, self.size.width - line.cell_length))
                line = line.stylize_before(self.get_visual_style("option-picker--highlighted"))
            lines.append(line)
        return Content("\n").join(lines)

    def on_key(self, event: events.Key) -> None:
        # Handled here rather than as bindings: a binding is looked up when the key has
        # bubbled back to the app, by which time a Tab typed right after it (in the same
        # burst) has moved the cursor on, and the key would go to the next field.
        # Text typed here is not lost: it bubbles to the screen, which types it into this
        # prompt's answer. Once text has started, a space is part of it rather than a tick
        # (in a burst the whole phrase reaches this widget before the cursor moves on).
        if self.armed:
            self.take_tick_key(event)
            event.stop()
            event.prevent_default()
            return
        if event.is_printable and (event.key != "space" or self._typing or not self.has_focus):
            self._typing = True
            return
        self._typing = False
        last = len(self._options) - 1
        moves = {"up": self.highlighted - 1, "down": self.highlighted + 1, "home": 0, "end": last}
        if event.key in moves:
            self.highlighted = max(0, min(last, moves[event.key]))
            self.refresh()
        elif event.key in ("space", "enter"):
            self.tick()
        else:
            return
        event.stop()
        event.prevent_default()

    def tick(self) -> None:
        """Tick the highlighted option, or untick it."""
        if not self._options:
            return
        option_id = self._options[self.highlighted][0]
        self._ticked ^= {option_id}
        self.refresh()
        self._write(self.answer_key, self.selected)

    def on_focus(self) -> None:
        self._typing = False

    def on_blur(self) -> None:
        if self.armed_from is None:
            self.disarm()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None and 0 <= offset.y < len(self._options):
            self.highlighted = offset.y
            self.tick()


class PromptCard(Vertical):
    """A prompt with everything needed to answer it; marked while it needs research."""

    def __init__(self, key: AnswerKey, prompt: Prompt, answer: Answer | None, *,
                 read_only: bool, research_label: str, write_text: WriteText = _ignore,
                 write_options: WriteOptions = _ignore) -> None:
        super().__init__(classes="prompt-card")
        self._write_text = write_text
        self._write_options = write_options
        self.answer_key = key
        self.prompt = prompt
        self.answer = answer
        self._read_only = read_only
        self._research_label = research_label
        self.set_class(bool(answer and answer.needs_research), "-research")

    def compose(self) -> ComposeResult:
        yield Static(visible_block(self.prompt.text), classes="prompt-text", markup=False)
        if self.prompt.hints:
            yield Static("\n".join(f"· {visible_line(hint)}" for hint in self.prompt.hints),
                         classes="prompt-hints", markup=False)
        if self.prompt.options:
            ticked = list(self.answer.options) if self.answer else []
            yield OptionPicker(self.answer_key, self.prompt, ticked, read_only=self._read_only,
                               write=self._write_options)
        editor = AnswerEditor(self.answer.text if self.answer else "", key=self.answer_key,
                              read_only=self._read_only, write=self._write_text)
        editor.border_title = self._research_title()
        yield editor

    @property
    def editor(self) -> AnswerEditor:
        return self.query_one(AnswerEditor)

    hide_private = False
    """Set in presentation mode: the research flag is the interviewer's, not the client's."""

    def show_research(self, flagged: bool) -> None:
        """Mark the card, and say so in its answer box's top border: nothing moves."""
        self.set_class(flagged, "-research")
        for editor in self.query(AnswerEditor):
            editor.border_title = self._research_title()

    def _research_title(self) -> Content:
        flagged = self.has_class("-research") and not self.hide_private
        # The label comes from the bank file: text, never markup.
        return Content(f"⚑ {visible_line(self._research_label)}" if flagged else "")

    @property
    def research_mark(self) -> str:
        """The flag as shown on screen ("" when none is)."""
        title = self.editor.border_title  # given back as markup: read as the plain text
        return Content.from_markup(title).plain if title else ""


def card_of(widget: Widget | None) -> PromptCard | None:
    """The prompt card `widget` is part of (its picker, its editor), if any."""
    node = widget
    while node is not None and not isinstance(node, PromptCard):
        node = node.parent if isinstance(node.parent, Widget) else None
    return node

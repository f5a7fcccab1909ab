"""One prompt on screen: its question, hints, tickable options and the answer editor."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, SelectionList, Static, TextArea
from textual.widgets.selection_list import Selection

from slbmc_tui.domain.bank import Perspective, Prompt
from slbmc_tui.domain.session import Answer

NOTES_PROMPT = ":notes"
"""`Position.prompt` of a block's notes field; the colon keeps it apart from any prompt id."""

ANSWER_PLACEHOLDER = "Type the answer…"


@dataclass(frozen=True)
class AnswerKey:
    """Which answer an editor holds: block, perspective and prompt id (or NOTES_PROMPT)."""

    block_id: str
    perspective: Perspective
    prompt_id: str

    @property
    def is_notes(self) -> bool:
        return self.prompt_id == NOTES_PROMPT


class AnswerEditor(TextArea):
    """A soft-wrapped, multi-line answer; Tab moves on to the next field."""

    def __init__(self, text: str, *, key: AnswerKey, read_only: bool,
                 placeholder: str = ANSWER_PLACEHOLDER) -> None:
        super().__init__(
            text, soft_wrap=True, tab_behavior="focus", read_only=read_only,
            show_line_numbers=False, highlight_cursor_line=False, placeholder=placeholder,
            classes="answer-editor",
        )
        self.answer_key = key
        self._visited = False

    def on_focus(self) -> None:
        self.enter_for_typing()

    def enter_for_typing(self) -> None:
        """The first time an answer is entered (Tab, click, resume), type after its text.

        Words added to an earlier answer belong at its end; a cursor at the start would put
        them in front of what was said. Later cursor moves are the user's and are kept.
        """
        if not self._visited:
            self._visited = True
            if self.text and self.cursor_location == (0, 0):
                self.move_cursor(self.document.end)


class OptionPicker(SelectionList[str]):
    """The prompt's tickable options (for example benefit types); space ticks."""

    def __init__(self, key: AnswerKey, prompt: Prompt, ticked: list[str], *,
                 read_only: bool) -> None:
        super().__init__(
            *(Selection(option.label, option.id, option.id in ticked)
              for option in prompt.options),
            classes="option-picker", disabled=read_only,
        )
        self.answer_key = key


class PromptCard(Vertical):
    """A prompt with everything needed to answer it; marked while it needs research."""

    def __init__(self, key: AnswerKey, prompt: Prompt, answer: Answer | None, *,
                 read_only: bool, research_label: str) -> None:
        super().__init__(classes="prompt-card")
        self.answer_key = key
        self.prompt = prompt
        self._answer = answer
        self._read_only = read_only
        self._research_label = research_label
        self.set_class(bool(answer and answer.needs_research), "-research")

    def compose(self) -> ComposeResult:
        yield Static(self.prompt.text, classes="prompt-text", markup=False)
        if self.has_class("-research"):
            yield self._research_mark()
        if self.prompt.hints:
            yield Static("\n".join(f"· {hint}" for hint in self.prompt.hints),
                         classes="prompt-hints", markup=False)
        if self.prompt.options:
            ticked = list(self._answer.options) if self._answer else []
            yield OptionPicker(self.answer_key, self.prompt, ticked, read_only=self._read_only)
        yield AnswerEditor(self._answer.text if self._answer else "", key=self.answer_key,
                           read_only=self._read_only)

    @property
    def editor(self) -> AnswerEditor:
        return self.query_one(AnswerEditor)

    def show_research(self, flagged: bool) -> None:
        self.set_class(flagged, "-research")
        marks = self.query(".research-mark")
        if flagged and not marks:
            self.mount(self._research_mark(), after=".prompt-text")
        elif not flagged:
            marks.remove()

    def _research_mark(self) -> Label:
        # Built only while flagged: a hidden label on every card cost a widget each.
        return Label(f"⚑ {self._research_label}", classes="research-mark")

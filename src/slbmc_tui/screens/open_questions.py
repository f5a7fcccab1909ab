"""What still needs research: every answer flagged "needs research", in the suggested order.

The list a workshop ends with. Enter on an item returns its position so the interview
opens exactly that prompt.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from slbmc_tui.domain.bank import QuestionBank
from slbmc_tui.domain.session import Entry, Position, Session
from slbmc_tui.i18n import N_, _, ngettext
from slbmc_tui.screens.translated import translate_bindings
from slbmc_tui.text.safe import visible_line
from slbmc_tui.widgets.canvas_cell import one_line

EMPTY_MESSAGE = N_(
    "Nothing needs research yet.\n\n"
    "During the interview, press ctrl+r on an answer to mark it \"needs research\"; "
    "it will be listed here, ready to study after the workshop."
)


def entry_content(entry: Entry, bank: QuestionBank, index: int) -> Content:
    """One list item: where the question is, the question, and what was said so far."""
    block = entry.block
    answer = entry.answer
    said = one_line(answer.text) if answer else ""
    if answer and answer.options:
        labels = {option.id: option.label for option in entry.prompt.options}
        ticked = ", ".join(labels.get(option, option) for option in answer.options)
        said = f"{said} [{ticked}]" if said else ticked
    said = visible_line(said)
    return Content.assemble(
        (f"{index}. ", "$text-muted"),
        (visible_line(f"{block.number} {block.title}"), "bold"),
        ("  ·  ", "$text-muted"),
        (visible_line(bank.perspective_label(entry.perspective)),
         "bold $primary" if entry.perspective == "ours" else "bold $success"),
        "\n",
        (visible_line(one_line(entry.prompt.text)), "italic $text-muted"),
        "\n",
        (said, "") if said else (_("no answer yet"), "italic $text-muted"),
    )


def entry_position(entry: Entry) -> Position:
    return Position(block=entry.block.id, perspective=entry.perspective, prompt=entry.prompt.id)


class OpenQuestionList(OptionList):
    """The list of flagged answers; its Enter is shown in the footer, unlike OptionList's."""

    BINDINGS = [
        Binding("enter", "select", N_("Open in interview"),
                tooltip=N_("Open the highlighted question in the interview")),
    ]

    def on_mount(self) -> None:
        translate_bindings(self)  # a widget's own keys, for the Footer, in the language


class OpenQuestionsScreen(Screen[Position | None]):
    """The flagged answers of the whole session; Enter opens one in the interview."""

    CSS_PATH = "open_questions.tcss"
    BINDINGS = [
        Binding("escape", "close", N_("Back"), tooltip=N_("Return without moving")),
        Binding("f3", "close", N_("Back"), show=False),  # f3 opened it: the same key closes it
    ]

    def __init__(self, session: Session, bank: QuestionBank) -> None:
        super().__init__()
        self.session = session
        self.bank = bank
        self.entries = session.open_questions(bank)

    def compose(self) -> ComposeResult:
        meta = self.session.meta
        count = len(self.entries)
        to_research = ngettext("{count} question to research", "{count} questions to research",
                               count).format(count=count)
        yield Static(
            Content.assemble(
                (_("Open questions"), "bold"),
                visible_line(f" — {meta.title} — {meta.profile} · {to_research}"),
            ),
            id="open-heading",
        )
        if self.entries:
            options: list[Option | None] = []
            for index, entry in enumerate(self.entries, start=1):
                if index > 1:
                    options.append(None)
                options.append(Option(entry_content(entry, self.bank, index), id=str(index - 1)))
            yield OpenQuestionList(*options, id="open-list")
        else:
            yield Static(_(EMPTY_MESSAGE), id="open-empty")

        yield Footer()

    def on_mount(self) -> None:
        if self.entries:
            option_list = self.query_one("#open-list", OptionList)
            option_list.highlighted = 0
            option_list.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id is not None:
            self.dismiss(entry_position(self.entries[int(event.option_id)]))

    def action_close(self) -> None:
        self.dismiss(None)

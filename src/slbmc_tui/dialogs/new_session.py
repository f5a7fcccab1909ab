"""The new-session dialog: who and what the canvas is about, and which questions to ask."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from slbmc_tui.dialogs.form_keys import FORM_BINDINGS
from slbmc_tui.domain.bank import QuestionBank, builtin_bank, load_bank
from slbmc_tui.domain.errors import SlbmcFileError
from slbmc_tui.i18n import N_, _
from slbmc_tui.launch import NewSession, interface_bank_language
from slbmc_tui.text.safe import visible_block
from slbmc_tui.widgets.safe_input import SafeInput

BANK_CHOICES: tuple[tuple[str, str], ...] = (("en", "English"), ("fi", "Suomi"),
                                             ("en-workshop", N_("Workshop (EN)")),
                                             ("custom", N_("Custom file")))


class BankChoice(RadioButton):
    """A radio button whose dot shows only when chosen: the choice reads without colour
    (Textual draws the dot in every button and tells them apart by colour alone)."""

    @property
    def _button(self) -> Content:
        button = super()._button
        return button if self.value else Content.assemble(
            button[0], (" ", self.get_visual_style("toggle--button")), button[2])


@dataclass(frozen=True)
class NewSessionForm:
    """What the dialog collected, with the question bank already loaded and checked."""

    title: str
    profile: str
    client: str
    interviewer: str
    bank: QuestionBank
    bank_path: str = ""


class NewSessionDialog(ModalScreen[NewSessionForm | None]):
    """Asks for a new session's details; Enter creates, Escape cancels."""

    CSS_PATH = "new_session.tcss"
    # On short terminals (80x24) the form drops its spacing so the buttons stay visible.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel")),
        Binding("ctrl+s", "submit", N_("Create session")),
        *FORM_BINDINGS,
        # Priority: Enter creates from the question bank choice too (a RadioSet would take
        # it to tick).
        Binding("enter", "enter", N_("Create session"), show=False, priority=True),
    ]

    def __init__(self, prefill: NewSession | None = None, *,
                 custom_bank: Path | None = None) -> None:
        super().__init__()
        self.prefill = prefill or NewSession()
        self.custom_bank = custom_bank

    def compose(self) -> ComposeResult:
        prefill = self.prefill
        choice = ("custom" if self.custom_bank
                  else prefill.language or interface_bank_language())
        with Vertical(id="dialog"):
            yield Static(_("New session"), id="dialog-title")
            yield Static(_("* required · Enter creates · Esc cancels"), id="dialog-help")
            yield from self._field("title", _("Business or service *"), prefill.title,
                                   _("e.g. Home care that keeps people living at home"))
            yield from self._field("profile", _("Customer profile *"), prefill.profile,
                                   _("e.g. Profile 1: elderly person living at home"))
            yield from self._field("client", _("Client"), prefill.client,
                                   _("the organisation you work with (optional)"))
            yield from self._field("interviewer", _("Interviewer"), prefill.interviewer,
                                   _("who runs the interview (optional)"))
            with Horizontal(classes="field-row"):
                yield Label(_("Question bank"), classes="field-label")
                with RadioSet(id="bank", compact=True):
                    for key, label in BANK_CHOICES:
                        yield BankChoice(_(label), value=key == choice, id=f"bank-{key}")
            yield Static(classes="error hidden", id="bank-error")
            yield from self._field("bank-path", _("Bank file"), str(self.custom_bank or ""),
                                   _("path/to/questions.toml"), disabled=choice != "custom")
            with Horizontal(id="buttons"):
                yield Button(_("Create"), id="create", variant="primary")
                yield Button(_("Cancel"), id="cancel")

    @staticmethod
    def _field(field_id: str, label: str, value: str, placeholder: str,
               disabled: bool = False) -> ComposeResult:
        with Horizontal(classes="field-row"):
            yield Label(label, classes="field-label")
            # Not selected on focus: a word typed after Shift+Tab adds to the field rather
            # than replacing what is there.
            yield SafeInput(value, id=field_id, placeholder=placeholder, compact=True,
                            disabled=disabled, select_on_focus=False)
        yield Static(classes="error hidden", id=f"{field_id}-error")

    def on_mount(self) -> None:
        first_missing = "#profile" if self.prefill.title and not self.prefill.profile else "#title"
        self.query_one(first_missing, Input).focus()

    @on(RadioSet.Changed, "#bank")
    def _bank_changed(self) -> None:
        path_input = self.query_one("#bank-path", Input)
        path_input.disabled = self._bank_choice() != "custom"
        if not path_input.disabled:
            path_input.focus()
        self._set_error("bank-path", "")

    def _bank_choice(self) -> str:
        pressed = self.query_one("#bank", RadioSet).pressed_button
        return (pressed.id or "bank-en").removeprefix("bank-") if pressed else "en"

    def _value(self, field: str) -> str:
        return self.query_one(f"#{field}", Input).value.strip()

    def _set_error(self, field: str, message: str) -> None:
        error = self.query_one(f"#{field}-error", Static)
        error.update(Content(visible_block(message)))
        error.set_class(not message, "hidden")

    @on(Button.Pressed, "#create")
    def action_submit(self) -> None:
        """Check the fields; the bank file is read in a worker before the dialog closes."""
        problems = {
            "title": "" if self._value("title") else
            _("Name the business or service being modelled."),
            "profile": "" if self._value("profile") else
            _("Name the customer profile this canvas is for."),
            "bank-path": _("Give the path of your question bank file.")

            if self._bank_choice() == "custom" and not self._value("bank-path") else "",
        }
        for field, message in problems.items():
            self._set_error(field, message)
        self._set_error("bank", "")
        first_bad = next((field for field, message in problems.items() if message), None)
        if first_bad:
            self.query_one(f"#{first_bad}", Input).focus()
            return
        self._load_bank_and_finish(self._bank_choice(), self._value("bank-path"))

    @work(thread=True, exclusive=True, group="bank", exit_on_error=False)
    def _load_bank_and_finish(self, choice: str, custom_path: str) -> None:
        try:
            if choice == "custom":
                path = Path(custom_path).expanduser().resolve()
                bank, bank_path = load_bank(path), str(path)
            else:
                bank, bank_path = builtin_bank(choice), ""
        except SlbmcFileError as error:
            field = "bank-path" if choice == "custom" else "bank"
            self.app.call_from_thread(self._set_error, field, str(error))
            return
        self.app.call_from_thread(self._finish, bank, bank_path)

    def _finish(self, bank: QuestionBank, bank_path: str) -> None:
        self.dismiss(NewSessionForm(
            title=self._value("title"), profile=self._value("profile"),
            client=self._value("client"), interviewer=self._value("interviewer"),
            bank=bank, bank_path=bank_path))

    def action_enter(self) -> None:
        """Enter creates, as the dialog says, from any field; on a button it presses it.

        Enter is a priority key, so it runs before the focused field has handled the keys
        typed just before it (one burst from a fast typist or a paste): it waits behind
        them in that field's queue, as quitting does.
        """
        focused = self.focused
        if isinstance(focused, Button):
            focused.press()
        elif focused is None or not focused.call_later(self.action_submit):
            self.action_submit()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

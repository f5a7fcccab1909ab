"""Help: the keys of the screen it was opened from, and the bank's short introduction."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Label, Markdown, Static

from slbmc_tui.domain.bank import QuestionBank
from slbmc_tui.i18n import N_, _
from slbmc_tui.keymap import (
    EDITING_HELP,
    GO_TO_VIEWS,
    go_to_label,
    go_to_route,
    join_labels,
    key_label,
)
from slbmc_tui.text.safe import visible_block, visible_line

KeyHelp = tuple[str, str]
"""(key as displayed, what it does)."""


def keys_from_screen(screen: Screen[Any]) -> list[KeyHelp]:
    """The described bindings of a screen and the app, one row per action (keymap.py
    names the keys, as the README does), then the answer boxes' editing keys.

    Widget-level keys (the editor's own cursor keys) are left out; they are standard.
    Views the "Go to…" overlay opens show that route too (`Ctrl+G c`), as the README does.
    """
    app = screen.app
    rows: dict[str, list[str]] = {}
    actions: set[str] = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        if active.node not in (screen, app) or not binding.description or binding.system:
            continue
        # The footer's word, then what it does (as the README says it).
        description, tooltip = _(binding.description), _(binding.tooltip)
        what = f"{description} · {tooltip}" if tooltip else description
        labels = rows.setdefault(what, [])
        actions.add(binding.action)
        for label in (key_label(binding.key), go_to_route(binding.action)):
            if label is not None and label not in labels:
                labels.append(label)
    if "pick_block" in actions:
        for letter, action, name, tooltip in GO_TO_VIEWS:
            if action not in actions:
                rows.setdefault(f"{_(name)} · {_(tooltip)}", [go_to_label(letter)])
    return [(join_labels(labels), what) for what, labels in rows.items()] + [
        (keys, _(what)) for keys, what in EDITING_HELP]


def keys_table(keys: Iterable[KeyHelp]) -> Table:
    table = Table.grid(padding=(0, 3))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for key, description in keys:
        table.add_row(Text(key), Text(visible_line(description)))
    return table


def _is_plain_line(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith(("- ", "* ", "+ ", "#", ">"))


def lines_kept_apart(text: str) -> str:
    """The intro as Markdown in which each plain line stays a line of its own.

    Bank intros are written line by line ("BMC: …" then "Service Logic BMC: …"); Markdown
    would run such lines together into one paragraph, so a blank line is put between them.
    List items and blank lines are left as they are.
    """
    lines = text.splitlines()
    kept: list[str] = []
    for before, line in zip(["", *lines], lines, strict=False):
        if _is_plain_line(before) and _is_plain_line(line):
            kept.append("")
        kept.append(line)
    return "\n".join(kept)


class HelpScreen(Screen[None]):
    """Escape (or f1) closes it and returns exactly where the user was."""

    CSS_PATH = "help.tcss"
    BINDINGS = [
        Binding("escape", "close", N_("Back")),
        Binding("f1", "close", N_("Close help"), show=False),
    ]

    def __init__(self, bank: QuestionBank, keys: list[KeyHelp]) -> None:
        super().__init__()
        self._bank = bank
        self.keys = keys

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Label(_("Keys"), classes="help-title")
            yield Static(keys_table(self.keys), id="help-keys")
            yield Label(visible_line(self._bank.intro.title), classes="help-title", markup=False)
            # A bank's links are never followed: a custom bank is a file from anyone.
            yield Markdown(lines_kept_apart(visible_block(self._bank.intro.text)),
                           id="help-intro", open_links=False)
        yield Footer()

    def action_close(self) -> None:
        self.dismiss(None)

"""Textual's own words on our screens, in the interface's language.

Textual writes a few sentences itself: the command palette's prompt, the notices after a
screenshot, the hint when Ctrl+C is pressed to quit. They are English literals in Textual's
code, so the app says them itself, through the catalogue. The app class derives from
`TranslatedApp` (Textual's own handlers are skipped with `prevent_default`). The keys of
Textual's widgets (a TextArea's "Cursor up"), listed by the keys panel, are translated as
each widget takes focus.
"""

from __future__ import annotations

from typing import cast
from weakref import WeakKeyDictionary

from textual import events, on
from textual.app import App
from textual.command import CommandPalette
from textual.dom import DOMNode
from textual.screen import Screen

from slbmc_tui.i18n import N_, _, current_language
from slbmc_tui.storage.atomic import describe_os_error

PALETTE_PROMPT = N_("Search for commands…")

TEXTUAL_WIDGET_WORDS = (
    N_("Bottom"), N_("Copy"), N_("Copy selected text"), N_("Cursor down"),
    N_("Cursor down select"), N_("Cursor left"), N_("Cursor left select"),
    N_("Cursor left word select"), N_("Cursor line end"), N_("Cursor line end select"),
    N_("Cursor line start"), N_("Cursor line start select"), N_("Cursor page down"),
    N_("Cursor page up"), N_("Cursor right"), N_("Cursor right select"),
    N_("Cursor right word select"), N_("Cursor up"), N_("Cursor up select"),
    N_("Cursor word left"), N_("Cursor word right"), N_("Cut"), N_("Cut selected text"),
    N_("Delete all to the left"), N_("Delete all to the right"), N_("Delete character left"),
    N_("Delete character right"), N_("Delete left to start of word"), N_("Delete line"),
    N_("Delete right to start of word"), N_("Delete to line end"), N_("Delete to line start"),
    N_("Down"), N_("End"), N_("First"), N_("Focus Next"), N_("Focus Previous"),
    N_("Go to end"), N_("Go to start"), N_("Home"), N_("Last"), N_("Move cursor left"),
    N_("Move cursor left a word"), N_("Move cursor left a word and select"),
    N_("Move cursor left and select"), N_("Move cursor right a word"),
    N_("Move cursor right a word and select"), N_("Move cursor right and select"),
    N_("Move cursor right or accept the completion suggestion"), N_("Next option"),
    N_("Page Down"), N_("Page Left"), N_("Page Right"), N_("Page Up"), N_("Page down"),
    N_("Page up"), N_("Paste"), N_("Paste text from the clipboard"), N_("Press button"),
    N_("Previous option"), N_("Redo"), N_("Scroll Down"), N_("Scroll End"),
    N_("Scroll Home"), N_("Scroll Left"), N_("Scroll Right"), N_("Scroll Up"), N_("Select"),
    N_("Select all"), N_("Select line"), N_("Select line end"), N_("Select line start"),
    N_("Submit"), N_("Toggle"), N_("Toggle option"), N_("Top"), N_("Undo"), N_("Up"),
    N_("Input"),
)
"""The descriptions of Textual's own widgets' keys (TextArea, Input, DataTable, lists...),
which the keys panel (palette: "Keys") lists for the focused widget, and the Input's group
title. Given in the current language to each widget as it takes focus."""


_translated_in: WeakKeyDictionary[DOMNode, str] = WeakKeyDictionary()
"""The language each focused widget's keys were last given in."""


class TranslatedApp(App[None]):
    """An App whose built-in notices and prompts come from the catalogue."""

    def action_command_palette(self) -> None:
        """Textual's palette, with its prompt in the language of the screen it opens over."""
        if self.use_command_palette and not CommandPalette.is_open(cast("App[object]", self)):
            self.push_screen(CommandPalette(placeholder=_(PALETTE_PROMPT),
                                            id="--command-palette"))

    def action_help_quit(self) -> None:
        """Ctrl+C outside a text field: say how to quit (Textual's hint, in our words)."""
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                self.notify(_("Press {key} to quit the app").format(key=key),
                            title=_("Do you want to quit?"))
                return

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The focused widget and its containers show their keys in the current language
        (the keys panel lists them); done on focus, as widgets are many and keys few."""
        from slbmc_tui.screens.translated import translate_bindings

        if not event.widget.is_attached:  # focused, then closed with its dialog at once
            return
        language = current_language()
        for node in event.widget.ancestors_with_self:
            if isinstance(node, Screen | App) or _translated_in.get(node) == language:
                continue
            _translated_in[node] = language
            translate_bindings(node)
            if node.BINDING_GROUP_TITLE:
                title = getattr(type(node), "BINDING_GROUP_TITLE", None) or ""
                node.BINDING_GROUP_TITLE = _(title)

    @on(events.DeliveryComplete)
    def _screenshot_saved(self, event: events.DeliveryComplete) -> None:
        if event.name == "screenshot":
            event.prevent_default()
            if event.path is None:
                self.notify(_("Screenshot saved"), title=_("Screenshot"))
            else:
                self.notify(_("Screenshot saved to {path}").format(path=event.path),
                            title=_("Screenshot"))

    @on(events.DeliveryFailed)
    def _screenshot_failed(self, event: events.DeliveryFailed) -> None:
        if event.name == "screenshot":
            event.prevent_default()
            error = event.exception
            reason = (describe_os_error(error) if isinstance(error, OSError)
                      else str(error) or type(error).__name__)
            self.notify(_("Could not save the screenshot: {reason}").format(reason=reason),
                        title=_("Screenshot"), severity="error")

"""Textual's own words on our screens, in the interface's language.

Textual writes a few sentences itself: the command palette's prompt, the notices after a
screenshot, the hint when Ctrl+C is pressed to quit. They are English literals in Textual's
code, so the app says them itself, through the catalogue. The app class derives from
`TranslatedApp` (Textual's own handlers are skipped with `prevent_default`).
"""

from __future__ import annotations

from typing import cast

from textual import events, on
from textual.app import App
from textual.command import CommandPalette

from slbmc_tui.i18n import N_, _
from slbmc_tui.storage.atomic import describe_os_error

PALETTE_PROMPT = N_("Search for commands…")


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

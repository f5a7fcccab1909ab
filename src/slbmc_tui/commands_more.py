"""Every key's action in the command palette, on every screen.

The palette is the one place a user can find what a screen does without knowing its keys
(and F-keys need Fn on many laptops), so it lists each described binding of the screen on
display, named as the footer and F1 name it, with its key in the help line. Made from the
bindings themselves, it cannot fall behind them.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from slbmc_tui.keymap import keys_label

LEFT_OUT = ("close_overlay", "close", "cancel")
"""Actions that only make sense as a key (Escape), not as a palette entry."""

TEXTUAL_DEFAULTS = frozenset({"app.focus_next", "app.focus_previous", "screen.copy_text"})
"""Every screen's own Tab, Shift+Tab and Ctrl+C: keys, not commands."""


def screen_commands(screen: Screen[Any]) -> list[tuple[str, str, str]]:
    """(name, help line, action) for each described binding of the screen, once per action."""
    seen: dict[str, tuple[str, str, str]] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        action = binding.action
        if (active.node is not screen or not binding.description or binding.system
                or action.startswith(LEFT_OUT) or action in TEXTUAL_DEFAULTS):
            continue
        key = keys_label(binding.key)
        if action in seen:
            name, help_text, _ = seen[action]
            seen[action] = (name, f"{help_text} / {key}", action)
            continue
        what = binding.tooltip or binding.description
        seen[action] = (binding.description, f"{what} · {key}", action)
    return list(seen.values())


class BindingCommands(Provider):
    """The keys of the screen on display, as palette commands."""

    def _entries(self) -> list[tuple[str, str, str]]:
        return screen_commands(self.screen)

    def _run(self, action: str) -> None:
        self.app.call_later(self.screen.run_action, action)

    async def discover(self) -> Hits:
        for name, help_text, action in self._entries():
            yield DiscoveryHit(name, partial(self._run, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, action in self._entries():
            score = max(matcher.match(name), matcher.match(help_text) * 0.5)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self._run, action),
                          text=name, help=help_text)

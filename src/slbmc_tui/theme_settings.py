"""The themes remembered between runs, and the presentation mode's high-contrast theme.

The app calls `install_theme_settings` once; the presentation mode calls
`use_presentation_theme`. Every theme the user picks (Ctrl+P, "Change theme") is saved
for the mode it was picked in (`settings.py`), off the UI thread.
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from textual.app import App
from textual.theme import Theme

from slbmc_tui.i18n import _
from slbmc_tui.settings import HIGH_CONTRAST_THEME, UserSettings, load_settings, save_settings

HIGH_CONTRAST = Theme(
    name=HIGH_CONTRAST_THEME,
    primary="#FFD700",
    secondary="#00FFFF",
    accent="#FFD700",
    warning="#FFA500",
    error="#FF5555",
    success="#55FF55",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#303030",
    boost="#1A1A1A",
    dark=True,
    luminosity_spread=0.2,
    text_alpha=1.0,
)
"""White on black with a yellow focus: reads from the back of a room."""


_state: WeakKeyDictionary[App[Any], _ThemeState] = WeakKeyDictionary()


class _ThemeState:
    """The themes as last read or saved, and how many screens present now."""

    def __init__(self, theme: str, presentation_theme: str = HIGH_CONTRAST_THEME) -> None:
        self.theme = theme
        self.presentation_theme = presentation_theme
        self.presenting = 0
        self.applying = False
        self.loaded = False

    @property
    def wanted(self) -> str:
        return self.presentation_theme if self.presenting else self.theme


def install_theme_settings(app: App[Any]) -> None:
    """Register the high-contrast theme, then read the saved settings off the UI thread and
    apply them; from then on every theme change is saved."""
    app.register_theme(HIGH_CONTRAST)
    _state[app] = _ThemeState(app.theme)

    def load() -> None:
        settings, problem = load_settings()
        app.call_from_thread(_apply_loaded, app, settings.theme, settings.presentation_theme,
                             problem)

    app.run_worker(load, thread=True, group="settings", exit_on_error=False)


def _apply_loaded(app: App[Any], theme: str, presentation_theme: str, problem: str) -> None:
    state = _state.get(app)
    if state is None:
        return
    if problem:
        app.notify(problem, title=_("Settings file ignored"), severity="warning", timeout=8,
                   markup=False)
    unknown = [name for name in (theme, presentation_theme)
               if name not in app.available_themes]
    if unknown:
        app.notify(_("No theme called {names}; the default is used.").format(
                   names=", ".join(unknown)), title=_("Settings"), severity="warning", timeout=8,
                   markup=False)
    state.theme = theme if theme not in unknown else state.theme
    state.presentation_theme = (presentation_theme if presentation_theme not in unknown
                                else HIGH_CONTRAST_THEME)
    state.loaded = True
    _set_theme(app, state.wanted)
    app.theme_changed_signal.subscribe(app, lambda theme: _theme_changed(app, theme.name))


def _set_theme(app: App[Any], name: str) -> None:
    """Apply a theme ourselves: not a choice of the user's, so not saved."""
    state = _state.get(app)
    if app.theme == name or name not in app.available_themes:
        return
    if state is not None:
        state.applying = True
    try:
        app.theme = name
    finally:
        if state is not None:  # the change is announced on the next turn: wait for it
            app.call_next(setattr, state, "applying", False)


def _theme_changed(app: App[Any], name: str) -> None:
    """The user chose a theme (the palette's "Change theme"): remember it for this mode."""
    state = _state.get(app)
    if state is None or state.applying or name == state.wanted:
        return
    if state.presenting:
        state.presentation_theme = name
    else:
        state.theme = name
    theme, presentation_theme = state.theme, state.presentation_theme

    def save() -> None:
        problem = save_settings(UserSettings(theme=theme,
                                             presentation_theme=presentation_theme))
        if problem:
            app.call_from_thread(app.notify, problem, title=_("Settings"), severity="warning",
                                 timeout=8, markup=False)

    app.run_worker(save, thread=True, group="settings", exit_on_error=False)


def use_presentation_theme(app: App[Any], on: bool) -> None:
    """Switch to the presentation theme while a screen presents, and back after."""
    state = _state.get(app)
    if state is None:  # an app without remembered settings (tests of one screen)
        if HIGH_CONTRAST_THEME not in app.available_themes:
            app.register_theme(HIGH_CONTRAST)
        state = _state[app] = _ThemeState(app.theme)
    state.presenting = max(0, state.presenting + (1 if on else -1))
    _set_theme(app, state.wanted)

"""The palette's "Language: suomi / English": the user's interface language, chosen in the app.

The choice is what `--lang` is for one run, kept: the session list (and any screen without a
session) takes it at once, the command line from its next start (it is saved in the settings
file, `settings.save_language`). An interview keeps following its own session's language;
the session lists beneath it take the new one when they show again.
"""

from __future__ import annotations

import os
from functools import partial
from typing import Any
from weakref import WeakKeyDictionary, WeakSet

from textual.app import App
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from slbmc_tui.i18n import (
    _,
    available_languages,
    current_language,
    language_code,
    language_name,
    use_language,
)
from slbmc_tui.i18n.choice import ENV_VARIABLE, set_user_language
from slbmc_tui.settings import save_language

_stale: WeakKeyDictionary[App[Any], WeakSet[Screen[Any]]] = WeakKeyDictionary()
"""Per app: the session lists drawn in the language chosen before, to redraw when shown."""


def _user_language(app: App[Any]) -> str:
    return str(getattr(app, "user_language", current_language()))


def _session_lists(app: App[Any]) -> list[Screen[Any]]:
    from slbmc_tui.screens.start import StartScreen

    return [screen for screen in app.screen_stack if isinstance(screen, StartScreen)]


def _in_interview(app: App[Any], screen: Screen[Any]) -> bool:
    """Whether `screen` follows a session's language (an interview, or opened from one)."""
    from slbmc_tui.screens.interview import InterviewScreen

    stack = app.screen_stack
    below = stack[:stack.index(screen) + 1] if screen in stack else stack
    return any(isinstance(shown, InterviewScreen) for shown in below)


class LanguageCommands(Provider):
    """One command per other interface language, on every screen."""

    def _entries(self) -> list[tuple[str, str, str]]:
        app = self.app
        here = _in_interview(app, self.screen)
        entries = []
        for code in available_languages():
            if code == _user_language(app):
                continue
            name = language_name(code)
            title = _("Language: {language}").format(language=name)
            if here:
                help_text = _("The session list and the command line in {language}, from now "
                              "on; this interview stays in its session's language").format(
                                  language=name)
            else:
                help_text = _("The session list and the command line in {language}, from "
                              "now on (saved in your settings)").format(language=name)
            entries.append((title, help_text, code))
        return entries

    async def discover(self) -> Hits:
        for title, help_text, code in self._entries():
            yield DiscoveryHit(title, partial(self._choose, code), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, code in self._entries():
            score = max(matcher.match(title), matcher.match(help_text) * 0.5)
            if score > 0:
                yield Hit(score, matcher.highlight(title), partial(self._choose, code),
                          text=title, help=help_text)

    def _choose(self, code: str) -> None:
        self.app.call_later(choose_language, self.app, code)  # once the palette has closed


def choose_language(app: App[Any], code: str) -> None:
    """Make `code` the user's language: now on screens without a session, saved for later."""
    from slbmc_tui.screens.translated import translate_bindings

    set_user_language(code)
    app.user_language = code  # type: ignore[attr-defined]  # SlbmcApp's; read by language_for
    screen = app.screen
    language_for = getattr(app, "language_for", None)
    use_language(language_for(screen) if language_for else code)
    translate_bindings(app)
    translate_bindings(screen)
    stale = _stale.get(app)
    if stale is None:
        stale = _stale[app] = WeakSet()
        app.screen_change_signal.subscribe(app, partial(_shown, app))
    for listing in _session_lists(app):
        if listing is screen:
            app.call_later(_redraw, listing)
        else:
            stale.add(listing)
    in_interview = _in_interview(app, screen)
    app.run_worker(partial(_save, app, code, in_interview), thread=True, group="settings",
                   exit_on_error=False)


def _shown(app: App[Any], screen: Screen[Any]) -> None:
    stale = _stale.get(app)
    if stale is not None and screen in stale:
        stale.discard(screen)
        app.call_later(_redraw, screen)


async def _redraw(screen: Screen[Any]) -> None:
    """Draw a session list again in the language now current (its texts were made before)."""
    if not screen.is_attached:
        return
    await screen.recompose()
    on_mount = getattr(screen, "on_mount", None)
    if on_mount is not None:
        on_mount()
    refresh_listing = getattr(screen, "refresh_listing", None)
    if refresh_listing is not None:
        refresh_listing()
    from slbmc_tui.screens.start_table import SessionTable  # not on the way to a first screen

    for table in screen.query(SessionTable):
        table.focus()


def _save(app: App[Any], code: str, in_interview: bool) -> None:
    """Save the choice (off the UI thread) and say what it changed, in the shown language."""
    problem = save_language(code)

    def said() -> None:
        name = language_name(code)
        if problem:
            app.notify(problem, title=_("Settings"), severity="warning", timeout=8)
            return
        if in_interview:
            message = _("The session list and the command line are now in {language}; this "
                        "interview stays in its session's language.").format(language=name)
        else:
            message = _("The interface is now in {language}, and so is the command line from "
                        "its next start.").format(language=name)
        overriding = language_code(os.environ.get(ENV_VARIABLE))
        if overriding and overriding != code:
            message += " " + _("{variable} is set to {value}, which the command line follows "
                               "first.").format(variable=ENV_VARIABLE,
                                                value=os.environ.get(ENV_VARIABLE, ""))
        app.notify(message, title=_("Language"), timeout=8)

    app.call_from_thread(said)

"""The interface's words in the user's language: GNU gettext catalogues, one per language.

Why gettext: it is the Python ecosystem's convention (the stdlib reads the compiled `.mo`
files; translators edit `.po` files with any PO editor, and Babel extracts and compiles them),
so a translator adds a third language by adding `locale/<lang>/LC_MESSAGES/slbmc.po` and
compiling it, without touching code. English is the source language: a message missing from
a catalogue shows in English, never as an error.

Code marks what it shows with `_("...")` (translated now) or `N_("...")` (only marked, for
strings made at import time such as binding descriptions; translate them when shown with
`_(text)`). The language is process-wide: the app switches it to the open session's language
and the start screen and CLI use the user's setting (`--lang`). No Textual import here.
"""

from __future__ import annotations

import gettext
import threading
from datetime import datetime
from pathlib import Path

DOMAIN = "slbmc"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
SOURCE_LANGUAGE = "en"

_lock = threading.Lock()
_language = SOURCE_LANGUAGE
_translations: gettext.NullTranslations = gettext.NullTranslations()
_loaded: dict[str, gettext.NullTranslations] = {}


def available_languages() -> list[str]:
    """English plus every language with a compiled catalogue, sorted."""
    found = {path.parent.parent.name for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo")}
    return sorted(found | {SOURCE_LANGUAGE})


def _catalogue(language: str) -> gettext.NullTranslations:
    if language not in _loaded:
        _loaded[language] = gettext.translation(DOMAIN, localedir=LOCALE_DIR,
                                                languages=[language], fallback=True)
    return _loaded[language]


LANGUAGE_NAMES = {"en": "English", "fi": "suomi", "sv": "svenska", "de": "Deutsch",
                  "fr": "français", "es": "español", "et": "eesti", "nb": "norsk bokmål"}
"""Each language's name in itself, as a language menu shows it (a new catalogue's language
missing here is shown by its code until it is added)."""


def language_name(language: str) -> str:
    """ "fi" -> "suomi", "en" -> "English": the name its own speakers read."""
    return LANGUAGE_NAMES.get(language, language)


def language_code(value: str | None) -> str | None:
    """ "fi", "fi_FI.UTF-8", "fi-FI", "fi_FI@euro" -> "fi" when a catalogue exists, else None."""
    if not value:
        return None
    base = value.split(".")[0].split("@")[0].split("_")[0].split("-")[0].strip().lower()
    return base if base in available_languages() else None


def use_language(language: str) -> None:
    """Show the interface in `language` from now on (unknown languages fall back to English)."""
    global _language, _translations
    base = (language or SOURCE_LANGUAGE).split("-")[0].split("_")[0].lower()
    with _lock:
        _language = base if base in available_languages() else SOURCE_LANGUAGE
        _translations = _catalogue(_language)


def current_language() -> str:
    """The language the interface is shown in now ("en", "fi", ...)."""
    return _language


def _(message: str) -> str:
    """`message` in the current language (English when the catalogue lacks it)."""
    return _translations.gettext(message) if message else message


def N_(message: str) -> str:  # noqa: N802 - the gettext convention's name
    """Mark `message` for the catalogue without translating it yet (translate it when shown)."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for `count`, in the current language."""
    return _translations.ngettext(singular, plural, count)


def format_time(moment: datetime, *, seconds: bool = False) -> str:
    """A clock time as the language writes it: 09:05 in English, 9.05 in Finnish (a dot, and
    no leading zero for the hour, as Finnish style guides write it)."""
    if _language == "fi":
        text = f"{moment.hour}.{moment.minute:02d}"
        return f"{text}.{moment.second:02d}" if seconds else text
    return moment.strftime("%H:%M:%S" if seconds else "%H:%M")


def format_date(moment: datetime) -> str:
    """A date as the language writes it: 2026-11-30 in English, 30.11.2026 in Finnish."""
    if _language == "fi":
        return f"{moment.day}.{moment.month}.{moment.year}"
    return moment.strftime("%Y-%m-%d")


def format_datetime(moment: datetime) -> str:
    """Date and time: "2026-11-30 14:32", in Finnish "30.11.2026 klo 14.32"."""
    if _language == "fi":
        return f"{format_date(moment)} klo {format_time(moment)}"
    return f"{format_date(moment)} {format_time(moment)}"


def format_number(value: float, *, decimals: int = 0) -> str:
    """A number with the language's separators: 1,234.5 in English, 1 234,5 in Finnish."""
    text = f"{value:,.{decimals}f}"
    if _language == "fi":
        return text.replace(",", "\u00a0").replace(".", ",")
    return text

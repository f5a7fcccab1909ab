"""The user's interface language: what the CLI, the start screen and anything without an
open session are shown in (an interview follows its session's `meta.language` instead).

The rule (docs/TRANSLATING.md): `--lang` on the command line, else `$SLBMC_LANG`, else the
settings file's `language`, else the language of `$LC_ALL`/`$LC_MESSAGES`/`$LANG` when a
catalogue for it exists, else English.
"C", "POSIX", unset or unknown locales mean English, so CI machines stay English.
No Textual import here: the CLI decides before any UI exists.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

from slbmc_tui.i18n import SOURCE_LANGUAGE, language_code, use_language

ENV_VARIABLE = "SLBMC_LANG"
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")

_user_language = SOURCE_LANGUAGE


def language_from_argv(argv: Sequence[str]) -> str | None:
    """The value of `--lang X`/`--lang=X` on the command line, when it names a UI language.

    Read before the parser is built, so that its help texts are already translated. The
    `--lang` of `new`, `demo` and `questions` chooses a question bank; when it is also a UI
    language ("fi") it counts here too, and "en-workshop" does not.
    """
    tokens = list(argv)
    for index, token in enumerate(tokens):
        if token == "--":
            break
        value = None
        if token == "--lang" and index + 1 < len(tokens):
            value = tokens[index + 1]
        elif token.startswith("--lang="):
            value = token.removeprefix("--lang=")
        if value and "-" not in value and language_code(value):
            return language_code(value)  # the first one: the global option comes first
    return None


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """`$SLBMC_LANG`, else the locale's language when there is a catalogue for it, else English."""
    env = os.environ if environ is None else environ
    chosen = language_code(env.get(ENV_VARIABLE)) or language_from_settings()
    if chosen:
        return chosen
    for name in _LOCALE_VARIABLES:
        value = env.get(name)
        if value:  # the first one set decides, as in the C library
            return language_code(value) or SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


def language_from_settings() -> str | None:
    """The settings file's `language` key, when it names a UI language; None otherwise.

    Read with tomllib alone (not `settings.load_settings`, which imports pydantic): every
    CLI start asks. A missing, unreadable or broken file is simply no choice.
    """
    from slbmc_tui.domain.errors import SlbmcFileError
    from slbmc_tui.settings import read_settings_table, settings_path

    try:
        value = read_settings_table(settings_path()).get("language")
    except SlbmcFileError:
        return None
    return language_code(value) if isinstance(value, str) else None


def choose_language(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> str:
    """The user's language by the rule above."""
    return language_from_argv(argv) or language_from_environment(environ)


def set_user_language(language: str) -> None:
    """Remember the user's choice and show the interface in it from now on."""
    global _user_language
    _user_language = language_code(language) or SOURCE_LANGUAGE
    use_language(_user_language)


def user_language() -> str:
    """The language the start screen (and anything outside a session) is shown in.

    English until the CLI (or a test) calls `set_user_language`.
    """
    return _user_language

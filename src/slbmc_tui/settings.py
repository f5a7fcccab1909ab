"""The user's own settings (the theme, the presentation mode's theme, the interface language),
kept between runs.

A small TOML file in the platform's config folder. It is the user's file, so it is read as
untrusted: checked with pydantic (`settings_schema.py`, imported only when there is a file to
check), and a broken one is reported and ignored (the defaults apply), never a crash. No
Textual here: the app applies what this module reads, in a worker thread.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from typing import Any, NamedTuple

from slbmc_tui.domain.bounded import loads_bounded, read_regular_file
from slbmc_tui.domain.errors import SlbmcFileError
from slbmc_tui.i18n import _
from slbmc_tui.storage.atomic import atomic_write_text

CONFIG_DIR_VARIABLE = "SLBMC_CONFIG_DIR"
"""Overrides the config folder (tests, portable installs)."""

MAX_SETTINGS_BYTES = 64 * 1024
"""A settings file is a few lines; anything larger is not ours."""

DEFAULT_THEME = "textual-dark"
HIGH_CONTRAST_THEME = "slbmc-high-contrast"
"""The presentation mode's own theme (registered by theme_settings.py)."""


class UserSettings(NamedTuple):
    """The settings in use; `settings_schema.SettingsSchema` says what a file may hold."""

    theme: str = DEFAULT_THEME
    """The theme of everyday work (Ctrl+P, "Change theme")."""
    presentation_theme: str = HIGH_CONTRAST_THEME
    """The theme while the presentation mode is on (Ctrl+T)."""
    language: str | None = None
    """The interface language of the start screen and the command line ("en", "fi");
    None: not chosen, the locale's (`i18n.choice`)."""


def config_dir() -> Path:
    """The platform's folder for this app's settings."""
    override = os.environ.get(CONFIG_DIR_VARIABLE)
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "slbmc"


def settings_path() -> Path:
    return config_dir() / "settings.toml"


def read_settings_table(path: Path) -> dict[str, Any]:
    """The settings file's table, read as every untrusted file is (`domain/bounded.py`):
    a regular file only (a FIFO would block the start), within size and depth bounds.

    Raises SlbmcFileError naming the problem; a missing file's has FileNotFoundError as
    its cause.
    """
    raw = read_regular_file(path, MAX_SETTINGS_BYTES, SlbmcFileError)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as cause:
        raise SlbmcFileError(path, _("is not UTF-8 text (byte {offset})").format(
            offset=cause.start)) from cause
    return loads_bounded(text, path, SlbmcFileError)


def load_settings(path: Path | None = None) -> tuple[UserSettings, str]:
    """The saved settings and "" — or the defaults and why the file was not used."""
    path = path or settings_path()
    try:
        table = read_settings_table(path)
    except SlbmcFileError as error:
        if isinstance(error.__cause__, FileNotFoundError):
            return UserSettings(), ""
        return UserSettings(), _("{path}: {problems}; the defaults apply").format(
            path=path, problems=error.problem)
    from pydantic import ValidationError  # only now: a file exists to be checked

    from slbmc_tui.domain.errors import describe_validation_error
    from slbmc_tui.settings_schema import SettingsSchema

    try:
        checked = SettingsSchema.model_validate(table)
    except ValidationError as error:
        return UserSettings(), _("{path}: {problems}; the defaults apply").format(
            path=path, problems=describe_validation_error(error, table))
    return UserSettings(checked.theme or DEFAULT_THEME,
                        checked.presentation_theme or HIGH_CONTRAST_THEME,
                        checked.language), ""


_saving = threading.Lock()
"""One save at a time: a theme and a language chosen together must both reach the file."""


def _table_on_disk(path: Path) -> dict[str, Any]:
    """What the file says now, so a save keeps the keys it does not set; {} when unreadable."""
    try:
        return read_settings_table(path)
    except SlbmcFileError:
        return {}


def save_settings(settings: UserSettings, path: Path | None = None) -> str:
    """Write the settings atomically; "" or why they could not be written.

    Keys the file has that `settings` does not set (a language chosen before, a key of a
    newer version) are kept; a `language` of None leaves the file's as it is.
    """
    return update_settings({key: value for key, value in settings._asdict().items()
                            if value is not None}, path)


def save_language(language: str, path: Path | None = None) -> str:
    """Remember the interface language ("en", "fi"), keeping every other setting."""
    return update_settings({"language": language}, path)


def update_settings(changes: dict[str, Any], path: Path | None = None) -> str:
    """Set these keys in the settings file, keeping the others; "" or why it failed."""
    import tomli_w  # only when saving: ~3 ms that the start need not pay

    path = path or settings_path()
    with _saving:
        table = _table_on_disk(path)
        table.update(changes)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(path, tomli_w.dumps(table))
        except (OSError, TypeError, ValueError) as error:
            # atomic_write_text's error already names the file and why
            return _("Settings not saved: {error}").format(error=error)
    return ""

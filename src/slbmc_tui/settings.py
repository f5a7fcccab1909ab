"""The user's own settings (the theme, the presentation mode's theme), kept between runs.

A small TOML file in the platform's config folder. It is the user's file, so it is read as
untrusted: checked with pydantic (`settings_schema.py`, imported only when there is a file to
check), and a broken one is reported and ignored (the defaults apply), never a crash. No
Textual here: the app applies what this module reads, in a worker thread.
"""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path
from typing import NamedTuple

from slbmc_tui.storage.atomic import atomic_write_text, describe_os_error

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


def load_settings(path: Path | None = None) -> tuple[UserSettings, str]:
    """The saved settings and "" — or the defaults and why the file was not used."""
    path = path or settings_path()
    try:
        with path.open("rb") as file:
            data = file.read(MAX_SETTINGS_BYTES + 1)
    except FileNotFoundError:
        return UserSettings(), ""
    except OSError as error:
        return UserSettings(), f"{path}: cannot be read ({describe_os_error(error)})"
    if len(data) > MAX_SETTINGS_BYTES:
        return UserSettings(), f"{path}: larger than a settings file can be; ignored"
    from pydantic import ValidationError  # only now: a file exists to be checked

    from slbmc_tui.settings_schema import SettingsSchema

    try:
        table = tomllib.loads(data.decode("utf-8"))
        checked = SettingsSchema.model_validate(table)
    except UnicodeDecodeError:
        return UserSettings(), f"{path}: not UTF-8 text; ignored"
    except tomllib.TOMLDecodeError as error:
        return UserSettings(), f"{path}: not valid TOML ({error}); ignored"
    except ValidationError as error:
        problems = "; ".join(
            f"`{'.'.join(str(part) for part in item['loc'])}` {item['msg'].lower()}"
            for item in error.errors())
        return UserSettings(), f"{path}: {problems}; the defaults apply"
    return UserSettings(checked.theme, checked.presentation_theme), ""


def save_settings(settings: UserSettings, path: Path | None = None) -> str:
    """Write the settings atomically; "" or why they could not be written."""
    import tomli_w  # only when saving: ~3 ms that the start need not pay

    path = path or settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, tomli_w.dumps(settings._asdict()))
    except OSError as error:  # atomic_write_text's error already names the file and why
        return f"Settings not saved: {error}"
    return ""

"""What `settings.toml` may say, checked with pydantic (imported only when a file exists:
pydantic costs ~0.15 s, more than a whole start may add; see settings.py)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from slbmc_tui.i18n import _, available_languages, language_code


class SettingsSchema(BaseModel):
    """The user's settings; unknown keys (from a newer version) are ignored."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    theme: str | None = Field(None, max_length=100)
    """The theme of everyday work (Ctrl+P, "Change theme"); None: settings.DEFAULT_THEME."""
    presentation_theme: str | None = Field(None, max_length=100)
    """The theme while the presentation mode is on (Ctrl+T); None: high contrast."""
    language: str | None = Field(None, max_length=20)
    """The interface language outside a session ("en", "fi"): one with a catalogue (an
    interview follows its session's language). None: the locale's (`i18n.choice`)."""

    @field_validator("language")
    @classmethod
    def _has_catalogue(cls, value: str | None) -> str | None:
        if value is None:
            return None
        code = language_code(value)  # "fi", "fi_FI.UTF-8" and "fi-FI" are all Finnish
        if code is None:
            raise ValueError(_("no language “{value}”: choose one of {choices}").format(
                value=value, choices=", ".join(available_languages())))
        return code

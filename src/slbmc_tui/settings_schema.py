"""What `settings.toml` may say, checked with pydantic (imported only when a file exists:
pydantic costs ~0.15 s, more than a whole start may add; see settings.py)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from slbmc_tui.settings import DEFAULT_THEME, HIGH_CONTRAST_THEME


class SettingsSchema(BaseModel):
    """The user's settings; unknown keys (from a newer version) are ignored."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    theme: str = Field(DEFAULT_THEME, max_length=100)
    """The theme of everyday work (Ctrl+P, "Change theme")."""
    presentation_theme: str = Field(HIGH_CONTRAST_THEME, max_length=100)
    """The theme while the presentation mode is on (Ctrl+T); high contrast by default."""

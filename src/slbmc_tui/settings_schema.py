"""What `settings.toml` may say, checked with pydantic (imported only when a file exists:
pydantic costs ~0.15 s, more than a whole start may add; see settings.py)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class SettingsSchema(BaseModel):
    """The user's settings; unknown keys (from a newer version) are ignored."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    theme: str | None = Field(None, max_length=100)
    """The theme of everyday work (Ctrl+P, "Change theme"); None: settings.DEFAULT_THEME."""
    presentation_theme: str | None = Field(None, max_length=100)
    """The theme while the presentation mode is on (Ctrl+T); None: high contrast."""

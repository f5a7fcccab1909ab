"""Safe session file names made from a title and a profile, never from a typed path."""

from __future__ import annotations

import re
import unicodedata

MAX_STEM = 60
SUFFIX = ".toml"
# Names Windows refuses whatever the extension; a session folder may be shared with it.
_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)),
                       *(f"lpt{n}" for n in range(10))})


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by dashes; "" when nothing usable is left."""
    folded = unicodedata.normalize("NFKD", text)
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def session_stem(title: str, profile: str, round_number: int = 1) -> str:
    """The file name stem for a session, at most MAX_STEM characters, never empty."""
    title_slug = slugify(title)[:32].strip("-") or "session"
    profile_slug = slugify(profile)[:20].strip("-")
    stem = f"{title_slug}--{profile_slug}" if profile_slug else title_slug
    if round_number > 1:
        stem = f"{stem}--round-{round_number}"
    stem = stem[:MAX_STEM].strip("-")
    return f"{stem}-session" if stem in _RESERVED else stem


def candidate_names(stem: str) -> list[str]:
    """File names to try in turn until one is free."""
    return [f"{stem}{SUFFIX}"] + [f"{stem}-{n}{SUFFIX}" for n in range(2, 10_000)]

"""Safe session file names made from a title and a profile, never from a typed path."""

from __future__ import annotations

import re
import unicodedata

MAX_STEM = 72
TITLE_WIDTH = 32
SUFFIX = ".toml"
# Names Windows refuses whatever the extension; a session folder may be shared with it.
_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)),
                       *(f"lpt{n}" for n in range(10))})


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by dashes; "" when nothing usable is left."""
    folded = unicodedata.normalize("NFKD", text)
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def whole_words(slug: str, width: int) -> str:
    """The slug cut to at most `width` characters at a dash, so no word is cut in half.

    A first word longer than `width` on its own is the one thing cut (there is no dash
    to cut at); people read `families-with` better than `families-with-childr`.
    """
    if len(slug) <= width:
        return slug
    cut = slug[: width + 1].rfind("-")
    return slug[:cut] if cut > 0 else slug[:width]


def session_stem(title: str, profile: str, round_number: int = 1) -> str:
    """The file name stem for a session, at most MAX_STEM characters, never empty.

    Title and profile are cut at whole words; the round number is never cut off.
    """
    suffix = f"--round-{round_number}" if round_number > 1 else ""
    title_slug = whole_words(slugify(title), TITLE_WIDTH) or "session"
    room = MAX_STEM - len(title_slug) - len(suffix) - 2
    profile_slug = whole_words(slugify(profile), max(room, 0))
    stem = (f"{title_slug}--{profile_slug}" if profile_slug else title_slug) + suffix
    return f"{stem}-session" if stem in _RESERVED else stem


def candidate_names(stem: str) -> list[str]:
    """File names to try in turn until one is free."""
    return [f"{stem}{SUFFIX}"] + [f"{stem}-{n}{SUFFIX}" for n in range(2, 10_000)]

"""Finding a session by the names people use: a file name prefix, or its title and profile.

`slbmc resume "Families with children"` and `slbmc export brightsmile--fam` both end here
(through `SessionStore.resolve`). Pure functions over a listing; no file access, no Textual.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from slbmc_tui.domain.errors import SessionFileError
from slbmc_tui.storage.names import SUFFIX

Candidate = tuple[Path, "str | None", "str | None", int]
"""(path, title, profile, round) of a listed session; title and profile None if unreadable."""


def _words(text: str) -> str:
    return " ".join(text.replace("/", " ").split()).casefold()


class AmbiguousName(SessionFileError):
    """More than one session answers to a name; the message lists them all."""

    def __init__(self, name: str, matches: Sequence[Candidate]) -> None:
        self.matches = [path for path, *_rest in matches]
        lines = "\n".join(f"  {_describe(c)}" for c in matches)
        super().__init__(Path(name), f"matches {len(matches)} sessions; name one of them "
                         f"by its file name:\n{lines}")


def _describe(candidate: Candidate) -> str:
    path, title, profile, round_number = candidate
    if title is None:
        return path.name
    round_label = f", round {round_number}" if round_number > 1 else ""
    return f"{path.name}  ({title} / {profile}{round_label})"


def match(name: str, candidates: Sequence[Candidate]) -> list[Candidate]:
    """The sessions `name` means, best kind of match first; [] when none.

    In turn: the exact file name or stem; a prefix of file names; the title and profile
    exactly ("Title Profile", "Title / Profile", the profile alone or the title alone, case
    and spacing ignored); then every word of `name` somewhere in the title and profile.
    Several rounds of one profile mean its latest round.
    """
    stem = name.removesuffix(SUFFIX)
    exact = [c for c in candidates if c[0].name.removesuffix(SUFFIX) == stem]
    if exact:
        return exact
    prefixed = [c for c in candidates if c[0].name.startswith(name)]
    if prefixed:
        return prefixed
    wanted = _words(name)
    if not wanted:
        return []
    readable = [c for c in candidates if c[1] is not None]
    for label in (_title_and_profile, _profile_only, _title_only):
        found = [c for c in readable if label(c) == wanted]
        if found:
            return _latest_rounds(found)
    words = wanted.split()
    return _latest_rounds([c for c in readable
                           if all(w in _title_and_profile(c) for w in words)])


def _title_and_profile(c: Candidate) -> str:
    return _words(f"{c[1]} {c[2]}")


def _profile_only(c: Candidate) -> str:
    return _words(c[2] or "")


def _title_only(c: Candidate) -> str:
    return _words(c[1] or "")


def _latest_rounds(found: list[Candidate]) -> list[Candidate]:
    """One candidate per model and profile: its highest round."""
    latest: dict[tuple[str, str], Candidate] = {}
    for c in found:
        key = (_words(c[1] or ""), _words(c[2] or ""))
        if key not in latest or c[3] > latest[key][3]:
            latest[key] = c
    return list(latest.values())


def resolve_among(name: str, folder: Path, candidates: Sequence[Candidate]) -> Path:
    """The one session `name` means; SessionFileError when none, AmbiguousName when several."""
    found = match(name, candidates)
    if len(found) == 1:
        return found[0][0]
    if found:
        raise AmbiguousName(name, found)
    raise SessionFileError(Path(name), f"no such session in {folder} (try `slbmc list`)")

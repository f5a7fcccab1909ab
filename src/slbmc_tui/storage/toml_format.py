"""The session file format: TOML that people can read and git can diff.

Layout, always in this order::

    schema_version = 1
    [meta]          title, profile, ..., answered, total   (single-line values only)
    [position]      block, perspective, prompt
    [blocks.<id>]   notes, then [blocks.<id>.<perspective>.<prompt>] per answer

The head (everything before the first ``[blocks.``) never holds a multi-line string, so a
listing can parse it alone without reading the answers. Each block and each answer is
rendered on its own and cached, so an autosave re-renders only the answer that changed.
Multi-line answers and notes are literal strings (``'''...'''``) whenever TOML allows it:
they read exactly as typed and parse several times faster than double-quoted strings.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from slbmc_tui.domain.bounded import loads_bounded
from slbmc_tui.domain.errors import SessionFileError
from slbmc_tui.domain.session import SCHEMA_VERSION, Session
from slbmc_tui.storage.session_schema import SessionDataError, session_from_data
from slbmc_tui.storage.session_schema import session_to_data as session_to_data
from slbmc_tui.storage.toml_render import BLOCKS_MARKER as BLOCKS_MARKER
from slbmc_tui.storage.toml_render import SessionRenderer


def dumps(session: Session) -> str:
    """The complete TOML text of a session."""
    return SessionRenderer().render(session_to_data(session))


def parse_session(text: str, path: Path) -> Session:
    """Parse a whole session file; every problem is a SessionFileError naming the file."""
    return parse_session_table(_loads(text, path), path)


def parse_session_table(data: dict[str, Any], path: Path) -> Session:
    """The session in an already parsed (bounded) file table: version checked, then content."""
    _check_version(data, path)
    return session_from_table(data, path)


def session_from_table(data: Any, path: Path) -> Session:
    """The session a parsed file describes; SessionFileError names the file and each problem."""
    try:
        return session_from_data(data)
    except SessionDataError as error:
        raise SessionFileError(path, str(error)) from error


def parse_head(text: str, path: Path) -> dict[str, Any]:
    """Parse only the part before the answers (metadata and position)."""
    cut = text.find(BLOCKS_MARKER)
    if cut != -1:
        try:
            data = loads_bounded(text[: cut + 1], path, SessionFileError)
        except SessionFileError:
            data = _loads(text, path)  # an unusual head: fall back to the whole file
    else:
        data = _loads(text, path)
    _check_version(data, path)
    return data


def _loads(text: str, path: Path) -> dict[str, Any]:
    # Depth and size are bounded while parsing: a file the writer could not write back,
    # or that would exhaust the stack, is refused with one line naming it.
    return loads_bounded(text, path, SessionFileError)


def _check_version(data: Mapping[str, Any], path: Path) -> None:
    version = data.get("schema_version")
    if version is None:
        raise SessionFileError(path, "has no `schema_version`: it is not an slbmc session file")
    if not isinstance(version, int) or isinstance(version, bool):
        raise SessionFileError(path, f"`schema_version` must be a whole number, not {version!r}")
    if version > SCHEMA_VERSION:
        raise SessionFileError(
            path,
            f"was written by a newer slbmc (schema_version {version}; this version reads up to "
            f"{SCHEMA_VERSION}). Upgrade slbmc to open it; the file was left untouched.",
        )
    if version < 1:
        raise SessionFileError(path, f"`schema_version` {version} is not valid (expected 1)")

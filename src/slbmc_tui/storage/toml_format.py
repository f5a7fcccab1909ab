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

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from slbmc_tui.domain.errors import SessionFileError
from slbmc_tui.domain.session import (
    SCHEMA_VERSION,
    Answer,
    BlockAnswers,
    Position,
    Session,
    SessionMeta,
)
from slbmc_tui.storage.session_schema import SessionDataError, session_from_data

# The writing half lives in toml_render (no pydantic, so saving threads start fast).
from slbmc_tui.storage.toml_render import BLOCKS_MARKER as BLOCKS_MARKER
from slbmc_tui.storage.toml_render import SessionRenderer


def session_to_data(session: Session) -> dict[str, Any]:
    """A plain dict of the session (fresh objects, safe to hand to another thread).

    Known keys first, in the order of the dataclass fields, then the unknown ones kept from
    the file (`extra`), as the file has always been written.
    """
    data: dict[str, Any] = {"schema_version": session.schema_version,
                            "meta": _meta_data(session.meta)}
    if session.position is not None:
        data["position"] = _with_extra(_position_data(session.position), session.position.extra)
    data["blocks"] = {block_id: _block_data(record) for block_id, record in session.blocks.items()}
    return _with_extra(data, session.extra)


def _meta_data(meta: SessionMeta) -> dict[str, Any]:
    return _with_extra({
        "title": meta.title, "profile": meta.profile, "client": meta.client,
        "interviewer": meta.interviewer, "bank_id": meta.bank_id, "language": meta.language,
        "bank_path": meta.bank_path, "round": meta.round, "created": meta.created,
        "updated": meta.updated, "answered": meta.answered, "total": meta.total,
    }, meta.extra)


def _position_data(position: Position) -> dict[str, Any]:
    return {"block": position.block, "perspective": position.perspective,
            "prompt": position.prompt}


def _block_data(record: BlockAnswers) -> dict[str, Any]:
    return _with_extra({
        "notes": record.notes,
        "ours": {k: _answer_data(a) for k, a in record.ours.items()},
        "customer": {k: _answer_data(a) for k, a in record.customer.items()},
    }, record.extra)


def _answer_data(answer: Answer) -> dict[str, Any]:
    data = {"text": answer.text, "options": list(answer.options),
            "needs_research": answer.needs_research}
    return _with_extra(data, answer.extra) if answer.extra else data


def _with_extra(data: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """`data` followed by copies of the unknown keys (never overriding a known one)."""
    for key, value in extra.items():
        data.setdefault(key, _plain_copy(value))
    return data


def _plain_copy(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _plain_copy(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain_copy(v) for v in value]
    return value  # text, numbers, true/false and dates are immutable


def dumps(session: Session) -> str:
    """The complete TOML text of a session."""
    return SessionRenderer().render(session_to_data(session))


def parse_session(text: str, path: Path) -> Session:
    """Parse a whole session file; every problem is a SessionFileError naming the file."""
    data = _loads(text, path)
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
            data = tomllib.loads(text[: cut + 1])
        except tomllib.TOMLDecodeError:
            data = _loads(text, path)  # an unusual head: fall back to the whole file
    else:
        data = _loads(text, path)
    _check_version(data, path)
    return data


def _loads(text: str, path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SessionFileError(path, f"is not valid TOML ({error})") from error


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

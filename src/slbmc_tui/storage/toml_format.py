"""The session file format: TOML that people can read and git can diff.

Layout, always in this order::

    schema_version = 1
    [meta]          title, profile, ..., answered, total   (single-line values only)
    [position]      block, perspective, prompt
    [blocks.<id>]   notes, then [blocks.<id>.<perspective>.<prompt>] per answer

The head (everything before the first ``[blocks.``) never holds a multi-line string, so a
listing can parse it alone without reading the answers. Each block is rendered on its own
and cached, so an autosave re-renders only the block that changed.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import ValidationError

from slbmc_tui.domain.bank import PERSPECTIVES
from slbmc_tui.domain.errors import SessionFileError, describe_validation_error
from slbmc_tui.domain.session import SCHEMA_VERSION, Session

BLOCKS_MARKER = "\n[blocks."
HEAD_KEYS = ("schema_version", "meta", "position")

_KNOWN_KEYS: dict[str, list[str]] = {
    "": ["schema_version", "meta", "position", "blocks"],
    "meta": ["title", "profile", "client", "interviewer", "bank_id", "language",
             "bank_path", "round", "created", "updated", "answered", "total"],
    "position": ["block", "perspective", "prompt"],
}


def _has_carriage_return(value: Any) -> bool:
    if isinstance(value, str):
        return "\r" in value
    if isinstance(value, Mapping):
        return any(_has_carriage_return(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_carriage_return(v) for v in value)
    return False


def _dump(data: dict[str, Any]) -> str:
    # A carriage return inside a TOML multi-line string is read back as a plain newline,
    # so any table holding one is written with escaped single-line strings instead.
    return tomli_w.dumps(data, multiline_strings=not _has_carriage_return(data))


def _is_empty_answer(answer: Mapping[str, Any]) -> bool:
    return not any(
        value for key, value in answer.items() if key in ("text", "options", "needs_research")
    ) and not any(key not in ("text", "options", "needs_research") for key in answer)


def render_head(data: Mapping[str, Any]) -> str:
    """schema_version, meta, position and unknown top-level values, all single-line."""
    head = {key: data[key] for key in HEAD_KEYS if data.get(key) is not None}
    extras = {k: v for k, v in data.items() if k not in (*HEAD_KEYS, "blocks")}
    scalars = {k: v for k, v in extras.items() if not isinstance(v, dict)}
    ordered = {"schema_version": head.pop("schema_version"), **scalars, **head}
    return tomli_w.dumps(ordered, multiline_strings=False)


def render_tail(data: Mapping[str, Any]) -> str:
    """Unknown top-level tables from a newer version, kept after the blocks."""
    extras = {
        k: v for k, v in data.items()
        if k not in (*HEAD_KEYS, "blocks") and isinstance(v, dict)
    }
    return _dump(extras) if extras else ""


def render_block(block_id: str, block: Mapping[str, Any],
                 render_answer: AnswerRenderer | None = None) -> str:
    """One block's TOML, or "" when it holds nothing worth writing."""
    render_answer = render_answer or _render_answer
    parts: list[str] = []
    own = {k: v for k, v in block.items() if k not in PERSPECTIVES}
    if own.get("notes") == "":
        del own["notes"]
    if own:
        parts.append(_dump({"blocks": {block_id: own}}))
    for perspective in PERSPECTIVES:
        for prompt_id, answer in (block.get(perspective) or {}).items():
            if not _is_empty_answer(answer):
                parts.append(render_answer(block_id, perspective, prompt_id, answer))
    return "\n".join(parts)


AnswerRenderer = Callable[[str, str, str, Mapping[str, Any]], str]


def _render_answer(block_id: str, perspective: str, prompt_id: str,
                   answer: Mapping[str, Any]) -> str:
    clean = {k: v for k, v in answer.items()
             if not (k in ("options", "needs_research", "text") and not v)}
    return _dump({"blocks": {block_id: {perspective: {prompt_id: clean}}}})


class SessionRenderer:
    """Renders session dicts to TOML, re-rendering only the blocks and answers that changed.

    Escaping a long answer is the slow part of a save (tomli_w formats strings one
    character at a time), so each answer's text is cached too: an edit re-renders one
    answer, not its whole block. One renderer belongs to one open session and is used
    from one saving thread at a time.
    """

    def __init__(self) -> None:
        self._cache: dict[str, tuple[Any, str]] = {}
        self._answers: dict[str, dict[tuple[str, str], tuple[Any, str]]] = {}

    def render(self, data: Mapping[str, Any]) -> str:
        blocks: dict[str, Any] = data.get("blocks") or {}
        texts = [render_head(data)]
        fresh: dict[str, tuple[Any, str]] = {}
        fresh_answers: dict[str, dict[tuple[str, str], tuple[Any, str]]] = {}
        for block_id, block in blocks.items():
            cached = self._cache.get(block_id)
            if cached and cached[0] == block:
                text = cached[1]
                fresh_answers[block_id] = self._answers.get(block_id, {})
            else:
                answers = fresh_answers[block_id] = {}
                text = render_block(block_id, block,
                                    self._answer_renderer(self._answers.get(block_id, {}),
                                                          answers))
            fresh[block_id] = (block, text)
            if text:
                texts.append(text)
        self._cache, self._answers = fresh, fresh_answers
        tail = render_tail(data)
        if tail:
            texts.append(tail)
        return "\n".join(texts)

    @staticmethod
    def _answer_renderer(old: dict[tuple[str, str], tuple[Any, str]],
                         new: dict[tuple[str, str], tuple[Any, str]]) -> AnswerRenderer:
        """Renders an answer unless `old` holds it unchanged; records every answer in `new`."""

        def render(block_id: str, perspective: str, prompt_id: str,
                   answer: Mapping[str, Any]) -> str:
            cached = old.get((perspective, prompt_id))
            text = (cached[1] if cached and cached[0] == answer
                    else _render_answer(block_id, perspective, prompt_id, answer))
            new[(perspective, prompt_id)] = (answer, text)
            return text

        return render


def session_to_data(session: Session) -> dict[str, Any]:
    """A plain dict of the session (fresh objects, safe to hand to another thread)."""
    data = session.model_dump(mode="python", exclude_none=True)
    data["schema_version"] = session.schema_version
    return data


def dumps(session: Session) -> str:
    """The complete TOML text of a session."""
    return SessionRenderer().render(session_to_data(session))


def parse_session(text: str, path: Path) -> Session:
    """Parse a whole session file; every problem is a SessionFileError naming the file."""
    data = _loads(text, path)
    _check_version(data, path)
    try:
        return Session.model_validate(data)
    except ValidationError as error:
        raise SessionFileError(path, describe_validation_error(error, data, _KNOWN_KEYS)) from error


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

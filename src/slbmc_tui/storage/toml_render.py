"""Rendering session dicts to TOML text: the writing half of the session file format.

Kept apart from parsing (toml_format.py) so the saving path imports neither pydantic nor the
domain models: a save in a worker thread, or a fresh process, starts quickly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

import tomli_w

from slbmc_tui.domain.perspective import PERSPECTIVES

BLOCKS_MARKER = "\n[blocks."
HEAD_KEYS = ("schema_version", "meta", "position")


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
    return _ISO_DATETIME.sub(r"\1T\2", tomli_w.dumps(ordered, multiline_strings=False))


# tomli_w writes "2026-11-23 09:30:00+02:00"; both forms are TOML, but the "T" form is the
# ISO 8601 one that people and other tools expect. Quoted strings never match (no quote).
_ISO_DATETIME = re.compile(r"^(\w+ = \d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})", re.MULTILINE)


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
        parts.append(_dump_with_literal(("blocks", block_id), own, "notes"))
    for perspective in PERSPECTIVES:
        for prompt_id, answer in (block.get(perspective) or {}).items():
            if not _is_empty_answer(answer):
                parts.append(render_answer(block_id, perspective, prompt_id, answer))
    return "\n".join(parts)


AnswerRenderer = Callable[[str, str, str, Mapping[str, Any]], str]
_AnswerCache = dict[tuple[str, str], tuple[Any, str]]


def _render_answer(block_id: str, perspective: str, prompt_id: str,
                   answer: Mapping[str, Any]) -> str:
    clean = {k: v for k, v in answer.items()
             if not (k in ("options", "needs_research", "text") and not v)}
    return _dump_with_literal(("blocks", block_id, perspective, prompt_id), clean, "text")


# What a TOML literal string may not hold: control characters other than tab and newline
# (a carriage return included, so CRLF text keeps its escaped form) and DEL.
_NOT_LITERAL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
_PLACEHOLDER = "slbmc-literal-placeholder-5c1e"


def literal_multiline(text: str) -> str | None:
    """`text` as a TOML multi-line literal string ('''...'''), or None when it cannot be one.

    Literal strings need no escaping, so they read exactly as typed, and tomllib parses
    them with one search instead of character by character: a large session loads several
    times faster than with basic (\"\"\") strings.
    """
    if "\n" not in text or "'''" in text or text.endswith("'"):
        return None
    if _NOT_LITERAL.search(text.replace("\n", "")):
        return None
    return f"'''\n{text}'''"


def _dump_with_literal(path: tuple[str, ...], table: Mapping[str, Any], key: str) -> str:
    """The table at `path`, its `key` written as a multi-line literal string when it can be."""
    value = table.get(key)
    literal = literal_multiline(value) if isinstance(value, str) else None
    if literal is None:
        return _dump(_nest(path, table))
    text = _dump(_nest(path, {**table, key: _PLACEHOLDER}))
    marker = f'{key} = "{_PLACEHOLDER}"\n'
    if text.count(marker) != 1:  # not where expected: write it the ordinary way
        return _dump(_nest(path, table))
    return text.replace(marker, f"{key} = {literal}\n")


def _nest(path: tuple[str, ...], table: Mapping[str, Any]) -> dict[str, Any]:
    nested: dict[str, Any] = dict(table)
    for part in reversed(path):
        nested = {part: nested}
    return nested


class SessionRenderer:
    """Renders session dicts to TOML, re-rendering only the blocks and answers that changed.

    Escaping a long answer is the slow part of a save (tomli_w formats strings one
    character at a time), so each answer's text is cached too: an edit re-renders one
    answer, not its whole block. One renderer belongs to one open session and is used
    from one saving thread at a time.
    """

    def __init__(self) -> None:
        self._cache: dict[str, tuple[Any, str]] = {}
        self._answers: dict[str, _AnswerCache] = {}

    def render(self, data: Mapping[str, Any]) -> str:
        blocks: dict[str, Any] = data.get("blocks") or {}
        texts = [render_head(data)]
        fresh: dict[str, tuple[Any, str]] = {}
        fresh_answers: dict[str, _AnswerCache] = {}
        for block_id, block in blocks.items():
            cached = self._cache.get(block_id)
            if cached and cached[0] == block:
                text = cached[1]
                fresh_answers[block_id] = self._answers.get(block_id, {})
            else:
                answers: _AnswerCache = {}
                fresh_answers[block_id] = answers
                text = render_block(block_id, block, self._answer_renderer(
                    self._answers.get(block_id, {}), answers))
            fresh[block_id] = (block, text)
            if text:
                texts.append(text)
        self._cache, self._answers = fresh, fresh_answers
        tail = render_tail(data)
        if tail:
            texts.append(tail)
        return "\n".join(texts)

    @staticmethod
    def _answer_renderer(old: _AnswerCache, new: _AnswerCache) -> AnswerRenderer:
        """Renders an answer unless `old` holds it unchanged; records every answer in `new`."""

        def render(block_id: str, perspective: str, prompt_id: str,
                   answer: Mapping[str, Any]) -> str:
            cached = old.get((perspective, prompt_id))
            text = (cached[1] if cached and cached[0] == answer
                    else _render_answer(block_id, perspective, prompt_id, answer))
            new[(perspective, prompt_id)] = (answer, text)
            return text

        return render

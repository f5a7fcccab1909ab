"""The two error types the data layer raises, with messages a user can act on."""

from __future__ import annotations

import datetime
import difflib
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # only for annotations: keeps the saving path free of pydantic
    from pydantic import ValidationError


class SlbmcFileError(Exception):
    """A file the app reads is unusable; the message names the file and the problem."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class BankError(SlbmcFileError):
    """A question bank file is missing, malformed or inconsistent."""


class SessionFileError(SlbmcFileError):
    """A session file cannot be read (not TOML, wrong types, too new, ...)."""


class FileWriteError(SlbmcFileError, OSError):
    """A file could not be written (disk full, read-only folder, ...); the old file is intact.

    Also an OSError, so code that catches OSError around a save keeps working; `errno`
    is the cause's.
    """

    def __init__(self, path: Path, problem: str, cause: OSError) -> None:
        super().__init__(path, problem)
        self.errno = cause.errno
        self.strerror = cause.strerror
        self.filename = str(path)

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}"


def _dotted(location: tuple[int | str, ...], data: Any) -> str:
    """A pydantic error location as a TOML key path, naming list items by their id."""
    text = ""
    node = data
    for step in location:
        if isinstance(step, int) and isinstance(node, list):
            item = node[step] if step < len(node) else None
            label = item.get("id") if isinstance(item, dict) else None
            text += f'["{label}"]' if label else f"[{step}]"
            node = item
        else:
            text += f".{step}" if text else str(step)
            node = node.get(step) if isinstance(node, dict) else None
    return text or "(top level)"


def type_name(value: Any) -> str:
    """How a message names a value's type: "text", "a number", "a table", ..."""
    names = {str: "text", int: "a number", float: "a number", bool: "true/false",
             list: "a list", dict: "a table", datetime.datetime: "a date and time",
             datetime.date: "a date", datetime.time: "a time of day"}
    return names.get(type(value), type(value).__name__)


_EXPECTED = {
    "string_type": "text", "int_type": "a whole number", "int_parsing": "a whole number",
    "bool_type": "true or false", "list_type": "a list", "dict_type": "a table",
    "model_type": "a table", "datetime_type": "a date and time",
    "datetime_parsing": "a date and time",
}


def describe_validation_error(
    error: ValidationError, data: Any, known_keys: dict[str, list[str]] | None = None,
    *, within: str = "",
) -> str:
    """Re-word a pydantic error in TOML terms: which key, what is wrong, one line each.

    `within` names the table that `data` is (e.g. "meta") when only part of a file was checked.
    """
    lines: list[str] = []
    for issue in error.errors():
        where = _dotted(tuple(issue["loc"]), data)
        if within:
            where = within if where == "(top level)" else f"{within}.{where}"
        kind = issue["type"]
        if kind == "missing":
            lines.append(f"`{where}` is missing")
        elif kind == "extra_forbidden":
            key = str(issue["loc"][-1])
            hint = ""
            if known_keys:
                parent = ".".join(str(p) for p in issue["loc"][:-1] if not isinstance(p, int))
                close = difflib.get_close_matches(key, known_keys.get(parent, []), n=1)
                if close:
                    hint = f" (did you mean `{close[0]}`?)"
            lines.append(f"`{where}` is not a known key{hint}")
        elif kind in _EXPECTED:
            expected = _EXPECTED[kind]
            lines.append(f"`{where}` must be {expected}, not {type_name(issue.get('input'))}")
        else:
            message = str(issue["msg"]).removeprefix("Value error, ")
            lines.append(message if where == "(top level)" else f"`{where}`: {message}")
    return "; ".join(lines)

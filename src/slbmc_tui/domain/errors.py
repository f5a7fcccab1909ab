"""The two error types the data layer raises, with messages a user can act on."""

from __future__ import annotations

import datetime
import difflib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from slbmc_tui.i18n import N_, _

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
    return text or TOP_LEVEL


TOP_LEVEL = "(top level)"


def must_be(where: str, expected: str, value: Any) -> str:
    """ "`meta.round` must be a whole number, not text"; `expected` is an N_() marked phrase."""
    return _("`{where}` must be {expected}, not {actual}").format(
        where=where, expected=_(expected), actual=type_name(value))


def is_missing(where: str) -> str:
    """ "`meta.title` is missing" in the current language."""
    return _("`{where}` is missing").format(where=where)


def type_name(value: Any) -> str:
    """How a message names a value's type: "text", "a number", "a table", ..."""
    name = _TYPE_NAMES.get(type(value))
    return _(name) if name else type(value).__name__


_TYPE_NAMES = {str: N_("text"), int: N_("a number"), float: N_("a number"),
               bool: N_("true/false"), list: N_("a list"), dict: N_("a table"),
               datetime.datetime: N_("a date and time"), datetime.date: N_("a date"),
               datetime.time: N_("a time of day")}


_EXPECTED = {
    "string_type": N_("text"), "int_type": N_("a whole number"),
    "int_parsing": N_("a whole number"), "bool_type": N_("true or false"),
    "list_type": N_("a list"), "dict_type": N_("a table"), "model_type": N_("a table"),
    "datetime_type": N_("a date and time"), "datetime_parsing": N_("a date and time"),
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
            where = within if where == TOP_LEVEL else f"{within}.{where}"
        kind = issue["type"]
        if kind == "missing":
            lines.append(is_missing(where))
        elif kind == "extra_forbidden":
            key = str(issue["loc"][-1])
            hint = ""
            if known_keys:
                parent = ".".join(str(p) for p in issue["loc"][:-1] if not isinstance(p, int))
                close = difflib.get_close_matches(key, known_keys.get(parent, []), n=1)
                if close:
                    hint = _(" (did you mean {key}?)").format(key=f"`{close[0]}`")
            lines.append(_("`{where}` is not a known key").format(where=where) + hint)
        elif kind in _EXPECTED:
            lines.append(must_be(where, _EXPECTED[kind], issue.get("input")))
        else:
            message = str(issue["msg"]).removeprefix("Value error, ")
            lines.append(message if where == TOP_LEVEL else f"`{where}`: {message}")
    return "; ".join(lines)

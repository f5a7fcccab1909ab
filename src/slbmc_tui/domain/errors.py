"""The two error types the data layer raises, with messages a user can act on."""

from __future__ import annotations

import datetime
import difflib
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from slbmc_tui.i18n import N_, SOURCE_LANGUAGE, _, current_language

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
            lines.append(_limit_or_value(where, kind, issue))
    return "; ".join(lines)


_LIMITS = {
    # pydantic's error type: (our message, the ctx key with the limit)
    "string_too_short": (N_("`{where}` must have at least {limit} characters"), "min_length"),
    "string_too_long": (N_("`{where}` must have at most {limit} characters"), "max_length"),
    "too_short": (N_("`{where}` must have at least {limit} items"), "min_length"),
    "too_long": (N_("`{where}` must have at most {limit} items"), "max_length"),
    "greater_than_equal": (N_("`{where}` must be {limit} or more"), "ge"),
    "less_than_equal": (N_("`{where}` must be {limit} or less"), "le"),
    "greater_than": (N_("`{where}` must be more than {limit}"), "gt"),
    "less_than": (N_("`{where}` must be less than {limit}"), "lt"),
    "string_pattern_mismatch": (N_("`{where}` may hold only the characters {limit}"), "pattern"),
    "literal_error": (N_("`{where}` must be one of {limit}"), "expected"),
}
"""pydantic's constraint errors in our words, with the limit from the error's `ctx`."""


def _limit_or_value(where: str, kind: str, issue: Any) -> str:
    """One constraint error as a sentence in the current language: what, where, the limit.

    A `value_error` carries our own validator's message, already translated when raised.
    """
    context = issue.get("ctx") or {}
    if kind in _LIMITS and _LIMITS[kind][1] in context:
        template, key = _LIMITS[kind]
        limit = context[key]
        if key == "pattern":
            limit = str(limit).removeprefix("^").removesuffix("$").removesuffix("+")
        elif key == "expected":  # pydantic joins the choices with an English "or"
            limit = str(limit).replace(" or ", ", ")
        return _(template).format(where=where, limit=limit)
    if kind == "value_error" and "error" in context:
        message = str(context["error"])
    elif kind in ("float_type", "float_parsing", "int_from_float"):
        return must_be(where, N_("a number") if kind != "int_from_float"
                       else N_("a whole number"), issue.get("input"))
    elif current_language() == SOURCE_LANGUAGE:
        message = str(issue["msg"]).removeprefix("Value error, ")
    else:  # a constraint we have no words for: where it is, in the language of the rest
        return _("`{where}` is not valid").format(where=where)
    return message if where == TOP_LEVEL else f"`{where}`: {message}"


_TOML_PROBLEMS = {
    "Invalid value": N_("a value is missing or not valid"),
    "Cannot overwrite a value": N_("a key is given a value twice"),
    "Unterminated string": N_("a string is not closed with its quote"),
    "Unclosed inline table": N_("an inline table is not closed with }"),
    "Unclosed array": N_("a list is not closed with ]"),
    "Invalid statement": N_("a line is neither a key = value nor a [table]"),
    "Invalid initial character for a key part": N_("a key starts with a character keys "
                                                    "cannot have"),
    "Expected '=' after a key in a key/value pair": N_("a key has no = and value after it"),
    "Expected ']' at the end of a table declaration": N_("a [table] heading is not closed "
                                                         "with ]"),
    "Expected ']]' at the end of an array declaration": N_("a [[table]] heading is not "
                                                           "closed with ]]"),
    "Expected newline or end of document after a statement": N_(
        "something follows a value on the same line"),
    "Invalid date or datetime": N_("a date or time is not valid"),
    "Invalid hex value": N_("a \\u escape is not valid"),
    "Unescaped '\\' in a string": N_("a backslash in a string is not escaped (write \\\\)"),
}
"""tomllib's messages (English in its code) in words for the catalogue."""

_TOML_WHERE = re.compile(r"^(?P<what>.*?) \((?:at line (?P<line>\d+), column (?P<column>\d+)"
                         r"|(?P<end>at end of document))\)$", re.DOTALL)


def describe_toml_error(cause: Exception) -> str:
    """A TOML syntax error in the current language: what is wrong and where (line, column).

    tomllib words its errors in English; the common ones are in the catalogue, the rare ones
    keep tomllib's words in English and are "not valid TOML" with the place elsewhere.
    """
    text = str(cause)
    found = _TOML_WHERE.match(text)
    if found is None or current_language() == SOURCE_LANGUAGE:
        return text
    what = found["what"]
    problem = _(_TOML_PROBLEMS[what]) if what in _TOML_PROBLEMS else _("the syntax is not valid")
    if found["end"]:
        return _("{problem}, at the end of the file").format(problem=problem)
    return _("{problem}, at line {line}, column {column}").format(
        problem=problem, line=found["line"], column=found["column"])
